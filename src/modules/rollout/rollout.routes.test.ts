import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { seedOrgWorld, type OrgWorld } from '../org/testing/org-world.js';

describeEachDialect('regional roll-out over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db()); // today is 2026-11-30
    admin = await t.signIn('admin');
    world = await seedOrgWorld(t.services, 'RH');
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('manages waves: create, read, change, refuse a stale change, delete', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/rollout/waves',
      payload: { region_id: world.regions.west.id, name: 'Wave A', number: 1, planned_start: '2027-01-01' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const wave = created.json();
    const listed = await admin.request({
      method: 'GET',
      url: `/api/rollout/waves?region_id=${world.regions.west.id}`,
    });
    expect(listed.json().items.map((w: { id: string }) => w.id)).toEqual([wave.id]);
    const patched = await admin.request({
      method: 'PATCH',
      url: `/api/rollout/waves/${wave.id}`,
      payload: { name: 'Wave A (Sahel)', version: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/rollout/waves/${wave.id}`,
      payload: { name: 'Lost', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const bad = await admin.request({
      method: 'POST',
      url: '/api/rollout/waves',
      payload: { region_id: world.regions.west.id, name: 'No number' },
    });
    expect(bad.statusCode).toBe(400);
    const removed = await admin.request({ method: 'DELETE', url: `/api/rollout/waves/${wave.id}?version=2` });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await admin.request({ method: 'GET', url: `/api/rollout/waves/${wave.id}` })).statusCode).toBe(
      404,
    );
  });

  it('sets an office through PATCH, lists it with its overdue flag and shows it in the progress', async () => {
    const wave = (
      await admin.request({
        method: 'POST',
        url: '/api/rollout/waves',
        payload: { region_id: world.regions.east.id, name: 'East 1', number: 1 },
      })
    ).json();
    const set = await admin.request({
      method: 'PATCH',
      url: `/api/rollout/offices/${world.offices.ethiopia.id}`,
      payload: { status: 'onboarding', wave_id: wave.id, target_date: '2026-11-20', version: 0 },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ status: 'onboarding', overdue: true, days_overdue: 10, version: 1 });

    const overdue = await admin.request({ method: 'GET', url: '/api/rollout/offices?overdue=true' });
    expect(overdue.json().items.map((o: { office_code: string }) => o.office_code)).toEqual(['ET-RH']);
    const page = await admin.request({ method: 'GET', url: '/api/rollout/offices?limit=2' });
    expect(page.json().items).toHaveLength(2);
    expect(page.json().next_cursor).toEqual(expect.any(String));

    const again = await admin.request({
      method: 'PATCH',
      url: `/api/rollout/offices/${world.offices.ethiopia.id}`,
      payload: { status: 'complete', version: 1 },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.issues[0].path).toBe('actual_date');

    const stillUsed = await admin.request({
      method: 'DELETE',
      url: `/api/rollout/waves/${wave.id}?version=1`,
    });
    expect(stillUsed.statusCode).toBe(409);
    expect(stillUsed.json().error.details).toMatchObject({ reason: 'referenced' });

    const progress = await admin.request({
      method: 'GET',
      url: `/api/rollout/progress?region_id=${world.regions.east.id}`,
    });
    expect(progress.statusCode, progress.body).toBe(200);
    const east = progress.json().regions[0];
    expect(east).toMatchObject({ region_code: 'ERH', offices: 2 });
    expect(east.waves[0]).toMatchObject({ name: 'East 1', offices: 1, by_status: { onboarding: 1 } });
    expect(east.overdue).toEqual([expect.objectContaining({ office_code: 'ET-RH', days_overdue: 10 })]);
  });

  it('refuses a viewer’s change with 403 and an office focal point’s change to another office with 404', async () => {
    const viewer = await t.signIn('viewer', { offices: [world.offices.kenya.id] });
    const denied = await viewer.request({
      method: 'PATCH',
      url: `/api/rollout/offices/${world.offices.kenya.id}`,
      payload: { status: 'onboarding', version: 0 },
    });
    expect(denied.statusCode).toBe(403);
    expect((await viewer.request({ method: 'GET', url: '/api/rollout/progress' })).statusCode).toBe(200);

    const focal = await t.signIn('office_focal_point', { offices: [world.offices.kenya.id] });
    const elsewhere = await focal.request({
      method: 'PATCH',
      url: `/api/rollout/offices/${world.offices.senegal.id}`,
      payload: { status: 'onboarding', version: 0 },
    });
    expect(elsewhere.statusCode).toBe(404);
    const own = await focal.request({
      method: 'PATCH',
      url: `/api/rollout/offices/${world.offices.kenya.id}`,
      payload: { status: 'onboarding', target_date: '2027-01-31', version: 0 },
    });
    expect(own.statusCode, own.body).toBe(200);
    const wave = await focal.request({
      method: 'POST',
      url: '/api/rollout/waves',
      payload: { region_id: world.regions.east.id, name: 'Mine', number: 7 },
    });
    expect(wave.statusCode).toBe(403);
  });

  it('describes the roll-out routes in the OpenAPI document', async () => {
    const spec = (await admin.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/rollout/waves',
        '/api/rollout/waves/{id}',
        '/api/rollout/offices',
        '/api/rollout/offices/{officeId}',
        '/api/rollout/progress',
      ]),
    );
  });
});
