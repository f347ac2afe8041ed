import type { Kysely } from 'kysely';
import type { ListWindow } from '../../core/pagination.js';
import { scopedListPage, type ScopedSearch } from '../../db/list-query.js';
import type { Database } from '../../db/schema.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';
import { LINK_FIELD, NO_LINKS, type AcceptanceRow, type RiskRow, type TreatmentRow } from './risk.present.js';
import { LINK_KINDS, type LinkKind, type RiskLinks } from './risk.schema.js';

/** Keyset sorting needs NOT NULL columns (see core/pagination), so the review date is a filter, not a sort. */
export const RISK_SORT_COLUMNS = ['title', 'updated_at'] as const;
export type RiskSortColumn = (typeof RISK_SORT_COLUMNS)[number];

export interface RiskFilter extends ScopedSearch {
  category?: string;
  officeId?: string;
  regionId?: string;
  status?: string;
  ownerId?: string;
  level?: string;
  /** Review date reached, acceptance expired, or a treatment not done and due before this day. */
  overdueOn?: string;
}

export type RiskWindow = ListWindow<RiskSortColumn>;

/** SQL for risks, their links, treatments and sign-offs; no rules. `db` may be a transaction. */
export class RiskRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Up to `limit + 1` rows after the cursor, so the caller can tell whether another page follows. */
  list(filter: RiskFilter, window: RiskWindow): Promise<RiskRow[]> {
    return scopedListPage(this.db.selectFrom('risks').selectAll('risks'), filter, window, {
      table: 'risks',
      narrow: (query) => {
        if (filter.category) query = query.where('risks.category', '=', filter.category);
        if (filter.officeId) query = query.where('risks.office_id', '=', filter.officeId);
        if (filter.regionId) {
          const regionId = filter.regionId;
          query = query.where('risks.office_id', 'in', (eb) =>
            eb.selectFrom('offices').select('offices.id').where('offices.region_id', '=', regionId),
          );
        }
        if (filter.status) query = query.where('risks.status', '=', filter.status);
        if (filter.ownerId) query = query.where('risks.owner_person_id', '=', filter.ownerId);
        if (filter.level) query = query.where('risks.level', '=', filter.level);
        if (filter.overdueOn) {
          const today = filter.overdueOn;
          query = query
            .where('risks.status', '<>', 'closed')
            .where((eb) =>
              eb.or([
                eb('risks.next_review_date', '<=', today),
                eb.and([eb('risks.status', '=', 'accepted'), eb('risks.acceptance_expires_on', '<', today)]),
                eb.exists(
                  eb
                    .selectFrom('risk_treatments as t')
                    .select('t.id')
                    .whereRef('t.risk_id', '=', 'risks.id')
                    .where('t.status', '<>', 'done')
                    .where('t.due_date', '<', today),
                ),
              ]),
            );
        }
        return query;
      },
    });
  }

  findById(id: string): Promise<RiskRow | undefined> {
    return this.db.selectFrom('risks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(row: RiskRow): Promise<void> {
    await this.db.insertInto('risks').values(row).execute();
  }

  /** Returns false when the version did not match (nothing changed). */
  async update(id: string, version: number, changes: Partial<Omit<RiskRow, 'id'>>): Promise<boolean> {
    return updateVersioned(this.db, 'risks', id, version, changes);
  }

  /** Deletes the risk and, by cascade, its links, treatments and sign-offs. */
  async delete(id: string, version: number): Promise<boolean> {
    const found = await this.db
      .selectFrom('risks')
      .select('id')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!found) return false;
    for (const table of ['risk_links', 'risk_treatments', 'risk_acceptances'] as const)
      await this.db.deleteFrom(table).where('risk_id', '=', id).execute();
    return deleteVersioned(this.db, 'risks', id, version);
  }

  // Links

  /** Each risk's links (risks without any get empty lists). */
  async links(riskIds: readonly string[]): Promise<Map<string, RiskLinks>> {
    const found = new Map<string, RiskLinks>(riskIds.map((id) => [id, structuredClone(NO_LINKS)]));
    for (let i = 0; i < riskIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('risk_links')
        .selectAll()
        .where('risk_id', 'in', riskIds.slice(i, i + 500))
        .orderBy('risk_id')
        .orderBy('kind')
        .orderBy('target_id')
        .execute();
      for (const row of rows) found.get(row.risk_id)?.[LINK_FIELD[row.kind as LinkKind]].push(row.target_id);
    }
    return found;
  }

  async replaceLinks(riskId: string, links: RiskLinks): Promise<void> {
    await this.db.deleteFrom('risk_links').where('risk_id', '=', riskId).execute();
    const rows = LINK_KINDS.flatMap((kind) =>
      links[LINK_FIELD[kind]].map((target_id) => ({ risk_id: riskId, kind, target_id })),
    );
    if (rows.length > 0) await this.db.insertInto('risk_links').values(rows).execute();
  }

  // Treatments

  treatments(riskId: string): Promise<TreatmentRow[]> {
    return this.db
      .selectFrom('risk_treatments')
      .selectAll()
      .where('risk_id', '=', riskId)
      .orderBy('due_date')
      .orderBy('id')
      .execute();
  }

  treatment(id: string): Promise<TreatmentRow | undefined> {
    return this.db.selectFrom('risk_treatments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Treatments not done and due before `today`, of the risks in scope, with their risk's title and office. */
  overdueTreatments(scope: ReadonlySet<string> | undefined, today: string) {
    if (scope?.size === 0) return Promise.resolve([]);
    let query = this.db
      .selectFrom('risk_treatments as t')
      .innerJoin('risks as r', 'r.id', 't.risk_id')
      .selectAll('t')
      .select(['r.title as risk_title', 'r.office_id'])
      .where('t.status', '<>', 'done')
      .where('t.due_date', '<', today)
      .where('r.status', '<>', 'closed');
    if (scope) query = query.where('r.office_id', 'in', [...scope]);
    return query.orderBy('t.due_date').orderBy('t.id').execute();
  }

  /** Descriptions of the treatments not done (the titles of their actions). */
  openTreatmentDescriptions() {
    return this.db
      .selectFrom('risk_treatments')
      .select(['id', 'description'])
      .where('status', '<>', 'done')
      .execute();
  }

  async insertTreatment(row: TreatmentRow): Promise<void> {
    await this.db.insertInto('risk_treatments').values(row).execute();
  }

  async updateTreatment(
    id: string,
    version: number,
    changes: Partial<Omit<TreatmentRow, 'id' | 'risk_id'>>,
  ): Promise<boolean> {
    return updateVersioned(this.db, 'risk_treatments', id, version, changes);
  }

  async deleteTreatment(id: string, version: number): Promise<boolean> {
    return deleteVersioned(this.db, 'risk_treatments', id, version);
  }

  // Sign-offs

  acceptances(riskId: string): Promise<AcceptanceRow[]> {
    return this.db
      .selectFrom('risk_acceptances')
      .selectAll()
      .where('risk_id', '=', riskId)
      .orderBy('signed_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  async insertAcceptance(row: AcceptanceRow): Promise<void> {
    await this.db.insertInto('risk_acceptances').values(row).execute();
  }

  // The records a risk points at, for the checks of a write (read in the writing transaction).

  office(id: string) {
    return this.db.selectFrom('offices').select(['id', 'code']).where('id', '=', id).executeTakeFirst();
  }

  department(id: string) {
    return this.db
      .selectFrom('departments')
      .select(['id', 'office_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  person(id: string) {
    return this.db.selectFrom('people').select(['id', 'active']).where('id', '=', id).executeTakeFirst();
  }

  asset(id: string) {
    return this.db.selectFrom('assets').select(['id', 'office_id']).where('id', '=', id).executeTakeFirst();
  }

  aiSystem(id: string) {
    return this.db
      .selectFrom('ai_systems')
      .select(['id', 'office_id'])
      .where('id', '=', id)
      .executeTakeFirst();
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

  async officeCodes(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('offices').select(['id', 'code']).execute();
    return new Map(rows.map((row) => [row.id, row.code]));
  }

  async departmentCodes(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('departments').select(['id', 'code']).execute();
    return new Map(rows.map((row) => [row.id, row.code]));
  }
}
