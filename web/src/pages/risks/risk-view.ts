import type { RiskLevel } from '@server/modules/risks/risk-scoring';
import type { ChartOption } from '../../components/charts/echarts';
import type { SheetData } from '../../components/charts/xlsx';

/* Pure builders of the risk dashboard's charts and their downloadable figures. */

/** Colours of the levels, on the heat map and the badges (Mantine colour names for badges). */
export const LEVEL_COLOURS: Record<RiskLevel, { chart: string; badge: string }> = {
  low: { chart: '#8ce99a', badge: 'green' },
  medium: { chart: '#ffe066', badge: 'yellow' },
  high: { chart: '#ffa94d', badge: 'orange' },
  critical: { chart: '#ff6b6b', badge: 'red' },
};

export interface HeatMapTexts {
  likelihood: string;
  impact: string;
  count: string;
  /** Words of the scale, value 1 first. */
  likelihoodWords: readonly string[];
  impactWords: readonly string[];
  sheet: string;
}

/** Cells as [impact index, likelihood index, score, count]: the score colours, the count is written. */
export function heatMapCells(grid: readonly (readonly number[])[]): [number, number, number, number][] {
  const cells: [number, number, number, number][] = [];
  for (let l = 0; l < 5; l += 1)
    for (let i = 0; i < 5; i += 1) cells.push([i, l, (l + 1) * (i + 1), grid[l]?.[i] ?? 0]);
  return cells;
}

export function heatMapOption(grid: readonly (readonly number[])[], texts: HeatMapTexts): ChartOption {
  return {
    aria: { enabled: true },
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    grid: { left: 8, right: 16, top: 32, bottom: 40, containLabel: true },
    tooltip: {
      formatter: (p: { value: [number, number, number, number] }) =>
        `${texts.likelihood}: ${texts.likelihoodWords[p.value[1]]}<br/>${texts.impact}: ${texts.impactWords[p.value[0]]}<br/>${texts.count}: ${p.value[3]}`,
    },
    xAxis: {
      type: 'category',
      name: texts.impact,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { interval: 0, fontSize: 11 },
      data: [...texts.impactWords],
    },
    yAxis: { type: 'category', name: texts.likelihood, data: [...texts.likelihoodWords] },
    visualMap: {
      show: false,
      type: 'piecewise',
      dimension: 2,
      pieces: [
        { min: 1, max: 4, color: LEVEL_COLOURS.low.chart },
        { min: 5, max: 9, color: LEVEL_COLOURS.medium.chart },
        { min: 10, max: 16, color: LEVEL_COLOURS.high.chart },
        { min: 17, max: 25, color: LEVEL_COLOURS.critical.chart },
      ],
    },
    series: [
      {
        type: 'heatmap',
        data: heatMapCells(grid),
        label: {
          show: true,
          fontSize: 14,
          fontWeight: 'bold',
          formatter: (p: { value: [number, number, number, number] }) =>
            p.value[3] > 0 ? String(p.value[3]) : '',
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
      },
    ],
  };
}

/** The grid as a sheet: one row per likelihood (highest first), one column per impact. */
export function heatMapTable(grid: readonly (readonly number[])[], texts: HeatMapTexts): SheetData {
  return {
    name: texts.sheet,
    columns: [`${texts.likelihood} \\ ${texts.impact}`, ...texts.impactWords],
    rows: [4, 3, 2, 1, 0].map((l) => [texts.likelihoodWords[l] ?? '', ...(grid[l] ?? [0, 0, 0, 0, 0])]),
  };
}

/** Counts by key as a horizontal bar chart, largest first; null when there is nothing to draw. */
export function countsOption(counts: readonly { label: string; count: number }[]): ChartOption | null {
  if (counts.length === 0) return null;
  const sorted = counts.toSorted((a, b) => a.count - b.count);
  return {
    aria: { enabled: true },
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((c) => c.label) },
    series: [{ type: 'bar', data: sorted.map((c) => c.count), label: { show: true, position: 'right' } }],
  };
}

export function countsTable(
  counts: readonly { label: string; count: number }[],
  columns: [string, string],
  sheet: string,
): SheetData {
  return { name: sheet, columns, rows: counts.map((c) => [c.label, c.count]) };
}
