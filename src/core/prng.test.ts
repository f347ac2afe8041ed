import { describe, expect, it } from 'vitest';
import { Prng } from './prng.js';

const sequence = (seed: number, n = 5) => {
  const prng = new Prng(seed);
  return Array.from({ length: n }, () => prng.next());
};

describe('Prng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    expect(sequence(42)).toEqual(sequence(42));
    expect(sequence(42)).not.toEqual(sequence(43));
    expect(sequence(0)).not.toEqual(sequence(1));
  });

  it('stays in [0, 1) and int() stays within its inclusive bounds', () => {
    const prng = new Prng(7);
    const ints = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const x = prng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      ints.add(prng.int(2, 5));
    }
    expect([...ints].sort()).toEqual([2, 3, 4, 5]);
  });

  it('weighted() follows the weights', () => {
    const prng = new Prng(3);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++)
      counts[
        prng.weighted([
          ['a', 3],
          ['b', 1],
          ['never', 0],
        ] as const)
      ]++;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
  });

  it('shuffle() returns a permutation and leaves its input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = new Prng(9).shuffle(input);
    expect([...shuffled].sort()).toEqual(input);
    expect(shuffled).not.toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('refuses a non-integer seed and picking from nothing', () => {
    expect(() => new Prng(1.5)).toThrow('seed must be an integer');
    expect(() => new Prng(1).pick([])).toThrow('empty');
    expect(() => new Prng(1).weighted([])).toThrow('empty');
  });
});
