import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../core/pagination.js';
import { hasPermission, requirePermission, type Actor } from '../../core/permissions.js';
import { inTransaction, type ServiceDeps } from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import { JobRepository, type JobRow } from './jobs.repository.js';
import { FINISHED_STATUSES, type Job, type JobListQuery, type JobStatus } from './jobs.schema.js';

export const JOB_ENTITY = 'job';

/** What a handler gets: its parameters, a progress callback (throttled for it) and a stop signal. */
export interface JobContext<P> {
  job: { id: string; kind: string; created_by: string | null; office_id: string | null };
  params: P;
  /** Report progress as often as convenient; the runner writes it at most a few times a second. */
  onProgress(done: number, total: number | null, message?: string | null): void;
  /** Aborted when someone cancels the job; the handler stops soon and may return what it has. */
  signal: AbortSignal;
}

export interface JobHandler<P = unknown> {
  /** Do the work; the value returned (JSON) is stored as the job's result. Throwing fails the job. */
  run(ctx: JobContext<P>): Promise<unknown>;
  /** Free what a job that never ran holds (e.g. uploaded files), when it is cancelled while queued. */
  discard?(params: P): Promise<void>;
}

export interface NewJob {
  kind: string;
  params: unknown;
  office_id?: string | null;
  /** Only this runner may run the job (its inputs are on this process's disk). */
  runner_id?: string | null;
}

/** Who is told about new and cancelled jobs in this process (the runner, when one is started). */
export interface JobListener {
  queued(): void;
  cancelled(id: string): void;
}

export function presentJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as JobStatus,
    progress: { done: row.progress_done, total: row.progress_total, message: row.progress_message },
    result: row.result_json === null ? null : (JSON.parse(row.result_json) as unknown),
    error: row.error,
    cancel_requested: row.cancel_requested === 1,
    created_by: row.created_by,
    created_by_label: row.created_by_label,
    office_id: row.office_id,
    created_at: row.created_at,
    started_at: row.started_at,
    finished_at: row.finished_at,
  };
}

/** Admins see every job; everyone else the jobs they started. */
function seesAll(actor: Actor): boolean {
  return hasPermission(actor, 'system.admin');
}

/**
 * Background jobs. Services enqueue them (inside their own transaction, so the job exists exactly
 * when their record does); a JobRunner claims and runs them with the handler registered for the kind.
 * 'jobs.read' shows one's own jobs (admins: all, other users' answer 404); 'jobs.cancel' stops one's own.
 */
export class JobService {
  private readonly handlers = new Map<string, JobHandler>();
  private listener: JobListener | null = null;

  constructor(private readonly deps: ServiceDeps) {}

  /** A module says how its kind of job runs (called once by the composition root). */
  register<P>(kind: string, handler: JobHandler<P>): void {
    if (this.handlers.has(kind)) throw new Error(`job kind "${kind}" is registered twice`);
    this.handlers.set(kind, handler as JobHandler);
  }

  handler(kind: string): JobHandler | undefined {
    return this.handlers.get(kind);
  }

  /** The runner of this process listens for new and cancelled jobs. */
  listen(listener: JobListener | null): void {
    this.listener = listener;
  }

  /** Queue a job in the caller's transaction; call `queued()` after it commits to wake the runner. */
  async enqueueIn(trx: Transaction<Database>, ctx: RequestContext, input: NewJob): Promise<Job> {
    if (!this.handlers.has(input.kind)) throw new Error(`no handler for job kind "${input.kind}"`);
    const row: JobRow = {
      id: newId(),
      kind: input.kind,
      status: 'queued',
      progress_done: 0,
      progress_total: null,
      progress_message: null,
      params_json: JSON.stringify(input.params),
      result_json: null,
      error: null,
      cancel_requested: 0,
      runner_id: input.runner_id ?? null,
      created_by: ctx.actor.userId,
      created_by_label: ctx.actor.label,
      office_id: input.office_id ?? null,
      created_at: isoNow(this.deps.clock),
      started_at: null,
      finished_at: null,
      heartbeat_at: null,
    };
    await new JobRepository(trx).insert(row);
    return presentJob(row);
  }

