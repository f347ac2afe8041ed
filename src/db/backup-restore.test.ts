import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import { systemActor } from '../core/permissions.js';
import { inTransaction } from '../core/service-context.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { RegionService } from '../modules/org/region.service.js';
import { backupDatabase } from './backup.js';
import { restoreDatabase, type RestoreOptions } from './restore.js';
import { openDb, type Db } from './database.js';
import { migrateToLatest } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

const clock = fixedClock('2026-11-30T09:00:00.000Z');
const ctx = { actor: systemActor('test'), requestId: null };
const verifyChain: RestoreOptions['verifyChain'] = (db) => new AuditService({ db, clock }).verify(ctx);

let dir: string;
let dbPath: string;
let url: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-backup-'));
  dbPath = path.join(dir, 'custos.db');
  url = `sqlite:${dbPath}`;
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openWithRegions(codes: string[], file = url): Promise<Db> {
  const db = openDb(file);
  await migrateToLatest(db);
  const regions = new RegionService({ db, clock });
  for (const code of codes) await regions.create(ctx, { code, name: `Region ${code}` });
  return db;
}

/** Every row of every table, for comparing two database files. */
function snapshot(file: string): Record<string, unknown[]> {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, db.prepare(`select * from "${name}" order by 1`).all()]),
    );
  } finally {
    db.close();
  }
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function makeBackup(codes: string[] = ['EHOA']): Promise<string> {
  const db = await openWithRegions(codes);
  const file = path.join(dir, 'backup.db');
  await backupDatabase({ dbUrl: url, file });
  await db.close();
  return file;
}

