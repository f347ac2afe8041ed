import { sql, type Kysely, type Selectable } from 'kysely';
import { afterCursor } from '../../core/pagination.js';
import { likeContains } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import type { OfficeTable } from '../../db/schema/org.js';
import { chunks, type ListWindow, type OfficeScope } from './org.queries.js';

export type OfficeRow = Selectable<OfficeTable>;

export const OFFICE_SORT_COLUMNS = ['code', 'name', 'created_at'] as const;
export type OfficeSortColumn = (typeof OFFICE_SORT_COLUMNS)[number];

export interface OfficeFilter {
  scope: OfficeScope;
  q?: string;
  regionId?: string;
  kind?: OfficeRow['kind'];
}

/** SQL for offices; no rules. `db` may be a transaction. */
export class OfficeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Up to `limit + 1` rows after the cursor, so the caller can tell whether another page follows. */
  async list(filter: OfficeFilter, window: ListWindow<OfficeSortColumn>): Promise<OfficeRow[]> {
    if (filter.scope?.size === 0) return [];
    const { column, direction } = window.sort;
    let query = this.db.selectFrom('offices').selectAll();
    if (filter.scope) query = query.where('id', 'in', [...filter.scope]);
    if (filter.q) query = query.where(sql<boolean>`search_text like ${likeContains(filter.q)} escape '\\'`);
    if (filter.regionId) query = query.where('region_id', '=', filter.regionId);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (window.cursor) query = query.where(afterCursor(column, direction, window.cursor));
    return query
      .orderBy(column, direction)
      .orderBy('id', direction)
      .limit(window.limit + 1)
      .execute();
  }

  findById(id: string): Promise<OfficeRow | undefined> {
    return this.db.selectFrom('offices').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByCode(code: string): Promise<OfficeRow | undefined> {
    return this.db.selectFrom('offices').selectAll().where('code', '=', code).executeTakeFirst();
  }

  /** The offices with these ids, by id (ids not found are absent). */
  async findByIds(ids: readonly string[]): Promise<Map<string, OfficeRow>> {
    const found = new Map<string, OfficeRow>();
    for (const chunk of chunks([...new Set(ids)])) {
      const rows = await this.db.selectFrom('offices').selectAll().where('id', 'in', chunk).execute();
      for (const row of rows) found.set(row.id, row);
    }
    return found;
  }

  async existingCodes(codes: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const chunk of chunks(codes)) {
      const rows = await this.db.selectFrom('offices').select('code').where('code', 'in', chunk).execute();
      for (const row of rows) found.add(row.code);
    }
    return found;
  }

  async insert(rows: OfficeRow[]): Promise<void> {
    for (const chunk of chunks(rows, 100)) await this.db.insertInto('offices').values(chunk).execute();
  }

  /** Returns false when the version did not match (nothing changed). */
  async update(id: string, version: number, changes: Partial<OfficeRow>): Promise<boolean> {
    const result = await this.db
      .updateTable('offices')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async delete(id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('offices')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** What still points at an office and blocks its deletion. */
  async countDependents(id: string): Promise<{ departments: number; people: number }> {
    const departments = await this.db
      .selectFrom('departments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('office_id', '=', id)
      .executeTakeFirstOrThrow();
    const people = await this.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('office_id', '=', id)
      .executeTakeFirstOrThrow();
    return { departments: Number(departments.n), people: Number(people.n) };
  }

  async regionExists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('regions').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }
}
