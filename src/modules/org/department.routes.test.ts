import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { seedOrgWorld, type OrgWorld } from './testing/org-world.js';

describeEachDialect('departments over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedOrgWorld(t.services, 'DP');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const post = (payload: object) => admin.request({ method: 'POST', url: '/api/departments', payload });
  const get = (id: string) => admin.request({ method: 'GET', url: `/api/departments/${id}` });

  it('creates, reads, updates and deletes a department, auditing each change against its office', async () => {
    const created = await post({ office_id: world.offices.kenya.id, code: 'prot', name: 'Protection' });
    expect(created.statusCode, created.body).toBe(201);
    const department = created.json();
    expect(department).toMatchObject({ office_id: world.offices.kenya.id, code: 'PROT', version: 1 });
    expect((await get(department.id)).json()).toEqual(department);

    const patched = await admin.request({
      method: 'PATCH',
      url: `/api/departments/${department.id}`,
      payload: { name: 'Protection and Solutions', version: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Protection and Solutions', code: 'PROT', version: 2 });

    const removed = await admin.request({
      method: 'DELETE',
      url: `/api/departments/${department.id}?version=2`,
    });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await get(department.id)).statusCode).toBe(404);

    const events = await db()
      .kysely.selectFrom('audit_events')
      .select(['action', 'office_id'])
      .where('entity_id', '=', department.id)
      .orderBy('seq')
      .execute();
    expect(events).toEqual(
      ['create', 'update', 'delete'].map((action) => ({ action, office_id: world.offices.kenya.id })),
    );
  });

  it('allows the same code in two offices but refuses a duplicate within one office with 409', async () => {
    const ethiopia = await post({ office_id: world.offices.ethiopia.id, code: 'SUPPLY', name: 'Supply' });
    const senegal = await post({ office_id: world.offices.senegal.id, code: 'SUPPLY', name: 'Supply' });
    expect([ethiopia.statusCode, senegal.statusCode]).toEqual([201, 201]);
    const dup = await post({ office_id: world.offices.ethiopia.id, code: 'supply', name: 'Again' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'conflict', details: { field: 'code' } });

    const other = await post({ office_id: world.offices.ethiopia.id, code: 'HR', name: 'Human resources' });
    const renamed = await admin.request({
      method: 'PATCH',
      url: `/api/departments/${other.json().id}`,
      payload: { code: 'SUPPLY', version: 1 },
    });
    expect(renamed.statusCode).toBe(409);
    expect((await get(other.json().id)).json()).toMatchObject({ code: 'HR', version: 1 });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const department = (await get(world.departments.senegal.id)).json();
    const first = await admin.request({
      method: 'PATCH',
      url: `/api/departments/${department.id}`,
      payload: { name: 'Data and analytics', version: department.version },
    });
    expect(first.statusCode).toBe(200);
    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/departments/${department.id}`,
      payload: { name: 'Lost update', version: department.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await get(department.id)).json()).toMatchObject({
      name: 'Data and analytics',
      version: department.version + 1,
    });
  });

  it('refuses to delete a department people belong to, saying so', async () => {
    const department = (await get(world.departments.hq.id)).json();
    const res = await admin.request({
      method: 'DELETE',
      url: `/api/departments/${department.id}?version=${department.version}`,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Department DATA still has 1 person(s); move them first');
    expect((await get(department.id)).statusCode).toBe(200);
  });

  it('refuses bad input with 400 naming the field, and an unknown office with 404 naming office_id', async () => {
    const cases: [object, string][] = [
      [{ office_id: world.offices.kenya.id, code: 'OK', name: 'Fine', colour: 'red' }, 'colour'],
      [{ office_id: world.offices.kenya.id, code: 'OK', name: '' }, 'name'],
      [{ office_id: world.offices.kenya.id, code: 7, name: 'Seven' }, 'code'],
      [{ office_id: 'kenya', code: 'OK', name: 'Fine' }, 'office_id'],
      [{ code: 'OK', name: 'Fine' }, 'office_id'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.message).toContain(field);
    }
    const moving = await admin.request({
      method: 'PATCH',
      url: `/api/departments/${world.departments.kenya.id}`,
      payload: { office_id: world.offices.senegal.id, version: 1 },
    });
    expect(moving.statusCode).toBe(400);
    expect(moving.json().error.message).toContain('office_id');

    const unknown = await post({
      office_id: '0190f5d2-0000-7000-8000-000000000000',
      code: 'OK',
      name: 'Fine',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.details).toMatchObject({ entity: 'office', field: 'office_id' });
  });

  it('lists departments of one office, sorted and paged', async () => {
    const office = (
      await admin.request({
        method: 'POST',
        url: '/api/offices',
        payload: { code: 'HQ-PAGING', name: 'Paging', kind: 'hq_department' },
      })
    ).json();
    for (const code of ['D3', 'D1', 'D5', 'D2', 'D4'])
      await post({ office_id: office.id, code, name: `Unit ${code}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await admin.request({
        method: 'GET',
        url: `/api/departments?office_id=${office.id}&sort=code&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().items.map((d: { code: string }) => d.code));
      cursor = res.json().next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['D1', 'D2', 'D3', 'D4', 'D5']);
    const desc = await admin.request({
      method: 'GET',
      url: `/api/departments?office_id=${office.id}&sort=-name`,
    });
    expect(desc.json().items.map((d: { code: string }) => d.code)).toEqual(['D5', 'D4', 'D3', 'D2', 'D1']);
  });
});
