import { errors } from '../../../core/errors.js';
import { tableProblem } from '../../../core/tabular/table.js';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { throwIfAborted, type ReadContext, type SourceDataset } from './dataset.js';
import { flattenRecord, recordDataset } from './json.js';

const BATCH_ROWS = 1000;

function unreadable(error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  return errors.importInvalid([tableProblem(`The Parquet file cannot be read (${reason})`)]);
}

/**
 * A Parquet file as one dataset with hyparquet, one row group at a time (memory is bounded by the
 * largest row group, as the writer chose it). Nested columns become field paths as in JSON.
 */
export async function readParquetDataset(
  file: string,
  source: string,
  context: ReadContext,
): Promise<SourceDataset> {
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer).catch((error: unknown) => {
    throw unreadable(error);
  });
  const total = Number(metadata.num_rows);
  async function* records() {
    let rowStart = 0;
    for (const group of metadata.row_groups) {
      throwIfAborted(context.signal);
      const rowEnd = rowStart + Number(group.num_rows);
      const rows = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd }).catch(
        (error: unknown) => {
          throw unreadable(error);
        },
      );
      for (let i = 0; i < rows.length; i += BATCH_ROWS)
        yield rows.slice(i, i + BATCH_ROWS).map((row) => flattenRecord(row));
      rowStart = rowEnd;
      context.onRead?.(rowStart, total);
    }
  }
  const iterator = records();
  return recordDataset(source, 'parquet', iterator, async () => {
    await iterator.return(undefined);
  });
}
