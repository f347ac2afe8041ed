import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { foldForSearch, isPostgres } from './dialect.js';
import type { Database } from './schema.js';

/*
 * Full-text search: the only place where its SQL differs between SQLite and PostgreSQL.
 *
 * Both dialects index the same words: a record's `search_text` column holds its searchable text folded
 * (lower case, accents removed) and cut into words by `searchDocument`, one space apart. A query is cut
 * the same way by `searchTerms`; a record matches when it has, for every query word, a word starting
 * with it ("garc sur" finds "García household survey").
 *
 * - SQLite: a contentless FTS5 table (`<table>_fts`, rowid = the record's integer `seq`) that the
 *   repository keeps in step in the same transaction as every write (`indexNewDocuments` after an
 *   insert, `reindexDocuments` after a change of search_text, `unindexDocuments` before a delete). No
 *   triggers: what keeps the index true is visible in the code that writes.
 * - PostgreSQL: a GIN index on the generated column `search_vector`
 *   (`array_to_tsvector(string_to_array(search_text, ' '))`), kept by PostgreSQL itself. The words are
 *   used as lexemes as they are (no text-search parser or dictionary), so both dialects agree on what a
 *   word is. Tables with such a column must select their columns by name.
 */

/** A table with a full-text index created by its migration. */
export interface FullTextTable {
  /**
   * The table searched; it has `id` (text), `seq` (integer) and `search_text` columns, and on
   * PostgreSQL `search_vector`.
   */
  table: 'assets';
  /** SQLite: the FTS5 table of that migration. */
  ftsTable: string;
}

export const ASSET_SEARCH: FullTextTable = { table: 'assets', ftsTable: 'assets_fts' };

/** Words: letters, digits and combining marks (Unicode), as FTS5's unicode61 tokenizer is configured. */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/** At most this many words of a query are used: enough for any real search, bounded cost. */
const MAX_TERMS = 12;

function words(text: string): string[] {
  return foldForSearch(text).match(WORD) ?? [];
}

/** What to store in `search_text`: the folded words of every part, one space apart, each word once. */
export function searchDocument(...parts: (string | null | undefined)[]): string {
  return [...new Set(parts.flatMap((part) => (part ? words(part) : [])))].join(' ');
}

/** The words of a query, folded; an empty list when it has none (punctuation only): no condition. */
export function searchTerms(query: string): string[] {
  return [...new Set(words(query))].slice(0, MAX_TERMS);
}

/**
 * Up to this many matches, a search fetches the matching records by key and sorts them; beyond, it
 * walks the index of the sort order and keeps the matching records (see `fullTextSearch`).
 */
export const FEW_MATCHES = 1000;

/** How a query finds the records matching a search. */
export interface FullTextMatch {
  condition: Expression<SqlBool>;
  /**
   * At most FEW_MATCHES records match, and `condition` names them by key: read them, then sort them
   * (in a subquery of their own, so the database does not walk the sort index instead).
   */
  few: boolean;
}

/**
 * The condition "this record has every term as a word prefix" on `spec.table`, or null when no record
 * matches. Sorted pages have two good plans, each slow where the other is fast:
 * - few matches (a rare word): look the matching records up by key, then sort them;
 * - many matches (a common word): walk the sort order's index and keep the matching records until the
 *   page is full. Looking up and sorting 10,000 matches would take tens of milliseconds, and walking
 *   the whole index to find no match as long.
 * Neither database can tell which applies: SQLite keeps no statistics on the words, and PostgreSQL
 * guesses 0.5% of the rows for any word prefix it has no statistics on. So a first query reads up to
 * FEW_MATCHES + 1 keys from the full-text index. On PostgreSQL the search words also sit in the sort
 * indexes (see the migration), so the walk never reads the table. Records written between the two
 * queries may be missed or kept: a search is a moment's view anyway.
 */
export async function fullTextSearch(
  db: Kysely<Database>,
  spec: FullTextTable,
  terms: readonly string[],
): Promise<FullTextMatch | null> {
  if (!isPostgres(db)) {
    // SQLite counts the matches first: handing 1,000 keys over only to learn there are more costs as
    // much as the page itself. The keys are read only when few, as a list the planner sees the length
    // of (with a subquery instead, it may walk a filter's index rather than look the few keys up).
    const found = await countMatches(db, spec, terms, FEW_MATCHES + 1);
    if (found === 0) return null;
    if (found > FEW_MATCHES) return { condition: matchesAllTerms(db, spec, terms), few: false };
  }
  const keys = await matchingKeys(db, spec, terms, FEW_MATCHES + 1);
  if (keys.length === 0) return null;
  if (keys.length > FEW_MATCHES) return { condition: matchesAllTerms(db, spec, terms), few: false };
  return { condition: sql<SqlBool>`${sql.ref(`${spec.table}.seq`)} in (${sql.join(keys)})`, few: true };
}

