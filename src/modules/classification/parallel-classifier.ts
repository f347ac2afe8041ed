import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  ColumnClassifier,
  type ColumnClassification,
  type ColumnClassifierOptions,
} from './column-classifier.js';
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
 * This classifier spreads the columns of one dataset over threads: the scanner's thread reads and
 * tokenizes and classifies some columns itself; each worker thread owns other columns and sees every
 * value of them in row order — the very sequence a single thread would feed them — so the result is
 * the same (matchers that learn from earlier values, the examples kept, the row-number check all see
 * the same values in the same order).
 *
 * Small datasets never pay for threads: rows are held until `minRows` have been read, and a dataset
 * that ends sooner is classified in this thread. When threads start, the held rows tell what each
 * column costs (each is classified once, thrown away, and timed) and what reading cost, so the work
 * is shared evenly, reading counted as the scanner thread's. Batches in flight are bounded: reading
 * waits for a worker that is `MAX_IN_FLIGHT` batches behind.
 */

export interface ParallelOptions {
  /** Threads that classify, the scanner's own included (so 1 means none started). */
  threads: number;
  /** Rows read before threads start; a dataset with fewer is classified in the caller's thread. */
  minRows: number;
}

/**
 * The values one column is fed for a batch of rows, in order (each value of a multi-valued cell,
 * nothing for a missing one), as one string and where each value ends in it: a worker receives two
 * objects instead of thousands of strings, which costs both threads far less to copy.
 */
export interface PackedValues {
  text: string;
  ends: Uint32Array;
}

export function packColumn(rows: readonly (readonly CellValues[])[], column: number): PackedValues {
  const parts: string[] = [];
  for (const row of rows) {
    const value = row[column];
    if (typeof value === 'string') parts.push(value);
    else if (value) for (const item of value) parts.push(item);
  }
  const ends = new Uint32Array(parts.length);
  let end = 0;
  for (let i = 0; i < parts.length; i++) ends[i] = end += parts[i]!.length;
  return { text: parts.join(''), ends };
}

