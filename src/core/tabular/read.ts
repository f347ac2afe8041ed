import { peekBytes, type ByteInput } from './byte-source.js';
import { readCsv, type CsvReadOptions } from './read-csv.js';
import { readXlsx, type XlsxReadOptions } from './read-xlsx.js';
import { SNIFF_BYTES, sniffSpreadsheet, type SpreadsheetFormat } from './sniff.js';
import type { TabularTable } from './table.js';

export type SpreadsheetReadOptions = CsvReadOptions & XlsxReadOptions;

/**
 * The entry point for imports: decide the format from the bytes (not the file name), then read
 * with the matching reader. Non-spreadsheets are refused with 415 before any parsing.
 */
export async function readSpreadsheet(
  input: ByteInput,
  options: SpreadsheetReadOptions = {},
): Promise<TabularTable> {
  const { head, all, close } = await peekBytes(input, SNIFF_BYTES);
  let format: SpreadsheetFormat;
  try {
    format = sniffSpreadsheet(head);
  } catch (error) {
    await close();
    throw error;
  }
  return format === 'xlsx' ? readXlsx(all, options) : readCsv(all, options);
}
