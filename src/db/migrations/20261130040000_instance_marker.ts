import type { Kysely } from 'kysely';
import { newId } from '../../core/ids.js';

/*
 * Mark the database as a Custos database with an identity of its own, so `custos restore` can tell
 * a Custos backup from any other SQLite file. Never edit after landing: add a new file.
 */

export const INSTANCE_KEY = 'custos_instance';
export const SCHEMA_FAMILY_KEY = 'schema_family';
export const SCHEMA_FAMILY = 'custos';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('custos_meta')
    .values([
      { key: INSTANCE_KEY, value: newId() },
      { key: SCHEMA_FAMILY_KEY, value: SCHEMA_FAMILY },
    ])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('custos_meta').where('key', 'in', [INSTANCE_KEY, SCHEMA_FAMILY_KEY]).execute();
}
