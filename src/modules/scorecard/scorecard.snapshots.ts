import type { RequestContext } from '../../core/audit.js';
import { isoDate, isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { startPeriodic, type PeriodicLog } from '../../core/periodic.js';
import { requirePermission, systemActor } from '../../core/permissions.js';
import { inTransaction, isUniqueViolation, type ServiceDeps } from '../../core/service-context.js';
import type { ActionChanges, ActionService, NewAction, StoredAction } from '../actions/actions.service.js';
import { actionsFromFailures, reconcileActions, type ActionDescriptor, type OpenAction } from './actions.js';
import { computeScorecard, findFailuresWith } from './compute-scorecard.js';
import type { SnapshotResult } from './scorecard-api.schema.js';
import { ScorecardRepository, type SnapshotRow, type StoredScoredAsset } from './scorecard.repository.js';
import { SCORECARD_DIMENSIONS } from './scorecard.schema.js';
import { keyToStoredKey, type ScorecardService } from './scorecard.service.js';
import { planScoring, type ScoringOptions } from './scoring-plan.js';

export const SCORECARD_SOURCE = 'scorecard';
export const SNAPSHOT_ENTITY = 'scorecard_snapshot';

/** The dedupe key of the scorecard's action for one asset and control. */
export function scorecardActionKey(assetId: string, control: string): string {
  return `${SCORECARD_SOURCE}:${assetId}:${control}`;
}

/**
 * Snapshots: every scope's scorecard on a date, for every dimension, over the whole organisation; and
 * in the same transaction the scorecard's actions brought in line with the failures of that scoring
 * (new failures open, fixed items close, see actions.ts). One audit event sums the run up.
 * Taking them needs 'scorecard.snapshot'; a second run on the same date replaces the first.
 */
export class ScorecardSnapshotService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly scorecard: ScorecardService,
    private readonly actions: ActionService,
  ) {}

  async take(ctx: RequestContext, input: { as_of?: string } = {}): Promise<SnapshotResult> {
    requirePermission(ctx.actor, 'scorecard.snapshot');
    const asOf = input.as_of ?? isoDate(this.deps.clock.now());
    try {
      return await inTransaction(this.deps, ctx, async (trx, audit) => {
        const repo = new ScorecardRepository(trx);
        const settings = await this.scorecard.loadSettings(repo);
        const options = { asOf, controls: settings.controls, config: settings.config };
        const plan = planScoring(options);
        const assets = await repo.scoredAssets({ scope: undefined });
        const rows = await storeSnapshots(repo, assets, options, isoNow(this.deps.clock));

        const planned = actionsFromFailures(findFailuresWith(assets, plan), options);
        const stored = await this.actions.openIn(trx, SCORECARD_SOURCE);
        const changes = actionChanges(assets, stored, planned, new Set(plan.controls.map((c) => c.id)));
        await this.actions.applyIn(trx, changes);
        const result: SnapshotResult = {
          as_of: asOf,
          snapshots: rows.length,
          actions: {
            opened: changes.open.length,
            closed: changes.close.length,
            updated: changes.update.length,
            unchanged: stored.length - changes.close.length - changes.update.length,
          },
        };
        await audit({ action: 'snapshot', entityType: SNAPSHOT_ENTITY, entityId: asOf, after: result });
        return result;
      });
    } catch (error) {
      // Another process took the same date's snapshot at the same moment (several servers, one database).
      if (isUniqueViolation(error))
        throw errors.conflict(
          `A scorecard snapshot for ${asOf} is being taken by another process; try again`,
        );
      throw error;
    }
  }

  /**
   * Snapshots of earlier dates from the inventory as it stood then, which the caller derives from
   * today's (`stateOn`): scored and stored as `take` does, without touching actions, which follow
   * today's inventory. For the demo's made-up past; needs 'system.admin' as well, since the caller says
   * what the inventory was. Returns the rows stored.
   */
  async recordPast(
    ctx: RequestContext,
    dates: readonly string[],
    stateOn: (today: readonly StoredScoredAsset[], asOf: string) => StoredScoredAsset[],
  ): Promise<number> {
    requirePermission(ctx.actor, 'scorecard.snapshot');
    requirePermission(ctx.actor, 'system.admin');
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new ScorecardRepository(trx);
      const settings = await this.scorecard.loadSettings(repo);
      const today = await repo.scoredAssets({ scope: undefined });
      let stored = 0;
      for (const asOf of dates) {
        const options = { asOf, controls: settings.controls, config: settings.config };
        const rows = await storeSnapshots(repo, stateOn(today, asOf), options, isoNow(this.deps.clock));
        stored += rows.length;
        await audit({
          action: 'snapshot',
          entityType: SNAPSHOT_ENTITY,
          entityId: asOf,
          after: { as_of: asOf, snapshots: rows.length, past: true },
        });
      }
      return stored;
    });
  }

  /** The daily run: take today's snapshots unless they exist. Returns whether it took them. */
  async ensureToday(): Promise<boolean> {
    const today = isoDate(this.deps.clock.now());
    if (await new ScorecardRepository(this.deps.db.kysely).hasSnapshot(today)) return false;
    await this.take({ actor: systemActor('scheduler'), requestId: null }, { as_of: today });
    return true;
  }
}

