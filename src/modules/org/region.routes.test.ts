import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';

describeEachDialect('regions over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('creates, reads, updates and deletes a region, auditing each change', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'EHoA', name: 'East and Horn of Africa' },
    });
    expect(created.statusCode, created.body).toBe(400); // codes are upper case
    const ok = await admin.request({
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'EHOA', name: 'East and Horn of Africa' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const region = ok.json();
    expect(region).toMatchObject({ code: 'EHOA', version: 1 });

    const patched = await admin.request({
      method: 'PATCH',
      url: `/api/regions/${region.id}`,
      payload: { name: 'East & Horn of Africa', version: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'East & Horn of Africa', version: 2 });

    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/regions/${region.id}`,
      payload: { name: 'Lost update', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const current = await admin.request({ method: 'GET', url: `/api/regions/${region.id}` });
    expect(current.json().name).toBe('East & Horn of Africa');

    const removed = await admin.request({ method: 'DELETE', url: `/api/regions/${region.id}?version=2` });
    expect(removed.statusCode, removed.body).toBe(204);
    const gone = await admin.request({ method: 'GET', url: `/api/regions/${region.id}` });
    expect(gone.statusCode).toBe(404);

    const events = await db()
      .kysely.selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('entity_id', '=', region.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses duplicates with 409 and unknown fields with 400 naming the field', async () => {
    await admin.request({
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'MENA', name: 'Middle East and North Africa' },
    });
    const dup = await admin.request({
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'MENA', name: 'Again' },
    });
    expect(dup.statusCode).toBe(409);
    const unknown = await admin.request({
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'WCA', name: 'West and Central Africa', colour: 'red' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('colour');
  });

  it('rejects malformed JSON without a stack trace', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/regions',
      payload: '{"code": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
    expect(res.body).not.toContain('at ');
  });

  it('lets a viewer read but not write, and asks anonymous callers to sign in', async () => {
    const viewer = await t.signIn('viewer');
    const write = await viewer.request({
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'ASIA', name: 'Asia and the Pacific' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('forbidden');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/regions' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'EEA', name: 'Europe' },
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });
});

describe('OpenAPI document', () => {
  it('is served as OpenAPI 3.1 and lists the region routes', async () => {
    const { openTestDb } = await import('../../db/testing/dialects.js');
    const db = await openTestDb('sqlite');
    const t = await createTestApp(db);
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/regions/{id}');
    await t.app.close();
    await db.close();
  });
});
