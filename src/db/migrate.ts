import { Migrator, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import { migrationTableSchema, withMigrationLock } from './dialect.js';
import { MIGRATIONS } from './migrations/index.js';

export interface MigrateResult {
  applied: string[];
}

/**
 * Bring the schema up to date. Kysely's migrator runs them in order inside a transaction, and
 * refuses when an applied migration is missing or out of order (a drifted deployment).
 */
export async function migrateToLatest(db: Db): Promise<MigrateResult> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableSchema: await migrationTableSchema(db.kysely, db.dialect),
  });
  const result: MigrationResultSet = await withMigrationLock(db.kysely, db.dialect, () =>
    migrator.migrateToLatest(),
  );
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return {
    applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}
