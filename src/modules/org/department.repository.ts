import type { Kysely, Selectable } from 'kysely';
import { afterCursor } from '../../core/pagination.js';
import type { Database } from '../../db/schema.js';
import type { DepartmentTable } from '../../db/schema/org.js';
import { countReferences, type ListWindow, type OfficeScope, OrgRows } from './org.queries.js';

export type DepartmentRow = Selectable<DepartmentTable>;

export const DEPARTMENT_SORT_COLUMNS = ['code', 'name', 'created_at'] as const;
export type DepartmentSortColumn = (typeof DEPARTMENT_SORT_COLUMNS)[number];

export interface DepartmentFilter {
  scope: OfficeScope;
  officeId?: string;
}

/** SQL for departments (units inside an office); no rules. `db` may be a transaction. */
export class DepartmentRepository extends OrgRows<'departments'> {
  constructor(db: Kysely<Database>) {
    super(db, 'departments');
  }

  /** Up to `limit + 1` rows after the cursor, so the caller can tell whether another page follows. */
  async list(filter: DepartmentFilter, window: ListWindow<DepartmentSortColumn>): Promise<DepartmentRow[]> {
    if (filter.scope?.size === 0) return [];
    const { column, direction } = window.sort;
    let query = this.db.selectFrom('departments').selectAll();
    if (filter.scope) query = query.where('office_id', 'in', [...filter.scope]);
    if (filter.officeId) query = query.where('office_id', '=', filter.officeId);
    if (window.cursor) query = query.where(afterCursor(column, direction, window.cursor));
    return query
      .orderBy(column, direction)
      .orderBy('id', direction)
      .limit(window.limit + 1)
      .execute();
  }

  findByCode(officeId: string, code: string): Promise<DepartmentRow | undefined> {
    return this.db
      .selectFrom('departments')
      .selectAll()
      .where('office_id', '=', officeId)
      .where('code', '=', code)
      .executeTakeFirst();
  }

  /** The codes already used in one office, among those given. */
  existingCodes(officeId: string, codes: string[]): Promise<Set<string>> {
    return this.existing('code', codes, officeId);
  }

  countPeople(id: string): Promise<number> {
    return countReferences(this.db, 'people', 'department_id', id);
  }
}
