import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDb, parseDbUrl } from './database.js';
import { migrateToLatest } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { describeEachDialect } from './testing/dialects.js';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

describe('migration files', () => {
  it('are all listed, in timestamp order, with timestamp names', () => {
    const files = fs
      .readdirSync(folder)
      .filter((f) => f !== 'index.ts' && f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(MIGRATIONS)).toEqual(files);
    for (const name of files) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });
});

describeEachDialect('migrations', ({ db }) => {
  it('are idempotent: a second run applies nothing', async () => {
    expect((await migrateToLatest(db())).applied).toEqual([]);
  });

  it('create the foundation tables', async () => {
    const row = await sql<{ n: number }>`select count(*) as n from regions`.execute(db().kysely);
    expect(Number(row.rows[0]?.n)).toBe(0);
  });
});

describe('database URLs', () => {
  it.each([
    ['sqlite:./data/custos.db', 'sqlite', './data/custos.db'],
    ['sqlite::memory:', 'sqlite', ':memory:'],
    ['postgres://u@h:5432/db', 'postgres', 'postgres://u@h:5432/db'],
    ['postgresql://u@h/db', 'postgres', 'postgresql://u@h/db'],
  ])('%s is %s', (url, dialect, target) => {
    expect(parseDbUrl(url)).toEqual({ dialect, target });
  });

  it.each(['mysql://x', 'sqlite:', 'custos.db'])('%s is refused with a clear message', (url) => {
    expect(() => parseDbUrl(url)).toThrow(/CUSTOS_DB|sqlite:/);
  });

  it('creates the folder of a new SQLite file', async () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'custos-db-'));
    const db = openDb(`sqlite:${dir}/nested/custos.db`);
    await migrateToLatest(db);
    await db.close();
    expect(fs.existsSync(`${dir}/nested/custos.db`)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
