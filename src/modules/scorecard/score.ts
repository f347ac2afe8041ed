import type { Band, BandThresholds } from './scorecard.schema.js';

/*
 * A scope's score: the weighted mean, over the controls with at least one applicable asset, of
 * passed / applicable, × 100, rounded to one decimal half away from zero (scores are never negative,
 * so: half up). The mean is computed as an exact fraction in integers, so a score that is exactly
 * 28.75 rounds to 28.8 (floating point would give 28.749999… and 28.7).
 */

export interface ControlTally {
  /** The control's weight in hundredths (weights have at most two decimals). */
  weight: number;
  passed: number;
  applicable: number;
}

/** The score in tenths of a point (725 for 72.5), or null when no control applies. */
export function scoreTenths(tallies: readonly ControlTally[]): number | null {
  let common = 1n; // product of the applicable counts: a common denominator of every pass rate
  let weights = 0n;
  const used: ControlTally[] = [];
  for (const tally of tallies) {
    if (tally.applicable <= 0) continue;
    common *= BigInt(tally.applicable);
    weights += BigInt(tally.weight);
    used.push(tally);
  }
  if (used.length === 0 || weights === 0n) return null;
  let numerator = 0n; // Σ weight × passed / applicable, over the common denominator
  for (const tally of used) {
    numerator += BigInt(tally.weight) * BigInt(tally.passed) * (common / BigInt(tally.applicable));
  }
  // score × 10 = 1000 × numerator / (common × weights); half up = floor(x + 1/2).
  const denominator = common * weights;
  return Number((2000n * numerator + denominator) / (2n * denominator));
}

/** The score with one decimal (72.5), or null. */
export function score(tallies: readonly ControlTally[]): number | null {
  const tenths = scoreTenths(tallies);
  return tenths === null ? null : tenths / 10;
}

/** The band of a rounded score: the score users see decides, so 79.96 shows as 80.0 and is Healthy. */
export function bandFor(rounded: number | null, bands: BandThresholds): Band | null {
  if (rounded === null) return null;
  const tenths = Math.round(rounded * 10);
  if (tenths >= Math.round(bands.healthy * 10)) return 'Healthy';
  if (tenths >= Math.round(bands.fair * 10)) return 'Fair';
  if (tenths >= Math.round(bands.not_healthy * 10)) return 'Not healthy';
  return 'Critical';
}

/** A weight from the configuration (two decimals at most) in hundredths. */
export function weightHundredths(weight: number): number {
  return Math.round(weight * 100);
}
