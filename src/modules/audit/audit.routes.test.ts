import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../core/ids.js';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { appendEvents, eventsInOrder, tamper } from './testing/audit-fixtures.js';

describeEachDialect('audit trail over HTTP', ({ db }) => {
  let t: TestApp;
  let auditor: TestClient;
  let officeA = '';
  const officeB = newId();

  beforeAll(async () => {
    t = await createTestApp(db());
    const office = await t.services.offices.create(
      { actor: systemActor('test'), requestId: null },
      { code: 'HQ-AUD', name: 'Audit unit', kind: 'hq_department' },
    );
    officeA = office.id;
    auditor = await t.signIn('auditor');
    await appendEvents(db(), t.clock, [
      { entityType: 'person', entityId: 'p-a', officeId: officeA },
      { entityType: 'person', entityId: 'p-b', officeId: officeB },
      { entityType: 'region', entityId: 'r-1', officeId: null },
    ]);
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('lets the auditor read every event, newest first, with parsed before and after', async () => {
    const res = await auditor.request({ method: 'GET', url: '/api/audit?limit=500' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const persons = body.items.filter((e: { entity_type: string }) => e.entity_type === 'person');
    expect(persons.map((e: { entity_id: string }) => e.entity_id)).toEqual(['p-b', 'p-a']);
    expect(persons[0]).toMatchObject({
      before: { name: 'Before' },
      after: { name: 'After' },
      office_id: officeB,
    });
    expect(body.items.some((e: { entity_type: string }) => e.entity_type === 'region')).toBe(true);
    expect(body.next_cursor).toBeNull();
  });

  it('pages with next_cursor and filters by entity', async () => {
    const first = await auditor.request({ method: 'GET', url: '/api/audit?entity_type=person&limit=1' });
    expect(first.json().items.map((e: { entity_id: string }) => e.entity_id)).toEqual(['p-b']);
    const cursor = first.json().next_cursor as string;
    const second = await auditor.request({
      method: 'GET',
      url: `/api/audit?entity_type=person&limit=1&cursor=${encodeURIComponent(cursor)}`,
    });
    expect(second.json().items.map((e: { entity_id: string }) => e.entity_id)).toEqual(['p-a']);
    expect(second.json().next_cursor).toBeNull();
  });

  it('shows an office focal point only the events of its offices', async () => {
    const focal = await t.signIn('office_focal_point', { offices: [officeA] });
    const res = await focal.request({ method: 'GET', url: '/api/audit' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { entity_type: string; entity_id: string; office_id: string }[];
    expect(items.filter((e) => e.entity_type === 'person').map((e) => e.entity_id)).toEqual(['p-a']);
    expect(items.every((e) => e.office_id === officeA)).toBe(true);
  });

  it('names the people the snapshots refer to, among those the caller may see; else the id stays', async () => {
    const ctx = { actor: systemActor('test'), requestId: null };
    const other = await t.services.offices.create(ctx, {
      code: 'HQ-AUD2',
      name: 'Other unit',
      kind: 'hq_department',
    });
    const [ada, bob] = await t.services.people.createMany(ctx, [
      { full_name: 'Ada Auditee', email: 'ada.audit@example.org', office_id: officeA },
      { full_name: 'Bob Elsewhere', email: 'bob.audit@example.org', office_id: other.id },
    ]);
    const gone = newId();
    await appendEvents(db(), t.clock, [
      {
        entityType: 'user',
        entityId: 'u-names',
        officeId: officeA,
        before: { person_id: gone, data_owner_id: bob!.id },
        after: { person_id: ada!.id, data_owner_id: null },
      },
    ]);
    const names = async (client: TestClient) => {
      const res = await client.request({ method: 'GET', url: '/api/audit?entity_id=u-names' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items[0].person_names as Record<string, string>;
    };
    expect(await names(auditor)).toEqual({ [ada!.id]: 'Ada Auditee', [bob!.id]: 'Bob Elsewhere' });
    // A focal point of office A sees the event, and Ada's name, but not Bob's (another office).
    const focal = await t.signIn('office_focal_point', { offices: [officeA] });
    expect(await names(focal)).toEqual({ [ada!.id]: 'Ada Auditee' });
  });

  it('refuses a viewer (403) and an anonymous caller (401)', async () => {
    const viewer = await t.signIn('viewer');
    const res = await viewer.request({ method: 'GET', url: '/api/audit' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/audit' });
    expect(anonymous.statusCode).toBe(401);
  });

  it.each([
    ['an unknown parameter', '/api/audit?entityType=person', 'entityType'],
    ['a malformed date', '/api/audit?from=yesterday', 'from'],
    ['a page size over 500', '/api/audit?limit=1000', 'limit'],
    ['a forged cursor', '/api/audit?cursor=abc', 'cursor'],
  ])('answers 400 naming the field for %s', async (_name, url, field) => {
    const res = await auditor.request({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.message).toContain(field);
  });

  it('verifies the chain for the auditor but not for a governance officer', async () => {
    const ok = await auditor.request({ method: 'GET', url: '/api/audit/verify' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, first_break: null });
    expect(ok.json().events_checked).toBeGreaterThanOrEqual(3);
    const officer = await t.signIn('governance_officer');
    const denied = await officer.request({ method: 'GET', url: '/api/audit/verify' });
    expect(denied.statusCode).toBe(403);
  });

  it('reports the altered event when the chain was tampered with', async () => {
    const events = await eventsInOrder(db());
    const target = events[events.length - 2]!;
    await tamper(
      db(),
      sql`update audit_events set actor_label = ${'someone else'} where seq = ${target.seq}`,
    );
    const res = await auditor.request({ method: 'GET', url: '/api/audit/verify' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: false,
      first_break: { seq: target.seq, id: target.id, reason: 'hash_mismatch' },
    });
  });
});
