import { randomBytes } from 'node:crypto';
import { isoNow } from '../../core/clock.js';
import type { ServiceDeps } from '../../core/service-context.js';
import { JobRepository, type JobRow } from './jobs.repository.js';
import type { JobService } from './jobs.service.js';

export interface JobRunnerOptions {
  /** How often to look for queued jobs other processes added (this process's wake the runner at once). */
  pollMs?: number;
  /** How often a running job's heartbeat is refreshed (and a cancel from another process noticed). */
  heartbeatMs?: number;
  /** A running job without a heartbeat for this long belongs to a dead process: failed. */
  staleMs?: number;
  /** Progress is written at most once per this interval. */
  progressMs?: number;
}

interface Log {
  info(message: string): void;
  warn(message: string): void;
}

const SILENT: Log = { info: () => undefined, warn: () => undefined };

/**
 * Runs queued jobs one at a time in this process. Any number of processes may run one each over the
 * same database: claims are atomic (see JobRepository.claimNext). Started by `custos serve` and by
 * the test app; `stop()` aborts the running job and waits for it before the database closes.
 */
export class JobRunner {
  /** This process's runner id: jobs whose inputs are on its disk name it. */
  readonly id = `runner-${randomBytes(6).toString('hex')}`;
  private readonly options: Required<JobRunnerOptions>;
  private timer: NodeJS.Timeout | null = null;
  private loop: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private current: { id: string; abort: AbortController } | null = null;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly jobs: JobService,
    options: JobRunnerOptions = {},
    private readonly log: Log = SILENT,
  ) {
    this.options = {
      pollMs: options.pollMs ?? 5_000,
      heartbeatMs: options.heartbeatMs ?? 10_000,
      staleMs: options.staleMs ?? 120_000,
      progressMs: options.progressMs ?? 500,
    };
  }

  /** Fail stale jobs, then run queued ones until stopped. */
  async start(): Promise<void> {
    this.stopped = false;
    const now = this.deps.clock.now();
    const stale = await new JobRepository(this.deps.db.kysely).failStale(
      new Date(now.getTime() - this.options.staleMs).toISOString(),
      now.toISOString(),
    );
    for (const row of stale) this.log.warn(`job ${row.id} (${row.kind}) had stopped: marked failed`);
    this.jobs.listen({
      queued: () => this.kick(),
      cancelled: (id) => {
        if (this.current?.id === id) this.current.abort.abort();
      },
    });
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Look for work now (no-op while stopped; a drain under way looks again when it ends). */
  kick(): void {
    if (this.stopped) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    this.loop = this.drain().finally(() => {
      this.loop = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves once every queued job this runner can run has run (tests, `serve` shutdown). */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.jobs.listen(null);
    this.current?.abort.abort();
    await this.loop;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped) {
        const row = await this.claim();
        if (!row) return;
        await this.run(row);
      }
    } catch (error) {
      // The database went away (shutdown) or failed: try again at the next poll.
      if (!this.stopped)
        this.log.warn(`job runner: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private claim(): Promise<JobRow | undefined> {
    const { db, clock } = this.deps;
    return db.kysely
      .transaction()
      .execute((trx) => new JobRepository(trx).claimNext(db.dialect, this.id, isoNow(clock)));
  }

  private async run(row: JobRow): Promise<void> {
    const repo = new JobRepository(this.deps.db.kysely);
    const now = () => isoNow(this.deps.clock);
    const abort = new AbortController();
    this.current = { id: row.id, abort };
    // Progress: keep the latest, write it at most once per interval, one write at a time.
    let latest: { done: number; total: number | null; message: string | null } | null = null;
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    const write = () => {
      const next = latest;
      latest = null;
      if (!next) return;
      lastWrite = Date.now();
      writing = writing
        .then(() => repo.progress(row.id, next.done, next.total, next.message, now()))
        .catch(() => undefined);
    };
    const heartbeat = setInterval(() => {
      void repo
        .heartbeat(row.id, now())
        .then((cancel) => {
          if (cancel) abort.abort();
        })
        .catch(() => undefined);
    }, this.options.heartbeatMs);
    heartbeat.unref();
    let outcome: { status: string; result_json: string | null; error: string | null };
    try {
      const handler = this.jobs.handler(row.kind);
      if (!handler) throw new Error(`no handler for job kind "${row.kind}" in this version of Custos`);
      if (row.cancel_requested === 1) abort.abort();
      const result = await handler.run({
        job: { id: row.id, kind: row.kind, created_by: row.created_by, office_id: row.office_id },
        params: JSON.parse(row.params_json),
        signal: abort.signal,
        onProgress: (done, total, message = null) => {
          latest = { done, total, message };
          if (Date.now() - lastWrite >= this.options.progressMs) write();
        },
      });
      outcome = {
        status: abort.signal.aborted ? 'cancelled' : 'succeeded',
        result_json: result === undefined ? null : JSON.stringify(result),
        error: null,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome = abort.signal.aborted
        ? { status: 'cancelled', result_json: null, error: null }
        : { status: 'failed', result_json: null, error: message };
      if (!abort.signal.aborted) this.log.warn(`job ${row.id} (${row.kind}) failed: ${message}`);
    } finally {
      clearInterval(heartbeat);
      this.current = null;
    }
    write();
    await writing;
    await repo.finish(row.id, outcome, now());
  }
}
