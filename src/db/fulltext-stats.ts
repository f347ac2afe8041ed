import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';
import type { FullTextTable, TermWords } from './fulltext.js';
import type { Database } from './schema.js';

/*
 * PostgreSQL's own statistics on a full-text column, to tell a search with many matches from one with
 * few before asking the index (see `fullTextSearch`). ANALYZE (autovacuum runs it as the table
 * changes) records how many rows the table has and, for a tsvector column, its most common words with
 * the share of rows holding each, down to a least common share. PostgreSQL's planner estimates a text
 * search from the same numbers; the search estimates itself because the planner's choice between
 * walking the sort order and sorting the matches assumes the matches are spread evenly over that
 * order, which search words seldom are (they cluster in the names they sort by).
 *
 * An estimate only chooses a plan: every plan gives the same page, so stale statistics cost time,
 * never a wrong answer.
 */

/** What ANALYZE recorded on a full-text column. */
export interface WordStatistics {
  /** Rows in the table. */
  rows: number;
  /** The most common words, with the share of rows holding each (0..1). */
  shares: ReadonlyMap<string, number>;
  /** The least share among them: a word not listed is on fewer rows. */
  leastShare: number;
}

/** PostgreSQL's DEFAULT_TS_MATCH_SEL: the share its planner gives a word it has no statistics on. */
const UNLISTED_SHARE = 0.005;

/**
 * How many rows hold every term, from the statistics, taking the terms as independent: rows × the
 * product, over the terms, of the share of rows holding one of its words (summed, at most 1). A word
 * not among the most common counts as PostgreSQL's planner counts it: half the least share, at most
 * 0.5%. Null when a term is asked as a prefix: its words are not known.
 */
export function estimateMatches(statistics: WordStatistics, asked: readonly TermWords[]): number | null {
  let share = 1;
  for (const term of asked) {
    if ('prefix' in term) return null;
    let termShare = 0;
    for (const word of term.words)
      termShare += statistics.shares.get(word) ?? Math.min(UNLISTED_SHARE, statistics.leastShare / 2);
    share *= Math.min(1, termShare);
  }
  return statistics.rows * share;
}

/**
 * PostgreSQL: the statistics of `spec`'s search_vector in the current schema, or null before the
 * table was first analyzed (and on SQLite, which keeps none). The shares array ends with the least and
 * the greatest share, after one share per word.
 */
export async function loadWordStatistics(
  db: Kysely<Database>,
  spec: FullTextTable,
): Promise<WordStatistics | null> {
  if (!isPostgres(db)) return null;
  const { rows } = await sql<{ rows: number; words: string[] | null; shares: number[] | null }>`
    select c.reltuples::float8 as rows, s.most_common_elems::text::text[] as words,
      s.most_common_elem_freqs::float8[] as shares
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    left join pg_stats s on s.schemaname = n.nspname and s.tablename = c.relname and s.attname = 'search_vector'
    where c.oid = to_regclass(${spec.table})`.execute(db);
  const row = rows[0];
  if (!row || row.rows < 0 || !row.words || !row.shares || row.shares.length < row.words.length + 2)
    return null;
  const shares = new Map(row.words.map((word, i): [string, number] => [word, row.shares![i]!]));
  return { rows: row.rows, shares, leastShare: row.shares[row.words.length]! };
}

/** How long statistics are kept before being read again: they change only when the table is analyzed. */
const KEPT_MS = 5 * 60_000;

/**
 * The word statistics of one table, read at most once every five minutes (one query, by the first
 * search to need them; searches meanwhile share it). A failed read fails the searches waiting for it
 * and is not kept: the next search reads again.
 */
export class WordStatisticsCache {
  private kept: { at: number; statistics: Promise<WordStatistics | null> } | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly spec: FullTextTable,
  ) {}

  get(): Promise<WordStatistics | null> {
    // Elapsed time, not the application's clock (which tests and --as-of set): this is a cache's age.
    const now = performance.now();
    if (this.kept && now - this.kept.at < KEPT_MS) return this.kept.statistics;
    const statistics = loadWordStatistics(this.db, this.spec);
    this.kept = { at: now, statistics };
    statistics.catch(() => {
      if (this.kept?.statistics === statistics) this.kept = null;
    });
    return statistics;
  }
}
