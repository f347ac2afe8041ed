import { describe, expect, it } from 'vitest';
import type { StoredScoredAsset } from '../scorecard/scorecard.repository.js';
import { computeScorecard } from '../scorecard/compute-scorecard.js';
import { defaultControls } from '../scorecard/default-controls.js';
import { generateAssets } from '../scorecard/testing/generate-assets.js';
import { DEMO_HISTORY_WEEKS, demoHistoryDates, demoInventoryAsOf } from './demo-scorecard-history.js';

const TODAY = '2026-12-01';
const today: StoredScoredAsset[] = generateAssets(3000, { offices: 20, asOf: TODAY, seed: 5 }).map(
  (asset) => ({ ...asset, office_id: asset.office_key ?? 'none', name: asset.id }),
);
const dates = demoHistoryDates(TODAY);
const at = (asOf: string, seed = 1) => demoInventoryAsOf(today, TODAY, asOf, seed);
const score = (assets: StoredScoredAsset[], asOf: string) =>
  computeScorecard(assets, { asOf, by: 'organisation', controls: defaultControls() }).overall.score!;

describe('demo scorecard history', () => {
  it('has a snapshot every week for twelve weeks before today, oldest first', () => {
    expect(dates).toHaveLength(DEMO_HISTORY_WEEKS);
    expect(dates[0]).toBe('2026-09-08');
    expect(dates.at(-1)).toBe('2026-11-24');
  });

  it('is today’s inventory itself on today’s date', () => {
    expect(at(TODAY)).toEqual(today);
  });

  it.each(dates.slice(0, -1).map((date, i) => [date, dates[i + 1]!]))(
    'on %s holds nothing that was not still there on %s, with no field set then and empty later',
    (earlier, later) => {
      const after = new Map(at(later).map((asset) => [asset.id, asset]));
      for (const asset of at(earlier)) {
        const next = after.get(asset.id);
        expect(next, asset.id).toBeDefined();
        for (const [field, value] of Object.entries(asset)) {
          if (value === null) continue;
          expect((next as unknown as Record<string, unknown>)[field], `${asset.id} ${field}`).toEqual(value);
        }
      }
    },
  );

  it('has no review dated after the snapshot', () => {
    for (const date of dates)
      for (const asset of at(date)) {
        if (asset.last_reviewed !== null) expect(asset.last_reviewed <= date).toBe(true);
        if (asset.last_access_review !== null) expect(asset.last_access_review <= date).toBe(true);
      }
  });

  it('grows the inventory by about a quarter and raises the score over the twelve weeks', () => {
    const first = at(dates[0]!);
    expect(first.length / today.length).toBeGreaterThan(0.7);
    expect(first.length / today.length).toBeLessThan(0.8);
    expect(score(first, dates[0]!)).toBeLessThan(score(today, TODAY) - 5);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(at(dates[3]!)).toEqual(at(dates[3]!));
    expect(at(dates[3]!, 2)).not.toEqual(at(dates[3]!));
  });
});
