import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import type { RequestContext } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { AppError, type ErrorCode } from '../../core/errors.js';
import { systemActor, type Role } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { scopedContext } from '../org/testing/org-import.js';
import { seedOrgWorld, type OrgWorld } from '../org/testing/org-world.js';
import type { Wave } from './rollout.schema.js';

const UNKNOWN = '0190f5d2-0000-7000-8000-000000000000';

/** The code of the catalogue error a call fails with. */
async function failure(work: Promise<unknown>): Promise<{ code: ErrorCode; path?: string }> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const issues = ((error as AppError).details as { issues?: { path: string }[] } | undefined)?.issues;
  return { code: (error as AppError).code, path: issues?.[0]?.path };
}

describeEachDialect('regional roll-out service', ({ db }) => {
  let services: Services;
  let world: OrgWorld;
  let wave1: Wave;
  const clock = fixedClock('2026-12-01T09:00:00.000Z');
  const ctx: RequestContext = { actor: systemActor('test'), requestId: null };
  const auditCount = async () =>
    Number(
      (
        await db()
          .kysely.selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** A caller of the role limited to Kenya (office roles) or the east region (regional roles). */
  const kenyaCaller = (role: Role) => scopedContext(role, [world.offices.kenya.id], [world.regions.east.id]);
  const eastCaller = (role: Role) =>
    scopedContext(role, [world.offices.kenya.id, world.offices.ethiopia.id], [world.regions.east.id]);

  beforeAll(async () => {
    services = createServices(db(), clock, loadConfig({ db: 'sqlite::memory:' }, {}));
    world = await seedOrgWorld(services, 'RO');
    wave1 = await services.rollout.createWave(ctx, {
      region_id: world.regions.east.id,
      name: 'Pilot',
      number: 1,
      planned_start: '2026-09-01',
      planned_end: '2026-11-30',
    });
  });

  it('lists every office as not started, in no wave, until its record is written', async () => {
    const page = await services.rollout.listOffices(ctx, { limit: 50 });
    expect(page.items.map((o) => [o.office_code, o.status, o.wave_id, o.version])).toEqual([
      ['ET-RO', 'not_started', null, 0],
      ['HQ-RO', 'not_started', null, 0],
      ['KE-RO', 'not_started', null, 0],
      ['SN-RO', 'not_started', null, 0],
    ]);
  });

  it('creates the record with version 0, then changes it with its version, auditing each', async () => {
    const before = await auditCount();
    const created = await services.rollout.setOffice(ctx, world.offices.kenya.id, {
      status: 'onboarding',
      wave_id: wave1.id,
      focal_point_id: world.people.kenya.id,
      target_date: '2026-11-15',
      version: 0,
    });
    expect(created).toMatchObject({
      status: 'onboarding',
      wave_name: 'Pilot',
      wave_number: 1,
      focal_point_name: world.people.kenya.full_name,
      region_code: world.regions.east.code,
      target_date: '2026-11-15',
      overdue: true,
      days_overdue: 16,
      version: 1,
    });
    const done = await services.rollout.setOffice(ctx, world.offices.kenya.id, {
      status: 'complete',
      actual_date: '2026-11-28',
      version: 1,
    });
    expect(done).toMatchObject({ status: 'complete', overdue: false, days_overdue: null, version: 2 });
    expect(done.wave_id).toBe(wave1.id);
    expect(await auditCount()).toBe(before + 2);
    const events = await db()
      .kysely.selectFrom('audit_events')
      .select(['action', 'entity_type', 'office_id'])
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(events).toEqual([
      { action: 'update', entity_type: 'office_onboarding', office_id: world.offices.kenya.id },
      { action: 'create', entity_type: 'office_onboarding', office_id: world.offices.kenya.id },
    ]);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const before = await auditCount();
    expect(
      await failure(services.rollout.setOffice(ctx, world.offices.kenya.id, { notes: 'late', version: 1 })),
    ).toEqual({ code: 'version_conflict' });
    expect(
      await failure(services.rollout.setOffice(ctx, world.offices.kenya.id, { notes: 'again', version: 0 })),
    ).toEqual({ code: 'version_conflict' });
    expect(
      await failure(services.rollout.setOffice(ctx, world.offices.senegal.id, { notes: 'new', version: 3 })),
    ).toEqual({ code: 'version_conflict' });
    expect((await services.rollout.getOffice(ctx, world.offices.kenya.id)).notes).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it.each([
    { status: 'complete', actual_date: null, why: 'complete without an actual date' },
    { status: 'onboarding', actual_date: '2026-11-20', why: 'an actual date before completion' },
  ] as const)('refuses $why', async ({ status, actual_date }) => {
    const current = await services.rollout.getOffice(ctx, world.offices.ethiopia.id);
    expect(
      await failure(
        services.rollout.setOffice(ctx, world.offices.ethiopia.id, {
          status,
          actual_date,
          version: current.version,
        }),
      ),
    ).toEqual({ code: 'validation_failed', path: 'actual_date' });
  });

  it('asks to clear the actual date when an office leaves complete', async () => {
    expect(
      await failure(
        services.rollout.setOffice(ctx, world.offices.kenya.id, { status: 'onboarding', version: 2 }),
      ),
    ).toEqual({ code: 'validation_failed', path: 'actual_date' });
    const reopened = await services.rollout.setOffice(ctx, world.offices.kenya.id, {
      status: 'inventory_in_progress',
      actual_date: null,
      version: 2,
    });
    expect(reopened).toMatchObject({ status: 'inventory_in_progress', actual_date: null, version: 3 });
  });

  it('refuses a wave of another region, an unknown wave and an unknown focal point', async () => {
    const west = await services.rollout.createWave(ctx, {
      region_id: world.regions.west.id,
      name: 'West 1',
      number: 1,
    });
    expect(
      await failure(
        services.rollout.setOffice(ctx, world.offices.ethiopia.id, { wave_id: west.id, version: 0 }),
      ),
    ).toEqual({ code: 'validation_failed', path: 'wave_id' });
    expect(
      await failure(
        services.rollout.setOffice(ctx, world.offices.ethiopia.id, { wave_id: UNKNOWN, version: 0 }),
      ),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await failure(
        services.rollout.setOffice(ctx, world.offices.ethiopia.id, { focal_point_id: UNKNOWN, version: 0 }),
      ),
    ).toMatchObject({ code: 'not_found' });
    await services.rollout.removeWave(ctx, west.id, 1);
  });

  it('keeps wave numbers unique within a region and checks planned dates', async () => {
    expect(
      await failure(
        services.rollout.createWave(ctx, { region_id: world.regions.east.id, name: 'Again', number: 1 }),
      ),
    ).toEqual({ code: 'conflict' });
    expect(
      await failure(
        services.rollout.createWave(ctx, {
          region_id: world.regions.east.id,
          name: 'Backwards',
          number: 5,
          planned_start: '2027-02-01',
          planned_end: '2027-01-01',
        }),
      ),
    ).toEqual({ code: 'validation_failed', path: 'planned_end' });
    expect(
      await failure(services.rollout.createWave(ctx, { region_id: UNKNOWN, name: 'Nowhere', number: 1 })),
    ).toMatchObject({ code: 'not_found' });
  });

  it('changes a wave with its version and refuses a stale one', async () => {
    const second = await services.rollout.createWave(ctx, {
      region_id: world.regions.east.id,
      name: 'Second',
      number: 2,
    });
    const renamed = await services.rollout.updateWave(ctx, second.id, { name: 'Wave two', version: 1 });
    expect(renamed).toMatchObject({ name: 'Wave two', number: 2, version: 2 });
    expect(await failure(services.rollout.updateWave(ctx, second.id, { name: 'Stale', version: 1 }))).toEqual(
      { code: 'version_conflict' },
    );
    expect(await failure(services.rollout.updateWave(ctx, second.id, { number: 1, version: 2 }))).toEqual({
      code: 'conflict',
    });
    expect(
      (await services.rollout.listWaves(ctx, { region_id: world.regions.east.id })).map((w) => w.name),
    ).toEqual(['Pilot', 'Wave two']);
    await services.rollout.removeWave(ctx, second.id, 2);
    expect(await failure(services.rollout.getWave(ctx, second.id))).toEqual({ code: 'not_found' });
  });

  it('refuses to delete a wave offices still belong to, with 409', async () => {
    const before = await auditCount();
    expect(await failure(services.rollout.removeWave(ctx, wave1.id, wave1.version))).toEqual({
      code: 'conflict',
    });
    expect((await services.rollout.getWave(ctx, wave1.id)).name).toBe('Pilot');
    expect(await auditCount()).toBe(before);
  });

  it('shows a regional focal point only the offices and waves of their region, and lets them plan it', async () => {
    const rfp = eastCaller('regional_focal_point');
    const page = await services.rollout.listOffices(rfp, { limit: 50 });
    expect(page.items.map((o) => o.office_code)).toEqual(['ET-RO', 'KE-RO']);
    expect((await services.rollout.listWaves(rfp)).map((w) => w.region_id)).toEqual([world.regions.east.id]);
    expect(await failure(services.rollout.getOffice(rfp, world.offices.senegal.id))).toEqual({
      code: 'not_found',
    });
    expect(
      await failure(
        services.rollout.setOffice(rfp, world.offices.senegal.id, { status: 'onboarding', version: 0 }),
      ),
    ).toEqual({ code: 'not_found' });
    expect(
      await failure(
        services.rollout.createWave(rfp, { region_id: world.regions.west.id, name: 'Not mine', number: 3 }),
      ),
    ).toMatchObject({ code: 'not_found' });
    const planned = await services.rollout.setOffice(rfp, world.offices.ethiopia.id, {
      wave_id: wave1.id,
      target_date: '2027-03-31',
      version: 0,
    });
    expect(planned).toMatchObject({ wave_id: wave1.id, status: 'not_started', overdue: false });
  });

  it("lets an office focal point report their office's status and dates, but not plan or touch another", async () => {
    const ofp = kenyaCaller('office_focal_point');
    const current = await services.rollout.getOffice(ofp, world.offices.kenya.id);
    const updated = await services.rollout.setOffice(ofp, world.offices.kenya.id, {
      status: 'complete',
      actual_date: '2026-11-30',
      target_date: '2026-12-15',
      version: current.version,
    });
    expect(updated).toMatchObject({ status: 'complete', version: current.version + 1 });
    expect(
      await failure(
        services.rollout.setOffice(ofp, world.offices.kenya.id, { wave_id: null, version: updated.version }),
      ),
    ).toEqual({ code: 'forbidden' });
    expect(
      await failure(
        services.rollout.setOffice(ofp, world.offices.kenya.id, {
          focal_point_id: world.people.ethiopia.id,
          version: updated.version,
        }),
      ),
    ).toEqual({ code: 'forbidden' });
    expect(
      await failure(
        services.rollout.setOffice(ofp, world.offices.ethiopia.id, { status: 'onboarding', version: 1 }),
      ),
    ).toEqual({ code: 'not_found' });
    expect(
      await failure(
        services.rollout.createWave(ofp, { region_id: world.regions.east.id, name: 'X', number: 9 }),
      ),
    ).toEqual({ code: 'forbidden' });
  });

  it.each(['viewer', 'auditor', 'data_custodian'] as const)('lets a %s read but not write', async (role) => {
    const caller = kenyaCaller(role);
    expect((await services.rollout.getOffice(caller, world.offices.kenya.id)).office_code).toBe('KE-RO');
    expect(
      await failure(services.rollout.setOffice(caller, world.offices.kenya.id, { notes: 'x', version: 1 })),
    ).toEqual({ code: 'forbidden' });
    expect(await failure(services.rollout.removeWave(caller, wave1.id, 1))).toEqual({ code: 'forbidden' });
  });

  it('filters offices by region, wave, status and overdue, page by page', async () => {
    const codes = async (query: Parameters<Services['rollout']['listOffices']>[1]) =>
      (await services.rollout.listOffices(ctx, query)).items.map((o) => o.office_code);
    await services.rollout.setOffice(ctx, world.offices.senegal.id, {
      status: 'onboarding',
      target_date: '2026-10-01',
      version: 0,
    });
    expect(await codes({ limit: 50, region_id: world.regions.east.id })).toEqual(['ET-RO', 'KE-RO']);
    expect(await codes({ limit: 50, wave_id: wave1.id })).toEqual(['ET-RO', 'KE-RO']);
    expect(await codes({ limit: 50, wave_id: 'none' })).toEqual(['HQ-RO', 'SN-RO']);
    expect(await codes({ limit: 50, status: 'not_started' })).toEqual(['ET-RO', 'HQ-RO']);
    expect(await codes({ limit: 50, status: 'complete' })).toEqual(['KE-RO']);
    expect(await codes({ limit: 50, overdue: 'true' })).toEqual(['SN-RO']);
    expect(await codes({ limit: 50, overdue: 'false' })).toEqual(['ET-RO', 'HQ-RO', 'KE-RO']);
    const first = await services.rollout.listOffices(ctx, { limit: 3 });
    expect(first.next_cursor).not.toBeNull();
    const rest = await services.rollout.listOffices(ctx, { limit: 3, cursor: first.next_cursor! });
    expect([...first.items, ...rest.items].map((o) => o.office_code)).toEqual([
      'ET-RO',
      'HQ-RO',
      'KE-RO',
      'SN-RO',
    ]);
    expect(rest.next_cursor).toBeNull();
  });

  it('adds up progress per region and wave within the caller’s scope', async () => {
    const all = await services.rollout.progress(ctx);
    expect(all.as_of).toBe('2026-12-01');
    const east = all.regions.find((r) => r.region_id === world.regions.east.id)!;
    expect(east).toMatchObject({ offices: 2, percent_complete: 50 });
    expect(east.waves.map((w) => [w.name, w.offices, w.by_status.complete])).toEqual([['Pilot', 2, 1]]);
    const west = all.regions.find((r) => r.region_id === world.regions.west.id)!;
    expect(west.waves).toEqual([]);
    expect(west.overdue.map((o) => [o.office_code, o.days_overdue])).toEqual([['SN-RO', 61]]);
    expect(all.overall.offices).toBe(4);

    const scoped = await services.rollout.progress(eastCaller('regional_focal_point'));
    expect(scoped.regions.map((r) => r.region_id)).toEqual([world.regions.east.id]);
    expect(scoped.overall.offices).toBe(2);
    expect(
      await failure(services.rollout.progress(eastCaller('viewer'), { region_id: world.regions.west.id })),
    ).toEqual({
      code: 'not_found',
    });
  });
});
