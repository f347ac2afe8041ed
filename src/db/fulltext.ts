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
 *   repository keeps in step in the same transaction as every write (`indexDocuments` after an insert
 *   or a change of search_text, `unindexDocuments` before a delete). No triggers: what keeps the index
 *   true is visible in the code that writes.
 * - PostgreSQL: a GIN index on `array_to_tsvector(string_to_array(search_text, ' '))`, kept by
 *   PostgreSQL itself. The words are used as lexemes as they are (no text-search parser or
 *   dictionary), so both dialects agree on what a word is.
 */

/** A table with a full-text index created by its migration. */
export interface FullTextTable {
  /** The table searched; it has `id` (text), `seq` (integer) and `search_text` columns. */
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
 * The condition "this record has every term as a word prefix", on `spec.table` in the current query.
 * Terms come from `searchTerms`, so they hold only letters, digits and marks: nothing to escape in
 * either query syntax, and they are sent as parameters all the same.
 */
export function matchesAllTerms(
  db: Kysely<Database>,
  spec: FullTextTable,
  terms: readonly string[],
): Expression<SqlBool> {
  if (terms.length === 0) return sql<SqlBool>`1 = 1`;
  const seq = sql.ref(`${spec.table}.seq`);
  if (isPostgres(db)) {
    const query = terms.map((term) => `'${term}':*`).join(' & ');
    return sql<SqlBool>`array_to_tsvector(string_to_array(${sql.ref(`${spec.table}.search_text`)}, ' ')) @@ ${query}::tsquery`;
  }
  const match = terms.map((term) => `"${term}"*`).join(' ');
  const fts = sql.table(spec.ftsTable);
  return sql<SqlBool>`${seq} in (select rowid from ${fts} where ${fts} match ${match})`;
}

/**
 * After inserting records or changing their search_text: (re)index them. SQLite only; PostgreSQL's
 * index follows the column by itself. `db` is the writing transaction.
 */
export async function indexDocuments(
  db: Kysely<Database>,
  spec: FullTextTable,
  ids: readonly string[],
): Promise<void> {
  if (isPostgres(db) || ids.length === 0) return;
  const fts = sql.table(spec.ftsTable);
  const table = sql.table(spec.table);
  for (const chunk of chunked(ids)) {
    const list = sql.join(chunk);
    await sql`delete from ${fts} where rowid in (select seq from ${table} where id in (${list}))`.execute(db);
    await sql`insert into ${fts} (rowid, search_text) select seq, search_text from ${table} where id in (${list})`.execute(
      db,
    );
  }
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