/**
 * Up to `limit` keys (`seq`) of records matching every term, in no particular order, read from the
 * full-text index. PostgreSQL, guessing many matches, would rather scan the table: outside a caller's
 * transaction, this query alone is told to use the index (SET LOCAL ends with its transaction).
 */
async function matchingKeys(
  db: Kysely<Database>,
  spec: FullTextTable,
  terms: readonly string[],
  limit: number,
): Promise<number[]> {
  if (!isPostgres(db)) {
    const fts = sql.table(spec.ftsTable);
    const { rows } = await sql<{
      seq: number;
    }>`select rowid as seq from ${fts} where ${fts} match ${ftsQuery(terms)} limit ${limit}`.execute(db);
    return rows.map((row) => Number(row.seq));
  }
  const read = async (conn: Kysely<Database>) => {
    const { rows } = await sql<{ seq: number }>`select seq from ${sql.table(spec.table)}
      where ${tsVector(spec)} @@ ${tsQuery(terms)}::tsquery limit ${limit}`.execute(conn);
    return rows.map((row) => Number(row.seq));
  };
  if (db.isTransaction) return read(db);
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`.execute(
      trx,
    );
    return read(trx);
  });
}

/** SQLite: how many records match every term, counting no further than `cap`. */
async function countMatches(
  db: Kysely<Database>,
  spec: FullTextTable,
  terms: readonly string[],
  cap: number,
): Promise<number> {
  const fts = sql.table(spec.ftsTable);
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from (select rowid from ${fts} where ${fts} match ${ftsQuery(terms)} limit ${cap})`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * The condition "this record has every term as a word prefix" as a filter. On SQLite it filters the
 * rows a query walks (in the order of its sort index) rather than driving the query.
 */
export function matchesAllTerms(
  db: Kysely<Database>,
  spec: FullTextTable,
  terms: readonly string[],
): Expression<SqlBool> {
  if (isPostgres(db)) return sql<SqlBool>`${tsVector(spec)} @@ ${tsQuery(terms)}::tsquery`;
  // The unary plus keeps SQLite from driving the query by seq: it walks the sort index instead.
  const fts = sql.table(spec.ftsTable);
  return sql<SqlBool>`+${sql.ref(`${spec.table}.seq`)} in (select rowid from ${fts} where ${fts} match ${ftsQuery(terms)})`;
}

/** PostgreSQL: the generated tsvector column of the migration, GIN-indexed. */
function tsVector(spec: FullTextTable) {
  return sql.ref(`${spec.table}.search_vector`);
}

/**
 * The terms hold only letters, digits and marks (see `searchTerms`): nothing to escape in either
 * query syntax, and they are sent as parameters all the same.
 */
function tsQuery(terms: readonly string[]): string {
  return terms.map((term) => `'${term}':*`).join(' & ');
}

function ftsQuery(terms: readonly string[]): string {
  return terms.map((term) => `"${term}"*`).join(' ');
}

/**
 * After inserting records: index them. SQLite only; PostgreSQL's index follows the column by itself.
 * `db` is the writing transaction.
 */
export async function indexNewDocuments(
  db: Kysely<Database>,
  spec: FullTextTable,
  ids: readonly string[],
): Promise<void> {
  if (isPostgres(db)) return;
  const fts = sql.table(spec.ftsTable);
  const table = sql.table(spec.table);
  for (const chunk of chunked(ids))
    await sql`insert into ${fts} (rowid, search_text) select seq, search_text from ${table} where id in (${sql.join(chunk)})`.execute(
      db,
    );
}

/** After changing the search_text of records: index them anew (SQLite only), in the writing transaction. */
export async function reindexDocuments(
  db: Kysely<Database>,
  spec: FullTextTable,
  ids: readonly string[],
): Promise<void> {
  if (isPostgres(db)) return;
  await unindexDocuments(db, spec, ids);
  await indexNewDocuments(db, spec, ids);
}

/** Before deleting records: drop them from the index (SQLite only), in the deleting transaction. */
export async function unindexDocuments(
  db: Kysely<Database>,
  spec: FullTextTable,
  ids: readonly string[],
): Promise<void> {
  if (isPostgres(db) || ids.length === 0) return;
  const fts = sql.table(spec.ftsTable);
  const table = sql.table(spec.table);
  for (const chunk of chunked(ids))
    await sql`delete from ${fts} where rowid in (select seq from ${table} where id in (${sql.join(chunk)}))`.execute(
      db,
    );
}

/** Below both dialects' parameter limits. */
function chunked<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
