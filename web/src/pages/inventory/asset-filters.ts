import {
  ASSET_TYPES,
  SENSITIVITY_LABELS,
  UNLABELLED,
  type AssetListQuery,
} from '@server/modules/inventory/asset.schema';

/** The list's filters as they appear in the address bar. */
export const ASSET_FILTER_KEYS = [
  'q',
  'office_id',
  'region_id',
  'sensitivity_label',
  'personal_data',
  'owner_id',
  'asset_type',
  'control_failing',
  'sort',
] as const;

export type AssetUrlFilters = Partial<Record<(typeof ASSET_FILTER_KEYS)[number], string>>;

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.find((candidate) => candidate === value);

/**
 * The API query for filters read from an address (which anyone may have edited): values that are
 * not one of the choices are left out rather than sent to be refused.
 */
export function assetQuery(filters: AssetUrlFilters): Omit<AssetListQuery, 'sort'> {
  return {
    q: filters.q,
    office_id: filters.office_id,
    region_id: filters.region_id,
    sensitivity_label: oneOf([...SENSITIVITY_LABELS, UNLABELLED], filters.sensitivity_label),
    personal_data: oneOf(['true', 'false'], filters.personal_data),
    owner_id: filters.owner_id,
    asset_type: oneOf(ASSET_TYPES, filters.asset_type),
    control_failing: filters.control_failing,
  };
}
