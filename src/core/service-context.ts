import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { recordAudit, recordAuditEvents, type AuditInput, type RequestContext } from './audit.js';
import type { Clock } from './clock.js';
import { errors } from './errors.js';

/** What every service gets: the database and the clock. Passed explicitly, never global. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
}

/** Appends one audit event to the transaction it was made for. */
export type AuditWriter = (input: AuditInput) => Promise<void>;

/** Run a change and its audit events in one transaction. */
export function inTransaction<T>(
  deps: ServiceDeps,
  ctx: RequestContext,
  work: (trx: Transaction<Database>, audit: AuditWriter) => Promise<T>,
): Promise<T> {
  return deps.db.kysely
    .transaction()
    .execute((trx) => work(trx, (input) => recordAudit(trx, deps.db.dialect, deps.clock, ctx, input)));
}

/** Audit events a bulk transaction holds back before appending them together. */
const AUDIT_BATCH = 1000;

/**
 * `inTransaction` for bulk writes of thousands of records: the audit events are appended a thousand
 * at a time (and the rest before commit) instead of one by one, in the same transaction and order.
 * Use it only where the work does not read the audit trail it is writing.
 */
export function inBulkTransaction<T>(
  deps: ServiceDeps,
  ctx: RequestContext,
  work: (trx: Transaction<Database>, audit: AuditWriter) => Promise<T>,
): Promise<T> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    let pending: AuditInput[] = [];
    const flush = async () => {
      const events = pending;
      pending = [];
      await recordAuditEvents(trx, deps.db.dialect, deps.clock, ctx, events);
    };
    const result = await work(trx, async (input) => {
      pending.push(input);
      if (pending.length >= AUDIT_BATCH) await flush();
    });
    await flush();
    return result;
  });
}

/**
 * After a versioned write matched no row: tell "someone changed it" (409) from "it is gone" (404).
 * Throws either way.
 */
export function throwStale(
  entity: string,
  id: string,
  expected: number,
  current: { version: number } | undefined,
): never {
  if (!current) throw errors.notFound(entity, id);
  throw errors.versionConflict(entity, id, expected, current.version);
}

/** Unique-constraint violations on both dialects. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}

/** Foreign-key violations on both dialects (a referenced row is missing, or a row is still referenced). */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
