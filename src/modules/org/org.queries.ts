import { sql, type Kysely, type Selectable } from 'kysely';
import type { Cursor, SortDirection } from '../../core/pagination.js';
import type { Actor } from '../../core/permissions.js';
import type { Database } from '../../db/schema.js';

/* Small pieces shared by the organisation repositories. */

/** One page request after the service resolved sort and cursor: what a repository list query needs. */
export interface ListWindow<C extends string> {
  sort: { column: C; direction: SortDirection };
  cursor: Cursor | null;
  limit: number;
}

/** Offices the caller may see: undefined for the whole organisation; an empty set sees nothing. */
export type OfficeScope = ReadonlySet<string> | undefined;

/** Split long `in (...)` lists and multi-row inserts below both dialects' parameter limits. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The offices an actor may see, as a list filter: undefined for the whole organisation. */
export function officeScope(actor: Actor): OfficeScope {
  return actor.scope.kind === 'all' ? undefined : actor.scope.officeIds;
}

/** The organisation's tables: each row has a text `id` and an integer `version`. */
type OrgTable = 'regions' | 'offices' | 'departments' | 'people';

/** Insert rows a hundred at a time (a multi-row insert stays below both dialects' parameter limits). */
export async function insertRows<T extends OrgTable>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Database[T][],
): Promise<void> {
  for (const chunk of chunks(rows, 100))
    await db
      .insertInto(table as OrgTable)
      .values(chunk)
      .execute();
}

/** The rows with these ids, by id (ids not found are absent). */
export async function findRowsByIds<T extends OrgTable>(
  db: Kysely<Database>,
  table: T,
  ids: readonly string[],
): Promise<Map<string, Selectable<Database[T]>>> {
  const found = new Map<string, Selectable<Database[T]>>();
  for (const chunk of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom(table as OrgTable)
      .selectAll()
      .where('id', 'in', chunk)
      .execute();
    for (const row of rows) found.set(row.id, row as Selectable<Database[T]>);
  }
  return found;
}

/** Tables whose rows point at an organisation record and may block its deletion. */
type ReferringTable = 'offices' | 'departments' | 'people' | 'users';

/** How many rows of `table` have `column` = `id` (e.g. the people of a department). */
export async function countReferences<T extends ReferringTable>(
  db: Kysely<Database>,
  table: T,
  column: keyof Database[T] & string,
  id: string,
): Promise<number> {
  const row = await db
    .selectFrom(table as ReferringTable)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql.ref(column), '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
