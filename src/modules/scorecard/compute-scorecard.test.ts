import { describe, expect, it } from 'vitest';
import { computeScorecard, findFailures, ORGANISATION_KEY } from './compute-scorecard.js';
import { defaultControls } from './default-controls.js';
import { compileControls } from './health-controls.js';
import { parseRuleDefinition } from './rule.schema.js';
import { scoreTenths } from './score.js';
import type { ScoredAsset } from './scored-asset.js';
import { scorecardConfigSchema, scorecardSchema, type ScorecardConfigInput } from './scorecard.schema.js';
import { AS_OF, healthyAsset } from './testing/assets.js';
import { generateAssets } from './testing/generate-assets.js';

/*
 * The worked example of docs/scorecard.md, on 2026-12-01.
 *
 * Kenya (KE)  ownership  documentation  classification  personal data  review  access review
 *   A1          PASS        PASS           PASS            PASS          PASS      PASS
 *   A2          FAIL        PASS           PASS            n/a           FAIL      n/a
 *   A3          PASS        FAIL           FAIL            FAIL          PASS      n/a
 *   A4          PASS        PASS           PASS            PASS          PASS      FAIL
 *   passed      3/4         3/4            3/4             2/3           3/4       1/2
 *   score = (0.75 + 0.75 + 0.75 + 0.6667 + 0.75 + 0.5) / 6 × 100 = 69.44 → 69.4, Fair
 *
 * Uganda (UG)
 *   B1          PASS        PASS           PASS            n/a           PASS      n/a
 *   B2          FAIL        FAIL           PASS            n/a           FAIL      n/a
 *   passed      1/2         1/2            2/2             0/0           1/2       0/0
 *   score = (0.5 + 0.5 + 1 + 0.5) / 4 × 100 = 62.5, Fair (two controls apply to no asset: left out)
 *
 * Overall: 4/6, 4/6, 5/6, 2/3, 4/6, 1/2 → 4.0 / 6 × 100 = 66.7, Fair (not the mean of 69.4 and 62.5)
 */
const uganda = {
  office_key: 'UG',
  office_name: 'Uganda',
  department_key: 'UG/PROG',
  department_name: 'Programmes',
};
const publicNoPersonalData = { sensitivity_label: 'Public', personal_data: false };
function workedExample(): ScoredAsset[] {
  return [
    healthyAsset({ id: 'A1' }),
    healthyAsset({
      id: 'A2',
      data_custodian_id: null,
      sensitivity_label: 'Internal',
      personal_data: false,
      last_reviewed: '2025-06-01',
    }),
    healthyAsset({
      id: 'A3',
      sensitivity_label: null,
      retention: null,
      description: 'Payroll',
      last_reviewed: '2026-11-30',
    }),
    healthyAsset({
      id: 'A4',
      sensitivity_label: 'Strictly Confidential',
      last_access_review: null,
      last_reviewed: '2025-12-01',
    }),
    healthyAsset({ id: 'B1', ...uganda, ...publicNoPersonalData }),
    healthyAsset({
      id: 'B2',
      ...uganda,
      ...publicNoPersonalData,
      data_owner_id: null,
      data_custodian_id: null,
      description: null,
      purpose: null,
      system_id: null,
      last_reviewed: null,
    }),
  ];
}

const config = (input: ScorecardConfigInput = {}) => scorecardConfigSchema.parse(input);
const score = (
  by: 'office' | 'region' | 'department' | 'organisation',
  input: ScorecardConfigInput = {},
  assets = workedExample(),
) =>
  computeScorecard(assets, {
    by,
    asOf: AS_OF,
    controls: defaultControls(),
    config: config(input),
    organisationName: 'Demo Org',
  });

describe('computeScorecard by office: the worked example', () => {
  const scorecard = score('office');

  it('answers in the shape of the issue', () => {
    expect(scorecardSchema.parse(scorecard)).toEqual(scorecard);
    expect(scorecard.as_of).toBe(AS_OF);
    expect(scorecard.by).toBe('office');
  });

  it('scores Kenya 69.4 (Fair) with every control counted', () => {
    expect(scorecard.groups[0]).toEqual({
      key: 'KE',
      name: 'Kenya',
      assets: 4,
      score: 69.4,
      band: 'Fair',
      controls: {
        ownership: { passed: 3, applicable: 4 },
        documentation: { passed: 3, applicable: 4 },
        classification: { passed: 3, applicable: 4 },
        personal_data_safeguards: { passed: 2, applicable: 3 },
        review_freshness: { passed: 3, applicable: 4 },
        access_review: { passed: 1, applicable: 2 },
      },
    });
  });

  it('scores Uganda 62.5 over the four controls that apply there, still listing the other two', () => {
    const ug = scorecard.groups[1]!;
    expect([ug.key, ug.assets, ug.score, ug.band]).toEqual(['UG', 2, 62.5, 'Fair']);
    expect(ug.controls.personal_data_safeguards).toEqual({ passed: 0, applicable: 0 });
    expect(ug.controls.access_review).toEqual({ passed: 0, applicable: 0 });
  });

  it('scores the organisation from all assets (66.7), not as the mean of the office scores', () => {
    expect(scorecard.overall).toEqual({
      name: 'Demo Org',
      assets: 6,
      score: 66.7,
      band: 'Fair',
      controls: {
        ownership: { passed: 4, applicable: 6 },
        documentation: { passed: 4, applicable: 6 },
        classification: { passed: 5, applicable: 6 },
        personal_data_safeguards: { passed: 2, applicable: 3 },
        review_freshness: { passed: 4, applicable: 6 },
        access_review: { passed: 1, applicable: 2 },
      },
    });
  });
});

