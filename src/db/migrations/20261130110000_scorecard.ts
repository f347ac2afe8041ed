import { sql, type Kysely } from 'kysely';

/*
 * The Data Health Scorecard's storage: its settings (one row), the daily snapshots of every scope's
 * score, and the generic actions table (scorecard failures today; access violations, AI review
 * reminders, usage alerts and risk treatments later). Never edit after landing: add a new file.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scorecard_settings')
    .addColumn('id', 'text', (c) => c.primaryKey()) // always 'scorecard': a single row
    .addColumn('config', 'text', (c) => c.notNull()) // JSON: weights, band thresholds, due days
    .addColumn('custom_controls', 'text', (c) => c.notNull()) // JSON array of rule definitions
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('scorecard_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull()) // office, region, department, organisation
    .addColumn('key', 'text', (c) => c.notNull()) // group key; '' for the unassigned group
    .addColumn('name', 'text')
    .addColumn('assets', 'integer', (c) => c.notNull())
    .addColumn('score', 'real')
    .addColumn('band', 'text')
    .addColumn('controls', 'text', (c) => c.notNull()) // JSON: {<control>: {passed, applicable}}
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('scorecard_snapshots_scope_date_uq', ['dimension', 'key', 'date'])
    .execute();
  await db.schema
    .createIndex('scorecard_snapshots_date_idx')
    .on('scorecard_snapshots')
    .columns(['date', 'dimension'])
    .execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull()) // 'scorecard', …
    .addColumn('source_key', 'text', (c) => c.notNull()) // dedupe key: scorecard:<asset>:<control>
    .addColumn('subject_type', 'text', (c) => c.notNull()) // 'asset', …
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text') // scope filtering; null: only organisation-wide readers see it
    .addColumn('assignee_person_id', 'text')
    .addColumn('code', 'text', (c) => c.notNull()) // e.g. the control id
    .addColumn('reason_codes', 'text', (c) => c.notNull()) // JSON array
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed
    .addColumn('close_reason', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // At most one open action per dedupe key; closed ones keep their key as history, so a problem that
  // comes back opens a new action. (A partial unique index: both dialects have them.)
  await db.schema
    .createIndex('actions_open_source_key_uq')
    .on('actions')
    .column('source_key')
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createIndex('actions_assignee_idx')
    .on('actions')
    .columns(['assignee_person_id', 'status', 'due_date', 'id'])
    .execute();
  await db.schema
    .createIndex('actions_office_idx')
    .on('actions')
    .columns(['office_id', 'status', 'due_date', 'id'])
    .execute();
  await db.schema
    .createIndex('actions_source_idx')
    .on('actions')
    .columns(['source', 'status', 'code', 'subject_id'])
    .execute();
  await db.schema.createIndex('actions_subject_idx').on('actions').columns(['subject_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('actions').execute();
  await db.schema.dropTable('scorecard_snapshots').execute();
  await db.schema.dropTable('scorecard_settings').execute();
}
