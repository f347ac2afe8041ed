import { describe, expect, it } from 'vitest';
import { computeProgress } from '../rollout/rollout-progress.js';
import type { Wave } from '../rollout/rollout.schema.js';
import { buildDemoOrganisation } from './demo-organisation.js';
import { buildDemoRollout, DEMO_ROLLOUT_REGIONS } from './demo-rollout.js';

describe('demo roll-out plan', () => {
  const demo = buildDemoOrganisation(1);
  const today = '2026-12-01';
  const plan = buildDemoRollout(demo, today, 1);

  it('is the same for the same organisation, day and seed', () => {
    expect(buildDemoRollout(demo, today, 1)).toEqual(plan);
  });

  it('plans waves in order only for the regions being rolled out', () => {
    expect([...new Set(plan.waves.map((w) => w.region_code))]).toEqual([...DEMO_ROLLOUT_REGIONS]);
    for (const wave of plan.waves) expect(wave.planned_start < wave.planned_end).toBe(true);
    const regional = demo.offices.filter((o) => DEMO_ROLLOUT_REGIONS.some((code) => code === o.region_code));
    expect(plan.offices.map((o) => o.office_code).sort()).toEqual(regional.map((o) => o.code).sort());
  });

  it('sets an actual date exactly for complete offices and names a focal point of the office', () => {
    for (const office of plan.offices) {
      expect(office.actual_date !== null).toBe(office.status === 'complete');
      if (office.focal_point_email)
        expect(demo.people.find((p) => p.email === office.focal_point_email)?.office_code).toBe(
          office.office_code,
        );
    }
  });

  it('adds up to uneven progress with overdue offices in every region under way', () => {
    const regions = demo.regions.map((r) => ({ id: r.code, code: r.code, name: r.name }));
    const waves: Wave[] = plan.waves.map((w) => ({
      ...w,
      id: `${w.region_code}/${w.number}`,
      region_id: w.region_code,
      notes: null,
      version: 1,
      created_at: '',
      updated_at: '',
    }));
    const progress = computeProgress({
      today,
      regions,
      waves,
      offices: plan.offices.map((o) => ({
        office_id: o.office_code,
        office_code: o.office_code,
        office_name: o.office_code,
        region_id: o.wave.region_code,
        wave_id: `${o.wave.region_code}/${o.wave.number}`,
        status: o.status,
        focal_point_name: null,
        target_date: o.target_date,
      })),
    });
    const underWay = progress.regions.filter((r) => r.offices > 0);
    expect(underWay.map((r) => r.region_code)).toEqual([...DEMO_ROLLOUT_REGIONS].sort());
    for (const region of underWay) {
      expect(region.overdue.length).toBeGreaterThan(0);
      expect(region.percent_complete).toBeGreaterThan(0);
      expect(region.percent_complete).toBeLessThan(100);
    }
  });
});
