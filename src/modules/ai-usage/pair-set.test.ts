import { describe, expect, it } from 'vitest';
import { PairSet } from './pair-set.js';

describe('the set of (bucket, user) pairs', () => {
  it('adds a pair once and says whether it was new', () => {
    const set = new PairSet(16);
    expect(set.add(1, 2)).toBe(true);
    expect(set.add(1, 2)).toBe(false);
    expect(set.add(2, 1)).toBe(true);
    expect(set.size).toBe(2);
    expect(set.has(1, 2)).toBe(true);
    expect(set.has(1, 3)).toBe(false);
  });

  it('keeps every pair while it grows, zeros included', () => {
    const set = new PairSet(16);
    for (let a = 0; a < 300; a += 1) for (let b = 0; b < 20; b += 1) set.add(a, b);
    expect(set.size).toBe(6000);
    for (let a = 0; a < 300; a += 1) for (let b = 0; b < 20; b += 1) expect(set.has(a, b)).toBe(true);
    expect(set.has(300, 0)).toBe(false);
  });

  it('visits every pair exactly once', () => {
    const set = new PairSet(16);
    const pairs: [number, number][] = [
      [0, 0],
      [5, 9],
      [2 ** 30, 7],
      [3, 2 ** 30],
    ];
    for (const [a, b] of pairs) set.add(a, b);
    const seen: string[] = [];
    set.forEach((a, b) => seen.push(`${a},${b}`));
    expect(seen.sort()).toEqual(pairs.map(([a, b]) => `${a},${b}`).sort());
  });
});
