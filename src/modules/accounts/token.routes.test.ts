import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../core/ids.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../http/testing/test-app.js';

const TOKEN_FORMAT = /^cus_([0-9a-f]{8})_[0-9a-f]{64}$/;

describeEachDialect('API tokens over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const bearer = (
    token: string,
    options: { method?: 'GET' | 'POST' | 'DELETE'; url: string; payload?: object },
  ) =>
    t.app.inject({
      method: options.method ?? 'GET',
      url: options.url,
      payload: options.payload,
      headers: { authorization: `Bearer ${token}` },
    });

  async function createToken(client: TestClient, payload: object) {
    const res = await client.request({ method: 'POST', url: '/api/tokens', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as {
      id: string;
      token: string;
      prefix: string;
      status: string;
      expires_at: string | null;
    };
  }

  it('shows the secret once, stores only its SHA-256, and lets it act as its user without CSRF', async () => {
    const created = await createToken(admin, { name: 'nightly export' });
    expect(created.token).toMatch(TOKEN_FORMAT);
    expect(TOKEN_FORMAT.exec(created.token)?.[1]).toBe(created.prefix);
    expect(created).toMatchObject({
      name: 'nightly export',
      read_only: false,
      status: 'active',
      expires_at: null,
    });

    const row = await db()
      .kysely.selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const list = await admin.request({ method: 'GET', url: '/api/tokens' });
    const listed = list.json().items.find((i: { id: string }) => i.id === created.id);
    expect(listed).toMatchObject({ prefix: created.prefix, user_email: admin.user.email });
    expect(listed.token).toBeUndefined();
    expect(list.body).not.toContain(created.token);
    expect(list.body).not.toContain(row.token_hash);

    const me = await bearer(created.token, { url: '/api/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ auth: 'token', csrf_token: null, user: { id: admin.user.id } });
    // No cookie, so no CSRF header needed for a write.
    const write = await bearer(created.token, {
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'TOKN', name: 'Made by a token' },
    });
    expect(write.statusCode, write.body).toBe(201);
    const used = await db()
      .kysely.selectFrom('api_tokens')
      .select('last_used_at')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(used.last_used_at).toBe('2026-11-30T09:00:00.000Z');
  });

  it('a read-only token reads but gets 403 on every write, including token management', async () => {
    const token = (await createToken(admin, { name: 'dashboard', read_only: true })).token;
    expect((await bearer(token, { url: '/api/regions' })).statusCode).toBe(200);
    const me = await bearer(token, { url: '/api/me' });
    expect(me.json().permissions).not.toContain('users.manage');
    for (const write of [
      bearer(token, { method: 'POST', url: '/api/regions', payload: { code: 'RO', name: 'No' } }),
      bearer(token, { method: 'POST', url: '/api/tokens', payload: { name: 'escalate' } }),
      bearer(token, { method: 'DELETE', url: `/api/tokens/${newId()}` }),
      bearer(token, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { current_password: 'x', new_password: 'y'.repeat(12) },
      }),
    ]) {
      const res = await write;
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await bearer(token, { url: '/api/tokens' })).statusCode).toBe(200);
    // Refused at the edge, before any route runs: even routes that check no permission are covered.
    const logout = await bearer(token, { method: 'POST', url: '/api/auth/logout' });
    expect(logout.statusCode).toBe(403);
    expect(logout.json().error.message).toBe('This API token is read-only');
  });

  it('a revoked token gets 401, and revoking is audited without the secret', async () => {
    const created = await createToken(admin, { name: 'to revoke' });
    const revoked = await admin.request({ method: 'DELETE', url: `/api/tokens/${created.id}` });
    expect(revoked.statusCode).toBe(204);
    const res = await bearer(created.token, { url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect((await admin.request({ method: 'DELETE', url: `/api/tokens/${created.id}` })).statusCode).toBe(
      204,
    );

    const events = await db()
      .kysely.selectFrom('audit_events')
      .select(['action', 'before_json', 'after_json'])
      .where('entity_type', '=', 'api_token')
      .where('entity_id', '=', created.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'revoke']); // the second revoke changed nothing
    const hash = createHash('sha256').update(created.token).digest('hex');
    for (const event of events) {
      expect(`${event.before_json}${event.after_json}`).not.toContain(created.token.slice(14));
      expect(`${event.before_json}${event.after_json}`).not.toContain(hash);
    }
    const listed = (await admin.request({ method: 'GET', url: '/api/tokens' })).json().items;
    expect(listed.find((i: { id: string }) => i.id === created.id).status).toBe('revoked');
  });

  it('an expired token gets 401', async () => {
    const created = await createToken(admin, { name: 'short-lived', expires_in_days: 1 });
    expect(created.expires_at).toBe('2026-12-01T09:00:00.000Z');
    expect((await bearer(created.token, { url: '/api/me' })).statusCode).toBe(200);
    t.clock.advance(86_400_000);
    expect((await bearer(created.token, { url: '/api/me' })).statusCode).toBe(401);
    admin = await t.signInAs(admin.user.email, TEST_PASSWORD); // the 12-hour session ended too
    const listed = (await admin.request({ method: 'GET', url: '/api/tokens' })).json().items;
    expect(listed.find((i: { id: string }) => i.id === created.id).status).toBe('expired');
  });

  it('refuses unknown and malformed bearer values', async () => {
    for (const value of ['cus_00000000_' + '0'.repeat(64), 'garbage', '']) {
      expect((await bearer(value, { url: '/api/me' })).statusCode).toBe(401);
    }
  });

  it('validates the request', async () => {
    for (const payload of [
      {},
      { name: '' },
      { name: 'x', expires_in_days: 0 },
      { name: 'x', scopes: ['all'] },
      { name: 'x', user_id: 'me' },
    ]) {
      const res = await admin.request({ method: 'POST', url: '/api/tokens', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('lets anyone manage their own tokens but only users.manage touch other people’s', async () => {
    const viewer = await t.signIn('viewer');
    const officer = await t.signIn('governance_officer');
    const own = await createToken(viewer, { name: 'my script', read_only: true });

    const forOther = await viewer.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'x', user_id: officer.user.id },
    });
    expect(forOther.statusCode).toBe(403);
    for (const url of ['/api/tokens?all=true', `/api/tokens?user_id=${officer.user.id}`]) {
      const res = await viewer.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(403);
    }
    const officersToken = await createToken(officer, { name: 'officer script' });
    // Someone else's token answers as if it did not exist.
    const revokeOther = await viewer.request({ method: 'DELETE', url: `/api/tokens/${officersToken.id}` });
    expect(revokeOther.statusCode).toBe(404);
    expect((await bearer(officersToken.token, { url: '/api/me' })).statusCode).toBe(200);

    const mine = (await viewer.request({ method: 'GET', url: '/api/tokens' })).json().items;
    expect(mine.map((i: { id: string }) => i.id)).toEqual([own.id]);

    // An admin sees and revokes anybody's, and creates tokens for others.
    const all = (await admin.request({ method: 'GET', url: '/api/tokens?all=true' }))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(all).toEqual(expect.arrayContaining([own.id, officersToken.id]));
    const officers = (
      await admin.request({ method: 'GET', url: `/api/tokens?user_id=${officer.user.id}` })
    ).json().items;
    expect(officers.map((i: { id: string }) => i.id)).toEqual([officersToken.id]);
    expect(
      (await admin.request({ method: 'DELETE', url: `/api/tokens/${officersToken.id}` })).statusCode,
    ).toBe(204);
    expect((await bearer(officersToken.token, { url: '/api/me' })).statusCode).toBe(401);
    const made = await createToken(admin, { name: 'for the viewer', user_id: viewer.user.id });
    const asViewer = await bearer(made.token, { url: '/api/me' });
    expect(asViewer.json().user.id).toBe(viewer.user.id);
    expect((await viewer.request({ method: 'DELETE', url: `/api/tokens/${made.id}` })).statusCode).toBe(204);

    const missingUser = await admin.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'x', user_id: newId() },
    });
    expect(missingUser.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/tokens' })).statusCode).toBe(401);
  });
});
