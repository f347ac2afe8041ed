import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { seedOrgWorld, type OrgWorld } from './testing/org-world.js';

describeEachDialect('people over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedOrgWorld(t.services, 'PR');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const post = (payload: object) => admin.request({ method: 'POST', url: '/api/people', payload });
  const get = (id: string) => admin.request({ method: 'GET', url: `/api/people/${id}` });
  const patch = (id: string, payload: object) =>
    admin.request({ method: 'PATCH', url: `/api/people/${id}`, payload });

  it('creates, reads, updates and deletes a person, auditing each change', async () => {
    const created = await post({
      full_name: '  Amina Okello ',
      email: 'Amina.Okello@Example.org',
      office_id: world.offices.kenya.id,
      department_id: world.departments.kenya.id,
      job_title: 'Data officer',
      governance_roles: ['focal_point', 'data_owner', 'focal_point'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const person = created.json();
    expect(person).toMatchObject({
      full_name: 'Amina Okello',
      email: 'amina.okello@example.org',
      governance_roles: ['data_owner', 'focal_point'],
      active: true,
      version: 1,
    });
    expect(person).not.toHaveProperty('search_text');
    expect((await get(person.id)).json()).toEqual(person);

    const patched = await patch(person.id, {
      active: false,
      governance_roles: [],
      job_title: '',
      version: 1,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      active: false,
      governance_roles: [],
      job_title: null,
      version: 2,
    });

    const removed = await admin.request({ method: 'DELETE', url: `/api/people/${person.id}?version=2` });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await get(person.id)).statusCode).toBe(404);

    const events = await db()
      .kysely.selectFrom('audit_events')
      .select(['action', 'office_id'])
      .where('entity_type', '=', 'person')
      .where('entity_id', '=', person.id)
      .orderBy('seq')
      .execute();
    expect(events).toEqual(
      ['create', 'update', 'delete'].map((action) => ({ action, office_id: world.offices.kenya.id })),
    );
  });

  it('moves a person to another office together with a department of that office', async () => {
    const person = (
      await post({
        full_name: 'Moussa Diallo',
        email: 'moussa@example.org',
        office_id: world.offices.kenya.id,
      })
    ).json();
    const moved = await patch(person.id, {
      office_id: world.offices.senegal.id,
      department_id: world.departments.senegal.id,
      version: 1,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ office_id: world.offices.senegal.id, version: 2 });
    const audit = await db()
      .kysely.selectFrom('audit_events')
      .select('office_id')
      .where('entity_id', '=', person.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(audit.office_id).toBe(world.offices.senegal.id);
  });

  it('refuses a department of another office with 400 naming department_id, and changes nothing', async () => {
    const wrong = await post({
      full_name: 'Wrong Unit',
      email: 'wrong.unit@example.org',
      office_id: world.offices.kenya.id,
      department_id: world.departments.senegal.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/^department_id: /);
    expect(wrong.json().error.details.issues[0].path).toBe('department_id');

    // Moving office alone would leave the person in a department of the old office.
    const person = (await get(world.people.ethiopia.id)).json();
    const officeOnly = await patch(person.id, {
      office_id: world.offices.senegal.id,
      version: person.version,
    });
    expect(officeOnly.statusCode).toBe(400);
    expect(officeOnly.json().error.message).toContain('department_id');
    const departmentOnly = await patch(person.id, {
      department_id: world.departments.kenya.id,
      version: person.version,
    });
    expect(departmentOnly.statusCode).toBe(400);
    expect((await get(person.id)).json()).toEqual(person);
  });

  it('refuses an unknown office with 404 naming office_id', async () => {
    const res = await post({
      full_name: 'Nowhere',
      email: 'nowhere@example.org',
      office_id: '0190f5d2-0000-7000-8000-000000000000',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details).toMatchObject({ entity: 'office', field: 'office_id' });
  });

  it('refuses a duplicate e-mail with 409 whatever its case, on create and on update', async () => {
    const dup = await post({
      full_name: 'Copy',
      email: world.people.kenya.email.toUpperCase(),
      office_id: world.offices.kenya.id,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'conflict', details: { field: 'email' } });
    const person = (await get(world.people.hq.id)).json();
    const taken = await patch(person.id, { email: world.people.senegal.email, version: person.version });
    expect(taken.statusCode).toBe(409);
    expect((await get(person.id)).json()).toEqual(person);
  });

  it('refuses a stale version with 409 and changes nothing, on update and delete', async () => {
    const person = (await get(world.people.senegal.id)).json();
    expect((await patch(person.id, { job_title: 'Analyst', version: person.version })).statusCode).toBe(200);
    const stale = await patch(person.id, { job_title: 'Lost update', version: person.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'version_conflict',
      details: { expected: person.version, actual: person.version + 1 },
    });
    const staleDelete = await admin.request({
      method: 'DELETE',
      url: `/api/people/${person.id}?version=${person.version}`,
    });
    expect(staleDelete.statusCode).toBe(409);
    expect((await get(person.id)).json()).toMatchObject({
      job_title: 'Analyst',
      version: person.version + 1,
    });
  });

  it('refuses bad input with 400 naming the field', async () => {
    const base = { full_name: 'Valid Name', email: 'valid@example.org', office_id: world.offices.kenya.id };
    const cases: [object, string][] = [
      [{ ...base, nickname: 'Val' }, 'nickname'],
      [{ ...base, email: 'not-an-email' }, 'email'],
      [{ ...base, active: 'yes' }, 'active'],
      [{ ...base, governance_roles: ['data_owner', 'overlord'] }, 'governance_roles'],
      [{ ...base, governance_roles: 'data_owner' }, 'governance_roles'],
      [{ ...base, full_name: '   ' }, 'full_name'],
      [{ ...base, department_id: 12 }, 'department_id'],
      [{ email: 'valid@example.org', office_id: world.offices.kenya.id }, 'full_name'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.message).toContain(field);
    }
    const noVersion = await patch(world.people.kenya.id, { job_title: 'x' });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.message).toContain('version');
    const badDelete = await admin.request({ method: 'DELETE', url: `/api/people/${world.people.kenya.id}` });
    expect(badDelete.statusCode).toBe(400);
    expect(badDelete.json().error.message).toContain('version');
  });

  it('refuses to delete a person linked to a user account with 409', async () => {
    const person = (await get(world.people.kenya.id)).json();
    await db()
      .kysely.updateTable('users')
      .set({ person_id: person.id })
      .where('id', '=', admin.user.id)
      .execute();
    const res = await admin.request({
      method: 'DELETE',
      url: `/api/people/${person.id}?version=${person.version}`,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('user account');
    expect((await get(person.id)).statusCode).toBe(200);
  });
});
