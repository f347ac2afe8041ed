import { daysOverdue } from './rollout-progress.js';
import type { OfficeRolloutRow } from './rollout.repository.js';
import type { OfficeRollout, OnboardingStatus } from './rollout.schema.js';

/** An office's roll-out as shown: no record yet reads as not started, no wave, version 0. */
export function presentOfficeRollout(row: OfficeRolloutRow, today: string): OfficeRollout {
  const { id: _key, onboarding_id: _id, status, version, ...rest } = row;
  const current = (status ?? 'not_started') as OnboardingStatus;
  const days = daysOverdue({ status: current, target_date: row.target_date }, today);
  return { ...rest, status: current, overdue: days !== null, days_overdue: days, version: version ?? 0 };
}
