import { sql, type Kysely, type Selectable } from 'kysely';
import { afterCursor } from '../../core/pagination.js';
import { likeContains } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import type { OfficeTable } from '../../db/schema/org.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';
import {
  chunks,
  countReferences,
  findRowsByIds,
  insertRows,
  type ListWindow,
  type OfficeScope,
} from './org.queries.js';

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
  findByIds(ids: readonly string[]): Promise<Map<string, OfficeRow>> {
    return findRowsByIds(this.db, 'offices', ids);
  }

  async existingCodes(codes: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const chunk of chunks(codes)) {
      const rows = await this.db.selectFrom('offices').select('code').where('code', 'in', chunk).execute();
      for (const row of rows) found.add(row.code);
    }
    return found;
  }

  insert(rows: OfficeRow[]): Promise<void> {
    return insertRows(this.db, 'offices', rows);
  }

  /** Returns false when the version did not match (nothing changed). */
  update(id: string, version: number, changes: Partial<OfficeRow>): Promise<boolean> {
    return updateVersioned(this.db, 'offices', id, version, changes);
  }

  /** Returns false when the version did not match (nothing deleted). */
  delete(id: string, version: number): Promise<boolean> {
    return deleteVersioned(this.db, 'offices', id, version);
  }

  /** What still points at an office and blocks its deletion. */
  async countDependents(id: string): Promise<{ departments: number; people: number }> {
    return {
      departments: await countReferences(this.db, 'departments', 'office_id', id),
      people: await countReferences(this.db, 'people', 'office_id', id),
    };
  }

  async regionExists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('regions').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }
}
