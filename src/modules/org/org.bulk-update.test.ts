import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import type { RequestContext } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { AppError, type FieldIssue } from '../../core/errors.js';
import { systemActor } from '../../core/permissions.js';
import { inTransaction } from '../../core/service-context.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { counts, scopedContext } from './testing/org-import.js';
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

describeEachDialect('bulk updates for imports', ({ db }) => {
  let services: Services;
  let world: OrgWorld;
  const admin: RequestContext = { actor: systemActor('test'), requestId: null };
  const deps = () => ({ db: db(), clock: fixedClock('2026-11-30T10:00:00.000Z') });

  beforeAll(async () => {
    services = createServices(
      db(),
      fixedClock('2026-11-30T09:00:00.000Z'),
      loadConfig({ db: 'sqlite::memory:' }, {}),
    );
    world = await seedOrgWorld(services, 'BU');
  });

  it('changes several people in one transaction, one audit event each with before and after', async () => {
    const { kenya, ethiopia } = world.people;
    const before = await counts(db());
    const updated = await inTransaction(deps(), admin, (trx, audit) =>
      services.people.updateManyIn(trx, audit, admin, [
        { id: kenya.id, changes: { job_title: 'Lead', version: kenya.version } },
        {
          id: ethiopia.id,
          changes: { office_id: world.offices.senegal.id, department_id: null, version: ethiopia.version },
        },
      ]),
    );
    expect(updated.map((p) => [p.job_title, p.office_id, p.version])).toEqual([
      ['Lead', world.offices.kenya.id, 2],
      [null, world.offices.senegal.id, 2],
    ]);
    expect(await counts(db())).toEqual({ ...before, audit: before.audit + 2 });
    const event = await db()
      .kysely.selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', ethiopia.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(event.office_id).toBe(world.offices.senegal.id);
    expect(JSON.parse(event.before_json!)).toMatchObject({ office_id: world.offices.ethiopia.id });
    world.people.kenya = updated[0]!;
    world.people.ethiopia = updated[1]!;
  });

  it('refuses a whole batch of people updates, reporting each problem by row; nothing changes', async () => {
    const { kenya, ethiopia, senegal, hq } = world.people;
    const before = await counts(db());
    const issues = await batchIssues(
      inTransaction(deps(), admin, (trx, audit) =>
        services.people.updateManyIn(trx, audit, admin, [
          { id: kenya.id, changes: { job_title: 'Fine', version: kenya.version } },
          { id: '0190f5d2-0000-7000-8000-000000000000', changes: { job_title: 'Gone', version: 1 } },
          { id: ethiopia.id, changes: { job_title: 'Stale', version: ethiopia.version - 1 } },
          {
            id: senegal.id,
            changes: { department_id: world.departments.kenya.id, version: senegal.version },
          },
          { id: hq.id, changes: { email: kenya.email, version: hq.version } },
          { id: kenya.id, changes: { email: 'not-mail', version: kenya.version } },
        ]),
      ),
    );
    expect(issues).toEqual(['2:id', '3:version', '4:department_id', '5:email', '6:email']);
    expect(await counts(db())).toEqual(before);
    expect(await services.people.get(admin, kenya.id)).toEqual(kenya);
  });

  it('checks creates and updates without writing, by position in each list', async () => {
    const before = await counts(db());
    const found = await services.people.checkManyIn(db().kysely, admin, {
      creates: [
        { full_name: 'New', email: 'new.bu@example.org', office_id: world.offices.kenya.id },
        { full_name: 'Taken', email: world.people.hq.email, office_id: world.offices.kenya.id },
      ],
      updates: [{ id: world.people.hq.id, changes: { full_name: '', version: world.people.hq.version } }],
    });
    expect(found.creates.map((i) => `${i.row}:${i.path}`)).toEqual(['2:email']);
    expect(found.updates.map((i) => `${i.row}:${i.path}`)).toEqual(['1:full_name']);
    expect(await counts(db())).toEqual(before);
  });

  it('keeps people updates within the caller’s scope and permission', async () => {
    const focal = scopedContext('office_focal_point', [world.offices.kenya.id]);
    const kenya = await services.people.get(admin, world.people.kenya.id);
    const issues = await batchIssues(
      inTransaction(deps(), focal, (trx, audit) =>
        services.people.updateManyIn(trx, audit, focal, [
          {
            id: world.people.senegal.id,
            changes: { job_title: 'Outside', version: world.people.senegal.version },
          },
          {
            id: kenya.id,
            changes: { office_id: world.offices.senegal.id, department_id: null, version: kenya.version },
          },
        ]),
      ),
    );
    expect(issues).toEqual(['1:id', '2:office_id']);
    const viewer = scopedContext('viewer', [world.offices.kenya.id]);
    await expect(
      services.people.checkManyIn(db().kysely, viewer, { creates: [], updates: [] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('changes offices in bulk with the rules of a single update', async () => {
    const { kenya, ethiopia, senegal, hq } = world.offices;
    const before = await counts(db());
    const issues = await batchIssues(
      inTransaction(deps(), admin, (trx, audit) =>
        services.offices.updateManyIn(trx, audit, admin, [
          { id: kenya.id, changes: { city: 'Nairobi', version: kenya.version } },
          { id: ethiopia.id, changes: { region_id: null, version: ethiopia.version } },
          {
            id: senegal.id,
            changes: { region_id: '0190f5d2-0000-7000-8000-000000000000', version: senegal.version },
          },
          { id: hq.id, changes: { code: kenya.code, version: hq.version } },
        ]),
      ),
    );
    expect(issues).toEqual(['2:region_id', '3:region_id', '4:code']);
    expect(await counts(db())).toEqual(before);

    const [updated] = await inTransaction(deps(), admin, (trx, audit) =>
      services.offices.updateManyIn(trx, audit, admin, [
        { id: kenya.id, changes: { city: 'Nairobi', version: kenya.version } },
      ]),
    );
    expect(updated).toMatchObject({ city: 'Nairobi', version: kenya.version + 1 });
    expect(await counts(db())).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('lets only organisation-wide roles take an office out of its region', async () => {
    const regional = scopedContext(
      'regional_focal_point',
      [world.offices.ethiopia.id],
      [world.regions.east.id],
    );
    const { ethiopia } = world.offices;
    const found = await services.offices.checkManyIn(db().kysely, regional, {
      creates: [],
      updates: [
        { id: ethiopia.id, changes: { kind: 'hq_department', region_id: null, version: ethiopia.version } },
      ],
    });
    expect(found.updates).toEqual([
      expect.objectContaining({
        row: 1,
        path: 'region_id',
        message: expect.stringContaining('organisation-wide'),
      }),
    ]);
    await expect(
      services.offices.checkManyIn(db().kysely, regional, {
        creates: [{ code: 'NEW-BU', name: 'New', kind: 'hq_department' }],
        updates: [],
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
