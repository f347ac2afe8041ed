import type { ScoredAsset } from '../scored-asset.js';

/** The scoring date the fixtures are written for. */
export const AS_OF = '2026-12-01';

let counter = 0;

/** An asset in office KE (region EA) that passes all six default controls on AS_OF; override what a test is about. */
export function healthyAsset(overrides: Partial<ScoredAsset> = {}): ScoredAsset {
  counter += 1;
  return {
    id: `asset-${counter}`,
    office_key: 'KE',
    office_name: 'Kenya',
    region_key: 'EA',
    region_name: 'East Africa',
    department_key: 'KE/PROG',
    department_name: 'Programmes',
    description: 'Registration records of people assisted in Kakuma',
    purpose: 'Case management',
    system_id: 'system-1',
    data_owner_id: 'person-owner',
    data_custodian_id: 'person-custodian',
    focal_point_id: 'person-focal',
    sensitivity_label: 'Confidential',
    personal_data: true,
    legal_basis: 'Vital interest',
    retention: '5 years after case closure',
    last_reviewed: '2026-06-01',
    last_access_review: '2026-06-01',
    fields: {},
    ...overrides,
  };
}
