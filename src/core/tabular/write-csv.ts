import { Readable } from 'node:stream';
import { dateText } from './cell-text.js';
import { formatCell, type AnyColumn, type CellOutput, type RowOf, type TableSpec } from './columns.js';
import { guardFormula } from './formula-guard.js';

export interface CsvWriteOptions {
  /** Default ",". Use ";" for users whose Excel expects it (French and other European settings). */
  delimiter?: ',' | ';' | '\t';
  /** Default true: the UTF-8 BOM makes Excel read accents correctly. */
  bom?: boolean;
}

const FLUSH_CHARS = 64 * 1024;

function field(value: CellOutput, delimiter: string): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'number' ? String(value) : value instanceof Date ? dateText(value) : guardFormula(value);
  const needsQuotes = text.includes('"') || text.includes(delimiter) || /[\r\n]/.test(text);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

function line(values: CellOutput[], delimiter: string): string {
  return `${values.map((value) => field(value, delimiter)).join(delimiter)}\r\n`;
}

/**
 * Export rows as RFC 4180 CSV (CRLF, quotes doubled), UTF-8 with BOM. Text starting like a formula
 * gets an apostrophe (see formula-guard.ts), which the CSV reader removes again.
 */
export function writeCsv<Cs extends readonly AnyColumn[]>(
  spec: TableSpec<Cs>,
  rows: Iterable<RowOf<Cs>> | AsyncIterable<RowOf<Cs>>,
  options: CsvWriteOptions = {},
): Readable {
  const delimiter = options.delimiter ?? ',';
  const columns: readonly AnyColumn[] = spec.columns;
  async function* generate(): AsyncGenerator<Buffer> {
    let pending =
      ((options.bom ?? true) ? '\uFEFF' : '') +
      line(
        columns.map((c) => c.header),
        delimiter,
      );
    for await (const row of rows) {
      const record = row as Record<string, unknown>;
      pending += line(
        columns.map((c) => formatCell(c, record[c.key])),
        delimiter,
      );
      if (pending.length >= FLUSH_CHARS) {
        yield Buffer.from(pending, 'utf8');
        pending = '';
      }
    }
    if (pending) yield Buffer.from(pending, 'utf8');
  }
  return Readable.from(generate(), { objectMode: false });
}
