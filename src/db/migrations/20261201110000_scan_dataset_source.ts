import type { Kysely } from 'kysely';

/*
 * `custos scan --register` links each dataset to the asset an earlier scan of the same source was
 * linked to: an index on the source keeps that look-up from reading every stored dataset. Never edit
 * after landing.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('scan_datasets_source_idx')
    .on('scan_datasets')
    .columns(['source', 'created_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('scan_datasets_source_idx').execute();
}
