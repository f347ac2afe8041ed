import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { AppError } from '../core/errors.js';
import { MIGRATIONS } from './migrations/index.js';
import {
  INSTANCE_KEY,
  SCHEMA_FAMILY,
  SCHEMA_FAMILY_KEY,
} from './migrations/20261130040000_instance_marker.js';
import { checkSqliteHeader, SQLITE_HEADER_BYTES } from './sqlite-file.js';

/* Telling a Custos database this build can run from any other file. */

const FOUNDATION_MIGRATION = '20261130010000_foundation';
const MARKER_MIGRATION = '20261130040000_instance_marker';
const REQUIRED_TABLES = ['custos_meta', 'audit_events', 'kysely_migration'] as const;

/** What a file must be to be restored; anything else is refused with the reason. */
export interface CustosFileInfo {
  instance: string | null;
  migrations: string[];
}

/** Refuse, from its first bytes, a file that is not a complete SQLite database. */
export function checkFileHeader(file: string): void {
  const size = fs.statSync(file).size;
  const header = Buffer.alloc(SQLITE_HEADER_BYTES);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, SQLITE_HEADER_BYTES, 0);
  } finally {
    fs.closeSync(fd);
  }
  const check = checkSqliteHeader(header.subarray(0, Math.min(size, SQLITE_HEADER_BYTES)), size);
  if (!check.ok) throw notACustosBackup(file, check.problem, check.message);
}

/**
 * Is this open SQLite database a Custos database this build can run? Refuses corrupt files, files
 * of other applications, and files written by a newer Custos (unknown migrations).
 */
export function inspectCustosDatabase(db: SqliteDatabase.Database, label: string): CustosFileInfo {
  let quick: string;
  try {
    const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    quick = rows.map((r) => r.quick_check).join('; ');
  } catch (error) {
    throw notACustosBackup(label, 'corrupt', `it is damaged or truncated (${(error as Error).message})`);
  }
  if (quick !== 'ok') throw notACustosBackup(label, 'corrupt', `it is damaged: ${quick.slice(0, 300)}`);

  const tables = new Set(
    (db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map(
      (r) => r.name,
    ),
  );
  const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
  if (missing.length > 0) {
    throw notACustosBackup(
      label,
      'not_custos',
      `it is an SQLite file without Custos tables (${missing.join(', ')})`,
    );
  }
  const migrations = (
    db.prepare('select name from kysely_migration order by name').all() as { name: string }[]
  ).map((r) => r.name);
  if (!migrations.includes(FOUNDATION_MIGRATION)) {
    throw notACustosBackup(label, 'not_custos', 'its migration history is not that of Custos');
  }
  const unknown = migrations.filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0) {
    throw notACustosBackup(
      label,
      'newer_schema',
      `it was written by a newer Custos (unknown migrations: ${unknown.join(', ')}); upgrade Custos first`,
    );
  }
  const meta = new Map(
    (db.prepare('select key, value from custos_meta').all() as { key: string; value: string }[]).map((r) => [
      r.key,
      r.value,
    ]),
  );
  const family = meta.get(SCHEMA_FAMILY_KEY);
  const instance = meta.get(INSTANCE_KEY) ?? null;
  if (family !== undefined && family !== SCHEMA_FAMILY) {
    throw notACustosBackup(label, 'not_custos', `its schema family is "${family}", not "${SCHEMA_FAMILY}"`);
  }
  if (migrations.includes(MARKER_MIGRATION) && (family === undefined || instance === null)) {
    throw notACustosBackup(label, 'not_custos', 'its Custos instance marker is missing');
  }
  return { instance, migrations };
}

/** The refusal of a file given to restore: exit 8, with the reason as a stable code. */
export function notACustosBackup(file: string, reason: string, why: string): AppError {
  return new AppError('import_invalid', `${file} is not a Custos backup: ${why}; nothing was restored`, {
    file,
    reason,
    issues: [{ path: 'file', message: why }],
  });
}

/** Open a database file directly (not through Kysely) for checks, and always close it. */
export function withRawDb<T>(file: string, work: (db: SqliteDatabase.Database) => T): T {
  let db: SqliteDatabase.Database;
  try {
    db = new SqliteDatabase(file, { fileMustExist: true });
  } catch (error) {
    throw notACustosBackup(file, 'corrupt', `it cannot be opened (${(error as Error).message})`);
  }
  try {
    return work(db);
  } finally {
    db.close();
  }
}
