import { Prng } from '../../core/prng.js';
import { fnv1a } from '../ai-usage/byte-map.js';
import { addDays, dayNumber } from '../scorecard/calendar-date.js';
import type { StoredScoredAsset } from '../scorecard/scorecard.repository.js';

/** Weekly snapshots before today in the demo, so each scope's trend has a line to show. */
export const DEMO_HISTORY_WEEKS = 12;

/** The fields the health controls read, filled in together (an owner and a custodian, say). */
const FIXES: ReadonlyArray<readonly (keyof StoredScoredAsset)[]> = [
  ['data_owner_id', 'data_custodian_id'],
  ['description', 'purpose'],
  ['sensitivity_label'],
  ['legal_basis', 'retention'],
];

/** How many of today's assets were registered during the history, and how many of their gaps filled. */
const REGISTERED_SHARE = 0.25;
const FIX_SHARE = 0.3;
const HISTORY_DAYS = DEMO_HISTORY_WEEKS * 7;

/** The dates of the demo's earlier snapshots, oldest first: every 7 days before `today`. */
export function demoHistoryDates(today: string): string[] {
  return Array.from({ length: DEMO_HISTORY_WEEKS }, (_, i) => addDays(today, -7 * (DEMO_HISTORY_WEEKS - i)));
}

/**
 * The demo inventory as it stood on `asOf`, made up from today's (the same for the same assets and seed):
 * offices registered about a quarter of their assets during the last twelve weeks (absent before),
 * and about a third of the gaps the controls look at were filled during them (empty before). A review
 * dated after `asOf` had not happened yet. So scores rise towards today's, unevenly, as they do in a
 * roll-out. Each asset draws its days from the seed and its id alone, so a date's state does not
 * depend on which other dates are asked for.
 */
export function demoInventoryAsOf(
  today: readonly StoredScoredAsset[],
  todayDate: string,
  asOf: string,
  seed: number,
): StoredScoredAsset[] {
  const daysBefore = dayNumber(todayDate)! - dayNumber(asOf)!;
  const past: StoredScoredAsset[] = [];
  for (const asset of today) {
    const id = Buffer.from(asset.id);
    const prng = new Prng(seed ^ (fnv1a(id, 0, id.length) & 0x7fffffff));
    const registeredDaysAgo = prng.chance(REGISTERED_SHARE) ? prng.int(0, HISTORY_DAYS) : null;
    if (registeredDaysAgo !== null && registeredDaysAgo < daysBefore) continue;
    const then: StoredScoredAsset = { ...asset };
    for (const fields of FIXES) {
      const fixedDaysAgo = prng.chance(FIX_SHARE) ? prng.int(0, HISTORY_DAYS) : null;
      // Filled after `asOf` (fewer days ago than it): still empty then.
      if (fixedDaysAgo === null || fixedDaysAgo >= daysBefore) continue;
      for (const field of fields) (then as unknown as Record<string, unknown>)[field] = null;
    }
    if (then.last_reviewed !== null && then.last_reviewed > asOf) then.last_reviewed = null;
    if (then.last_access_review !== null && then.last_access_review > asOf) then.last_access_review = null;
    past.push(then);
  }
  return past;
}