describe('computeScorecard settings', () => {
  it('weighs a control: access review × 2 gives Kenya 66.7 and leaves Uganda (no access review applies) at 62.5', () => {
    // Kenya: (0.75 × 4 + 0.6667 + 0.5 × 2) / 7 = 0.6667; overall: (0.6667 × 3 + 0.8333 + 0.6667 + 0.5 × 2) / 7 = 64.3
    const scorecard = score('office', { controls: { access_review: { weight: 2 } } });
    expect(scorecard.groups.map((g) => g.score)).toEqual([66.7, 62.5]);
    expect(scorecard.overall.score).toBe(64.3);
  });

  it('leaves a disabled control out of the score and out of the counts', () => {
    // Kenya without review freshness: (0.75 × 3 + 0.6667 + 0.5) / 5 = 68.3
    const scorecard = score('office', { controls: { review_freshness: { enabled: false } } });
    expect(scorecard.groups[0]!.score).toBe(68.3);
    expect(Object.keys(scorecard.groups[0]!.controls)).toEqual([
      'ownership',
      'documentation',
      'classification',
      'personal_data_safeguards',
      'access_review',
    ]);
  });

  it('bands with changed thresholds', () => {
    const scorecard = score('office', { bands: { healthy: 90, fair: 65, not_healthy: 50 } });
    expect(scorecard.groups.map((g) => g.band)).toEqual(['Fair', 'Not healthy']);
  });

  it('refuses settings for a control that does not exist', () => {
    expect(() => score('office', { controls: { ownershp: { weight: 2 } } })).toThrow(
      /controls\.ownershp: there is no control "ownershp"/,
    );
  });

  it('refuses to score with every control disabled', () => {
    const off = Object.fromEntries(defaultControls().map((c) => [c.id, { enabled: false }]));
    expect(() => score('office', { controls: off })).toThrow(/enable at least one control/);
  });

  it('refuses a scoring date that is not a calendar date', () => {
    expect(() =>
      computeScorecard([], { by: 'office', asOf: '2026-12-32', controls: defaultControls() }),
    ).toThrow(/as_of/);
  });

  it('uses the issue defaults when no settings are given', () => {
    const scorecard = computeScorecard(workedExample(), {
      by: 'office',
      asOf: AS_OF,
      controls: defaultControls(),
    });
    expect(scorecard.groups[0]!.score).toBe(69.4);
    expect(scorecard.overall.name).toBe('Organisation');
  });

  it('scores a custom control beside the defaults', () => {
    const dpia = parseRuleDefinition({
      id: 'dpia',
      name: { en: 'DPIA done' },
      applies_when: { field_in: { field: 'personal_data', values: [true] } },
      passes_when: { field_set: 'fields.dpia_reference' },
    });
    const assets = workedExample();
    assets[0]!.fields.dpia_reference = 'DPIA-2026-01';
    const scorecard = computeScorecard(assets, {
      by: 'office',
      asOf: AS_OF,
      controls: [...defaultControls(), dpia],
    });
    // Kenya: DPIA applies to A1, A3, A4 and only A1 passes: (4.1667 + 0.3333) / 7 = 64.3
    expect(scorecard.groups[0]!.controls.dpia).toEqual({ passed: 1, applicable: 3 });
    expect(scorecard.groups[0]!.score).toBe(64.3);
  });
});

