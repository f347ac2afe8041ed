import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from './database.js';
import type { Database } from './schema.js';

/** The only place where SQL differs between SQLite and PostgreSQL. */

const AUDIT_CHAIN_LOCK_KEY = 7_201_001;

/**
 * Serialise appends to the audit chain. SQLite already has a single writer (and Kysely's
 * SQLite driver one connection), so only PostgreSQL needs a transaction-scoped advisory lock. The key
 * is derived from the schema: each schema has its own chain, and instances (or test files) sharing one
 * database in separate schemas must not wait for each other.
 */
export async function lockAuditChain(trx: Transaction<Database>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtextextended(current_schema(), ${AUDIT_CHAIN_LOCK_KEY}))`.execute(
      trx,
    );
}

/** Serialise migrations across processes sharing one PostgreSQL. */
export async function withMigrationLock<T>(
  db: Kysely<Database>,
  dialect: DialectName,
  work: () => Promise<T>,
): Promise<T> {
  if (dialect !== 'postgres') return work();
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${AUDIT_CHAIN_LOCK_KEY + 1})`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${AUDIT_CHAIN_LOCK_KEY + 1})`.execute(conn);
    }
  });
}

/**
 * The schema unqualified names resolve to (PostgreSQL; SQLite has none). Kysely's migrator looks for
 * its bookkeeping tables in every schema unless told which one, so a second Custos (or test) schema
 * in the same database would make it skip creating its own.
 */
export async function currentSchema(db: Kysely<Database>, dialect: DialectName): Promise<string | undefined> {
  if (dialect !== 'postgres') return undefined;
  const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(db);
  return rows[0]?.name;
}

/**
 * Normalise text for portable case- and accent-insensitive search: SQLite's LIKE folds ASCII only,
 * so we store a folded copy (`search_text`) and fold the query the same way.
 */
export function foldForSearch(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Escape LIKE wildcards in user input; use with `escape '\'`. */
export function likeContains(query: string): string {
  return `%${foldForSearch(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema (migrations)
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-assigned integer key: SQLite's rowid alias, PostgreSQL's identity column. */
export function sequenceColumn(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema (migrations)
  db: Kysely<any>,
): ['integer', (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  return isPostgres(db)
    ? ['integer', (c) => c.primaryKey().generatedByDefaultAsIdentity()]
    : ['integer', (c) => c.primaryKey()];
}

/**
 * Lock the selected rows for this transaction and skip rows other transactions hold (PostgreSQL's
 * FOR UPDATE SKIP LOCKED, for job queues); SQLite has a single writer and needs nothing.
 */
export function skipLocked<Q extends { forUpdate(): Q; skipLocked(): Q }>(query: Q, dialect: DialectName): Q {
  return dialect === 'postgres' ? query.forUpdate().skipLocked() : query;
}
