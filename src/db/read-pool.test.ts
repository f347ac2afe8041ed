import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../app/config.js';
import { createServices, type Services } from '../app/services.js';
import { systemClock } from '../core/clock.js';
import { seedCtx, addAsset, seedInventoryWorld } from '../modules/inventory/testing/inventory-world.js';
import { openDb, type Db } from './database.js';
import { migrateToLatest } from './migrate.js';
import { endWorker, ReadPool } from './read-pool.js';

/*
 * The read pool on a real database file: `pooled` reads through worker threads, `direct` (the same
 * file, no workers) reads as before; the answers must be the same, down to the value types.
 */
describe('SQLite read pool', () => {
  let dir: string;
  let pooled: Db;
  let direct: Db;
  let services: Services;
  let directServices: Services;
  const poolQueries = vi.spyOn(ReadPool.prototype, 'query');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-read-pool-'));
    const file = path.join(dir, 'custos.db');
    pooled = openDb(`sqlite:${file}`, { sqliteReaders: 2 });
    await migrateToLatest(pooled);
    direct = openDb(`sqlite:${file}`, { sqliteReaders: 0 });
    const config = loadConfig({ db: `sqlite:${file}` }, {});
    services = createServices(pooled, systemClock, config);
    directServices = createServices(direct, systemClock, config);
    const world = await seedInventoryWorld(services, 'RP');
    const system = await addAsset(services, {
      name: 'PRIMA case management',
      asset_type: 'application',
      office_id: world.offices.kenya.id,
      data_owner_id: world.staff.kenyaOwner.id,
      sensitivity_label: 'Confidential',
    });
    for (let i = 0; i < 30; i += 1) {
      await addAsset(services, {
        name: `Health survey ${i} Bogotá`,
        description: i % 2 ? 'Household data' : null,
        asset_type: 'dataset',
        office_id: (i % 3 ? world.offices.kenya : world.offices.ethiopia).id,
        system_id: i % 4 ? system.id : null,
        tags: i % 5 ? ['cash', `t${i}`] : [],
        sensitivity_label: i % 2 ? 'Confidential' : 'Public',
        personal_data: i % 3 === 0,
      });
    }
    await sql`create table pool_types (i integer, big integer, r real, t text, j text, b blob, n text)`.execute(
      pooled.kysely,
    );
    await sql`insert into pool_types values
      (1, 9007199254740991, 0.1, 'García', '{"a":[1,2]}', x'00ff10', null),
      (-7, -42, 1e300, '', '[]', x'', null)`.execute(pooled.kysely);
    await pooled.readersReady!();
  });

  afterAll(async () => {
    await pooled.close();
    await direct.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => poolQueries.mockClear());

  const ctx = seedCtx;
  it.each<[string, (s: Services) => Promise<unknown>]>([
    ['first page of assets', (s) => s.assets.list(ctx, { limit: 50 })],
    ['a search by word', (s) => s.assets.list(ctx, { q: 'survey', limit: 10 })],
    ['a search by prefix and accent', (s) => s.assets.list(ctx, { q: 'bogo hea', limit: 50 })],
    [
      'a filtered search, newest first',
      (s) => s.assets.list(ctx, { q: 'cash', sort: '-updated_at', limit: 5 }),
    ],
    [
      'filters only',
      (s) => s.assets.list(ctx, { personal_data: 'true', sensitivity_label: 'Public', limit: 50 }),
    ],
    ['no match', (s) => s.assets.list(ctx, { q: 'zeppelin', limit: 50 })],
    ['offices', (s) => s.offices.list(ctx, { sort: 'code', limit: 500 })],
  ])('answers %s as the main connection does, from the workers', async (_name, read) => {
    const fromMain = await read(directServices);
    expect(poolQueries).not.toHaveBeenCalled();
    const fromPool = await read(services);
    expect(poolQueries).toHaveBeenCalled();
    expect(fromPool).toStrictEqual(fromMain);
  });

  it('gives the same values and types: integers, reals, text, JSON text, BLOBs as Buffers, nulls', async () => {
    const query = (db: Db) =>
      sql`select *, count(*) over () as total from pool_types order by i`.execute(db.kysely);
    const fromPool = await query(pooled);
    expect(poolQueries).toHaveBeenCalledTimes(1);
    expect(fromPool).toStrictEqual(await query(direct));
    const [, second] = fromPool.rows as { b: unknown; big: unknown }[];
    expect(Buffer.isBuffer(second!.b)).toBe(true);
    expect(second!.b).toEqual(Buffer.from([0, 255, 16]));
    expect(second!.big).toBe(9007199254740991);
  });

  it('binds Buffer parameters in the workers', async () => {
    const rows = await pooled.kysely
      .selectFrom('pool_types' as never)
      .select(sql<number>`i`.as('i'))
      .where(sql<boolean>`b = ${Buffer.from([0, 255, 16])}`)
      .execute();
    expect(poolQueries).toHaveBeenCalledTimes(1);
    expect(rows).toEqual([{ i: 1 }]);
  });

  it('sees every commit that finished before the read was sent', async () => {
    await sql`create table pool_seen (n integer primary key)`.execute(pooled.kysely);
    for (let n = 1; n <= 300; n += 1) {
      if (n % 2) await sql`insert into pool_seen values (${n})`.execute(pooled.kysely);
      else
        await pooled.kysely
          .transaction()
          .execute((trx) => sql`insert into pool_seen values (${n})`.execute(trx));
      const { rows } = await sql<{ last: number }>`select max(n) as last from pool_seen`.execute(
        pooled.kysely,
      );
      expect(rows[0]!.last).toBe(n);
    }
    expect(poolQueries).toHaveBeenCalledTimes(300);
  });

  it('keeps reads inside a transaction on the main connection, and others off it meanwhile', async () => {
    await sql`create table pool_trx (n integer)`.execute(pooled.kysely);
    const count = (db: Db['kysely']) => sql<{ c: number }>`select count(*) as c from pool_trx`.execute(db);
    await pooled.kysely.transaction().execute(async (trx) => {
      await sql`insert into pool_trx values (1)`.execute(trx);
      expect((await count(trx)).rows[0]!.c).toBe(1);
      expect(poolQueries).not.toHaveBeenCalled();
      // Outside the transaction, and not waiting for it (on one connection this would never return).
      expect((await count(pooled.kysely)).rows[0]!.c).toBe(0);
      expect(poolQueries).toHaveBeenCalledTimes(1);
    });
    expect((await count(pooled.kysely)).rows[0]!.c).toBe(1);
  });

  it('fails a bad read with the error the main connection gives, and keeps answering', async () => {
    const bad = (db: Db) => sql`select no_such_column from pool_types`.execute(db.kysely);
    const fromMain = await bad(direct).catch((error: unknown) => error);
    // The main connection prepares the statement to tell a read from a write, so a query SQLite cannot
    // compile fails there; a failure while running is the worker's.
    const fromPoolPrepare = await bad(pooled).catch((error: unknown) => error);
    expect(fromPoolPrepare).toStrictEqual(fromMain);
    const failing = (db: Db) => sql`select json_extract(t, '$.a') from pool_types`.execute(db.kysely);
    const runMain = await failing(direct).catch((error: unknown) => error);
    const runPool = await failing(pooled).catch((error: unknown) => error);
    expect(poolQueries).toHaveBeenCalledTimes(1);
    expect(runPool).toBeInstanceOf(Error);
    expect(runPool).toMatchObject({
      name: 'SqliteError',
      code: 'SQLITE_ERROR',
      message: (runMain as Error).message,
    });
    expect(runPool).toStrictEqual(runMain);
    const { rows } = await sql`select count(*) as c from pool_types`.execute(pooled.kysely);
    expect(rows).toEqual([{ c: 2 }]);
  });

  it('leaves writes, PRAGMA and statements returning rows of a write on the main connection', async () => {
    await sql`insert into pool_types (i) values (3)`.execute(pooled.kysely);
    await sql`pragma foreign_keys`.execute(pooled.kysely);
    const { rows } = await sql`delete from pool_types where i = 3 returning i`.execute(pooled.kysely);
    expect(rows).toEqual([{ i: 3 }]);
    expect(poolQueries).not.toHaveBeenCalled();
  });

  it('keeps a constraint error code from writes (the 409 mapping)', async () => {
    await sql`create table pool_unique (k text unique)`.execute(pooled.kysely);
    await sql`insert into pool_unique values ('a')`.execute(pooled.kysely);
    await expect(sql`insert into pool_unique values ('a')`.execute(pooled.kysely)).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
  });
});

