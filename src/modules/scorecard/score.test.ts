import { describe, expect, it } from 'vitest';
import { bandFor, score, scoreTenths, weightHundredths } from './score.js';
import { DEFAULT_SCORECARD_CONFIG } from './scorecard.schema.js';

const tally = (passed: number, applicable: number, weight = 1) => ({
  weight: weightHundredths(weight),
  passed,
  applicable,
});
const bands = DEFAULT_SCORECARD_CONFIG.bands;

describe('score', () => {
  it('is the mean of the pass rates × 100', () => {
    // (3/4 + 1/2) / 2 = 0.625
    expect(score([tally(3, 4), tally(1, 2)])).toBe(62.5);
  });

  it('leaves out controls with no applicable asset', () => {
    expect(score([tally(3, 4), tally(0, 0), tally(1, 2)])).toBe(62.5);
  });

  it('is null when no control applies', () => {
    expect(score([tally(0, 0), tally(0, 0)])).toBeNull();
    expect(score([])).toBeNull();
  });

  it('is 100 when everything passes and 0 when nothing does', () => {
    expect(score([tally(120, 120), tally(5, 5)])).toBe(100);
    expect(score([tally(0, 120), tally(0, 5)])).toBe(0);
  });

  it('weighs controls: weight 2 counts twice', () => {
    // (3/4 × 1 + 1/2 × 2) / 3 = 1.75 / 3 = 58.333…
    expect(score([tally(3, 4), tally(1, 2, 2)])).toBe(58.3);
    // weights with decimals: (1 × 1.5 + 0 × 0.5) / 2 = 75
    expect(score([tally(1, 1, 1.5), tally(0, 1, 0.5)])).toBe(75);
  });

  it.each([
    ['exactly 72.45', [tally(1449, 2000)], 72.5],
    ['exactly 72.44 (no rounding needed)', [tally(1811, 2500)], 72.4],
    ['72.4499… (just under a half)', [tally(72_449_999, 100_000_000)], 72.4],
    ['exactly 28.75, which floating point computes as 28.749999…', [tally(23, 80)], 28.8],
    ['exactly 51.25, likewise', [tally(41, 80)], 51.3],
    ['two thirds', [tally(2, 3)], 66.7],
    ['one third', [tally(1, 3)], 33.3],
    ['a half-way mean of two controls: (0.7245 + 0.7245) / 2', [tally(1449, 2000), tally(2898, 4000)], 72.5],
    ['exactly 0.05', [tally(1, 2000)], 0.1],
    ['exactly 99.95', [tally(1999, 2000)], 100],
  ])('rounds half away from zero to one decimal: %s', (_label, tallies, expected) => {
    expect(score(tallies)).toBe(expected);
  });

  it('computes exactly in tenths: a mean of three controls that is exactly 33.35 rounds up', () => {
    // (1/1 + 1/2000 + 0/1) / 3 = 0.3335
    expect(scoreTenths([tally(1, 1), tally(1, 2000), tally(0, 1)])).toBe(334);
  });

  it('stays exact at 100,000 applicable assets per control', () => {
    // (66,675/100,000 + 99,999/99,999 + 0/100,000) / 3 = 0.55558333…
    expect(scoreTenths([tally(66_675, 100_000), tally(99_999, 99_999), tally(0, 100_000)])).toBe(556);
    expect(scoreTenths([tally(66_675, 100_000)])).toBe(667);
  });
});

describe('bands', () => {
  it.each([
    [100, 'Healthy'],
    [80, 'Healthy'],
    [79.9, 'Fair'],
    [60, 'Fair'],
    [59.9, 'Not healthy'],
    [40, 'Not healthy'],
    [39.9, 'Critical'],
    [0, 'Critical'],
  ])('%d → %s with the default thresholds 80/60/40', (value, band) => {
    expect(bandFor(value, bands)).toBe(band);
  });

  it('no score, no band', () => {
    expect(bandFor(null, bands)).toBeNull();
  });

  it('follows changed thresholds, including decimals', () => {
    const strict = { healthy: 90, fair: 75.5, not_healthy: 50 };
    expect(bandFor(89.9, strict)).toBe('Fair');
    expect(bandFor(90, strict)).toBe('Healthy');
    expect(bandFor(75.5, strict)).toBe('Fair');
    expect(bandFor(75.4, strict)).toBe('Not healthy');
  });

  it('decides on the rounded score users see: 79.96 shows as 80 and is Healthy', () => {
    // 19,990 / 25,000 = 79.96 → 80.0
    const rounded = score([tally(19_990, 25_000)]);
    expect(rounded).toBe(80);
    expect(bandFor(rounded, bands)).toBe('Healthy');
  });
});
