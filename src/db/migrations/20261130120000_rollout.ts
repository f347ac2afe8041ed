import type { Kysely } from 'kysely';

/*
 * The regional roll-out of the inventory: waves per region, and each office's onboarding status.
 * Never edit after landing: add a new file.
 *
 * An office without an office_onboarding row has not started and belongs to no wave. Deleting an
 * office or a region takes its roll-out rows with it (a region can only be deleted once it has no
 * offices); a wave that offices still belong to cannot be deleted (the service answers 409).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rollout_waves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('planned_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('notes', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rollout_waves_region_number_key', ['region_id', 'number'])
    .execute();

  await db.schema
    .createTable('office_onboarding')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().unique().references('offices.id').onDelete('cascade'))
    .addColumn('wave_id', 'text', (c) => c.references('rollout_waves.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('focal_point_id', 'text', (c) => c.references('people.id'))
    .addColumn('target_date', 'text')
    .addColumn('actual_date', 'text')
    .addColumn('notes', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The foreign keys checked when a wave or a person is deleted, and the wave filter.
  await db.schema
    .createIndex('office_onboarding_wave_idx')
    .on('office_onboarding')
    .column('wave_id')
    .execute();
  await db.schema
    .createIndex('office_onboarding_focal_point_idx')
    .on('office_onboarding')
    .column('focal_point_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('office_onboarding').execute();
  await db.schema.dropTable('rollout_waves').execute();
}
