import { Migrator, sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { currentSchema } from '../../db/dialect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { Pseudonymiser } from './pseudonymise.js';
import { TEST_KEY } from './testing/fixtures.js';
import { bytesOf, usageServices } from './testing/usage-log.js';
import { unpackUserSet } from './user-sets.js';

/*
 * 20261201120000_usage_user_sets on roll-ups written by the previous schema (one presence row per
 * pseudonym in usage_user_days): the database is taken back to the migration before, filled as the
 * old ingestion filled it, then migrated again, on both dialects.
 */

const BEFORE = '20261130240000_ai_system_context';
const admin = { actor: systemActor('test'), requestId: null };
const pseudonym = (user: string) => new Pseudonymiser(TEST_KEY).pseudonym(user);
const [ANA, BEN, CLEO] = [pseudonym('ana'), pseudonym('ben'), pseudonym('cleo')];

describeEachDialect('AI usage user sets migration', ({ db }) => {
  const migrator = async () =>
    new Migrator({
      db: db().kysely,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableSchema: await currentSchema(db().kysely, db().dialect),
    });
  // Written before the migration: presence rows, and usage_daily without user_ids.
  const daily = [
    ['2026-11-23', 'chatgpt', 'Finance', 'Nairobi', 5, 3],
    ['2026-11-23', 'deepl', 'HR', '', 1, 1],
    ['2026-11-24', 'chatgpt', 'Finance', 'Nairobi', 2, 1],
    ['2026-11-24', 'chatgpt', '', '', 4, 0],
  ] as const;
  const presence = [
    ['2026-11-23', 'chatgpt', 'Finance', 'Nairobi', ANA],
    ['2026-11-23', 'chatgpt', 'Finance', 'Nairobi', BEN],
    ['2026-11-23', 'chatgpt', 'Finance', 'Nairobi', CLEO],
    ['2026-11-23', 'deepl', 'HR', '', BEN],
    ['2026-11-24', 'chatgpt', 'Finance', 'Nairobi', CLEO],
  ] as const;

  beforeAll(async () => {
    const down = await (await migrator()).migrateTo(BEFORE);
    if (down.error) throw down.error;
    const kysely = db().kysely;
    for (const [day, app, department, office, events, users] of daily)
      await sql`insert into usage_daily (day, app_id, department, office, events, blocked_events, users, bytes_up, bytes_down)
        values (${day}, ${app}, ${department}, ${office}, ${events}, 0, ${users}, 10, 20)`.execute(kysely);
    for (const [day, app, department, office, user] of presence)
      await sql`insert into usage_user_days (day, app_id, department, office, user_hash)
        values (${day}, ${app}, ${department}, ${office}, ${user})`.execute(kysely);
    await sql`insert into usage_daily_totals (day, events, ai_events) values ('2026-11-23', 8, 6), ('2026-11-24', 6, 6)`.execute(
      kysely,
    );
    expect((await migrateToLatest(db())).applied).toContain('20261201120000_usage_user_sets');
  });

  it('numbers the stored pseudonyms in their order and packs each roll-up’s users, keeping its counts', async () => {
    const users = await db()
      .kysely.selectFrom('usage_users')
      .select(['id', 'user_hash'])
      .orderBy('id')
      .execute();
    const sorted = [ANA, BEN, CLEO].sort();
    expect(users.map((row) => [Number(row.id), row.user_hash])).toEqual(
      sorted.map((hash, i) => [i + 1, hash]),
    );
    const number = (hash: string) => sorted.indexOf(hash) + 1;
    const rows = await db()
      .kysely.selectFrom('usage_daily')
      .selectAll()
      .orderBy('day')
      .orderBy('app_id')
      .orderBy('department')
      .execute();
    expect(
      rows.map((row) => [
        row.day,
        row.app_id,
        row.department,
        Number(row.events),
        row.users,
        [...unpackUserSet(row.user_ids)],
      ]),
    ).toEqual([
      ['2026-11-23', 'chatgpt', 'Finance', 5, 3, [ANA, BEN, CLEO].map(number).sort((a, b) => a - b)],
      ['2026-11-23', 'deepl', 'HR', 1, 1, [number(BEN)]],
      ['2026-11-24', 'chatgpt', '', 4, 0, []],
      ['2026-11-24', 'chatgpt', 'Finance', 2, 1, [number(CLEO)]],
    ]);
    await expect(sql`select count(*) from usage_user_days`.execute(db().kysely)).rejects.toThrow();
  });

  it('gives the report the same distinct users as the presence rows did', async () => {
    const services = usageServices(db());
    const report = await services.usageReport.report(admin, {
      from: '2026-11-23',
      to: '2026-11-24',
      suppress: false,
      lang: 'en',
    });
    expect(report.totals.ai_users).toBe(3);
    expect(report.apps.map((app) => [app.app_id, app.users])).toEqual([
      ['chatgpt', 3],
      ['deepl', 1],
    ]);
  });

  it('numbers only new pseudonyms afterwards and merges a new file into the converted days', async () => {
    const services = usageServices(db());
    const log = [
      'time,user,host,bytes_out,bytes_in,department,office',
      '2026-11-24T09:00:00Z,ana,chatgpt.com,1,1,Finance,Nairobi',
      '2026-11-24T10:00:00Z,dan,chatgpt.com,1,1,Finance,Nairobi',
    ].join('\n');
    await services.usageIngest.ingest(admin, { name: 'new.csv', chunks: bytesOf(log) }, { format: 'auto' });
    const users = await db()
      .kysely.selectFrom('usage_users')
      .select(['id', 'user_hash'])
      .orderBy('id')
      .execute();
    expect(users.map((row) => Number(row.id))).toEqual([1, 2, 3, 4]);
    expect(users[3]!.user_hash).toBe(pseudonym('dan'));
    const row = await db()
      .kysely.selectFrom('usage_daily')
      .selectAll()
      .where('day', '=', '2026-11-24')
      .where('department', '=', 'Finance')
      .executeTakeFirstOrThrow();
    // cleo (converted), ana and dan (the new file).
    expect(row.users).toBe(3);
    expect(Number(row.events)).toBe(4);
    expect(unpackUserSet(row.user_ids)).toHaveLength(3);
  });

  it('goes back to presence rows, the same as before', async () => {
    const down = await (await migrator()).migrateTo(BEFORE);
    if (down.error) throw down.error;
    const rows = await sql<{ day: string; app_id: string; user_hash: string }>`
      select day, app_id, user_hash from usage_user_days where day = '2026-11-23' order by app_id, user_hash`.execute(
      db().kysely,
    );
    expect(rows.rows.map((row) => [row.app_id, row.user_hash])).toEqual([
      ...[ANA, BEN, CLEO].sort().map((hash) => ['chatgpt', hash]),
      ['deepl', BEN],
    ]);
    expect((await migrateToLatest(db())).applied).toContain('20261201120000_usage_user_sets');
  });
});
