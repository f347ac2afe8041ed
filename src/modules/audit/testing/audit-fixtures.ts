import type { RawBuilder } from 'kysely';
import type { AuditInput, RequestContext } from '../../../core/audit.js';
import type { Clock } from '../../../core/clock.js';
import { newId } from '../../../core/ids.js';
import { ORGANISATION_WIDE_ROLES, systemActor, type Actor, type Role } from '../../../core/permissions.js';
import { inTransaction } from '../../../core/service-context.js';
import type { Db } from '../../../db/database.js';

/** Append audit events the way services do: each in its own transaction through recordAudit. */
export async function appendEvents(
  db: Db,
  clock: Clock & { advance(ms: number): void },
  inputs: Partial<AuditInput>[],
  ctx: RequestContext = { actor: systemActor('fixture'), requestId: null },
): Promise<void> {
  for (const input of inputs) {
    clock.advance(1000);
    await inTransaction({ db, clock }, ctx, (_trx, audit) =>
      audit({
        action: 'update',
        entityType: 'office',
        entityId: newId(),
        before: { name: 'Before' },
        after: { name: 'After' },
        ...input,
      }),
    );
  }
}

export async function eventsInOrder(db: Db): Promise<{ seq: number; id: string }[]> {
  return db.kysely.selectFrom('audit_events').select(['seq', 'id']).orderBy('seq').execute();
}

/** Tampering as an attacker with database access would: plain SQL, no service, no audit. */
export async function tamper(db: Db, statement: RawBuilder<unknown>): Promise<void> {
  await statement.execute(db.kysely);
}

export function actor(role: Role, officeIds: string[] = []): Actor {
  return {
    userId: newId(),
    label: `${role}@example.org`,
    role,
    scope: ORGANISATION_WIDE_ROLES.includes(role)
      ? { kind: 'all' }
      : { kind: 'offices', officeIds: new Set(officeIds), regionIds: new Set() },
    personId: null,
    readOnly: false,
  };
}

export function ctxOf(a: Actor): RequestContext {
  return { actor: a, requestId: null };
}
