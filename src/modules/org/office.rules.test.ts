import { describe, expect, it } from 'vitest';
import { officePlacementIssues } from './office.rules.js';

const REGION = '0190f5d2-0000-7000-8000-000000000001';

describe('office placement rules', () => {
  it.each([
    ['a country office with country and region', 'country_office', 'KE', REGION, []],
    ['an HQ department with neither', 'hq_department', null, null, []],
    ['an HQ department that names its country', 'hq_department', 'CH', null, []],
    ['a country office without a country', 'country_office', null, REGION, ['country_code']],
    ['a country office without a region', 'country_office', 'KE', null, ['region_id']],
    ['a country office with neither', 'country_office', null, null, ['country_code', 'region_id']],
  ] as const)('%s', (_label, kind, country_code, region_id, paths) => {
    const issues = officePlacementIssues({ kind, country_code, region_id });
    expect(issues.map((issue) => issue.path)).toEqual(paths);
  });
});
