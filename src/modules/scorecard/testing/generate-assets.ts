import { addDays } from '../calendar-date.js';
import type { ScoredAsset } from '../scored-asset.js';

/** mulberry32: a small seeded generator so generated inventories are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LABELS = ['Public', 'Internal', 'Confidential', 'Strictly Confidential', null] as const;

/**
 * A varied inventory for cross-checks and benchmarks: `count` assets spread over `offices` offices in
 * `regions` regions, 4 departments per office, each office with its own share of missing fields so
 * health is uneven, and a few assets with no office at all.
 */
export function generateAssets(
  count: number,
  { offices = 200, regions = 9, asOf = '2026-12-01', seed = 42 } = {},
): ScoredAsset[] {
  const next = random(seed);
  const gaps = Array.from({ length: offices }, () => 0.05 + next() * 0.5);
  const assets: ScoredAsset[] = [];
  for (let i = 0; i < count; i += 1) {
    const office = i % offices;
    const unassigned = i % 997 === 0;
    const gap = gaps[office]!;
    const missing = () => next() < gap;
    const label = LABELS[Math.floor(next() * LABELS.length)]!;
    assets.push({
      id: `asset-${i}`,
      office_key: unassigned ? null : `CO${String(office).padStart(3, '0')}`,
      office_name: unassigned ? null : `Office ${office}`,
      region_key: unassigned ? null : `R${office % regions}`,
      region_name: unassigned ? null : `Region ${office % regions}`,
      department_key: unassigned ? null : `CO${office}/D${i % 4}`,
      department_name: unassigned ? null : `Department ${i % 4}`,
      description: missing()
        ? null
        : next() < 0.2
          ? 'Short text'
          : 'A dataset of registration records and case notes',
      purpose: missing() ? null : 'Case management',
      system_id: missing() ? null : `system-${i % 50}`,
      data_owner_id: missing() ? null : `owner-${office}`,
      data_custodian_id: missing() ? null : `custodian-${i % 300}`,
      focal_point_id: next() < 0.8 ? `focal-${office}` : null,
      sensitivity_label: label,
      personal_data: next() < 0.1 ? null : next() < 0.5,
      legal_basis: missing() ? null : 'Consent',
      retention: missing() ? null : '5 years',
      last_reviewed: missing() ? null : addDays(asOf, -Math.floor(next() * 500)),
      last_access_review: missing() ? null : addDays(asOf, -Math.floor(next() * 500)),
      fields: {},
    });
  }
  return assets;
}
