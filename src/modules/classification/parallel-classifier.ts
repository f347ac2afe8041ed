import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  ColumnClassifier,
  type ColumnClassification,
  type ColumnClassifierOptions,
} from './column-classifier.js';
import type { ToWorker } from './column-worker.js';
import {
  DatasetClassifier,
  columnOptionsOf,
  feedCell,
  hashtagRow,
  headerHashtags,
  type CellValues,
  type DatasetClassification,
  type DatasetClassifierOptions,
} from './dataset-classifier.js';
import type { HxlTag } from './hxl.js';

/*
 * `--full` checks every value with every detector: the scan's cost is the detectors, not reading.
 * This classifier spreads the columns of one dataset over worker threads: the scanner's thread reads
 * and tokenizes, each worker owns some columns and sees every value of them in row order — the very
 * sequence a single thread would feed them — so the result is the same (matchers that learn from
 * earlier values, the examples kept, the row-number check all see the same values in the same order).
 *
 * Small datasets never pay for threads: rows are held until `minRows` have been read, and a
 * dataset that ends sooner is classified in this thread. When they start, the held rows also tell
 * how costly each column is (each is classified once, thrown away, and timed), so the columns can be
 * shared so that workers have about the same work. Batches in flight are bounded: reading waits
 * for a worker that is `MAX_IN_FLIGHT` batches behind.
 */

export interface ParallelOptions {
  /** Worker threads (at most one per column). */
  workers: number;
  /** Rows read before threads start; a dataset with fewer is classified in the caller's thread. */
  minRows: number;
}

const MAX_IN_FLIGHT = 4;
/** Rows of the held ones used to time each column. */
const CALIBRATION_ROWS = 2000;

/** A worker that runs the TypeScript sources through tsx (tests, bench, dev) or the compiled build. */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./column-worker.js', here));
  const require = createRequire(here);
  const manifest = require('tsx/package.json') as {
    exports: Record<string, { import: { default: string } }>;
  };
  const api = manifest.exports['./esm/api']!.import.default;
  const tsx = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), api)).href;
  const entry = new URL('./column-worker.ts', here).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
}

class ColumnWorker {
  private readonly worker = startWorker();
  private inFlight = 0;
  private failure: Error | null = null;
  private waiting: { resolve: () => void; reject: (error: Error) => void } | null = null;
  private result: ((columns: ColumnClassification[]) => void) | null = null;

  constructor(readonly columns: readonly number[]) {
    this.worker.on(
      'message',
      (message: { kind: 'done' } | { kind: 'result'; columns: ColumnClassification[] }) => {
        if (message.kind === 'done') {
          this.inFlight--;
          this.wake();
        } else this.result?.(message.columns);
      },
    );
    const fail = (error: Error) => {
      this.failure ??= error;
      this.wake();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`A classification worker stopped (exit code ${code})`)));
  }

  send(message: ToWorker): void {
    if (this.failure) throw this.failure;
    if (message.kind === 'values') this.inFlight++;
    this.worker.postMessage(message);
  }

  /** Resolves when at most `limit` batches are waiting in this worker. */
  async drain(limit: number): Promise<void> {
    while (this.inFlight > limit) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve, reject) => (this.waiting = { resolve, reject }));
    }
    if (this.failure) throw this.failure;
  }

  async finish(): Promise<ColumnClassification[]> {
    const columns = new Promise<ColumnClassification[]>((resolve, reject) => {
      this.result = resolve;
      this.waiting = { resolve: () => undefined, reject };
      if (this.failure) reject(this.failure);
    });
    this.send({ kind: 'finish' });
    return columns;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (!waiting) return;
    if (this.failure) waiting.reject(this.failure);
    else waiting.resolve();
  }
}

