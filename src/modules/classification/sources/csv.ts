import { openCsvText } from '../../../core/tabular/read-csv.js';
import { isBlankRow } from '../../../core/tabular/table.js';
import { CsvTokenizer } from './csv-tokenizer.js';
import { uniqueHeaders, type ReadContext, type SourceDataset, type SourceRow } from './dataset.js';
import { fileBytes } from './file-bytes.js';

/**
 * A CSV or TSV file as one dataset, streamed: the encoding and delimiter are detected by the same
 * code as spreadsheet imports (core/tabular `openCsvText`), the records are cut by `CsvTokenizer`.
 * The header is the first non-blank record; blank records are skipped; a row shorter than the
 * header leaves its last columns empty, cells beyond the header are not classified.
 */
export async function readCsvDataset(
  file: string,
  source: string,
  format: 'csv' | 'tsv',
  context: ReadContext,
): Promise<SourceDataset> {
  const { text, delimiter } = await openCsvText(
    fileBytes(file, context),
    format === 'tsv' ? { delimiter: '\t' } : {},
  );
  const tokenizer = new CsvTokenizer(delimiter);
  const chunks = text[Symbol.asyncIterator]();

  async function nextBatch(): Promise<string[][] | null> {
    for (;;) {
      const out: string[][] = [];
      const next = await chunks.next();
      if (next.done) tokenizer.end(out);
      else tokenizer.push(next.value, out);
      if (out.length > 0 || next.done) return out.length > 0 ? out : null;
    }
  }

  let header: string[] | undefined;
  let pending: string[][] = [];
  try {
    while (!header) {
      const batch = await nextBatch();
      if (!batch) break;
      const at = batch.findIndex((record) => !isBlankRow(record));
      if (at >= 0) {
        header = batch[at];
        pending = batch.slice(at + 1);
      }
    }
  } catch (error) {
    await text.return(undefined);
    throw error;
  }
  const headers = uniqueHeaders(header ?? []);

  async function* batches(): AsyncGenerator<SourceRow[]> {
    try {
      let batch: string[][] | null = pending;
      while (batch) {
        const rows = batch.filter((record) => record.length > 1 || record[0] !== '');
        if (rows.length > 0) yield rows;
        batch = await nextBatch();
      }
    } finally {
      await text.return(undefined);
    }
  }
  return { source, format, headers, batches: batches() };
}
