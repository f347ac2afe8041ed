import type { Clock } from '../core/clock.js';
import type { Db } from '../db/database.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { DepartmentService } from '../modules/org/department.service.js';
import { OfficeService } from '../modules/org/office.service.js';
import { PersonService } from '../modules/org/person.service.js';
import { OrgImportService } from '../modules/org/org-import.service.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { OidcService } from '../modules/accounts/oidc.service.js';
import { TokenService } from '../modules/accounts/token.service.js';
import { UserService } from '../modules/accounts/user.service.js';
import { RegionService } from '../modules/org/region.service.js';
import { DemoService } from '../modules/demo/demo.service.js';
import { FrameworkService } from '../modules/frameworks/frameworks.service.js';
import { loadAiActQuestionnaire } from '../modules/ai-registry/ai-act.data.js';
import { AiActService } from '../modules/ai-registry/ai-act.service.js';
import { AssetService } from '../modules/inventory/asset.service.js';
import { RolloutService } from '../modules/rollout/rollout.service.js';
import { ActionService } from '../modules/actions/actions.service.js';
import { ScorecardService } from '../modules/scorecard/scorecard.service.js';
import { SCORECARD_SOURCE, ScorecardSnapshotService } from '../modules/scorecard/scorecard.snapshots.js';
import { InventoryImportService } from '../modules/inventory/inventory-import.service.js';
import { AiClassificationService } from '../modules/ai-registry/ai-classification.service.js';
import { AiSystemService } from '../modules/ai-registry/ai-system.service.js';
import { AiDocumentService } from '../modules/ai-registry/ai-documents.service.js';
import { AI_REVIEW_SOURCE } from '../modules/ai-registry/ai-review.plan.js';
import { AiReviewService } from '../modules/ai-registry/ai-review.service.js';
import { AiSystemSheets } from '../modules/ai-registry/ai-system.sheets.js';
import { loadShippedCatalogue } from '../modules/ai-usage/catalogue.js';
import { USAGE_ACTION_SOURCE } from '../modules/ai-usage/usage-alerts.js';
import { ALERT_SUBJECT_TYPE, UsageAlertService } from '../modules/ai-usage/usage-alerts.service.js';
import { UsageAppService } from '../modules/ai-usage/usage-apps.service.js';
import { UsageIngestService } from '../modules/ai-usage/usage-ingest.service.js';
import { UsageReportService } from '../modules/ai-usage/usage-report.service.js';
import { RiskActions, RISK_ACTION_SOURCE, treatmentTitles } from '../modules/risks/risk-actions.js';
import { riskVisibleIn } from '../modules/risks/risk.checks.js';
import { RiskRepository } from '../modules/risks/risk.repository.js';
import { RiskService } from '../modules/risks/risk.service.js';
import { RiskSheets } from '../modules/risks/risk.sheets.js';
import { RiskTreatmentService } from '../modules/risks/risk-treatment.service.js';
import { ComplianceService } from '../modules/compliance/compliance.service.js';
import { FileService } from '../modules/files/files.service.js';
import { loadShippedTemplates } from '../modules/assessments/assessment-templates.data.js';
import { AssessmentTemplateService } from '../modules/assessments/assessment-templates.service.js';
import { AssessmentService } from '../modules/assessments/assessments.service.js';
import { findingRiskInput } from '../modules/assessments/finding-risk.js';
import { AssessmentFindingService } from '../modules/assessments/assessment-findings.service.js';
import { JobRunner } from '../modules/jobs/job-runner.js';
import { JobService } from '../modules/jobs/jobs.service.js';
import { ACCESS_CODE_TITLES, ACCESS_SOURCE } from '../modules/classification/access-actions.js';
import { AccessCheckService } from '../modules/classification/access-check.service.js';
import { DisclosureService } from '../modules/classification/disclosure.service.js';
import { runScan } from '../modules/classification/scan.js';
import { ScanService } from '../modules/classification/scans.service.js';
import type { Config } from './config.js';

