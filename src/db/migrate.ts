import { Migrator, sql, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import { currentSchema, withMigrationLock } from './dialect.js';
import { MIGRATIONS } from './migrations/index.js';

export interface MigrateResult {
  applied: string[];
}

/**
 * Bring the schema up to date. Kysely's migrator runs them in order inside a transaction, and
 * refuses when an applied migration is missing or out of order (a drifted deployment).
 */
export async function migrateToLatest(db: Db): Promise<MigrateResult> {
  // Every start and CLI call migrates: answer from our own table when nothing is pending, without
  // Kysely's introspection of every schema in the database.
  if (await isUpToDate(db)) return { applied: [] };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runMigrator(db);
    } catch (error) {
      // Kysely lists the tables of every schema before it starts; a schema dropped meanwhile by
      // someone else (parallel test runs sharing one PostgreSQL) fails that listing. Try again.
      if (attempt >= 3 || !isForeignSchemaRace(error)) throw error;
    }
  }
}

async function runMigrator(db: Db): Promise<MigrateResult> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => MIGRATIONS },
    // Kysely looks for its migration tables in every schema unless told which one: a second
    // Custos schema in the same PostgreSQL database (or a parallel test schema) would make it
    // skip creating its own tables and fail. Pin them to the schema the connection works in.
    migrationTableSchema: await currentSchema(db.kysely, db.dialect),
  });
  const result: MigrationResultSet = await withMigrationLock(db.kysely, db.dialect, () =>
    migrator.migrateToLatest(),
  );
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`, { cause: result.error });
  }
  return {
    applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}

async function isUpToDate(db: Db): Promise<boolean> {
  let applied: string[];
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db.kysely);
    applied = rows.map((r) => r.name);
  } catch {
    return false; // a new database: no migration table yet
  }
  const known = Object.keys(MIGRATIONS);
  return applied.length === known.length && known.every((name) => applied.includes(name));
}

function isForeignSchemaRace(error: unknown): boolean {
  const text = `${String(error)} ${String((error as { cause?: unknown })?.cause ?? '')}`;
  return /schema "[^"]+" does not exist|relation "[^"]+" does not exist|cache lookup failed/.test(text);
}
