import { describe, expect, it } from 'vitest';
import { Reservoir, seededRandom } from './reservoir.js';

function sampleOf(n: number, size: number, seed: number): readonly number[] {
  const reservoir = new Reservoir<number>(size, seed);
  for (let i = 0; i < n; i++) reservoir.offer(i);
  return reservoir.sample();
}

describe('reservoir sampling', () => {
  it('keeps everything while the stream is shorter than the reservoir', () => {
    expect(sampleOf(5, 10, 1)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps exactly `size` distinct items of a longer stream', () => {
    const sample = sampleOf(100_000, 1000, 7);
    expect(sample).toHaveLength(1000);
    expect(new Set(sample).size).toBe(1000);
    expect(Math.max(...sample)).toBeGreaterThan(90_000);
  });

  it('gives the same sample for the same seed and another for another seed', () => {
    expect(sampleOf(10_000, 50, 42)).toEqual(sampleOf(10_000, 50, 42));
    expect(sampleOf(10_000, 50, 42)).not.toEqual(sampleOf(10_000, 50, 43));
  });

  it('samples uniformly over the whole stream (each tenth of the stream gets about a tenth)', () => {
    const counts = new Array<number>(10).fill(0);
    for (let seed = 1; seed <= 40; seed++)
      for (const item of sampleOf(20_000, 500, seed)) counts[Math.floor(item / 2000)]!++;
    // 20,000 picks in all, 2,000 expected per tenth; a biased sampler would be far off.
    for (const count of counts) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('counts every item offered', () => {
    const reservoir = new Reservoir<string>(2, 1);
    ['a', 'b', 'c'].forEach((item) => reservoir.offer(item));
    expect(reservoir.offered).toBe(3);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new Reservoir(0, 1)).toThrow(/positive integer/);
  });

  it('draws numbers in [0, 1) deterministically', () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(draws[0]).toBe(b());
  });
});
