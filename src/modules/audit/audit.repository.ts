import type { Kysely, Selectable } from 'kysely';
import { AUDIT_HEAD_KEY } from '../../core/audit.js';
import type { Database } from '../../db/schema.js';
import type { AuditEventTable } from '../../db/schema/org.js';

export type AuditEventRow = Selectable<AuditEventTable>;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  /** Inclusive lower bound on `at` (ISO-8601 UTC). */
  fromAt?: string;
  /** Exclusive upper bound on `at` (ISO-8601 UTC). */
  beforeAt?: string;
  /** Only events of these offices; undefined means no office restriction. */
  officeIds?: ReadonlySet<string>;
  /** Keyset: only events older than this seq. */
  beforeSeq?: number;
}

/** The chain as one statement saw it: the stored head, the newest seq and the number of events. */
export interface ChainState {
  head: string | null;
  lastSeq: number | null;
  total: number;
}

/** SQL for the audit trail; no rules. `db` may be a transaction. */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Newest first. */
  list(filter: AuditFilter, limit: number): Promise<AuditEventRow[]> {
    let query = this.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(limit);
    if (filter.entityType !== undefined) query = query.where('entity_type', '=', filter.entityType);
    if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
    if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.fromAt !== undefined) query = query.where('at', '>=', filter.fromAt);
    if (filter.beforeAt !== undefined) query = query.where('at', '<', filter.beforeAt);
    if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
    if (filter.officeIds !== undefined) {
      if (filter.officeIds.size === 0) return Promise.resolve([]);
      query = query.where('office_id', 'in', [...filter.officeIds]);
    }
    return query.execute();
  }

  /**
   * Head, newest seq and count read in ONE statement, so they describe the same committed state
   * even while other transactions append (each append moves the head in its own transaction).
   */
  async chainState(): Promise<ChainState> {
    const row = await this.db
      .selectNoFrom((eb) => [
        eb.selectFrom('custos_meta').select('value').where('key', '=', AUDIT_HEAD_KEY).$asScalar().as('head'),
        eb
          .selectFrom('audit_events')
          .select((e) => e.fn.max('seq').as('m'))
          .$asScalar()
          .as('last_seq'),
        eb
          .selectFrom('audit_events')
          .select((e) => e.fn.countAll<number>().as('n'))
          .$asScalar()
          .as('total'),
      ])
      .executeTakeFirstOrThrow();
    return {
      head: row.head ?? null,
      lastSeq: row.last_seq === null || row.last_seq === undefined ? null : Number(row.last_seq),
      total: Number(row.total ?? 0),
    };
  }

  /** The next events of the chain in seq order: after `afterSeq` (null: from the start) up to `upToSeq`. */
  chainBatch(afterSeq: number | null, upToSeq: number, limit: number): Promise<AuditEventRow[]> {
    let query = this.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '<=', upToSeq)
      .orderBy('seq', 'asc')
      .limit(limit);
    if (afterSeq !== null) query = query.where('seq', '>', afterSeq);
    return query.execute();
  }

  /** The name and office of each person with one of these ids (ids not found are absent). */
  async people(ids: readonly string[]): Promise<{ id: string; full_name: string; office_id: string }[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('people')
      .select(['id', 'full_name', 'office_id'])
      .where('id', 'in', [...ids])
      .execute();
  }
}
