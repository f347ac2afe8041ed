import {
  SqliteDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { Database as BetterSqlite, Statement } from 'better-sqlite3';
import type { ReadPool } from './read-pool.js';

/** The main connection as Kysely uses it (with a statement cache): better-sqlite3 statements. */
export interface SqliteStatements {
  close(): void;
  prepare(sql: string): Statement;
}

/*
 * Kysely's SQLite driver, but a read issued outside a transaction goes to the read pool instead of
 * waiting for the single main connection. Everything else runs on the main connection exactly as
 * before: writes, DDL, PRAGMA, and every statement of a transaction (which must see its own writes).
 *
 * Kysely's driver hands out the one main connection under a mutex. Here a caller gets a light
 * connection at once; it takes the main connection (and the mutex) only for its first statement that
 * needs it, and keeps it until Kysely releases the connection, so a transaction or a `connection()`
 * block still owns the main connection from its first write to its end.
 */
export class ReadRoutingSqliteDialect extends SqliteDialect {
  #sqlite: BetterSqlite;
  #pool: ReadPool;

  #statements: SqliteStatements;

  /**
   * `statements` is the main connection as Kysely uses it (with its statement cache), `sqlite` the same
   * connection, asked whether it is in a transaction.
   */
  constructor(statements: SqliteStatements, sqlite: BetterSqlite, pool: ReadPool) {
    super({ database: statements });
    this.#statements = statements;
    this.#sqlite = sqlite;
    this.#pool = pool;
  }

  override createDriver(): Driver {
    return new ReadRoutingDriver(super.createDriver(), this.#statements, this.#sqlite, this.#pool);
  }
}

class ReadRoutingDriver implements Driver {
  constructor(
    private readonly main: Driver,
    private readonly statements: SqliteStatements,
    private readonly sqlite: BetterSqlite,
    private readonly pool: ReadPool,
  ) {}

  init(): Promise<void> {
    return this.main.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(new RoutingConnection(this.main, this.statements, this.sqlite, this.pool));
  }

  // Kysely's own statements (begin, commit, savepoint, ...) go through `executeQuery` of the routing
  // connection, which sends them, as any non-read, to the main connection.
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.main.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.main.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.main.rollbackTransaction(connection);
  }

  savepoint(...args: Parameters<NonNullable<Driver['savepoint']>>): Promise<void> {
    return this.main.savepoint!(...args);
  }

  rollbackToSavepoint(...args: Parameters<NonNullable<Driver['rollbackToSavepoint']>>): Promise<void> {
    return this.main.rollbackToSavepoint!(...args);
  }

  releaseSavepoint(...args: Parameters<NonNullable<Driver['releaseSavepoint']>>): Promise<void> {
    return this.main.releaseSavepoint!(...args);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutingConnection).release();
  }

  async destroy(): Promise<void> {
    await this.pool.close();
    await this.main.destroy();
  }
}

class RoutingConnection implements DatabaseConnection {
  #held: Promise<DatabaseConnection> | null = null;

  constructor(
    private readonly driver: Driver,
    private readonly statements: SqliteStatements,
    private readonly sqlite: BetterSqlite,
    private readonly pool: ReadPool,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#toPool(compiled.sql)) {
      return { rows: (await this.pool.query(compiled.sql, compiled.parameters)) as R[] };
    }
    return (await this.#main()).executeQuery<R>(compiled);
  }

  async *streamQuery<R>(compiled: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    yield* (await this.#main()).streamQuery<R>(compiled, chunkSize);
  }

  async release(): Promise<void> {
    const held = this.#held;
    this.#held = null;
    if (held) await this.driver.releaseConnection(await held);
  }

  /**
   * A read is what SQLite itself says returns rows and changes nothing (`reader`, `readonly`), asked of
   * the main connection's cached statement (a map look-up once the query has run). PRAGMA is left out:
   * it may read or set the main connection's own state. Inside a transaction on the main connection
   * (Kysely's, or a raw `begin`), reads stay there to see its uncommitted writes.
   */
  #toPool(sql: string): boolean {
    if (this.#held && this.sqlite.inTransaction) return false;
    if (/^\s*pragma\b/i.test(sql)) return false;
    const statement = this.statements.prepare(sql);
    return statement.reader && statement.readonly && this.pool.available();
  }

  #main(): Promise<DatabaseConnection> {
    // The promise, not the connection, so two statements started together wait for one mutex turn.
    this.#held ??= this.driver.acquireConnection();
    return this.#held;
  }
}
