import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp } from '../../http/testing/test-app.js';
import type { DemoLoadResult } from './demo.service.js';

describeEachDialect('demo organisation loader', ({ db }) => {
  let t: TestApp;
  let first: DemoLoadResult;
  const ctx = { actor: systemActor('test'), requestId: null };

  beforeAll(async () => {
    t = await createTestApp(db());
    first = await t.services.demo.load(ctx);
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('loads 9 regions, at least 150 offices, about 500 people and one sign-in per role', async () => {
    const count = async (table: 'regions' | 'offices' | 'people' | 'users') =>
      Number(
        (
          await db()
            .kysely.selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(first.loaded_organisation).toBe(true);
    expect(await count('regions')).toBe(9);
    expect(await count('offices')).toBeGreaterThanOrEqual(150);
    expect(await count('people')).toBe(500);
    expect(first.logins.map((l) => l.role).sort()).toEqual([
      'admin',
      'auditor',
      'data_custodian',
      'governance_officer',
      'office_focal_point',
      'regional_focal_point',
      'viewer',
    ]);
    expect(first.password).toMatch(/^\S{20}$/);
  });

  it('audits every record it creates', async () => {
    const events = await db()
      .kysely.selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_type', '=', 'person')
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(500);
  });

  it('rolls the inventory out in some regions, with offices in every status and some overdue', async () => {
    const progress = await t.services.rollout.progress(ctx);
    const rolledOut = progress.regions.filter((r) => r.waves.length > 0).map((r) => r.region_code);
    expect(rolledOut.sort()).toEqual(['CWA', 'EHA', 'MENA', 'SA']);
    expect(progress.regions.filter((r) => r.region_id !== null && r.waves.length === 0)).toHaveLength(5);
    expect(Object.values(progress.overall.by_status).every((n) => n > 0)).toBe(true);
    expect(progress.overall.overdue.length).toBeGreaterThan(0);
  });

  it('changes nothing when run again', async () => {
    const again = await t.services.demo.load(ctx);
    expect(again).toMatchObject({ loaded_organisation: false, logins: [], password: null });
  });

  it('gives the regional focal point sign-in only the offices of its region', async () => {
    const login = first.logins.find((l) => l.role === 'regional_focal_point')!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: login.email, password: first.password },
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'custos_session')!.value;
    const offices = await t.app.inject({
      method: 'GET',
      url: '/api/offices?limit=500',
      headers: { cookie: `custos_session=${cookie}` },
    });
    const items = offices.json().items as { region_id: string | null }[];
    expect(items.length).toBeGreaterThan(5);
    expect(items.length).toBeLessThan(60);
    expect(new Set(items.map((o) => o.region_id)).size).toBe(1);
  });

  it('is refused to anyone but an administrator', async () => {
    await expect(
      t.services.demo.load({ actor: { ...systemActor('x'), role: 'governance_officer' }, requestId: null }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
