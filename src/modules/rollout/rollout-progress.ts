import {
  ONBOARDING_STATUSES,
  type OnboardingStatus,
  type OverdueOffice,
  type ProgressGroup,
  type RegionProgress,
  type RolloutProgress,
  type StatusCounts,
  type Wave,
} from './rollout.schema.js';

/* Roll-out progress: pure, from the offices' onboarding records, the waves and the day it is. */

const DAY_MS = 86_400_000;

/**
 * Whole days an office is overdue on `today` (both YYYY-MM-DD): its target date has passed and it is
 * not complete. null when it is not overdue (no target, target today or later, or complete).
 */
export function daysOverdue(
  office: { status: OnboardingStatus; target_date: string | null },
  today: string,
): number | null {
  if (office.status === 'complete' || office.target_date === null) return null;
  const days = Math.round((Date.parse(today) - Date.parse(office.target_date)) / DAY_MS);
  return days > 0 ? days : null;
}

/** What progress needs to know of an office. */
export interface ProgressOffice {
  office_id: string;
  office_code: string;
  office_name: string;
  region_id: string | null;
  wave_id: string | null;
  status: OnboardingStatus;
  focal_point_name: string | null;
  target_date: string | null;
}

export interface ProgressRegion {
  id: string;
  code: string;
  name: string;
}

/**
 * Progress per region (in the order given, then offices outside any region, if there are any) and per
 * wave within each region (by wave number), and over all offices given. Regions without waves are
 * listed too: they have not been rolled out. A wave whose region is not given is left out, as are
 * its offices' from the region totals.
 */
export function computeProgress(input: {
  today: string;
  regions: readonly ProgressRegion[];
  waves: readonly Wave[];
  offices: readonly ProgressOffice[];
}): RolloutProgress {
  const { today } = input;
  const byRegion = groupBy(input.offices, (office) => office.region_id);
  const byWave = groupBy(input.offices, (office) => office.wave_id);
  const wavesByRegion = groupBy(input.waves, (wave) => wave.region_id);
  const regions: RegionProgress[] = input.regions.map((region) => {
    const offices = byRegion.get(region.id) ?? [];
    const waves = [...(wavesByRegion.get(region.id) ?? [])].sort((a, b) => a.number - b.number);
    const unassigned = offices.filter((office) => office.wave_id === null);
    return {
      region_id: region.id,
      region_code: region.code,
      region_name: region.name,
      ...summarise(offices, today),
      waves: waves.map((wave) => ({
        wave_id: wave.id,
        name: wave.name,
        number: wave.number,
        planned_start: wave.planned_start,
        planned_end: wave.planned_end,
        ...summarise(byWave.get(wave.id) ?? [], today),
      })),
      no_wave: unassigned.length > 0 ? summarise(unassigned, today) : null,
    };
  });
  const outside = byRegion.get(null) ?? [];
  if (outside.length > 0)
    regions.push({
      region_id: null,
      region_code: null,
      region_name: null,
      ...summarise(outside, today),
      waves: [],
      no_wave: summarise(outside, today),
    });
  const shown = new Set(input.regions.map((region) => region.id));
  const counted = input.offices.filter((office) => office.region_id === null || shown.has(office.region_id));
  return { as_of: today, regions, overall: summarise(counted, today) };
}

/** Counts by status, share complete and the overdue offices of one group. */
export function summarise(offices: readonly ProgressOffice[], today: string): ProgressGroup {
  const byStatus = Object.fromEntries(ONBOARDING_STATUSES.map((status) => [status, 0])) as StatusCounts;
  const overdue: OverdueOffice[] = [];
  for (const office of offices) {
    byStatus[office.status] += 1;
    const days = daysOverdue(office, today);
    if (days !== null && office.target_date !== null)
      overdue.push({
        office_id: office.office_id,
        office_code: office.office_code,
        office_name: office.office_name,
        focal_point_name: office.focal_point_name,
        target_date: office.target_date,
        days_overdue: days,
      });
  }
  overdue.sort((a, b) => b.days_overdue - a.days_overdue || a.office_code.localeCompare(b.office_code));
  return {
    offices: offices.length,
    by_status: byStatus,
    percent_complete: percent(byStatus.complete, offices.length),
    overdue,
  };
}

/** part / whole × 100 with one decimal; 0 for an empty whole. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
