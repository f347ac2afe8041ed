/*
 * Trends: each scope's score over time, from the snapshots taken daily and on demand.
 */

export interface ScoreSnapshot {
  /** The scoring date, `YYYY-MM-DD`. */
  date: string;
  /** The scope: a group key of the scorecard (office code, region code, …). */
  key: string | null;
  score: number | null;
}

export interface TrendPoint {
  date: string;
  score: number | null;
}

export interface TrendSeries {
  key: string | null;
  /** One point per date, oldest first; a null score (nothing applicable that day) is a gap. */
  points: TrendPoint[];
  /** The newest score, and its change since the score before it (both ignore gaps). */
  latest: number | null;
  change: number | null;
}

/**
 * One series per scope, keys in code-unit order (null last). Two snapshots of one scope on one date
 * (the daily run and an on-demand one) keep the one listed later: pass snapshots oldest first.
 * `from` and `to` (inclusive, `YYYY-MM-DD`) narrow the dates.
 */
export function trendSeries(
  snapshots: Iterable<ScoreSnapshot>,
  range: { from?: string; to?: string } = {},
): TrendSeries[] {
  const byKey = new Map<string | null, Map<string, number | null>>();
  for (const snapshot of snapshots) {
    if (range.from !== undefined && snapshot.date < range.from) continue;
    if (range.to !== undefined && snapshot.date > range.to) continue;
    let dates = byKey.get(snapshot.key);
    if (!dates) {
      dates = new Map();
      byKey.set(snapshot.key, dates);
    }
    dates.set(snapshot.date, snapshot.score);
  }
  const keys = [...byKey.keys()].sort(compareKeys);
  return keys.map((key) => {
    const points = [...byKey.get(key)!]
      .map(([date, score]) => ({ date, score }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const scored = points.filter((point) => point.score !== null);
    const latest = scored.at(-1)?.score ?? null;
    const previous = scored.at(-2)?.score ?? null;
    return {
      key,
      points,
      latest,
      // in tenths, so 72.5 − 70.1 is 2.4 and not 2.4000000000000057
      change:
        latest !== null && previous !== null
          ? (Math.round(latest * 10) - Math.round(previous * 10)) / 10
          : null,
    };
  });
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
