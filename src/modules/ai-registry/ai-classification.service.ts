import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoDate, isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { requirePermission, type Actor } from '../../core/permissions.js';
import {
  inTransaction,
  isUniqueViolation,
  throwStale,
  type AuditWriter,
  type ServiceDeps,
} from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import type { Questionnaire } from './ai-act.schema.js';
import { nextReviewDate } from './ai-classification.rules.js';
import { AiReviewRepository } from './ai-review.repository.js';
import { loadReviewSettings } from './ai-review.service.js';
import { AI_SYSTEM_ENTITY, visibleSystem } from './ai-system.checks.js';
import {
  presentAiSystem,
  presentClassification,
  storedAnswers,
  storedText,
  type AiClassificationRow,
} from './ai-system.present.js';
import { AiSystemRepository } from './ai-system.repository.js';
import type {
  AiClassification,
  ClassificationDraft,
  ClassificationStatus,
  ClassificationUpdate,
  RequestChanges,
  Verify,
} from './ai-system.schema.js';
import { classify } from './eu-ai-act.js';

export const AI_CLASSIFICATION_ENTITY = 'ai_classification';

/** Statuses in which the answers may still be edited in place. */
const EDITABLE: readonly ClassificationStatus[] = ['draft', 'changes_requested'];

/**
 * The EU AI Act classifications of an AI system, numbered 1, 2, … and verified by a second person:
 *
 *   draft ─submit→ submitted ─start-review→ under_review ─verify→ verified
 *     ↑                 └──────────request-changes──────────┴→ changes_requested ─edit→ draft
 *
 * Drafting and submitting need 'ai.write'; starting a review, verifying and requesting changes need
 * 'ai.verify', and the reviewer must not be the person who submitted it (four_eyes_required, 403).
 * A step from the wrong status answers 409 (conflict, details.reason = 'classification_status').
 * The result is always computed here with the classifier, never taken from the caller. Submitting
 * an Art. 6(3) derogation needs a written justification. Verifying sets the system's tier and its
 * next review date (the review settings' months for that tier, REVIEW_MONTHS by default).
 * Changing the answers of the verified, latest classification starts the next one as a draft with
 * the changes: verification is open again.
 */
