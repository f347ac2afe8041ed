import { describe, expect, it } from 'vitest';
import { weekOf, weeksOf } from './usage-report.js';

describe('report weeks', () => {
  it.each([
    ['2026-11-30', '2026-11-30'], // a Monday
    ['2026-12-06', '2026-11-30'], // the Sunday after
    ['2026-12-07', '2026-12-07'],
    ['2027-01-01', '2026-12-28'], // across a new year
    ['1970-01-01', '1969-12-29'], // day 0, a Thursday
  ])('puts %s in the ISO week starting %s', (day, monday) => {
    expect(weekOf(day)).toBe(monday);
  });

  it('cuts the first and last weeks to the period', () => {
    expect(weeksOf({ from: '2026-11-26', to: '2026-12-08' })).toEqual([
      { week: '2026-11-23', from: '2026-11-26', to: '2026-11-29' },
      { week: '2026-11-30', from: '2026-11-30', to: '2026-12-06' },
      { week: '2026-12-07', from: '2026-12-07', to: '2026-12-08' },
    ]);
    expect(weeksOf({ from: '2026-12-02', to: '2026-12-02' })).toEqual([
      { week: '2026-11-30', from: '2026-12-02', to: '2026-12-02' },
    ]);
  });
});