/** Columns to workers, costliest first to the least loaded worker. */
export function shareColumns(costs: readonly number[], workers: number): number[][] {
  const groups = Array.from({ length: Math.max(1, Math.min(workers, costs.length)) }, () => ({
    columns: [] as number[],
    load: 0,
  }));
  const order = costs.map((cost, column) => ({ cost, column })).sort((a, b) => b.cost - a.cost);
  for (const { cost, column } of order) {
    const lightest = groups.reduce((a, b) => (b.load < a.load ? b : a));
    lightest.columns.push(column);
    lightest.load += cost;
  }
  return groups.map((g) => g.columns.sort((a, b) => a - b)).filter((g) => g.length > 0);
}

/** Nanoseconds each column takes to classify `rows` (classifiers thrown away afterwards). */
function columnCosts(
  options: readonly ColumnClassifierOptions[],
  rows: readonly (readonly CellValues[])[],
): number[] {
  return options.map((column, i) => {
    const classifier = new ColumnClassifier(column);
    const started = process.hrtime.bigint();
    for (const row of rows) feedCell(classifier, row[i]);
    classifier.finish();
    return Number(process.hrtime.bigint() - started);
  });
}

/**
 * The same classification as `DatasetClassifier`, with the columns spread over worker threads once
 * the dataset proves large. Call `close` in any case (it stops the threads); `finish` once.
 */
export class ParallelDatasetClassifier {
  private held: (readonly CellValues[])[] = [];
  private workers: ColumnWorker[] | null = null;
  private tags: (HxlTag | null)[];
  private rows = 0;

  constructor(
    private readonly headers: readonly string[],
    private readonly options: DatasetClassifierOptions,
    private readonly parallel: ParallelOptions,
  ) {
    if (options.detectors) throw new Error('Custom detectors cannot be sent to worker threads');
    this.tags = headerHashtags(headers);
  }

  async feedBatch(batch: readonly (readonly CellValues[])[]): Promise<void> {
    if (!this.workers) {
      for (const row of batch) this.held.push(row);
      if (this.held.length < this.parallel.minRows) return;
      await this.start();
      return;
    }
    this.rows += batch.length;
    await this.send(batch);
  }

  async finish(): Promise<DatasetClassification> {
    if (!this.workers) {
      const classifier = new DatasetClassifier(this.headers, this.options);
      for (const row of this.held) classifier.feedValues(row);
      this.held = [];
      return classifier.finish();
    }
    const results = await Promise.all(this.workers.map((w) => w.finish()));
    const columns: ColumnClassification[] = new Array<ColumnClassification>(this.headers.length);
    this.workers.forEach((worker, w) =>
      worker.columns.forEach((column, k) => (columns[column] = results[w]![k]!)),
    );
    return { rows: this.rows, hxl: this.tags.some((t) => t !== null), columns };
  }

  async close(): Promise<void> {
    await Promise.all((this.workers ?? []).map((w) => w.close()));
  }

  private async start(): Promise<void> {
    let held = this.held;
    this.held = [];
    const tags = hashtagRow(this.headers, this.tags, held[0] ?? []);
    if (tags) {
      this.tags = tags;
      held = held.slice(1);
    }
    const options = columnOptionsOf(this.headers, this.tags, this.options);
    const groups = shareColumns(columnCosts(options, held.slice(0, CALIBRATION_ROWS)), this.parallel.workers);
    this.workers = groups.map((columns) => new ColumnWorker(columns));
    for (const worker of this.workers)
      worker.send({ kind: 'start', columns: worker.columns.map((c) => options[c]!) });
    this.rows = held.length;
    for (let i = 0; i < held.length; i += 1000) await this.send(held.slice(i, i + 1000));
  }

  private async send(batch: readonly (readonly CellValues[])[]): Promise<void> {
    for (const worker of this.workers!) {
      await worker.drain(MAX_IN_FLIGHT - 1);
      worker.send({
        kind: 'values',
        columns: worker.columns.map((column) => batch.map((row) => row[column])),
      });
    }
  }
}
