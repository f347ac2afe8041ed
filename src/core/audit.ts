import { createHash } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import type { DialectName } from '../db/database.js';
import { lockAuditChain } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import type { AuditEventTable } from '../db/schema/org.js';
import { canonicalJson } from './canonical-json.js';
import { isoNow, type Clock } from './clock.js';
import { newId } from './ids.js';
import type { Actor } from './permissions.js';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'login' | 'logout' | string;

/** Who is acting and on behalf of which request: passed to every service method. */
export interface RequestContext {
  actor: Actor;
  requestId: string | null;
}

export interface AuditInput {
  action: AuditAction;
  entityType: string;
  entityId: string;
  officeId?: string | null;
  before?: unknown;
  after?: unknown;
}

type HashedFields = Omit<AuditEventTable, 'seq' | 'hash'>;

/** The SHA-256 over the previous hash and this event's canonical content. */
export function hashAuditEvent(event: HashedFields): string {
  const content = canonicalJson({
    id: event.id,
    at: event.at,
    actor_id: event.actor_id,
    actor_label: event.actor_label,
    action: event.action,
    entity_type: event.entity_type,
    entity_id: event.entity_id,
    office_id: event.office_id,
    before: event.before_json,
    after: event.after_json,
    request_id: event.request_id,
  });
  return createHash('sha256').update(event.prev_hash).update('\n').update(content).digest('hex');
}

/**
 * Append an audit event inside the caller's transaction, chained to the previous one. Call it
 * from the same transaction as the change so both land or neither does.
 */
export function recordAudit(
  trx: Transaction<Database>,
  dialect: DialectName,
  clock: Clock,
  ctx: RequestContext,
  input: AuditInput,
): Promise<void> {
  return recordAuditEvents(trx, dialect, clock, ctx, [input]);
}

/** Events appended per INSERT when many are recorded at once (well below both dialects' limits). */
const AUDIT_INSERT_ROWS = 200;

/**
 * Append several audit events, in order, chained as `recordAudit` would chain them one by one: the
 * chain is read and its head written once, the events inserted a few hundred at a time (bulk imports).
 */
export async function recordAuditEvents(
  trx: Transaction<Database>,
  dialect: DialectName,
  clock: Clock,
  ctx: RequestContext,
  inputs: readonly AuditInput[],
): Promise<void> {
  if (inputs.length === 0) return;
  await lockAuditChain(trx, dialect);
  const last = await trx
    .selectFrom('audit_events')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = inputs.map((input) => {
    const event: HashedFields = {
      id: newId(),
      at: isoNow(clock),
      actor_id: ctx.actor.userId,
      actor_label: ctx.actor.label,
      action: input.action,
      entity_type: input.entityType,
      entity_id: input.entityId,
      office_id: input.officeId ?? null,
      before_json: input.before === undefined ? null : canonicalJson(input.before),
      after_json: input.after === undefined ? null : canonicalJson(input.after),
      request_id: ctx.requestId,
      prev_hash: prevHash,
    };
    prevHash = hashAuditEvent(event);
    return { ...event, hash: prevHash };
  });
  // One INSERT numbers its rows in the order of its VALUES, so seq follows the chain.
  for (let i = 0; i < rows.length; i += AUDIT_INSERT_ROWS)
    await trx
      .insertInto('audit_events')
      .values(rows.slice(i, i + AUDIT_INSERT_ROWS))
      .execute();
  // The head lets verification notice events removed from the end of the chain.
  const head = prevHash;
  await trx
    .insertInto('custos_meta')
    .values({ key: AUDIT_HEAD_KEY, value: head })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: head }))
    .execute();
}

export const AUDIT_HEAD_KEY = 'audit_head';

export interface ChainBreak {
  seq: number;
  id: string;
  reason: 'hash_mismatch' | 'broken_link';
}

/** Check a run of events (in seq order) that starts after `prevHash`. Pure, for streaming verification. */
export function verifyChainSegment(
  events: Selectable<AuditEventTable>[],
  prevHash: string,
): { break: ChainBreak | null; lastHash: string } {
  let expectedPrev = prevHash;
  for (const event of events) {
    if (event.prev_hash !== expectedPrev) {
      return { break: { seq: event.seq, id: event.id, reason: 'broken_link' }, lastHash: expectedPrev };
    }
    if (hashAuditEvent(event) !== event.hash) {
      return { break: { seq: event.seq, id: event.id, reason: 'hash_mismatch' }, lastHash: expectedPrev };
    }
    expectedPrev = event.hash;
  }
  return { break: null, lastHash: expectedPrev };
}
