import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_HEAD_KEY } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { systemActor } from '../../core/permissions.js';
import type { Db } from '../../db/database.js';
import { describeEachDialect, openTestDb } from '../../db/testing/dialects.js';
import { auditListQuerySchema, type AuditListInput } from './audit.schema.js';
import { AuditService } from './audit.service.js';
import { actor, appendEvents, ctxOf, eventsInOrder, tamper } from './testing/audit-fixtures.js';

const query = (input: AuditListInput = {}) => auditListQuerySchema.parse(input);

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describeEachDialect('AuditService.list', ({ db }) => {
  const clock = fixedClock('2026-11-30T09:00:00.000Z');
  const officeA = newId();
  const officeB = newId();
  const regionId = newId();
  const person = newId();
  let service: AuditService;

  beforeAll(async () => {
    service = new AuditService({ db: db(), clock });
    // 09:00:01 … 09:00:06, one second apart.
    await appendEvents(db(), clock, [
      { action: 'create', entityType: 'region', entityId: regionId, before: undefined, officeId: null },
      { action: 'create', entityType: 'person', entityId: person, officeId: officeA, before: undefined },
      { action: 'update', entityType: 'person', entityId: person, officeId: officeA },
      { action: 'create', entityType: 'office', entityId: officeB, officeId: officeB, before: undefined },
      { action: 'delete', entityType: 'person', entityId: person, officeId: officeA, after: undefined },
    ]);
    await appendEvents(db(), clock, [{ action: 'login', entityType: 'user', entityId: 'u1' }], {
      actor: { ...systemActor('someone@example.org'), userId: 'u1' },
      requestId: 'req-1',
    });
  });

  it('lists newest first with parsed before/after and the request id', async () => {
    const page = await service.list(ctxOf(actor('auditor')), query());
    expect(page.items.map((e) => e.action)).toEqual([
      'login',
      'delete',
      'create',
      'update',
      'create',
      'create',
    ]);
    const seqs = page.items.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(page.next_cursor).toBeNull();
    const update = page.items.find((e) => e.action === 'update');
    expect(update).toMatchObject({
      before: { name: 'Before' },
      after: { name: 'After' },
      office_id: officeA,
    });
    const deletion = page.items.find((e) => e.action === 'delete');
    expect(deletion?.after).toBeNull();
    expect(page.items[0]).toMatchObject({
      actor_id: 'u1',
      actor_label: 'someone@example.org',
      request_id: 'req-1',
    });
  });

  it('pages by seq with a cursor, without repeating or skipping events', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await service.list(ctxOf(actor('admin')), query({ limit: 4, cursor }));
      seen.push(...page.items.map((e) => e.seq));
      cursor = page.next_cursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(2);
    const all = (await eventsInOrder(db())).map((e) => e.seq).reverse();
    expect(seen).toEqual(all);
  });

  it('filters by entity, actor, action and time', async () => {
    const ctx = ctxOf(actor('governance_officer'));
    const ofPerson = await service.list(ctx, query({ entity_type: 'person', entity_id: person }));
    expect(ofPerson.items.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    const byActor = await service.list(ctx, query({ actor_id: 'u1' }));
    expect(byActor.items.map((e) => e.entity_type)).toEqual(['user']);
    const creates = await service.list(ctx, query({ action: 'create' }));
    expect(creates.items).toHaveLength(3);
    const window = await service.list(
      ctx,
      query({ from: '2026-11-30T09:00:02.000Z', to: '2026-11-30T09:00:04.000Z' }),
    );
    expect(window.items.map((e) => e.at)).toEqual(['2026-11-30T09:00:03.000Z', '2026-11-30T09:00:02.000Z']);
    const wholeDay = await service.list(ctx, query({ from: '2026-11-30', to: '2026-11-30' }));
    expect(wholeDay.items).toHaveLength(6);
    const dayBefore = await service.list(ctx, query({ to: '2026-11-29' }));
    expect(dayBefore.items).toHaveLength(0);
    const withOffset = await service.list(ctx, query({ from: '2026-11-30T11:00:05+02:00' }));
    expect(withOffset.items.map((e) => e.at)).toEqual([
      '2026-11-30T09:00:06.000Z',
      '2026-11-30T09:00:05.000Z',
    ]);
  });

  it('shows scoped callers only the events of offices in their scope', async () => {
    for (const role of ['office_focal_point', 'regional_focal_point', 'data_custodian'] as const) {
      const page = await service.list(ctxOf(actor(role, [officeA])), query());
      expect(page.items.map((e) => e.office_id)).toEqual([officeA, officeA, officeA]);
    }
    const other = await service.list(ctxOf(actor('office_focal_point', [officeB])), query());
    expect(other.items.map((e) => e.entity_id)).toEqual([officeB]);
    const none = await service.list(ctxOf(actor('data_custodian', [])), query());
    expect(none.items).toEqual([]);
    const filteredOutOfScope = await service.list(
      ctxOf(actor('office_focal_point', [officeB])),
      query({ entity_id: person }),
    );
    expect(filteredOutOfScope.items).toEqual([]);
  });

  it('shows organisation-level events (no office) only to organisation-wide callers', async () => {
    const scoped = await service.list(ctxOf(actor('regional_focal_point', [officeA, officeB])), query());
    expect(scoped.items.some((e) => e.office_id === null)).toBe(false);
    const auditor = await service.list(ctxOf(actor('auditor')), query({ entity_type: 'region' }));
    expect(auditor.items.map((e) => e.entity_id)).toEqual([regionId]);
  });

  it('refuses callers without audit.read', async () => {
    await expectAppError(service.list(ctxOf(actor('viewer')), query()), 'forbidden');
  });

  it('refuses a forged cursor and an empty time window', async () => {
    const forged = Buffer.from(JSON.stringify({ v: 'x', id: 'y' })).toString('base64url');
    await expectAppError(service.list(ctxOf(actor('admin')), query({ cursor: forged })), 'validation_failed');
    await expectAppError(
      service.list(ctxOf(actor('admin')), query({ cursor: 'not-base64-json' })),
      'validation_failed',
    );
    const window = await expectAppError(
      service.list(
        ctxOf(actor('admin')),
        query({ from: '2026-11-30T10:00:00Z', to: '2026-11-30T09:00:00Z' }),
      ),
      'validation_failed',
    );
    expect(window.message).toContain('from must be before to');
  });
});

