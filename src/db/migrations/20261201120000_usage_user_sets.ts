import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/*
 * AI usage: the users behind each daily roll-up (day × app × department × office) become one packed
 * value on the roll-up row instead of one row per pseudonym. usage_users numbers the pseudonyms
 * (keyed HMACs, never user names) with small integers; usage_daily.user_ids holds the sorted
 * numbers of the roll-up's users, 32-bit little-endian. The presence rows of usage_user_days are
 * converted day by day, then the table is dropped. Never edit after landing: add a new file.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
type AnyDb = Kysely<any>;

const pack = (ids: number[]): Buffer => {
  const packed = Buffer.alloc(ids.length * 4);
  ids.forEach((id, i) => packed.writeUInt32LE(id, i * 4));
  return packed;
};

const emptyBlob = (db: AnyDb) => (isPostgres(db) ? sql`'\\x'::bytea` : sql`x''`);

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('usage_users')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('user_hash', 'text', (c) => c.notNull().unique()) // HMAC pseudonym, never the user
    .execute();
  await db.schema
    .alterTable('usage_daily')
    .addColumn('user_ids', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull().defaultTo(emptyBlob(db)))
    .execute();

  // Number the pseudonyms already stored, in their order.
  await sql`insert into usage_users (id, user_hash)
    select row_number() over (order by user_hash), user_hash
    from (select distinct user_hash from usage_user_days) as stored`.execute(db);

  // One day at a time, so that memory stays bounded by a day's presence rows.
  const days = await db.selectFrom('usage_user_days').select('day').distinct().orderBy('day').execute();
  for (const { day } of days as { day: string }[]) {
    const rows = (await db
      .selectFrom('usage_user_days as d')
      .innerJoin('usage_users as u', 'u.user_hash', 'd.user_hash')
      .select(['d.app_id', 'd.department', 'd.office', 'u.id'])
      .where('d.day', '=', day)
      .orderBy('d.app_id')
      .orderBy('d.department')
      .orderBy('d.office')
      .orderBy('u.id')
      .execute()) as { app_id: string; department: string; office: string; id: number }[];
    for (let at = 0; at < rows.length;) {
      const first = rows[at]!;
      const ids: number[] = [];
      while (
        at < rows.length &&
        rows[at]!.app_id === first.app_id &&
        rows[at]!.department === first.department &&
        rows[at]!.office === first.office
      )
        ids.push(Number(rows[at++]!.id));
      const updated = await db
        .updateTable('usage_daily')
        .set({ user_ids: pack(ids), users: ids.length })
        .where('day', '=', day)
        .where('app_id', '=', first.app_id)
        .where('department', '=', first.department)
        .where('office', '=', first.office)
        .executeTakeFirst();
      // Presence without its roll-up should not exist; keep its users rather than lose them.
      if (Number(updated.numUpdatedRows) === 0)
        await db
          .insertInto('usage_daily')
          .values({
            day,
            app_id: first.app_id,
            department: first.department,
            office: first.office,
            events: 0,
            blocked_events: 0,
            users: ids.length,
            bytes_up: 0,
            bytes_down: 0,
            user_ids: pack(ids),
          })
          .execute();
    }
  }
  await db.schema.dropTable('usage_user_days').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('usage_user_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('user_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_user_days_pk', ['day', 'app_id', 'department', 'office', 'user_hash'])
    .$call((table) => (isPostgres(db) ? table : table.modifyEnd(sql`without rowid`)))
    .execute();
  const hashes = new Map<number, string>();
  for (const row of (await db.selectFrom('usage_users').select(['id', 'user_hash']).execute()) as {
    id: number;
    user_hash: string;
  }[])
    hashes.set(Number(row.id), row.user_hash);
  const days = await db.selectFrom('usage_daily').select('day').distinct().orderBy('day').execute();
  for (const { day } of days as { day: string }[]) {
    const rows = (await db
      .selectFrom('usage_daily')
      .select(['app_id', 'department', 'office', 'user_ids'])
      .where('day', '=', day)
      .execute()) as { app_id: string; department: string; office: string; user_ids: Uint8Array }[];
    const values = rows.flatMap((row) => {
      const packed = Buffer.from(row.user_ids);
      const entries = [];
      for (let i = 0; i + 4 <= packed.length; i += 4)
        entries.push({
          day,
          app_id: row.app_id,
          department: row.department,
          office: row.office,
          user_hash: hashes.get(packed.readUInt32LE(i))!,
        });
      return entries;
    });
    for (let at = 0; at < values.length; at += 1000)
      await db
        .insertInto('usage_user_days')
        .values(values.slice(at, at + 1000))
        .execute();
  }
  await db.schema.alterTable('usage_daily').dropColumn('user_ids').execute();
  await db.schema.dropTable('usage_users').execute();
}
