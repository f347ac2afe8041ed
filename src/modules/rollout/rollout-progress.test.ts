import { describe, expect, it } from 'vitest';
import { computeProgress, daysOverdue, percent, summarise, type ProgressOffice } from './rollout-progress.js';
import type { OnboardingStatus, Wave } from './rollout.schema.js';

const TODAY = '2026-12-01';

describe('daysOverdue', () => {
  it.each([
    { status: 'onboarding', target: '2026-11-30', expected: 1, why: 'target yesterday' },
    { status: 'not_started', target: '2026-10-02', expected: 60, why: 'two months late' },
    { status: 'inventory_in_progress', target: '2025-12-01', expected: 365, why: 'a year late' },
    { status: 'onboarding', target: '2026-12-01', expected: null, why: 'target today is not late yet' },
    { status: 'onboarding', target: '2027-01-15', expected: null, why: 'target ahead' },
    { status: 'complete', target: '2026-01-01', expected: null, why: 'complete is never overdue' },
    { status: 'onboarding', target: null, expected: null, why: 'no target date' },
  ] as const)('$why → $expected', ({ status, target, expected }) => {
    expect(daysOverdue({ status, target_date: target }, TODAY)).toBe(expected);
  });

  it('counts calendar days across a change of year and a leap day', () => {
    expect(daysOverdue({ status: 'onboarding', target_date: '2028-02-28' }, '2028-03-01')).toBe(2);
  });
});

describe('percent', () => {
  it.each([
    [0, 0, 0],
    [0, 5, 0],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [5, 5, 100],
    [1, 8, 12.5],
  ])('%i of %i → %d', (part, whole, expected) => expect(percent(part, whole)).toBe(expected));
});

function office(code: string, status: OnboardingStatus, extra: Partial<ProgressOffice> = {}): ProgressOffice {
  return {
    office_id: `id-${code}`,
    office_code: code,
    office_name: `Office ${code}`,
    region_id: 'r-east',
    wave_id: null,
    status,
    focal_point_name: null,
    target_date: null,
    ...extra,
  };
}

function wave(id: string, region: string, number: number): Wave {
  return {
    id,
    region_id: region,
    name: `Wave ${number}`,
    number,
    planned_start: null,
    planned_end: null,
    notes: null,
    version: 1,
    created_at: '',
    updated_at: '',
  };
}

describe('summarise', () => {
  it('counts offices by status and lists the overdue ones, most days first', () => {
    const group = summarise(
      [
        office('KE', 'complete', { target_date: '2026-01-01' }),
        office('ET', 'onboarding', { target_date: '2026-11-21', focal_point_name: 'Abebe' }),
        office('UG', 'not_started', { target_date: '2026-11-01' }),
        office('TZ', 'inventory_in_progress', { target_date: '2027-01-01' }),
        office('SO', 'onboarding'),
      ],
      TODAY,
    );
    expect(group).toEqual({
      offices: 5,
      by_status: { not_started: 1, onboarding: 2, inventory_in_progress: 1, complete: 1 },
      percent_complete: 20,
      overdue: [
        {
          office_id: 'id-UG',
          office_code: 'UG',
          office_name: 'Office UG',
          focal_point_name: null,
          target_date: '2026-11-01',
          days_overdue: 30,
        },
        {
          office_id: 'id-ET',
          office_code: 'ET',
          office_name: 'Office ET',
          focal_point_name: 'Abebe',
          target_date: '2026-11-21',
          days_overdue: 10,
        },
      ],
    });
  });

  it('orders offices equally overdue by code', () => {
    const late = { target_date: '2026-11-01' };
    const group = summarise([office('ZM', 'onboarding', late), office('AO', 'onboarding', late)], TODAY);
    expect(group.overdue.map((o) => o.office_code)).toEqual(['AO', 'ZM']);
  });

  it('is all zeros for no offices', () => {
    expect(summarise([], TODAY)).toEqual({
      offices: 0,
      by_status: { not_started: 0, onboarding: 0, inventory_in_progress: 0, complete: 0 },
      percent_complete: 0,
      overdue: [],
    });
  });
});

describe('computeProgress', () => {
  const regions = [
    { id: 'r-east', code: 'EAST', name: 'East' },
    { id: 'r-west', code: 'WEST', name: 'West' },
  ];
  const waves = [wave('w2', 'r-east', 2), wave('w1', 'r-east', 1)];
  const offices = [
    office('KE', 'complete', { wave_id: 'w1' }),
    office('ET', 'onboarding', { wave_id: 'w1', target_date: '2026-11-01' }),
    office('UG', 'inventory_in_progress', { wave_id: 'w2' }),
    office('SO', 'not_started'),
    office('SN', 'not_started', { region_id: 'r-west' }),
    office('HQ', 'complete', { region_id: null }),
  ];
  const progress = computeProgress({ today: TODAY, regions, waves, offices });

  it('gives each region its totals and its waves in number order', () => {
    const east = progress.regions[0]!;
    expect(east).toMatchObject({ region_code: 'EAST', offices: 4, percent_complete: 25 });
    expect(east.waves.map((w) => [w.number, w.offices, w.percent_complete])).toEqual([
      [1, 2, 50],
      [2, 1, 0],
    ]);
    expect(east.waves[0]!.overdue.map((o) => o.office_code)).toEqual(['ET']);
    expect(east.overdue.map((o) => o.office_code)).toEqual(['ET']);
    expect(east.no_wave).toMatchObject({ offices: 1, by_status: { not_started: 1 } });
  });

  it('lists a region without waves as not rolled out, its offices in no wave', () => {
    const west = progress.regions[1]!;
    expect(west).toMatchObject({ region_code: 'WEST', offices: 1, waves: [], percent_complete: 0 });
    expect(west.no_wave?.offices).toBe(1);
  });

  it('adds offices outside any region last, and counts every office overall', () => {
    expect(progress.regions.map((r) => r.region_code)).toEqual(['EAST', 'WEST', null]);
    expect(progress.regions[2]).toMatchObject({ region_id: null, offices: 1, percent_complete: 100 });
    expect(progress.overall).toMatchObject({
      offices: 6,
      by_status: { not_started: 2, onboarding: 1, inventory_in_progress: 1, complete: 2 },
      percent_complete: 33.3,
    });
    expect(progress.as_of).toBe(TODAY);
  });

  it('leaves out regions not given, and their offices from the overall figures', () => {
    const east = computeProgress({ today: TODAY, regions: [regions[0]!], waves, offices });
    expect(east.regions.map((r) => r.region_code)).toEqual(['EAST', null]);
    expect(east.overall.offices).toBe(5);
  });

  it('shows a region with no offices at all as empty', () => {
    const empty = computeProgress({ today: TODAY, regions, waves: [], offices: [] });
    expect(empty.regions.map((r) => [r.region_code, r.offices, r.no_wave])).toEqual([
      ['EAST', 0, null],
      ['WEST', 0, null],
    ]);
    expect(empty.overall.offices).toBe(0);
  });
});
