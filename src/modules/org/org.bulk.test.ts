import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import { GENESIS_HASH, verifyChainSegment, type RequestContext } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { AppError, type FieldIssue } from '../../core/errors.js';
import { inTransaction } from '../../core/service-context.js';
import { systemActor, type Actor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { seedOrgWorld, type OrgWorld } from './testing/org-world.js';

/** What a refused batch reports: `row:path` for each issue. */
async function batchIssues(work: Promise<unknown>): Promise<string[]> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('import_invalid');
  return ((error as AppError).details as { issues: FieldIssue[] }).issues.map((i) => `${i.row}:${i.path}`);
}

describeEachDialect('bulk creation for imports and the demo loader', ({ db }) => {
  let services: Services;
  let world: OrgWorld;
  const ctx: RequestContext = { actor: systemActor('test'), requestId: null };
  const counts = async () => {
    const k = db().kysely;
    const n = async (table: 'offices' | 'departments' | 'people' | 'audit_events') =>
      Number(
        (
          await k
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      offices: await n('offices'),
      departments: await n('departments'),
      people: await n('people'),
      audit: await n('audit_events'),
    };
  };

  beforeAll(async () => {
    services = createServices(
      db(),
      fixedClock('2026-11-30T09:00:00.000Z'),
      loadConfig({ db: 'sqlite::memory:' }, {}),
    );
    world = await seedOrgWorld(services, 'BK');
  });

  it('creates every person in one go with one audit event each, keeping the audit chain intact', async () => {
    const before = await counts();
    const created = await services.people.createMany(ctx, [
      { full_name: 'Bulk One', email: 'BULK1@example.org', office_id: world.offices.kenya.id },
      {
        full_name: 'Bulk Two',
        email: 'bulk2@example.org',
        office_id: world.offices.senegal.id,
        department_id: world.departments.senegal.id,
        governance_roles: ['data_custodian'],
      },
    ]);
    expect(created.map((p) => p.email)).toEqual(['bulk1@example.org', 'bulk2@example.org']);
    expect(created[1]).toMatchObject({ governance_roles: ['data_custodian'], active: true });
    const after = await counts();
    expect(after.people - before.people).toBe(2);
    expect(after.audit - before.audit).toBe(2);
    const events = await db().kysely.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    expect(verifyChainSegment(events, GENESIS_HASH).break).toBeNull();
  });

  it('refuses a whole batch of people when any record is wrong, reporting each problem by row', async () => {
    const before = await counts();
    const issues = await batchIssues(
      services.people.createMany(ctx, [
        { full_name: 'Fine', email: 'fine@example.org', office_id: world.offices.kenya.id },
        { full_name: 'Bad mail', email: 'nope', office_id: world.offices.kenya.id },
        { full_name: 'Repeat', email: 'FINE@example.org', office_id: world.offices.kenya.id },
        { full_name: 'Taken', email: world.people.hq.email, office_id: world.offices.kenya.id },
        {
          full_name: 'Wrong unit',
          email: 'unit@example.org',
          office_id: world.offices.kenya.id,
          department_id: world.departments.senegal.id,
        },
        { full_name: 'Lost', email: 'lost@example.org', office_id: '0190f5d2-0000-7000-8000-000000000000' },
      ]),
    );
    expect(issues).toEqual(['2:email', '3:email', '4:email', '5:department_id', '6:office_id']);
    expect(await counts()).toEqual(before);
  });

  it('validates offices and departments in bulk the same way', async () => {
    const before = await counts();
    const officeIssues = await batchIssues(
      services.offices.createMany(ctx, [
        { code: 'ok-1', name: 'Fine', kind: 'hq_department' },
        { code: 'OK-1', name: 'Same code', kind: 'hq_department' },
        { code: 'NO-COUNTRY', name: 'No country', kind: 'country_office', region_id: world.regions.east.id },
        { code: world.offices.kenya.code, name: 'Taken', kind: 'hq_department' },
        {
          code: 'BAD-CC',
          name: 'Bad',
          kind: 'country_office',
          region_id: world.regions.east.id,
          country_code: 'XX',
        },
        {
          code: 'NO-REGION',
          name: 'x',
          kind: 'country_office',
          region_id: '0190f5d2-0000-7000-8000-000000000000',
          country_code: 'KE',
        },
      ]),
    );
    expect(officeIssues).toEqual(['2:code', '3:country_code', '4:code', '5:country_code', '6:region_id']);
    const departmentIssues = await batchIssues(
      services.departments.createMany(ctx, [
        { office_id: world.offices.kenya.id, code: 'NEW', name: 'New' },
        { office_id: world.offices.kenya.id, code: 'new', name: 'Repeat' },
        { office_id: world.offices.kenya.id, code: 'DATA', name: 'Taken' },
        { office_id: world.offices.senegal.id, code: 'NEW', name: 'Other office: fine' },
      ]),
    );
    expect(departmentIssues).toEqual(['2:code', '3:code']);
    expect(await counts()).toEqual(before);
  });

  it('creates offices, departments and people in one caller transaction, or none when a later step fails', async () => {
    const before = await counts();
    const attempt = inTransaction(
      { db: db(), clock: fixedClock('2026-11-30T10:00:00.000Z') },
      ctx,
      async (trx, audit) => {
        const [office] = await services.offices.createManyIn(trx, audit, ctx, [
          { code: 'TX-1', name: 'Transactional', kind: 'hq_department' },
        ]);
        const [unit] = await services.departments.createManyIn(trx, audit, ctx, [
          { office_id: office!.id, code: 'U1', name: 'Unit' },
        ]);
        await services.people.createManyIn(trx, audit, ctx, [
          {
            full_name: 'Inside',
            email: 'inside@example.org',
            office_id: office!.id,
            department_id: unit!.id,
          },
          { full_name: 'Broken', email: 'broken', office_id: office!.id },
        ]);
      },
    );
    expect(await batchIssues(attempt)).toEqual(['2:email']);
    expect(await counts()).toEqual(before);
    expect(await services.offices.findByCode(ctx, 'TX-1')).toBeUndefined();

    await inTransaction(
      { db: db(), clock: fixedClock('2026-11-30T10:00:00.000Z') },
      ctx,
      async (trx, audit) => {
        const [office] = await services.offices.createManyIn(trx, audit, ctx, [
          { code: 'TX-2', name: 'Transactional', kind: 'hq_department' },
        ]);
        await services.people.createManyIn(trx, audit, ctx, [
          { full_name: 'Inside', email: 'inside@example.org', office_id: office!.id },
        ]);
      },
    );
    const office = await services.offices.findByCode(ctx, 'tx-2');
    expect(office).toBeDefined();
    expect(await services.people.findByEmail(ctx, 'INSIDE@example.org')).toMatchObject({
      office_id: office!.id,
    });
    expect((await counts()).audit - before.audit).toBe(2);
  });

  it('finds by code or e-mail only within the caller’s scope', async () => {
    const scoped: RequestContext = {
      actor: scopedActor('office_focal_point', [world.offices.kenya.id], [world.regions.east.id]),
      requestId: null,
    };
    expect(await services.offices.findByCode(scoped, world.offices.kenya.code)).toMatchObject({
      id: world.offices.kenya.id,
    });
    expect(await services.offices.findByCode(scoped, world.offices.senegal.code)).toBeUndefined();
    expect(await services.departments.findByCode(scoped, world.offices.kenya.id, 'data')).toBeDefined();
    expect(await services.departments.findByCode(scoped, world.offices.senegal.id, 'DATA')).toBeUndefined();
    expect(await services.people.findByEmail(scoped, world.people.kenya.email)).toBeDefined();
    expect(await services.people.findByEmail(scoped, world.people.senegal.email)).toBeUndefined();
    expect(await services.regions.findByCode(scoped, world.regions.east.code)).toBeDefined();
    expect(await services.regions.findByCode(scoped, world.regions.west.code)).toBeUndefined();
  });

  it('refuses bulk writes without the permission, and rows in offices outside the caller’s scope', async () => {
    const before = await counts();
    const viewer: RequestContext = {
      actor: scopedActor('viewer', [world.offices.kenya.id]),
      requestId: null,
    };
    await expect(
      services.people.createMany(viewer, [
        { full_name: 'V', email: 'v@example.org', office_id: world.offices.kenya.id },
      ]),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      services.offices.createMany(viewer, [{ code: 'V-1', name: 'V', kind: 'hq_department' }]),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const focal: RequestContext = {
      actor: scopedActor('office_focal_point', [world.offices.kenya.id]),
      requestId: null,
    };
    const issues = await batchIssues(
      services.people.createMany(focal, [
        { full_name: 'Mine', email: 'mine@example.org', office_id: world.offices.kenya.id },
        { full_name: 'Theirs', email: 'theirs@example.org', office_id: world.offices.senegal.id },
      ]),
    );
    expect(issues).toEqual(['2:office_id']);
    expect(await counts()).toEqual(before);
  });
});

function scopedActor(role: Actor['role'], officeIds: string[], regionIds: string[] = []): Actor {
  return {
    userId: null,
    label: `test-${role}`,
    role,
    scope: { kind: 'offices', officeIds: new Set(officeIds), regionIds: new Set(regionIds) },
    personId: null,
    readOnly: false,
  };
}
