import { describe, expect, it } from 'vitest';
import { trendSeries } from './trend.js';

describe('trend series', () => {
  const snapshots = [
    { date: '2026-12-01', key: 'KE', score: 69.4 },
    { date: '2026-12-01', key: 'UG', score: 62.5 },
    { date: '2026-12-02', key: 'KE', score: 71.2 },
    { date: '2026-12-03', key: 'KE', score: 72.5 },
    { date: '2026-12-02', key: 'UG', score: null },
    { date: '2026-12-03', key: 'UG', score: 60.1 },
  ];

  it('gives one series per scope, oldest point first, with the latest score and its change', () => {
    expect(trendSeries(snapshots)).toEqual([
      {
        key: 'KE',
        points: [
          { date: '2026-12-01', score: 69.4 },
          { date: '2026-12-02', score: 71.2 },
          { date: '2026-12-03', score: 72.5 },
        ],
        latest: 72.5,
        change: 1.3,
      },
      {
        key: 'UG',
        points: [
          { date: '2026-12-01', score: 62.5 },
          { date: '2026-12-02', score: null },
          { date: '2026-12-03', score: 60.1 },
        ],
        latest: 60.1,
        change: -2.4, // across the gap, without floating-point noise
      },
    ]);
  });

  it('sorts points whatever order the snapshots come in', () => {
    const [ke] = trendSeries([...snapshots].reverse());
    expect(ke!.points.map((p) => p.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
  });

  it('keeps the later of two snapshots of one scope on one date (daily run, then on demand)', () => {
    const [ke] = trendSeries([
      { date: '2026-12-01', key: 'KE', score: 69.4 },
      { date: '2026-12-01', key: 'KE', score: 70.0 },
    ]);
    expect(ke!.points).toEqual([{ date: '2026-12-01', score: 70 }]);
    expect(ke!.change).toBeNull();
  });

  it('narrows to a date range, both ends included', () => {
    const series = trendSeries(snapshots, { from: '2026-12-02', to: '2026-12-02' });
    expect(series.map((s) => [s.key, s.points.length, s.latest])).toEqual([
      ['KE', 1, 71.2],
      ['UG', 1, null],
    ]);
  });

  it('lists the unassigned scope (null key) last, and nothing for no snapshots', () => {
    expect(
      trendSeries([
        { date: '2026-12-01', key: null, score: 50 },
        { date: '2026-12-01', key: 'A', score: 1 },
      ]).map((s) => s.key),
    ).toEqual(['A', null]);
    expect(trendSeries([])).toEqual([]);
  });
});