describe('auditListQuerySchema', () => {
  it.each([
    [{ colour: 'red' }],
    [{ from: '30/11/2026' }],
    [{ to: '2026-02-30' }],
    [{ limit: '0' }],
    [{ limit: '501' }],
    [{ entity_type: '' }],
  ])('refuses %j', (input) => {
    expect(auditListQuerySchema.safeParse(input).success).toBe(false);
  });

  it('defaults the page size to 50', () => {
    expect(auditListQuerySchema.parse({}).limit).toBe(50);
  });
});

describeEachDialect('AuditService.verify', ({ dialect }) => {
  const clock = fixedClock('2026-11-30T09:00:00.000Z');
  const auditor = ctxOf(actor('auditor'));

  /** A fresh database per test: each one tampers with its own chain. */
  async function chainOf(count: number): Promise<{ db: Db; service: AuditService }> {
    const db = await openTestDb(dialect);
    await appendEvents(
      db,
      clock,
      Array.from({ length: count }, (_, i) => ({ after: { n: i } })),
    );
    return { db, service: new AuditService({ db, clock }) };
  }

  it('verifies an untouched chain, reporting progress batch by batch', async () => {
    const { db, service } = await chainOf(5);
    const reports: [number, number][] = [];
    const result = await service.verify(auditor, {
      batchSize: 2,
      onProgress: (done, total) => reports.push([done, total]),
    });
    expect(result).toEqual({ ok: true, events_checked: 5, first_break: null });
    expect(reports).toEqual([
      [0, 5],
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    await db.close();
  });

  it('verifies an empty chain', async () => {
    const { db, service } = await chainOf(0);
    expect(await service.verify(auditor)).toEqual({ ok: true, events_checked: 0, first_break: null });
    await db.close();
  });

  it('names the event whose after_json was altered (hash_mismatch)', async () => {
    const { db, service } = await chainOf(5);
    const events = await eventsInOrder(db);
    const target = events[3]!;
    await tamper(db, sql`update audit_events set after_json = ${'{"n":999}'} where seq = ${target.seq}`);
    const result = await service.verify(auditor, { batchSize: 2 });
    expect(result).toEqual({
      ok: false,
      events_checked: 3,
      first_break: { seq: target.seq, id: target.id, reason: 'hash_mismatch' },
    });
    await db.close();
  });

  it('names the event after a deleted middle event (broken_link)', async () => {
    const { db, service } = await chainOf(5);
    const events = await eventsInOrder(db);
    await tamper(db, sql`delete from audit_events where seq = ${events[2]!.seq}`);
    const result = await service.verify(auditor);
    expect(result.first_break).toEqual({ seq: events[3]!.seq, id: events[3]!.id, reason: 'broken_link' });
    expect(result.events_checked).toBe(2);
    await db.close();
  });

  it('notices a deleted first event (the next one no longer starts the chain)', async () => {
    const { db, service } = await chainOf(3);
    const events = await eventsInOrder(db);
    await tamper(db, sql`delete from audit_events where seq = ${events[0]!.seq}`);
    const result = await service.verify(auditor);
    expect(result.first_break).toEqual({ seq: events[1]!.seq, id: events[1]!.id, reason: 'broken_link' });
    await db.close();
  });

  it('notices a deleted last event through the stored head (head_mismatch)', async () => {
    const { db, service } = await chainOf(4);
    const events = await eventsInOrder(db);
    await tamper(db, sql`delete from audit_events where seq = ${events[3]!.seq}`);
    const result = await service.verify(auditor);
    expect(result).toEqual({
      ok: false,
      events_checked: 3,
      first_break: { seq: events[2]!.seq, id: events[2]!.id, reason: 'head_mismatch' },
    });
    await db.close();
  });

  it('notices a removed head record and a wiped chain (missing)', async () => {
    const { db, service } = await chainOf(2);
    const events = await eventsInOrder(db);
    await tamper(db, sql`delete from custos_meta where key = ${AUDIT_HEAD_KEY}`);
    expect((await service.verify(auditor)).first_break).toEqual({
      seq: events[1]!.seq,
      id: events[1]!.id,
      reason: 'missing',
    });
    await db.close();

    const wiped = await chainOf(2);
    await tamper(wiped.db, sql`delete from audit_events`);
    expect(await wiped.service.verify(auditor)).toEqual({
      ok: false,
      events_checked: 0,
      first_break: { seq: null, id: null, reason: 'missing' },
    });
    await wiped.db.close();
  });

  it('notices an event inserted before the first one', async () => {
    const { db, service } = await chainOf(2);
    await tamper(
      db,
      sql`insert into audit_events (seq, id, at, actor_id, actor_label, action, entity_type, entity_id, office_id, before_json, after_json, request_id, prev_hash, hash)
          values (-1, ${newId()}, '2026-01-01T00:00:00.000Z', null, 'forger', 'create', 'office', 'x', null, null, null, null, ${'0'.repeat(64)}, ${'f'.repeat(64)})`,
    );
    const result = await service.verify(auditor);
    expect(result.first_break).toMatchObject({ seq: -1, reason: 'hash_mismatch' });
    await db.close();
  });

  it('does not flag events appended while it runs', async () => {
    const { db, service } = await chainOf(6);
    const appends: Promise<void>[] = [];
    const result = await service.verify(auditor, {
      batchSize: 1,
      onProgress: (done) => {
        if (done === 1) appends.push(appendEvents(db, clock, [{ after: { late: true } }]));
      },
    });
    await Promise.all(appends);
    expect(result).toEqual({ ok: true, events_checked: 6, first_break: null });
    expect(await service.verify(auditor)).toEqual({ ok: true, events_checked: 7, first_break: null });
    await db.close();
  });

  it('keeps the chain valid under 20 concurrent appending transactions', async () => {
    const { db, service } = await chainOf(0);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendEvents(db, clock, [{ entityId: `parallel-${i}`, after: { i } }], {
          actor: systemActor(`worker-${i}`),
          requestId: null,
        }),
      ),
    );
    expect(await service.verify(auditor)).toEqual({ ok: true, events_checked: 20, first_break: null });
    const hashes = await db.kysely.selectFrom('audit_events').select('prev_hash').execute();
    expect(new Set(hashes.map((h) => h.prev_hash)).size).toBe(20);
    await db.close();
  });

  it('refuses callers without audit.verify, even those who may read the trail', async () => {
    const { db, service } = await chainOf(1);
    for (const role of ['governance_officer', 'regional_focal_point', 'data_custodian', 'viewer'] as const) {
      await expectAppError(service.verify(ctxOf(actor(role))), 'forbidden');
    }
    expect((await service.verify(ctxOf(actor('admin')))).ok).toBe(true);
    await db.close();
  });
});
