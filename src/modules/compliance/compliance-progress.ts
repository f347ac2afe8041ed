import type { ThemeId } from '../frameworks/frameworks.schema.js';
import type { ProgressCounts, RequirementStatus } from './compliance.schema.js';

/*
 * How far an assessment has come, overall and theme by theme. Pure: the framework's requirements and
 * the statuses given, in; counts and scores, out.
 *
 * Score: met counts 1 and partial 0.5, over the requirements assessed as applicable (met, partial or
 * not met). Not applicable and unassessed requirements are left out of the score, so marking one not
 * applicable neither helps nor hurts; how much is still to do shows in `assessed_percent`.
 */

export interface ProgressRequirement {
  id: string;
  /** Headings only structure a framework and are never counted. */
  group: boolean;
  themes: readonly ThemeId[];
}

export interface ProgressTheme {
  id: ThemeId;
  label: string;
}

export interface ThemeProgress extends ProgressCounts {
  theme: ThemeId;
  label: string;
}

export interface ComputedProgress {
  overall: ProgressCounts;
  by_theme: ThemeProgress[];
}

/** One decimal of a percentage, without floating-point noise (2/3 → 66.7). */
function percent(part: number, whole: number): number {
  return Math.round((part * 1000) / whole) / 10;
}

export function countStatuses(statuses: readonly (RequirementStatus | null)[]): ProgressCounts {
  const counts = { met: 0, partial: 0, not_met: 0, not_applicable: 0, unassessed: 0 };
  for (const status of statuses) counts[status ?? 'unassessed'] += 1;
  const total = statuses.length;
  const applicable = counts.met + counts.partial + counts.not_met;
  return {
    total,
    ...counts,
    // Twice the points over twice the requirements keeps the arithmetic in integers.
    score: applicable === 0 ? null : percent(2 * counts.met + counts.partial, 2 * applicable),
    assessed_percent: total === 0 ? 0 : percent(total - counts.unassessed, total),
  };
}

export function computeProgress(
  requirements: readonly ProgressRequirement[],
  statuses: ReadonlyMap<string, RequirementStatus>,
  themes: readonly ProgressTheme[],
): ComputedProgress {
  const counted = requirements.filter((r) => !r.group);
  const statusOf = (r: ProgressRequirement) => statuses.get(r.id) ?? null;
  return {
    overall: countStatuses(counted.map(statusOf)),
    by_theme: themes.map((theme) => ({
      theme: theme.id,
      label: theme.label,
      ...countStatuses(counted.filter((r) => r.themes.includes(theme.id)).map(statusOf)),
    })),
  };
}
