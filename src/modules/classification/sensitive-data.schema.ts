import { z } from 'zod';
import { SENSITIVITY_LABELS } from '../inventory/asset.schema.js';
import { jobSchema } from '../jobs/jobs.schema.js';
import { columnDetectionsSchema } from './classification.schema.js';
import { PRINCIPAL_TYPES, SEVERITIES } from './label-policy.schema.js';
import { SCAN_FORMATS } from './scan-report.js';

/** Shared with the web app: stored scans, label decisions, access checks and disclosure risk. */

export const LABEL_CHANGES = ['as_proposed', 'raised', 'lowered'] as const;

/** How many values per column a sampled scan checks, at most. */
export const MAX_SAMPLE_SIZE = 1_000_000;

/** A scanned source as people see it: a file's name, or a database URL without its password. */
export const scanSourceSchema = z.object({
  kind: z.enum(['file', 'database']),
  name: z.string(),
});
export type ScanSourceDescription = z.infer<typeof scanSourceSchema>;

export const samplingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sample'), size: z.number().int().min(1).max(MAX_SAMPLE_SIZE) }),
  z.object({ kind: z.literal('full') }),
]);
export type Sampling = z.infer<typeof samplingSchema>;

export const scanDatasetSchema = z.object({
  id: z.string(),
  /** 1-based, in report order: the `n` of /api/scans/:id/datasets/:n. */
  position: z.number().int(),
  source: z.string(),
  format: z.enum(SCAN_FORMATS),
  rows_scanned: z.number().int(),
  proposal: z.object({ label: z.string(), rule: z.string(), reasons: z.array(z.string()) }),
  columns: z.array(columnDetectionsSchema),
  /** The person's decision; null until confirmed. */
  decision: z
    .object({
      label: z.string(),
      change: z.enum(LABEL_CHANGES),
      justification: z.string().nullable(),
      decided_by_label: z.string(),
      decided_at: z.string(),
    })
    .nullable(),
  asset_id: z.string().nullable(),
  asset_name: z.string().nullable(),
  version: z.number().int(),
});
export type ScanDataset = z.infer<typeof scanDatasetSchema>;

