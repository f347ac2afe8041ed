import { errors, type FieldIssue } from '../errors.js';

/** One data row as the spreadsheet user sees it. */
export interface TabularRow {
  /** 1-based row number in the sheet (the header is usually row 1, so data starts at 2). */
  row: number;
  /** Cell text keyed by header; columns left empty in this row may be absent. */
  cells: Record<string, string>;
  /** Letters of columns (e.g. "F") that hold a value in this row but have no header. */
  unlabelled?: string[];
}

export type TabularSource =
  { format: 'csv'; encoding: string; delimiter: string } | { format: 'xlsx'; sheet: string };

/**
 * A sheet being read. `rows` streams and can be iterated once; iterate it to the end or break
 * out of the loop (validateRows does) so the input stream and any temporary files are released.
 * `source` is final after the rows have been read (a CSV's encoding may be settled late).
 */
export interface TabularTable {
  headers: string[];
  headerRow: number;
  rows: AsyncIterable<TabularRow>;
  readonly source: TabularSource;
}

/** A–Z, AA… as spreadsheets name columns (1-based). */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function tableProblem(message: string, row?: number, column?: string): FieldIssue {
  return {
    path: column ?? 'file',
    message,
    ...(row !== undefined ? { row } : {}),
    ...(column ? { column } : {}),
  };
}

export function noHeaderRow() {
  return errors.importInvalid([tableProblem('The sheet has no header row: it is empty')]);
}

/**
 * Headers from the first non-empty row: trimmed, trailing blanks dropped. Blank headers inside the
 * row stay blank (their column is reported only if it holds data); exact duplicates are refused
 * because the rows could not say which of the two a value belongs to.
 */
export function readHeaderRow(cells: readonly string[], row: number, maxColumns: number): (string | null)[] {
  const headers = cells.map((cell) => cell.trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  if (headers.length > maxColumns) {
    throw errors.payloadTooLarge(`The sheet has ${headers.length} columns; the limit is ${maxColumns}`, {
      limit_columns: maxColumns,
    });
  }
  const seen = new Map<string, number>();
  const issues: FieldIssue[] = [];
  headers.forEach((header, index) => {
    if (header === '') return;
    const first = seen.get(header);
    if (first === undefined) seen.set(header, index);
    else
      issues.push(
        tableProblem(
          `Column ${columnLetter(index + 1)} repeats the header "${header}" of column ${columnLetter(first + 1)}; keep one`,
          row,
          header,
        ),
      );
  });
  if (issues.length > 0) throw errors.importInvalid(issues);
  return headers.map((header) => (header === '' ? null : header));
}

/** Pair a row's cells with the headers; values under blank headers are reported by column letter. */
export function toTabularRow(
  row: number,
  headers: readonly (string | null)[],
  values: readonly string[],
): TabularRow {
  const cells: Record<string, string> = {};
  let unlabelled: string[] | undefined;
  values.forEach((value, index) => {
    const header = headers[index];
    if (header) {
      if (value !== '') cells[header] = value;
    } else if (value.trim() !== '') {
      (unlabelled ??= []).push(columnLetter(index + 1));
    }
  });
  return unlabelled ? { row, cells, unlabelled } : { row, cells };
}

export function isBlankRow(values: readonly string[]): boolean {
  return values.every((value) => value.trim() === '');
}

export function cellTooLong(row: number, column: string, maxChars: number) {
  return errors.payloadTooLarge(
    `Row ${row}, column ${column}: a cell holds more than ${maxChars} characters`,
    {
      row,
      column,
      limit_chars: maxChars,
    },
  );
}

export function tooManyRows(maxRows: number) {
  return errors.payloadTooLarge(`The sheet has more than ${maxRows} data rows; split it into smaller files`, {
    limit_rows: maxRows,
  });
}
