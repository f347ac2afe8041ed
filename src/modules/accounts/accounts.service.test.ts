import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import type { RequestContext } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';

describeEachDialect('accounts services', ({ db }) => {
  let services: Services;
  const system: RequestContext = { actor: systemActor('test'), requestId: null };

  beforeAll(() => {
    const config = loadConfig(
      {
        db: 'sqlite::memory:',
        oidc: {
          issuer: 'https://login.example.org/tenant/v2.0',
          clientId: 'custos',
          clientSecret: 'secret',
          redirectUri: 'https://custos.example.org/api/auth/oidc/callback',
          defaultRole: 'auditor',
        },
      },
      {},
    );
    services = createServices(db(), fixedClock('2026-11-30T09:00:00.000Z'), config);
  });

  async function actorOf(email: string, readOnly = false): Promise<RequestContext> {
    const row = await services.accounts.getUser((await services.users.getByEmail(system, email)).id);
    return { actor: await services.accounts.actorFor(row!, readOnly), requestId: null };
  }

  it('creates the first admin once, with a one-time password to change', async () => {
    const first = await services.accounts.bootstrapAdmin('first.admin@example.org');
    expect(first?.password).toMatch(/^[A-Za-z0-9]{20}$/);
    const admin = await services.users.getByEmail(system, 'first.admin@example.org');
    expect(admin).toMatchObject({ role: 'admin', must_change_password: true });
    expect(await services.accounts.bootstrapAdmin('second.admin@example.org')).toBeNull();
  });

  it('refuses token writes to a read-only actor in the service itself, not only at the HTTP edge', async () => {
    await services.users.create(system, { email: 'ro@example.org', display_name: 'RO', role: 'admin' });
    const readOnly = await actorOf('ro@example.org', true);
    await expect(services.tokens.create(readOnly, { name: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const token = await services.tokens.create(await actorOf('ro@example.org'), { name: 'mine' });
    await expect(services.tokens.revoke(readOnly, token.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(services.users.list(readOnly)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await services.tokens.list(readOnly)).map((t) => t.id)).toEqual([token.id]);
  });

  it('asks the command line to say whose token it creates', async () => {
    await expect(services.tokens.create(system, { name: 'orphan' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('turns region and office codes into ids, refusing unknown codes', async () => {
    const region = await services.regions.create(system, { code: 'MENA', name: 'Middle East' });
    expect(await services.users.scopeFromCodes(system, { regions: ['mena', 'MENA'] })).toEqual({
      scope_region_ids: [region.id],
      scope_office_ids: [],
    });
    await expect(services.users.scopeFromCodes(system, { offices: ['XX-NOPE'] })).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'office: no office XX-NOPE',
    });
  });

  it('creates one user when the same person signs in with OpenID Connect twice at once', async () => {
    const identity = {
      issuer: 'https://login.example.org/tenant/v2.0',
      subject: 'same-person',
      email: 'same.person@example.org',
      emailVerified: true,
      name: 'Same Person',
    };
    const [a, b] = await Promise.all([
      services.oidc.findOrCreateUser(identity, null),
      services.oidc.findOrCreateUser(identity, null),
    ]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ role: 'auditor', password_hash: null, oidc_subject: 'same-person' });
    const rows = await db()
      .kysely.selectFrom('users')
      .select('id')
      .where('email', '=', identity.email)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses to link an OpenID Connect identity to an e-mail already linked to another one', async () => {
    const base = { issuer: 'https://login.example.org/tenant/v2.0', emailVerified: true, name: null };
    await services.oidc.findOrCreateUser({ ...base, subject: 'first', email: 'linked@example.org' }, null);
    await expect(
      services.oidc.findOrCreateUser({ ...base, subject: 'second', email: 'linked@example.org' }, null),
    ).rejects.toMatchObject({ code: 'oidc_failed', details: { reason: 'already_linked' } });
  });
});
