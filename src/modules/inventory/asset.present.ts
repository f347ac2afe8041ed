import type { Selectable } from 'kysely';
import { searchDocument } from '../../db/fulltext.js';
import type { AssetTable } from '../../db/schema/inventory.js';
import {
  DATA_SUBJECTS,
  OWNERSHIP_FIELDS,
  SPECIAL_CATEGORIES,
  type Asset,
  type AssetType,
  type DataSubject,
  type SensitivityLabel,
  type SpecialCategory,
} from './asset.schema.js';

/* How an asset is stored and shown: lists as JSON arrays and personal data as 0/1 in the table. */

export type AssetRow = Selectable<AssetTable>;

/**
 * The columns that say something about an asset, in the table's order: equal on all of them means
 * "unchanged" (asset.plan.ts); with the keys, search text, version and times, every column
 * (asset.list.ts).
 */
export const ASSET_DATA_COLUMNS = [
  'name',
  'description',
  'asset_type',
  'system_id',
  'office_id',
  'department_id',
  ...OWNERSHIP_FIELDS,
  'sensitivity_label',
  'personal_data',
  'special_categories',
  'data_subjects',
  'legal_basis',
  'purpose',
  'retention',
  'hosting_location',
  'sharing_agreements',
  'tags',
  'last_reviewed',
  'last_access_review',
] as const satisfies readonly (keyof AssetRow)[];

/** Stored row → API shape, fields in the table's order; `seq` and search_text are internal. */
export function presentAsset(row: Omit<AssetRow, 'seq'>): Asset {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    asset_type: row.asset_type as AssetType,
    system_id: row.system_id,
    office_id: row.office_id,
    department_id: row.department_id,
    data_owner_id: row.data_owner_id,
    data_custodian_id: row.data_custodian_id,
    data_steward_id: row.data_steward_id,
    focal_point_id: row.focal_point_id,
    sensitivity_label: row.sensitivity_label as SensitivityLabel | null,
    personal_data: row.personal_data === 1,
    special_categories: JSON.parse(row.special_categories) as SpecialCategory[],
    data_subjects: JSON.parse(row.data_subjects) as DataSubject[],
    legal_basis: row.legal_basis,
    purpose: row.purpose,
    retention: row.retention,
    hosting_location: row.hosting_location,
    sharing_agreements: row.sharing_agreements,
    tags: JSON.parse(row.tags) as string[],
    last_reviewed: row.last_reviewed,
    last_access_review: row.last_access_review,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** Each value once, in the catalogue's order, so equal sets are stored (and compared) identically. */
export function storedCategories(values: readonly SpecialCategory[]): string {
  return JSON.stringify(SPECIAL_CATEGORIES.filter((value) => values.includes(value)));
}

export function storedSubjects(values: readonly DataSubject[]): string {
  return JSON.stringify(DATA_SUBJECTS.filter((value) => values.includes(value)));
}

/** Tags in the order given, each once whatever its case (the first spelling is kept). */
export function storedTags(tags: readonly string[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const tag of tags) {
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(tag);
  }
  return JSON.stringify(kept);
}

/** Optional text: '' stores nothing. */
export function storedText(value: string | null | undefined): string | null {
  return value ? value : null;
}

/** What full-text search looks at: the name, description, tags and the name of the system holding it. */
export function assetSearchText(
  asset: Pick<AssetRow, 'name' | 'description' | 'tags'>,
  systemName: string | null,
): string {
  return searchDocument(
    asset.name,
    asset.description,
    (JSON.parse(asset.tags) as string[]).join(' '),
    systemName,
  );
}
