import fs from 'node:fs';
import path from 'node:path';
import { isoNow, type Clock } from '../core/clock.js';
import { AppError, errors } from '../core/errors.js';
import { checkFileHeader, inspectCustosDatabase, notACustosBackup, withRawDb } from './custos-file.js';
import { openDb, type Db } from './database.js';
import {
  embeddedPath,
  fileHasContent,
  fsyncDir,
  fsyncFile,
  removeQuietly,
  samePath,
  siblingTemp,
} from './file-safety.js';
import { MIGRATIONS } from './migrations/index.js';

/*
 * Restore of the embedded SQLite database. It only ever replaces the database with a file it has
 * checked (SQLite, Custos, a schema this build knows, an intact audit chain), through a temporary
 * file and a rename, keeping the previous database beside it.
 */

/** The outcome of an audit chain check, as AuditService.verify reports it. */
export interface ChainCheck {
  ok: boolean;
  events_checked: number;
  first_break: { seq: number | null; id: string | null; reason: string } | null;
}

export interface RestoreOptions {
  dbUrl: string;
  file: string;
  /** Replace an existing database (it is kept as `<db>.before-restore-<timestamp>`). */
  yes?: boolean;
  clock: Clock;
  /** Checks the audit chain of the backup (opened as a database) before anything is replaced. */
  verifyChain: (db: Db) => Promise<ChainCheck>;
}

export interface RestoreResult {
  database: string;
  restored_from: string;
  previous: string | null;
  instance: string | null;
  events_checked: number;
  /** Migrations this build will apply to the restored database at its next start. */
  pending_migrations: string[];
}

export async function restoreDatabase(options: RestoreOptions): Promise<RestoreResult> {
  const target = embeddedPath(options.dbUrl, 'restore');
  const source = path.resolve(options.file);
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw errors.notFound('backup file', source);
  if (samePath(source, target)) {
    throw errors.validation('The backup file is the database itself', [{ path: 'file', message: source }]);
  }
  checkFileHeader(source);
  if (fileHasContent(`${source}-wal`)) {
    throw notACustosBackup(
      source,
      'in_use',
      `${source}-wal exists: the file is a live database; make a backup of it with "custos backup"`,
    );
  }
  const targetExists = fs.existsSync(target);
  if (targetExists && !options.yes) {
    throw errors.conflict(
      `The database ${target} exists; pass --yes to replace it (it is kept as ${path.basename(target)}.before-restore-<time>)`,
      { database: target },
    );
  }

  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = siblingTemp(target, 'restore');
  try {
    fs.copyFileSync(source, temp);
    const info = withRawDb(temp, (db) => inspectCustosDatabase(db, source));
    const checked = await verifyCopy(temp, options.verifyChain);
    fsyncFile(temp);

    const previous = targetExists ? keepPrevious(target, options.clock) : null;
    assertNotInUse(target);
    fs.renameSync(temp, target);
    fsyncDir(path.dirname(target));
    return {
      database: target,
      restored_from: source,
      previous,
      instance: info.instance,
      events_checked: checked.events_checked,
      pending_migrations: Object.keys(MIGRATIONS).filter((name) => !info.migrations.includes(name)),
    };
  } finally {
    removeQuietly(temp);
    removeQuietly(`${temp}-wal`);
    removeQuietly(`${temp}-shm`);
  }
}

async function verifyCopy(file: string, verifyChain: RestoreOptions['verifyChain']): Promise<ChainCheck> {
  const db = openDb(`sqlite:${file}`, { sqliteReaders: 0 });
  let result: ChainCheck;
  try {
    result = await verifyChain(db);
  } finally {
    await db.close();
  }
  if (!result.ok) {
    const at = result.first_break;
    const where = at?.seq != null ? `event seq ${at.seq} (id ${at.id})` : 'the end of the chain';
    throw new AppError(
      'integrity_failed',
      `The backup's audit trail is broken at ${where}: ${at?.reason ?? 'unknown'}; nothing was restored`,
      result,
    );
  }
  return result;
}

/** Keep the current database beside the new one; a hard link when possible, else a copy. */
function keepPrevious(target: string, clock: Clock): string {
  // Fold the WAL into the file first, so the kept copy is complete on its own.
  try {
    withRawDb(target, (db) => db.pragma('wal_checkpoint(TRUNCATE)'));
  } catch {
    // A damaged current database is still kept as it is; the restore is what repairs it.
  }
  assertNotInUse(target);
  const previous = `${target}.before-restore-${isoNow(clock).replace(/[:.]/g, '-')}`;
  if (fs.existsSync(previous)) throw errors.conflict(`${previous} already exists; try again`, { previous });
  try {
    fs.linkSync(target, previous);
  } catch {
    fs.copyFileSync(target, previous, fs.constants.COPYFILE_EXCL);
  }
  return previous;
}

/**
 * SQLite removes -wal and -shm when the last connection closes; if they are still there after
 * ours closed, another process (a running server) has the database open.
 */
function assertNotInUse(target: string): void {
  if (fs.existsSync(`${target}-wal`) || fs.existsSync(`${target}-shm`)) {
    throw errors.conflict(
      `The database ${target} is in use by another process (is "custos serve" running?); stop it and try again`,
      { database: target },
    );
  }
}
