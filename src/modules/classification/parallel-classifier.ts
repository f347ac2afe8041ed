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
 * Small datasets never pay for threads: until `minRows` rows have been read, the scanner's thread
 * classifies every column itself, a slice of rows at a time, and keeps each column's values packed;
 * a dataset that ends sooner is finished there. Then the second half of those rows tells what each
 * column costs and what reading costs, and the work is shared evenly, reading counted as the scanner
 * thread's. Only the second half is timed: a column's first values cost many times more than the
 * rest (the detectors' code is compiled, the verdict cache fills up, and for columns whose values
 * rarely repeat it is switched off only after 10,000 lookups), so costs measured on the first rows
 * gave the costliest column a share several times too small or too large. The scanner thread goes
 * on with the classifiers of the columns it keeps; a worker's columns start again from the first
 * row, from the packed values. Batches in flight are bounded: reading waits for a worker that is
 * `MAX_IN_FLIGHT` batches behind.
 */

export interface ParallelOptions {
  /** Threads that classify, the scanner's own included (so 1 means none started). */
  threads: number;
  /** Rows read before threads start; a dataset with fewer is classified in the caller's thread. */
  minRows: number;
  /** How columns are shared between the threads (`shareColumns`; tests fix the sharing). */
  share?: typeof shareColumns;
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
/** The timed held rows are timed in this many slices; a column's cost is the median slice's. */
const CALIBRATION_SLICES = 10;
/**
 * Packing a column's values is timed; posting them and, in the worker, receiving and cutting them
 * cost about half as much again on each side (measured on the benchmark's CSV: packing two columns
 * 120 ms, posting 37 ms, receiving 171 ms).
 */
const SEND_PER_PACKING = 1.5;

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

/** What a column costs its thread: classifying it, and, when a worker has it, sending it there. */
export interface ColumnCost {
  classify: number;
  /** Paid twice when a worker classifies the column: by the scanner's thread and by the worker. */
  send: number;
}

/**
 * Columns to threads (the first is the scanner's, which starts with `reading`), costliest first,
 * each where the threads it loads end least loaded. Every thread gets a list, possibly empty.
 */
export function shareColumns(costs: readonly ColumnCost[], threads: number, reading = 0): number[][] {
  const groups = Array.from({ length: Math.max(1, threads) }, (_, i) => ({
    columns: [] as number[],
    load: i === 0 ? reading : 0,
  }));
  const scanner = groups[0]!;
  const order = costs.map((cost, column) => ({ ...cost, column })).sort((a, b) => b.classify - a.classify);
  for (const { classify, send, column } of order) {
    const after = (g: number) =>
      g === 0 ? scanner.load + classify : Math.max(groups[g]!.load + classify + send, scanner.load + send);
    let best = 0;
    for (let g = 1; g < groups.length; g++) if (after(g) < after(best)) best = g;
    const group = groups[best]!;
    group.columns.push(column);
    group.load += classify;
    if (best !== 0) {
      group.load += send;
      scanner.load += send;
    }
  }
  return groups.map((g) => g.columns.sort((a, b) => a - b));
}

/** CPU microseconds of this process so far (only the scanner's thread works while rows are held). */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The first `minRows` rows, classified in the scanner's thread a slice at a time, every column, and
 * packed for a worker; the slices of the second half timed, per column and row.
 */
class HeldRows {
  readonly classifiers: ColumnClassifier[];
  /** Per column, its values of each slice, packed: what a worker taking the column is sent first. */
  readonly packed: PackedValues[][];
  private readonly classifyCost: number[][];
  private readonly packCost: number[][];
  /** Per batch read in the timed half, CPU microseconds per row of reading it. */
  private readonly readCost: number[] = [];
  private timed = false;
  rows = 0;

  constructor(
    options: readonly ColumnClassifierOptions[],
    private readonly minRows: number,
  ) {
    this.classifiers = options.map((column) => new ColumnClassifier(column));
    this.packed = options.map(() => []);
    this.classifyCost = options.map(() => []);
    this.packCost = options.map(() => []);
  }

  /** Classifies and packs a slice of rows; timed (each column in turn first) in the second half. */
  add(slice: readonly (readonly CellValues[])[]): void {
    const n = this.classifiers.length;
    const turn = this.packed[0]?.length ?? 0;
    for (let k = 0; k < n; k++) {
      const c = (k + turn) % n;
      const started = this.timed ? cpuNow() : 0;
      const classifier = this.classifiers[c]!;
      for (const row of slice) feedCell(classifier, row[c]);
      const classified = this.timed ? cpuNow() : 0;
      this.packed[c]!.push(packColumn(slice, c));
      if (this.timed && slice.length > 0) {
        this.classifyCost[c]!.push((classified - started) / slice.length);
        this.packCost[c]!.push((cpuNow() - classified) / slice.length);
      }
    }
    this.rows += slice.length;
    this.timed ||= this.rows >= this.minRows / 2;
  }

