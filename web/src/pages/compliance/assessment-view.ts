import type { AssessedRequirement, AssessmentProgress } from '@server/modules/compliance/compliance.schema';
import type { ThemeId } from '@server/modules/frameworks/frameworks.schema';
import type { ChartOption } from '../../components/charts/echarts';
import type { SheetData } from '../../components/charts/xlsx';

/*
 * What the assessment page shows, worked out without React: requirements grouped by heading or by
 * theme and filtered by status, and the by-theme chart with its downloadable table. Texts come in
 * already translated.
 */

export type Grouping = 'heading' | 'theme';
/** A requirement status, or `unassessed` for the ones never given one. */
export type StatusFilter = AssessedRequirement['status'] | 'unassessed' | null;

export interface RequirementGroup {
  key: string;
  title: string;
  requirements: AssessedRequirement[];
}

function matchesStatus(requirement: AssessedRequirement, filter: StatusFilter): boolean {
  if (filter === null) return true;
  return filter === 'unassessed' ? requirement.status === null : requirement.status === filter;
}

/**
 * The requirements (never headings) to show, in framework order. By heading: under the nearest heading
 * above each (those without one under `ungrouped`). By theme: under each theme they are tagged with,
 * so a requirement may show under several.
 */
export function groupRequirements(
  requirements: readonly AssessedRequirement[],
  grouping: Grouping,
  filter: StatusFilter,
  texts: { ungrouped: string; theme: (id: ThemeId) => string },
): RequirementGroup[] {
  const byId = new Map(requirements.map((r) => [r.requirement_id, r]));
  const shown = requirements.filter((r) => !r.group && matchesStatus(r, filter));
  const groups = new Map<string, RequirementGroup>();
  const add = (key: string, title: string, requirement: AssessedRequirement) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, title, requirements: [] }));
    group.requirements.push(requirement);
  };
  if (grouping === 'theme') {
    const themes = new Set(shown.flatMap((r) => r.themes));
    for (const theme of themes)
      groups.set(theme, { key: theme, title: texts.theme(theme), requirements: [] });
    for (const requirement of shown) for (const theme of requirement.themes) add(theme, '', requirement);
    return [...groups.values()].sort((a, b) => a.title.localeCompare(b.title));
  }
  for (const requirement of shown) {
    let heading = requirement.parent ? byId.get(requirement.parent) : undefined;
    while (heading && !heading.group) heading = heading.parent ? byId.get(heading.parent) : undefined;
    if (heading) add(heading.requirement_id, `${heading.reference} — ${heading.title}`, requirement);
    else add('', texts.ungrouped, requirement);
  }
  return [...groups.values()];
}

export interface ProgressTexts {
  statuses: { met: string; partial: string; not_met: string; not_applicable: string; unassessed: string };
  columns: { theme: string; total: string; score: string; overall: string };
  sheet: string;
}

const SERIES = ['met', 'partial', 'not_met', 'not_applicable', 'unassessed'] as const;
/** Colours of the statuses in the chart, in the order of SERIES; each also has its word in the legend. */
export const STATUS_COLOURS = {
  met: '#2f9e44',
  partial: '#f59f00',
  not_met: '#e03131',
  not_applicable: '#868e96',
  unassessed: '#dee2e6',
} as const;

/** The themes the framework addresses, each as a stacked bar of its requirements by status. */
export function progressOption(progress: AssessmentProgress, texts: ProgressTexts): ChartOption | null {
  const rows = progress.by_theme.filter((row) => row.total > 0);
  if (rows.length === 0) return null;
  return {
    aria: { enabled: true },
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    grid: { left: 8, right: 64, top: 40, bottom: 24, containLabel: true },
    legend: { top: 0, data: SERIES.map((status) => texts.statuses[status]) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.label) },
    series: SERIES.map((status, index) => ({
      name: texts.statuses[status],
      type: 'bar',
      stack: 'requirements',
      barMaxWidth: 22,
      itemStyle: { color: STATUS_COLOURS[status] },
      data: rows.map((row) =>
        index === SERIES.length - 1
          ? {
              value: row[status],
              label: {
                show: true,
                position: 'right',
                formatter: row.score === null ? '—' : `${row.score}%`,
              },
            }
          : row[status],
      ),
    })),
  };
}

export function progressTable(progress: AssessmentProgress, texts: ProgressTexts): SheetData {
  const rows = [
    ...progress.by_theme.filter((row) => row.total > 0),
    { ...progress.overall, label: texts.columns.overall },
  ];
  return {
    name: texts.sheet,
    columns: [
      texts.columns.theme,
      texts.columns.total,
      ...SERIES.map((status) => texts.statuses[status]),
      texts.columns.score,
    ],
    rows: rows.map((row) => [row.label, row.total, ...SERIES.map((status) => row[status]), row.score]),
  };
}