  /**
   * Record, in the caller's transaction, work that finished outside the runner (an imported result,
   * the demo's): a succeeded job of `kind` with its result.
   */
  async recordFinishedIn(
    trx: Transaction<Database>,
    ctx: RequestContext,
    input: { kind: string; office_id?: string | null; result: unknown },
  ): Promise<Job> {
    const now = isoNow(this.deps.clock);
    const row: JobRow = {
      id: newId(),
      kind: input.kind,
      status: 'succeeded',
      progress_done: 1,
      progress_total: 1,
      progress_message: null,
      params_json: '{}',
      result_json: JSON.stringify(input.result),
      error: null,
      cancel_requested: 0,
      runner_id: null,
      created_by: ctx.actor.userId,
      created_by_label: ctx.actor.label,
      office_id: input.office_id ?? null,
      created_at: now,
      started_at: now,
      finished_at: now,
      heartbeat_at: now,
    };
    await new JobRepository(trx).insert(row);
    return presentJob(row);
  }

  /** Wake this process's runner (after the transaction that queued a job has committed). */
  queued(): void {
    this.listener?.queued();
  }

  async list(ctx: RequestContext, query: JobListQuery & PageQuery): Promise<Page<Job>> {
    requirePermission(ctx.actor, 'jobs.read');
    const rows = await new JobRepository(this.deps.db.kysely).list(
      {
        createdBy: seesAll(ctx.actor) ? undefined : ctx.actor.userId,
        status: query.status,
        kind: query.kind,
      },
      query.cursor ? decodeCursor(query.cursor) : null,
      query.limit,
    );
    return toPage(rows, query.limit, (row) => row.created_at, presentJob);
  }

  async get(ctx: RequestContext, id: string): Promise<Job> {
    requirePermission(ctx.actor, 'jobs.read');
    return presentJob(await this.visible(ctx.actor, new JobRepository(this.deps.db.kysely), id));
  }

  /**
   * The job behind a record the caller may already see (a scan shows its job to everyone who may
   * read the scan): the owning service checked access, so no check here.
   */
  async ofRecord(id: string): Promise<Job> {
    const row = await new JobRepository(this.deps.db.kysely).findById(id);
    if (!row) throw errors.notFound(JOB_ENTITY, id);
    return presentJob(row);
  }

  /**
   * Cancel a job: a queued one at once (its handler frees what it holds), a running one is asked to
   * stop and turns cancelled when its handler returns. A finished job answers 409.
   */
  async cancel(ctx: RequestContext, id: string): Promise<Job> {
    requirePermission(ctx.actor, 'jobs.cancel');
    const after = await inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new JobRepository(trx);
      const before = await this.visible(ctx.actor, repo, id);
      if (FINISHED_STATUSES.includes(before.status as JobStatus))
        throw errors.conflict(`job ${id} has already finished (${before.status})`, {
          entity: JOB_ENTITY,
          id,
          status: before.status,
        });
      const row = (await repo.cancel(id, isoNow(this.deps.clock)))!;
      await audit({
        action: 'cancel',
        entityType: JOB_ENTITY,
        entityId: id,
        officeId: row.office_id,
        before: { status: before.status },
        after: { status: row.status, cancel_requested: row.cancel_requested === 1 },
      });
      return row;
    });
    if (after.status === 'cancelled') await this.discard(after);
    else this.listener?.cancelled(id);
    return presentJob(after);
  }

  /** Let the handler free what a job that will never run holds; a failure here is not the caller's. */
  async discard(row: JobRow): Promise<void> {
    const handler = this.handlers.get(row.kind);
    await handler?.discard?.(JSON.parse(row.params_json))?.catch(() => undefined);
  }

  private async visible(actor: Actor, repo: JobRepository, id: string): Promise<JobRow> {
    const row = await repo.findById(id);
    if (!row || (!seesAll(actor) && (actor.userId === null || row.created_by !== actor.userId)))
      throw errors.notFound(JOB_ENTITY, id);
    return row;
  }
}
