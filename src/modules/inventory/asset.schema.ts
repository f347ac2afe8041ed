import { z } from 'zod';
import { controlIdSchema } from '../scorecard/rule.schema.js';

/** Shared with the web app: request and response shapes of the data inventory. */

export const ASSET_TYPES = [
  'dataset',
  'database',
  'file_share',
  'application',
  'paper_records',
  'api',
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/** The asset types that can hold other assets (a "system"). */
export const SYSTEM_TYPES: readonly AssetType[] = ['application', 'database'];

/** Custos's default labels, lowest to highest (see REFERENCE.md, "Sensitivity labels"). */
export const SENSITIVITY_LABELS = ['Public', 'Internal', 'Confidential', 'Strictly Confidential'] as const;
export type SensitivityLabel = (typeof SENSITIVITY_LABELS)[number];
/** The list filter's word for "no label yet". */
export const UNLABELLED = 'unlabelled';

/** GDPR Art. 9 categories and, in humanitarian work, protection and GBV case data (REFERENCE.md). */
export const SPECIAL_CATEGORIES = [
  'health',
  'biometric',
  'ethnicity',
  'religion',
  'political',
  'sexual_life',
  'criminal',
  'protection_gbv',
] as const;
export type SpecialCategory = (typeof SPECIAL_CATEGORIES)[number];

export const DATA_SUBJECTS = ['beneficiaries_migrants', 'staff', 'partners', 'public'] as const;
export type DataSubject = (typeof DATA_SUBJECTS)[number];

/** The people an asset names; a system passes them on to its assets (inheritance, push). */
export const OWNERSHIP_FIELDS = [
  'data_owner_id',
  'data_custodian_id',
  'data_steward_id',
  'focal_point_id',
] as const;
export type OwnershipField = (typeof OWNERSHIP_FIELDS)[number];

export const PUSH_MODES = ['only_empty', 'overwrite'] as const;
export type PushMode = (typeof PUSH_MODES)[number];

const trimmed = (max: number) => z.string().trim().min(1).max(max);
/** Free text that may be cleared: null or '' store nothing. */
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const personRef = z.string().uuid().nullable().optional();
const date = z.iso.date('use a date as YYYY-MM-DD').nullable().optional();
const versioned = { version: z.number().int().positive() };

export const assetSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  asset_type: z.enum(ASSET_TYPES),
  system_id: z.string().nullable(),
  office_id: z.string(),
  department_id: z.string().nullable(),
  data_owner_id: z.string().nullable(),
  data_custodian_id: z.string().nullable(),
  data_steward_id: z.string().nullable(),
  focal_point_id: z.string().nullable(),
  sensitivity_label: z.enum(SENSITIVITY_LABELS).nullable(),
  personal_data: z.boolean(),
  special_categories: z.array(z.enum(SPECIAL_CATEGORIES)),
  data_subjects: z.array(z.enum(DATA_SUBJECTS)),
  legal_basis: z.string().nullable(),
  purpose: z.string().nullable(),
  retention: z.string().nullable(),
  hosting_location: z.string().nullable(),
  sharing_agreements: z.string().nullable(),
  tags: z.array(z.string()),
  last_reviewed: z.string().nullable(),
  last_access_review: z.string().nullable(),
  version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Asset = z.infer<typeof assetSchema>;

const assetFields = {
  name: trimmed(300),
  description: optionalText(5000),
  asset_type: z.enum(ASSET_TYPES),
  /** The system (an application or database asset) holding this asset. */
  system_id: z.string().uuid().nullable().optional(),
  office_id: z.string().uuid(),
  department_id: z.string().uuid().nullable().optional(),
  data_owner_id: personRef,
  data_custodian_id: personRef,
  data_steward_id: personRef,
  focal_point_id: personRef,
  sensitivity_label: z.enum(SENSITIVITY_LABELS).nullable().optional(),
  personal_data: z.boolean().optional(),
  special_categories: z.array(z.enum(SPECIAL_CATEGORIES)).max(SPECIAL_CATEGORIES.length).optional(),
  data_subjects: z.array(z.enum(DATA_SUBJECTS)).max(DATA_SUBJECTS.length).optional(),
  legal_basis: optionalText(2000),
  purpose: optionalText(2000),
  retention: optionalText(2000),
  hosting_location: optionalText(500),
  sharing_agreements: optionalText(2000),
  tags: z.array(trimmed(60)).max(50).optional(),
  last_reviewed: date,
  last_access_review: date,
};

/** A new asset. Under a system, owner fields left out (or null) are taken from the system. */
export const assetCreateSchema = z.strictObject(assetFields);
export const assetUpdateSchema = assetCreateSchema.partial().extend(versioned);
export type AssetCreate = z.infer<typeof assetCreateSchema>;
export type AssetUpdate = z.infer<typeof assetUpdateSchema>;

/**
 * One record of a bulk write (the spreadsheet import): with `id`, a change to that asset (fields left
 * out keep their value; `version`, when given, must be the current one); without, a new asset.
 */
export const assetUpsertSchema = assetCreateSchema.partial().extend({
  id: z.string().uuid().optional(),
  version: z.number().int().positive().optional(),
});

export const assetListQuerySchema = z.object({
  /** Full text: every word must start a word of the name, description, tags or system name. */
  q: z.string().max(200).optional(),
  office_id: z.string().uuid().optional(),
  region_id: z.string().uuid().optional(),
  sensitivity_label: z.enum([...SENSITIVITY_LABELS, UNLABELLED]).optional(),
  personal_data: z.enum(['true', 'false']).optional(),
  owner_id: z.string().uuid().optional(),
  system_id: z.string().uuid().optional(),
  asset_type: z.enum(ASSET_TYPES).optional(),
  /** Only assets failing this health control at the last scoring (their open scorecard actions). */
  control_failing: controlIdSchema.optional(),
  /** name, created_at or updated_at; prefix - for descending. */
  sort: z.string().optional(),
});
export type AssetListQuery = z.infer<typeof assetListQuerySchema>;

export const pushOwnershipSchema = z.strictObject({
  fields: z
    .array(z.enum(OWNERSHIP_FIELDS))
    .min(1)
    .max(OWNERSHIP_FIELDS.length)
    .refine((fields) => new Set(fields).size === fields.length, 'name each field once'),
  mode: z.enum(PUSH_MODES),
  /** The version of the system you read: its owner fields are what gets pushed. */
  ...versioned,
});
export type PushOwnership = z.infer<typeof pushOwnershipSchema>;

export const pushOwnershipResultSchema = z.object({
  /** Assets of the system that were changed (one audit event each). */
  changed: z.number().int(),
  /** Assets that already had the values (or, with only_empty, had their own). */
  unchanged: z.number().int(),
  /** Assets you may see but not change (a data custodian's colleagues' assets). */
  skipped: z.number().int(),
});
export type PushOwnershipResult = z.infer<typeof pushOwnershipResultSchema>;

export const deleteQuerySchema = z.object({ version: z.coerce.number().int().positive() });
