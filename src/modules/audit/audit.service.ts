import { GENESIS_HASH, verifyChainSegment, type RequestContext } from '../../core/audit.js';
import { errors } from '../../core/errors.js';
import { decodeCursor, toPage, type Page } from '../../core/pagination.js';
import { inScope, requirePermission, type Actor } from '../../core/permissions.js';
import type { ProgressCallback } from '../../core/progress.js';
import type { ServiceDeps } from '../../core/service-context.js';
import { AuditRepository, type AuditEventRow } from './audit.repository.js';
import type {
  AuditEvent,
  AuditListEvent,
  AuditListQuery,
  AuditVerifyResult,
  ChainBreakReason,
} from './audit.schema.js';

export interface VerifyOptions {
  onProgress?: ProgressCallback;
  /** Events read per query: memory stays bounded however long the chain is. */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 1000;

export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  private repo(): AuditRepository {
    return new AuditRepository(this.deps.db.kysely);
  }

  /**
   * Newest first, keyset-paginated by seq. Organisation-wide callers see every event; scoped callers
   * only events of offices in their scope (events without an office are organisation-level).
   */
  async list(ctx: RequestContext, query: AuditListQuery): Promise<Page<AuditListEvent>> {
    requirePermission(ctx.actor, 'audit.read');
    const { fromAt, beforeAt } = timeRange(query.from, query.to);
    const scope = ctx.actor.scope;
    const rows = await this.repo().list(
      {
        entityType: query.entity_type,
        entityId: query.entity_id,
        actorId: query.actor_id,
        action: query.action,
        fromAt,
        beforeAt,
        officeIds: scope.kind === 'all' ? undefined : scope.officeIds,
        beforeSeq: query.cursor === undefined ? undefined : seqFromCursor(query.cursor),
      },
      query.limit + 1,
    );
    const page = toPage(rows, query.limit, (row) => row.seq, presentAuditEvent);
    const names = await this.personNames(ctx.actor, page.items);
    return {
      ...page,
      items: page.items.map((event) => ({ ...event, person_names: namesFor(event, names) })),
    };
  }

  /**
   * The names of the people the events' snapshots name in person fields, among those the caller may
   * see (a person outside the caller's offices, or deleted since, is left out: the id shows instead).
   */
  private async personNames(actor: Actor, events: readonly AuditEvent[]): Promise<Map<string, string>> {
    const ids = new Set(events.flatMap((event) => personIds(event)));
    const people = await this.repo().people([...ids]);
    return new Map(
      people
        .filter((person) => inScope(actor, person.office_id))
        .map((person) => [person.id, person.full_name]),
    );
  }

  /**
   * Walk the whole chain in seq order, a batch at a time: each event must link to the previous
   * hash and hash to its stored value, and the last one must match the head kept in custos_meta
   * (which catches events removed from the end). Events appended while this runs are left for the
   * next run: the walk stops at the newest event that existed when it started.
   */
  async verify(ctx: RequestContext, options: VerifyOptions = {}): Promise<AuditVerifyResult> {
    requirePermission(ctx.actor, 'audit.verify');
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const repo = this.repo();
    const state = await repo.chainState();
    options.onProgress?.(0, state.total);

    let checked = 0;
    let prevHash = GENESIS_HASH;
    let last: AuditEventRow | undefined;
    if (state.lastSeq !== null) {
      for (;;) {
        const batch = await repo.chainBatch(last?.seq ?? null, state.lastSeq, batchSize);
        if (batch.length === 0) break;
        const segment = verifyChainSegment(batch, prevHash);
        if (segment.break) {
          const brokenSeq = segment.break.seq;
          checked += batch.findIndex((event) => event.seq === brokenSeq);
          options.onProgress?.(checked, state.total);
          return broken(checked, segment.break.seq, segment.break.id, segment.break.reason);
        }
        checked += batch.length;
        prevHash = segment.lastHash;
        last = batch[batch.length - 1];
        options.onProgress?.(checked, state.total);
        if (batch.length < batchSize) break;
      }
    }

    if (!last) {
      return state.head === null
        ? { ok: true, events_checked: 0, first_break: null }
        : broken(0, null, null, 'missing');
    }
    if (state.head === null) return broken(checked, last.seq, last.id, 'missing');
    if (state.head !== last.hash) return broken(checked, last.seq, last.id, 'head_mismatch');
    return { ok: true, events_checked: checked, first_break: null };
  }
}

function broken(
  checked: number,
  seq: number | null,
  id: string | null,
  reason: ChainBreakReason,
): AuditVerifyResult {
  return { ok: false, events_checked: checked, first_break: { seq, id, reason } };
}

export function presentAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    actor_id: row.actor_id,
    actor_label: row.actor_label,
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    office_id: row.office_id,
    before: parseStored(row.before_json),
    after: parseStored(row.after_json),
    request_id: row.request_id,
  };
}

/** Stored JSON as a value; text that is not JSON (a tampered row) is shown as it is, not hidden. */
function parseStored(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `from` inclusive, `to` exclusive; a bare date `to` covers that whole UTC day. */
export function timeRange(from?: string, to?: string): { fromAt?: string; beforeAt?: string } {
  const fromAt = from === undefined ? undefined : startOf(from, 'from');
  const beforeAt = to === undefined ? undefined : isDateOnly(to) ? nextDay(to) : startOf(to, 'to');
  if (fromAt !== undefined && beforeAt !== undefined && fromAt >= beforeAt) {
    throw errors.validation('from must be before to', [
      { path: 'from', message: `${from} is not before ${to}` },
    ]);
  }
  return { fromAt, beforeAt };
}

function isDateOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function startOf(value: string, field: 'from' | 'to'): string {
  const instant = new Date(isDateOnly(value) ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(instant.getTime())) {
    throw errors.validation(`${value} is not a valid date or time`, [
      { path: field, message: 'invalid date' },
    ]);
  }
  return instant.toISOString();
}

function nextDay(date: string): string {
  return new Date(Date.parse(startOf(date, 'to')) + 86_400_000).toISOString();
}

function seqFromCursor(cursor: string): number {
  const { v } = decodeCursor(cursor);
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw errors.validation('cursor is not valid: use next_cursor from the previous page', [
      { path: 'cursor', message: 'invalid cursor' },
    ]);
  }
  return v;
}

/** Snapshot fields that hold a person's id (or a list of them). */
const PERSON_FIELDS = new Set(['person_id', 'data_owner_id', 'data_custodian_id', 'focal_point_id']);
const isPersonField = (field: string) =>
  PERSON_FIELDS.has(field) || field.endsWith('_person_id') || field.endsWith('_person_ids');

/** The person ids in an event's before and after snapshots. */
function personIds(event: AuditEvent): string[] {
  const ids: string[] = [];
  for (const snapshot of [event.before, event.after]) {
    if (snapshot === null || typeof snapshot !== 'object' || Array.isArray(snapshot)) continue;
    for (const [field, value] of Object.entries(snapshot as Record<string, unknown>)) {
      if (!isPersonField(field)) continue;
      for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') ids.push(item);
    }
  }
  return ids;
}

function namesFor(event: AuditEvent, names: ReadonlyMap<string, string>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const id of personIds(event)) {
    const name = names.get(id);
    if (name !== undefined) found[id] = name;
  }
  return found;
}
