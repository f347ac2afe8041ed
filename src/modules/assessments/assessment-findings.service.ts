import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { requirePermission } from '../../core/permissions.js';
import { inTransaction, throwStale, type ServiceDeps } from '../../core/service-context.js';
import { findQuestion, type AssessmentTemplate } from './assessment-template.js';
import { AssessmentRepository, type AssessmentListRow, type FindingRow } from './assessments.repository.js';
import type { Finding, FindingCreate, FindingUpdate } from './assessments.schema.js';
import type { AssessmentService } from './assessments.service.js';

const FINDING = 'assessment_finding';

/** What the risk register gets when a finding opens a risk. */
export interface FindingForRisk {
  finding: Finding;
  assessment: {
    id: string;
    title: string;
    template_id: string;
    office_id: string;
    subject_kind: string;
    subject_id: string | null;
    subject_text: string | null;
  };
}

/**
 * Opens a risk in the risk register for a finding and answers the new risk's id. Implemented by the
 * risk module (its `createFromFinding`) and injected here, so assessments do not depend on it.
 */
export interface RiskOpener {
  openRisk(ctx: RequestContext, input: FindingForRisk): Promise<string>;
}

/**
 * Findings of an assessment: title, severity, recommendation, the question they arise from, and
 * the risk they opened. Written only while the assessment is not completed; opening a risk from a
 * finding is allowed afterwards too, as it changes the register, not what was assessed.
 */
export class AssessmentFindingService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly assessments: AssessmentService,
    private riskOpener: RiskOpener | null = null,
  ) {}

  /** Connect the risk register (done once when the services are composed). */
  useRiskOpener(opener: RiskOpener): void {
    this.riskOpener = opener;
  }

  async add(ctx: RequestContext, assessmentId: string, input: FindingCreate): Promise<Finding> {
    requirePermission(ctx.actor, 'assessment.write');
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const assessment = await this.assessments.lockForPartWrite(trx, ctx, assessmentId);
      checkQuestion(assessment, input.question_id ?? null);
      const now = isoNow(this.deps.clock);
      const row: FindingRow = {
        id: newId(),
        assessment_id: assessmentId,
        question_id: input.question_id ?? null,
        title: input.title,
        severity: input.severity,
        recommendation: input.recommendation || null,
        risk_id: null,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await new AssessmentRepository(trx).insertFinding(row);
      await audit({
        action: 'create',
        entityType: FINDING,
        entityId: row.id,
        officeId: assessment.office_id,
        after: row,
      });
      return present(row);
    });
  }

  async update(
    ctx: RequestContext,
    assessmentId: string,
    id: string,
    input: FindingUpdate,
  ): Promise<Finding> {
    requirePermission(ctx.actor, 'assessment.write');
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const assessment = await this.assessments.lockForPartWrite(trx, ctx, assessmentId);
      const repo = new AssessmentRepository(trx);
      const before = await findingOf(repo, assessmentId, id);
      if (before.version !== input.version) throwStale(FINDING, id, input.version, before);
      if (input.question_id !== undefined) checkQuestion(assessment, input.question_id);
      const changes = {
        title: input.title ?? before.title,
        severity: input.severity ?? before.severity,
        recommendation:
          input.recommendation === undefined ? before.recommendation : input.recommendation || null,
        question_id: input.question_id === undefined ? before.question_id : input.question_id,
        updated_at: isoNow(this.deps.clock),
      };
      if (!(await repo.updateFinding(id, input.version, changes)))
        throwStale(FINDING, id, input.version, await repo.findFinding(id));
      const after = { ...before, ...changes, version: input.version + 1 };
      await audit({
        action: 'update',
        entityType: FINDING,
        entityId: id,
        officeId: assessment.office_id,
        before,
        after,
      });
      return present(after);
    });
  }

  async remove(ctx: RequestContext, assessmentId: string, id: string, version: number): Promise<void> {
    requirePermission(ctx.actor, 'assessment.write');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const assessment = await this.assessments.lockForPartWrite(trx, ctx, assessmentId);
      const repo = new AssessmentRepository(trx);
      const before = await findingOf(repo, assessmentId, id);
      if (before.version !== version) throwStale(FINDING, id, version, before);
      if (!(await repo.deleteFinding(id, version)))
        throwStale(FINDING, id, version, await repo.findFinding(id));
      await audit({
        action: 'delete',
        entityType: FINDING,
        entityId: id,
        officeId: assessment.office_id,
        before,
      });
    });
  }

  /**
   * Open a risk for the finding in the risk register (one click) and link it. A finding opens one
   * risk: a second call answers 409 with the linked risk.
   */
  async openRisk(ctx: RequestContext, assessmentId: string, id: string, version: number): Promise<Finding> {
    requirePermission(ctx.actor, 'assessment.write');
    const opener = this.riskOpener;
    if (!opener) throw errors.conflict('The risk register is not available', { reason: 'no_risk_register' });
    const assessment = await this.assessments.visibleRow(ctx, assessmentId);
    const repo = new AssessmentRepository(this.deps.db.kysely);
    const finding = await findingOf(repo, assessmentId, id);
    if (finding.version !== version) throwStale(FINDING, id, version, finding);
    if (finding.risk_id) throw alreadyOpened(finding.risk_id);
    const riskId = await opener.openRisk(ctx, {
      finding: present(finding),
      assessment: assessmentFacts(assessment),
    });
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const inTrx = new AssessmentRepository(trx);
      const now = isoNow(this.deps.clock);
      if (!(await inTrx.linkRisk(id, riskId, now))) {
        const current = await inTrx.findFinding(id);
        if (!current) throw errors.notFound(FINDING, id);
        throw alreadyOpened(current.risk_id ?? '');
      }
      const after = { ...finding, risk_id: riskId, version: finding.version + 1, updated_at: now };
      await audit({
        action: 'open_risk',
        entityType: FINDING,
        entityId: id,
        officeId: assessment.office_id,
        before: { risk_id: null },
        after: { risk_id: riskId },
      });
      return present(after);
    });
  }
}

function assessmentFacts(row: AssessmentListRow): FindingForRisk['assessment'] {
  return {
    id: row.id,
    title: row.title,
    template_id: row.template_id,
    office_id: row.office_id,
    subject_kind: row.subject_kind,
    subject_id: row.subject_id,
    subject_text: row.subject_text,
  };
}

async function findingOf(repo: AssessmentRepository, assessmentId: string, id: string): Promise<FindingRow> {
  const row = await repo.findFinding(id);
  if (!row || row.assessment_id !== assessmentId) throw errors.notFound(FINDING, id);
  return row;
}

function checkQuestion(assessment: AssessmentListRow, questionId: string | null): void {
  if (questionId === null) return;
  if (!findQuestion(JSON.parse(assessment.template) as AssessmentTemplate, questionId))
    throw errors.validation(`question_id: no question ${questionId} in this assessment`, [
      { path: 'question_id', message: 'no such question in this assessment' },
    ]);
}

function alreadyOpened(riskId: string) {
  return errors.conflict(`This finding already opened risk ${riskId}`, {
    reason: 'risk_opened',
    risk_id: riskId,
  });
}

function present(row: FindingRow): Finding {
  return { ...row, severity: row.severity as Finding['severity'] };
}
