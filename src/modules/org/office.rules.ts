import type { FieldIssue } from '../../core/errors.js';
import type { Office } from './org.schema.js';

type OfficePlacement = Pick<Office, 'kind' | 'country_code' | 'region_id'>;

/**
 * A country office sits in one country and one region; an HQ department needs neither (it may
 * still name where it sits). Checked on the record as it will be stored, so a partial update
 * cannot leave a country office without its country.
 */
export function officePlacementIssues(office: OfficePlacement): FieldIssue[] {
  if (office.kind !== 'country_office') return [];
  const issues: FieldIssue[] = [];
  if (!office.country_code)
    issues.push({
      path: 'country_code',
      message: 'a country office needs its ISO 3166-1 alpha-2 country code',
    });
  if (!office.region_id) issues.push({ path: 'region_id', message: 'a country office needs a region' });
  return issues;
}