export class AiClassificationService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly questionnaire: Questionnaire,
  ) {}

  async list(ctx: RequestContext, systemId: string): Promise<AiClassification[]> {
    requirePermission(ctx.actor, 'ai.read');
    const repo = new AiSystemRepository(this.deps.db.kysely);
    await visibleSystem(repo, ctx.actor, systemId);
    return (await repo.classifications(systemId)).map(presentClassification);
  }

  async get(ctx: RequestContext, systemId: string, number: number): Promise<AiClassification> {
    requirePermission(ctx.actor, 'ai.read');
    const repo = new AiSystemRepository(this.deps.db.kysely);
    await visibleSystem(repo, ctx.actor, systemId);
    return presentClassification(await this.find(repo, systemId, number));
  }

  /** A new draft; refused (409) while the latest classification is not verified yet. */
  async create(ctx: RequestContext, systemId: string, input: ClassificationDraft): Promise<AiClassification> {
    requirePermission(ctx.actor, 'ai.write');
    return this.write(ctx, async (repo, audit) => {
      const system = await visibleSystem(repo, ctx.actor, systemId);
      const latest = await repo.latestClassification(systemId);
      if (latest && latest.status !== 'verified')
        throw errors.conflict(
          `classification ${latest.number} of this system is still ${latest.status}: change it instead of starting another`,
          { reason: 'open_classification', number: latest.number, status: latest.status },
        );
      return this.insertDraft(repo, audit, system.office_id, systemId, (latest?.number ?? 0) + 1, {
        role: input.role,
        answers: input.answers,
        derogation_justification: storedText(input.derogation_justification),
      });
    });
  }

  /**
   * Change a draft (or a classification sent back with changes requested, which becomes a draft
   * again). On the verified, latest classification a real change starts the next one as a draft.
   */
  async update(
    ctx: RequestContext,
    systemId: string,
    number: number,
    input: ClassificationUpdate,
  ): Promise<AiClassification> {
    requirePermission(ctx.actor, 'ai.write');
    const { version, ...changes } = input;
    return this.write(ctx, async (repo, audit) => {
      const system = await visibleSystem(repo, ctx.actor, systemId);
      const before = await this.current(repo, systemId, number, version);
      const role = changes.role ?? (before.role as ClassificationDraft['role']);
      const answers = changes.answers === undefined ? before.answers : storedAnswers(changes.answers);
      const justification =
        changes.derogation_justification === undefined
          ? before.derogation_justification
          : storedText(changes.derogation_justification);
      const same =
        role === before.role &&
        answers === before.answers &&
        justification === before.derogation_justification;
      if (before.status === 'verified') {
        if (same) return presentClassification(before);
        const latest = await repo.latestClassification(systemId);
        if (latest && latest.number !== before.number)
          throw errors.conflict(`classification ${latest.number} is newer: change that one`, {
            reason: 'not_latest',
            number: latest.number,
          });
        return this.insertDraft(repo, audit, system.office_id, systemId, before.number + 1, {
          role,
          answers: JSON.parse(answers) as Record<string, boolean>,
          derogation_justification: justification,
        });
      }
      if (!EDITABLE.includes(before.status as ClassificationStatus)) throw wrongStatus(before, EDITABLE);
      if (same && before.status === 'draft') return presentClassification(before);
      const result = this.classify(role, JSON.parse(answers) as Record<string, boolean>);
      return this.change(repo, audit, system.office_id, before, 'update', {
        role,
        answers,
        result: JSON.stringify(result),
        tier: result.tier,
        derogation_justification: justification,
        status: 'draft',
      });
    });
  }

  async submit(
    ctx: RequestContext,
    systemId: string,
    number: number,
    version: number,
  ): Promise<AiClassification> {
    requirePermission(ctx.actor, 'ai.write');
    return this.write(ctx, async (repo, audit) => {
      const system = await visibleSystem(repo, ctx.actor, systemId);
      const before = await this.current(repo, systemId, number, version);
      if (!EDITABLE.includes(before.status as ClassificationStatus)) throw wrongStatus(before, EDITABLE);
      const result = presentClassification(before).result;
      if (result.derogation && before.derogation_justification === null)
        throw errors.validation(
          'derogation_justification: the answers lift a high-risk point under Art. 6(3); justify it in writing (Art. 6(4)) before submitting',
          [{ path: 'derogation_justification', message: 'required when Art. 6(3) applies' }],
        );
      return this.change(repo, audit, system.office_id, before, 'submit', {
        status: 'submitted',
        submitted_by: ctx.actor.label,
        submitted_at: isoNow(this.deps.clock),
      });
    });
  }

  async startReview(
    ctx: RequestContext,
    systemId: string,
    number: number,
    version: number,
  ): Promise<AiClassification> {
    requirePermission(ctx.actor, 'ai.verify');
    return this.write(ctx, async (repo, audit) => {
      const system = await visibleSystem(repo, ctx.actor, systemId);
      const before = await this.reviewable(repo, ctx.actor, systemId, number, version, ['submitted']);
      return this.change(repo, audit, system.office_id, before, 'start_review', {
        status: 'under_review',
        reviewed_by: ctx.actor.label,
        reviewed_at: null,
      });
    });
  }

  /** Verify: the system takes this classification's tier and is due for review by the review settings. */
  async verify(
    ctx: RequestContext,
    systemId: string,
    number: number,
    input: Verify,
  ): Promise<AiClassification> {
    requirePermission(ctx.actor, 'ai.verify');
    return this.write(ctx, async (repo, audit, trx) => {
      const system = await visibleSystem(repo, ctx.actor, systemId);
      const before = await this.reviewable(repo, ctx.actor, systemId, number, input.version, [
        'under_review',
      ]);
      const { review_months: months } = await loadReviewSettings(new AiReviewRepository(trx));
      const now = isoNow(this.deps.clock);
      const verified = await this.change(repo, audit, system.office_id, before, 'verify', {
        status: 'verified',
        reviewed_by: ctx.actor.label,
        reviewed_at: now,
        review_comments: storedText(input.comments) ?? before.review_comments,
      });
      const changes = {
        tier: verified.tier,
        next_review_date: nextReviewDate(verified.tier, isoDate(this.deps.clock.now()), months),
        updated_at: now,
      };
      if (!(await repo.update(system.id, system.version, changes)))
        throwStale(AI_SYSTEM_ENTITY, system.id, system.version, await repo.findById(system.id));
      await audit({
        action: 'update',
        entityType: AI_SYSTEM_ENTITY,
        entityId: system.id,
        officeId: system.office_id,
        before: presentAiSystem(system),
        after: presentAiSystem({ ...system, ...changes, version: system.version + 1 }),
      });
      return verified;
    });
  }

  async requestChanges(
    ctx: RequestContext,
    systemId: string,
    number: number,
    input: RequestChanges,
  ): Promise<AiClassification> {
    requirePermission(ctx.actor, 'ai.verify');
    return this.write(ctx, async (repo, audit) => {
      const system = await visibleSystem(repo, ctx.actor, systemId);
      const before = await this.reviewable(repo, ctx.actor, systemId, number, input.version, [
        'submitted',
        'under_review',
      ]);
      return this.change(repo, audit, system.office_id, before, 'request_changes', {
        status: 'changes_requested',
        reviewed_by: ctx.actor.label,
        reviewed_at: isoNow(this.deps.clock),
        review_comments: input.comments,
      });
    });
  }

  private write<T>(
    ctx: RequestContext,
    work: (repo: AiSystemRepository, audit: AuditWriter, trx: Transaction<Database>) => Promise<T>,
  ): Promise<T> {
    return inTransaction(this.deps, ctx, (trx, audit) => work(new AiSystemRepository(trx), audit, trx)).catch(
      (error: unknown) => {
        // Two drafts started at once: both read the same latest number.
        if (isUniqueViolation(error))
          throw errors.conflict('another classification was started at the same time; reload', {
            reason: 'open_classification',
          });
        throw error;
      },
    );
  }

  private classify(role: string, answers: Record<string, boolean>) {
    return classify({ role: role as ClassificationDraft['role'], answers }, this.questionnaire);
  }

  private async find(
    repo: AiSystemRepository,
    systemId: string,
    number: number,
  ): Promise<AiClassificationRow> {
    const row = await repo.classification(systemId, number);
    if (!row) throw errors.notFound(AI_CLASSIFICATION_ENTITY, `${systemId}/${number}`);
    return row;
  }

  /** The classification at the version the caller read (409 when it moved on). */
  private async current(
    repo: AiSystemRepository,
    systemId: string,
    number: number,
    version: number,
  ): Promise<AiClassificationRow> {
    const row = await this.find(repo, systemId, number);
    if (row.version !== version) throwStale(AI_CLASSIFICATION_ENTITY, row.id, version, row);
    return row;
  }

  /** A classification a reviewer may act on: right status, and not submitted by the reviewer. */
  private async reviewable(
    repo: AiSystemRepository,
    actor: Actor,
    systemId: string,
    number: number,
    version: number,
    statuses: readonly ClassificationStatus[],
  ): Promise<AiClassificationRow> {
    const row = await this.current(repo, systemId, number, version);
    if (!statuses.includes(row.status as ClassificationStatus)) throw wrongStatus(row, statuses);
    if (row.submitted_by === actor.label) throw errors.fourEyes(AI_CLASSIFICATION_ENTITY, row.id);
    return row;
  }

  private async insertDraft(
    repo: AiSystemRepository,
    audit: AuditWriter,
    officeId: string,
    systemId: string,
    number: number,
    input: {
      role: ClassificationDraft['role'];
      answers: Record<string, boolean>;
      derogation_justification: string | null;
    },
  ): Promise<AiClassification> {
    const result = this.classify(input.role, input.answers);
    const now = isoNow(this.deps.clock);
    const row: AiClassificationRow = {
      id: newId(),
      ai_system_id: systemId,
      number,
      role: input.role,
      answers: storedAnswers(input.answers),
      result: JSON.stringify(result),
      tier: result.tier,
      derogation_justification: input.derogation_justification,
      status: 'draft',
      submitted_by: null,
      submitted_at: null,
      reviewed_by: null,
      reviewed_at: null,
      review_comments: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertClassification(row);
    const created = presentClassification(row);
    await audit({
      action: 'create',
      entityType: AI_CLASSIFICATION_ENTITY,
      entityId: row.id,
      officeId,
      after: created,
    });
    return created;
  }

  private async change(
    repo: AiSystemRepository,
    audit: AuditWriter,
    officeId: string,
    before: AiClassificationRow,
    action: string,
    changes: Partial<AiClassificationRow>,
  ): Promise<AiClassification> {
    const stored = { ...changes, updated_at: isoNow(this.deps.clock) };
    if (!(await repo.updateClassification(before.id, before.version, stored)))
      throwStale(
        AI_CLASSIFICATION_ENTITY,
        before.id,
        before.version,
        await repo.classification(before.ai_system_id, before.number),
      );
    const after = presentClassification({ ...before, ...stored, version: before.version + 1 });
    await audit({
      action,
      entityType: AI_CLASSIFICATION_ENTITY,
      entityId: before.id,
      officeId,
      before: presentClassification(before),
      after,
    });
    return after;
  }
}

function wrongStatus(row: AiClassificationRow, expected: readonly ClassificationStatus[]) {
  return errors.conflict(
    `classification ${row.number} is ${row.status}; this step needs it ${expected.join(' or ')}`,
    { reason: 'classification_status', status: row.status, expected },
  );
}
