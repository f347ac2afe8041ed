import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../core/ids.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';

describeEachDialect('user management over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let regionId: string;
  let officeId: string;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    const region = await admin.request({
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'WCA', name: 'West' },
    });
    regionId = region.json().id;
    // Offices have no routes in this module: put one in the database as the organisation module would.
    officeId = newId();
    await db()
      .kysely.insertInto('offices')
      .values({
        id: officeId,
        code: 'SN-DKR',
        name: 'Dakar',
        kind: 'country_office',
        region_id: regionId,
        country_code: 'SN',
        city: 'Dakar',
        search_text: 'dakar',
        version: 1,
        created_at: '2026-11-30T09:00:00.000Z',
        updated_at: '2026-11-30T09:00:00.000Z',
      })
      .execute();
  });
  afterAll(async () => {
    await t.app.close();
  });

  const create = (payload: object) => admin.request({ method: 'POST', url: '/api/users', payload });

  it('creates a user with a one-time generated password the user must change', async () => {
    const res = await create({
      email: 'Fatou.Sow@Example.org',
      display_name: 'Fatou Sow',
      role: 'office_focal_point',
      scope_office_ids: [officeId],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({
      email: 'fatou.sow@example.org',
      role: 'office_focal_point',
      scope_office_ids: [officeId],
      must_change_password: true,
      version: 1,
    });
    expect(body.generated_password).toMatch(/^[A-Za-z0-9]{20}$/);
    const client = await t.signInAs('fatou.sow@example.org', body.generated_password);
    expect(client.user.must_change_password).toBe(true);

    const audit = await db()
      .kysely.selectFrom('audit_events')
      .select(['action', 'after_json', 'actor_label'])
      .where('entity_id', '=', body.user.id)
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(audit.actor_label).toBe(admin.user.email);
    expect(audit.after_json).not.toContain('argon2');
    expect(audit.after_json).not.toContain(body.generated_password);
  });

  it('refuses scope ids that do not exist, naming each, and duplicate e-mails', async () => {
    const missing = newId();
    const bad = await create({
      email: 'scope@example.org',
      display_name: 'Scope',
      role: 'regional_focal_point',
      scope_region_ids: [regionId, missing],
      scope_office_ids: [missing],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'scope_region_ids.1',
      'scope_office_ids.0',
    ]);
    const notUuid = await create({
      email: 'x@example.org',
      display_name: 'X',
      role: 'viewer',
      scope_region_ids: ['EHOA'],
    });
    expect(notUuid.statusCode).toBe(400);
    const unknownField = await create({
      email: 'y@example.org',
      display_name: 'Y',
      role: 'viewer',
      admin: true,
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.message).toContain('admin');
    const badRole = await create({ email: 'z@example.org', display_name: 'Z', role: 'superuser' });
    expect(badRole.statusCode).toBe(400);

    expect((await create({ email: 'dup@example.org', display_name: 'Dup', role: 'viewer' })).statusCode).toBe(
      201,
    );
    const dup = await create({ email: 'DUP@example.org', display_name: 'Dup again', role: 'viewer' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('conflict');
  });

  it('lists users a page at a time, filtered by text, role and disabled', async () => {
    for (const name of ['list-a', 'list-b', 'list-c']) {
      await create({ email: `${name}@example.org`, display_name: `Lister ${name}`, role: 'auditor' });
    }
    const first = await admin.request({ method: 'GET', url: '/api/users?q=lister&limit=2' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items.map((u: { email: string }) => u.email)).toEqual([
      'list-a@example.org',
      'list-b@example.org',
    ]);
    const cursor = first.json().next_cursor;
    expect(cursor).toBeTruthy();
    const second = await admin.request({
      method: 'GET',
      url: `/api/users?q=lister&limit=2&cursor=${cursor}`,
    });
    expect(second.json()).toEqual({
      items: [expect.objectContaining({ email: 'list-c@example.org' })],
      next_cursor: null,
    });
    const auditors = await admin.request({ method: 'GET', url: '/api/users?role=auditor&disabled=false' });
    expect(auditors.json().items).toHaveLength(3);
    expect(JSON.stringify(auditors.json())).not.toContain('password_hash');
    const wildcard = await admin.request({ method: 'GET', url: '/api/users?q=%25' });
    expect(wildcard.json().items).toEqual([]);
  });

  it('changes role and scope with the version read, and refuses a stale version with 409', async () => {
    const created = (
      await create({ email: 'edit@example.org', display_name: 'Edit Me', role: 'viewer' })
    ).json().user;
    const patched = await admin.request({
      method: 'PATCH',
      url: `/api/users/${created.id}`,
      payload: {
        role: 'regional_focal_point',
        scope_region_ids: [regionId],
        display_name: 'Edited',
        version: 1,
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      role: 'regional_focal_point',
      scope_region_ids: [regionId],
      version: 2,
    });

    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/users/${created.id}`,
      payload: { role: 'admin', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const current = await admin.request({ method: 'GET', url: `/api/users/${created.id}` });
    expect(current.json()).toMatchObject({ role: 'regional_focal_point', version: 2 });

    const badScope = await admin.request({
      method: 'PATCH',
      url: `/api/users/${created.id}`,
      payload: { scope_office_ids: [newId()], version: 2 },
    });
    expect(badScope.statusCode).toBe(400);
    const missing = await admin.request({
      method: 'PATCH',
      url: `/api/users/${newId()}`,
      payload: { version: 1 },
    });
    expect(missing.statusCode).toBe(404);
    expect((await admin.request({ method: 'GET', url: `/api/users/${newId()}` })).statusCode).toBe(404);

    const events = await db()
      .kysely.selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', created.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('disabling a user ends their sessions and stops their tokens at once; enabling lets them back', async () => {
    const member = await t.signIn('data_custodian');
    const token = (
      await member.request({ method: 'POST', url: '/api/tokens', payload: { name: 'script' } })
    ).json().token;
    const disable = await admin.request({
      method: 'PATCH',
      url: `/api/users/${member.user.id}`,
      payload: { disabled: true, version: member.user.version },
    });
    expect(disable.statusCode, disable.body).toBe(200);
    expect(disable.json().disabled).toBe(true);
    expect((await member.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const sessions = await db()
      .kysely.selectFrom('sessions')
      .select('id')
      .where('user_id', '=', member.user.id)
      .execute();
    expect(sessions).toEqual([]);
    const viaToken = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.statusCode).toBe(401);

    await admin.request({
      method: 'PATCH',
      url: `/api/users/${member.user.id}`,
      payload: { disabled: false, version: disable.json().version },
    });
    await t.signInAs(member.user.email, 'correct horse battery staple');
    const actions = await db()
      .kysely.selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', member.user.id)
      .where('action', 'in', ['disable', 'enable'])
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['disable', 'enable']);
  });

  it('resets a password: a new one-time password, sessions ended, lock-out lifted, nothing secret audited', async () => {
    const member = await t.signIn('viewer');
    await db()
      .kysely.updateTable('users')
      .set({ locked_until: '2026-12-31T00:00:00.000Z' })
      .where('id', '=', member.user.id)
      .execute();
    const res = await admin.request({ method: 'POST', url: `/api/users/${member.user.id}/reset-password` });
    expect(res.statusCode, res.body).toBe(200);
    const { user, password } = res.json();
    expect(user).toMatchObject({ must_change_password: true, locked_until: null });
    expect(user.version).toBe(member.user.version + 1);
    expect((await member.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    await t.signInAs(member.user.email, password);

    const audit = await db()
      .kysely.selectFrom('audit_events')
      .select(['before_json', 'after_json'])
      .where('entity_id', '=', member.user.id)
      .where('action', '=', 'reset_password')
      .executeTakeFirstOrThrow();
    const text = `${audit.before_json}${audit.after_json}`;
    expect(text).not.toContain('argon2');
    expect(text).not.toContain(password);
    expect(
      (await admin.request({ method: 'POST', url: `/api/users/${newId()}/reset-password` })).statusCode,
    ).toBe(404);
  });

  it('keeps at least one enabled admin', async () => {
    const admins = await admin.request({ method: 'GET', url: '/api/users?role=admin&limit=500' });
    // Demote every other admin first, so the caller is the last one.
    for (const other of admins.json().items as { id: string; version: number }[]) {
      if (other.id === admin.user.id) continue;
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/users/${other.id}`,
        payload: { role: 'viewer', version: other.version },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const self = (await admin.request({ method: 'GET', url: `/api/users/${admin.user.id}` })).json();
    for (const change of [{ role: 'governance_officer' }, { disabled: true }]) {
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/users/${admin.user.id}`,
        payload: { ...change, version: self.version },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('conflict');
    }
    const second = await create({ email: 'second.admin@example.org', display_name: 'Second', role: 'admin' });
    expect(second.statusCode).toBe(201);
    const demoted = await admin.request({
      method: 'PATCH',
      url: `/api/users/${admin.user.id}`,
      payload: { role: 'governance_officer', version: self.version },
    });
    expect(demoted.statusCode, demoted.body).toBe(200);
    // The caller is no longer an admin: user management is closed to them from the next request on.
    expect((await admin.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    admin = await t.signIn('admin');
  });

  it('closes user management to everyone without users.manage', async () => {
    const target = (
      await create({ email: 'target@example.org', display_name: 'Target', role: 'viewer' })
    ).json().user;
    for (const role of ['viewer', 'governance_officer', 'auditor'] as const) {
      const client = await t.signIn(role);
      const calls = [
        client.request({ method: 'GET', url: '/api/users' }),
        client.request({ method: 'GET', url: `/api/users/${target.id}` }),
        client.request({
          method: 'POST',
          url: '/api/users',
          payload: { email: `${role}.made@example.org`, display_name: 'N', role: 'admin' },
        }),
        client.request({
          method: 'PATCH',
          url: `/api/users/${target.id}`,
          payload: { role: 'admin', version: 1 },
        }),
        client.request({ method: 'POST', url: `/api/users/${target.id}/reset-password` }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.statusCode, `${role}: ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
    const untouched = (await admin.request({ method: 'GET', url: `/api/users/${target.id}` })).json();
    expect(untouched).toMatchObject({ role: 'viewer', version: 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });
});
