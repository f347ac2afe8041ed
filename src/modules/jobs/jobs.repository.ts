import { sql, type Kysely, type Selectable } from 'kysely';
import { afterCursor, type Cursor } from '../../core/pagination.js';
import type { DialectName } from '../../db/database.js';
import { skipLocked } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import type { JobTable } from '../../db/schema/org.js';

export type JobRow = Selectable<JobTable>;

export interface JobFilter {
  /** Only jobs created by this user; undefined for every job (admins). */
  createdBy?: string | null;
  status?: string;
  kind?: string;
}

/** SQL for jobs; no rules. `db` may be a transaction. */
export class JobRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: JobRow): Promise<void> {
    await this.db.insertInto('jobs').values(row).execute();
  }

  findById(id: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Newest first, keyset-paged on (created_at, id). */
  list(filter: JobFilter, cursor: Cursor | null, limit: number): Promise<JobRow[]> {
    let query = this.db.selectFrom('jobs').selectAll();
    if (filter.createdBy !== undefined) {
      const createdBy = filter.createdBy;
      // A caller without a user (the CLI operator) owns nothing: system actors are admins anyway.
      query =
        createdBy === null ? query.where(sql<boolean>`1 = 0`) : query.where('created_by', '=', createdBy);
    }
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (cursor) query = query.where(afterCursor('created_at', 'desc', cursor));
    return query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /**
   * Claim the oldest queued job this runner may run: PostgreSQL skips rows other processes are
   * claiming (FOR UPDATE SKIP LOCKED); SQLite has one writer. The update re-checks the status, so a
   * job is claimed once whatever happens.
   */
  async claimNext(dialect: DialectName, runnerId: string, now: string): Promise<JobRow | undefined> {
    const candidate = await skipLocked(
      this.db
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .where((eb) => eb.or([eb('runner_id', 'is', null), eb('runner_id', '=', runnerId)]))
        .orderBy('created_at')
        .orderBy('id')
        .limit(1),
      dialect,
    ).executeTakeFirst();
    if (!candidate) return undefined;
    const claimed = await this.db
      .updateTable('jobs')
      .set({ status: 'running', started_at: now, heartbeat_at: now })
      .where('id', '=', candidate.id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    return claimed;
  }

  /** Running jobs whose heartbeat is older than `before` (their process died): failed. */
  async failStale(before: string, now: string): Promise<JobRow[]> {
    return this.db
      .updateTable('jobs')
      .set({
        status: 'failed',
        error: 'the process running this job stopped; start it again',
        finished_at: now,
      })
      .where('status', '=', 'running')
      .where('heartbeat_at', '<', before)
      .returningAll()
      .execute();
  }

  /** Refresh a running job's heartbeat; answers whether it was asked to stop (undefined: not running). */
  async heartbeat(id: string, now: string): Promise<boolean | undefined> {
    const row = await this.db
      .updateTable('jobs')
      .set({ heartbeat_at: now })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .returning('cancel_requested')
      .executeTakeFirst();
    return row ? row.cancel_requested === 1 : undefined;
  }

  async progress(id: string, done: number, total: number | null, message: string | null, now: string) {
    await this.db
      .updateTable('jobs')
      .set({ progress_done: done, progress_total: total, progress_message: message, heartbeat_at: now })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  /** End a running job; false when it was no longer running (e.g. failed as stale meanwhile). */
  async finish(
    id: string,
    outcome: { status: string; result_json: string | null; error: string | null },
    now: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ ...outcome, finished_at: now, heartbeat_at: now })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Cancel a queued job at once, or ask a running one to stop. Returns the row after the change. */
  async cancel(id: string, now: string): Promise<JobRow | undefined> {
    await this.db
      .updateTable('jobs')
      .set({ status: 'cancelled', finished_at: now })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .execute();
    await this.db
      .updateTable('jobs')
      .set({ cancel_requested: 1 })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
    return this.findById(id);
  }
}
