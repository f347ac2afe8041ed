import {
  sql,
  type Compilable,
  type CompiledQuery,
  type Insertable,
  type Kysely,
  type Selectable,
} from 'kysely';
import { isPostgres } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import type { UsageAppOverrideTable, UsageFileTable } from '../../db/schema/ai.js';
import type { RegistryLink } from './app-status.js';
import type { UsageRollupRows } from './usage-rows.js';
import { mergeUserSets, packUserSet, sortUserSet, unpackUserSet } from './user-sets.js';

/*
 * SQL for stored AI usage: the ingested files, the roll-ups written from one file, and the
 * organisation's app overrides. Department and office are stored as '' when unknown (they are part
 * of the keys) and given back as null. Queries only; the rules live in the services.
 */

type Executor = Kysely<Database>;

/** Parameters per INSERT at most: under SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMETERS = 4_000;
/** Pseudonyms per lookup. */
const LOOKUP_CHUNK = 5000;
/** Serialises the merging of user sets on PostgreSQL (per schema, like the audit chain's lock). */
const ROLLUP_LOCK_KEY = 7_201_101;

const rollupKey = (day: string, app: string, department: string, office: string) =>
  `${day}\u0000${app}\u0000${department}\u0000${office}`;

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

  /**
   * Add one file's roll-ups to the stored ones, in the caller's transaction: counts and bytes add up;
   * the users of a day already stored are merged with the new ones (sets, so each user counts once).
   */
  async addRollups(db: Executor, rows: UsageRollupRows): Promise<void> {
    // One ingestion at a time merges sets (SQLite has a single writer already).
    if (isPostgres(db))
      await sql`select pg_advisory_xact_lock(hashtextextended(current_schema(), ${ROLLUP_LOCK_KEY}))`.execute(
        db,
      );
    const numbers = await this.userNumbers(db, rows.pseudonyms);
    const sets = rows.app_days.map((row) => {
      const set = new Uint32Array(row.user_numbers.length);
      for (let i = 0; i < set.length; i += 1) set[i] = numbers[row.user_numbers[i]!]!;
      return sortUserSet(set);
    });
    const { from, to } = rows.period;
    if (from !== null && to !== null && (await this.hasDailyBetween(db, from, to))) {
      const stored = await this.storedSets(db, from, to);
      rows.app_days.forEach((row, i) => {
        const earlier = stored.get(
          rollupKey(row.date, row.app_id, unitValue(row.department), unitValue(row.office)),
        );
        if (earlier) sets[i] = mergeUserSets(earlier, sets[i]!);
      });
    }
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
      (row, i) => ({
        day: row.date,
        app_id: row.app_id,
        department: unitValue(row.department),
        office: unitValue(row.office),
        events: row.events,
        blocked_events: row.blocked_events,
        users: sets[i]!.length,
        bytes_up: row.bytes_up,
        bytes_down: row.bytes_down,
        user_ids: packUserSet(sets[i]!),
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
              // Already merged with the stored set above.
              users: sql`excluded.users`,
              user_ids: sql`excluded.user_ids`,
            }),
          ),
    );
    await insertMany(
      db,
      rows.first_seen_units,
      (row) => ({
        app_id: row.app_id,
        department: unitValue(row.department),
        office: unitValue(row.office),
        first_day: row.first_seen,
      }),
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

  /**
   * The stored number of each pseudonym (`numbers[i]` for `pseudonyms[i]`): those already known are
   * looked up, the others numbered after the largest and inserted.
   */
  private async userNumbers(db: Executor, pseudonyms: readonly string[]): Promise<Uint32Array> {
    const numbers = new Uint32Array(pseudonyms.length);
    if (pseudonyms.length === 0) return numbers;
    const top = await db
      .selectFrom('usage_users')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    let last = Number(top?.id ?? 0);
    const known = new Map<string, number>();
    if (last > 0)
      for (let at = 0; at < pseudonyms.length; at += LOOKUP_CHUNK) {
        const found = await db
          .selectFrom('usage_users')
          .select(['id', 'user_hash'])
          .where('user_hash', 'in', pseudonyms.slice(at, at + LOOKUP_CHUNK))
          .execute();
        for (const row of found) known.set(row.user_hash, Number(row.id));
      }
    const fresh: { id: number; user_hash: string }[] = [];
    pseudonyms.forEach((pseudonym, i) => {
      let number = known.get(pseudonym);
      if (number === undefined) {
        last += 1;
        number = last;
        fresh.push({ id: number, user_hash: pseudonym });
      }
      numbers[i] = number;
    });
    await insertMany(
      db,
      fresh,
      (row) => row,
      (values) => db.insertInto('usage_users').values(values),
    );
    return numbers;
  }

  /** The stored user sets of the roll-ups in [from, to], by day, app, department and office. */
  private async storedSets(db: Executor, from: string, to: string): Promise<Map<string, Uint32Array>> {
    const rows = await db
      .selectFrom('usage_daily')
      .select(['day', 'app_id', 'department', 'office', 'user_ids'])
      .where('day', '>=', from)
      .where('day', '<=', to)
      .execute();
    return new Map(
      rows.map((row) => [
        rollupKey(row.day, row.app_id, row.department, row.office),
        unpackUserSet(row.user_ids),
      ]),
    );
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
  record: (row: S, index: number) => R,
  build: (values: R[]) => Compilable,
): Promise<void> {
  if (rows.length === 0) return;
  const chunk = Math.max(1, Math.floor(PARAMETERS / Object.keys(record(rows[0]!, 0)).length));
  let template: CompiledQuery | undefined;
  for (let at = 0; at < rows.length; at += chunk) {
    const end = Math.min(rows.length, at + chunk);
    const full = end - at === chunk;
    const parameters: unknown[] = [];
    const records: R[] = [];
    for (let i = at; i < end; i += 1) {
      const values = record(rows[i]!, i);
      if (!full || !template) records.push(values);
      for (const key in values) parameters.push(values[key]);
    }
    const compiled = full && template ? template : build(records).compile();
    if (full) template = compiled;
    if (compiled.parameters.length !== parameters.length)
      throw new Error(
        `insertMany: ${compiled.parameters.length} parameters compiled, ${parameters.length} given`,
      );
    await db.executeQuery({ ...compiled, parameters });
  }
}
