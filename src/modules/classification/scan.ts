import os from 'node:os';
import v8 from 'node:v8';
import { isoDate, systemClock, type Clock } from '../../core/clock.js';
import { isAppError } from '../../core/errors.js';
import { DEFAULT_SAMPLE_SIZE, type SamplingMode } from './column-classifier.js';
import { columnDetections, DatasetClassifier, type DatasetClassification } from './dataset-classifier.js';
import type { MatchContext } from './detectors/detector.js';
import { proposeLabel } from './label-proposal.js';
import { ParallelDatasetClassifier, type ParallelOptions } from './parallel-classifier.js';
import type {
  ScanDataset,
  ScanHooks,
  ScanOptions,
  ScanReport,
  ScanRunner,
  ScanSource,
} from './scan-report.js';
import { isDatabaseUrl, parseDatabaseUrl, redactUrl } from './sources/database.js';
import { ScanAborted, throwIfAborted, type ReadContext, type SourceDataset } from './sources/dataset.js';
import { filesOf, readFileDatasets } from './sources/files.js';
import { readMysqlDatasets } from './sources/mysql.js';
import { readPostgresDatasets } from './sources/postgres.js';

/*
 * V8 "pretenures" objects from allocation sites whose objects often survive a young-generation
 * collection: it allocates them directly in the old generation. A scan's rows survive one
 * collection now and then (a batch is being classified when it runs), V8 then pretenures the
 * tokenizer's strings and arrays, and every row becomes old-generation garbage freed only by full
 * collections: measured on a 500 MB CSV, 25 full collections instead of 3, 2.3× the CPU time and
 * 100 MB more RSS. Turning the heuristic off keeps rows in the young generation where they die.
 * The flag is read at each collection, so setting it at run time (on the first scan) takes effect.
 */
let pretenuringOff = false;
function keepRowsYoung(): void {
  if (pretenuringOff) return;
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
  pretenuringOff = true;
}

/**
 * Values one dataset may keep in its samples, all columns together: a table of 10,000 columns
 * samples 20 values per column instead of 1,000, so its memory stays that of a narrow table.
 */
export const SAMPLE_BUDGET = 200_000;
const MIN_COLUMN_SAMPLE = 20;

/** Per-column sampling of a dataset with `columns` columns. */
export function samplingFor(options: ScanOptions, columns: number): SamplingMode {
  if (options.sampling.kind === 'full') return { kind: 'full' };
  const budget = Math.max(MIN_COLUMN_SAMPLE, Math.floor(SAMPLE_BUDGET / Math.max(1, columns)));
  return { kind: 'sample', size: Math.max(1, Math.min(options.sampling.size, budget)), seed: 1 };
}

/** What a failure says in a report: the problem itself, not the generic wording of imports. */
export function failureMessage(error: unknown): string {
  if (isAppError(error)) {
    const issues = (error.details as { issues?: { message: string }[] } | undefined)?.issues;
    if (error.code === 'import_invalid' && issues?.length) return issues.map((i) => i.message).join('; ');
    return error.message;
  }
  if (error instanceof ScanAborted) return error.message;
  const reason = error instanceof Error ? error.message : String(error);
  return `The source cannot be read: ${reason}`;
}

/** The name a source has in the report before any of its datasets is read. */
export function sourceLabel(source: ScanSource): string {
  return source.kind === 'database' ? redactUrl(source.url) : (source.name ?? source.path);
}

/**
 * `--full` spreads the columns of a dataset over one thread per core (the scanner's and worker
 * threads) once it has more rows than `minRows` (see parallel-classifier.ts); smaller datasets and
 * sample mode stay in the scanner's thread. Only from the compiled build: run from the TypeScript
 * sources (a checkout without a build), each worker would also load tsx and its loader thread (about
 * 1 s of CPU and 90 MB more, which took the command past 300 MB), for no gain measured.
 */
export const DEFAULT_PARALLEL: ParallelOptions = {
  threads: import.meta.url.endsWith('.ts') ? 1 : Math.max(1, os.availableParallelism()),
  minRows: 20_000,
};

