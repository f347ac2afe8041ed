import { addDays } from './calendar-date.js';
import type { AssetFailures } from './compute-scorecard.js';
import { requireAsOf } from './health-controls.js';
import type { ScoredAsset } from './scored-asset.js';
import { DEFAULT_SCORECARD_CONFIG, type ScorecardConfig } from './scorecard.schema.js';
import { dueDaysFor } from './scoring-plan.js';

/*
 * Every failing control of an asset becomes one action for the person responsible, and the next scoring
 * closes the actions whose control no longer fails: fixed items close themselves.
 */

export interface ActionDescriptor {
  asset_id: string;
  control: string;
  /** The first reason the control failed; `reason_codes` lists them all. */
  reason_code: string;
  reason_codes: string[];
  /** The data custodian, else the focal point, else the data owner; null when the asset names nobody. */
  assignee_person_id: string | null;
  /** The scoring date plus the control's due days (its own setting, else its severity's). */
  due_date: string;
}

export function assigneeFor(asset: ScoredAsset): string | null {
  return asset.data_custodian_id || asset.focal_point_id || asset.data_owner_id || null;
}

/** One action per failing control per asset, in the order of the failures. */
export function actionsFromFailures(
  found: readonly AssetFailures[],
  { asOf, config = DEFAULT_SCORECARD_CONFIG }: { asOf: string; config?: ScorecardConfig },
): ActionDescriptor[] {
  requireAsOf(asOf);
  const dueDates = new Map<string, string>();
  const actions: ActionDescriptor[] = [];
  for (const { asset, failures } of found) {
    const assignee = assigneeFor(asset);
    for (const failure of failures) {
      const codes = failure.reasons.map((reason) => reason.code);
      if (codes.length === 0) throw new Error(`control ${failure.control} failed without a reason`);
      const dueKey = `${failure.control}\u0000${failure.severity}`;
      let due = dueDates.get(dueKey);
      if (due === undefined) {
        due = addDays(asOf, dueDaysFor(config, failure.control, failure.severity));
        dueDates.set(dueKey, due);
      }
      actions.push({
        asset_id: asset.id,
        control: failure.control,
        reason_code: codes[0]!,
        reason_codes: codes,
        assignee_person_id: assignee,
        due_date: due,
      });
    }
  }
  return actions;
}

/** An action as stored: open until the scoring that finds its control passing (or not applying) again. */
export interface OpenAction {
  id: string;
  asset_id: string;
  control: string;
  reason_code: string;
  assignee_person_id: string | null;
  due_date: string;
}

/** What a scoring run looked at: only open actions inside it can be judged fixed. */
export interface ScoredScope {
  assetIds: ReadonlySet<string>;
  /** The controls that were enabled and evaluated. */
  controls: ReadonlySet<string>;
}

export type CloseReason = 'resolved' | 'control_removed' | 'duplicate';

export interface ActionReconciliation {
  /** New failures with no open action yet. */
  open: ActionDescriptor[];
  close: { action: OpenAction; reason: CloseReason }[];
  /** Still failing, but for another reason or now someone else's: change these fields, keep the due date. */
  update: { action: OpenAction; changes: Partial<Pick<OpenAction, 'reason_code' | 'assignee_person_id'>> }[];
  unchanged: OpenAction[];
}

/**
 * Compare the open actions with the actions a new scoring plans (both keyed by asset and control):
 * - planned with no open action → open;
 * - open, asset scored, control evaluated, not planned → close as `resolved` (passes or no longer applies);
 * - open, asset scored, control no longer enabled → close as `control_removed`;
 * - open for an asset the scoring did not look at → left alone (another scope's, or a partial run);
 * - a second open action for the same asset and control → close as `duplicate` (the first is kept);
 * - open and still planned → `update` when the reason or the assignee changed, else `unchanged`.
 *   The due date never moves: a failure that persists does not earn more time.
 */
export function reconcileActions(
  openActions: readonly OpenAction[],
  planned: readonly ActionDescriptor[],
  scope: ScoredScope,
): ActionReconciliation {
  const plannedByKey = new Map<string, ActionDescriptor>();
  for (const action of planned) plannedByKey.set(keyOf(action), action);
  const result: ActionReconciliation = { open: [], close: [], update: [], unchanged: [] };
  const kept = new Set<string>();
  for (const action of openActions) {
    const key = keyOf(action);
    if (!scope.assetIds.has(action.asset_id)) continue;
    if (kept.has(key)) {
      result.close.push({ action, reason: 'duplicate' });
      continue;
    }
    const next = plannedByKey.get(key);
    if (!next) {
      result.close.push({
        action,
        reason: scope.controls.has(action.control) ? 'resolved' : 'control_removed',
      });
      continue;
    }
    kept.add(key);
    const changes: Partial<Pick<OpenAction, 'reason_code' | 'assignee_person_id'>> = {};
    if (next.reason_code !== action.reason_code) changes.reason_code = next.reason_code;
    if (next.assignee_person_id !== action.assignee_person_id)
      changes.assignee_person_id = next.assignee_person_id;
    if (Object.keys(changes).length > 0) result.update.push({ action, changes });
    else result.unchanged.push(action);
  }
  for (const [key, action] of plannedByKey) if (!kept.has(key)) result.open.push(action);
  return result;
}

function keyOf(action: { asset_id: string; control: string }): string {
  return `${action.asset_id}\u0000${action.control}`;
}
