import type ExcelJS from 'exceljs';
import { safeSheetName } from './write-xlsx.js';

/*
 * Sheets of a report workbook (a crosswalk, an assessment): read by people, not re-imported, so they
 * carry no Instructions or drop-downs (writeXlsx does that for registers). Each has a bold header row
 * and the first column kept in view; cells wrap and align to the top.
 */

export const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

export function addReportSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  titles: readonly string[],
  widths: readonly number[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(safeSheetName(name));
  sheet.columns = widths.map((width) => ({ width }));
  const row = sheet.addRow([...titles]);
  row.font = { bold: true };
  row.alignment = WRAP;
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  return sheet;
}
