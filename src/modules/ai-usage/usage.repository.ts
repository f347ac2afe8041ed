import {
  sql,
  type Compilable,
  type CompiledQuery,
  type Insertable,
  type Kysely,
  type Selectable,
} from 'kysely';
import type { Database, UsageAppOverrideTable, UsageFileTable } from '../../db/schema.js';
import type { RegistryLink } from './app-status.js';
import type { UsageRollupRows } from './usage-rows.js';

/*
 * SQL for stored AI usage: the ingested files, the roll-ups written from one file, and the
 * organisation's app overrides. Department and office are stored as '' when unknown (they are part
 * of the keys) and given back as null. Queries only; the rules live in the services.
 */

type Executor = Kysely<Database>;

/** Rows per INSERT: 27,000 parameters at most (9 columns), under SQLite's 32,766 and PostgreSQL's 65,535. */
const CHUNK = 3000;

export const UNKNOWN_UNIT = '';
export const unitValue = (name: string | null): string => name ?? UNKNOWN_UNIT;
export const unitName = (value: string): string | null => (value === UNKNOWN_UNIT ? null : value);

export type UsageFileRow = Selectable<UsageFileTable>;
export type AppOverrideRow = Selectable<UsageAppOverrideTable>;

export class UsageRepository {
  async fileByFingerprint(db: Executor, fingerprint: string): Promise<UsageFileRow | undefined> {
    return db.selectFrom('usage_files').selectAll().where('fingerprint', '=', fingerprint).executeTakeFirst();
  }

  async insertFile(db: Executor, file: Insertable<UsageFileTable>): Promise<void> {
    await db.insertInto('usage_files').values(file).execute();
  }

