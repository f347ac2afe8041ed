import type { ScorecardDimension } from '@server/modules/scorecard/scorecard.schema';

/**
 * Where the dashboard is in the organisation → region → office drill-down. The address holds it
 * (`?region=EA`, `?region=EA&office=KE`), so a view can be bookmarked and the back button climbs up.
 */
export type Drill =
  | { level: 'organisation' }
  | { level: 'region'; region: string }
  | { level: 'office'; region: string | null; office: string };

export function drillFromParams(params: URLSearchParams): Drill {
  const region = params.get('region')?.trim() || null;
  const office = params.get('office')?.trim() || null;
  if (office) return { level: 'office', region, office };
  if (region) return { level: 'region', region };
  return { level: 'organisation' };
}

/** The address parameters of a drill level (the other parameters, such as `as_of`, are kept). */
export function drillParams(drill: Drill, current: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(current);
  next.delete('region');
  next.delete('office');
  if (drill.level !== 'organisation' && drill.region) next.set('region', drill.region);
  if (drill.level === 'office') next.set('office', drill.office);
  return next;
}

/** What the scorecard API is asked for at a level: the groups one level down. */
export function scorecardQuery(drill: Drill): { by: ScorecardDimension; region?: string; office?: string } {
  switch (drill.level) {
    case 'organisation':
      return { by: 'region' };
    case 'region':
      return { by: 'office', region: drill.region };
    case 'office':
      return { by: 'office', office: drill.office };
  }
}

/** Where clicking a group leads; null at the office level and for the group of unassigned assets. */
export function drillInto(drill: Drill, key: string | null): Drill | null {
  if (key === null) return null;
  switch (drill.level) {
    case 'organisation':
      return { level: 'region', region: key };
    case 'region':
      return { level: 'office', region: drill.region, office: key };
    case 'office':
      return null;
  }
}

export interface DrillCrumb {
  label: string;
  drill: Drill;
}

/**
 * The breadcrumbs above a level, from the organisation down, the current level excluded. A region
 * or office is shown by its name when known, else by its code.
 */
export function drillTrail(
  drill: Drill,
  names: { organisation: string; region?: string | null },
): DrillCrumb[] {
  if (drill.level === 'organisation') return [];
  const trail: DrillCrumb[] = [{ label: names.organisation, drill: { level: 'organisation' } }];
  if (drill.level === 'office' && drill.region) {
    trail.push({ label: names.region || drill.region, drill: { level: 'region', region: drill.region } });
  }
  return trail;
}
