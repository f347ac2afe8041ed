import type {
  Asset,
  AssetType,
  DataSubject,
  SensitivityLabel,
  SpecialCategory,
} from '@server/modules/inventory/asset.schema';
import { orNull } from '../../components/form/validation';

/** An asset as its form holds it: text inputs hold '' for "none", pickers null. */
export interface AssetValues {
  name: string;
  description: string;
  asset_type: AssetType;
  system_id: string | null;
  office_id: string | null;
  department_id: string | null;
  data_owner_id: string | null;
  data_custodian_id: string | null;
  data_steward_id: string | null;
  focal_point_id: string | null;
  sensitivity_label: SensitivityLabel | null;
  personal_data: boolean;
  special_categories: SpecialCategory[];
  data_subjects: DataSubject[];
  legal_basis: string;
  purpose: string;
  retention: string;
  hosting_location: string;
  sharing_agreements: string;
  tags: string[];
  last_reviewed: string;
  last_access_review: string;
}

/** Where a new asset starts: in an office, or under a system (from the system's page). */
export interface AssetPlacement {
  office_id?: string;
  system_id?: string;
}

export function assetValues(asset?: Asset, placement: AssetPlacement = {}): AssetValues {
  return {
    name: asset?.name ?? '',
    description: asset?.description ?? '',
    asset_type: asset?.asset_type ?? 'dataset',
    system_id: asset ? asset.system_id : (placement.system_id ?? null),
    office_id: asset ? asset.office_id : (placement.office_id ?? null),
    department_id: asset?.department_id ?? null,
    data_owner_id: asset?.data_owner_id ?? null,
    data_custodian_id: asset?.data_custodian_id ?? null,
    data_steward_id: asset?.data_steward_id ?? null,
    focal_point_id: asset?.focal_point_id ?? null,
    sensitivity_label: asset?.sensitivity_label ?? null,
    personal_data: asset?.personal_data ?? false,
    special_categories: asset?.special_categories ?? [],
    data_subjects: asset?.data_subjects ?? [],
    legal_basis: asset?.legal_basis ?? '',
    purpose: asset?.purpose ?? '',
    retention: asset?.retention ?? '',
    hosting_location: asset?.hosting_location ?? '',
    sharing_agreements: asset?.sharing_agreements ?? '',
    tags: asset?.tags ?? [],
    last_reviewed: asset?.last_reviewed ?? '',
    last_access_review: asset?.last_access_review ?? '',
  };
}

/** What the API receives: trimmed text, null for empty optional fields. */
export function assetPayload(values: AssetValues) {
  return {
    ...values,
    name: values.name.trim(),
    description: orNull(values.description),
    legal_basis: orNull(values.legal_basis),
    purpose: orNull(values.purpose),
    retention: orNull(values.retention),
    hosting_location: orNull(values.hosting_location),
    sharing_agreements: orNull(values.sharing_agreements),
    last_reviewed: orNull(values.last_reviewed),
    last_access_review: orNull(values.last_access_review),
  };
}
