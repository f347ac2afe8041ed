import type { ControlCounts, ScorecardGroup } from '@server/modules/scorecard/scorecard.schema';
import type { LocalisedTitle } from '@server/modules/actions/actions.schema';
import type { ControlInfo } from '@server/modules/scorecard/scorecard-api.schema';

/*
 * The scorecard's figures shaped for the dashboard: pure, so the tests pin every rule down.
 */

export type Language = 'en' | 'fr' | 'es';

/** The reader's language among those a control's title exists in (English otherwise). */
export function languageOf(language: string): Language {
  const base = language.slice(0, 2).toLowerCase();
  return base === 'fr' || base === 'es' ? base : 'en';
}

export function localised(
  text: LocalisedTitle | null | undefined,
  language: string,
  fallback: string,
): string {
  if (!text) return fallback;
  return text[languageOf(language)] || text.en || fallback;
}

export interface ControlRow {
  id: string;
  title: string;
  passed: number;
  applicable: number;
  failing: number;
  /** Passed / applicable in percent with one decimal; null when the control applies to no asset. */
  rate: number | null;
}

/** Percent with one decimal, half up, from integer counts (so 2/3 is 66.7). */
export function passRate(passed: number, applicable: number): number | null {
  if (applicable <= 0) return null;
  return Math.round((passed * 1000) / applicable) / 10;
}

/** The controls of a scope in the API's order (definition order), titled in the reader's language. */
export function controlRows(
  controls: Record<string, ControlCounts>,
  info: readonly ControlInfo[] | undefined,
  language: string,
): ControlRow[] {
  const titles = new Map(info?.map((control) => [control.id, control.title]));
  return Object.entries(controls).map(([id, counts]) => ({
    id,
    title: localised(titles.get(id), language, id),
    passed: counts.passed,
    applicable: counts.applicable,
    failing: counts.applicable - counts.passed,
    rate: passRate(counts.passed, counts.applicable),
  }));
}

/**
 * The controls most in need of work: those failing at least one asset, lowest pass rate first, then
 * most failing assets, then by id so the order is stable.
 */
export function worstControls(rows: readonly ControlRow[], limit = 5): ControlRow[] {
  return rows
    .filter((row) => row.failing > 0 && row.rate !== null)
    .sort((a, b) => a.rate! - b.rate! || b.failing - a.failing || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}

/** The controls whose failures are reviews not done in time. */
export const REVIEW_CONTROLS = ['review_freshness', 'access_review'] as const;

/** The review controls of a scope that have assets whose review is overdue (or was never done). */
export function overdueReviews(rows: readonly ControlRow[]): ControlRow[] {
  return REVIEW_CONTROLS.flatMap((id) => rows.filter((row) => row.id === id && row.failing > 0));
}

export interface GroupRow {
  key: string | null;
  name: string;
  assets: number;
  score: number | null;
  band: ScorecardGroup['band'];
}

/**
 * The groups for the score chart and table, worst first so what needs attention is on top; groups
 * with nothing to score come last, then by name. The group of assets without a region or office
 * gets the given label.
 */
export function groupRows(groups: readonly ScorecardGroup[], unassigned: string): GroupRow[] {
  return groups
    .map((group) => ({
      key: group.key,
      name: group.name ?? (group.key === null ? unassigned : group.key),
      assets: group.assets,
      score: group.score,
      band: group.band,
    }))
    .sort((a, b) => {
      if (a.score === null || b.score === null) {
        if (a.score !== b.score) return a.score === null ? 1 : -1;
      } else if (a.score !== b.score) return a.score - b.score;
      return a.name.localeCompare(b.name);
    });
}

/** A region or office by id, as the asset list filters by. */
export interface AssetScope {
  region_id?: string;
  office_id?: string;
}

/** The address of the asset list narrowed to the assets failing a control (and a region or office). */
export function failingAssetsLink(control: string, scope: AssetScope): string {
  const params = new URLSearchParams({ control_failing: control });
  if (scope.office_id) params.set('office_id', scope.office_id);
  else if (scope.region_id) params.set('region_id', scope.region_id);
  return `/inventory/assets?${params.toString()}`;
}