/** Score `assets` along every dimension and store the rows, replacing those of the same date. */
async function storeSnapshots(
  repo: ScorecardRepository,
  assets: readonly StoredScoredAsset[],
  options: ScoringOptions,
  now: string,
): Promise<SnapshotRow[]> {
  const rows: SnapshotRow[] = [];
  for (const by of SCORECARD_DIMENSIONS) {
    for (const group of computeScorecard(assets, { ...options, by }).groups) {
      rows.push({
        id: newId(),
        date: options.asOf,
        dimension: by,
        key: keyToStoredKey(group.key),
        name: group.name,
        assets: group.assets,
        score: group.score,
        band: group.band,
        controls: JSON.stringify(group.controls),
        created_at: now,
      });
    }
  }
  await repo.replaceSnapshots(options.asOf, rows);
  return rows;
}

/** What a scoring changes in the stored actions: reconcileActions, plus subjects gone and offices moved. */
function actionChanges(
  assets: readonly StoredScoredAsset[],
  stored: readonly StoredAction[],
  planned: readonly ActionDescriptor[],
  controls: ReadonlySet<string>,
): ActionChanges {
  const byId = new Map(assets.map((asset) => [asset.id, asset]));
  const open: OpenAction[] = stored.map((action) => ({
    id: action.id,
    asset_id: action.subject_id,
    control: action.code,
    reason_code: action.reason_codes[0] ?? '',
    assignee_person_id: action.assignee_person_id,
    due_date: action.due_date,
  }));
  const plan = reconcileActions(open, planned, { assetIds: new Set(byId.keys()), controls });
  const storedById = new Map(stored.map((action) => [action.id, action]));
  const plannedByKey = new Map(planned.map((p) => [scorecardActionKey(p.asset_id, p.control), p]));
  const update = new Map<string, ActionChanges['update'][number]['changes']>();
  for (const { action, changes } of plan.update) {
    const next = plannedByKey.get(scorecardActionKey(action.asset_id, action.control))!;
    update.set(action.id, {
      ...(changes.reason_code !== undefined ? { reason_codes: next.reason_codes } : {}),
      ...(changes.assignee_person_id !== undefined ? { assignee_person_id: changes.assignee_person_id } : {}),
    });
  }
  for (const action of [...plan.unchanged, ...plan.update.map((u) => u.action)]) {
    const office = byId.get(action.asset_id)!.office_id;
    if (storedById.get(action.id)!.office_id !== office)
      update.set(action.id, { ...update.get(action.id), office_id: office });
  }
  const close = plan.close.map(({ action, reason }) => ({ id: action.id, reason: reason as string }));
  // The run covers every asset: an open action whose asset is gone closes.
  for (const action of stored)
    if (!byId.has(action.subject_id)) close.push({ id: action.id, reason: 'subject_removed' });
  return {
    open: plan.open.map((p): NewAction => {
      const asset = byId.get(p.asset_id)!;
      return {
        source: SCORECARD_SOURCE,
        source_key: scorecardActionKey(p.asset_id, p.control),
        subject_type: 'asset',
        subject_id: p.asset_id,
        office_id: asset.office_id,
        assignee_person_id: p.assignee_person_id,
        code: p.control,
        reason_codes: p.reason_codes,
        due_date: p.due_date,
      };
    }),
    close,
    update: [...update].map(([id, changes]) => ({ id, changes })),
  };
}

/**
 * The daily snapshot of `custos serve`: once an hour (and at start), take today's snapshot when it
 * does not exist yet. Safe with several processes on one database: a date's snapshot is unique, so a
 * process that loses the race gets a conflict and leaves it be.
 */
export function startDailySnapshots(
  snapshots: ScorecardSnapshotService,
  log: PeriodicLog,
  intervalMs = 60 * 60 * 1000,
): { stop(): Promise<void> } {
  return startPeriodic(
    'daily scorecard snapshot',
    async () => ((await snapshots.ensureToday()) ? 'took the daily scorecard snapshot' : null),
    log,
    intervalMs,
  );
}
