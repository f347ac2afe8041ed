import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/permissions.js';
import { describeEachDialect, openTestDb } from '../db/testing/dialects.js';
import { toIdentity } from '../modules/accounts/oidc.service.js';
import { startTestProvider, type TestProvider } from './testing/oidc-provider.js';
import { createTestApp, type TestApp } from './testing/test-app.js';

const REDIRECT_URI = 'http://custos.test/api/auth/oidc/callback';
const system = { actor: systemActor('test'), requestId: null };

describeEachDialect('OpenID Connect sign-in against a real provider', ({ db }) => {
  let idp: TestProvider;
  let t: TestApp;

  beforeAll(async () => {
    idp = await startTestProvider(REDIRECT_URI);
    t = await createTestApp(db(), {
      oidc: {
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        redirectUri: REDIRECT_URI,
        defaultRole: 'viewer',
        label: 'Test IdP',
      },
    });
  });
  afterAll(async () => {
    await t.app.close();
    await idp.close();
  });

  /** Start at Custos, sign in at the provider, and return where the provider sends the browser back. */
  async function startAndAuthorize(subject: string) {
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
    expect(start.statusCode, start.body).toBe(302);
    const state = start.cookies.find((c) => c.name === 'custos_oidc');
    expect(state?.httpOnly).toBe(true);
    const callback = await idp.authorize(String(start.headers.location), subject);
    return { start, state: state!.value, callback };
  }

  function finish(callback: URL, state: string | undefined): Promise<LightMyRequestResponse> {
    return t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      cookies: state === undefined ? {} : { custos_oidc: state },
    });
  }

  async function me(response: LightMyRequestResponse) {
    const session = response.cookies.find((c) => c.name === 'custos_session');
    expect(session?.value).toBeTruthy();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      cookies: { custos_session: session!.value },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it('tells the web app that OpenID Connect is available, with its label', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(res.json()).toEqual({
      password: true,
      oidc: { enabled: true, label: 'Test IdP', login_url: '/api/auth/oidc/login' },
    });
  });

  it('redirects to the provider with PKCE (S256), state and nonce', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
    const location = new URL(String(start.headers.location));
    expect(location.origin).toBe(idp.issuer);
    const params = location.searchParams;
    expect(params.get('client_id')).toBe(idp.clientId);
    expect(params.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('scope')).toContain('openid');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('nonce')).toBeTruthy();
    const cookie = start.cookies.find((c) => c.name === 'custos_oidc');
    expect(params.get('state')).toBe(cookie?.value);
    expect(cookie).toMatchObject({ path: '/api/auth/oidc', sameSite: 'Lax', httpOnly: true });
  });

  it('creates a user with the default role at the first sign-in, then finds the same user again', async () => {
    idp.accounts.set('sub-new', {
      email: 'Amina.Diallo@Example.org',
      email_verified: true,
      name: 'Amina Diallo',
    });
    const first = await startAndAuthorize('sub-new');
    expect(first.callback.searchParams.get('code')).toBeTruthy();
    const done = await finish(first.callback, first.state);
    expect(done.statusCode, done.body).toBe(302);
    expect(done.headers.location).toBe('/');
    const profile = await me(done);
    expect(profile.user).toMatchObject({
      email: 'amina.diallo@example.org',
      display_name: 'Amina Diallo',
      role: 'viewer',
      oidc_linked: true,
      has_password: false,
    });
    expect(done.cookies.find((c) => c.name === 'custos_oidc')?.value).toBe('');

    const again = await startAndAuthorize('sub-new');
    const profileAgain = await me(await finish(again.callback, again.state));
    expect(profileAgain.user.id).toBe(profile.user.id);
    const users = await db()
      .kysely.selectFrom('users')
      .select('id')
      .where('oidc_subject', '=', 'sub-new')
      .execute();
    expect(users).toHaveLength(1);
    const created = await db()
      .kysely.selectFrom('audit_events')
      .select(['action', 'after_json'])
      .where('entity_id', '=', profile.user.id)
      .execute();
    expect(created.map((e) => e.action)).toEqual(['create', 'login', 'login']);
    expect(created[0]?.after_json).toContain(idp.issuer);
  });

  it('links an existing account when the provider vouches for the e-mail', async () => {
    const existing = await t.services.accounts.createUser(system, {
      email: 'kofi.mensah@example.org',
      display_name: 'Kofi Mensah',
      role: 'data_custodian',
      password: 'a long enough password',
    });
    idp.accounts.set('sub-kofi', {
      email: 'kofi.mensah@example.org',
      email_verified: true,
      name: 'K. Mensah',
    });
    const flow = await startAndAuthorize('sub-kofi');
    const profile = await me(await finish(flow.callback, flow.state));
    expect(profile.user).toMatchObject({ id: existing.id, role: 'data_custodian', oidc_linked: true });
    const row = await db()
      .kysely.selectFrom('users')
      .selectAll()
      .where('id', '=', existing.id)
      .executeTakeFirst();
    expect(row).toMatchObject({ oidc_issuer: idp.issuer, oidc_subject: 'sub-kofi', version: 2 });
    const link = await db()
      .kysely.selectFrom('audit_events')
      .select(['after_json'])
      .where('entity_id', '=', existing.id)
      .where('action', '=', 'link_oidc')
      .executeTakeFirst();
    expect(link?.after_json).toContain('sub-kofi');
    expect(link?.after_json).not.toContain('argon2');
  });

  it('refuses to link by an e-mail the provider does not say is verified', async () => {
    await t.services.accounts.createUser(system, {
      email: 'unverified@example.org',
      display_name: 'Someone',
      role: 'admin',
      password: 'a long enough password',
    });
    idp.accounts.set('sub-impostor', { email: 'unverified@example.org', email_verified: false });
    const flow = await startAndAuthorize('sub-impostor');
    const done = await finish(flow.callback, flow.state);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/login?error=oidc_failed');
    expect(done.cookies.find((c) => c.name === 'custos_session')).toBeUndefined();
    const row = await db()
      .kysely.selectFrom('users')
      .select('oidc_subject')
      .where('email', '=', 'unverified@example.org')
      .executeTakeFirst();
    expect(row?.oidc_subject).toBeNull();
  });

  it('refuses a disabled user', async () => {
    idp.accounts.set('sub-gone', { email: 'gone@example.org', email_verified: true });
    const first = await startAndAuthorize('sub-gone');
    const profile = await me(await finish(first.callback, first.state));
    const row = await db()
      .kysely.selectFrom('users')
      .select('version')
      .where('id', '=', profile.user.id)
      .executeTakeFirst();
    await t.services.users.update(system, profile.user.id, { disabled: true, version: row!.version });
    const again = await startAndAuthorize('sub-gone');
    const done = await finish(again.callback, again.state);
    expect(done.headers.location).toBe('/login?error=account_disabled');
    expect(done.cookies.find((c) => c.name === 'custos_session')).toBeUndefined();
  });

  it('accepts the callback only in the browser that started, and only once', async () => {
    idp.accounts.set('sub-once', { email: 'once@example.org', email_verified: true });
    const flow = await startAndAuthorize('sub-once');
    const elsewhere = await finish(flow.callback, undefined);
    expect(elsewhere.headers.location).toBe('/login?error=oidc_failed');
    const otherBrowser = await finish(flow.callback, 'someone-elses-state');
    expect(otherBrowser.headers.location).toBe('/login?error=oidc_failed');
    const here = await finish(flow.callback, flow.state);
    expect(here.headers.location).toBe('/');
    const replay = await finish(flow.callback, flow.state);
    expect(replay.headers.location).toBe('/login?error=oidc_failed');
    expect(replay.cookies.find((c) => c.name === 'custos_session')).toBeUndefined();
  });

  it('refuses a sign-in that took longer than ten minutes', async () => {
    idp.accounts.set('sub-slow', { email: 'slow@example.org', email_verified: true });
    const flow = await startAndAuthorize('sub-slow');
    t.clock.advance(10 * 60_000 + 1);
    const done = await finish(flow.callback, flow.state);
    expect(done.headers.location).toBe('/login?error=oidc_failed');
  });

  it('checks the nonce and the PKCE verifier it kept', async () => {
    idp.accounts.set('sub-checks', { email: 'checks@example.org', email_verified: true });
    for (const column of ['nonce', 'code_verifier'] as const) {
      const flow = await startAndAuthorize('sub-checks');
      await db()
        .kysely.updateTable('oidc_states')
        .set({ [column]: 'x'.repeat(43) })
        .execute();
      const done = await finish(flow.callback, flow.state);
      expect(done.headers.location, column).toBe('/login?error=oidc_failed');
    }
  });

  it('refuses a forged authorization code and a provider error', async () => {
    idp.accounts.set('sub-forged', { email: 'forged@example.org', email_verified: true });
    const flow = await startAndAuthorize('sub-forged');
    flow.callback.searchParams.set('code', 'forged-code');
    expect((await finish(flow.callback, flow.state)).headers.location).toBe('/login?error=oidc_failed');

    const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
    const state = start.cookies.find((c) => c.name === 'custos_oidc')!.value;
    const denied = await t.app.inject({
      method: 'GET',
      url: `/api/auth/oidc/callback?error=access_denied&state=${state}`,
      cookies: { custos_oidc: state },
    });
    expect(denied.headers.location).toBe('/login?error=oidc_failed');
  });
});