describe('backupDatabase and restoreDatabase', () => {
  it('round-trips: the restore brings back exactly the data of the backup and keeps the replaced database', async () => {
    const db = await openWithRegions(['EHOA', 'MENA']);
    const backupFile = path.join(dir, 'backup.db');
    const reports: [number, number][] = [];
    // The database stays open, as under a running server.
    const backup = await backupDatabase({
      dbUrl: url,
      file: backupFile,
      onProgress: (done, total) => reports.push([done, total]),
    });
    const instance = await db.kysely
      .selectFrom('custos_meta')
      .select('value')
      .where('key', '=', 'custos_instance')
      .executeTakeFirstOrThrow();
    expect(backup).toMatchObject({ file: backupFile, instance: instance.value });
    expect(backup.bytes).toBe(fs.statSync(backupFile).size);
    expect(reports.at(-1)).toEqual([backup.pages, backup.pages]);
    expect(fs.existsSync(`${backupFile}-wal`)).toBe(false);
    const atBackup = snapshot(backupFile);

    await new RegionService({ db, clock }).create(ctx, { code: 'WCA', name: 'Later' });
    await db.close();

    const restored = await restoreDatabase({ dbUrl: url, file: backupFile, yes: true, clock, verifyChain });
    expect(restored).toMatchObject({
      database: dbPath,
      restored_from: backupFile,
      previous: `${dbPath}.before-restore-2026-11-30T09-00-00-000Z`,
      instance: instance.value,
      events_checked: 2,
      pending_migrations: [],
    });
    expect(snapshot(dbPath)).toEqual(atBackup);
    const previousRegions = snapshot(restored.previous!).regions as { code: string }[];
    expect(previousRegions.map((r) => r.code).sort()).toEqual(['EHOA', 'MENA', 'WCA']);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const reopened = openDb(url);
    await migrateToLatest(reopened);
    expect((await new AuditService({ db: reopened, clock }).verify(ctx)).ok).toBe(true);
    await reopened.close();
  });

  it('copies one consistent snapshot while the server keeps writing, without restarting', async () => {
    const db = await openWithRegions([]);
    const pad = 'x'.repeat(2000);
    const seedCtx = { db, clock };
    await inTransaction(seedCtx, ctx, async (_trx, audit) => {
      for (let i = 0; i < 1500; i += 1)
        await audit({ action: 'update', entityType: 'office', entityId: `o${i}`, after: { pad } });
    });
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await inTransaction(seedCtx, ctx, (_trx, audit) =>
          audit({ action: 'update', entityType: 'office', entityId: 'busy', after: { pad } }),
        );
        written += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const done: number[] = [];
    const file = path.join(dir, 'busy.db');
    const result = await backupDatabase({ dbUrl: url, file, onProgress: (d) => done.push(d) });
    writing = false;
    await writer;
    await db.close();

    expect(written).toBeGreaterThan(0);
    expect(result.pages).toBeGreaterThan(512);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const copy = openDb(`sqlite:${file}`);
    expect(await new AuditService({ db: copy, clock }).verify(ctx)).toMatchObject({ ok: true });
    await copy.close();
  });

  it('refuses to overwrite an existing backup file unless forced', async () => {
    const db = await openWithRegions(['EHOA']);
    const file = path.join(dir, 'backup.db');
    fs.writeFileSync(file, 'keep me');
    const error = await refusal(backupDatabase({ dbUrl: url, file }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('--force');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    await backupDatabase({ dbUrl: url, file, force: true });
    expect(snapshot(file).regions).toHaveLength(1);
    await db.close();
  });

  it('refuses a backup of a database file that does not exist, and a folder that does not exist', async () => {
    expect((await refusal(backupDatabase({ dbUrl: url, file: path.join(dir, 'b.db') }))).code).toBe(
      'not_found',
    );
    expect(fs.existsSync(dbPath)).toBe(false);
    const db = await openWithRegions([]);
    const missingFolder = path.join(dir, 'nope', 'b.db');
    expect((await refusal(backupDatabase({ dbUrl: url, file: missingFolder }))).code).toBe(
      'validation_failed',
    );
    await db.close();
  });

  it.each([
    [
      'backup',
      () => backupDatabase({ dbUrl: 'postgres://u@localhost/custos', file: '/tmp/x.db' }),
      'pg_dump',
    ],
    [
      'restore',
      () =>
        restoreDatabase({ dbUrl: 'postgresql://u@localhost/custos', file: '/tmp/x.db', clock, verifyChain }),
      'pg_restore',
    ],
    ['backup', () => backupDatabase({ dbUrl: 'sqlite::memory:', file: '/tmp/x.db' }), 'memory'],
  ])('%s refuses a database it cannot copy, saying what to use (%#)', async (_cmd, run, hint) => {
    const error = await refusal(run());
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain(hint);
  });

  it('asks for --yes before replacing an existing database, and needs none for a new one', async () => {
    const backupFile = await makeBackup();
    const before = sha(dbPath);
    const error = await refusal(restoreDatabase({ dbUrl: url, file: backupFile, clock, verifyChain }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('--yes');
    expect(sha(dbPath)).toBe(before);

    const fresh = path.join(dir, 'elsewhere', 'new.db');
    const result = await restoreDatabase({ dbUrl: `sqlite:${fresh}`, file: backupFile, clock, verifyChain });
    expect(result.previous).toBeNull();
    expect(snapshot(fresh).regions).toHaveLength(1);
  });

  it('refuses to replace a database another process has open', async () => {
    const backupFile = await makeBackup();
    const running = openDb(url);
    await running.kysely.selectFrom('regions').selectAll().execute();
    const error = await refusal(
      restoreDatabase({ dbUrl: url, file: backupFile, yes: true, clock, verifyChain }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('in use');
    expect(fs.readdirSync(dir).filter((f) => f.includes('before-restore') || f.endsWith('.tmp'))).toEqual([]);
    await running.close();
  });

  it('restores an older backup and reports the migrations still to apply', async () => {
    const backupFile = await makeBackup();
    // A backup made before the instance marker: that migration and every later one undone.
    const later = Object.keys(MIGRATIONS).filter((name) => name >= '20261130040000_instance_marker');
    const old = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new SqliteDatabase(backupFile) }),
    });
    for (const name of later.toReversed()) {
      await MIGRATIONS[name]!.down!(old);
      await sql`delete from kysely_migration where name = ${name}`.execute(old);
    }
    await old.destroy();
    const result = await restoreDatabase({ dbUrl: url, file: backupFile, yes: true, clock, verifyChain });
    expect(result).toMatchObject({ instance: null, pending_migrations: later });
    const db = openDb(url);
    expect((await migrateToLatest(db)).applied).toEqual(later);
    await db.close();
  });
});

describe('restoreDatabase refuses files that are not good Custos backups, changing nothing', () => {
  let backupFile: string;
  let before: string;

  beforeEach(async () => {
    backupFile = await makeBackup(['EHOA', 'MENA']);
    before = sha(dbPath);
  });

  async function expectRefused(file: string, code: string, reason: string | RegExp): Promise<AppError> {
    const listing = fs.readdirSync(dir).sort();
    const error = await refusal(restoreDatabase({ dbUrl: url, file, yes: true, clock, verifyChain }));
    expect(error.code).toBe(code);
    if (typeof reason === 'string') expect((error.details as { reason?: string }).reason).toBe(reason);
    else expect(error.message).toMatch(reason);
    expect(sha(dbPath)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
    return error;
  }

  it('a random file', async () => {
    const file = path.join(dir, 'random.bin');
    fs.writeFileSync(file, randomBytes(8192));
    const error = await expectRefused(file, 'import_invalid', 'not_sqlite');
    expect(error.message).toContain('not an SQLite database');
  });

  it('an SQLite file of another application', async () => {
    const file = path.join(dir, 'other.db');
    const other = new SqliteDatabase(file);
    other.exec('create table notes (id integer primary key, body text); insert into notes (body) values (1)');
    other.close();
    await expectRefused(file, 'import_invalid', 'not_custos');
  });

  it('a truncated backup', async () => {
    const file = path.join(dir, 'truncated.db');
    const bytes = fs.readFileSync(backupFile);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(file, 'import_invalid', 'truncated');
  });

  it('a backup whose pages were overwritten', async () => {
    const file = path.join(dir, 'damaged.db');
    const bytes = Buffer.from(fs.readFileSync(backupFile));
    randomBytes(bytes.length - 8192).copy(bytes, 8192);
    fs.writeFileSync(file, bytes);
    await expectRefused(file, 'import_invalid', 'corrupt');
  });

  it('a backup from a newer Custos', async () => {
    const db = new SqliteDatabase(backupFile);
    db.prepare(
      `insert into kysely_migration (name, timestamp) values ('29991231000000_future', '2999-12-31')`,
    ).run();
    db.close();
    const error = await expectRefused(backupFile, 'import_invalid', 'newer_schema');
    expect(error.message).toContain('29991231000000_future');
  });

  it('a Custos-shaped file without its instance marker', async () => {
    const db = new SqliteDatabase(backupFile);
    db.prepare(`delete from custos_meta where key = 'custos_instance'`).run();
    db.close();
    await expectRefused(backupFile, 'import_invalid', 'not_custos');
  });

  it('a backup whose audit trail was altered, naming the event', async () => {
    const db = new SqliteDatabase(backupFile);
    const second = db.prepare('select seq, id from audit_events order by seq limit 1 offset 1').get() as {
      seq: number;
      id: string;
    };
    db.prepare(`update audit_events set after_json = '{"forged":true}' where seq = ?`).run(second.seq);
    db.close();
    const error = await expectRefused(
      backupFile,
      'integrity_failed',
      new RegExp(`seq ${second.seq} \\(id ${second.id}\\)`),
    );
    expect(error.exitCode).toBe(9);
  });

  it('a file that does not exist', async () => {
    await expectRefused(path.join(dir, 'nope.db'), 'not_found', /nope\.db/);
  });
});
