import { sql, type SelectQueryBuilder } from 'kysely';
import { afterCursor, type ListWindow } from '../core/pagination.js';
import { likeContains } from './dialect.js';

/** What every register's list filters by: the caller's offices and the words searched for. */
export interface ScopedSearch {
  /** Offices the caller may see: undefined for the whole organisation; an empty set sees nothing. */
  scope: ReadonlySet<string> | undefined;
  /** Every word must appear in the record's folded search text (`search_text`). */
  q?: string;
}

/**
 * Up to `limit + 1` rows of a register kept by office (`office_id`) with a folded `search_text`, so the
 * caller can tell whether another page follows: the offices in scope, every word of `q`, the register's
 * own conditions (`narrow`), then the window. `table` qualifies the columns when `narrow` needs it
 * (subqueries over other tables).
 */
export function scopedListPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  filter: ScopedSearch,
  window: ListWindow<string>,
  options: {
    table?: string;
    narrow?: (query: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, O>;
  },
): Promise<O[]> {
  if (filter.scope?.size === 0) return Promise.resolve([]);
  const column = (name: string) => (options.table ? `${options.table}.${name}` : name);
  const { scope } = filter;
  if (scope) query = query.where((eb) => eb(sql.ref(column('office_id')), 'in', [...scope]));
  for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean))
    query = query.where(
      sql<boolean>`${sql.ref(column('search_text'))} like ${likeContains(word)} escape '\\'`,
    );
  if (options.narrow) query = options.narrow(query);
  const sortColumn = column(window.sort.column);
  const { direction } = window.sort;
  if (window.cursor) query = query.where(afterCursor(sortColumn, direction, window.cursor));
  return query
    .orderBy(sql.ref(sortColumn), direction)
    .orderBy(sql.ref(column('id')), direction)
    .limit(window.limit + 1)
    .execute();
}
