import { Readable } from 'node:stream';
import ExcelJS, { type CellValue, type Row } from 'exceljs';
import { errors } from '../errors.js';
import { collectBytes, type ByteInput } from './byte-source.js';
import { cellText } from './cell-text.js';
import { resolveLimits, type TabularLimits } from './limits.js';
import {
  cellTooLong,
  columnLetter,
  isBlankRow,
  noHeaderRow,
  readHeaderRow,
  tableProblem,
  toTabularRow,
  tooManyRows,
  type TabularRow,
  type TabularTable,
} from './table.js';
import { checkXlsxArchive } from './zip-guard.js';

export interface XlsxReadOptions {
  limits?: Partial<TabularLimits>;
  /** Sheet to read; default: the first visible sheet. */
  sheet?: string;
}

/**
 * What exceljs's streaming reader yields at run time; its published types omit the sheet name
 * and the underlying stream.
 */
export interface StreamedSheet extends AsyncIterable<Row> {
  name?: string;
  iterator?: { destroy?: () => void; on?: (event: 'error', listener: () => void) => unknown };
}
export interface StreamedWorkbook extends AsyncIterable<StreamedSheet> {
  model?: { sheets?: Array<{ name: string; state?: string }> };
}

export interface SheetRecord {
  row: number;
  values: string[];
}

/**
 * Read one sheet of an XLSX workbook with exceljs's streaming reader, so a large sheet never
 * becomes a workbook model in memory. The file is held as bytes (the ZIP directory sits at its
 * end) and checked by `checkXlsxArchive` before parsing.
 */
export async function readXlsx(input: ByteInput, options: XlsxReadOptions = {}): Promise<TabularTable> {
  const limits = resolveLimits(options.limits);
  const { workbook, sheets } = await openXlsxWorkbook(input, limits);
  const sheet = await findSheet(workbook, sheets, options.sheet);
  const sheetName = sheet.name ?? options.sheet ?? 'Sheet1';
  const records = sheetRecords(sheet, limits);

  let header: SheetRecord | undefined;
  let headers: (string | null)[];
  try {
    header = await firstNonBlank(records);
    if (!header) throw noHeaderRow();
    headers = readHeaderRow(header.values, header.row, limits.maxColumns);
  } catch (error) {
    await finish(sheets);
    throw error;
  }

  async function* dataRows(): AsyncGenerator<TabularRow> {
    let count = 0;
    try {
      for await (const record of records) {
        if (isBlankRow(record.values)) continue;
        if (++count > limits.maxRows) throw tooManyRows(limits.maxRows);
        yield toTabularRow(record.row, headers, record.values);
      }
    } finally {
      await finish(sheets);
    }
  }

  return {
    headers: headers.filter((h): h is string => h !== null),
    headerRow: header.row,
    rows: dataRows(),
    source: { format: 'xlsx', sheet: sheetName },
  };
}

/**
 * Open a workbook for streaming: the file is held as bytes (the ZIP directory sits at its end) and
 * checked by `checkXlsxArchive` (size, encryption, zip bomb) before exceljs parses anything.
 * Iterate `sheets` in order, reading each sheet's rows before asking for the next, and call
 * `finish(sheets)` at the end so exceljs removes its temporary files.
 */
export async function openXlsxWorkbook(
  input: ByteInput,
  limits: TabularLimits,
): Promise<{ workbook: StreamedWorkbook; sheets: AsyncIterator<StreamedSheet> }> {
  const zip = await collectBytes(input, limits.maxBytes);
  await checkXlsxArchive(zip, limits.maxUncompressedBytes);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([zip]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore', // keeps the display text as the cell value
    styles: 'cache', // needed to recognise date cells
    entries: 'ignore',
  }) as unknown as StreamedWorkbook;
  return { workbook, sheets: workbook[Symbol.asyncIterator]() };
}

async function firstNonBlank(records: AsyncGenerator<SheetRecord>): Promise<SheetRecord | undefined> {
  for (;;) {
    const next = await records.next();
    if (next.done) return undefined;
    if (!isBlankRow(next.value.values)) return next.value;
  }
}

async function findSheet(
  workbook: StreamedWorkbook,
  sheets: AsyncIterator<StreamedSheet>,
  wanted: string | undefined,
): Promise<StreamedSheet> {
  for (;;) {
    const next = await sheets.next();
    if (next.done) break;
    const all = workbook.model?.sheets ?? [];
    const target = wanted ?? (all.find((s) => !s.state || s.state === 'visible') ?? all[0])?.name;
    if (target === undefined || next.value.name === target) return next.value;
    abandonSheet(next.value);
  }
  const names = (workbook.model?.sheets ?? []).map((s) => `"${s.name}"`).join(', ');
  throw errors.importInvalid([
    tableProblem(
      wanted
        ? `The workbook has no sheet named "${wanted}"; its sheets are ${names}`
        : 'The workbook has no sheets',
    ),
  ]);
}

/**
 * Stop reading a sheet we skip. exceljs may have just opened it from a temporary file that it deletes
 * as soon as we ask for the next sheet; the file stream's asynchronous open then fails with ENOENT,
 * and without a listener that error would crash the process. Nothing from that stream is wanted.
 */
export function abandonSheet(sheet: StreamedSheet): void {
  const stream = sheet.iterator as
    { on?: (event: 'error', listener: () => void) => unknown; destroy?: () => void } | undefined;
  stream?.on?.('error', () => undefined);
  stream?.destroy?.();
}

/**
 * Let the reader walk past the remaining sheets so it removes the temporary files it made.
 * Cleanup only: a failure here must not hide the error that ended the read.
 */
export async function finish(sheets: AsyncIterator<StreamedSheet>): Promise<void> {
  try {
    for (;;) {
      const next = await sheets.next();
      if (next.done) return;
      abandonSheet(next.value);
    }
  } catch {
    return;
  }
}

export async function* sheetRecords(
  sheet: StreamedSheet,
  limits: TabularLimits,
): AsyncGenerator<SheetRecord> {
  for await (const row of sheet) {
    const values: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const text = cellText(cell.value as CellValue, cell.numFmt);
      if (text.length > limits.maxCellChars)
        throw cellTooLong(row.number, columnLetter(column), limits.maxCellChars);
      values[column - 1] = text;
    });
    yield { row: row.number, values: Array.from(values, (value) => value ?? '') };
  }
}
