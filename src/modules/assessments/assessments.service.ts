import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoDate, isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { hasPermission, inScope, requirePermission } from '../../core/permissions.js';
import { inTransaction, throwStale, type AuditWriter, type ServiceDeps } from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import type { Attachment } from '../files/files.schema.js';
import type { FileService, StoredFile } from '../files/files.service.js';
import { assessmentReportFile, type AssessmentReportFile } from './assessment-export.js';
import { mergeAnswers, type Answers } from './assessment-answers.js';
import { attachEvidenceIn, detachEvidenceIn, EVIDENCE_OWNER, evidenceFileOf } from './assessment-evidence.js';
import type { AssessmentTemplate } from './assessment-template.js';
import type { AssessmentTemplateService } from './assessment-templates.service.js';
import {
  ASSESSMENT,
  pickAnswers,
  presentDetail,
  presentSummary,
  templateOf,
  versionInfo,
  visible,
  writable,
} from './assessments.present.js';
import {
  AssessmentRepository,
  type AssessmentListRow,
  type AssessmentRow,
} from './assessments.repository.js';
import type {
  AnswersUpdate,
  AssessmentCreate,
  AssessmentDetail,
  AssessmentListQuery,
  AssessmentSummary,
  ExportQuery,
  VersionInfo,
} from './assessments.schema.js';

/** A new assessment's input with its template and subject resolved (see `prepare`). */
export interface AssessmentStart {
  input: AssessmentCreate;
  template: AssessmentTemplate;
  subjectText: string;
  officeId: string;
}

/** Looks up an assessment's subject through its own module, with that module's permission and scope rules. */
export type SubjectLookup = (ctx: RequestContext, id: string) => Promise<{ name: string; office_id: string }>;
export interface SubjectDirectory {
  asset: SubjectLookup;
  ai_system: SubjectLookup;
}

/**
 * Assessments run from templates: answers saved section by section (versioned, 409 when stale),
 * evidence files per question, findings (assessment-findings.service), and the life cycle draft →
 * in review → completed. A completed assessment is locked (every write answers `locked`, 409) and
 * its snapshot kept as a version; reopening starts the next revision and old versions stay readable.
 *
 * 'assessment.read' within office scope (others answer 404); 'assessment.write' for every change.
 */
