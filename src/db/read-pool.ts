import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';

/*
 * Read-only SQLite connections in worker threads, beside the one read-write connection of the main
 * thread. better-sqlite3 runs every query synchronously, so on one connection 32 clients wait for each
 * other and for all the HTTP work of the event loop; WAL lets readers on other connections read the last
 * committed state while the writer works. Each worker answers one query at a time on its own connection;
 * every query there is its own read transaction, so it sees every commit that finished before it was
 * sent.
 *
 * The worker is inline CommonJS given better-sqlite3's resolved path, so it loads the same way under
 * tsx, vitest and the compiled build (no second entry file to locate, no TypeScript loader needed).
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
for (const pragma of workerData.pragmas) db.pragma(pragma);
const cache = new Map();
function prepare(text) {
  let statement = cache.get(text);
  if (statement) cache.delete(text);
  else {
    statement = db.prepare(text);
    if (cache.size >= workerData.cacheSize) cache.delete(cache.keys().next().value);
  }
  cache.set(text, statement);
  return statement;
}
// Structured clone turns a Buffer into a plain Uint8Array; bind what the caller bound.
const asBound = (value) =>
  value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;
parentPort.on('message', ({ id, sql, parameters, close }) => {
  if (close) {
    // Finish on our own: statements finalized and the file closed before the thread goes away, never
    // torn down in the middle of a native call (see ReadPool.close).
    cache.clear();
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id, rows: prepare(sql).all(parameters.map(asBound)) });
  } catch (error) {
    parentPort.postMessage({ id, error: { name: error.name, message: error.message, code: error.code } });
  }
});
parentPort.postMessage({ ready: true });
`;

export interface ReadPoolOptions {
  file: string;
  size: number;
  /** Run on each new connection, as on the main one (page cache, mmap, busy timeout). */
  pragmas: readonly string[];
  statementCacheSize: number;
}

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
}

interface Reader {
  worker: Worker;
  ready: boolean;
  pending: Map<number, Pending>;
}

type Reply =
  | { ready: true }
  | { id: number; rows: unknown[] }
  | { id: number; error: { name: string; message: string; code?: string } };

export class ReadPool {
  #options: ReadPoolOptions;
  #readers: Reader[] = [];
  #nextId = 0;
  #closed = false;
  /** Set when a worker could not even open its connection: starting more would fail the same way. */
  #broken = false;

  constructor(options: ReadPoolOptions) {
    this.#options = options;
  }

  /**
   * Whether a worker can take a query now. The first call starts the workers; until one has opened its
   * connection (tens of ms) reads stay on the main connection, so a short CLI command never waits for
   * a thread it hardly needs.
   */
  available(): boolean {
    if (this.#closed || this.#broken) return false;
    if (this.#readers.length < this.#options.size) this.#start();
    return this.#readers.some((reader) => reader.ready);
  }

  /** Resolves once every worker can answer (tests; callers just use `available`). */
  async whenReady(): Promise<void> {
    this.available();
    while (!this.#closed && !this.#broken && !this.#readers.every((reader) => reader.ready)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** The rows of a read-only statement, on the ready worker with the fewest queries waiting. */
  query(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    let reader: Reader | undefined;
    for (const candidate of this.#readers) {
      if (candidate.ready && (!reader || candidate.pending.size < reader.pending.size)) reader = candidate;
    }
    if (!reader) return Promise.reject(new Error('No SQLite read worker is ready'));
    const id = this.#nextId++;
    const chosen = reader;
    return new Promise((resolve, reject) => {
      // A worker keeps the process alive only while it owes an answer, so a forgotten close() cannot
      // hold a finished command open.
      if (chosen.pending.size === 0) chosen.worker.ref();
      chosen.pending.set(id, { resolve, reject });
      chosen.worker.postMessage({ id, sql, parameters });
    });
  }

  /**
   * Asks each worker to close its connection and end, and waits for it. `worker.terminate()` at once
   * would stop the thread wherever it is, possibly inside SQLite, and tearing down a thread that holds
   * a native addon's live objects is where such addons crash the whole process; it stays the fallback
   * for a worker that does not end within `graceMs` (a query that never returns).
   */
  async close(graceMs = 2000): Promise<void> {
    this.#closed = true;
    const readers = this.#readers;
    this.#readers = [];
    for (const reader of readers) this.#fail(reader, new Error('The database is closed'));
    await Promise.all(readers.map((reader) => endWorker(reader.worker, graceMs)));
  }

  #start(): void {
    while (this.#readers.length < this.#options.size) {
      const { file, pragmas, statementCacheSize } = this.#options;
      const worker = new Worker(WORKER_CODE, {
        eval: true,
        workerData: {
          file,
          pragmas,
          cacheSize: statementCacheSize,
          driverPath: createRequire(import.meta.url).resolve('better-sqlite3'),
        },
      });
      worker.unref();
      const reader: Reader = { worker, ready: false, pending: new Map() };
      worker.on('message', (reply: Reply) => this.#answer(reader, reply));
      // A worker that dies (it could not open the file, or crashed) fails what it owed and leaves the
      // pool; the next read starts a new one, and reads go to the main connection meanwhile.
      const drop = (error: Error) => {
        if (!reader.ready && !this.#closed) this.#broken = true;
        this.#readers = this.#readers.filter((other) => other !== reader);
        this.#fail(reader, error);
      };
      worker.on('error', drop);
      worker.on('exit', (code) => drop(new Error(`SQLite read worker stopped (exit code ${code})`)));
      this.#readers.push(reader);
    }
  }

  #answer(reader: Reader, reply: Reply): void {
    if ('ready' in reply) {
      reader.ready = true;
      return;
    }
    const pending = reader.pending.get(reply.id);
    if (!pending) return;
    reader.pending.delete(reply.id);
    if (reader.pending.size === 0) reader.worker.unref();
    if ('error' in reply) pending.reject(rebuildError(reply.error));
    else pending.resolve(reply.rows.map(withBuffers));
  }

  #fail(reader: Reader, error: Error): void {
    const pending = [...reader.pending.values()];
    reader.pending.clear();
    for (const each of pending) each.reject(error);
  }
}

/** Ask one worker to end and wait for it, terminating it after `graceMs` (exported for its tests). */
export async function endWorker(
  worker: Pick<Worker, 'once' | 'ref' | 'postMessage' | 'terminate'>,
  graceMs: number,
): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.ref();
  worker.postMessage({ close: true });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  try {
    if ((await Promise.race([exited, late])) === 'late') await worker.terminate();
  } finally {
    clearTimeout(timer);
  }
}

/** The error the main connection would have thrown: SqliteError keeps its `code` (constraint mapping). */
function rebuildError({ name, message, code }: { name: string; message: string; code?: string }): Error {
  if (name === 'SqliteError' && typeof code === 'string')
    return new SqliteDatabase.SqliteError(message, code);
  if (name === 'TypeError') return new TypeError(message);
  if (name === 'RangeError') return new RangeError(message);
  return new Error(message);
}

/** BLOB columns come back from the worker as Uint8Array; callers get the Buffer the main connection gives. */
function withBuffers(row: unknown): unknown {
  const record = row as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
      record[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  }
  return record;
}