  /** A batch of `rows` rows took `cpu` microseconds to read. */
  read(rows: number, cpu: number): void {
    if (this.timed && rows > 0) this.readCost.push(cpu / rows);
  }

  /**
   * CPU microseconds per row in the timed half, the median batch's or slice's (so that neither a
   * collection nor the compiler's threads, which count in the process's CPU time, land on one
   * column): reading (0 when no batch was read then) and, per column, classifying and sending.
   */
  costs(): { reading: number; columns: ColumnCost[] } {
    return {
      reading: median(this.readCost),
      columns: this.classifiers.map((_, c) => ({
        classify: median(this.classifyCost[c]!),
        send: median(this.packCost[c]!) * SEND_PER_PACKING,
      })),
    };
  }
}

/**
 * The same classification as `DatasetClassifier`, with the columns spread over threads once the
 * dataset proves large. Call `close` in any case (it stops the threads); `finish` once.
 */
export class ParallelDatasetClassifier {
  /** Rows read but not yet classified while rows are held: at most a slice. */
  private pending: (readonly CellValues[])[] = [];
  private held: HeldRows | null = null;
  private readonly sliceRows: number;
  /** CPU time when the last batch held was done with: reading the next one took until it came. */
  private lastBatch: number | null = null;
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
    this.sliceRows = Math.max(1, Math.ceil(parallel.minRows / (2 * CALIBRATION_SLICES)));
  }

  async feedBatch(batch: readonly (readonly CellValues[])[]): Promise<void> {
    if (!this.workers) {
      const now = cpuNow();
      if (this.lastBatch !== null) this.held?.read(batch.length, now - this.lastBatch);
      for (const row of batch) this.pending.push(row);
      if (this.pending.length >= this.sliceRows) this.classifyPending();
      if (this.held && this.held.rows >= this.parallel.minRows) await this.start(this.held);
      this.lastBatch = cpuNow();
      return;
    }
    this.rows += batch.length;
    await this.toWorkers((column) => packColumn(batch, column));
    const { columns, classifiers } = this.own;
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k]!;
      const classifier = classifiers[k]!;
      for (const row of batch) feedCell(classifier, row[column]);
    }
  }

  async finish(): Promise<DatasetClassification> {
    const columns: ColumnClassification[] = new Array<ColumnClassification>(this.headers.length);
    if (this.workers) {
      const results = await Promise.all(this.workers.map((w) => w.finish()));
      this.workers.forEach((worker, w) =>
        worker.columns.forEach((column, k) => (columns[column] = results[w]![k]!)),
      );
    } else {
      this.classifyPending();
      const held = this.held ?? this.hold();
      this.own = { columns: held.classifiers.map((_, c) => c), classifiers: held.classifiers };
      this.rows = held.rows;
    }
    this.own.columns.forEach((column, k) => (columns[column] = this.own.classifiers[k]!.finish()));
    return { rows: this.rows, hxl: this.tags.some((t) => t !== null), columns };
  }

  async close(): Promise<void> {
    await Promise.all((this.workers ?? []).map((w) => w.close()));
  }

  /** The column classifiers, once the first row has told whether it is an HXL hashtag row. */
  private hold(): HeldRows {
    const options = columnOptionsOf(this.headers, this.tags, this.options);
    return (this.held = new HeldRows(options, this.parallel.minRows));
  }

  private classifyPending(): void {
    let rows = this.pending;
    this.pending = [];
    if (!this.held && rows.length > 0) {
      const tags = hashtagRow(this.headers, this.tags, rows[0]!);
      if (tags) {
        this.tags = tags;
        rows = rows.slice(1);
      }
      this.hold();
    }
    for (let i = 0; i < rows.length; i += this.sliceRows) this.held!.add(rows.slice(i, i + this.sliceRows));
  }

  private async start(held: HeldRows): Promise<void> {
    this.classifyPending();
    const { reading, columns } = held.costs();
    const share = this.parallel.share ?? shareColumns;
    const [own, ...others] = share(columns, this.parallel.threads, reading);
    this.own = { columns: own!, classifiers: own!.map((c) => held.classifiers[c]!) };
    const options = columnOptionsOf(this.headers, this.tags, this.options);
    this.workers = others.filter((columns) => columns.length > 0).map((columns) => new ColumnWorker(columns));
    for (const worker of this.workers)
      worker.send({ kind: 'start', columns: worker.columns.map((c) => options[c]!) });
    this.rows = held.rows;
    this.held = null;
    const slices = held.packed[0]?.length ?? 0;
    for (let s = 0; s < slices; s++) await this.toWorkers((column) => held.packed[column]![s]!);
  }

  /** Each worker its columns' values of one batch. */
  private async toWorkers(pack: (column: number) => PackedValues): Promise<void> {
    for (const worker of this.workers!) {
      await worker.drain(MAX_IN_FLIGHT - 1);
      worker.send({ kind: 'values', columns: worker.columns.map(pack) });
    }
  }
}
