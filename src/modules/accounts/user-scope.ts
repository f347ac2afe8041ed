import { errors, type FieldIssue } from '../../core/errors.js';
import type { AccountsRepository } from './accounts.repository.js';

export interface ScopeIds {
  scope_region_ids: string[];
  scope_office_ids: string[];
}

/** Refuse scope lists naming regions or offices that do not exist, naming each bad entry. */
export async function assertScopeExists(repo: AccountsRepository, scope: Partial<ScopeIds>): Promise<void> {
  const issues: FieldIssue[] = [];
  const regions = scope.scope_region_ids ?? [];
  const offices = scope.scope_office_ids ?? [];
  const knownRegions = await repo.existingRegionIds(regions);
  const knownOffices = await repo.existingOfficeIds(offices);
  regions.forEach((id, i) => {
    if (!knownRegions.has(id)) issues.push({ path: `scope_region_ids.${i}`, message: `no region ${id}` });
  });
  offices.forEach((id, i) => {
    if (!knownOffices.has(id)) issues.push({ path: `scope_office_ids.${i}`, message: `no office ${id}` });
  });
  const first = issues[0];
  if (first) throw errors.validation(`${first.path}: ${first.message}`, issues);
}

/** Region and office codes (as typed on the command line) to ids; unknown codes are refused. */
export async function scopeIdsFromCodes(
  repo: AccountsRepository,
  codes: { regions?: readonly string[]; offices?: readonly string[] },
): Promise<ScopeIds> {
  const regionCodes = [...new Set((codes.regions ?? []).map((c) => c.trim().toUpperCase()))];
  const officeCodes = [...new Set((codes.offices ?? []).map((c) => c.trim().toUpperCase()))];
  const regions = new Map((await repo.regionsByCode(regionCodes)).map((r) => [r.code, r.id]));
  const offices = new Map((await repo.officesByCode(officeCodes)).map((o) => [o.code, o.id]));
  const issues: FieldIssue[] = [
    ...regionCodes.filter((c) => !regions.has(c)).map((c) => ({ path: 'region', message: `no region ${c}` })),
    ...officeCodes.filter((c) => !offices.has(c)).map((c) => ({ path: 'office', message: `no office ${c}` })),
  ];
  const first = issues[0];
  if (first) throw errors.validation(`${first.path}: ${first.message}`, issues);
  return {
    scope_region_ids: regionCodes.map((c) => regions.get(c)!),
    scope_office_ids: officeCodes.map((c) => offices.get(c)!),
  };
}
