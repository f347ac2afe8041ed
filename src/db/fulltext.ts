import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { foldForSearch, isPostgres } from './dialect.js';
import { estimateMatches, type WordStatistics } from './fulltext-stats.js';
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
 * - Both: a words table (`asset_words`) lists every word of the search text once, kept in the same
 *   transaction as each write; a search asks the index for the words each term starts rather than for
 *   the prefix, which both indexes answer more slowly.
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
  /** Every word of the table's search text, each once (`word`, the key): see `termWords`, `ftsMatch`. */
  wordsTable: 'asset_words';
}

export const ASSET_SEARCH: FullTextTable = {
  table: 'assets',
  ftsTable: 'assets_fts',
  wordsTable: 'asset_words',
};

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

/**
 * PostgreSQL: a term asks the full-text index for the words it starts, when they are at most this
 * many; for more (a term of one or two letters), for the prefix itself.
 */
export const WORDS_PER_TERM = 16;

/**
 * How a query term is put to the full-text index: as the words it starts, which the words table lists
 * (PostgreSQL: a whole word is cheaper to look up in its GIN index than a prefix), or as the prefix.
 */
export type TermWords = { words: readonly string[] } | { prefix: string };

/** How a query finds the records matching a search. */
export interface FullTextMatch {
  /**
   * The records matching every term, by the full-text index: SQLite, their keys in the common table
   * expression MATCHES (see `unread`); PostgreSQL, `search_vector @@ query` (its GIN index).
   */
  condition: Expression<SqlBool>;
  /**
   * How a walk tests each record it passes (`hasEveryWordPrefix`; on PostgreSQL, `condition`: its
   * words, once known, are quicker to test than prefixes).
   */
  test: Expression<SqlBool>;
  /**
   * SQLite counted more than FEW_MATCHES records with the terms: the caller walks the sort order
   * (testing `test`) rather than reading and sorting them.
   */
  many: boolean;
  /**
   * PostgreSQL: how many records have the terms, estimated from the table's statistics
   * (`estimateMatches`), before any filter; null without statistics or for a term asked as a prefix.
   */
  estimate?: number | null;
  /**
   * SQLite: the matches' keys are read in the page's own query, from the common table expression
   * MATCHES, which the query must define with `matches` (materialized, so the index is read once);
   * `found` counts them, up to one more than FEW_MATCHES: when there are more, the page read this way
   * may miss records, and the caller walks instead. One query instead of two, and no list of keys
   * sent back and forth.
   */
  unread?: {
    matches: RawBuilder<{ seq: number }>;
    found: RawBuilder<number>;
    /** The FTS5 query `matches` asks, for `moreMatchesThan`. */
    query: Expression<string>;
  };
}

/** The name of the common table expression of `FullTextMatch.unread` (and of PostgreSQL's few matches). */
export const MATCHES = 'fts_matches';

/**
 * How to find the records having every term as a word prefix on `spec.table`, or null when none can
 * (PostgreSQL: a term starts no stored word). Sorted pages have two good plans, each slow where the other is
 * fast:
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
 * Neither database can tell for sure which plan applies: SQLite keeps no statistics on the words, and
 * PostgreSQL's are estimates, and may be missing or stale. So SQLite first counts matches in the
 * full-text index; PostgreSQL estimates them from its statistics (`estimate`: walk at once when more
 * than FEW_MATCHES are expected, see fulltext-stats.ts); and both read at most FEW_MATCHES + 1 of
 * them in the page's query, walking instead when there are more (see AssetListQuery). Records written
 * between two queries may be missed or kept: a search is a moment's view anyway.
 */
