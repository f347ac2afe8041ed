import type { Kysely } from 'kysely';

/*
 * Stored scans and compliance assessments are listed newest first, a page at a time after a
 * (created_at, id) cursor (scans.repository.ts, compliance.repository.ts): an index in that order
 * lets each page start where the last ended instead of sorting every row. Never edit after landing.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('scans_created_idx').on('scans').columns(['created_at', 'id']).execute();
  await db.schema
    .createIndex('compliance_assessments_created_idx')
    .on('compliance_assessments')
    .columns(['created_at', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('compliance_assessments_created_idx').execute();
  await db.schema.dropIndex('scans_created_idx').execute();
}
