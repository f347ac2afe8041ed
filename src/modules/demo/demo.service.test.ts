import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp } from '../../http/testing/test-app.js';
import { computeScorecard } from '../scorecard/compute-scorecard.js';
import { defaultControls } from '../scorecard/default-controls.js';
import type { ScoredAsset } from '../scorecard/scored-asset.js';
import type { DemoLoadResult } from './demo.service.js';

describeEachDialect('demo organisation loader', ({ db }) => {
  let t: TestApp;
  let first: DemoLoadResult;
  const ctx = { actor: systemActor('test'), requestId: null };

  beforeAll(async () => {
    t = await createTestApp(db());
    first = await t.services.demo.load(ctx);
    // Thousands of audited assets: seconds on a quiet machine, much longer on a busy one.
  }, 600_000);
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

  it('loads a data inventory of thousands of assets in many offices, through the audited bulk path', async () => {
    const rows = await db()
      .kysely.selectFrom('assets')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.count<number>('system_id').as('held'),
        eb.fn.count<number>('office_id').distinct().as('offices'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(first.counts.assets);
    expect(first.counts.assets).toBeGreaterThanOrEqual(3000);
    expect(Number(rows.held)).toBeGreaterThan(Number(rows.n) / 2);
    expect(Number(rows.offices)).toBeGreaterThanOrEqual(100);
    const audited = await db()
      .kysely.selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_type', '=', 'asset')
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(first.counts.assets);
  });

  it('scores regions unevenly: some healthy, some critical, some with few or no assets', async () => {
    const rows = await db()
      .kysely.selectFrom('assets')
      .innerJoin('offices', 'offices.id', 'assets.office_id')
      .leftJoin('regions', 'regions.id', 'offices.region_id')
      .select([
        'assets.id',
        'assets.description',
        'assets.purpose',
        'assets.system_id',
        'assets.data_owner_id',
        'assets.data_custodian_id',
        'assets.focal_point_id',
        'assets.sensitivity_label',
        'assets.personal_data',
        'assets.legal_basis',
        'assets.retention',
        'assets.last_reviewed',
        'assets.last_access_review',
        'offices.code as office_code',
        'offices.name as office_name',
        'regions.code as region_code',
        'regions.name as region_name',
      ])
      .execute();
    const scored: ScoredAsset[] = rows.map((row) => ({
      ...row,
      office_key: row.office_code,
      region_key: row.region_code,
      department_key: null,
      department_name: null,
      personal_data: row.personal_data === 1,
      fields: {},
    }));
    const asOf = t.services.clock.now().toISOString().slice(0, 10);
    const card = computeScorecard(scored, { by: 'region', asOf, controls: defaultControls() });
    const scores = card.groups.filter((g) => g.assets >= 100).map((g) => g.score ?? 0);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThanOrEqual(30);
    expect(card.groups.map((g) => g.band)).toEqual(expect.arrayContaining(['Healthy', 'Critical']));
    const regions = await db().kysely.selectFrom('regions').select('code').execute();
    const assetsIn = new Map(card.groups.map((g) => [g.key, g.assets]));
    const small = regions.filter((r) => (assetsIn.get(r.code) ?? 0) < rows.length * 0.03);
    expect(small.length).toBeGreaterThanOrEqual(2);
    expect(regions.some((r) => !assetsIn.has(r.code))).toBe(true);
  });

  it('makes the data custodian sign-in the custodian of assets of its office', async () => {
    const login = first.logins.find((l) => l.role === 'data_custodian')!;
    const user = await db()
      .kysely.selectFrom('users')
      .select('person_id')
      .where('email', '=', login.email)
      .executeTakeFirstOrThrow();
    const kept = await db()
      .kysely.selectFrom('assets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('data_custodian_id', '=', user.person_id)
      .executeTakeFirstOrThrow();
    expect(Number(kept.n)).toBeGreaterThan(0);
  });

  it('scores the inventory once, so the dashboard has a point and custodians have open actions', async () => {
    const snapshots = await db()
      .kysely.selectFrom('scorecard_snapshots')
      .select(['date', 'dimension'])
      .where('dimension', '=', 'organisation')
      .execute();
    expect(snapshots).toEqual([
      { date: t.services.clock.now().toISOString().slice(0, 10), dimension: 'organisation' },
    ]);
    const open = await db()
      .kysely.selectFrom('actions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open')
      .where('source', '=', 'scorecard')
      .executeTakeFirstOrThrow();
    expect(Number(open.n)).toBe(first.counts.actions);
    expect(first.counts.actions).toBeGreaterThan(100);
  });

  it('shows finished scans with proposed and confirmed labels, and access violations as actions', async () => {
    const scans = await t.services.scans.list(ctx, {});
    expect(scans.map((s) => [s.status, s.dataset_count, s.confirmed_count, s.error_count])).toEqual([
      ['succeeded', 1, 0, 1],
      ['succeeded', 3, 2, 0],
    ]);
    const labelled = (await t.services.scans.get(ctx, scans[1]!.id)).datasets[0]!;
    const asset = await t.services.assets.get(ctx, labelled.asset_id!);
    expect(asset.sensitivity_label).toBe('Confidential');
    const access = await t.services.actions.list(ctx, { source: 'access', subject: asset.id, limit: 50 });
    expect(access.items.length).toBeGreaterThanOrEqual(2);
    expect(access.items.every((a) => a.assignee_person_id === asset.data_custodian_id)).toBe(true);
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
