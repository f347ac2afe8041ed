import { sql, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { afterCursor, type Cursor, type SortDirection } from '../../core/pagination.js';
import { isPostgres } from '../../db/dialect.js';
import {
  ASSET_SEARCH,
  FEW_MATCHES,
  fullTextSearch,
  hasEveryWordPrefix,
  MATCHES,
  moreMatchesThan,
  wordsColumn,
  WORDS_PER_TERM,
} from '../../db/fulltext.js';
import type { WordStatistics } from '../../db/fulltext-stats.js';
import type { Database } from '../../db/schema.js';
import type { AssetTable } from '../../db/schema/inventory.js';
import { ASSET_DATA_COLUMNS, type AssetRow } from './asset.present.js';
import type { AssetType, SensitivityLabel } from './asset.schema.js';

/* The assets' list query (filters, scope, full-text search, keyset page): AssetRepository.list. */

/**
 * Every column of AssetTable, selected by name: on PostgreSQL the table also has the generated
 * search_vector, which the application never reads. (A column missing here fails to compile: the
 * queries return AssetRow.)
 */
export const ASSET_COLUMNS = [
  'seq',
  'id',
  ...ASSET_DATA_COLUMNS,
  'search_text',
  'version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof AssetTable)[];
/** The same, named with their table: for queries that join assets to a page of ids. */
const QUALIFIED_COLUMNS = ASSET_COLUMNS.map((column) => `assets.${column}` as const);
export const ASSET_SORT_COLUMNS = ['name', 'created_at', 'updated_at'] as const;
export type AssetSortColumn = (typeof ASSET_SORT_COLUMNS)[number];

export interface AssetFilter {
  /** Offices the caller may see: undefined for the whole organisation; an empty set sees nothing. */
  scope: ReadonlySet<string> | undefined;
  /** Full-text terms (from searchTerms): every one must start a word. */
  terms?: readonly string[];
  officeId?: string;
  regionId?: string;
  /** A label, or null for unlabelled assets. */
  label?: SensitivityLabel | null;
  personalData?: boolean;
  ownerId?: string;
  systemId?: string;
  assetType?: AssetType;
  /**
   * A health control: only assets with an open scorecard action for it, i.e. failing it at the last
   * scoring (snapshot). The actions table is the index, so this stays fast at 100,000 assets.
   */
  controlFailing?: string;
}

export interface AssetWindow {
  sort: { column: AssetSortColumn; direction: SortDirection };
  cursor: Cursor | null;
  limit: number;
}

/** How a search chooses its plan (src/db/fulltext.ts); tests change these to force one plan or another. */
export interface SearchPlanning {
  /** How many matches a search reads by key before walking the sort order instead. */
  fewMatches: number;
  /**
   * How many records of the sort order a search first tests for its words, hoping to fill the page
   * before asking the full-text index anything; 0 to ask it first.
   */
  aheadRows: number;
  /** How many words a term may start for the full-text index to be asked for them (0: for the prefix). */
  wordsPerTerm: number;
  /**
   * PostgreSQL: the table's word statistics (src/db/fulltext-stats.ts), to estimate how many records
   * a search matches and choose its plan at once; without them (null), the walk ahead and the count
   * of matches choose.
   */
  statistics: () => Promise<WordStatistics | null>;
}

/**
 * PostgreSQL builds a full-text answer in full before handing over its first key (a bitmap of 99,000
 * rows, 10 ms, for a word on every asset). With statistics on the words (after ANALYZE, which
 * autovacuum runs), a search expecting more than fewMatches matches walks the page's order at once.
 * Without, a search first tests the words of 5,000 records of the page's order, on the index that
 * holds them (about 0.3 µs each): enough to fill a page of 50 for a word on 1% of the assets, or more
 * if it is not spread evenly. A rarer word pays that walk on top (about 1.5 ms). Only for one term
 * (several together are seldom on 1% of the assets: "health survey" is on 0.8%, and its walk ahead
 * failed every time). Neither walks first on a few offices: the page's order then comes from an
 * index, where PostgreSQL would read and sort all their assets first (7 ms for 1,500); their index
 * holds the words, so it reads their entries and tests each instead (0.4 ms for three offices).
 * SQLite's full-text index counts whole words as it reads them (0.05 ms for a word on every asset):
 * no walk ahead there, and no statistics.
 */
function defaultPlanning(db: Kysely<Database>): SearchPlanning {
  return {
    fewMatches: FEW_MATCHES,
    aheadRows: isPostgres(db) ? 5_000 : 0,
    wordsPerTerm: WORDS_PER_TERM,
    statistics: () => Promise.resolve(null),
  };
}

/**
 * A page of assets: the query of AssetRepository.list, with its search plans. `db` may be a
 * transaction.
 */
export class AssetListQuery {
  private readonly planning: SearchPlanning;
  /**
   * What a page's query selects to read its rows by: SQLite, the integer key `seq` (the rowid, in every
   * index; joining on it took 1.3 ms where the text id took 2 ms for a page of a two-word search) and
   * the id the order needs; PostgreSQL, the id, which its sort indexes hold (they do not hold seq).
   */
  private readonly pageKeys: readonly ('seq' | 'id')[];

  constructor(
    private readonly db: Kysely<Database>,
    planning: Partial<SearchPlanning> = {},
  ) {
    this.planning = { ...defaultPlanning(db), ...planning };
    this.pageKeys = isPostgres(db) ? ['id'] : ['seq', 'id'];
  }

  /**
   * Up to `limit + 1` rows after the cursor, so the caller can tell whether another page follows. A
   * search first finds the page's ids, then reads their rows: finding them can then be answered from
   * an index alone (the sort indexes hold the search words, see the migrations), however many rows it
   * passes over.
   */
  async list(filter: AssetFilter, window: AssetWindow): Promise<AssetRow[]> {
    if (filter.scope?.size === 0) return [];
    const { column, direction } = window.sort;
    let query = this.db.selectFrom('assets');
    if (filter.scope) query = query.where('office_id', 'in', [...filter.scope]);
    if (filter.officeId) query = query.where('office_id', '=', filter.officeId);
    if (filter.regionId) {
      const regionId = filter.regionId;
      query = query.where('office_id', 'in', (eb) =>
        eb.selectFrom('offices').select('id').where('region_id', '=', regionId),
      );
    }
    if (filter.label !== undefined)
      query =
        filter.label === null
          ? query.where('sensitivity_label', 'is', null)
          : query.where('sensitivity_label', '=', filter.label);
    if (filter.personalData !== undefined)
      query = query.where('personal_data', '=', filter.personalData ? 1 : 0);
    if (filter.ownerId) query = query.where('data_owner_id', '=', filter.ownerId);
    if (filter.systemId) query = query.where('system_id', '=', filter.systemId);
    if (filter.assetType) query = query.where('asset_type', '=', filter.assetType);
    if (filter.controlFailing) {
      const control = filter.controlFailing;
      query = query.where('id', 'in', (eb) =>
        eb
          .selectFrom('actions')
          .select('subject_id')
          .where('source', '=', 'scorecard')
          .where('status', '=', 'open')
          .where('code', '=', control)
          .where('subject_type', '=', 'asset'),
      );
    }
    if (window.cursor) query = query.where(afterCursor(column, direction, window.cursor));
    if (!filter.terms?.length)
      return query
        .select(ASSET_COLUMNS)
        .orderBy(column, direction)
        .orderBy('id', direction)
        .limit(window.limit + 1)
        .execute();
    const terms = filter.terms;
    const offices =
      filter.scope !== undefined || filter.officeId !== undefined || filter.regionId !== undefined;
    const search = await fullTextSearch(this.db, ASSET_SEARCH, terms, {
      ...this.planning,
      statistics: await this.planning.statistics(),
    });
    if (!search) return [];
    const walk = () =>
      this.pageRows(
        query
          .where(search.test)
          .select([...this.pageKeys, column])
          .orderBy(column, direction)
          .orderBy('id', direction)
          .limit(window.limit + 1),
        window,
      );
    if (search.many) return walk();
    // PostgreSQL, with statistics: walk at once when they expect more than fewMatches matches. Not on
    // a few offices: the estimate counts no filter, and their walk is slow (see defaultPlanning).
    const estimate = offices ? null : (search.estimate ?? null);
    if (estimate !== null && estimate > this.planning.fewMatches) return walk();
    if (estimate === null && this.planning.aheadRows > 0 && terms.length === 1 && !offices) {
      // The first records of the page's order, tested for the words: when the page fills among them,
      // those are its records (the order is the page's), found without the full-text index.
      const words = wordsColumn(this.db);
      const ahead = query
        .select(['id', column, sql.ref(`assets.${words}`).as(words)])
        .orderBy(column, direction)
        .orderBy('id', direction)
        .limit(this.planning.aheadRows)
        .as('ahead');
      const rows = await this.db
        .selectFrom(ahead)
        .select('ahead.id')
        .where(hasEveryWordPrefix(this.db, ASSET_SEARCH, terms, `ahead.${words}`))
        .orderBy(sql.ref(`ahead.${column}`), direction)
        .orderBy('ahead.id', direction)
        .limit(window.limit + 1)
        .execute();
      if (rows.length > window.limit) return this.inOrder(rows.map((row) => row.id));
    }
    // The matches, read by key (at most one more than fewMatches, counted as `found`), then sorted,
    // in one query: more than fewMatches, and the page may have missed some: walk instead.
    const tooMany = (rows: { found: unknown }[]) =>
      rows.length > 0 && Number(rows[0]!.found) > this.planning.fewMatches;
    if (!search.unread) {
      // PostgreSQL: the matches with the filters, from the GIN index (a bitmap), which also reads the
      // sort column from the table as it goes.
      const rows = await this.db
        .with(
          (cte) => cte(MATCHES).materialized(),
          () =>
            query
              .where(search.condition)
              .select(['id', column])
              .limit(this.planning.fewMatches + 1),
        )
        .selectFrom(
          sql<{
            id: string;
          }>`(select id, ${sql.ref(column)} from ${sql.table(MATCHES)} order by ${sql.ref(column)} ${sql.raw(direction)}, id ${sql.raw(direction)} limit ${window.limit + 1})`.as(
            'page',
          ),
        )
        .innerJoin('assets', 'assets.id', 'page.id')
        .select(QUALIFIED_COLUMNS)
        .select(sql<number>`(select count(*) from ${sql.table(MATCHES)})`.as('found'))
        .orderBy(sql.ref(`page.${column}`), direction)
        .orderBy('page.id', direction)
        .execute();
      return tooMany(rows) ? walk() : rows.map(({ found: _found, ...row }) => row);
    }
    // SQLite: the full-text index's matches are read in the same query, and counted; then filtered and
    // sorted in a subquery its LIMIT keeps apart. An empty page does not say how many there were: ask.
    const matched = query
      .where(search.condition)
      .select(['seq', 'id', column])
      .limit(this.planning.fewMatches)
      .as('matched');
    const page = this.db
      .selectFrom(matched)
      .select(['matched.seq', 'matched.id', sql.ref(`matched.${column}`).as(column)])
      .orderBy(sql.ref(`matched.${column}`), direction)
      .orderBy('matched.id', direction)
      .limit(window.limit + 1);
    const { matches, found, query: ftsQuery } = search.unread;
    const rows = await this.db
      .with(
        (cte) => cte(MATCHES).materialized(),
        () => matches,
      )
      .selectFrom(page.as('page'))
      .innerJoin('assets', 'assets.seq', 'page.seq')
      .select(QUALIFIED_COLUMNS)
      .select(found.as('found'))
      .orderBy(sql.ref(`page.${column}`), direction)
      .orderBy('page.id', direction)
      .execute();
    const more =
      rows.length > 0
        ? tooMany(rows)
        : await moreMatchesThan(this.db, ASSET_SEARCH, ftsQuery, this.planning.fewMatches);
    if (more) return walk();
    return rows.map(({ found: _found, ...row }) => row);
  }

  /**
   * The rows of a page whose `pageKeys` and sort values `page` selects, in its order (at most limit +
   * 1): read by key in the same query, so finding the page can stay on an index alone.
   */
  private pageRows<DB, TB extends keyof DB>(
    page: SelectQueryBuilder<DB, TB, { id: string }>,
    window: AssetWindow,
  ): Promise<AssetRow[]> {
    const { column, direction } = window.sort;
    const key = this.pageKeys[0];
    return this.db
      .selectFrom(page.as('page'))
      .innerJoin('assets', (join) =>
        join.on(sql<SqlBool>`${sql.ref(`assets.${key}`)} = ${sql.ref(`page.${key}`)}`),
      )
      .select(QUALIFIED_COLUMNS)
      .orderBy(sql.ref(`page.${column}`), direction)
      .orderBy('page.id', direction)
      .execute();
  }

  /** The rows of `ids` (at most a page), in that order (those still there). */
  private async inOrder(ids: readonly string[]): Promise<AssetRow[]> {
    const rows = await this.db.selectFrom('assets').select(ASSET_COLUMNS).where('id', 'in', ids).execute();
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id)).filter((row): row is AssetRow => row !== undefined);
  }
}
