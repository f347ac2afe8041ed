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
import { AiSystemSheets } from '../modules/ai-registry/ai-system.sheets.js';
import { loadShippedCatalogue } from '../modules/ai-usage/catalogue.js';
import { UsageAppService } from '../modules/ai-usage/usage-apps.service.js';
import { UsageIngestService } from '../modules/ai-usage/usage-ingest.service.js';
import { UsageReportService } from '../modules/ai-usage/usage-report.service.js';
import { JobRunner } from '../modules/jobs/job-runner.js';
import { JobService } from '../modules/jobs/jobs.service.js';
import { ACCESS_CODE_TITLES, ACCESS_SOURCE } from '../modules/classification/access-actions.js';
import { AccessCheckService } from '../modules/classification/access-check.service.js';
import { DisclosureService } from '../modules/classification/disclosure.service.js';
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
  const aiSystems = new AiSystemService(deps, new Set(loadShippedCatalogue().apps.map((app) => app.id)));
  const jobs = new JobService(deps);
  const jobRunner = new JobRunner(deps, jobs);
  const scans = new ScanService(deps, { jobs, runner: jobRunner, assets, offices: org.offices });
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
      scans,
      accessChecks,
    }),
    orgImport: new OrgImportService(deps, org),
    audit: new AuditService(deps),
    frameworks: new FrameworkService(deps),
    aiAct: new AiActService(questionnaire),
    rollout,
    actions,
    scorecard,
    scorecardSnapshots,
    assets,
    inventoryImport: new InventoryImportService(deps, { ...org, assets }),
    aiSystems,
    aiClassifications: new AiClassificationService(deps, questionnaire),
    aiSheets: new AiSystemSheets(deps, aiSystems),
    ...usageServices(deps, config),
    jobs,
    jobRunner,
    scans,
    accessChecks,
    disclosure: new DisclosureService(),
  };
}

function usageServices(deps: { db: Db; clock: Clock }, config: Config) {
  const usageApps = new UsageAppService(deps);
  return {
    usageApps,
    usageIngest: new UsageIngestService(deps, usageApps, config.usageKey),
    usageReport: new UsageReportService(deps, usageApps),
  };
}

export type Services = ReturnType<typeof createServices>;