  /** Newest first. */
  async listFiles(db: Executor, limit: number, before?: { at: string; id: string }): Promise<UsageFileRow[]> {
    let query = db.selectFrom('usage_files').selectAll();
    if (before)
      query = query.where((eb) =>
        eb.or([
          eb('ingested_at', '<', before.at),
          eb.and([eb('ingested_at', '=', before.at), eb('id', '<', before.id)]),
        ]),
      );
    return query.orderBy('ingested_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** Whether any roll-up is stored for a day in [from, to]: then a new file's days overlap. */
  async hasDailyBetween(db: Executor, from: string, to: string): Promise<boolean> {
    const row = await db
      .selectFrom('usage_daily')
      .select('day')
      .where('day', '>=', from)
      .where('day', '<=', to)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Add one file's roll-ups to the stored ones (counts and bytes add up; users are recounted after). */
  async addRollups(db: Executor, rows: UsageRollupRows): Promise<void> {
    await insertMany(
      db,
      rows.daily_totals,
      (row) => ({ day: row.date, events: row.events, ai_events: row.ai_events }),
      (values) =>
        db
          .insertInto('usage_daily_totals')
          .values(values)
          .onConflict((oc) =>
            oc.column('day').doUpdateSet({
              events: sql`usage_daily_totals.events + excluded.events`,
              ai_events: sql`usage_daily_totals.ai_events + excluded.ai_events`,
            }),
          ),
    );
    await insertMany(
      db,
      rows.app_days,
      (row) => ({
        day: row.date,
        app_id: row.app_id,
        department: unitValue(row.department),
        office: unitValue(row.office),
        events: row.events,
        blocked_events: row.blocked_events,
        users: row.users,
        bytes_up: row.bytes_up,
        bytes_down: row.bytes_down,
      }),
      (values) =>
        db
          .insertInto('usage_daily')
          .values(values)
          .onConflict((oc) =>
            oc.columns(['day', 'app_id', 'department', 'office']).doUpdateSet({
              events: sql`usage_daily.events + excluded.events`,
              blocked_events: sql`usage_daily.blocked_events + excluded.blocked_events`,
              bytes_up: sql`usage_daily.bytes_up + excluded.bytes_up`,
              bytes_down: sql`usage_daily.bytes_down + excluded.bytes_down`,
            }),
          ),
    );
    await insertMany(
      db,
      rows.app_user_days,
      (row) => ({
        day: row.date,
        app_id: row.app_id,
        department: unitValue(row.department),
        office: unitValue(row.office),
        user_hash: row.user,
      }),
      (values) =>
        db
          .insertInto('usage_user_days')
          .values(values)
          .onConflict((oc) => oc.doNothing()),
    );
    await insertMany(
      db,
      firstSeenRows(rows),
      (row) => row,
      (values) =>
        db
          .insertInto('usage_first_seen')
          .values(values)
          .onConflict((oc) =>
            oc.columns(['app_id', 'department', 'office']).doUpdateSet({
              first_day: sql`case when excluded.first_day < usage_first_seen.first_day then excluded.first_day else usage_first_seen.first_day end`,
            }),
          ),
    );
  }

  /** Recount the distinct users of every roll-up in [from, to] from the stored presence rows. */
  async recountUsers(db: Executor, from: string, to: string): Promise<void> {
    await db
      .updateTable('usage_daily')
      .set((eb) => ({
        users: eb
          .selectFrom('usage_user_days as u')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('u.day', '=', 'usage_daily.day')
          .whereRef('u.app_id', '=', 'usage_daily.app_id')
          .whereRef('u.department', '=', 'usage_daily.department')
          .whereRef('u.office', '=', 'usage_daily.office'),
      }))
      .where('day', '>=', from)
      .where('day', '<=', to)
      .execute();
  }

  /**
   * The AI systems of the registry (ai_systems) that link catalogue apps, with their approval: the
   * only read of the registry's table, for the apps' statuses. Read-only, organisation-wide.
   */
  async registryLinks(db: Executor): Promise<RegistryLink[]> {
    const rows = await db
      .selectFrom('ai_systems')
      .select(['id', 'name', 'approval_status', 'usage_app_ids'])
      .where('usage_app_ids', '<>', '[]')
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows
      .map((row) => ({
        system_id: row.id,
        system_name: row.name,
        approval_status: row.approval_status as RegistryLink['approval_status'],
        app_ids: JSON.parse(row.usage_app_ids) as string[],
      }))
      .filter((link) => link.app_ids.length > 0);
  }

  async listOverrides(db: Executor): Promise<AppOverrideRow[]> {
    return db.selectFrom('usage_app_overrides').selectAll().orderBy('app_id').execute();
  }

  async override(db: Executor, appId: string): Promise<AppOverrideRow | undefined> {
    return db.selectFrom('usage_app_overrides').selectAll().where('app_id', '=', appId).executeTakeFirst();
  }

  async insertOverride(db: Executor, row: Insertable<UsageAppOverrideTable>): Promise<void> {
    await db.insertInto('usage_app_overrides').values(row).execute();
  }

  /** Update when the stored version is `version`; false when it is not (stale or gone). */
  async updateOverride(
    db: Executor,
    appId: string,
    version: number,
    changes: Pick<UsageAppOverrideTable, 'status' | 'risk' | 'attributes' | 'note' | 'updated_at'>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('usage_app_overrides')
      .set({ ...changes, version: version + 1 })
      .where('app_id', '=', appId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

/** First day per app × department × office, from the file's roll-ups. */
function firstSeenRows(rows: UsageRollupRows) {
  const first = new Map<string, { app_id: string; department: string; office: string; first_day: string }>();
  for (const row of rows.app_days) {
    const department = unitValue(row.department);
    const office = unitValue(row.office);
    const key = `${row.app_id}\u0000${department}\u0000${office}`;
    const seen = first.get(key);
    if (!seen) first.set(key, { app_id: row.app_id, department, office, first_day: row.date });
    else if (row.date < seen.first_day) seen.first_day = row.date;
  }
  return [...first.values()];
}

/**
 * Insert rows in multi-row statements. Building a statement of thousands of values with the query
 * builder costs far more than running it, so the statement for a full chunk is built and compiled
 * once and run again with each full chunk's values (its only parameters, in row and column order;
 * the conflict clauses are plain SQL). `record` gives a row's columns, always the same keys in the
 * same order; the parameters are copied from it into one array per chunk.
 */
async function insertMany<S, R extends Record<string, unknown>>(
  db: Executor,
  rows: readonly S[],
  record: (row: S) => R,
  build: (values: R[]) => Compilable,
): Promise<void> {
  let template: CompiledQuery | undefined;
  for (let at = 0; at < rows.length; at += CHUNK) {
    const end = Math.min(rows.length, at + CHUNK);
    const parameters: unknown[] = [];
    for (let i = at; i < end; i += 1) {
      const values = record(rows[i]!);
      for (const key in values) parameters.push(values[key]);
    }
    const full = end - at === CHUNK;
    const compiled = full && template ? template : build(rows.slice(at, end).map(record)).compile();
    if (full) template = compiled;
    if (compiled.parameters.length !== parameters.length)
      throw new Error(
        `insertMany: ${compiled.parameters.length} parameters compiled, ${parameters.length} given`,
      );
    await db.executeQuery({ ...compiled, parameters });
  }
}