describe('OpenID Connect when it is not configured', () => {
  it('says so to the web app and answers 404 to its routes', async () => {
    const db = await openTestDb('sqlite');
    const t = await createTestApp(db);
    const providers = await t.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(providers.json().oidc).toEqual({ enabled: false, label: null, login_url: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/oidc/login' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x' })).statusCode).toBe(
      404,
    );
    await t.app.close();
    await db.close();
  });

  it('refuses a plain-http issuer that is not on this machine', async () => {
    const db = await openTestDb('sqlite');
    await expect(
      createTestApp(db, {
        oidc: {
          issuer: 'http://login.example.org/tenant/v2.0',
          clientId: 'c',
          clientSecret: 's',
          redirectUri: 'https://custos.example.org/api/auth/oidc/callback',
        },
      }),
    ).rejects.toThrow(/https/);
    await db.close();
  });
});

describe('provider claims to identity', () => {
  const base = { iss: 'https://idp', sub: 's1' };
  it.each([
    [{ email: 'A@B.org', email_verified: true }, 'a@b.org', true],
    [{ email: 'a@b.org', email_verified: 'true' }, 'a@b.org', true],
    [{ email: 'a@b.org' }, 'a@b.org', false],
    [{ email: 'a@b.org', xms_edov: true }, 'a@b.org', true],
    [{ email: 'a@b.org', email_verified: false, xms_edov: false }, 'a@b.org', false],
    [{ preferred_username: 'upn@b.org' }, 'upn@b.org', false],
    [{ preferred_username: 'not-an-email', email_verified: true }, null, false],
    [{}, null, false],
  ])('%j gives e-mail %s, verified %s', (claims, email, verified) => {
    const identity = toIdentity({ ...base, ...claims });
    expect(identity.email).toBe(email);
    expect(identity.emailVerified).toBe(verified);
  });
});
