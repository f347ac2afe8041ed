import type { ChartOption } from '../../components/charts/echarts';
import type { SheetData } from '../../components/charts/xlsx';

/*
 * The AI systems dashboard's charts, from the register summary (pure): one horizontal bar per
 * category with its count written beside it, and the same figures as a sheet.
 */

export interface CountRow {
  /** The category's key in the summary (a tier, a status, an office id). */
  key: string;
  label: string;
  count: number;
}

/**
 * Rows in the order of `keys` (every one shown, with 0 when absent), then any key the summary has
 * that `keys` does not know, so nothing counted is dropped.
 */
export function countRows(
  counts: Readonly<Record<string, number>>,
  keys: readonly string[],
  label: (key: string) => string,
): CountRow[] {
  const extra = Object.keys(counts).filter((key) => !keys.includes(key));
  return [...keys, ...extra].map((key) => ({ key, label: label(key), count: counts[key] ?? 0 }));
}

const FONT = { fontFamily: 'system-ui, sans-serif' };

/** Horizontal bars, first row on top, each labelled with its count (never colour alone). */
export function countBarsOption(rows: readonly CountRow[], seriesName: string): ChartOption | null {
  if (rows.every((row) => row.count === 0)) return null;
  return {
    aria: { enabled: true },
    textStyle: FONT,
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.label) },
    series: [
      {
        name: seriesName,
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: '#4263eb' },
        label: { show: true, position: 'right' },
        data: rows.map((row) => row.count),
      },
    ],
  };
}

/** The chart's figures as a sheet: one row per category. */
export function countTable(name: string, columns: [string, string], rows: readonly CountRow[]): SheetData {
  return { name, columns: [...columns], rows: rows.map((row) => [row.label, row.count]) };
}
