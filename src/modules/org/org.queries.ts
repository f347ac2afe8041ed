import { sql, type Kysely, type Selectable } from 'kysely';
import type { Cursor, SortDirection } from '../../core/pagination.js';
import type { Actor } from '../../core/permissions.js';
import type { Database } from '../../db/schema.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';

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

/**
 * What every organisation repository does the same way on its own table: rows by id, inserts in
 * chunks, and changes and deletes that apply only at the version the caller read (false when the row
 * has moved on or is gone: the service tells 409 from 404). `db` may be a transaction.
 */
export abstract class OrgRows<T extends OrgTable> {
  protected constructor(
    protected readonly db: Kysely<Database>,
    private readonly table: T,
  ) {}

  findById(id: string): Promise<Selectable<Database[T]> | undefined> {
    return this.db
      .selectFrom(this.table as OrgTable)
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst() as Promise<Selectable<Database[T]> | undefined>;
  }

  /** The rows with these ids, by id (ids not found are absent). */
  async findByIds(ids: readonly string[]): Promise<Map<string, Selectable<Database[T]>>> {
    const found = new Map<string, Selectable<Database[T]>>();
    for (const chunk of chunks([...new Set(ids)])) {
      const rows = await this.db
        .selectFrom(this.table as OrgTable)
        .selectAll()
        .where('id', 'in', chunk)
        .execute();
      for (const row of rows) found.set(row.id, row as Selectable<Database[T]>);
    }
    return found;
  }

  /** Inserts a hundred rows at a time (a multi-row insert stays below both dialects' parameter limits). */
  async insert(rows: readonly Database[T][]): Promise<void> {
    for (const chunk of chunks(rows, 100))
      await this.db
        .insertInto(this.table as OrgTable)
        .values(chunk)
        .execute();
  }

  /** Returns false when the version did not match (nothing changed). */
  update(id: string, version: number, changes: Partial<Selectable<Database[T]>>): Promise<boolean> {
    return updateVersioned(this.db, this.table as OrgTable, id, version, changes);
  }

  /** Returns false when the version did not match (nothing deleted). */
  delete(id: string, version: number): Promise<boolean> {
    return deleteVersioned(this.db, this.table, id, version);
  }

  /** Which of `values` some row already has in `column` (within `office_id`, when given). */
  protected async existing(
    column: 'code' | 'email',
    values: readonly string[],
    officeId?: string,
  ): Promise<Set<string>> {
    const found = new Set<string>();
    for (const chunk of chunks(values)) {
      let query = this.db
        .selectFrom(this.table as OrgTable)
        .select(sql.ref<string>(column).as('value'))
        .where(sql.ref(column), 'in', chunk);
      if (officeId !== undefined) query = query.where(sql.ref('office_id'), '=', officeId);
      for (const row of await query.execute()) found.add(row.value);
    }
    return found;
  }
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
