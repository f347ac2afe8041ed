import { columnLetter } from '../../../core/tabular/table.js';
import type { CellValues } from '../dataset-classifier.js';
import type { ScanFormat } from '../scan-report.js';

/** One row: cells in the order of the dataset's headers. */
export type SourceRow = readonly CellValues[];

/**
 * One table-like thing a reader found (a CSV, a sheet, a JSON file, a database table). Its rows come
 * in batches (one per chunk read), so a scan of millions of rows does not pay a promise per row.
 * `rows` streams and is read once; a reader holds no more than a batch and what its format needs.
 */
export interface SourceDataset {
  /** As the report names it: "people.csv", "file.xlsx#Sheet1", "postgres://host/db/schema.table". */
  source: string;
  format: ScanFormat;
  headers: string[];
  /** Per column, what the source says about it besides its name (database column comments). */
  descriptions?: (string | null)[];
  batches: AsyncIterable<SourceRow[]>;
}

export interface ReadContext {
  /** Rows a database reader fetches per table: `null` reads them all (`--full`). */
  sampleRows: number | null;
  signal?: AbortSignal;
  /** Bytes (files) or rows (databases) read of the current source so far. */
  onRead?(done: number, total?: number): void;
}

/**
 * Most columns one dataset may have: Excel's own limit. Each column keeps a sample and counters, so
 * the scanner shrinks the sample of very wide tables (see scan.ts).
 */
export const MAX_SCAN_COLUMNS = 16_384;

/** Headers as a report can show them: blanks named by column letter, repeats numbered. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  return raw.map((value, index) => {
    const base = value.trim() === '' ? `(column ${columnLetter(index + 1)})` : value.trim();
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base} (${n})`;
    seen.add(name);
    return name;
  });
}

/** Stop a reader when the scan is cancelled. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ScanAborted();
}

export class ScanAborted extends Error {
  constructor() {
    super('The scan was cancelled before this source was finished');
    this.name = 'ScanAborted';
  }
}
