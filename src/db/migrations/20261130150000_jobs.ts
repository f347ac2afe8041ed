import type { Kysely } from 'kysely';

/*
 * Generic background jobs (scans today, imports later): queued by a service, claimed by any Custos
 * process's runner, with progress, result and cancellation. Never edit after landing: add a new file.
 *
 * params_json and result_json are JSON text owned by the job's kind. heartbeat_at is refreshed while a
 * job runs; a running job whose heartbeat stopped (its process died) is marked failed by the next runner.
 * A job whose inputs sit on one process's disk (uploads) names that process in runner_id.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress_done', 'integer', (c) => c.notNull())
    .addColumn('progress_total', 'integer')
    .addColumn('progress_message', 'text')
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text')
    .addColumn('error', 'text')
    .addColumn('cancel_requested', 'integer', (c) => c.notNull())
    .addColumn('runner_id', 'text') // null: any runner may claim it; else only that process's (local files)
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.references('offices.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('heartbeat_at', 'text')
    .execute();
  // The runner's claim (oldest queued first) and the stale check.
  await db.schema
    .createIndex('jobs_status_created_idx')
    .on('jobs')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema.createIndex('jobs_created_by_idx').on('jobs').column('created_by').execute();
  await db.schema.createIndex('jobs_office_idx').on('jobs').column('office_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