export async function fullTextSearch(
  db: Kysely<Database>,
  spec: FullTextTable,
  terms: readonly string[],
  planning: {
    /** FEW_MATCHES, unless a test needs one plan or the other on a few records. */
    fewMatches: number;
    /** WORDS_PER_TERM; 0 asks the index for prefixes only. */
    wordsPerTerm: number;
    /** PostgreSQL: the table's word statistics, for `estimate` (null: none). */
    statistics?: WordStatistics | null;
  } = { fewMatches: FEW_MATCHES, wordsPerTerm: WORDS_PER_TERM },
): Promise<FullTextMatch | null> {
  if (isPostgres(db)) {
    // Whole words where it can (see `termWords`); the GIN index's bitmap of the matches is cheap to
    // build below FEW_MATCHES, and the page's query reads and counts them (AssetListQuery).
    const asked = await termWords(db, spec, terms, planning.wordsPerTerm);
    if (!asked) return null;
    const condition = sql<SqlBool>`${tsVector(spec)} @@ ${tsQuery(asked)}::tsquery`;
    const estimate = planning.statistics ? estimateMatches(planning.statistics, asked) : null;
    return { condition, test: condition, many: false, estimate };
  }
  // SQLite: the words each term starts are looked up inside the FTS5 query itself (`ftsMatch`): no
  // query of their own, which would cost a trip to a read worker. FTS5 streams a count of whole words
  // as it reads their lists (0.05 ms for a word on every record), where a prefix query first gathers
  // every match (1.6 ms for the same word). A term starting too many words is counted as the whole
  // word, on fewer records than the prefix: more than FEW_MATCHES either way, and walk.
  const test = hasEveryWordPrefix(db, spec, terms);
  const counted = ftsMatch(spec, terms, planning.wordsPerTerm, 'word');
  if ((await countMatches(db, spec, counted, planning.fewMatches + 1)) > planning.fewMatches)
    return { condition: test, test, many: true };
  const query = ftsMatch(spec, terms, planning.wordsPerTerm, 'prefix');
  const fts = sql.table(spec.ftsTable);
  const matches = sql<{
    seq: number;
  }>`(select rowid as seq from ${fts} where ${fts} match ${query} limit ${planning.fewMatches + 1})`;
  const found = sql<number>`(select count(*) from ${sql.table(MATCHES)})`;
  const condition = sql<SqlBool>`${sql.ref(`${spec.table}.seq`)} in (select seq from ${sql.table(MATCHES)})`;
  return { condition, test, many: false, unread: { matches, found, query } };
}

/**
 * SQLite: the FTS5 query for records having every term as a word prefix, computed by the statement
 * that uses it. Each term becomes the words it starts, from the words table, up to `wordsPerTerm` of
 * them (`("survey" OR "surveys")`); a term starting more is asked as a prefix (`"s"*`), or, with
 * `beyond` 'word', as the whole word; a term starting none, as the whole term, which no record has.
 */
function ftsMatch(
  spec: FullTextTable,
  terms: readonly string[],
  wordsPerTerm: number,
  beyond: 'prefix' | 'word',
): Expression<string> {
  const many = (term: string) => (beyond === 'prefix' ? `"${term}"*` : `"${term}"`);
  if (wordsPerTerm <= 0) return sql.val(terms.map(many).join(' AND '));
  const table = sql.table(spec.wordsTable);
  const parts = terms.map(
    (term) => sql`(select case when count(*) = 0 then ${`"${term}"`}
      when count(*) <= ${wordsPerTerm} then '(' || group_concat('"' || word || '"', ' OR ') || ')'
      else ${many(term)} end
      from (select word from ${table} where word >= ${term} and word < ${afterPrefix(term)} order by word limit ${wordsPerTerm + 1}))`,
  );
  return sql<string>`(${sql.join(parts, sql` || ' AND ' || `)})`;
}

/**
 * PostgreSQL: for each term, the stored words it starts (up to `wordsPerTerm` of them, else the prefix
 * itself), or null when a term starts none: then nothing matches. One query whatever the number of
 * terms. The words table is ordered by code point (collation "C"), so the words starting with a term
 * are those from the term up to (not including) the term with its last character's code point plus
 * one.
 */
export async function termWords(
  db: Kysely<Database>,
  spec: FullTextTable,
  terms: readonly string[],
  wordsPerTerm: number,
): Promise<TermWords[] | null> {
  if (wordsPerTerm <= 0) return terms.map((prefix) => ({ prefix }));
  const table = sql.table(spec.wordsTable);
  const ranges = terms.map(
    (term, i) =>
      sql`select ${sql.lit(i)} as term, w.word from (select word from ${table} where word >= ${term} and word < ${afterPrefix(term)} order by word limit ${wordsPerTerm + 1}) as w`,
  );
  const { rows } = await sql<{ term: number; word: string }>`${sql.join(ranges, sql` union all `)}`.execute(
    db,
  );
  const started = terms.map((): string[] => []);
  for (const row of rows) {
    const term = terms[Number(row.term)]!;
    // The range is exact; startsWith says the same, should a collation ever order otherwise.
    if (row.word.startsWith(term)) started[Number(row.term)]!.push(row.word);
  }
  if (started.some((words) => words.length === 0)) return null;
  return started.map((words, i) => (words.length > wordsPerTerm ? { prefix: terms[i]! } : { words }));
}

