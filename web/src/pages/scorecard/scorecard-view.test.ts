import type { ScorecardGroup } from '@server/modules/scorecard/scorecard.schema';
import { describe, expect, it } from 'vitest';
import type { ControlInfo } from '@server/modules/scorecard/scorecard-api.schema';
import {
  controlRows,
  failingAssetsLink,
  groupRows,
  languageOf,
  localised,
  overdueReviews,
  passRate,
  worstControls,
  type ControlRow,
} from './scorecard-view';

const info = (id: string, en: string, fr = en): ControlInfo => ({
  id,
  title: { en, fr, es: en },
  description: null,
  severity: 'high',
  weight: 1,
  enabled: true,
  due_days: 30,
  builtin: true,
});

const row = (id: string, passed: number, applicable: number): ControlRow => ({
  id,
  title: id,
  passed,
  applicable,
  failing: applicable - passed,
  rate: passRate(passed, applicable),
});

describe('passRate', () => {
  it.each([
    [3, 4, 75],
    [2, 3, 66.7],
    [1, 3, 33.3],
    [1, 8, 12.5],
    [0, 5, 0],
    [5, 5, 100],
    [0, 0, null],
  ])('%i of %i is %j percent', (passed, applicable, rate) => {
    expect(passRate(passed, applicable)).toBe(rate);
  });
});

describe('languageOf and localised', () => {
  it.each([
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['en-GB', 'en'],
    ['de', 'en'],
  ])('%s reads titles in %s', (language, expected) => {
    expect(languageOf(language)).toBe(expected);
  });

  it('falls back to English, then to the given text', () => {
    expect(localised({ en: 'Ownership', fr: '', es: 'Propiedad' }, 'fr', 'ownership')).toBe('Ownership');
    expect(localised(null, 'fr', 'ownership')).toBe('ownership');
  });
});

describe('controlRows', () => {
  it('keeps the API order, titles each control in the reader language and counts failures', () => {
    const rows = controlRows(
      {
        ownership: { passed: 3, applicable: 4 },
        access_review: { passed: 0, applicable: 0 },
        dpia_done: { passed: 1, applicable: 2 },
      },
      [
        info('ownership', 'Ownership', 'Responsabilité'),
        info('access_review', 'Access review', 'Revue des accès'),
      ],
      'fr',
    );
    expect(rows).toEqual([
      { id: 'ownership', title: 'Responsabilité', passed: 3, applicable: 4, failing: 1, rate: 75 },
      { id: 'access_review', title: 'Revue des accès', passed: 0, applicable: 0, failing: 0, rate: null },
      { id: 'dpia_done', title: 'dpia_done', passed: 1, applicable: 2, failing: 1, rate: 50 },
    ]);
  });

  it('uses control ids while the titles have not arrived', () => {
    expect(controlRows({ ownership: { passed: 1, applicable: 1 } }, undefined, 'en')[0]?.title).toBe(
      'ownership',
    );
  });
});

describe('worstControls', () => {
  it('lists failing controls, lowest pass rate first, then most failures, then id', () => {
    const rows = [
      row('a', 3, 4), // 75
      row('b', 1, 2), // 50, 1 failing
      row('c', 5, 10), // 50, 5 failing
      row('d', 4, 4), // passes everywhere
      row('e', 0, 0), // applies to nothing
      row('f', 5, 10), // ties c: by id
      row('g', 0, 1), // 0
    ];
    expect(worstControls(rows).map((control) => control.id)).toEqual(['g', 'c', 'f', 'b', 'a']);
    expect(worstControls(rows, 2).map((control) => control.id)).toEqual(['g', 'c']);
  });

  it('is empty when nothing fails', () => {
    expect(worstControls([row('a', 2, 2), row('b', 0, 0)])).toEqual([]);
  });
});

describe('overdueReviews', () => {
  it('keeps the review controls with overdue assets, review freshness first', () => {
    const rows = [row('access_review', 1, 3), row('ownership', 0, 4), row('review_freshness', 2, 4)];
    expect(overdueReviews(rows).map((control) => [control.id, control.failing])).toEqual([
      ['review_freshness', 2],
      ['access_review', 2],
    ]);
  });

  it('leaves out reviews that are all up to date or apply to nothing', () => {
    expect(overdueReviews([row('review_freshness', 4, 4), row('access_review', 0, 0)])).toEqual([]);
  });
});

describe('groupRows', () => {
  const group = (key: string | null, name: string | null, score: number | null): ScorecardGroup => ({
    key,
    name,
    assets: 3,
    score,
    band: score === null ? null : score >= 80 ? 'Healthy' : 'Fair',
    controls: {},
  });

  it('puts the worst first, unscored groups last, ties by name, and names unassigned assets', () => {
    const rows = groupRows(
      [
        group('KE', 'Kenya', 72.5),
        group('UG', 'Uganda', 62.5),
        group(null, null, 10),
        group('SO', 'Somalia', null),
        group('ET', 'Ethiopia', 72.5),
        group('DJ', null, null),
      ],
      'Not assigned',
    );
    expect(rows.map((r) => [r.name, r.score])).toEqual([
      ['Not assigned', 10],
      ['Uganda', 62.5],
      ['Ethiopia', 72.5],
      ['Kenya', 72.5],
      ['DJ', null],
      ['Somalia', null],
    ]);
  });
});

describe('failingAssetsLink', () => {
  it.each([
    [{}, '/inventory/assets?control_failing=ownership'],
    [{ region_id: 'r1' }, '/inventory/assets?control_failing=ownership&region_id=r1'],
    [{ region_id: 'r1', office_id: 'o1' }, '/inventory/assets?control_failing=ownership&office_id=o1'],
  ])('narrows to %j', (scope, link) => {
    expect(failingAssetsLink('ownership', scope)).toBe(link);
  });
});