export class AssessmentService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly templates: AssessmentTemplateService,
    private readonly files: FileService,
    private readonly subjects: SubjectDirectory,
  ) {
    files.registerOwner(EVIDENCE_OWNER, async (ctx, id) => {
      if (!hasPermission(ctx.actor, 'assessment.read')) return false;
      const row = await this.repo().find(id);
      return row !== undefined && inScope(ctx.actor, row.office_id);
    });
  }

  private repo(db: Transaction<Database> | undefined = undefined): AssessmentRepository {
    return new AssessmentRepository(db ?? this.deps.db.kysely);
  }

  async list(ctx: RequestContext, query: AssessmentListQuery = {}): Promise<AssessmentSummary[]> {
    requirePermission(ctx.actor, 'assessment.read');
    const rows = await this.repo().list({
      scope: ctx.actor.scope.kind === 'all' ? undefined : ctx.actor.scope.officeIds,
      status: query.status,
      officeId: query.office_id,
      templateId: query.template_id,
      subjectId: query.subject_id,
    });
    return rows.map(presentSummary);
  }

  async get(ctx: RequestContext, id: string): Promise<AssessmentDetail> {
    requirePermission(ctx.actor, 'assessment.read');
    const row = visible(ctx.actor, await this.repo().find(id), id);
    return this.detail(row);
  }

  /** The assessment as it was when the given revision was completed. */
  async getVersion(ctx: RequestContext, id: string, revision: number): Promise<AssessmentDetail> {
    requirePermission(ctx.actor, 'assessment.read');
    visible(ctx.actor, await this.repo().find(id), id);
    const version = await this.repo().findVersion(id, revision);
    if (!version) throw errors.notFound('assessment version', `${id}/${revision}`);
    return JSON.parse(version.snapshot) as AssessmentDetail;
  }

  async create(ctx: RequestContext, input: AssessmentCreate): Promise<AssessmentDetail> {
    requirePermission(ctx.actor, 'assessment.write');
    const start = await this.prepare(ctx, input);
    return inTransaction(this.deps, ctx, (trx, audit) => this.createIn(trx, audit, ctx, start));
  }

  /**
   * Resolve the template and the subject (through their own services, outside any transaction: on
   * SQLite a transaction holds the only connection).
   */
  async prepare(ctx: RequestContext, input: AssessmentCreate): Promise<AssessmentStart> {
    requirePermission(ctx.actor, 'assessment.write');
    const { template } = await this.templates.resolve(input.template_id).catch(() => {
      throw errors.unknownReference('assessment template', input.template_id, 'template_id');
    });
    if (input.subject_kind === 'text')
      return { input, template, subjectText: input.subject_text ?? '', officeId: input.office_id ?? '' };
    const subjectId = input.subject_id ?? '';
    const subject = await this.subjects[input.subject_kind](ctx, subjectId).catch(() => {
      throw errors.unknownReference(input.subject_kind, subjectId, 'subject_id');
    });
    return { input, template, subjectText: subject.name, officeId: input.office_id ?? subject.office_id };
  }

  /** `create` inside the caller's transaction, from `prepare`d input (the demo loader). */
  async createIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    { input, template, subjectText, officeId }: AssessmentStart,
  ): Promise<AssessmentDetail> {
    requirePermission(ctx.actor, 'assessment.write');
    const repo = new AssessmentRepository(trx);
    if (!officeId || !inScope(ctx.actor, officeId) || !(await repo.officeExists(officeId)))
      throw errors.unknownReference('office', officeId, 'office_id');
    const now = isoNow(this.deps.clock);
    const row: AssessmentRow = {
      id: newId(),
      template_id: template.id,
      template: JSON.stringify(template),
      title: input.title,
      subject_kind: input.subject_kind,
      subject_id: input.subject_kind === 'text' ? null : (input.subject_id ?? null),
      subject_text: subjectText,
      office_id: officeId,
      status: 'draft',
      answers: '{}',
      revision: 1,
      version: 1,
      created_by: ctx.actor.label,
      created_at: now,
      updated_at: now,
      completed_by: null,
      completed_at: null,
    };
    await repo.insert(row);
    const { template: _template, answers: _answers, ...after } = row;
    await audit({ action: 'create', entityType: ASSESSMENT, entityId: row.id, officeId, after });
    return this.detail((await repo.find(row.id))!, trx);
  }

  /** Change the title, or send the assessment for review and back to draft. */
  async update(
    ctx: RequestContext,
    id: string,
    input: { version: number; title?: string; status?: 'draft' | 'in_review' },
  ): Promise<AssessmentDetail> {
    requirePermission(ctx.actor, 'assessment.write');
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new AssessmentRepository(trx);
      const before = writable(ctx.actor, await repo.find(id), id, input.version);
      const changes = {
        title: input.title ?? before.title,
        status: input.status ?? before.status,
        updated_at: isoNow(this.deps.clock),
      };
      if (!(await repo.update(id, input.version, changes)))
        throwStale(ASSESSMENT, id, input.version, await repo.find(id));
      await audit({
        action: before.status !== changes.status ? `status:${changes.status}` : 'update',
        entityType: ASSESSMENT,
        entityId: id,
        officeId: before.office_id,
        before: { title: before.title, status: before.status },
        after: { title: changes.title, status: changes.status },
      });
      return this.detail((await repo.find(id))!, trx);
    });
  }

  /** Save answers (autosave): only the questions sent change; a stale version answers 409. */
  async saveAnswers(ctx: RequestContext, id: string, input: AnswersUpdate): Promise<AssessmentDetail> {
    requirePermission(ctx.actor, 'assessment.write');
    return inTransaction(this.deps, ctx, (trx, audit) => this.saveAnswersIn(trx, audit, ctx, id, input));
  }

  async saveAnswersIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    id: string,
    input: AnswersUpdate,
  ): Promise<AssessmentDetail> {
    requirePermission(ctx.actor, 'assessment.write');
    const repo = new AssessmentRepository(trx);
    const before = writable(ctx.actor, await repo.find(id), id, input.version);
    const stored = JSON.parse(before.answers) as Answers;
    const { answers, issues } = mergeAnswers(templateOf(before), stored, input.answers);
    if (issues.length > 0) throw errors.validation(`${issues[0]!.path}: ${issues[0]!.message}`, issues);
    const ok = await repo.update(id, input.version, {
      answers: JSON.stringify(answers),
      updated_at: isoNow(this.deps.clock),
    });
    if (!ok) throwStale(ASSESSMENT, id, input.version, await repo.find(id));
    const changed = Object.keys(input.answers);
    await audit({
      action: 'answer',
      entityType: ASSESSMENT,
      entityId: id,
      officeId: before.office_id,
      before: pickAnswers(stored, changed),
      after: pickAnswers(answers, changed),
    });
    return this.detail((await repo.find(id))!, trx);
  }

  /** Attach an evidence file to a question (type sniffed and size limited by the file store). */
  async addEvidence(
    ctx: RequestContext,
    id: string,
    questionId: string,
    file: { bytes: Buffer; name: string },
  ): Promise<Attachment> {
    requirePermission(ctx.actor, 'assessment.write');
    return inTransaction(this.deps, ctx, (trx, audit) =>
      this.addEvidenceIn(trx, audit, ctx, id, questionId, file),
    );
  }

  async addEvidenceIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    id: string,
    questionId: string,
    file: { bytes: Buffer; name: string },
  ): Promise<Attachment> {
    requirePermission(ctx.actor, 'assessment.write');
    const row = await this.lockForPartWrite(trx, ctx, id);
    return attachEvidenceIn(this.files, trx, audit, ctx, row, questionId, file);
  }

  async removeEvidence(ctx: RequestContext, id: string, attachmentId: string): Promise<void> {
    requirePermission(ctx.actor, 'assessment.write');
    await inTransaction(this.deps, ctx, async (trx, audit) => {
      const row = await this.lockForPartWrite(trx, ctx, id);
      await detachEvidenceIn(this.files, trx, audit, row, attachmentId);
    });
  }

  /** An evidence file of the assessment, now or in one of its completed versions. */
  async evidenceFile(ctx: RequestContext, id: string, sha256: string): Promise<StoredFile> {
    requirePermission(ctx.actor, 'assessment.read');
    visible(ctx.actor, await this.repo().find(id), id);
    return evidenceFileOf(this.files, this.repo(), id, sha256);
  }

  /** Complete and lock the assessment (from review), keeping a snapshot of this revision. */
  async complete(ctx: RequestContext, id: string, version: number): Promise<AssessmentDetail> {
    requirePermission(ctx.actor, 'assessment.write');
    return inTransaction(this.deps, ctx, (trx, audit) => this.completeIn(trx, audit, ctx, id, version));
  }

  async completeIn(
    trx: Transaction<Database>,
    audit: AuditWriter,
    ctx: RequestContext,
    id: string,
    version: number,
  ): Promise<AssessmentDetail> {
    requirePermission(ctx.actor, 'assessment.write');
    const repo = new AssessmentRepository(trx);
    const before = writable(ctx.actor, await repo.find(id), id, version);
    if (before.status !== 'in_review')
      throw errors.conflict('Send the assessment for review before completing it', {
        reason: 'not_in_review',
      });
    const now = isoNow(this.deps.clock);
    const changes = {
      status: 'completed',
      completed_by: ctx.actor.label,
      completed_at: now,
      updated_at: now,
    };
    if (!(await repo.update(id, version, changes))) throwStale(ASSESSMENT, id, version, await repo.find(id));
    const detail = await this.detail((await repo.find(id))!, trx);
    const snapshot = { ...detail, versions: [...detail.versions, versionInfo(detail)] };
    await repo.insertVersion({
      assessment_id: id,
      revision: before.revision,
      snapshot: JSON.stringify(snapshot),
      completed_by: ctx.actor.label,
      completed_at: now,
    });
    await audit({
      action: 'complete',
      entityType: ASSESSMENT,
      entityId: id,
      officeId: before.office_id,
      before: { status: before.status },
      after: { status: 'completed', revision: before.revision },
    });
    return snapshot;
  }

  /** Reopen a completed assessment as the next revision, in draft; the completed one stays readable. */
  async reopen(ctx: RequestContext, id: string, version: number): Promise<AssessmentDetail> {
    requirePermission(ctx.actor, 'assessment.write');
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new AssessmentRepository(trx);
      const before = visible(ctx.actor, await repo.find(id), id);
      if (before.version !== version) throwStale(ASSESSMENT, id, version, before);
      if (before.status !== 'completed')
        throw errors.conflict('Only a completed assessment can be reopened', { reason: 'not_completed' });
      const changes = {
        status: 'draft',
        revision: before.revision + 1,
        completed_by: null,
        completed_at: null,
        updated_at: isoNow(this.deps.clock),
      };
      if (!(await repo.update(id, version, changes)))
        throwStale(ASSESSMENT, id, version, await repo.find(id));
      await audit({
        action: 'reopen',
        entityType: ASSESSMENT,
        entityId: id,
        officeId: before.office_id,
        before: { status: before.status, revision: before.revision },
        after: { status: 'draft', revision: changes.revision },
      });
      return this.detail((await repo.find(id))!, trx);
    });
  }

  async versions(ctx: RequestContext, id: string): Promise<VersionInfo[]> {
    requirePermission(ctx.actor, 'assessment.read');
    visible(ctx.actor, await this.repo().find(id), id);
    return this.repo().listVersions(id);
  }

  /** The assessment (now, or a completed revision) as a DOCX or PDF report in one language. */
  async exportReport(
    ctx: RequestContext,
    id: string,
    query: ExportQuery,
    format: 'docx' | 'pdf',
  ): Promise<AssessmentReportFile> {
    const detail = query.revision ? await this.getVersion(ctx, id, query.revision) : await this.get(ctx, id);
    return assessmentReportFile(detail, query.lang, isoDate(this.deps.clock.now()), format);
  }

  /**
   * The assessment row for a write to one of its parts (finding, evidence): visible, not completed,
   * and marked changed so that completing cannot interleave (see `touchUnlessCompleted`).
   */
  async lockForPartWrite(
    trx: Transaction<Database>,
    ctx: RequestContext,
    id: string,
  ): Promise<AssessmentListRow> {
    const repo = new AssessmentRepository(trx);
    const row = visible(ctx.actor, await repo.find(id), id);
    if (row.status === 'completed' || !(await repo.touchUnlessCompleted(id, isoNow(this.deps.clock))))
      throw errors.locked(ASSESSMENT, id);
    return row;
  }

  /** The visible assessment row, for the findings service (which checks its own permission). */
  async visibleRow(ctx: RequestContext, id: string, trx?: Transaction<Database>): Promise<AssessmentListRow> {
    return visible(ctx.actor, await this.repo(trx).find(id), id);
  }

  private async detail(row: AssessmentListRow, trx?: Transaction<Database>): Promise<AssessmentDetail> {
    const repo = this.repo(trx);
    const [findings, evidence, versions] = await Promise.all([
      repo.listFindings(row.id),
      this.files.list(EVIDENCE_OWNER, row.id, trx),
      repo.listVersions(row.id),
    ]);
    return presentDetail(row, findings, evidence, versions);
  }
}