async function classify(
  dataset: SourceDataset,
  options: ScanOptions,
  match: MatchContext,
  signal: AbortSignal | undefined,
  parallel: ParallelOptions | null,
): Promise<ScanDataset> {
  const classifierOptions = {
    source: dataset.source,
    mode: samplingFor(options, dataset.headers.length),
    match,
    ...(dataset.descriptions ? { descriptions: dataset.descriptions } : {}),
  };
  let result: DatasetClassification;
  if (options.sampling.kind === 'full' && parallel && parallel.threads > 1 && dataset.headers.length > 1) {
    const classifier = new ParallelDatasetClassifier(dataset.headers, classifierOptions, parallel);
    try {
      for await (const batch of dataset.batches) {
        throwIfAborted(signal);
        await classifier.feedBatch(batch);
      }
      result = await classifier.finish();
    } finally {
      await classifier.close();
    }
  } else {
    const classifier = new DatasetClassifier(dataset.headers, classifierOptions);
    for await (const batch of dataset.batches) {
      throwIfAborted(signal);
      for (const row of batch) classifier.feedValues(row);
    }
    result = classifier.finish();
  }
  const columns = columnDetections(result);
  const label = proposeLabel(columns, options.policy);
  return { source: dataset.source, format: dataset.format, rows_scanned: result.rows, label, columns };
}

function databaseDatasets(url: string, context: ReadContext): AsyncGenerator<SourceDataset> {
  const target = parseDatabaseUrl(url);
  return target.kind === 'postgres'
    ? readPostgresDatasets(target, context)
    : readMysqlDatasets(target, context);
}

/**
 * A scanner with its clock (dates of birth after today are implausible). Each source is read as a
 * stream and classified dataset by dataset; a source that fails becomes an entry of `errors` and
 * the others go on. A folder's files and a database's tables fail one by one. Aborting stops at the
 * next batch of rows: finished datasets stay in the report, every unfinished source is an error.
 * `parallel` (default DEFAULT_PARALLEL; null for none) is how `--full` uses worker threads.
 */
export function createScanRunner(
  deps: { clock: Clock; parallel?: ParallelOptions | null } = { clock: systemClock },
): ScanRunner {
  const parallel = deps.parallel === undefined ? DEFAULT_PARALLEL : deps.parallel;
  return async (sources, options, hooks: ScanHooks = {}) => {
    keepRowsYoung();
    const report: ScanReport = { datasets: [], errors: [] };
    const match: MatchContext = { today: isoDate(deps.clock.now()), countries: [] };
    const { signal } = hooks;
    const fail = (source: string, error: unknown) =>
      report.errors.push({ source, message: failureMessage(error) });

    for (let index = 0; index < sources.length; index++) {
      const source = sources[index]!;
      let current = sourceLabel(source);
      const progress = (done?: number, total?: number) =>
        hooks.onProgress?.({
          source: current,
          sources_done: index,
          sources_total: sources.length,
          ...(done !== undefined ? { done } : {}),
          ...(total !== undefined ? { total } : {}),
        });
      const context: ReadContext = {
        sampleRows: options.sampling.kind === 'full' ? null : options.sampling.size,
        ...(signal ? { signal } : {}),
        onRead: progress,
      };
      if (signal?.aborted) {
        fail(current, new ScanAborted());
        continue;
      }
      progress();
      const readAll = async (datasets: AsyncGenerator<SourceDataset>) => {
        for await (const dataset of datasets) {
          current = dataset.source;
          try {
            report.datasets.push(await classify(dataset, options, match, signal, parallel));
          } catch (error) {
            fail(dataset.source, error);
            if (error instanceof ScanAborted) throw error;
          }
        }
      };
      try {
        if (source.kind === 'database' || isDatabaseUrl(source.path)) {
          await readAll(databaseDatasets(source.kind === 'database' ? source.url : source.path, context));
        } else {
          for await (const found of filesOf(source.path, source.name)) {
            current = found.source;
            progress();
            try {
              await readAll(readFileDatasets(found.file, found.source, context));
            } catch (error) {
              if (error instanceof ScanAborted) throw error;
              fail(found.source, error);
            }
          }
        }
      } catch (error) {
        if (!(error instanceof ScanAborted) || !report.errors.some((e) => e.source === current))
          fail(current, error);
      }
    }
    hooks.onProgress?.({ source: '', sources_done: sources.length, sources_total: sources.length });
    return report;
  };
}

export const runScan: ScanRunner = createScanRunner();

export { DEFAULT_SAMPLE_SIZE };
