import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp } from '../../http/testing/test-app.js';
import { addAsset } from '../inventory/testing/inventory-world.js';
import type { StoredScoredAsset } from './scorecard.repository.js';
import { startDailySnapshots } from './scorecard.snapshots.js';
import { actorFor, seedScorecardWorld, type ScorecardWorld } from './testing/scorecard-world.js';

const ctxOf = (actor: ReturnType<typeof actorFor>) => ({ actor, requestId: null });
const admin = ctxOf(actorFor('admin'));
/** Kenya's office score at the two snapshots the tests take. */
const kenyaPoints = [
  { date: '2026-11-30', score: 66.7 },
  { date: '2026-12-01', score: 100 },
];

describeEachDialect('scorecard snapshots and actions', ({ db }) => {
  let t: TestApp;
  let world: ScorecardWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    world = await seedScorecardWorld(t.services, 'SN');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const snapshots = () => t.services.scorecardSnapshots;
  const snapshotRows = (date: string) =>
    db()
      .kysely.selectFrom('scorecard_snapshots')
      .select(['dimension', 'key', 'score', 'assets'])
      .where('date', '=', date)
      .orderBy('dimension')
      .orderBy('key')
      .execute();
  const openActions = async () =>
    (await t.services.actions.list(admin, { status: 'open', limit: 500 })).items;
  const auditCount = async () =>
    (
      await db()
        .kysely.selectFrom('audit_events')
        .select('id')
        .where('entity_type', '=', 'scorecard_snapshot')
        .execute()
    ).length;

  it('refuses callers without the snapshot permission, writing nothing', async () => {
    for (const role of ['viewer', 'office_focal_point', 'data_custodian', 'auditor'] as const)
      await expect(snapshots().take(ctxOf(actorFor(role)))).rejects.toMatchObject({ code: 'forbidden' });
    expect(await snapshotRows('2026-11-30')).toEqual([]);
    expect(await openActions()).toEqual([]);
  });

  it('records every scope of every dimension and opens one action per failing control, audited once', async () => {
    const result = await snapshots().take(ctxOf(actorFor('governance_officer')));
    // offices: ET, HQ, KE; regions: E, (none); departments: KE/DATA, (none); organisation
    expect(result).toEqual({
      as_of: '2026-11-30',
      snapshots: 8,
      actions: { opened: 9, closed: 0, updated: 0, unchanged: 0 },
    });
    const rows = await snapshotRows('2026-11-30');
    expect(rows.find((r) => r.dimension === 'office' && r.key === 'KE-SN')).toMatchObject({
      score: 66.7,
      assets: 2,
    });
    expect(rows.find((r) => r.dimension === 'region' && r.key === '')).toMatchObject({ assets: 1 });
    const open = await openActions();
    const forKenyaBare = open.filter((a) => a.subject_id === world.assets.kenyaBare.id);
    expect(forKenyaBare.map((a) => a.assignee_person_id)).toEqual(Array(4).fill(world.people.kenya.id));
    const forSystem = open.filter((a) => a.subject_id === world.assets.system.id);
    expect(forSystem.map((a) => [a.code, a.assignee_person_id, a.due_date])).toEqual([
      ['documentation', world.staff.custodianB.id, '2027-01-29'], // medium: 60 days
    ]);
    expect(
      open.filter((a) => a.subject_id === world.assets.ethiopiaBare.id).map((a) => a.assignee_person_id),
    ).toEqual(Array(4).fill(null));
    expect(await auditCount()).toBe(1);
  });

  it('replaces the same date’s snapshots on a re-run and opens nothing twice', async () => {
    const again = await snapshots().take(admin);
    expect(again.actions).toEqual({ opened: 0, closed: 0, updated: 0, unchanged: 9 });
    expect(await snapshotRows('2026-11-30')).toHaveLength(8);
    expect(await openActions()).toHaveLength(9);
  });

  it('closes the actions of a fixed asset at the next scoring, and opens them for a new failure', async () => {
    const bare = world.assets.kenyaBare;
    await t.services.assets.update(admin, bare.id, {
      version: bare.version,
      data_owner_id: world.staff.kenyaOwner.id,
      data_custodian_id: world.staff.custodianA.id,
      description: 'Paper notes from field monitoring visits',
      purpose: 'Monitoring',
      system_id: world.assets.system.id,
      sensitivity_label: 'Internal',
      last_reviewed: '2026-11-01',
    });
    const added = await addAsset(t.services, {
      name: 'New survey SN',
      asset_type: 'dataset',
      office_id: world.offices.senegal.id,
    });
    t.clock.set('2026-12-01T06:00:00.000Z');
    const result = await snapshots().take(admin);
    expect(result.actions).toEqual({ opened: 4, closed: 4, updated: 0, unchanged: 5 });
    const closed = (await t.services.actions.list(admin, { status: 'closed', limit: 500 })).items;
    expect(closed.map((a) => [a.subject_id, a.close_reason, a.closed_at])).toEqual(
      Array(4).fill([bare.id, 'resolved', '2026-12-01T06:00:00.000Z']),
    );
    expect((await openActions()).filter((a) => a.subject_id === added.id)).toHaveLength(4);
    expect(await snapshotRows('2026-11-30')).toHaveLength(8);
    expect(await auditCount()).toBe(3);
  });

  it('reads the trend of each scope from the snapshots, only scopes the caller may see', async () => {
    const trend = await t.services.scorecard.trend(admin, { by: 'office', key: 'KE-SN' });
    expect(trend.series).toEqual([
      {
        key: 'KE-SN',
        name: 'Kenya SN',
        points: [
          { date: '2026-11-30', score: 66.7 },
          { date: '2026-12-01', score: 100 },
        ],
        latest: 100,
        change: 33.3,
      },
    ]);
    const kenyaOnly = ctxOf(actorFor('viewer', [world.offices.kenya.id]));
    const offices = await t.services.scorecard.trend(kenyaOnly, { by: 'office' });
    expect(offices.series.map((s) => s.key)).toEqual(['KE-SN']);
    const eastLead = ctxOf(
      actorFor('regional_focal_point', [world.offices.kenya.id, world.offices.ethiopia.id], {
        regionIds: [world.regions.east.id],
      }),
    );
    expect((await t.services.scorecard.trend(eastLead, { by: 'region' })).series.map((s) => s.key)).toEqual([
      'ESN',
    ]);
  });

  it('never shows a scoped caller a region or organisation figure that counts offices outside its scope', async () => {
    const whole = async (by: 'region' | 'organisation', key: string) =>
      (await t.services.scorecard.trend(admin, { by, key })).series[0]!.points;
    // The stored East region and organisation rows count Ethiopia (and HQ) too: they differ from Kenya's.
    expect(await whole('region', 'ESN')).not.toEqual(kenyaPoints);
    expect(await whole('organisation', 'organisation')).not.toEqual(kenyaPoints);
    // Kenya's focal point sees its region (as loading a user adds its offices' regions), Kenya only.
    const kenyaOnly = ctxOf(
      actorFor('office_focal_point', [world.offices.kenya.id], { regionIds: [world.regions.east.id] }),
    );
    const regions = await t.services.scorecard.trend(kenyaOnly, { by: 'region' });
    expect(regions.series).toEqual([
      { key: 'ESN', name: world.regions.east.name, points: kenyaPoints, latest: 100, change: 33.3 },
    ]);
    expect((await t.services.scorecard.trend(kenyaOnly, { by: 'region', key: 'ESN' })).series).toEqual(
      regions.series,
    );
    const organisation = await t.services.scorecard.trend(kenyaOnly, { by: 'organisation' });
    expect(organisation.series.map((s) => [s.key, s.points])).toEqual([['organisation', kenyaPoints]]);
    // Kenya and Ethiopia together: the region's own figure, recomputed from the two offices' rows.
    const eastLead = ctxOf(
      actorFor('regional_focal_point', [world.offices.kenya.id, world.offices.ethiopia.id], {
        regionIds: [world.regions.east.id],
      }),
    );
    expect((await t.services.scorecard.trend(eastLead, { by: 'region' })).series[0]!.points).toEqual(
      await whole('region', 'ESN'),
    );
    // No office in scope: nothing.
    const nowhere = ctxOf(actorFor('viewer', [], { regionIds: [world.regions.east.id] }));
    expect((await t.services.scorecard.trend(nowhere, { by: 'region' })).series).toEqual([]);
  });

  it('takes the daily snapshot once a day: the scheduler checks whether today’s exists', async () => {
    t.clock.set('2026-12-02T01:00:00.000Z');
    expect(await snapshots().ensureToday()).toBe(true);
    expect(await snapshots().ensureToday()).toBe(false);
    // Senegal's new asset added an office and a region since the first snapshots.
    expect(await snapshotRows('2026-12-02')).toHaveLength(10);

    vi.useFakeTimers();
    try {
      t.clock.set('2026-12-03T01:00:00.000Z');
      const log = { info: vi.fn(), warn: vi.fn() };
      const scheduler = startDailySnapshots(snapshots(), log, 3_600_000);
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.waitFor(() => expect(log.info).toHaveBeenCalledTimes(1));
      await vi.advanceTimersByTimeAsync(3_600_000);
      await scheduler.stop();
      expect(log.info).toHaveBeenCalledTimes(1);
      expect(log.warn).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
    expect(await snapshotRows('2026-12-03')).toHaveLength(10);
  });

  it('records earlier dates from the state the caller derives, leaving actions alone (admins only)', async () => {
    const dates = ['2026-10-01', '2026-10-15'];
    const keepKenya = (assets: readonly StoredScoredAsset[]) =>
      assets.filter((asset) => asset.office_key === 'KE-SN');
    await expect(
      snapshots().recordPast(ctxOf(actorFor('governance_officer')), dates, keepKenya),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await snapshotRows('2026-10-01')).toEqual([]);

    const before = { actions: await openActions(), audit: await auditCount() };
    const seen: string[] = [];
    const stored = await snapshots().recordPast(admin, dates, (assets, asOf) => {
      seen.push(asOf);
      return keepKenya(assets);
    });
    expect(seen).toEqual(dates);
    // Kenya only: its office, region, its department and the unassigned one (stored as ''), the organisation.
    const rows = await snapshotRows('2026-10-01');
    expect(rows.map((row) => `${row.dimension}:${row.key}`)).toEqual([
      'department:',
      'department:KE-SN/DATA',
      'office:KE-SN',
      'organisation:organisation',
      'region:ESN',
    ]);
    expect(stored).toBe(2 * rows.length);
    expect(await snapshotRows('2026-10-15')).toEqual(rows);
    expect(await openActions()).toEqual(before.actions);
    expect(await auditCount()).toBe(before.audit + 2);
    const trend = await t.services.scorecard.trend(admin, { by: 'office', key: 'KE-SN' });
    expect(trend.series[0]!.points.slice(0, 2).map((point) => point.date)).toEqual(dates);
  });
});
