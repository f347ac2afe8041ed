import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { isoDate, isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { decodeCursor, parseSort, toPage, type Page, type PageQuery } from '../../core/pagination.js';
import { inScope, requirePermission } from '../../core/permissions.js';
import type { ServiceDeps } from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import {
  ACTION_SORT_COLUMNS,
  ActionRepository,
  type ActionListRow,
  type ActionRow,
} from './actions.repository.js';
import type { Action, ActionListQuery, ActionStatus, LocalisedTitle } from './actions.schema.js';

export const ACTION_ENTITY = 'action';

/** Titles of a source's codes (the scorecard: control names), looked up when actions are listed. */
export type CodeTitles = () => Promise<ReadonlyMap<string, LocalisedTitle>>;

/** Names of a subject type's subjects (AI apps: their catalogue names), for subjects not in `assets`. */
export type SubjectNames = (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** An action a source raises. */
export interface NewAction {
  source: string;
  source_key: string;
  subject_type: string;
  subject_id: string;
  office_id: string | null;
  assignee_person_id: string | null;
  code: string;
  reason_codes: readonly string[];
  due_date: string;
}

/** What a source's run changes: new actions, closed ones and those whose reasons or assignee moved. */
export interface ActionChanges {
  open: readonly NewAction[];
  close: readonly { id: string; reason: string }[];
  update: readonly {
    id: string;
    changes: {
      reason_codes?: readonly string[];
      assignee_person_id?: string | null;
      office_id?: string | null;
      due_date?: string;
    };
  }[];
}

/** An open action as its source compares it with a new run. */
export interface StoredAction {
  id: string;
  source_key: string;
  subject_id: string;
  office_id: string | null;
  code: string;
  reason_codes: string[];
  assignee_person_id: string | null;
  due_date: string;
}

/**
 * Actions: things a person has to fix, raised by a source (the scorecard's failing controls today).
 * Reading needs 'actions.read' and keeps to the caller's offices; sources write through `openIn` and
 * `applyIn` inside their own transaction, after their own permission check, and audit the run as one
 * summary event (a run may open thousands of actions).
 */
export class ActionService {
  private readonly titles = new Map<string, CodeTitles>();
  private readonly subjects = new Map<string, SubjectNames>();

  constructor(private readonly deps: ServiceDeps) {}

  /** A source says how its codes are titled (called once by the composition root). */
  describeCodes(source: string, titles: CodeTitles): void {
    this.titles.set(source, titles);
  }

  /** A source says how its subjects are named when they are not assets (called by the composition root). */
  describeSubjects(subjectType: string, names: SubjectNames): void {
    this.subjects.set(subjectType, names);
  }

  async list(ctx: RequestContext, query: ActionListQuery & PageQuery): Promise<Page<Action>> {
    requirePermission(ctx.actor, 'actions.read');
    const sort = parseSort(query.sort, ACTION_SORT_COLUMNS, 'due_date');
    const mine = query.mine === 'true';
    if (mine && query.assignee && query.assignee !== ctx.actor.personId) {
      throw errors.validation('mine: give either mine=true or assignee, not both', [
        { path: 'mine', message: 'cannot be combined with another assignee' },
      ]);
    }
    // Without a linked person, "my actions" is empty rather than everyone's.
    if (mine && !ctx.actor.personId) return { items: [], next_cursor: null };
    const rows = await new ActionRepository(this.deps.db.kysely).list(
      {
        scope: ctx.actor.scope.kind === 'all' ? undefined : ctx.actor.scope.officeIds,
        assigneeId: mine ? ctx.actor.personId! : query.assignee,
        status: query.status,
        source: query.source,
        officeId: query.office,
        subjectId: query.subject,
      },
      { sort, cursor: query.cursor ? decodeCursor(query.cursor) : null, limit: query.limit },
    );
    const present = await this.presenter(rows);
    return toPage(rows, query.limit, (row) => row[sort.column], present);
  }

  async get(ctx: RequestContext, id: string): Promise<Action> {
    requirePermission(ctx.actor, 'actions.read');
    const row = await new ActionRepository(this.deps.db.kysely).findById(id);
    if (!row || !inScope(ctx.actor, row.office_id)) throw errors.notFound(ACTION_ENTITY, id);
    return (await this.presenter([row]))(row);
  }

  /** The open actions of a source, read in the source's transaction (or outside one, to show them). */
  async openIn(trx: Kysely<Database> | Transaction<Database>, source: string): Promise<StoredAction[]> {
    const rows = await new ActionRepository(trx).openOf(source);
    return rows.map((row) => ({
      id: row.id,
      source_key: row.source_key,
      subject_id: row.subject_id,
      office_id: row.office_id,
      code: row.code,
      reason_codes: JSON.parse(row.reason_codes) as string[],
      assignee_person_id: row.assignee_person_id,
      due_date: row.due_date,
    }));
  }

  /** Write a source's run in its transaction; the source audits it. */
  async applyIn(trx: Transaction<Database>, changes: ActionChanges): Promise<void> {
    const repo = new ActionRepository(trx);
    const now = isoNow(this.deps.clock);
    const byReason = new Map<string, string[]>();
    for (const { id, reason } of changes.close) byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
    for (const [reason, ids] of byReason) await repo.close(ids, reason, now);
    for (const { id, changes: change } of changes.update) {
      const { reason_codes, ...rest } = change;
      await repo.update(
        id,
        { ...rest, ...(reason_codes ? { reason_codes: JSON.stringify(reason_codes) } : {}) },
        now,
      );
    }
    await repo.insert(
      changes.open.map((action): ActionRow => ({
        id: newId(),
        ...action,
        reason_codes: JSON.stringify(action.reason_codes),
        status: 'open',
        close_reason: null,
        opened_at: now,
        closed_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    );
  }

  private async presenter(rows: readonly ActionListRow[]): Promise<(row: ActionListRow) => Action> {
    const titles = new Map<string, ReadonlyMap<string, LocalisedTitle>>();
    for (const source of new Set(rows.map((row) => row.source))) {
      const describe = this.titles.get(source);
      if (describe) titles.set(source, await describe());
    }
    const names = new Map<string, ReadonlyMap<string, string>>();
    for (const type of new Set(rows.map((row) => row.subject_type))) {
      const describe = this.subjects.get(type);
      if (describe)
        names.set(
          type,
          await describe([...new Set(rows.filter((r) => r.subject_type === type).map((r) => r.subject_id))]),
        );
    }
    const today = isoDate(this.deps.clock.now());
    return (row) => ({
      id: row.id,
      source: row.source,
      source_key: row.source_key,
      subject_type: row.subject_type,
      subject_id: row.subject_id,
      subject_name: row.subject_name ?? names.get(row.subject_type)?.get(row.subject_id) ?? null,
      office_id: row.office_id,
      assignee_person_id: row.assignee_person_id,
      assignee_name: row.assignee_name,
      code: row.code,
      code_title: titles.get(row.source)?.get(row.code) ?? null,
      reason_codes: JSON.parse(row.reason_codes) as string[],
      due_date: row.due_date,
      overdue: row.status === 'open' && row.due_date < today,
      status: row.status as ActionStatus,
      close_reason: row.close_reason,
      opened_at: row.opened_at,
      closed_at: row.closed_at,
      version: row.version,
      created_at: row.created_at,
      updated_at: row.updated_at,
    });
  }
}
