import { PassThrough, type Readable } from 'node:stream';
import ExcelJS, { type DataValidation, type Worksheet } from 'exceljs';
import { formatCell, type AnyColumn, type RowOf, type TableSpec } from './columns.js';
import { writeInstructionsSheet } from './instructions-sheet.js';
import { columnLetter } from './table.js';

export interface XlsxWriteOptions {
  /** Title of the Instructions sheet; default "<name>: how to fill in this file". */
  title?: string;
}

const EXCEL_MAX_ROWS = 1_048_576;
/**
 * Drop-downs cover the rows written plus room for rows added later. Not the whole column: some
 * readers (exceljs's own in-memory loader among them) expand a validation range cell by cell.
 */
const DROP_DOWN_SPARE_ROWS = 10_000;
const DATE_FORMAT = 'yyyy-mm-dd';
const LISTS_SHEET = 'Lists';

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned || 'Data';
}

function widthOf(column: AnyColumn): number {
  if (column.width) return column.width;
  const longestChoice = Math.max(0, ...(column.choices ?? []).map((c) => c.length));
  return Math.min(60, Math.max(12, column.header.length + 4, longestChoice + 4));
}

/** exceljs writers accept range validations at run time; its published types only know cells. */
interface ValidatedSheet {
  dataValidations: { add(range: string, validation: DataValidation): void };
}

function addDropDowns(worksheet: Worksheet, columns: readonly AnyColumn[], lastRow: number): void {
  const sheet = worksheet as unknown as ValidatedSheet;
  let listIndex = 0;
  columns.forEach((column, i) => {
    if (!column.choices?.length) return;
    listIndex++;
    const listColumn = columnLetter(listIndex);
    const letter = columnLetter(i + 1);
    sheet.dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`${LISTS_SHEET}!$${listColumn}$1:$${listColumn}$${column.choices.length}`],
      // Several values ("a; b") cannot be picked from a list, so only single choices are enforced.
      showErrorMessage: !column.multiple,
      errorStyle: 'stop',
      errorTitle: column.header,
      error: `Pick a value from the list (${column.header}).`,
    });
  });
}

function writeListsSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, columns: readonly AnyColumn[]): void {
  const lists = columns.filter((c) => c.choices?.length).map((c) => c.choices ?? []);
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const height = Math.max(0, ...lists.map((list) => list.length));
  for (let r = 0; r < height; r++) sheet.addRow(lists.map((list) => list[r] ?? null)).commit();
  sheet.commit();
}

/**
 * Export rows as an XLSX workbook, streamed: the data sheet (bold frozen header, autofilter,
 * widths, drop-downs for columns with choices, dates as date cells), then an Instructions sheet
 * describing every column, then a hidden Lists sheet feeding the drop-downs. With no rows this is
 * the import template. Reading it back with readXlsx + validateRows gives the same values.
 */
export function writeXlsx<Cs extends readonly AnyColumn[]>(
  spec: TableSpec<Cs>,
  rows: Iterable<RowOf<Cs>> | AsyncIterable<RowOf<Cs>>,
  options: XlsxWriteOptions = {},
): Readable {
  const output = new PassThrough();
  const columns: readonly AnyColumn[] = spec.columns;
  const build = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(safeSheetName(spec.name), {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    });
    sheet.columns = columns.map((column) => ({ key: column.key, width: widthOf(column) }));
    sheet.autoFilter = { from: 'A1', to: `${columnLetter(columns.length)}1` };
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();

    let count = 0;
    for await (const row of rows) {
      if (++count >= EXCEL_MAX_ROWS)
        throw new Error(`An XLSX sheet holds at most ${EXCEL_MAX_ROWS - 1} rows`);
      const record = row as Record<string, unknown>;
      const added = sheet.addRow(columns.map((column) => formatCell(column, record[column.key]) ?? null));
      columns.forEach((_, i) => {
        const cell = added.getCell(i + 1);
        if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
      });
      added.commit();
    }
    addDropDowns(sheet, columns, Math.min(EXCEL_MAX_ROWS, count + 1 + DROP_DOWN_SPARE_ROWS));
    sheet.commit();

    writeInstructionsSheet(workbook, spec, options.title);
    writeListsSheet(workbook, columns);
    await workbook.commit();
  };
  build().catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return output;
}