/** The first string after every string starting with `prefix`, in code point order. */
function afterPrefix(prefix: string): string {
  const chars = [...prefix];
  const next = chars.pop()!.codePointAt(0)! + 1;
  // Past the surrogates, which no string holds alone.
  return chars.join('') + String.fromCodePoint(next === 0xd800 ? 0xe000 : next);
}

/**
 * After writing records' search text: add its words to the words table, in the writing transaction.
 * PostgreSQL: one statement, the words in code point order, so two transactions adding some of the
 * same new words wait for each other (until the first commits) rather than deadlock. SQLite has one
 * writer at a time; its words come out of the text as a JSON array (they are letters, digits and
 * marks only: nothing to escape).
 */
async function recordWords(db: Kysely<Database>, spec: FullTextTable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const words = sql.table(spec.wordsTable);
  const table = sql.table(spec.table);
  if (isPostgres(db)) {
    await sql`insert into ${words} (word)
      select distinct w from ${table}, unnest(string_to_array(search_text, ' ')) as w
      where id = any(${[...ids]}::text[]) and w <> '' order by w on conflict do nothing`.execute(db);
    return;
  }
  for (const chunk of chunked(ids))
    await sql`insert or ignore into ${words} (word)
      select value from ${table}, json_each('["' || replace(search_text, ' ', '","') || '"]')
      where ${sql.ref(`${spec.table}.id`)} in (${sql.join(chunk)}) and value <> ''`.execute(db);
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
  if (isPostgres(db))
    return sql<SqlBool>`${sql.ref(words)} @@ ${tsQuery(terms.map((prefix) => ({ prefix })))}::tsquery`;
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

/**
 * SQLite: whether more than `limit` records match the FTS5 `query` (an `unread` page came back empty,
 * which does not say).
 */
export async function moreMatchesThan(
  db: Kysely<Database>,
  spec: FullTextTable,
  query: Expression<string>,
  limit: number,
): Promise<boolean> {
  return (await countMatches(db, spec, query, limit + 1)) > limit;
}

/** SQLite: how many records match the FTS5 `query`, counting no further than `cap`. */
async function countMatches(
  db: Kysely<Database>,
  spec: FullTextTable,
  query: Expression<string>,
  cap: number,
): Promise<number> {
  const fts = sql.table(spec.ftsTable);
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from (select rowid from ${fts} where ${fts} match ${query} limit ${cap})`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

/** PostgreSQL: the generated tsvector column of the migration, GIN-indexed. */
function tsVector(spec: FullTextTable) {
  return sql.ref(`${spec.table}.search_vector`);
}

/**
 * The terms and words hold only letters, digits and marks (see `searchTerms`): nothing to escape in
 * either query syntax (here and in `ftsMatch`), and they are sent as parameters all the same.
 */
function tsQuery(asked: readonly TermWords[]): string {
  return asked
    .map((term) =>
      'prefix' in term ? `'${term.prefix}':*` : `(${term.words.map((word) => `'${word}'`).join(' | ')})`,
    )
    .join(' & ');
}

/**
 * After inserting records: record their words, and index them (SQLite; PostgreSQL's index follows the
 * column by itself). `db` is the writing transaction.
 */
export async function indexNewDocuments(
  db: Kysely<Database>,
  spec: FullTextTable,
  ids: readonly string[],
): Promise<void> {
  await recordWords(db, spec, ids);
  if (isPostgres(db)) return;
  const fts = sql.table(spec.ftsTable);
  const table = sql.table(spec.table);
  for (const chunk of chunked(ids))
    await sql`insert into ${fts} (rowid, search_text) select seq, search_text from ${table} where id in (${sql.join(chunk)})`.execute(
      db,
    );
}

/**
 * After changing the search_text of records: record their words, and index them anew (SQLite), in the
 * writing transaction.
 */
export async function reindexDocuments(
  db: Kysely<Database>,
  spec: FullTextTable,
  ids: readonly string[],
): Promise<void> {
  if (isPostgres(db)) return recordWords(db, spec, ids);
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
