import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDb, type Db, type DialectName } from '../database.js';
import { migrateToLatest } from '../migrate.js';

export interface DialectContext {
  dialect: DialectName;
  /** The migrated database for this describe block (fresh per block). */
  db(): Db;
}

/**
 * Run a suite against SQLite (in memory) and PostgreSQL (a fresh schema, dropped afterwards).
 * This is how every repository and service test proves the same code works on both dialects.
 */
export function describeEachDialect(name: string, body: (ctx: DialectContext) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const pgUrl = inject('pgUrl');
    const run = dialect === 'sqlite' || pgUrl !== null;
    (run ? describe : describe.skip)(`${name} [${dialect}]`, () => {
      let db: Db | undefined;
      beforeAll(async () => {
        db = await openTestDb(dialect, pgUrl);
      });
      afterAll(async () => {
        await db?.close();
      });
      body({
        dialect,
        db: () => {
          if (!db) throw new Error('database not ready: call db() inside a test or hook');
          return db;
        },
      });
    });
  }
}

/** A migrated, empty database of the given dialect; for PostgreSQL `close()` drops its schema. */
export async function openTestDb(dialect: DialectName, pgUrl: string | null = inject('pgUrl')): Promise<Db> {
  if (dialect === 'sqlite') {
    const db = openDb('sqlite::memory:');
    await migrateToLatest(db);
    return db;
  }
  if (!pgUrl) throw new Error('PostgreSQL is not available for this test run');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(pgUrl, `create schema ${schema}`);
  const db = openDb(pgUrl, { searchPath: schema, poolSize: 4 });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.close();
    await adminQuery(pgUrl, `drop schema if exists ${schema} cascade`);
    throw error;
  }
  return {
    ...db,
    close: async () => {
      await db.close();
      await adminQuery(pgUrl, `drop schema if exists ${schema} cascade`);
    },
  };
}

async function adminQuery(pgUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
