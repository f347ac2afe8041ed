import { sql, type Kysely } from 'kysely';
import type { ListWindow } from '../../core/pagination.js';
import { scopedListPage, type ScopedSearch } from '../../db/list-query.js';
import type { Database } from '../../db/schema.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';
import type { Tier } from './ai-act.schema.js';
import type { AiClassificationRow, AiSystemRow } from './ai-system.present.js';
import type { ApprovalStatus, Lifecycle } from './ai-system.schema.js';

export const AI_SYSTEM_SORT_COLUMNS = ['name', 'updated_at'] as const;
export type AiSystemSortColumn = (typeof AI_SYSTEM_SORT_COLUMNS)[number];

export interface AiSystemFilter extends ScopedSearch {
  /** A tier, or null for systems without a verified classification. */
  tier?: Tier | null;
  approvalStatus?: ApprovalStatus;
  lifecycle?: Lifecycle;
  officeId?: string;
  /** Review date on or before this day, retired systems excepted. */
  reviewDueBy?: string;
  noDpia?: boolean;
  /** Only systems marked public. */
  publicOnly?: boolean;
}

export type AiSystemWindow = ListWindow<AiSystemSortColumn>;

/** SQL for AI systems and their classifications; no rules. `db` may be a transaction. */
export class AiSystemRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Up to `limit + 1` rows after the cursor, so the caller can tell whether another page follows. */
  list(filter: AiSystemFilter, window: AiSystemWindow): Promise<AiSystemRow[]> {
    return scopedListPage(this.db.selectFrom('ai_systems').selectAll(), filter, window, {
      narrow: (query) => {
        if (filter.tier !== undefined)
          query =
            filter.tier === null ? query.where('tier', 'is', null) : query.where('tier', '=', filter.tier);
        if (filter.approvalStatus) query = query.where('approval_status', '=', filter.approvalStatus);
        if (filter.lifecycle) query = query.where('lifecycle', '=', filter.lifecycle);
        if (filter.officeId) query = query.where('office_id', '=', filter.officeId);
        if (filter.reviewDueBy)
          query = query
            .where('next_review_date', '<=', filter.reviewDueBy)
            .where('lifecycle', '<>', 'retired');
        if (filter.noDpia) query = query.where('tier', '=', 'high').where('dpia_done', '=', 0);
        if (filter.publicOnly) query = query.where('public', '=', 1);
        return query;
      },
    });
  }

  findById(id: string): Promise<AiSystemRow | undefined> {
    return this.db.selectFrom('ai_systems').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(row: AiSystemRow): Promise<void> {
    await this.db.insertInto('ai_systems').values(row).execute();
  }

  /** Returns false when the version did not match (nothing changed). */
  async update(id: string, version: number, changes: Partial<Omit<AiSystemRow, 'id'>>): Promise<boolean> {
    return updateVersioned(this.db, 'ai_systems', id, version, changes);
  }

  /** Deletes the system and, by cascade, its classifications. */
  async delete(id: string, version: number): Promise<boolean> {
    await this.db
      .deleteFrom('ai_classifications')
      .where('ai_system_id', '=', id)
      .where((eb) =>
        eb.exists(
          eb.selectFrom('ai_systems').select('id').where('id', '=', id).where('version', '=', version),
        ),
      )
      .execute();
    return deleteVersioned(this.db, 'ai_systems', id, version);
  }

  // Classifications

  classifications(systemId: string): Promise<AiClassificationRow[]> {
    return this.db
      .selectFrom('ai_classifications')
      .selectAll()
      .where('ai_system_id', '=', systemId)
      .orderBy('number')
      .execute();
  }

  classification(systemId: string, number: number): Promise<AiClassificationRow | undefined> {
    return this.db
      .selectFrom('ai_classifications')
      .selectAll()
      .where('ai_system_id', '=', systemId)
      .where('number', '=', number)
      .executeTakeFirst();
  }

  latestClassification(systemId: string): Promise<AiClassificationRow | undefined> {
    return this.db
      .selectFrom('ai_classifications')
      .selectAll()
      .where('ai_system_id', '=', systemId)
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** The status of each system's latest classification, for the systems given. */
  async latestStatuses(systemIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let i = 0; i < systemIds.length; i += 500) {
      const chunk = systemIds.slice(i, i + 500);
      const rows = await this.db
        .selectFrom('ai_classifications as c')
        .select(['c.ai_system_id', 'c.status'])
        .where('c.ai_system_id', 'in', chunk)
        .where(({ eb, selectFrom }) =>
          eb(
            'c.number',
            '=',
            selectFrom('ai_classifications as l')
              .select((e) => e.fn.max('l.number').as('n'))
              .whereRef('l.ai_system_id', '=', 'c.ai_system_id'),
          ),
        )
        .execute();
      for (const row of rows) found.set(row.ai_system_id, row.status);
    }
    return found;
  }

  async insertClassification(row: AiClassificationRow): Promise<void> {
    await this.db.insertInto('ai_classifications').values(row).execute();
  }

  async updateClassification(
    id: string,
    version: number,
    changes: Partial<Omit<AiClassificationRow, 'id' | 'ai_system_id' | 'number'>>,
  ): Promise<boolean> {
    return updateVersioned(this.db, 'ai_classifications', id, version, changes);
  }

  // The records a system points at, for the checks of a write (read in the writing transaction).

  office(id: string) {
    return this.db
      .selectFrom('offices')
      .select(['id', 'code', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  department(id: string) {
    return this.db
      .selectFrom('departments')
      .select(['id', 'office_id', 'code', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  person(id: string) {
    return this.db.selectFrom('people').select(['id', 'active']).where('id', '=', id).executeTakeFirst();
  }

  asset(id: string) {
    return this.db.selectFrom('assets').select(['id', 'office_id']).where('id', '=', id).executeTakeFirst();
  }

  officeByCode(code: string) {
    return this.db.selectFrom('offices').select(['id']).where('code', '=', code).executeTakeFirst();
  }

  departmentByCode(officeId: string, code: string) {
    return this.db
      .selectFrom('departments')
      .select(['id'])
      .where('office_id', '=', officeId)
      .where('code', '=', code)
      .executeTakeFirst();
  }

  personByEmail(email: string) {
    return this.db.selectFrom('people').select(['id']).where('email', '=', email).executeTakeFirst();
  }

  async peopleEmails(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('people').select(['id', 'email']).execute();
    return new Map(rows.map((row) => [row.id, row.email]));
  }

  /** Offices and departments by id (names for the public register and exports). */
  async officeNames(): Promise<Map<string, { code: string; name: string }>> {
    const rows = await this.db.selectFrom('offices').select(['id', 'code', 'name']).execute();
    return new Map(rows.map((row) => [row.id, { code: row.code, name: row.name }]));
  }

  /** Full names of the people given (owners shown in the public register when published). */
  async peopleNames(ids: readonly string[]): Promise<Map<string, string>> {
    return this.namesOf('people', 'full_name', ids);
  }

  /** Names of the data assets given (the data a system uses, when published). */
  async assetNames(ids: readonly string[]): Promise<Map<string, string>> {
    return this.namesOf('assets', 'name', ids);
  }

  private async namesOf(
    table: 'people' | 'assets',
    column: 'full_name' | 'name',
    ids: readonly string[],
  ): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const found = new Map<string, string>();
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db
        .selectFrom(table)
        .select(['id', sql.ref<string>(column).as('name')])
        .where('id', 'in', unique.slice(i, i + 500))
        .execute();
      for (const row of rows) found.set(row.id, row.name);
    }
    return found;
  }

  async departmentNames(): Promise<Map<string, { code: string; name: string }>> {
    const rows = await this.db.selectFrom('departments').select(['id', 'code', 'name']).execute();
    return new Map(rows.map((row) => [row.id, { code: row.code, name: row.name }]));
  }
}
