import { describe, expect, it } from 'vitest';
import { BAND_COLOURS, type BandKey } from './bands';
import {
  barChartHeight,
  controlBarsOption,
  controlTable,
  groupScoreOption,
  groupScoreTable,
  scoreLabel,
  trendLines,
  trendOption,
  trendTable,
  type ControlTexts,
  type GroupTexts,
} from './chart-options';
import type { ControlRow, GroupRow } from './scorecard-view';

const BAND_WORDS: Record<BandKey, string> = {
  healthy: 'Healthy',
  fair: 'Fair',
  notHealthy: 'Not healthy',
  critical: 'Critical',
  none: 'Not scored',
};
const groupTexts: GroupTexts = {
  band: (key) => BAND_WORDS[key],
  language: 'en',
  sheet: 'Scores',
  columns: { name: 'Name', code: 'Code', assets: 'Assets', score: 'Score', band: 'Band' },
};
const controlTexts: ControlTexts = {
  passed: 'Passing',
  failing: 'Failing',
  notApplicable: 'n/a',
  sheet: 'Controls',
  columns: { control: 'Control', id: 'Id', passed: 'Passing', applicable: 'Applicable', rate: 'Rate' },
};

const groups: GroupRow[] = [
  { key: 'WA', name: 'West Africa', assets: 10, score: 35, band: 'Critical' },
  { key: 'EA', name: 'East Africa', assets: 6, score: 69.4, band: 'Fair' },
  { key: 'SA', name: 'Southern Africa', assets: 0, score: null, band: null },
];

/** Option objects are loosely typed; the tests read them as plain data. */
type Loose = Record<string, unknown> & { series: Record<string, unknown>[] };
const loose = (option: unknown) => option as Loose;

describe('scoreLabel', () => {
  it.each([
    [72.5, 'Fair', '72.5 · Fair'],
    [80, 'Healthy', '80.0 · Healthy'],
    [0, 'Critical', '0.0 · Critical'],
    [null, 'Not scored', 'Not scored'],
  ])('%j in %s reads %j', (score, band, label) => {
    expect(scoreLabel(score, band, 'en')).toBe(label);
  });

  it('writes the score in the reader’s language', () => {
    expect(scoreLabel(72.5, 'Correct', 'fr')).toBe('72,5 · Correct');
  });
});

describe('barChartHeight', () => {
  it.each([
    [0, 160],
    [1, 160],
    [6, 264],
    [100, 900],
  ])('%i bars take %i px', (rows, height) => {
    expect(barChartHeight(rows)).toBe(height);
  });
});

describe('groupScoreOption', () => {
  it('draws one bar per group in the given order, coloured and labelled with its band', () => {
    const option = loose(groupScoreOption(groups, groupTexts));
    expect((option.yAxis as { data: string[]; inverse: boolean }).data).toEqual([
      'West Africa',
      'East Africa',
      'Southern Africa',
    ]);
    expect((option.yAxis as { inverse: boolean }).inverse).toBe(true);
    expect(option.xAxis).toMatchObject({ min: 0, max: 100 });
    const data = option.series[0]?.data as {
      value: number | null;
      itemStyle: { color: string };
      label: { formatter: string };
    }[];
    expect(data.map((bar) => [bar.value, bar.itemStyle.color, bar.label.formatter])).toEqual([
      [35, BAND_COLOURS.critical, '35.0 · Critical'],
      [69.4, BAND_COLOURS.fair, '69.4 · Fair'],
      [null, BAND_COLOURS.none, 'Not scored'],
    ]);
  });

  it('downloads the same figures as a table', () => {
    expect(groupScoreTable(groups, groupTexts)).toEqual({
      name: 'Scores',
      columns: ['Name', 'Code', 'Assets', 'Score', 'Band'],
      rows: [
        ['West Africa', 'WA', 10, 35, 'Critical'],
        ['East Africa', 'EA', 6, 69.4, 'Fair'],
        ['Southern Africa', 'SA', 0, null, 'Not scored'],
      ],
    });
  });
});

describe('controlBarsOption', () => {
  const rows: ControlRow[] = [
    { id: 'ownership', title: 'Ownership', passed: 3, applicable: 4, failing: 1, rate: 75 },
    { id: 'access_review', title: 'Access review', passed: 0, applicable: 0, failing: 0, rate: null },
  ];

  it('stacks passing and failing assets per control, labelled passed / applicable', () => {
    const option = loose(controlBarsOption(rows, controlTexts));
    expect(option.series.map((series) => [series.name, series.stack])).toEqual([
      ['Passing', 'assets'],
      ['Failing', 'assets'],
    ]);
    expect(option.series[0]?.data).toEqual([3, 0]);
    const failing = option.series[1]?.data as { value: number; label: { formatter: string } }[];
    expect(failing.map((bar) => [bar.value, bar.label.formatter])).toEqual([
      [1, '3 / 4'],
      [0, 'n/a'],
    ]);
  });

  it('downloads each control with its counts and pass rate', () => {
    expect(controlTable(rows, controlTexts).rows).toEqual([
      ['Ownership', 'ownership', 3, 4, 75],
      ['Access review', 'access_review', 0, 0, null],
    ]);
  });
});

describe('trend lines', () => {
  const series = [
    { key: 'organisation', name: 'Organisation', points: [{ date: '2026-11-01', score: 60 }] },
    {
      key: null,
      name: null,
      points: [
        { date: '2026-11-01', score: null },
        { date: '2026-11-02', score: 40 },
      ],
    },
    { key: 'KE', name: null, points: [] },
  ];

  it('names each series, leaves out empty ones and keeps gaps as null', () => {
    const lines = trendLines(series, 'Not assigned');
    expect(lines).toEqual([
      { name: 'Organisation', points: [{ date: '2026-11-01', score: 60 }] },
      {
        name: 'Not assigned',
        points: [
          { date: '2026-11-01', score: null },
          { date: '2026-11-02', score: 40 },
        ],
      },
    ]);
    const option = loose(trendOption(lines));
    expect(option.series.map((line) => [line.name, line.data, line.connectNulls])).toEqual([
      ['Organisation', [['2026-11-01', 60]], false],
      [
        'Not assigned',
        [
          ['2026-11-01', null],
          ['2026-11-02', 40],
        ],
        false,
      ],
    ]);
    expect(option.legend).toBeDefined();
    expect(
      trendTable(lines, { sheet: 'Trend', columns: { scope: 'Scope', date: 'Date', score: 'Score' } }).rows,
    ).toEqual([
      ['Organisation', '2026-11-01', 60],
      ['Not assigned', '2026-11-01', null],
      ['Not assigned', '2026-11-02', 40],
    ]);
  });

  it('shows no legend for a single line', () => {
    expect(loose(trendOption([{ name: 'Organisation', points: [] }])).legend).toBeUndefined();
  });
});
