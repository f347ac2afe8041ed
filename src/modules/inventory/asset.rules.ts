import type { FieldIssue } from '../../core/errors.js';
import { SYSTEM_TYPES, type AssetType } from './asset.schema.js';
import type { AssetRow } from './asset.present.js';

/* Rules on one asset as it will be stored; no I/O. */

type RuledAsset = Pick<
  AssetRow,
  'personal_data' | 'special_categories' | 'last_reviewed' | 'last_access_review'
>;

/**
 * Problems with an asset as it will be stored (after defaults, inheritance and a partial update are
 * applied), so no sequence of changes can leave one behind:
 * - special-category data is personal data;
 * - review dates are not in the future. `today` is the UTC date of the clock; a date one day ahead is
 *   still accepted, as it is already today east of UTC.
 */
export function assetRuleIssues(asset: RuledAsset, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (asset.personal_data === 0 && asset.special_categories !== '[]')
    issues.push({
      path: 'special_categories',
      message: 'special-category data is personal data: set personal_data to true, or remove the categories',
    });
  const latest = addDays(today, 1);
  for (const field of ['last_reviewed', 'last_access_review'] as const) {
    const value = asset[field];
    if (value !== null && value > latest)
      issues.push({ path: field, message: `${value} is in the future (today is ${today})` });
  }
  return issues;
}

export function isSystemType(type: string): boolean {
  return SYSTEM_TYPES.includes(type as AssetType);
}

/** Why `candidate` cannot hold assets, or null when it can. */
export function notASystem(candidate: Pick<AssetRow, 'id' | 'name' | 'asset_type'>): string | null {
  if (isSystemType(candidate.asset_type)) return null;
  return `asset ${candidate.id} (${candidate.name}) is of type ${candidate.asset_type}; a system is an application or a database`;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