export type ToWorker =
  | { kind: 'start'; columns: ColumnClassifierOptions[] }
  | { kind: 'values'; columns: PackedValues[] }
  | { kind: 'finish' };

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
  private result: {
    resolve: (columns: ColumnClassification[]) => void;
    reject: (error: Error) => void;
  } | null = null;

  constructor(readonly columns: readonly number[]) {
    this.worker.on(
      'message',
      (message: { kind: 'done' } | { kind: 'result'; columns: ColumnClassification[] }) => {
        if (message.kind === 'done') {
          this.inFlight--;
          this.wake();
        } else this.result?.resolve(message.columns);
      },
    );
    const fail = (error: Error) => {
      this.failure ??= error;
      this.wake();
      this.result?.reject(this.failure);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`A classification worker stopped (exit code ${code})`)));
  }

  send(message: ToWorker): void {
    if (this.failure) throw this.failure;
    if (message.kind === 'values') {
      this.inFlight++;
      this.worker.postMessage(
        message,
        message.columns.map((c) => c.ends.buffer as ArrayBuffer),
      );
    } else this.worker.postMessage(message);
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
    if (this.failure) throw this.failure;
    const columns = new Promise<ColumnClassification[]>((resolve, reject) => {
      this.result = { resolve, reject };
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

/**
 * Columns to threads, costliest first to the least loaded one; `initial` is work a thread already
 * has (reading, for the scanner's). Every thread gets a list, possibly empty.
 */
export function shareColumns(
  costs: readonly number[],
  threads: number,
  initial: readonly number[] = [],
): number[][] {
  const groups = Array.from({ length: Math.max(1, threads) }, (_, i) => ({
    columns: [] as number[],
    load: initial[i] ?? 0,
  }));
  const order = costs.map((cost, column) => ({ cost, column })).sort((a, b) => b.cost - a.cost);
  for (const { cost, column } of order) {
    const lightest = groups.reduce((a, b) => (b.load < a.load ? b : a));
    lightest.columns.push(column);
    lightest.load += cost;
  }
  return groups.map((g) => g.columns.sort((a, b) => a - b));
}

/** CPU microseconds of this process so far (only the scanner's thread works while rows are held). */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * Microseconds each column takes to classify `rows` (classifiers thrown away afterwards): the least
 * of three passes, so that neither compiling the shared code (which the first columns of the first
 * pass pay for) nor a collection or another process taking the core lands on one column.
 */
function columnCosts(
  options: readonly ColumnClassifierOptions[],
  rows: readonly (readonly CellValues[])[],
): number[] {
  const passes = [timeColumns(options, rows), timeColumns(options, rows), timeColumns(options, rows)];
  return options.map((_, i) => Math.min(...passes.map((pass) => pass[i]!)));
}

function timeColumns(
  options: readonly ColumnClassifierOptions[],
  rows: readonly (readonly CellValues[])[],
): number[] {
  return options.map((column, i) => {
    const classifier = new ColumnClassifier(column);
    const started = process.hrtime.bigint();
    for (const row of rows) feedCell(classifier, row[i]);
    classifier.finish();
    return Number(process.hrtime.bigint() - started) / 1000;
  });
}

/**
 * The same classification as `DatasetClassifier`, with the columns spread over threads once the
 * dataset proves large. Call `close` in any case (it stops the threads); `finish` once.
 */
export class ParallelDatasetClassifier {
  private held: (readonly CellValues[])[] = [];
  /** CPU time when the first rows arrived: reading until `minRows` is what reading costs. */
  private readStarted: number | null = null;
  private workers: ColumnWorker[] | null = null;
  /** The columns this thread classifies itself, once threads have started. */
  private own: { columns: number[]; classifiers: ColumnClassifier[] } = { columns: [], classifiers: [] };
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
      this.readStarted ??= cpuNow();
      for (const row of batch) this.held.push(row);
      if (this.held.length >= this.parallel.minRows) await this.start();
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
    this.own.columns.forEach((column, k) => (columns[column] = this.own.classifiers[k]!.finish()));
    this.workers.forEach((worker, w) =>
      worker.columns.forEach((column, k) => (columns[column] = results[w]![k]!)),
    );
    return { rows: this.rows, hxl: this.tags.some((t) => t !== null), columns };
  }

  async close(): Promise<void> {
    await Promise.all((this.workers ?? []).map((w) => w.close()));
  }

  private async start(): Promise<void> {
    const reading = cpuNow() - this.readStarted!;
    let held = this.held;
    this.held = [];
    const tags = hashtagRow(this.headers, this.tags, held[0] ?? []);
    if (tags) {
      this.tags = tags;
      held = held.slice(1);
    }
    const options = columnOptionsOf(this.headers, this.tags, this.options);
    const sample = held.slice(0, CALIBRATION_ROWS);
    const costs = columnCosts(options, sample);
    // The scanner's thread reads, and also packs and posts the other threads' values: about as much again.
    const [own, ...others] = shareColumns(costs, this.parallel.threads, [
      (2 * reading * sample.length) / Math.max(1, held.length),
    ]);
    this.own = { columns: own!, classifiers: own!.map((c) => new ColumnClassifier(options[c]!)) };
    this.workers = others.filter((columns) => columns.length > 0).map((columns) => new ColumnWorker(columns));
    for (const worker of this.workers)
      worker.send({ kind: 'start', columns: worker.columns.map((c) => options[c]!) });
    this.rows = held.length;
    for (let i = 0; i < held.length; i += 1000) await this.send(held.slice(i, i + 1000));
  }

  private async send(batch: readonly (readonly CellValues[])[]): Promise<void> {
    for (const worker of this.workers!) {
      await worker.drain(MAX_IN_FLIGHT - 1);
      worker.send({ kind: 'values', columns: worker.columns.map((column) => packColumn(batch, column)) });
    }
    const { columns, classifiers } = this.own;
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k]!;
      const classifier = classifiers[k]!;
      for (const row of batch) feedCell(classifier, row[column]);
    }
  }
}
