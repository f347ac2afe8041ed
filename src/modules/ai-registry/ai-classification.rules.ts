import type { Tier } from './ai-act.schema.js';

/*
 * Pure rules of the classification workflow: when a verified classification is due for review.
 */

/**
 * Months from verification to the next review, by tier (issue 5's defaults). A prohibited system is
 * due at once (0: the review date is the verification date); out of scope is re-checked like minimal.
 */
export const REVIEW_MONTHS: Readonly<Record<Tier, number>> = {
  prohibited: 0,
  high: 6,
  limited: 12,
  minimal: 24,
  out_of_scope: 24,
};

/** `date` (YYYY-MM-DD) plus whole months; a day the target month lacks becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
  ).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

export function nextReviewDate(tier: Tier, verifiedOn: string, months = REVIEW_MONTHS): string {
  return addMonths(verifiedOn, months[tier]);
}