describe('computeScorecard groupings', () => {
  it('by region puts both offices in East Africa, with the overall figures', () => {
    const scorecard = score('region');
    expect(scorecard.groups).toHaveLength(1);
    expect(scorecard.groups[0]).toMatchObject({ key: 'EA', name: 'East Africa', assets: 6, score: 66.7 });
  });

  it('by department keeps each office’s departments apart', () => {
    expect(score('department').groups.map((g) => [g.key, g.assets, g.score])).toEqual([
      ['KE/PROG', 4, 69.4],
      ['UG/PROG', 2, 62.5],
    ]);
  });

  it('by organisation gives one group equal to the overall figures', () => {
    const scorecard = score('organisation');
    const { key, ...rest } = scorecard.groups[0]!;
    expect(key).toBe(ORGANISATION_KEY);
    expect(rest).toEqual(scorecard.overall);
    expect(scorecard.groups).toHaveLength(1);
  });

  it('groups assets without an office under a null key, listed last', () => {
    const assets = [...workedExample(), healthyAsset({ id: 'C1', office_key: null, office_name: null })];
    const scorecard = score('office', {}, assets);
    expect(scorecard.groups.map((g) => [g.key, g.name, g.assets])).toEqual([
      ['KE', 'Kenya', 4],
      ['UG', 'Uganda', 2],
      [null, null, 1],
    ]);
    expect(scorecard.overall.assets).toBe(7);
  });

  it('orders groups by key whatever order the assets come in', () => {
    const assets = workedExample().reverse();
    expect(score('office', {}, assets).groups.map((g) => g.key)).toEqual(['KE', 'UG']);
  });

  it('a scope where no control applies has no score and no band', () => {
    const onlyPdControl = computeScorecard([healthyAsset({ personal_data: false })], {
      by: 'office',
      asOf: AS_OF,
      controls: defaultControls(),
      config: config({
        controls: Object.fromEntries(
          defaultControls()
            .filter((c) => c.id !== 'personal_data_safeguards')
            .map((c) => [c.id, { enabled: false }]),
        ),
      }),
    });
    expect(onlyPdControl.groups[0]).toMatchObject({ assets: 1, score: null, band: null });
    expect(onlyPdControl.overall).toMatchObject({ score: null, band: null });
  });

  it('no assets: no groups, and an overall with no score', () => {
    const scorecard = score('office', {}, []);
    expect(scorecard.groups).toEqual([]);
    expect(scorecard.overall).toMatchObject({ assets: 0, score: null, band: null });
    expect(scorecard.overall.controls.ownership).toEqual({ passed: 0, applicable: 0 });
  });

  it('takes any iterable of assets, such as a generator over database pages', () => {
    function* pages() {
      yield* workedExample();
    }
    expect(
      computeScorecard(pages(), { by: 'office', asOf: AS_OF, controls: defaultControls() }).overall.score,
    ).toBe(66.7);
  });
});

describe('computeScorecard against a straightforward recount', () => {
  it('agrees, group by group, with filtering and counting each control separately on 3,000 varied assets', () => {
    const assets = generateAssets(3000, { offices: 12, regions: 3 });
    const controls = compileControls(defaultControls(), AS_OF);
    for (const by of ['office', 'region', 'department'] as const) {
      const scorecard = computeScorecard(assets, { by, asOf: AS_OF, controls: defaultControls() });
      const keyOf = (a: ScoredAsset) =>
        by === 'office' ? a.office_key : by === 'region' ? a.region_key : a.department_key;
      const keys = [...new Set(assets.map(keyOf))];
      expect(scorecard.groups.map((g) => g.key).sort()).toEqual([...keys].sort());
      for (const group of scorecard.groups) {
        const members = assets.filter((a) => keyOf(a) === group.key);
        const tallies = controls.map((control) => {
          const results = members.map((a) => control.evaluate(a).status);
          const applicable = results.filter((s) => s !== 'NOT_APPLICABLE').length;
          const passed = results.filter((s) => s === 'PASS').length;
          expect(group.controls[control.id]).toEqual({ passed, applicable });
          return { weight: 100, passed, applicable };
        });
        const tenths = scoreTenths(tallies);
        expect(group.score).toBe(tenths === null ? null : tenths / 10);
        expect(group.assets).toBe(members.length);
      }
    }
  });
});

describe('findFailures', () => {
  it('lists each asset with a failing control, its controls and reasons, and leaves healthy assets out', () => {
    const found = findFailures(workedExample(), { asOf: AS_OF, controls: defaultControls() });
    expect(
      found.map(({ asset, failures }) => [
        asset.id,
        failures.map((f) => [f.control, f.severity, f.reasons.map((r) => r.code)]),
      ]),
    ).toEqual([
      [
        'A2',
        [
          ['ownership', 'high', ['ownership.missing_custodian']],
          ['review_freshness', 'medium', ['review_freshness.overdue']],
        ],
      ],
      [
        'A3',
        [
          ['documentation', 'medium', ['documentation.short_description']],
          ['classification', 'high', ['classification.missing_label']],
          ['personal_data_safeguards', 'high', ['personal_data_safeguards.missing_retention']],
        ],
      ],
      ['A4', [['access_review', 'high', ['access_review.never_reviewed']]]],
      [
        'B2',
        [
          ['ownership', 'high', ['ownership.missing_owner', 'ownership.missing_custodian']],
          [
            'documentation',
            'medium',
            [
              'documentation.missing_description',
              'documentation.missing_purpose',
              'documentation.missing_system',
            ],
          ],
          ['review_freshness', 'medium', ['review_freshness.never_reviewed']],
        ],
      ],
    ]);
  });

  it('skips disabled controls', () => {
    const found = findFailures(workedExample(), {
      asOf: AS_OF,
      controls: defaultControls(),
      config: config({ controls: { access_review: { enabled: false } } }),
    });
    expect(found.map(({ asset }) => asset.id)).toEqual(['A2', 'A3', 'B2']);
  });
});
