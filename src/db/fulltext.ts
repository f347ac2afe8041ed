import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
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
  /**
   * SQLite, when `few`: the matches' keys are not read beforehand. `condition` reads them from the
   * common table expression MATCHES, which the query must define with `matches` (materialized, so
   * the index is read once), and `found` counts them, up to one more than FEW_MATCHES: when there
   * are more, the page read this way may miss records, and the caller walks instead
   * (`hasEveryWordPrefix`). One query instead of two, and no list of keys sent back and forth.
   */
  unread?: { matches: RawBuilder<{ seq: number }>; found: RawBuilder<number> };
}

/** The name of the common table expression of `FullTextMatch.unread`. */
export const MATCHES = 'fts_matches';

/**
 * The condition "this record has every term as a word prefix" on `spec.table`, or null when no record
 * matches. Sorted pages have two good plans, each slow where the other is fast:
 * - few matches (a rare word): look the matching records up by key, then sort them;
 * - many matches (a common word): walk the sort order's index and test each record it passes until
 *   the page is full (`hasEveryWordPrefix`). Looking up and sorting 10,000 matches would take tens of
 *   milliseconds, and walking the whole index to find no match as long.
 * The walk tests each record's words, which both dialects keep in the sort indexes (see the
 * migrations), rather than asking the full-text index for every match: that would hand over all of
 * them first (99,000 for a word on every record, 10 ms), where the walk stops at the page's last
 * match. How far that is depends on where the matches sit in the sort order, not only on how many
 * there are: a page of "survey" sorted by name passes 4,700 records (the word is in names that sort
 * late), at about 0.2 µs each.
 * Neither database can tell which plan applies: SQLite keeps no statistics on the words, and
 * PostgreSQL's may be missing or stale. So a first query counts, or reads the keys of, up to
 * FEW_MATCHES + 1 matches in the full-text index (on SQLite, the page's query reads and counts them
 * itself). Records written between two queries may be missed or kept: a search is a moment's view
 * anyway.
 */
export async function fullTextSearch(
  db: Kysely<Database>,
  spec: FullTextTable,
  terms: readonly string[],
  /** FEW_MATCHES, unless a test needs one plan or the other on a few records. */
  fewMatches = FEW_MATCHES,
): Promise<FullTextMatch | null> {
  // SQLite first counts the records having every term as a whole word: when more than FEW_MATCHES
  // do, so many more have them as word prefixes, and FTS5 answers that count from the words' lists
  // as it reads them (0.05 ms for a word on every record), where a prefix query first gathers every
  // match (1.6 ms for the same word). Otherwise the page's own query reads the prefix matches' keys,
  // up to one more than FEW_MATCHES, and counts them (`unread`).
  if (!isPostgres(db)) {
    if ((await countWholeWordMatches(db, spec, terms, fewMatches + 1)) > fewMatches)
      return { condition: hasEveryWordPrefix(db, spec, terms), few: false };
    const fts = sql.table(spec.ftsTable);
    const matches = sql<{
      seq: number;
    }>`(select rowid as seq from ${fts} where ${fts} match ${ftsQuery(terms)} limit ${fewMatches + 1})`;
    const found = sql<number>`(select count(*) from ${sql.table(MATCHES)})`;
    const condition = sql<SqlBool>`${sql.ref(`${spec.table}.seq`)} in (select seq from ${sql.table(MATCHES)})`;
    return { condition, few: true, unread: { matches, found } };
  }
  const keys = await matchingKeys(db, spec, terms, fewMatches + 1);
  if (keys.length === 0) return null;
  if (keys.length > fewMatches) return { condition: hasEveryWordPrefix(db, spec, terms), few: false };
  return { condition: keyIn(db, sql.ref(`${spec.table}.seq`), keys), few: true };
}

/**
 * `key in (keys)` with the keys as one parameter, a JSON array on SQLite and an array on PostgreSQL:
 * the SQL text is the same however many keys there are, so SQLite's cache of prepared statements
 * (src/db/database.ts) keeps one statement for it, not one per number of keys, each pushing out a
 * statement that other requests reuse.
 */
function keyIn(db: Kysely<Database>, key: Expression<unknown>, keys: readonly number[]): Expression<SqlBool> {
  if (isPostgres(db)) return sql<SqlBool>`${key} = any(${keys}::integer[])`;
  return sql<SqlBool>`${key} in (select value from json_each(${JSON.stringify(keys)}))`;
}

/**
 * "This record has every term as a word prefix", tested on the record as a walk passes it (no
 * full-text index involved), with the same answer as the index would give.
 * - SQLite: search_text holds the record's words one space apart, and a term is made of letters,
 *   digits and marks only (never a space): " " + a word starting with the term is exactly a place
 *   where " " + the term occurs in " " + search_text. `instr` compares characters exactly (no case
 *   folding, no pattern characters), and both sides were folded by the same code (`words`).
 * - PostgreSQL: the stored tsvector, with the same answer as its GIN index.
 * Either way, the name and updated-at indexes hold the words: a walk in those orders reads only the
 * index.
 */
export function hasEveryWordPrefix(
  db: Kysely<Database>,
  spec: FullTextTable,
  terms: readonly string[],
  /** Where the words are, when not in `spec.table` itself: a subquery's `wordsColumn`, as named there. */
  words = `${spec.table}.${wordsColumn(db)}`,
): Expression<SqlBool> {
  if (isPostgres(db)) return sql<SqlBool>`${sql.ref(words)} @@ ${tsQuery(terms)}::tsquery`;
  const text = sql`' ' || ${sql.ref(words)}`;
  return sql<SqlBool>`(${sql.join(
    terms.map((term) => sql`instr(${text}, ${` ${term}`}) > 0`),
    sql` and `,
  )})`;
}

/** The column of a full-text table that `hasEveryWordPrefix` tests. */
export function wordsColumn(db: Kysely<Database>): 'search_vector' | 'search_text' {
  return isPostgres(db) ? 'search_vector' : 'search_text';
}

/** Whether more than `limit` records have every term as a word prefix (an `unread` page came back empty). */
export async function moreMatchesThan(
  db: Kysely<Database>,
  spec: FullTextTable,
  terms: readonly string[],
  limit: number,
): Promise<boolean> {
  return (await matchingKeys(db, spec, terms, limit + 1)).length > limit;
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

/** SQLite: how many records have every term as a whole word, counting no further than `cap`. */
async function countWholeWordMatches(
  db: Kysely<Database>,
  spec: FullTextTable,
  terms: readonly string[],
  cap: number,
): Promise<number> {
  const fts = sql.table(spec.ftsTable);
  const words = terms.map((term) => `"${term}"`).join(' ');
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from (select rowid from ${fts} where ${fts} match ${words} limit ${cap})`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
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