export const scanSummarySchema = z.object({
  id: z.string(),
  job_id: z.string(),
  status: jobSchema.shape.status,
  office_id: z.string().nullable(),
  created_by_label: z.string(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
  sources: z.array(scanSourceSchema),
  sampling: samplingSchema,
  dataset_count: z.number().int(),
  /** Datasets whose label a person has confirmed. */
  confirmed_count: z.number().int(),
  /** The highest label proposed for a dataset of the scan, null before it finishes. */
  highest_proposed: z.string().nullable(),
  error_count: z.number().int(),
});
export type ScanSummary = z.infer<typeof scanSummarySchema>;

export const scanDetailSchema = scanSummarySchema.extend({
  job: jobSchema,
  datasets: z.array(scanDatasetSchema),
  errors: z.array(z.object({ source: z.string(), message: z.string() })),
});
export type ScanDetail = z.infer<typeof scanDetailSchema>;

export const scanListQuerySchema = z.strictObject({
  office_id: z.string().uuid().optional(),
});
export type ScanListQuery = z.infer<typeof scanListQuerySchema>;

const optionalBool = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

/** Options of `POST /api/scans`, in the query string (the body carries the files). */
export const scanStartQuerySchema = z.strictObject({
  /** The office whose data this is (needed unless you work organisation-wide). */
  office_id: z.string().uuid().optional(),
  /** Values checked per column (default 1000), unless full=true. */
  sample: z.coerce.number().int().min(1).max(MAX_SAMPLE_SIZE).optional(),
  full: optionalBool,
});
export type ScanStartQuery = z.infer<typeof scanStartQuerySchema>;

/** `POST /api/scans` with JSON: an administrator scans a database by URL. */
export const databaseScanSchema = z.strictObject({
  database_url: z
    .string()
    .trim()
    .regex(/^(postgres|postgresql|mysql|mariadb):\/\//, 'a postgres://, mysql:// or mariadb:// URL')
    .max(2000),
  office_id: z.string().uuid().optional(),
  sample: z.number().int().min(1).max(MAX_SAMPLE_SIZE).optional(),
  full: z.boolean().optional(),
});
export type DatabaseScan = z.infer<typeof databaseScanSchema>;

export const scanStartedSchema = z.object({ scan_id: z.string(), job_id: z.string() });

export const labelConfirmSchema = z
  .strictObject({
    label: z.string().trim().min(1).max(100),
    justification: z.string().trim().max(2000).nullable().optional(),
    /** The dataset's version as read (1 before any decision). */
    version: z.number().int().positive(),
    /** Write the label into this inventory asset … */
    asset_id: z.string().uuid().optional(),
    /** … whose version as read is this (409 when someone changed it since). */
    asset_version: z.number().int().positive().optional(),
    /** … or register a new asset in this office with the dataset's name. */
    register: z
      .strictObject({ office_id: z.string().uuid(), name: z.string().trim().min(1).max(300).optional() })
      .optional(),
  })
  .refine((v) => !(v.asset_id && v.register), {
    message: 'give asset_id or register, not both',
    path: ['register'],
  })
  .refine((v) => !v.asset_id || v.asset_version !== undefined, {
    message: 'give the asset’s version as read',
    path: ['asset_version'],
  });
export type LabelConfirm = z.infer<typeof labelConfirmSchema>;

export const accessViolationSchema = z.object({
  rule: z.enum(['forbidden_principal_type', 'too_many_principals']),
  severity: z.enum(SEVERITIES),
  resource: z.string(),
  principal: z.string().optional(),
  principal_type: z.enum(PRINCIPAL_TYPES).optional(),
  access_level: z.string().optional(),
  message: z.string(),
});

export const accessCheckQuerySchema = z.strictObject({
  /** The data's label; defaults to the asset's label when asset_id is given. */
  label: z.string().trim().min(1).max(100).optional(),
  /** Check the listing of this asset: violations become actions for its custodian. */
  asset_id: z.string().uuid().optional(),
});
export type AccessCheckQuery = z.infer<typeof accessCheckQuerySchema>;

export const accessCheckResultSchema = z.object({
  label: z.string(),
  rows: z.number().int(),
  violations: z.array(accessViolationSchema),
  asset: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** With an asset: the actions this check opened, kept open, and closed (fixed since last time). */
  actions: z
    .object({ opened: z.number().int(), kept: z.number().int(), closed: z.number().int() })
    .nullable(),
});
export type AccessCheckResult = z.infer<typeof accessCheckResultSchema>;

export const grantsCheckSchema = z.strictObject({
  database_url: databaseScanSchema.shape.database_url,
  label: z.string().trim().min(1).max(100).optional(),
});

export const accessListingRowSchema = z.object({
  resource: z.string(),
  principal: z.string(),
  principal_type: z.enum(PRINCIPAL_TYPES),
  access_level: z.string(),
});
export type AccessListingEntry = z.infer<typeof accessListingRowSchema>;

export const grantsResultSchema = z.object({
  source: z.string(),
  rows: z.array(accessListingRowSchema),
  label: z.string().nullable(),
  violations: z.array(accessViolationSchema),
});
export type GrantsResult = z.infer<typeof grantsResultSchema>;

const listParam = z
  .string()
  .max(4000)
  .optional()
  .transform((v) =>
    v === undefined
      ? undefined
      : v
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
  );

export const disclosureQuerySchema = z.strictObject({
  /** Quasi-identifier columns, comma-separated; suggested from the headers when absent. */
  qi: listParam,
  weight: z.string().trim().min(1).max(300).optional(),
  sensitive: listParam,
  top: z.coerce.number().int().min(0).max(1000).optional(),
});
export type DisclosureQuery = z.infer<typeof disclosureQuerySchema>;

const riskSummary = z.object({
  expected_reidentifications: z.number(),
  share: z.number(),
  threshold: z.number(),
  above_threshold: z.boolean(),
  sample_uniques: z.number().int(),
  violating: z.object({ k2: z.number().int(), k3: z.number().int(), k5: z.number().int() }),
});

export const disclosureReportSchema = riskSummary.extend({
  /** Every column of the file, for choosing quasi-identifiers. */
  columns: z.array(z.string()),
  records: z.number().int(),
  quasi_identifiers: z.array(z.string()),
  suggested_quasi_identifiers: z.boolean(),
  weight: z.string().nullable(),
  keys: z.number().int(),
  max_individual_risk: z.number(),
  riskiest_keys: z.array(
    z.object({
      key: z.record(z.string(), z.string().nullable()),
      fk: z.number().int(),
      Fk: z.number().optional(),
      risk: z.number(),
    }),
  ),
  l_diversity: z.array(
    z.object({
      column: z.string(),
      min_l: z.number().int(),
      keys_with_l1: z.number().int(),
      records_with_l1: z.number().int(),
    }),
  ),
  recodings: z.array(
    z.object({ id: z.string(), description: z.string(), columns: z.array(z.string()), after: riskSummary }),
  ),
});

/** The labels assets may carry: a confirmed label lands in the inventory only when it is one of them. */
export const ASSET_LABELS: readonly string[] = SENSITIVITY_LABELS;
