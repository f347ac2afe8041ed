import type { ChartOption } from '../../components/charts/echarts';
import type { SheetData } from '../../components/charts/xlsx';
import { formatScore } from '../../i18n/format';
import { BAND_COLOURS, bandKey, type BandKey } from './bands';
import type { ControlRow, GroupRow } from './scorecard-view';

/*
 * ECharts options and the matching spreadsheet tables of the dashboard's charts: pure, so the tests
 * check what is drawn and downloaded without a browser. Texts come in already translated.
 */

const FONT = { fontFamily: 'system-ui, sans-serif' };
const ROW_HEIGHT = 34;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A horizontal bar chart's height for its number of rows, within bounds. */
export function barChartHeight(rows: number): number {
  return Math.min(900, Math.max(160, 60 + rows * ROW_HEIGHT));
}

/** "72.5 · Fair" ("72,5 · Correct" in French): the score and the band's word, so the band never rests on colour alone. */
export function scoreLabel(score: number | null, band: string, language: string): string {
  return score === null ? band : `${formatScore(score, language)} · ${band}`;
}

export interface GroupTexts {
  band: (key: BandKey) => string;
  /** The reader's language, for the numbers. */
  language: string;
  /** Column headers of the downloaded table. */
  columns: { name: string; code: string; assets: string; score: string; band: string };
  sheet: string;
}

/** The groups' scores as horizontal bars, worst on top, each coloured and labelled with its band. */
export function groupScoreOption(rows: readonly GroupRow[], texts: GroupTexts): ChartOption {
  return {
    aria: { enabled: true },
    textStyle: FONT,
    grid: { left: 8, right: 120, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.name) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: rows.map((row) => {
          const key = bandKey(row.band);
          return {
            value: row.score,
            itemStyle: { color: BAND_COLOURS[key] },
            label: {
              show: true,
              position: 'right',
              formatter: scoreLabel(row.score, texts.band(key), texts.language),
            },
          };
        }),
      },
    ],
  };
}

export function groupScoreTable(rows: readonly GroupRow[], texts: GroupTexts): SheetData {
  const { columns } = texts;
  return {
    name: texts.sheet,
    columns: [columns.name, columns.code, columns.assets, columns.score, columns.band],
    rows: rows.map((row) => [row.name, row.key, row.assets, row.score, texts.band(bandKey(row.band))]),
  };
}

export interface ControlTexts {
  passed: string;
  failing: string;
  notApplicable: string;
  columns: { control: string; id: string; passed: string; applicable: string; rate: string };
  sheet: string;
}

/** Each control's assets as passing and failing stacked bars, labelled "passed / applicable". */
export function controlBarsOption(rows: readonly ControlRow[], texts: ControlTexts): ChartOption {
  return {
    aria: { enabled: true },
    textStyle: FONT,
    grid: { left: 8, right: 90, top: 32, bottom: 24, containLabel: true },
    legend: { top: 0, data: [texts.passed, texts.failing] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.title) },
    series: [
      {
        name: texts.passed,
        type: 'bar',
        stack: 'assets',
        barMaxWidth: 22,
        itemStyle: { color: BAND_COLOURS.healthy },
        data: rows.map((row) => row.passed),
      },
      {
        name: texts.failing,
        type: 'bar',
        stack: 'assets',
        barMaxWidth: 22,
        itemStyle: { color: BAND_COLOURS.critical },
        data: rows.map((row) => ({
          value: row.failing,
          label: {
            show: true,
            position: 'right',
            formatter: row.applicable === 0 ? texts.notApplicable : `${row.passed} / ${row.applicable}`,
          },
        })),
      },
    ],
  };
}

export function controlTable(rows: readonly ControlRow[], texts: ControlTexts): SheetData {
  const { columns } = texts;
  return {
    name: texts.sheet,
    columns: [columns.control, columns.id, columns.passed, columns.applicable, columns.rate],
    rows: rows.map((row) => [row.title, row.id, row.passed, row.applicable, row.rate]),
  };
}

export interface TrendLine {
  name: string;
  points: readonly { date: string; score: number | null }[];
}

export interface TrendTexts {
  columns: { scope: string; date: string; score: string };
  sheet: string;
}

/** One line per scope over time; a day without a score is a gap, not a fall to zero. */
export function trendOption(lines: readonly TrendLine[]): ChartOption {
  return {
    aria: { enabled: true },
    textStyle: FONT,
    grid: { left: 8, right: 24, top: lines.length > 1 ? 40 : 16, bottom: 24, containLabel: true },
    legend: lines.length > 1 ? { top: 0, type: 'scroll' } : undefined,
    tooltip: { trigger: 'axis' },
    // Snapshots are daily: a day is the finest step, shown as a date.
    xAxis: {
      type: 'time',
      minInterval: DAY_MS,
      axisLabel: { formatter: '{yyyy}-{MM}-{dd}', hideOverlap: true },
    },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: lines.map((line) => ({
      name: line.name,
      type: 'line',
      connectNulls: false,
      showSymbol: line.points.length < 40,
      data: line.points.map((point) => [point.date, point.score]),
    })),
  };
}

export function trendTable(lines: readonly TrendLine[], texts: TrendTexts): SheetData {
  return {
    name: texts.sheet,
    columns: [texts.columns.scope, texts.columns.date, texts.columns.score],
    rows: lines.flatMap((line) => line.points.map((point) => [line.name, point.date, point.score])),
  };
}

/** Trend series named for the reader: the scope's name, else its key, else the given label. */
export function trendLines(
  series: readonly { key: string | null; name: string | null; points: TrendLine['points'] }[],
  unassigned: string,
): TrendLine[] {
  return series
    .filter((line) => line.points.length > 0)
    .map((line) => ({ name: line.name ?? line.key ?? unassigned, points: line.points }));
}
