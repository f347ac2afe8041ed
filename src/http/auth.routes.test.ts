import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/permissions.js';
import { describeEachDialect, openTestDb } from '../db/testing/dialects.js';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestClient } from './testing/test-app.js';

const system = { actor: systemActor('test'), requestId: null };
let seq = 0;

describeEachDialect('password sign-in, sessions and lock-out', ({ db }) => {
  let t: TestApp;

  beforeAll(async () => {
    // The defaults: 5 failures lock for 15 minutes; 12-hour sessions.
    t = await createTestApp(db());
  });
  afterAll(async () => {
    await t.app.close();
  });

  // Each test's sign-ins come from their own address, so only the lock-out is at play here.
  const addresses = new Map<string, string>();

  async function newUser(password = TEST_PASSWORD) {
    seq += 1;
    const email = `person.${seq}@example.org`;
    await t.services.accounts.createUser(system, { email, display_name: 'Person', role: 'viewer', password });
    addresses.set(email, `192.0.2.${seq}`);
    return email;
  }

  const login = (email: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: addresses.get(email.toLowerCase()) ?? '192.0.2.250',
    });

  it('signs in with an HttpOnly SameSite=Lax session cookie and answers /api/me', async () => {
    const email = await newUser();
    const res = await login(email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'custos_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy(); // plain http, secureCookies=auto
    expect(res.json()).toMatchObject({ user: { email }, auth: 'session' });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      cookies: { custos_session: cookie!.value },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ email, must_change_password: false, has_password: true });
    const stored = await db().kysely.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie!.value); // only the SHA-256 is kept
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const email = await newUser();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.50' },
      remoteAddress: '127.0.0.1',
    });
    expect(res.cookies.find((c) => c.name === 'custos_session')?.secure).toBe(true);
  });

  it('answers a wrong password, an unknown e-mail and a disabled account alike', async () => {
    const email = await newUser();
    const wrong = await login(email, 'not the password');
    const unknown = await login('nobody@example.org', TEST_PASSWORD);
    const disabledEmail = await newUser();
    const user = await t.services.users.getByEmail(system, disabledEmail);
    await t.services.users.update(system, user.id, { disabled: true, version: user.version });
    const disabled = await login(disabledEmail, TEST_PASSWORD);
    for (const res of [wrong, unknown, disabled]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({
        code: 'invalid_credentials',
        message: 'E-mail or password is wrong',
      });
    }
  });

  it('locks the account after 5 failures in a row for 15 minutes, then lets the right password in', async () => {
    const email = await newUser();
    for (let i = 1; i <= 4; i += 1) expect((await login(email, `wrong ${i}`)).statusCode).toBe(401);
    const fifth = await login(email, 'wrong 5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('account_locked');
    expect(fifth.json().error.details.locked_until).toBe('2026-11-30T09:15:00.000Z');

    const rightButLocked = await login(email, TEST_PASSWORD);
    expect(rightButLocked.statusCode).toBe(423);
    t.clock.advance(15 * 60_000 - 1_000);
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(1_000);
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(200);

    const events = await db()
      .kysely.selectFrom('audit_events')
      .innerJoin('users', 'users.id', 'audit_events.entity_id')
      .select('audit_events.action')
      .where('users.email', '=', email)
      .where('audit_events.action', '=', 'lock')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('counts only consecutive failures: a successful sign-in starts the count again', async () => {
    const email = await newUser();
    for (let i = 0; i < 4; i += 1) await login(email, 'wrong');
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await login(email, 'wrong')).statusCode).toBe(401);
  });

  it('counts failures made at the same moment without losing any', async () => {
    const email = await newUser();
    const results = await Promise.all(Array.from({ length: 5 }, () => login(email, 'wrong')));
    expect(results.map((r) => r.statusCode).sort()).toEqual([401, 401, 401, 401, 423]);
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(423);
  });

  it('ends a session after 12 hours', async () => {
    const client = await t.signIn('viewer');
    const me = () => client.request({ method: 'GET', url: '/api/me' });
    t.clock.advance(12 * 3_600_000 - 60_000);
    expect((await me()).statusCode).toBe(200);
    t.clock.advance(60_000);
    const expired = await me();
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('unauthenticated');
    const left = await db()
      .kysely.selectFrom('sessions')
      .select('id')
      .where('user_id', '=', client.user.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('logs out on the server: the old cookie no longer works', async () => {
    const client = await t.signIn('viewer');
    const noCsrf = await client.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'x-csrf-token': '' },
    });
    expect(noCsrf.statusCode).toBe(403);
    const out = await client.request({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'custos_session')?.value).toBe('');
    expect((await client.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const left = await db()
      .kysely.selectFrom('sessions')
      .select('id')
      .where('user_id', '=', client.user.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('refuses sign-in bodies with unknown fields or a malformed e-mail', async () => {
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@example.org', password: 'x', remember: true },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.message).toContain('remember');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nope', password: 'x' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describeEachDialect('changing one’s own password', ({ db }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(db());
  });
  afterAll(async () => {
    await t.app.close();
  });

  const change = (client: TestClient, body: object) =>
    client.request({ method: 'POST', url: '/api/auth/password', payload: body });

  it('needs the current password, refuses weak or unchanged ones, then ends the other sessions', async () => {
    const first = await t.signIn('office_focal_point');
    const second = await t.signInAs(first.user.email, TEST_PASSWORD);

    const wrong = await change(first, { current_password: 'not it', new_password: 'a brand new passphrase' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0].path).toBe('current_password');
    const weak = await change(first, { current_password: TEST_PASSWORD, new_password: 'short' });
    expect(weak.statusCode).toBe(400);
    const same = await change(first, { current_password: TEST_PASSWORD, new_password: TEST_PASSWORD });
    expect(same.statusCode).toBe(400);

    const ok = await change(first, {
      current_password: TEST_PASSWORD,
      new_password: 'a brand new passphrase',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().must_change_password).toBe(false);
    expect((await first.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await second.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    await expect(t.signInAs(first.user.email, TEST_PASSWORD)).rejects.toThrow(/invalid_credentials/);
    await t.signInAs(first.user.email, 'a brand new passphrase');

    const audit = await db()
      .kysely.selectFrom('audit_events')
      .select(['before_json', 'after_json'])
      .where('entity_id', '=', first.user.id)
      .where('action', '=', 'change_password')
      .executeTakeFirstOrThrow();
    expect(`${audit.before_json}${audit.after_json}`).not.toContain('argon2');
  });

  it('counts wrong current passwords towards the lock-out', async () => {
    const client = await t.signIn('viewer');
    for (let i = 0; i < 4; i += 1)
      expect(
        (await change(client, { current_password: 'guess', new_password: 'a brand new passphrase' }))
          .statusCode,
      ).toBe(400);
    const locked = await change(client, {
      current_password: 'guess',
      new_password: 'a brand new passphrase',
    });
    expect(locked.statusCode).toBe(423);
  });

  it('after a reset, lets the user do nothing but change the password', async () => {
    const admin = await t.signIn('admin');
    const member = await t.signIn('governance_officer');
    const reset = await admin.request({ method: 'POST', url: `/api/users/${member.user.id}/reset-password` });
    expect(reset.statusCode, reset.body).toBe(200);
    const oneTime = reset.json().password as string;

    const client = await t.signInAs(member.user.email, oneTime);
    const me = await client.request({ method: 'GET', url: '/api/me' });
    expect(me.json().user.must_change_password).toBe(true);
    const session = await client.request({ method: 'GET', url: '/api/auth/session' });
    expect(session.statusCode, session.body).toBe(200);
    expect(session.json()).toEqual(me.json());
    const blocked = await client.request({ method: 'GET', url: '/api/regions' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    const changed = await change(client, {
      current_password: oneTime,
      new_password: 'my own long passphrase',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await client.request({ method: 'GET', url: '/api/regions' })).statusCode).toBe(200);
  });

  it('answers who is signed in without failing: the caller as /api/me, or null when nobody is', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anonymous.statusCode, anonymous.body).toBe(200);
    expect(anonymous.json()).toBeNull();
    const stale = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      cookies: { custos_session: 'no-such-session' },
    });
    expect(stale.statusCode).toBe(200);
    expect(stale.json()).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);

    const viewer = await t.signIn('viewer');
    const signedIn = await viewer.request({ method: 'GET', url: '/api/auth/session' });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({
      user: { email: viewer.user.email },
      auth: 'session',
      csrf_token: expect.any(String),
    });
    expect(signedIn.json().permissions).toContain('inventory.read');
  });

  it('asks anonymous callers to sign in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { current_password: 'x', new_password: 'a brand new passphrase' },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('per-address sign-in limit', () => {
  it('answers 429 rate_limited past the limit, per address, and ignores forwarded-for from untrusted peers', async () => {
    const db = await openTestDb('sqlite');
    const t = await createTestApp(db, { login: { perIpPerMinute: 3 } });
    const attempt = (remoteAddress: string, forwardedFor?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'nobody@example.org', password: 'guess' },
        remoteAddress,
        headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      });
    for (let i = 0; i < 3; i += 1) expect((await attempt('203.0.113.7')).statusCode).toBe(401);
    const limited = await attempt('203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    // A made-up X-Forwarded-For from a peer that is not a trusted proxy changes nothing.
    expect((await attempt('203.0.113.7', '198.51.100.99')).statusCode).toBe(429);
    // Another address has its own allowance, also when a trusted (loopback) proxy names it.
    expect((await attempt('203.0.113.8')).statusCode).toBe(401);
    expect((await attempt('127.0.0.1', '203.0.113.9')).statusCode).toBe(401);
    await t.app.close();
    await db.close();
  });
});
