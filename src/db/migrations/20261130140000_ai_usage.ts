import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/*
 * AI usage monitoring: the log files ingested (by fingerprint), daily roll-ups per app × department
 * × office, the pseudonymous users behind them (presence per day, for exact distinct counts over
 * any period), first-seen days, and the organisation's status and attribute overrides of the app
 * catalogue (with custom apps). Never edit after landing: add a new file.
 *
 * Department and office are the names the log or the directory gave, not references to the
 * organisation's offices; '' stands for "unknown" so that they can be part of primary keys.
 * Counters and byte sums are bigint (64-bit on PostgreSQL; SQLite integers are 64-bit anyway).
 */

const UNIT = ['department', 'office'] as const;
/**
 * On SQLite the two big tables are stored in their primary key's b-tree alone (no rowid table beside
 * it): each ingested row is written once instead of twice.
 */
const WITHOUT_ROWID = sql`without rowid`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('usage_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('compressed', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('lines', 'bigint', (c) => c.notNull())
    .addColumn('events', 'bigint', (c) => c.notNull())
    .addColumn('ai_events', 'bigint', (c) => c.notNull())
    .addColumn('malformed', 'bigint', (c) => c.notNull())
    .addColumn('first_day', 'text')
    .addColumn('last_day', 'text')
    .addColumn('ingested_by', 'text', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('usage_files_ingested_idx')
    .on('usage_files')
    .columns(['ingested_at', 'id'])
    .execute();

  // All events of a day, AI or not: the denominator of the shares.
  await db.schema
    .createTable('usage_daily_totals')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('events', 'bigint', (c) => c.notNull())
    .addColumn('ai_events', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('usage_daily')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('events', 'bigint', (c) => c.notNull())
    .addColumn('blocked_events', 'bigint', (c) => c.notNull())
    .addColumn('users', 'integer', (c) => c.notNull())
    .addColumn('bytes_up', 'bigint', (c) => c.notNull())
    .addColumn('bytes_down', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_daily_pk', ['day', 'app_id', ...UNIT])
    .$call((table) => (isPostgres(db) ? table : table.modifyEnd(WITHOUT_ROWID)))
    .execute();

  // Presence only: this pseudonym (HMAC of the user, never the user) used this app on this day here.
  await db.schema
    .createTable('usage_user_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('user_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_user_days_pk', ['day', 'app_id', ...UNIT, 'user_hash'])
    .$call((table) => (isPostgres(db) ? table : table.modifyEnd(WITHOUT_ROWID)))
    .execute();

  await db.schema
    .createTable('usage_first_seen')
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('first_day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_first_seen_pk', ['app_id', ...UNIT])
    .execute();

  await db.schema
    .createTable('usage_app_overrides')
    .addColumn('app_id', 'text', (c) => c.primaryKey())
    .addColumn('custom', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text') // custom apps: JSON {name, vendor, category, domains}
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('risk', 'text') // null: derived from the attributes
    .addColumn('attributes', 'text', (c) => c.notNull()) // JSON: the attributes overridden (all for custom apps)
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'usage_app_overrides',
    'usage_first_seen',
    'usage_user_days',
    'usage_daily',
    'usage_daily_totals',
    'usage_files',
  ])
    await db.schema.dropTable(table).execute();
}
