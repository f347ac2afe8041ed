import type { AppStatus } from '@server/modules/ai-usage/app-status';
import { APP_CATEGORIES, CATEGORY_LABELS, type AppCategory } from '@server/modules/ai-usage/catalogue.schema';
import type { UsageReport } from '@server/modules/ai-usage/usage.schema';
import type { ChartOption } from '../../components/charts/echarts';
import type { SheetData } from '../../components/charts/xlsx';
import { formatPercent } from '../../i18n/format';

/* The AI usage pages' pure parts: the default period, numbers in words, the weekly chart. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last `days` days up to and including today (UTC), as YYYY-MM-DD. */
export function lastDays(today: Date, days = 30): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.parse(to) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}

/** A share of 0..1 as a percentage with at most one decimal, in the reader's language: 0.875 → "87.5%", "87,5 %". */
export function percent(share: number, language: string): string {
  return formatPercent(Math.round(share * 1000) / 10, language);
}

/** A count of people for a plural form: "<5" (suppressed) counts as several. */
export function pluralCount(count: number | string): number {
  return typeof count === 'number' ? count : 5;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Bytes in binary units: 1536 → "1.5 KiB". */
export function byteSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

export const STATUS_COLOURS: Record<AppStatus, string> = {
  approved: 'green',
  approved_with_conditions: 'teal',
  unapproved: 'red',
  under_review: 'yellow',
  not_reviewed: 'gray',
};

export const RISK_COLOURS = { low: 'green', medium: 'orange', high: 'red' } as const;

export interface WeeklyTexts {
  aiEvents: string;
  unapproved: string;
  highRisk: string;
  columns: {
    week: string;
    events: string;
    aiEvents: string;
    unapproved: string;
    highRisk: string;
    users: string;
  };
  sheet: string;
}

type Week = UsageReport['weekly'][number];

/** AI, unapproved and high-risk events per week as lines (a legend names each). */
export function weeklyOption(weeks: readonly Week[], texts: WeeklyTexts): ChartOption | null {
  if (weeks.length === 0) return null;
  const line = (name: string, values: number[]) => ({ type: 'line' as const, name, data: values });
  return {
    aria: { enabled: true },
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: weeks.map((week) => week.week) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      line(
        texts.aiEvents,
        weeks.map((week) => week.ai_events),
      ),
      line(
        texts.unapproved,
        weeks.map((week) => week.unapproved_events),
      ),
      line(
        texts.highRisk,
        weeks.map((week) => week.high_risk_events),
      ),
    ],
  };
}

export function weeklyTable(weeks: readonly Week[], texts: WeeklyTexts): SheetData {
  const { columns } = texts;
  return {
    name: texts.sheet,
    columns: [
      columns.week,
      columns.events,
      columns.aiEvents,
      columns.unapproved,
      columns.highRisk,
      columns.users,
    ],
    rows: weeks.map((week) => [
      week.week,
      week.events,
      week.ai_events,
      week.unapproved_events,
      week.high_risk_events,
      week.ai_users,
    ]),
  };
}

/** The category id of a report's English category label ("chat assistant" → "chat_assistant"). */
export function categoryId(label: string): AppCategory | null {
  return APP_CATEGORIES.find((id) => CATEGORY_LABELS[id] === label) ?? null;
}
