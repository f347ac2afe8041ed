import type { ColumnDetections } from './classification.schema.js';
import type { LabelPolicy } from './label-policy.schema.js';

/**
 * The scanner's public contract: what `custos scan --json` prints and what the scan API stores.
 * Field names are snake_case because they are the JSON contract itself.
 */

/** The formats a source is read as; a dataset says which one produced it. */
export const SCAN_FORMATS = [
  'csv',
  'tsv',
  'xlsx',
  'json',
  'jsonl',
  'parquet',
  'text',
  'postgres',
  'mysql',
] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** One table-like thing scanned: a file, a sheet of a workbook, or a database table. */
export interface ScanDataset {
  /** "people.csv", "file.xlsx#Sheet1" or "postgres://host/db/schema.table" (never a password). */
  source: string;
  format: ScanFormat;
  rows_scanned: number;
  label: { proposed: string; rule: string; reasons: string[] };
  columns: ColumnDetections[];
}

/** A source that could not be read; the other sources of the same scan still finish. */
export interface ScanError {
  source: string;
  message: string;
}

export interface ScanReport {
  datasets: ScanDataset[];
  errors: ScanError[];
}

/** What to scan: a file or folder (recursive) on disk, or a database by connection URL. */
export type ScanSource = { kind: 'path'; path: string; name?: string } | { kind: 'database'; url: string };

export interface ScanOptions {
  /** `sample` keeps up to `size` values per column (reservoir over the whole source); `full` checks every value. */
  sampling: { kind: 'sample'; size: number } | { kind: 'full' };
  policy: LabelPolicy;
}

export interface ScanProgress {
  /** The source being read, as it will appear in the report. */
  source: string;
  sources_done: number;
  sources_total: number;
  /** Bytes (files) or rows (databases) read of the current source, when known. */
  done?: number;
  total?: number;
}

export interface ScanHooks {
  onProgress?(progress: ScanProgress): void;
  /** Aborting stops reading; the report then holds what finished plus an error per unfinished source. */
  signal?: AbortSignal;
}

/** Scan every source; never throws for a bad source (that becomes an entry of `errors`). */
export type ScanRunner = (
  sources: readonly ScanSource[],
  options: ScanOptions,
  hooks?: ScanHooks,
) => Promise<ScanReport>;