describe('SQLite read pool lifecycle', () => {
  it('never runs for an in-memory database', async () => {
    const poolQueries = vi.spyOn(ReadPool.prototype, 'query');
    const db = openDb('sqlite::memory:', { sqliteReaders: 2 });
    try {
      await migrateToLatest(db);
      await db.readersReady!();
      await sql`select 1`.execute(db.kysely);
      expect(poolQueries).not.toHaveBeenCalled();
    } finally {
      poolQueries.mockRestore();
      await db.close();
    }
  });

  it('stops its workers on close, and refuses reads afterwards', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-read-pool-'));
    try {
      const db = openDb(`sqlite:${path.join(dir, 'c.db')}`, { sqliteReaders: 1 });
      await db.readersReady!();
      expect((await sql`select 41 + 1 as n`.execute(db.kysely)).rows).toEqual([{ n: 42 }]);
      await db.close();
      await expect(sql`select 1`.execute(db.kysely)).rejects.toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves reads on the main connection when the workers cannot open the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-read-pool-'));
    const pool = new ReadPool({
      file: path.join(dir, 'missing.db'),
      size: 2,
      pragmas: [],
      statementCacheSize: 4,
    });
    try {
      await pool.whenReady();
      expect(pool.available()).toBe(false);
      await expect(pool.query('select 1', [])).rejects.toThrow(/No SQLite read worker/);
    } finally {
      await pool.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite read pool shutdown', () => {
  let dir: string;
  let file: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-read-pool-'));
    file = path.join(dir, 'c.db');
    const db = openDb(`sqlite:${file}`, { sqliteReaders: 0 });
    return db.close();
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const open = () => new ReadPool({ file, size: 2, pragmas: [], statementCacheSize: 4 });

  it('lets each worker close its connection and end, without terminating it', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    try {
      const pool = open();
      await pool.whenReady();
      const reads = Promise.allSettled(
        Array.from({ length: 6 }, (_, n) => pool.query('select ? + 1 as n', [n])),
      );
      // A grace period no loaded machine reaches: the workers must end by themselves.
      await pool.close(60_000);
      for (const read of await reads) {
        // Each read either answered before the close or failed with it; none is left waiting.
        if (read.status === 'rejected') expect(read.reason).toEqual(new Error('The database is closed'));
      }
      expect(terminate).not.toHaveBeenCalled();
    } finally {
      terminate.mockRestore();
    }
  });

  /** A stand-in worker: `ends` says whether it ends when asked to close. */
  const fakeWorker = (ends: boolean) => {
    const events = new EventEmitter();
    const worker = {
      once: events.once.bind(events),
      ref: vi.fn(),
      postMessage: vi.fn(() => {
        if (ends) setImmediate(() => events.emit('exit', 0));
      }),
      terminate: vi.fn(() => {
        events.emit('exit', 1);
        return Promise.resolve(1);
      }),
    };
    return worker as unknown as Worker & typeof worker;
  };

  it.each([
    ['ends by itself when asked', true, 0],
    ['is terminated when still busy at the end of the grace period', false, 1],
  ])('a worker that %s', async (_name, ends, terminations) => {
    const worker = fakeWorker(ends);
    await endWorker(worker, ends ? 60_000 : 10);
    expect(worker.postMessage).toHaveBeenCalledWith({ close: true });
    expect(worker.terminate).toHaveBeenCalledTimes(terminations);
  });
});
