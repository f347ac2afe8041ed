import { describe, expect, it } from 'vitest';
import { estimateMatches, type WordStatistics } from './fulltext-stats.js';
import type { TermWords } from './fulltext.js';

/** 100,000 rows; "cash" on 18%, "registry" on 8%, "data" on 99%; listed words down to 5%. */
const STATISTICS: WordStatistics = {
  rows: 100_000,
  shares: new Map([
    ['cash', 0.18],
    ['registry', 0.08],
    ['registries', 0.01],
    ['data', 0.99],
    ['dataset', 0.6],
  ]),
  leastShare: 0.05,
};

const words = (...list: string[]): TermWords => ({ words: list });

describe('estimating how many rows hold every term', () => {
  it.each<[string, TermWords[], number | null]>([
    ['one common word: its share of the rows', [words('cash')], 18_000],
    ['a term starting several words: their shares summed', [words('registry', 'registries')], 9_000],
    ['shares summed are at most every row', [words('data', 'dataset')], 100_000],
    ['two terms, as if independent: the product', [words('cash'), words('registry')], 1_440],
    ['a word not listed: 0.5% (not half the least share, 2.5%)', [words('quetzal')], 500],
    ['a rare word with a common one', [words('quetzal'), words('cash')], 90],
    ['a term asked as a prefix: unknown', [words('cash'), { prefix: 'r' }], null],
  ])('%s', (_case, asked, expected) => {
    const estimate = estimateMatches(STATISTICS, asked);
    if (expected === null) expect(estimate).toBeNull();
    else expect(estimate).toBeCloseTo(expected, 6);
  });

  it('counts a word not listed as half the least share when that is under 0.5%', () => {
    expect(estimateMatches({ ...STATISTICS, leastShare: 0.002 }, [words('quetzal')])).toBeCloseTo(100, 6);
  });

  it('scales with the rows counted', () => {
    expect(estimateMatches({ ...STATISTICS, rows: 0 }, [words('cash')])).toBe(0);
    expect(estimateMatches({ ...STATISTICS, rows: 1_000_000 }, [words('cash')])).toBeCloseTo(180_000, 6);
  });
});
