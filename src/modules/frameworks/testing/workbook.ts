import ExcelJS from 'exceljs';

/** Read an exported workbook back (exceljs's typings predate Node's generic Buffer, hence the cast). */
export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}
