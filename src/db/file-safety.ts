import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errors } from '../core/errors.js';
import { parseDbUrl } from './database.js';

/* File handling shared by backup and restore: nothing is written in place, everything is synced. */

/** The file behind a sqlite: URL; PostgreSQL and in-memory databases are refused, saying what to use. */
export function embeddedPath(dbUrl: string, command: 'backup' | 'restore'): string {
  const { dialect, target } = parseDbUrl(dbUrl);
  if (dialect === 'postgres') {
    const tool =
      command === 'backup'
        ? 'pg_dump (e.g. pg_dump --format=custom --file=custos.dump "$CUSTOS_DB")'
        : 'pg_restore (e.g. pg_restore --clean --dbname="$CUSTOS_DB" custos.dump)';
    throw errors.validation(
      `custos ${command} works on the embedded SQLite database only; for PostgreSQL use ${tool}`,
      [{ path: 'db', message: 'PostgreSQL database' }],
    );
  }
  if (target === ':memory:') {
    throw errors.validation(`custos ${command} needs a database file, not sqlite::memory:`, [
      { path: 'db', message: 'in-memory database' },
    ]);
  }
  return path.resolve(target);
}

/** A hidden temporary name beside `target`: on the same file system, so the final rename is atomic. */
export function siblingTemp(target: string, kind: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${kind}-${randomBytes(6).toString('hex')}.tmp`,
  );
}

/** Whether two paths name the same file, through symbolic links too. */
export function samePath(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}

/** Whether the file exists and is not empty. */
export function fileHasContent(file: string): boolean {
  return fs.existsSync(file) && fs.statSync(file).size > 0;
}

/** Flush a file to disk before it is renamed into place. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Make a rename durable; folders cannot be opened for syncing on every platform. */
export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows: directory handles cannot be synced; the rename itself is still atomic.
  }
}

export function removeQuietly(file: string): void {
  fs.rmSync(file, { force: true });
}
