import {
  abandonSheet,
  finish,
  openXlsxWorkbook,
  sheetRecords,
  type SheetRecord,
} from '../../../core/tabular/read-xlsx.js';
import { resolveLimits, type TabularLimits } from '../../../core/tabular/limits.js';
import { isBlankRow } from '../../../core/tabular/table.js';
import {
  MAX_SCAN_COLUMNS,
  uniqueHeaders,
  type ReadContext,
  type SourceDataset,
  type SourceRow,
} from './dataset.js';
import { fileBytes } from './file-bytes.js';

/**
 * What a scanned workbook may cost: the file is held in memory while exceljs streams it (the ZIP
 * directory sits at its end), and its parts may not expand beyond 1 GiB (the zip-bomb guard).
 */
export const XLSX_SCAN_LIMITS: TabularLimits = resolveLimits({
  maxBytes: 100 * 1024 * 1024,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxRows: Number.MAX_SAFE_INTEGER,
  maxColumns: MAX_SCAN_COLUMNS,
  maxCellChars: 32_767,
});

const BATCH_ROWS = 1000;

/**
 * Every sheet of a workbook, hidden ones included, one dataset each ("file.xlsx#Sheet1"), read with
 * the streaming reader of imports after its archive checks (size, encryption, zip bomb). A sheet's
 * rows must be read before the next sheet is asked for.
 */
export async function* readXlsxDatasets(
  file: string,
  source: string,
  context: ReadContext,
): AsyncGenerator<SourceDataset> {
  const { sheets } = await openXlsxWorkbook(fileBytes(file, context), XLSX_SCAN_LIMITS);
  try {
    for (let index = 1; ; index++) {
      const next = await sheets.next();
      if (next.done) return;
      const sheet = next.value;
      const records = sheetRecords(sheet, XLSX_SCAN_LIMITS)[Symbol.asyncIterator]();
      let header: SheetRecord | undefined;
      for (;;) {
        const record = await records.next();
        if (record.done) break;
        if (!isBlankRow(record.value.values)) {
          header = record.value;
          break;
        }
      }
      const width = header?.values.length ?? 0;
      async function* batches(): AsyncGenerator<SourceRow[]> {
        let batch: SourceRow[] = [];
        for (;;) {
          const record = await records.next();
          if (record.done) break;
          if (isBlankRow(record.value.values)) continue;
          batch.push(record.value.values.slice(0, width));
          if (batch.length >= BATCH_ROWS) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      }
      const dataset: SourceDataset = {
        source: `${source}#${sheet.name ?? `Sheet${index}`}`,
        format: 'xlsx',
        headers: uniqueHeaders(header?.values ?? []),
        batches: batches(),
      };
      yield dataset;
      // The consumer may have stopped early: leave the sheet so the reader can go on.
      abandonSheet(sheet);
    }
  } finally {
    await finish(sheets);
  }
}
