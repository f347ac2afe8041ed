import type { RequestContext } from '../../core/audit.js';
import { isoDate, isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { startPeriodic, type PeriodicLog } from '../../core/periodic.js';
import { requirePermission, systemActor } from '../../core/permissions.js';
import {
  inTransaction,
  isUniqueViolation,
  throwStale,
  type ServiceDeps,
} from '../../core/service-context.js';
import type { LocalisedTitle } from '../actions/actions.schema.js';
import type { ActionService } from '../actions/actions.service.js';
import type { Tier } from './ai-act.schema.js';
import { REVIEW_MONTHS } from './ai-classification.rules.js';
import { AI_REVIEW_CODE, AI_REVIEW_SOURCE, planReviewActions } from './ai-review.plan.js';
import { AI_REGISTRY_SETTINGS_ID, AiReviewRepository } from './ai-review.repository.js';
import {
  reviewMonthsSchema,
  type AiReviewCheck,
  type AiReviewSettings,
  type AiReviewSettingsUpdate,
} from './ai-review.schema.js';

export const AI_REGISTRY_SETTINGS_ENTITY = 'ai_registry_settings';
export const AI_REVIEW_CHECK_ENTITY = 'ai_review_check';

/** The review settings as stored, over the shipped defaults (version 0 before the first save). */
export async function loadReviewSettings(repo: AiReviewRepository): Promise<AiReviewSettings> {
  const row = await repo.settings();
  if (!row) return { review_months: { ...REVIEW_MONTHS }, version: 0, updated_at: null };
  const stored = reviewMonthsSchema.partial().parse(JSON.parse(row.review_months));
  return {
    review_months: { ...REVIEW_MONTHS, ...stored },
    version: row.version,
    updated_at: row.updated_at,
  };
}

const REVIEW_TITLE: LocalisedTitle = {
  en: 'Review the AI system and its EU AI Act classification',
  fr: 'Réexaminer le système d’IA et sa classification au titre du règlement européen sur l’IA',
  es: 'Revisar el sistema de IA y su clasificación según el Reglamento europeo de IA',
};

/**
 * Reviews of the AI systems register. The months from verification to the next review, by tier, are
 * settings: anyone with 'ai.read' reads them, admins ('system.admin') change them; they apply to the
 * classifications verified from then on. The check turns every system whose review date has been
 * reached into an action for its owner (source `ai_review`, one open action per system) and closes
 * the actions of systems reviewed, retired or deleted since; it runs hourly in `custos serve` and on
 * demand ('ai.verify'), and audits a run that changed something as one event.
 */
export class AiReviewService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly actions: ActionService,
  ) {}

  /** Titles of the actions this source raises (for the actions list). */
  codeTitles(): ReadonlyMap<string, LocalisedTitle> {
    return new Map([[AI_REVIEW_CODE, REVIEW_TITLE]]);
  }

  async getSettings(ctx: RequestContext): Promise<AiReviewSettings> {
    requirePermission(ctx.actor, 'ai.read');
    return loadReviewSettings(new AiReviewRepository(this.deps.db.kysely));
  }

  async updateSettings(ctx: RequestContext, input: AiReviewSettingsUpdate): Promise<AiReviewSettings> {
    requirePermission(ctx.actor, 'system.admin');
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new AiReviewRepository(trx);
      const before = await loadReviewSettings(repo);
      if (before.version !== input.version)
        throwStale(AI_REGISTRY_SETTINGS_ENTITY, AI_REGISTRY_SETTINGS_ID, input.version, before);
      const months = { ...before.review_months, ...input.review_months };
      const unchanged = (Object.keys(months) as Tier[]).every(
        (tier) => months[tier] === before.review_months[tier],
      );
      if (unchanged && before.version > 0) return before;
      const now = isoNow(this.deps.clock);
      const stored = { review_months: JSON.stringify(months), updated_at: now };
      if (before.version === 0)
        await repo.insertSettings({ id: AI_REGISTRY_SETTINGS_ID, ...stored, version: 1 });
      else if (!(await repo.updateSettings(before.version, stored)))
        throwStale(
          AI_REGISTRY_SETTINGS_ENTITY,
          AI_REGISTRY_SETTINGS_ID,
          input.version,
          await repo.settings(),
        );
      const after: AiReviewSettings = { review_months: months, version: before.version + 1, updated_at: now };
      await audit({
        action: 'update',
        entityType: AI_REGISTRY_SETTINGS_ENTITY,
        entityId: AI_REGISTRY_SETTINGS_ID,
        before,
        after,
      });
      return after;
    });
  }

  /** Bring the review actions in line with the review dates, organisation-wide. */
  async check(ctx: RequestContext): Promise<AiReviewCheck> {
    requirePermission(ctx.actor, 'ai.verify');
    const asOf = isoDate(this.deps.clock.now());
    try {
      return await inTransaction(this.deps, ctx, async (trx, audit) => {
        const repo = new AiReviewRepository(trx);
        const due = (await repo.dueBy(asOf)).map((row) => ({
          system_id: row.id,
          office_id: row.office_id,
          tier: row.tier as Tier,
          next_review_date: row.next_review_date!,
          business_owner_id: row.business_owner_id,
          technical_owner_id: row.technical_owner_id,
        }));
        const open = await this.actions.openIn(trx, AI_REVIEW_SOURCE);
        const existing = await repo.existing(open.map((action) => action.subject_id));
        const { unchanged, ...changes } = planReviewActions(due, open, existing);
        await this.actions.applyIn(trx, changes);
        const result: AiReviewCheck = {
          as_of: asOf,
          overdue: due.length,
          actions: {
            opened: changes.open.length,
            closed: changes.close.length,
            updated: changes.update.length,
            unchanged,
          },
        };
        if (changes.open.length + changes.close.length + changes.update.length > 0)
          await audit({ action: 'check', entityType: AI_REVIEW_CHECK_ENTITY, entityId: asOf, after: result });
        return result;
      });
    } catch (error) {
      // Another process ran the check at the same moment (several servers, one database).
      if (isUniqueViolation(error))
        throw errors.conflict('The AI review check is being run by another process; try again');
      throw error;
    }
  }
}

/** The hourly review check of `custos serve`; logs only runs that opened or closed actions. */
export function startReviewChecks(
  reviews: AiReviewService,
  log: PeriodicLog,
  intervalMs = 60 * 60 * 1000,
): { stop(): Promise<void> } {
  return startPeriodic(
    'AI review check',
    async () => {
      const { actions } = await reviews.check({ actor: systemActor('scheduler'), requestId: null });
      return actions.opened + actions.closed > 0
        ? `AI review check: ${actions.opened} action(s) opened, ${actions.closed} closed`
        : null;
    },
    log,
    intervalMs,
  );
}
