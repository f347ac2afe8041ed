import { describe, expect, it } from 'vitest';
import { VerdictCache } from './verdict-cache.js';

describe('verdict cache', () => {
  it('remembers the verdicts of short values', () => {
    const cache = new VerdictCache();
    const verdicts = Uint8Array.of(0, 2, 3);
    cache.remember('M', verdicts);
    expect(cache.lookup('M')).toBe(verdicts);
    expect(cache.lookup('F')).toBeUndefined();
  });

  it('does not keep long values or more than 1,024 of them', () => {
    const cache = new VerdictCache();
    expect(cache.wants('x'.repeat(65))).toBe(false);
    for (let i = 0; i < 1100; i++) cache.remember(`v${i}`, Uint8Array.of(1));
    expect(cache.lookup('v1023')).toBeDefined();
    expect(cache.lookup('v1024')).toBeUndefined();
    expect(cache.wants('new')).toBe(false);
  });

  it('switches itself off when values rarely repeat, and stays on when they do', () => {
    const distinct = new VerdictCache();
    const repeated = new VerdictCache();
    for (let i = 0; i < 20_000; i++) {
      if (!distinct.lookup(`id${i}`)) distinct.remember(`id${i}`, Uint8Array.of(1));
      const value = `d${i % 2000}`;
      if (!repeated.lookup(value)) repeated.remember(value, Uint8Array.of(1));
    }
    expect(distinct.lookup('id0')).toBeUndefined();
    expect(repeated.lookup('d0')).toBeDefined();
  });
});
