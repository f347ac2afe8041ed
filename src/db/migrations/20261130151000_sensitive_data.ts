import type { Kysely } from 'kysely';

/*
 * Sensitive-data scans and label decisions. Never edit after landing: add a new file.
 *
 * A scan is run by a job (its status, progress and cancellation live in `jobs`); when the job ends its
 * report is stored here: one scan_datasets row per dataset (proposal, masked evidence as JSON) and the
 * sources that could not be read in errors_json. Sources are stored as described to people, never with
 * a password. A dataset's label decision (confirmed or overridden label, justification, who and when,
 * the inventory asset it was written to) sits on its row, versioned for 409 on stale writes.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id'))
    .addColumn('office_id', 'text', (c) => c.references('offices.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('sources_json', 'text', (c) => c.notNull())
    .addColumn('options_json', 'text', (c) => c.notNull())
    .addColumn('errors_json', 'text')
    .addColumn('dataset_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('scans_office_idx').on('scans').column('office_id').execute();
  await db.schema.createIndex('scans_job_idx').on('scans').column('job_id').execute();

  await db.schema
    .createTable('scan_datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scan_id', 'text', (c) => c.notNull().references('scans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('rows_scanned', 'integer', (c) => c.notNull())
    .addColumn('proposed_label', 'text', (c) => c.notNull())
    .addColumn('proposed_rule', 'text', (c) => c.notNull())
    .addColumn('reasons_json', 'text', (c) => c.notNull())
    .addColumn('columns_json', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('label_change', 'text')
    .addColumn('justification', 'text')
    .addColumn('asset_id', 'text', (c) => c.references('assets.id').onDelete('set null'))
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by_label', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('scan_datasets_scan_position_key', ['scan_id', 'position'])
    .execute();
  await db.schema.createIndex('scan_datasets_asset_idx').on('scan_datasets').column('asset_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scan_datasets').execute();
  await db.schema.dropTable('scans').execute();
}
