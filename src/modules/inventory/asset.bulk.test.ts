import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import { GENESIS_HASH, verifyChainSegment, type RequestContext } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { AppError, type FieldIssue } from '../../core/errors.js';
import { systemActor, type Actor } from '../../core/permissions.js';
import { inTransaction } from '../../core/service-context.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import type { AssetUpsertInput } from './asset.bulk.js';
import type { Asset } from './asset.schema.js';
import { addAsset, seedInventoryWorld, type InventoryWorld } from './testing/inventory-world.js';

const UNKNOWN = '0190f5d2-0000-7000-8000-000000000000';

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

describeEachDialect('bulk writes of data assets for the spreadsheet import', ({ db }) => {
  let services: Services;
  let world: InventoryWorld;
  let system: Asset;
  const clock = fixedClock('2026-11-30T09:00:00.000Z');
  const ctx: RequestContext = { actor: systemActor('test'), requestId: null };
  const deps = () => ({ db: db(), clock });
  const upsert = (inputs: readonly AssetUpsertInput[], as: RequestContext = ctx) =>
    inTransaction(deps(), as, (trx, audit) => services.assets.upsertManyIn(trx, audit, as, inputs));
  const counts = async () => {
    const n = async (table: 'assets' | 'audit_events') =>
      Number(
        (
          await db()
            .kysely.selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { assets: await n('assets'), audit: await n('audit_events') };
  };

  beforeAll(async () => {
    services = createServices(db(), clock, loadConfig({ db: 'sqlite::memory:' }, {}));
    world = await seedInventoryWorld(services, 'BU');
    system = await addAsset(services, {
      name: 'Registration system',
      asset_type: 'database',
      office_id: world.offices.kenya.id,
      data_owner_id: world.staff.kenyaOwner.id,
      data_custodian_id: world.staff.custodianA.id,
    });
  });

  it('creates every asset in one go, inheriting from its system, with one audit event each', async () => {
    const before = await counts();
    const created = await services.assets.createMany(ctx, [
      { name: 'Bulk one', asset_type: 'dataset', office_id: world.offices.kenya.id, system_id: system.id },
      { name: 'Bulk two', asset_type: 'api', office_id: world.offices.hq.id, tags: ['x', 'X'] },
    ]);
    expect(created.map((asset) => asset.name)).toEqual(['Bulk one', 'Bulk two']);
    expect(created[0]).toMatchObject({
      data_owner_id: world.staff.kenyaOwner.id,
      data_custodian_id: world.staff.custodianA.id,
    });
    expect(created[1]).toMatchObject({ tags: ['x'], data_owner_id: null });
    const after = await counts();
    expect(after.assets - before.assets).toBe(2);
    expect(after.audit - before.audit).toBe(2);
    const events = await db().kysely.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    expect(verifyChainSegment(events, GENESIS_HASH).break).toBeNull();
    const found = await services.assets.list(ctx, { q: 'registration bulk', limit: 10 });
    expect(found.items.map((asset) => asset.name)).toEqual(['Bulk one']);
  });

  it('refuses a whole batch when any record is wrong, reporting each problem by row', async () => {
    const before = await counts();
    const issues = await batchIssues(
      services.assets.createMany(ctx, [
        { name: 'Fine', asset_type: 'dataset', office_id: world.offices.kenya.id },
        { name: 'Bad type', asset_type: 'table' as never, office_id: world.offices.kenya.id },
        { name: 'Lost office', asset_type: 'dataset', office_id: UNKNOWN },
        {
          name: 'Wrong unit',
          asset_type: 'dataset',
          office_id: world.offices.kenya.id,
          department_id: world.departments.senegal.id,
        },
        { name: 'Nobody', asset_type: 'dataset', office_id: world.offices.kenya.id, data_owner_id: UNKNOWN },
        { name: 'No system', asset_type: 'dataset', office_id: world.offices.kenya.id, system_id: UNKNOWN },
        {
          name: 'Two problems',
          asset_type: 'dataset',
          office_id: world.offices.kenya.id,
          special_categories: ['health'],
          last_access_review: '2027-06-01',
        },
      ]),
    );
    expect(issues).toEqual([
      '2:asset_type',
      '3:office_id',
      '4:department_id',
      '5:data_owner_id',
      '6:system_id',
      '7:special_categories',
      '7:last_access_review',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('updates records with an id, creates the others, and skips unchanged ones without an audit event', async () => {
    const [a, b] = await services.assets.createMany(ctx, [
      { name: 'Upsert A', asset_type: 'dataset', office_id: world.offices.kenya.id, tags: ['one', 'two'] },
      { name: 'Upsert B', asset_type: 'dataset', office_id: world.offices.kenya.id, personal_data: true },
    ]);
    const before = await counts();
    const outcomes = await upsert([
      { id: a!.id, name: 'Upsert A', tags: ['one', 'two', 'TWO'], personal_data: false },
      { id: b!.id, version: 1, purpose: 'Monitoring', description: '' },
      { name: 'Upsert C', asset_type: 'dataset', office_id: world.offices.senegal.id },
    ]);
    expect(outcomes.map((o) => [o.row, o.action, o.asset.name])).toEqual([
      [1, 'unchanged', 'Upsert A'],
      [2, 'updated', 'Upsert B'],
      [3, 'created', 'Upsert C'],
    ]);
    expect(outcomes[0]!.asset).toEqual(a);
    expect(outcomes[1]!.asset).toMatchObject({ purpose: 'Monitoring', personal_data: true, version: 2 });
    const after = await counts();
    expect(after.assets - before.assets).toBe(1);
    expect(after.audit - before.audit).toBe(2);

    // Exported and imported again as they are: nothing changes.
    const again = await upsert(
      outcomes.map(({ asset: { created_at: _created, updated_at: _updated, ...fields } }) => fields),
    );
    expect(again.map((o) => o.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await counts()).toEqual(after);
  });

  it('refuses unknown, repeated and stale ids, and rows outside the caller’s scope', async () => {
    const [mine, theirs] = await services.assets.createMany(ctx, [
      { name: 'Kenya record', asset_type: 'dataset', office_id: world.offices.kenya.id },
      { name: 'Senegal record', asset_type: 'dataset', office_id: world.offices.senegal.id },
    ]);
    const before = await counts();
    const focal: RequestContext = {
      actor: scopedActor('office_focal_point', [world.offices.kenya.id]),
      requestId: null,
    };
    const issues = await batchIssues(
      upsert(
        [
          { id: UNKNOWN, name: 'Ghost' },
          { id: mine!.id, name: 'First' },
          { id: mine!.id, name: 'Again' },
          { id: theirs!.id, name: 'Not mine' },
          { name: 'Smuggled', asset_type: 'dataset', office_id: world.offices.senegal.id },
          { id: mine!.id.toUpperCase(), version: 7, name: 'Stale' },
          { id: 'not-an-id', name: 'Bad id' },
          { id: mine!.id, colour: 'red' } as AssetUpsertInput,
        ],
        focal,
      ),
    );
    expect(issues).toEqual(['1:id', '3:id', '4:id', '5:office_id', '6:id', '7:id', '8:(root)']);
    expect(await counts()).toEqual(before);
  });

  it('reports a stale version by row', async () => {
    const [asset] = await services.assets.createMany(ctx, [
      { name: 'Versioned', asset_type: 'dataset', office_id: world.offices.kenya.id },
    ]);
    expect(await batchIssues(upsert([{ id: asset!.id, version: 3, name: 'Late' }]))).toEqual(['1:version']);
  });

  it('writes everything of one caller transaction or nothing when a later step fails', async () => {
    const before = await counts();
    const attempt = inTransaction(deps(), ctx, async (trx, audit) => {
      await services.assets.upsertManyIn(trx, audit, ctx, [
        { name: 'Step one', asset_type: 'dataset', office_id: world.offices.kenya.id },
      ]);
      await services.assets.upsertManyIn(trx, audit, ctx, [
        { name: 'Step two', asset_type: 'dataset', office_id: UNKNOWN },
      ]);
    });
    expect(await batchIssues(attempt)).toEqual(['1:office_id']);
    expect(await counts()).toEqual(before);
    expect((await services.assets.list(ctx, { q: 'step', limit: 10 })).items).toEqual([]);
  });

  it('renames a system and puts assets under it in one batch, searchable by the new name', async () => {
    const [held] = await services.assets.createMany(ctx, [
      { name: 'Held before', asset_type: 'dataset', office_id: world.offices.kenya.id, system_id: system.id },
    ]);
    await upsert([
      { name: 'Held after', asset_type: 'dataset', office_id: world.offices.kenya.id, system_id: system.id },
      { id: system.id, name: 'Quokka registry' },
    ]);
    const found = await services.assets.list(ctx, { q: 'quokka', limit: 10 });
    expect(found.items.map((asset) => asset.name)).toEqual([
      'Bulk one',
      'Held after',
      'Held before',
      'Quokka registry',
    ]);
    expect(found.items.find((asset) => asset.id === held!.id)).toEqual(held);
  });

  it('refuses bulk writes without the permission, and a custodian’s rows of other custodians', async () => {
    const viewer: RequestContext = {
      actor: scopedActor('viewer', [world.offices.kenya.id]),
      requestId: null,
    };
    await expect(
      services.assets.createMany(viewer, [
        { name: 'V', asset_type: 'dataset', office_id: world.offices.kenya.id },
      ]),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const custodian: RequestContext = {
      actor: {
        ...scopedActor('data_custodian', [world.offices.kenya.id]),
        personId: world.staff.custodianB.id,
      },
      requestId: null,
    };
    const before = await counts();
    const issues = await batchIssues(
      services.assets.createMany(custodian, [
        {
          name: 'Mine',
          asset_type: 'dataset',
          office_id: world.offices.kenya.id,
          data_custodian_id: world.staff.custodianB.id,
        },
        {
          name: 'Inherits A',
          asset_type: 'dataset',
          office_id: world.offices.kenya.id,
          system_id: system.id,
        },
      ]),
    );
    expect(issues).toEqual(['2:data_custodian_id']);
    expect(await counts()).toEqual(before);
  });
});

function scopedActor(role: Actor['role'], officeIds: string[]): Actor {
  return {
    userId: null,
    label: `test-${role}`,
    role,
    scope: { kind: 'offices', officeIds: new Set(officeIds), regionIds: new Set() },
    personId: null,
    readOnly: false,
  };
}
