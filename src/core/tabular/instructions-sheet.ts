import type ExcelJS from 'exceljs';
import type { AnyColumn, TableSpec } from './columns.js';

const GENERAL_LINES = (sheet: string) => [
  `Fill in one row per record on the "${sheet}" sheet, starting at row 2.`,
  'Keep the headers of row 1 as they are; columns may be in any order and unknown columns are reported.',
  'Required columns need a value in every row; leave other cells empty when unknown.',
  'Dates are written YYYY-MM-DD (for example 2025-03-31). Several values in one cell are separated by a semicolon (;).',
  'Columns with a drop-down list only accept the listed values.',
  'On import every row is checked and each problem is reported with its row and column.',
];

function formatText(column: AnyColumn): string {
  if (column.choices?.length) {
    return column.multiple
      ? `One or more of: ${column.choices.join(', ')} (separated by ;)`
      : `One of: ${column.choices.join(', ')}`;
  }
  return column.hint ?? 'Text';
}

/** The second sheet of every export: what each column means and accepts. */
export function writeInstructionsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: TableSpec,
  title?: string,
): void {
  const sheet = workbook.addWorksheet('Instructions');
  sheet.columns = [{ width: 28 }, { width: 10 }, { width: 48 }, { width: 60 }, { width: 28 }, { width: 36 }];
  const titleRow = sheet.addRow([title ?? `${spec.name}: how to fill in this file`]);
  titleRow.font = { bold: true, size: 14 };
  titleRow.commit();
  sheet.addRow([]).commit();
  for (const text of [...GENERAL_LINES(spec.name), ...(spec.instructions ?? [])]) {
    sheet.addRow([text]).commit();
  }
  sheet.addRow([]).commit();
  const header = sheet.addRow([
    'Column',
    'Required',
    'Format or allowed values',
    'Description',
    'Example',
    'Also accepted as header',
  ]);
  header.font = { bold: true };
  header.commit();
  for (const column of spec.columns) {
    const row = sheet.addRow([
      column.header,
      column.required ? 'yes' : 'no',
      formatText(column),
      column.description ?? '',
      column.example ?? '',
      column.aliases.join(', '),
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  sheet.commit();
}
