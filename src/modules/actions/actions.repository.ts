import type { Kysely, Selectable } from 'kysely';
import { afterCursor, type Cursor, type SortDirection } from '../../core/pagination.js';
import type { Database } from '../../db/schema.js';
import type { ActionTable } from '../../db/schema/inventory.js';

export type ActionRow = Selectable<ActionTable>;

/** A stored action with the names shown beside it: its subject's and its assignee's. */
export interface ActionListRow extends ActionRow {
  subject_name: string | null;
  assignee_name: string | null;
}

export const ACTION_SORT_COLUMNS = ['due_date', 'opened_at', 'updated_at'] as const;
export type ActionSortColumn = (typeof ACTION_SORT_COLUMNS)[number];

export interface ActionFilter {
  /** Offices the caller may see: undefined for the whole organisation; an empty set sees nothing. */
  scope: ReadonlySet<string> | undefined;
  assigneeId?: string;
  status?: string;
  source?: string;
  officeId?: string;
  subjectId?: string;
}

export interface ActionWindow {
  sort: { column: ActionSortColumn; direction: SortDirection };
  cursor: Cursor | null;
  limit: number;
}

const COLUMNS = [
  'actions.id',
  'actions.source',
  'actions.source_key',
  'actions.subject_type',
  'actions.subject_id',
  'actions.office_id',
  'actions.assignee_person_id',
  'actions.code',
  'actions.reason_codes',
  'actions.due_date',
  'actions.status',
  'actions.close_reason',
  'actions.opened_at',
  'actions.closed_at',
  'actions.version',
  'actions.created_at',
  'actions.updated_at',
] as const;

/** SQL for actions; no rules. `db` may be a transaction. */
export class ActionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private listQuery() {
    return this.db
      .selectFrom('actions')
      .leftJoin('assets', (join) =>
        join.onRef('assets.id', '=', 'actions.subject_id').on('actions.subject_type', '=', 'asset'),
      )
      .leftJoin('ai_systems', (join) =>
        join.onRef('ai_systems.id', '=', 'actions.subject_id').on('actions.subject_type', '=', 'ai_system'),
      )
      .leftJoin('risks', (join) =>
        join.onRef('risks.id', '=', 'actions.subject_id').on('actions.subject_type', '=', 'risk'),
      )
      .leftJoin('people', 'people.id', 'actions.assignee_person_id')
      .select(COLUMNS)
      .select((eb) => [
        eb.fn.coalesce('assets.name', 'ai_systems.name', 'risks.title').as('subject_name'),
        'people.full_name as assignee_name',
      ]);
  }

  /** Up to `limit + 1` rows after the cursor, so the caller can tell whether another page follows. */
  list(filter: ActionFilter, window: ActionWindow): Promise<ActionListRow[]> {
    if (filter.scope?.size === 0) return Promise.resolve([]);
    const { column, direction } = window.sort;
    let query = this.listQuery();
    if (filter.scope) query = query.where('actions.office_id', 'in', [...filter.scope]);
    if (filter.assigneeId) query = query.where('actions.assignee_person_id', '=', filter.assigneeId);
    if (filter.status) query = query.where('actions.status', '=', filter.status);
    if (filter.source) query = query.where('actions.source', '=', filter.source);
    if (filter.officeId) query = query.where('actions.office_id', '=', filter.officeId);
    if (filter.subjectId) query = query.where('actions.subject_id', '=', filter.subjectId);
    const sortColumn = `actions.${column}` as const;
    if (window.cursor) query = query.where(afterCursor(sortColumn, direction, window.cursor));
    return query
      .orderBy(sortColumn, direction)
      .orderBy('actions.id', direction)
      .limit(window.limit + 1)
      .execute();
  }

  findById(id: string): Promise<ActionListRow | undefined> {
    return this.listQuery().where('actions.id', '=', id).executeTakeFirst();
  }

  /** Every open action of a source (what a new run of that source is compared with). */
  openOf(source: string): Promise<ActionRow[]> {
    return this.db
      .selectFrom('actions')
      .selectAll()
      .where('source', '=', source)
      .where('status', '=', 'open')
      .orderBy('opened_at')
      .orderBy('id')
      .execute();
  }

  async insert(rows: readonly ActionRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500)
      await this.db
        .insertInto('actions')
        .values(rows.slice(i, i + 500))
        .execute();
  }

  /** Close open actions (those already closed are left as they are). */
  async close(ids: readonly string[], reason: string, at: string): Promise<void> {
    for (let i = 0; i < ids.length; i += 500)
      await this.db
        .updateTable('actions')
        .set((eb) => ({
          status: 'closed',
          close_reason: reason,
          closed_at: at,
          updated_at: at,
          version: eb('version', '+', 1),
        }))
        .where('id', 'in', ids.slice(i, i + 500))
        .where('status', '=', 'open')
        .execute();
  }

  async update(
    id: string,
    changes: Partial<Pick<ActionRow, 'reason_codes' | 'assignee_person_id' | 'office_id' | 'due_date'>>,
    at: string,
  ): Promise<void> {
    await this.db
      .updateTable('actions')
      .set((eb) => ({ ...changes, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }
}
