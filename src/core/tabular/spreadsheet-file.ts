import type { Readable } from 'node:stream';
import type { Page } from '../pagination.js';
import type { AnyColumn, RowOf, TableSpec } from './columns.js';
import type { SpreadsheetFormat } from './sniff.js';
import { writeCsv } from './write-csv.js';
import { writeXlsx } from './write-xlsx.js';

/* Exports and templates as files to download or save: shared by every module's spreadsheet export. */

export const SPREADSHEET_CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** A spreadsheet to download or save. `rowCount()` is final once the stream has ended. */
export interface SpreadsheetFile {
  filename: string;
  contentType: string;
  stream: Readable;
  rowCount(): number;
}

/** Every item of a paged list, read one page at a time as the consumer asks for more. */
export async function* eachItem<T>(
  fetch: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    yield* page.items;
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);
}

export async function collectAll<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Rows written as XLSX or CSV (streamed), named `<filename>.<format>`. */
export function spreadsheetFile<Cs extends readonly AnyColumn[]>(
  spec: TableSpec<Cs>,
  rows: Iterable<RowOf<Cs>> | AsyncIterable<RowOf<Cs>>,
  format: SpreadsheetFormat,
  filename: string,
): SpreadsheetFile {
  let count = 0;
  async function* counted(): AsyncGenerator<RowOf<Cs>> {
    for await (const row of rows) {
      count++;
      yield row;
    }
  }
  return {
    filename: `${filename}.${format}`,
    contentType: SPREADSHEET_CONTENT_TYPES[format],
    stream: format === 'xlsx' ? writeXlsx(spec, counted()) : writeCsv(spec, counted()),
    rowCount: () => count,
  };
}

/** The empty workbook an import reads: headers, drop-downs and instructions. */
export function templateFile<Cs extends readonly AnyColumn[]>(
  spec: TableSpec<Cs>,
  filename: string,
): SpreadsheetFile {
  return spreadsheetFile(spec, (async function* () {})(), 'xlsx', filename);
}
