import { sql, type Kysely, type Selectable } from 'kysely';
import { afterCursor } from '../../core/pagination.js';
import { likeContains } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import type { OfficeTable } from '../../db/schema/org.js';
import { countReferences, type ListWindow, type OfficeScope, OrgRows } from './org.queries.js';

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
export class OfficeRepository extends OrgRows<'offices'> {
  constructor(db: Kysely<Database>) {
    super(db, 'offices');
  }

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

  findByCode(code: string): Promise<OfficeRow | undefined> {
    return this.db.selectFrom('offices').selectAll().where('code', '=', code).executeTakeFirst();
  }

  existingCodes(codes: string[]): Promise<Set<string>> {
    return this.existing('code', codes);
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
