import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import type { Asset } from './asset.schema.js';
import { addAsset, seedInventoryWorld, type InventoryWorld } from './testing/inventory-world.js';

describeEachDialect('ownership inherited from a system and pushed to its assets', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: InventoryWorld;
  let system: Asset;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedInventoryWorld(t.services, 'OW');
  });
  beforeEach(async () => {
    system = await addAsset(t.services, {
      name: 'Case management system',
      asset_type: 'application',
      office_id: world.offices.kenya.id,
      data_owner_id: world.staff.kenyaOwner.id,
      data_custodian_id: world.staff.custodianA.id,
      data_steward_id: world.staff.custodianB.id,
    });
  });
  afterAll(async () => {
    await t.app.close();
  });

  const child = (extra: object = {}) =>
    admin.request({
      method: 'POST',
      url: '/api/assets',
      payload: {
        name: 'Held dataset',
        asset_type: 'dataset',
        office_id: world.offices.kenya.id,
        system_id: system.id,
        ...extra,
      },
    });
  const push = (body: object, id = system.id) =>
    admin.request({ method: 'POST', url: `/api/assets/${id}/push-ownership`, payload: body });
  const read = async (id: string): Promise<Asset> =>
    (await admin.request({ method: 'GET', url: `/api/assets/${id}` })).json();
  const updateEvents = async (ids: string[]) =>
    (
      await db()
        .kysely.selectFrom('audit_events')
        .select('entity_id')
        .where('entity_type', '=', 'asset')
        .where('action', '=', 'update')
        .where('entity_id', 'in', ids)
        .execute()
    ).map((event) => event.entity_id);

  it('gives a new asset under a system the owner fields it leaves out or null', async () => {
    const res = await child({ data_owner_id: null });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      data_owner_id: world.staff.kenyaOwner.id,
      data_custodian_id: world.staff.custodianA.id,
      data_steward_id: world.staff.custodianB.id,
      focal_point_id: null,
    });
  });

  it('keeps the owner fields a new asset sets itself', async () => {
    const res = await child({ data_owner_id: world.staff.hqOwner.id, focal_point_id: world.people.kenya.id });
    expect(res.json()).toMatchObject({
      data_owner_id: world.staff.hqOwner.id,
      data_custodian_id: world.staff.custodianA.id,
      focal_point_id: world.people.kenya.id,
    });
  });

  it('does not inherit when an existing asset is moved under a system', async () => {
    const loose = await addAsset(t.services, {
      name: 'Loose dataset',
      asset_type: 'dataset',
      office_id: world.offices.kenya.id,
    });
    const moved = await admin.request({
      method: 'PATCH',
      url: `/api/assets/${loose.id}`,
      payload: { system_id: system.id, version: loose.version },
    });
    expect(moved.json()).toMatchObject({
      system_id: system.id,
      data_owner_id: null,
      data_custodian_id: null,
    });
  });

  it('with only_empty, fills the empty fields of the assets held and leaves set ones alone', async () => {
    const own: Asset = (await child({ data_owner_id: world.staff.hqOwner.id })).json();
    const bare = await addAsset(t.services, {
      name: 'Bare',
      asset_type: 'dataset',
      office_id: world.offices.kenya.id,
    });
    const movedBare: Asset = (
      await admin.request({
        method: 'PATCH',
        url: `/api/assets/${bare.id}`,
        payload: { system_id: system.id, version: bare.version },
      })
    ).json();
    const res = await push({
      fields: ['data_owner_id', 'data_custodian_id'],
      mode: 'only_empty',
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ changed: 1, unchanged: 1, skipped: 0 });
    expect(await read(own.id)).toEqual(own);
    expect(await read(movedBare.id)).toMatchObject({
      data_owner_id: world.staff.kenyaOwner.id,
      data_custodian_id: world.staff.custodianA.id,
      data_steward_id: null,
      version: movedBare.version + 1,
    });
    expect(await updateEvents([own.id, movedBare.id])).toEqual([movedBare.id, movedBare.id]);
  });

  it('with overwrite, replaces differing values and writes one audit event per changed asset', async () => {
    const a: Asset = (await child({ name: 'A', data_owner_id: world.staff.hqOwner.id })).json();
    const b: Asset = (await child({ name: 'B' })).json();
    const c: Asset = (await child({ name: 'C', data_steward_id: world.people.kenya.id })).json();
    const res = await push({ fields: ['data_owner_id', 'data_steward_id'], mode: 'overwrite', version: 1 });
    expect(res.json()).toEqual({ changed: 2, unchanged: 1, skipped: 0 });
    expect(await read(a.id)).toMatchObject({ data_owner_id: world.staff.kenyaOwner.id, version: 2 });
    expect(await read(b.id)).toEqual(b);
    expect(await read(c.id)).toMatchObject({ data_steward_id: world.staff.custodianB.id, version: 2 });
    expect((await updateEvents([a.id, b.id, c.id])).toSorted()).toEqual([a.id, c.id].toSorted());
  });

  it('does not push a field the system leaves empty', async () => {
    const held: Asset = (await child({ focal_point_id: world.people.kenya.id })).json();
    const res = await push({ fields: ['focal_point_id'], mode: 'overwrite', version: 1 });
    expect(res.json()).toEqual({ changed: 0, unchanged: 1, skipped: 0 });
    expect(await read(held.id)).toEqual(held);
  });

  it('refuses a stale system version with 409, and a non-system or bad request with 400, changing nothing', async () => {
    const held: Asset = (await child({ data_owner_id: world.staff.hqOwner.id })).json();
    const renamed = await admin.request({
      method: 'PATCH',
      url: `/api/assets/${system.id}`,
      payload: { name: 'Renamed system', version: 1 },
    });
    expect(renamed.statusCode).toBe(200);
    const stale = await push({ fields: ['data_owner_id'], mode: 'overwrite', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');

    const notSystem = await push({ fields: ['data_owner_id'], mode: 'overwrite', version: 1 }, held.id);
    expect(notSystem.statusCode).toBe(400);
    expect(notSystem.json().error.message).toContain('of type dataset');

    for (const body of [
      { fields: [], mode: 'overwrite', version: 2 },
      { fields: ['data_owner_id', 'data_owner_id'], mode: 'overwrite', version: 2 },
      { fields: ['purpose'], mode: 'overwrite', version: 2 },
      { fields: ['data_owner_id'], mode: 'replace', version: 2 },
      { fields: ['data_owner_id'], mode: 'overwrite' },
    ]) {
      const res = await push(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await read(held.id)).toEqual(held);
    const unknown = await push(
      { fields: ['data_owner_id'], mode: 'overwrite', version: 1 },
      world.offices.kenya.id,
    );
    expect(unknown.statusCode).toBe(404);
  });
});
