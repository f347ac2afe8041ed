import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import type { Asset } from './asset.schema.js';
import { seedInventoryWorld, type InventoryWorld } from './testing/inventory-world.js';

const UNKNOWN = '0190f5d2-0000-7000-8000-000000000000';

describeEachDialect('data assets over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: InventoryWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedInventoryWorld(t.services, 'AR');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const post = (payload: object) => admin.request({ method: 'POST', url: '/api/assets', payload });
  const get = (id: string) => admin.request({ method: 'GET', url: `/api/assets/${id}` });
  const patch = (id: string, payload: object) =>
    admin.request({ method: 'PATCH', url: `/api/assets/${id}`, payload });
  const remove = (id: string, version: number) =>
    admin.request({ method: 'DELETE', url: `/api/assets/${id}?version=${version}` });
  const minimal = (extra: object = {}) => ({
    name: 'Minimal asset',
    asset_type: 'dataset',
    office_id: world.offices.kenya.id,
    ...extra,
  });
  const assetCount = async () =>
    Number(
      (
        await db()
          .kysely.selectFrom('assets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditActions = async (id: string) =>
    db()
      .kysely.selectFrom('audit_events')
      .select(['action', 'office_id'])
      .where('entity_type', '=', 'asset')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();

  it('creates an asset with every field, reads it back, changes and deletes it, auditing each change', async () => {
    const created = await post({
      name: '  Beneficiary registration ',
      description: 'Households registered for cash assistance',
      asset_type: 'database',
      office_id: world.offices.kenya.id,
      department_id: world.departments.kenya.id,
      data_owner_id: world.staff.kenyaOwner.id,
      data_custodian_id: world.staff.custodianA.id,
      data_steward_id: world.staff.custodianB.id,
      focal_point_id: world.people.kenya.id,
      sensitivity_label: 'Strictly Confidential',
      personal_data: true,
      special_categories: ['protection_gbv', 'health', 'health'],
      data_subjects: ['staff', 'beneficiaries_migrants'],
      legal_basis: 'Vital interest',
      purpose: 'Targeting cash assistance',
      retention: '5 years after closure',
      hosting_location: 'Azure West Europe',
      sharing_agreements: 'DSA with WFP (2025)',
      tags: ['cash', 'CVA', 'cash'],
      last_reviewed: '2026-06-01',
      last_access_review: '2026-09-15',
    });
    expect(created.statusCode, created.body).toBe(201);
    const asset: Asset = created.json();
    expect(asset).toMatchObject({
      name: 'Beneficiary registration',
      asset_type: 'database',
      system_id: null,
      sensitivity_label: 'Strictly Confidential',
      personal_data: true,
      special_categories: ['health', 'protection_gbv'],
      data_subjects: ['beneficiaries_migrants', 'staff'],
      tags: ['cash', 'CVA'],
      last_reviewed: '2026-06-01',
      version: 1,
      created_at: '2026-11-30T09:00:00.000Z',
    });
    expect(asset).not.toHaveProperty('search_text');
    expect(asset).not.toHaveProperty('seq');
    expect((await get(asset.id)).json()).toEqual(asset);

    t.clock.advance(60_000);
    const patched = await patch(asset.id, {
      description: '',
      sensitivity_label: null,
      tags: [],
      data_steward_id: null,
      version: 1,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      description: null,
      sensitivity_label: null,
      tags: [],
      data_steward_id: null,
      data_owner_id: world.staff.kenyaOwner.id,
      version: 2,
      created_at: '2026-11-30T09:00:00.000Z',
      updated_at: '2026-11-30T09:01:00.000Z',
    });

    const removed = await remove(asset.id, 2);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await get(asset.id)).statusCode).toBe(404);
    expect(await auditActions(asset.id)).toEqual(
      ['create', 'update', 'delete'].map((action) => ({ action, office_id: world.offices.kenya.id })),
    );
  });

  it('refuses a stale version with 409 on change and delete, and changes nothing', async () => {
    const asset: Asset = (await post(minimal({ name: 'Versioned' }))).json();
    expect((await patch(asset.id, { name: 'First', version: 1 })).statusCode).toBe(200);
    const stale = await patch(asset.id, { name: 'Second', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'version_conflict',
      details: { entity: 'asset', id: asset.id, expected: 1, actual: 2 },
    });
    const staleDelete = await remove(asset.id, 1);
    expect(staleDelete.statusCode).toBe(409);
    expect((await get(asset.id)).json()).toMatchObject({ name: 'First', version: 2 });
    expect((await patch(UNKNOWN, { name: 'x', version: 1 })).statusCode).toBe(404);
    expect((await remove(UNKNOWN, 1)).statusCode).toBe(404);
  });

  describe('refuses bad input with 400 naming the field, and writes nothing', () => {
    const cases: [string, () => object, string][] = [
      ['an unknown field', () => minimal({ colour: 'red' }), 'body'],
      ['a missing name', () => ({ asset_type: 'dataset', office_id: world.offices.kenya.id }), 'body.name'],
      ['an unknown asset type', () => minimal({ asset_type: 'spreadsheet' }), 'body.asset_type'],
      ['an unknown label', () => minimal({ sensitivity_label: 'Secret' }), 'body.sensitivity_label'],
      [
        'an unknown special category',
        () => minimal({ special_categories: ['finance'] }),
        'body.special_categories.0',
      ],
      ['an unknown data subject', () => minimal({ data_subjects: ['donors'] }), 'body.data_subjects.0'],
      ['a date that is no date', () => minimal({ last_reviewed: '2026-13-01' }), 'body.last_reviewed'],
      ['a review date in the future', () => minimal({ last_reviewed: '2026-12-24' }), 'last_reviewed'],
      [
        'special categories without personal data',
        () => minimal({ special_categories: ['health'], personal_data: false }),
        'special_categories',
      ],
      [
        'a department of another office',
        () => minimal({ department_id: world.departments.senegal.id }),
        'department_id',
      ],
      [
        'an owner who is not a person of the organisation',
        () => minimal({ data_owner_id: UNKNOWN }),
        'data_owner_id',
      ],
      [
        'a custodian who is an office id',
        () => minimal({ data_custodian_id: world.offices.kenya.id }),
        'data_custodian_id',
      ],
      ['an inactive steward', () => minimal({ data_steward_id: world.staff.departed.id }), 'data_steward_id'],
      ['a focal point that is no id', () => minimal({ focal_point_id: 'amina' }), 'body.focal_point_id'],
      ['an empty tag', () => minimal({ tags: ['ok', ' '] }), 'body.tags.1'],
    ];
    it.each(cases)('%s', async (_label, payload, path) => {
      const before = await assetCount();
      const res = await post(payload());
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      const paths = res.json().error.details.issues.map((issue: { path: string }) => issue.path);
      expect(paths).toEqual([path]);
      expect(res.json().error.message).toMatch(new RegExp(`^${path.replaceAll('.', '\\.')}: `));
      expect(await assetCount()).toBe(before);
    });
  });

  it('answers 404 naming the field for an unknown office or system', async () => {
    const office = await post(minimal({ office_id: UNKNOWN }));
    expect(office.statusCode).toBe(404);
    expect(office.json().error.details).toMatchObject({ entity: 'office', field: 'office_id' });
    const system = await post(minimal({ system_id: UNKNOWN }));
    expect(system.statusCode).toBe(404);
    expect(system.json().error.details).toMatchObject({ entity: 'asset', field: 'system_id' });
  });

  it('puts assets only under applications and databases, and never under themselves', async () => {
    const dataset: Asset = (await post(minimal({ name: 'Plain dataset' }))).json();
    const underDataset = await post(minimal({ system_id: dataset.id }));
    expect(underDataset.statusCode).toBe(400);
    expect(underDataset.json().error.message).toMatch(/^system_id: .*of type dataset/);

    const app: Asset = (await post(minimal({ name: 'Outer app', asset_type: 'application' }))).json();
    const db2: Asset = (
      await post(minimal({ name: 'Inner db', asset_type: 'database', system_id: app.id }))
    ).json();
    const self = await patch(app.id, { system_id: app.id, version: app.version });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.details.issues[0].path).toBe('system_id');
    const loop = await patch(app.id, { system_id: db2.id, version: app.version });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.message).toContain('one of the assets it holds');

    const retype = await patch(app.id, { asset_type: 'dataset', version: app.version });
    expect(retype.statusCode).toBe(400);
    expect(retype.json().error.details.issues[0].path).toBe('asset_type');
    const removeSystem = await remove(app.id, app.version);
    expect(removeSystem.statusCode).toBe(409);
    expect(removeSystem.json().error.message).toContain('system of 1 asset(s)');
    expect((await get(app.id)).json()).toEqual(app);

    expect((await remove(db2.id, db2.version)).statusCode).toBe(204);
    expect((await remove(app.id, app.version)).statusCode).toBe(204);
  });

  it('moves an asset to another office only with a department of that office', async () => {
    const asset: Asset = (await post(minimal({ department_id: world.departments.kenya.id }))).json();
    const officeOnly = await patch(asset.id, { office_id: world.offices.senegal.id, version: 1 });
    expect(officeOnly.statusCode).toBe(400);
    expect(officeOnly.json().error.details.issues[0].path).toBe('department_id');
    const moved = await patch(asset.id, {
      office_id: world.offices.senegal.id,
      department_id: world.departments.senegal.id,
      version: 1,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await auditActions(asset.id)).toEqual([
      { action: 'create', office_id: world.offices.kenya.id },
      { action: 'update', office_id: world.offices.senegal.id },
    ]);
  });

  it('keeps a person who became inactive on an asset, but refuses naming them anew', async () => {
    const asset: Asset = (
      await post(minimal({ name: 'Kept owner', data_owner_id: world.people.ethiopia.id }))
    ).json();
    const deactivated = await admin.request({
      method: 'PATCH',
      url: `/api/people/${world.people.ethiopia.id}`,
      payload: { active: false, version: world.people.ethiopia.version },
    });
    expect(deactivated.statusCode).toBe(200);
    const renamed = await patch(asset.id, { name: 'Kept owner, renamed', version: 1 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const named = await post(minimal({ data_owner_id: world.people.ethiopia.id }));
    expect(named.statusCode).toBe(400);
    expect(named.json().error.message).toMatch(/^data_owner_id: .*inactive/);
  });
});
