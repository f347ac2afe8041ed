import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.js';
import { prepareRepeatedStatements } from './pg-statements.js';
import { ReadPool } from './read-pool.js';
import { ReadRoutingSqliteDialect, type SqliteStatements } from './read-routing-driver.js';

// count(*) and bigint columns arrive as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (value: string) => Number(value));

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** For the embedded database only: the file path (or ':memory:'). */
  sqlitePath: string | null;
  /**
   * SQLite files: starts the read workers and resolves once they can answer (until then reads run on
   * the main connection). For tests and benchmarks; the pool otherwise starts with the first read.
   */
  readersReady?(): Promise<void>;
  close(): Promise<void>;
}

export interface DbUrl {
  dialect: DialectName;
  target: string;
}

/** `sqlite:PATH`, `sqlite::memory:`, or a `postgres://` / `postgresql://` URL. */
export function parseDbUrl(url: string): DbUrl {
  if (url.startsWith('sqlite:')) {
    const target = url.slice('sqlite:'.length);
    if (!target) throw new Error('CUSTOS_DB "sqlite:" needs a file path, e.g. sqlite:./data/custos.db');
    return { dialect: 'sqlite', target };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://'))
    return { dialect: 'postgres', target: url };
  throw new Error(`CUSTOS_DB must start with sqlite: or postgres:// (got "${url.split(':')[0]}:")`);
}

export interface OpenDbOptions {
  /** PostgreSQL: run every query in this schema (used by tests for isolation). */
  searchPath?: string;
  poolSize?: number;
  /**
   * SQLite file databases: how many worker threads read beside the main connection (0: none).
   * Default `CUSTOS_SQLITE_READERS`, else min(2, available cores). Never for ':memory:', which only
   * the main connection can see.
   */
  sqliteReaders?: number;
}

/** Connection settings every SQLite connection gets, the read-only ones in the read pool included. */
const SQLITE_SHARED_PRAGMAS = [
  'busy_timeout = 5000',
  // Reads served from memory-mapped pages and a 64 MiB page cache (the default is 2 MiB), so a
  // search walking an index does not copy every page it visits through a read() call.
  'cache_size = -65536',
  'mmap_size = 268435456',
];

export function openDb(url: string, options: OpenDbOptions = {}): Db {
  const { dialect, target } = parseDbUrl(url);
  if (dialect === 'sqlite') {
    if (target !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    const sqlite = new SqliteDatabase(target);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    for (const pragma of SQLITE_SHARED_PRAGMAS) sqlite.pragma(pragma);
    // The pool's workers start with the first read (see ReadPool.available), and `kysely.destroy()`
    // stops them.
    const pool = new ReadPool({
      file: target,
      size: target === ':memory:' ? 0 : (options.sqliteReaders ?? defaultSqliteReaders()),
      pragmas: SQLITE_SHARED_PRAGMAS,
      statementCacheSize: STATEMENT_CACHE_SIZE,
    });
    const kysely = new Kysely<Database>({
      dialect: new ReadRoutingSqliteDialect(withStatementCache(sqlite), sqlite, pool),
    });
    return {
      kysely,
      dialect,
      sqlitePath: target,
      readersReady: () => pool.whenReady(),
      close: () => kysely.destroy(),
    };
  }
  const pool = new pg.Pool({
    connectionString: target,
    max: options.poolSize ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  pool.on('connect', prepareRepeatedStatements);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect, sqlitePath: null, close: () => kysely.destroy() };
}

function defaultSqliteReaders(): number {
  const configured = process.env.CUSTOS_SQLITE_READERS;
  if (configured !== undefined && configured !== '') {
    const size = Number(configured);
    if (!Number.isInteger(size) || size < 0)
      throw new Error(`CUSTOS_SQLITE_READERS must be a whole number ≥ 0`);
    return size;
  }
  return Math.min(2, os.availableParallelism());
}

/** How many prepared statements a SQLite connection keeps (the queries a process runs again and again). */
const STATEMENT_CACHE_SIZE = 256;

/**
 * The connection as Kysely uses it, but preparing each SQL text once: the same list or search query,
 * run for every request, skips SQLite's parser and planner. Kysely runs one query at a time on the
 * connection, so a cached statement is never in use twice at once (the read router only looks at a
 * statement's flags). Least recently used first out.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteStatements {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}
