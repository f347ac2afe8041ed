import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { errors } from '../core/errors.js';
import type { ProgressCallback } from '../core/progress.js';
import { withRawDb } from './custos-file.js';
import { embeddedPath, fsyncDir, fsyncFile, removeQuietly, samePath, siblingTemp } from './file-safety.js';
import { INSTANCE_KEY } from './migrations/20261130040000_instance_marker.js';

/*
 * Backup of the embedded SQLite database: a consistent single-file copy made with SQLite's online
 * backup API, so the server may keep running. PostgreSQL has pg_dump.
 */

/** Pages copied per step of the online backup; between steps the server can keep writing. */
const PAGES_PER_STEP = 256;

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
  instance: string | null;
}

export interface BackupOptions {
  /** CUSTOS_DB: must be a sqlite: URL. */
  dbUrl: string;
  file: string;
  force?: boolean;
  onProgress?: ProgressCallback;
}

export async function backupDatabase(options: BackupOptions): Promise<BackupResult> {
  const source = embeddedPath(options.dbUrl, 'backup');
  const target = path.resolve(options.file);
  if (!fs.existsSync(source)) throw errors.notFound('database file', source);
  if (samePath(source, target)) {
    throw errors.validation('The backup file must not be the database itself', [
      { path: 'file', message: target },
    ]);
  }
  if (!fs.existsSync(path.dirname(target))) {
    throw errors.validation(`The folder ${path.dirname(target)} does not exist`, [
      { path: 'file', message: 'folder not found' },
    ]);
  }
  if (fs.existsSync(target) && !options.force) {
    throw errors.conflict(`${target} already exists; pass --force to overwrite it`, { file: target });
  }

  const temp = siblingTemp(target, 'partial');
  try {
    const db = new SqliteDatabase(source, { fileMustExist: true });
    let pages: number;
    try {
      // Hold one read transaction across all steps: the copy is then one consistent snapshot,
      // and writes by a running server (WAL) no longer restart the backup from the first page.
      db.prepare('begin').run();
      db.prepare('select count(*) from sqlite_master').get();
      const done = await db.backup(temp, {
        progress: ({ totalPages, remainingPages }) => {
          options.onProgress?.(totalPages - remainingPages, totalPages);
          return PAGES_PER_STEP;
        },
      });
      pages = done.totalPages;
      options.onProgress?.(pages, pages);
    } finally {
      if (db.inTransaction) db.prepare('rollback').run();
      db.close();
    }
    const instance = finishBackupFile(temp);
    fsyncFile(temp);
    fs.renameSync(temp, target);
    fsyncDir(path.dirname(target));
    return { file: target, bytes: fs.statSync(target).size, pages, instance };
  } finally {
    removeQuietly(temp);
  }
}

/** The backup as a self-contained file (no -wal beside it) and the instance it came from. */
function finishBackupFile(file: string): string | null {
  return withRawDb(file, (db) => {
    db.pragma('journal_mode = DELETE');
    const hasMeta = db
      .prepare(`select 1 from sqlite_master where type = 'table' and name = 'custos_meta'`)
      .get();
    if (!hasMeta) return null;
    const row = db.prepare('select value from custos_meta where key = ?').get(INSTANCE_KEY) as
      { value: string } | undefined;
    return row?.value ?? null;
  });
}
