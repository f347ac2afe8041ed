import type { Kysely } from 'kysely';

/*
 * AI usage alerts: the admin settings of the two alert rules (how many distinct users of an
 * unapproved high-risk app in a department raise an alert, the upload volume that makes a newly seen
 * app an alert, the period looked at and the actions' due days). One row, id 'usage_alerts'; no row
 * means the defaults (version 0). The alerts themselves are actions (source 'ai_usage').
 * Never edit after landing: add a new file.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('usage_alert_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('min_users', 'integer', (c) => c.notNull())
    .addColumn('upload_threshold_mib', 'integer', (c) => c.notNull())
    .addColumn('window_days', 'integer', (c) => c.notNull())
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('usage_alert_settings').execute();
}
