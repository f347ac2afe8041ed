import { z } from 'zod';

/** Shared with the web app: requests and answers of the organisation's spreadsheet import and export. */

export const ORG_IMPORT_KINDS = ['people', 'offices'] as const;
export const orgImportKindSchema = z.enum(ORG_IMPORT_KINDS);
export type OrgImportKind = z.infer<typeof orgImportKindSchema>;

export const SPREADSHEET_FORMATS = ['xlsx', 'csv'] as const;
export const spreadsheetFormatSchema = z.enum(SPREADSHEET_FORMATS);
export type SpreadsheetFormat = z.infer<typeof spreadsheetFormatSchema>;

export const orgImportQuerySchema = z.object({
  kind: orgImportKindSchema,
  /** true: check every row and report what would change, writing nothing. */
  dry_run: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export const orgTemplateQuerySchema = z.object({ kind: orgImportKindSchema });
export const orgExportQuerySchema = z.object({
  kind: orgImportKindSchema,
  format: spreadsheetFormatSchema.default('xlsx'),
});

/** One problem of a file: its sheet row and column (as the file names it), and what is wrong. */
export const importIssueSchema = z.object({
  row: z.number().int().optional(),
  column: z.string().optional(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importReportSchema = z.object({
  kind: orgImportKindSchema,
  dry_run: z.boolean(),
  /** Data rows read (blank rows are skipped). */
  rows: z.number().int(),
  /** Rows without problems that add a record, change one, or match it already. */
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  issues: z.array(importIssueSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;