/** The composition root: every service, wired with its dependencies explicitly. */
export function createServices(db: Db, clock: Clock, config: Config) {
  const deps = { db, clock };
  const accounts = new AccountsService(deps, {
    maxFailures: config.login.maxFailures,
    lockMinutes: config.login.lockMinutes,
    sessionHours: config.sessionHours,
  });
  const org = {
    regions: new RegionService(deps),
    offices: new OfficeService(deps),
    departments: new DepartmentService(deps),
    people: new PersonService(deps),
  };
  const assets = new AssetService(deps);
  const rollout = new RolloutService(deps, org.regions);
  const actions = new ActionService(deps);
  const scorecard = new ScorecardService(deps);
  actions.describeCodes(SCORECARD_SOURCE, () => scorecard.controlTitles());
  const scorecardSnapshots = new ScorecardSnapshotService(deps, scorecard, actions);
  const questionnaire = loadAiActQuestionnaire();
  const shippedApps = loadShippedCatalogue().apps;
  const knownApps = new Set(shippedApps.map((app) => app.id));
  const aiSystems = new AiSystemService(
    deps,
    knownApps,
    shippedApps
      .map((app) => ({ id: app.id, name: app.name }))
      .toSorted((a, b) => a.name.localeCompare(b.name)),
  );
  const aiReviews = new AiReviewService(deps, actions);
  const aiClassifications = new AiClassificationService(deps, questionnaire);
  // The demo loads a history: the register's services as they would have run on an earlier day.
  const aiRegistryAt = (at: Clock) => ({
    systems: new AiSystemService({ db, clock: at }, knownApps),
    classifications: new AiClassificationService({ db, clock: at }, questionnaire),
  });
  actions.describeCodes(AI_REVIEW_SOURCE, () => Promise.resolve(aiReviews.codeTitles()));
  const usage = usageServices(deps, config, actions);
  const risks = riskServices(deps, actions, knownApps);
  const frameworks = new FrameworkService(deps);
  const assessment = assessmentServices(deps, config, { assets, aiSystems });
  const aiDocuments = new AiDocumentService(deps, assessment.files);
  // Requirements link risks of the register (checked in compliance's transaction) and evidence files.
  const compliance = new ComplianceService(deps, frameworks, {
    riskExists: (trx, id, ctx) => riskVisibleIn(trx, ctx.actor, id),
    files: assessment.files,
  });
  // A finding opens a risk in the register in one click.
  assessment.assessmentFindings.useRiskOpener({
    openRisk: async (ctx, finding) =>
      (await risks.risks.createFromFinding(ctx, findingRiskInput(finding))).id,
  });
  const jobs = new JobService(deps);
  const jobRunner = new JobRunner(deps, jobs);
  const scans = new ScanService(deps, {
    jobs,
    runner: jobRunner,
    assets,
    offices: org.offices,
    scanner: runScan,
  });
  const accessChecks = new AccessCheckService(deps, { assets, actions, policy: () => scans.policy() });
  actions.describeCodes(ACCESS_SOURCE, async () => ACCESS_CODE_TITLES);
  return {
    db,
    clock,
    config,
    accounts,
    users: new UserService(deps, accounts),
    tokens: new TokenService(deps),
    oidc: new OidcService(deps, accounts, config.oidc),
    ...org,
    demo: new DemoService(deps, {
      ...org,
      accounts,
      rollout,
      assets,
      scorecardSnapshots,
      compliance,
      ...assessment,
      aiRegistryAt,
      aiReviews,
      aiSystems,
      aiDocuments,
      usageApps: usage.usageApps,
      usageIngest: usage.usageIngest,
      risks: risks.risks,
      riskTreatments: risks.riskTreatments,
      scans,
      accessChecks,
    }),
    orgImport: new OrgImportService(deps, org),
    audit: new AuditService(deps),
    frameworks,
    compliance,
    aiAct: new AiActService(questionnaire),
    rollout,
    actions,
    scorecard,
    scorecardSnapshots,
    assets,
    inventoryImport: new InventoryImportService(deps, { ...org, assets }),
    aiSystems,
    aiDocuments,
    aiClassifications,
    aiSheets: new AiSystemSheets(deps, aiSystems),
    aiReviews,
    ...usage,
    ...assessment,
    ...risks,
    jobs,
    jobRunner,
    scans,
    accessChecks,
    disclosure: new DisclosureService(),
  };
}

function riskServices(
  deps: { db: Db; clock: Clock },
  actions: ActionService,
  knownApps: ReadonlySet<string>,
) {
  const riskActions = new RiskActions(actions);
  actions.describeCodes(RISK_ACTION_SOURCE, () => treatmentTitles(new RiskRepository(deps.db.kysely)));
  const risks = new RiskService(deps, knownApps, riskActions);
  return {
    risks,
    riskTreatments: new RiskTreatmentService(deps, riskActions),
    riskSheets: new RiskSheets(deps, risks),
  };
}

function assessmentServices(
  deps: { db: Db; clock: Clock },
  config: Config,
  subjects: { assets: AssetService; aiSystems: AiSystemService },
) {
  const files = new FileService(deps, config.fileLimitBytes);
  const assessmentTemplates = new AssessmentTemplateService(deps, loadShippedTemplates());
  const assessments = new AssessmentService(deps, assessmentTemplates, files, {
    asset: (ctx, id) => subjects.assets.get(ctx, id),
    ai_system: (ctx, id) => subjects.aiSystems.get(ctx, id),
  });
  return {
    files,
    assessmentTemplates,
    assessments,
    assessmentFindings: new AssessmentFindingService(deps, assessments),
  };
}

function usageServices(deps: { db: Db; clock: Clock }, config: Config, actions: ActionService) {
  const usageApps = new UsageAppService(deps);
  const usageAlerts = new UsageAlertService(deps, usageApps, actions);
  actions.describeCodes(USAGE_ACTION_SOURCE, () => usageAlerts.titles());
  actions.describeSubjects(ALERT_SUBJECT_TYPE, (ids) => usageAlerts.appNames(ids));
  return {
    usageApps,
    usageAlerts,
    usageIngest: new UsageIngestService(deps, usageApps, config.usageKey, usageAlerts),
    usageReport: new UsageReportService(deps, usageApps),
  };
}

export type Services = ReturnType<typeof createServices>;
