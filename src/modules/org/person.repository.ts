import { sql, type Kysely, type Selectable } from 'kysely';
import { afterCursor } from '../../core/pagination.js';
import { likeContains } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import type { PersonTable } from '../../db/schema/org.js';
import type { GovernanceRole } from './org.schema.js';
import { chunks, countReferences, type ListWindow, type OfficeScope, OrgRows } from './org.queries.js';

export type PersonRow = Selectable<PersonTable>;

export const PERSON_SORT_COLUMNS = ['full_name', 'email', 'created_at'] as const;
export type PersonSortColumn = (typeof PERSON_SORT_COLUMNS)[number];

export interface PersonFilter {
  scope: OfficeScope;
  q?: string;
  officeId?: string;
  regionId?: string;
  departmentId?: string;
  governanceRole?: GovernanceRole;
  active?: boolean;
}

/** SQL for people; no rules. `db` may be a transaction. */
export class PersonRepository extends OrgRows<'people'> {
  constructor(db: Kysely<Database>) {
    super(db, 'people');
  }

  /** Up to `limit + 1` rows after the cursor, so the caller can tell whether another page follows. */
  async list(filter: PersonFilter, window: ListWindow<PersonSortColumn>): Promise<PersonRow[]> {
    if (filter.scope?.size === 0) return [];
    const { column, direction } = window.sort;
    let query = this.db.selectFrom('people').selectAll();
    if (filter.scope) query = query.where('office_id', 'in', [...filter.scope]);
    if (filter.q) query = query.where(sql<boolean>`search_text like ${likeContains(filter.q)} escape '\\'`);
    if (filter.officeId) query = query.where('office_id', '=', filter.officeId);
    if (filter.regionId) {
      const regionId = filter.regionId;
      query = query.where('office_id', 'in', (eb) =>
        eb.selectFrom('offices').select('id').where('region_id', '=', regionId),
      );
    }
    if (filter.departmentId) query = query.where('department_id', '=', filter.departmentId);
    if (filter.governanceRole) {
      // Roles are stored as a JSON array of quoted names, so the quoted name matches one element only.
      const pattern = likeContains(JSON.stringify(filter.governanceRole));
      query = query.where(sql<boolean>`governance_roles like ${pattern} escape '\\'`);
    }
    if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
    if (window.cursor) query = query.where(afterCursor(column, direction, window.cursor));
    return query
      .orderBy(column, direction)
      .orderBy('id', direction)
      .limit(window.limit + 1)
      .execute();
  }

  findByEmail(email: string): Promise<PersonRow | undefined> {
    return this.db.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirst();
  }

  /** The people with these (lower-case) e-mails. */
  async findByEmails(emails: readonly string[]): Promise<PersonRow[]> {
    const found: PersonRow[] = [];
    for (const chunk of chunks([...new Set(emails)]))
      found.push(...(await this.db.selectFrom('people').selectAll().where('email', 'in', chunk).execute()));
    return found;
  }

  existingEmails(emails: string[]): Promise<Set<string>> {
    return this.existing('email', emails);
  }

  /** User accounts linked to this person: they block its deletion. */
  countLinkedUsers(id: string): Promise<number> {
    return countReferences(this.db, 'users', 'person_id', id);
  }
}
