import ExcelJS from 'exceljs';
import { AppError } from '../../errors.js';
import type { TabularRow, TabularTable } from '../table.js';

/** Test helpers: files are generated in the tests, never committed as binary fixtures. */

export async function collect(stream: AsyncIterable<Uint8Array | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream)
    parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** The same bytes as a stream of small chunks, to exercise chunk boundaries. */
export async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function readAll(table: TabularTable): Promise<TabularRow[]> {
  const rows: TabularRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return rows;
}

/** An XLSX built in memory with exceljs's regular (non-streaming) API. */
export async function xlsxBuffer(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function simpleXlsx(rows: unknown[][], sheetName = 'Sheet1'): Promise<Buffer> {
  return xlsxBuffer((workbook) => {
    const sheet = workbook.addWorksheet(sheetName);
    for (const row of rows) sheet.addRow(row);
  });
}

/** The error a call throws; fails the test when it does not throw. */
export function thrown(call: () => unknown): AppError {
  try {
    call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

/** The AppError a promise rejects with; fails the test when it resolves. */
export async function rejected(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but the promise resolved');
}

/** Issue messages of an import_invalid error, for readable assertions. */
export function issueMessages(error: AppError): string[] {
  const details = error.details as { issues?: Array<{ message: string }> } | undefined;
  return (details?.issues ?? []).map((issue) => issue.message);
}
