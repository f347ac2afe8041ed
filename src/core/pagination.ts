import { sql, type Expression, type SqlBool } from 'kysely';
import { z } from 'zod';
import { errors } from './errors.js';

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

export type SortDirection = 'asc' | 'desc';

/** `name` or `-name` → column and direction, restricted to the allowed columns. */
export function parseSort<C extends string>(
  value: string | undefined,
  allowed: readonly C[],
  fallback: C,
): { column: C; direction: SortDirection } {
  if (!value) return { column: fallback, direction: 'asc' };
  const direction: SortDirection = value.startsWith('-') ? 'desc' : 'asc';
  const column = value.replace(/^-/, '') as C;
  if (!allowed.includes(column)) {
    throw errors.validation(`sort must be one of ${allowed.join(', ')} (prefix - for descending)`, [
      { path: 'sort', message: `unknown sort column "${column}"` },
    ]);
  }
  return { column, direction };
}

export interface Cursor {
  v: string | number | null;
  id: string;
}

/** One page of a keyset-paged list: sorted by a NOT NULL column, then id, after the cursor. */
export interface ListWindow<C extends string> {
  sort: { column: C; direction: SortDirection };
  cursor: Cursor | null;
  limit: number;
}

/** The window a list request asks for: its sort (checked against `allowed`), cursor and limit. */
export function listWindow<C extends string>(
  query: { sort?: string; cursor?: string; limit?: number },
  allowed: readonly C[],
  fallback: C,
): ListWindow<C> {
  return {
    sort: parseSort(query.sort, allowed, fallback),
    cursor: query.cursor ? decodeCursor(query.cursor) : null,
    limit: query.limit ?? 50,
  };
}

export function encodeCursor(value: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify({ v: value, id } satisfies Cursor)).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof parsed.id !== 'string') throw new Error('no id');
    // A forged value of another type would reach the database as a parameter it cannot bind (500).
    if (parsed.v !== null && typeof parsed.v !== 'string' && typeof parsed.v !== 'number')
      throw new Error('bad value');
    return parsed;
  } catch {
    throw errors.validation('cursor is not valid: use next_cursor from the previous page', [
      { path: 'cursor', message: 'invalid cursor' },
    ]);
  }
}

/**
 * Keyset condition "after the cursor" for ORDER BY column, id (both in `direction`). Columns used
 * for sorting are NOT NULL in our schema, so no null ordering differences between dialects arise.
 */
export function afterCursor(column: string, direction: SortDirection, cursor: Cursor): Expression<SqlBool> {
  const col = sql.ref(column);
  const id = sql.ref(column.includes('.') ? `${column.split('.')[0]}.id` : 'id');
  return direction === 'asc'
    ? sql<SqlBool>`(${col} > ${cursor.v} or (${col} = ${cursor.v} and ${id} > ${cursor.id}))`
    : sql<SqlBool>`(${col} < ${cursor.v} or (${col} = ${cursor.v} and ${id} < ${cursor.id}))`;
}

/** Fetch limit + 1 rows, return a page with the cursor of the last row kept. */
export function toPage<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  sortValue: (row: R) => string | number | null,
  present: (row: R) => T,
): Page<T> {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(present),
    next_cursor: hasMore && last ? encodeCursor(sortValue(last), last.id) : null,
  };
}

/** Every row a paged list holds, read `batch` at a time in ascending `column` order (exports, dashboards). */
export async function allRows<R extends { id: string } & Record<C, string | number>, C extends string>(
  list: (window: ListWindow<C>) => Promise<R[]>,
  column: C,
  batch = 500,
): Promise<R[]> {
  const rows: R[] = [];
  const sort = { column, direction: 'asc' as const };
  for (;;) {
    const last = rows[rows.length - 1];
    const page = await list({ sort, cursor: last ? { v: last[column], id: last.id } : null, limit: batch });
    rows.push(...page.slice(0, batch));
    if (page.length <= batch) return rows;
  }
}
