import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/permissions.js';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { OFFICE_KEYS, type OfficeKey } from '../org/testing/org-world.js';
import type { Asset } from './asset.schema.js';
import { addAsset, seedInventoryWorld, type InventoryWorld } from './testing/inventory-world.js';

/**
 * What each role may do with data assets, written out as the specification (not derived from
 * ROLE_PERMISSIONS, so a change there that breaks it is caught). `own`: only assets of which the
 * caller's person is the data custodian.
 */
interface AssetRoleCase {
  role: Role;
  describe: string;
  scope(world: InventoryWorld): { regions?: string[]; offices?: string[] };
  sees: readonly OfficeKey[];
  writes: 'all' | 'own' | 'none';
}

const ROLE_CASES: readonly AssetRoleCase[] = [
  { role: 'admin', describe: 'admin', scope: () => ({}), sees: OFFICE_KEYS, writes: 'all' },
  {
    role: 'governance_officer',
    describe: 'governance officer',
    scope: () => ({}),
    sees: OFFICE_KEYS,
    writes: 'all',
  },
  {
    role: 'regional_focal_point',
    describe: 'regional focal point of the east region',
    scope: (w) => ({ regions: [w.regions.east.id] }),
    sees: ['kenya', 'ethiopia'],
    writes: 'all',
  },
  {
    role: 'office_focal_point',
    describe: 'office focal point of Kenya',
    scope: (w) => ({ offices: [w.offices.kenya.id] }),
    sees: ['kenya'],
    writes: 'all',
  },
  {
    role: 'data_custodian',
    describe: 'data custodian in Kenya (custodian A)',
    scope: (w) => ({ offices: [w.offices.kenya.id] }),
    sees: ['kenya'],
    writes: 'own',
  },
  { role: 'auditor', describe: 'auditor (read-only)', scope: () => ({}), sees: OFFICE_KEYS, writes: 'none' },
  {
    role: 'viewer',
    describe: 'viewer in Senegal',
    scope: (w) => ({ offices: [w.offices.senegal.id] }),
    sees: ['senegal'],
    writes: 'none',
  },
];

describeEachDialect('data assets: role matrix', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: InventoryWorld;
  /** One system per office (custodian A in Kenya, where custodian B also has an asset). */
  let assets: Record<OfficeKey, Asset>;
  let colleagues: Asset;
  let accounts = 0;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedInventoryWorld(t.services, 'RMA');
    const entries = [];
    for (const key of OFFICE_KEYS)
      entries.push([
        key,
        await addAsset(t.services, {
          name: `System of ${key}`,
          asset_type: 'application',
          office_id: world.offices[key].id,
          data_custodian_id: key === 'kenya' ? world.staff.custodianA.id : world.people[key].id,
        }),
      ]);
    assets = Object.fromEntries(entries) as Record<OfficeKey, Asset>;
    colleagues = await addAsset(t.services, {
      name: 'Colleague dataset',
      asset_type: 'dataset',
      office_id: world.offices.kenya.id,
      system_id: assets.kenya.id,
      data_custodian_id: world.staff.custodianB.id,
    });
  });
  afterAll(async () => {
    await t.app.close();
  });

  const current = async (id: string): Promise<Asset> =>
    (await admin.request({ method: 'GET', url: `/api/assets/${id}` })).json();
  const signIn = async (roleCase: AssetRoleCase): Promise<TestClient> => {
    if (roleCase.role !== 'data_custodian') return t.signIn(roleCase.role, roleCase.scope(world));
    accounts += 1;
    const email = `custodian.a.${accounts}@example.org`;
    await t.services.accounts.createUser(
      { actor: systemActor('test'), requestId: null },
      {
        email,
        display_name: 'Custodian A',
        role: 'data_custodian',
        password: TEST_PASSWORD,
        scope_office_ids: roleCase.scope(world).offices ?? [],
        person_id: world.staff.custodianA.id,
      },
    );
    return t.signInAs(email, TEST_PASSWORD);
  };
  const status = (writes: AssetRoleCase['writes'], allowed: number) => (writes === 'none' ? 403 : allowed);

  for (const roleCase of ROLE_CASES) {
    describe(roleCase.describe, () => {
      let client: TestClient;
      const hidden = OFFICE_KEYS.filter((key) => !roleCase.sees.includes(key));
      beforeAll(async () => {
        client = await signIn(roleCase);
      });

      it('reads exactly the assets of offices in its scope', async () => {
        const res = await client.request({ method: 'GET', url: '/api/assets?limit=500' });
        expect(res.statusCode).toBe(200);
        const listed = new Set(res.json().items.map((asset: Asset) => asset.id));
        expect(OFFICE_KEYS.filter((key) => listed.has(assets[key].id))).toEqual([...roleCase.sees]);
        for (const key of OFFICE_KEYS) {
          const one = await client.request({ method: 'GET', url: `/api/assets/${assets[key].id}` });
          expect(one.statusCode, key).toBe(roleCase.sees.includes(key) ? 200 : 404);
        }
        for (const key of hidden) {
          const filtered = await client.request({
            method: 'GET',
            url: `/api/assets?office_id=${world.offices[key].id}`,
          });
          expect(filtered.json().items, key).toEqual([]);
          const searched = await client.request({ method: 'GET', url: `/api/assets?q=${key}` });
          expect(searched.json().items, key).toEqual([]);
        }
      });

      it('can neither change, delete nor push from assets outside its scope', async () => {
        for (const key of hidden) {
          const before = await current(assets[key].id);
          const patched = await client.request({
            method: 'PATCH',
            url: `/api/assets/${before.id}`,
            payload: { purpose: 'Changed from outside', version: before.version },
          });
          expect(patched.statusCode, key).toBe(status(roleCase.writes, 404));
          const deleted = await client.request({
            method: 'DELETE',
            url: `/api/assets/${before.id}?version=${before.version}`,
          });
          expect(deleted.statusCode, key).toBe(status(roleCase.writes, 404));
          const pushed = await client.request({
            method: 'POST',
            url: `/api/assets/${before.id}/push-ownership`,
            payload: { fields: ['data_custodian_id'], mode: 'overwrite', version: before.version },
          });
          expect(pushed.statusCode, key).toBe(status(roleCase.writes, 404));
          expect(await current(before.id)).toEqual(before);
          if (roleCase.writes !== 'none') {
            const created = await client.request({
              method: 'POST',
              url: '/api/assets',
              payload: { name: 'Smuggled', asset_type: 'dataset', office_id: world.offices[key].id },
            });
            expect(created.statusCode, key).toBe(404);
            expect(created.json().error.details).toMatchObject({ entity: 'office', field: 'office_id' });
          }
        }
      });

      if (roleCase.writes === 'none') {
        it('is refused with 403 on every write, changing nothing', async () => {
          const key = roleCase.sees[0]!;
          const before = await current(assets[key].id);
          const created = await client.request({
            method: 'POST',
            url: '/api/assets',
            payload: { name: 'Not allowed', asset_type: 'dataset', office_id: world.offices[key].id },
          });
          expect(created.statusCode).toBe(403);
          expect(created.json().error).toMatchObject({
            code: 'forbidden',
            details: { permission: 'inventory.write' },
          });
          const writes = [
            { method: 'PATCH' as const, url: `/api/assets/${before.id}`, payload: { name: 'X', version: 1 } },
            { method: 'DELETE' as const, url: `/api/assets/${before.id}?version=${before.version}` },
            {
              method: 'POST' as const,
              url: `/api/assets/${before.id}/push-ownership`,
              payload: { fields: ['data_owner_id'], mode: 'overwrite', version: before.version },
            },
          ];
          for (const request of writes) expect((await client.request(request)).statusCode).toBe(403);
          expect(await current(before.id)).toEqual(before);
        });
      }

      if (roleCase.writes === 'all') {
        it('adds, changes and deletes assets in its scope', async () => {
          const key = roleCase.sees[0]!;
          const created = await client.request({
            method: 'POST',
            url: '/api/assets',
            payload: { name: `By ${roleCase.role}`, asset_type: 'dataset', office_id: world.offices[key].id },
          });
          expect(created.statusCode, created.body).toBe(201);
          const patched = await client.request({
            method: 'PATCH',
            url: `/api/assets/${created.json().id}`,
            payload: { purpose: 'Updated', version: 1 },
          });
          expect(patched.statusCode).toBe(200);
          const deleted = await client.request({
            method: 'DELETE',
            url: `/api/assets/${created.json().id}?version=2`,
          });
          expect(deleted.statusCode).toBe(204);
        });
      }

      if (roleCase.writes === 'own') {
        it('adds and changes only assets of which it is the custodian', async () => {
          const kenya = world.offices.kenya.id;
          const mine = await client.request({
            method: 'POST',
            url: '/api/assets',
            payload: {
              name: 'Mine',
              asset_type: 'dataset',
              office_id: kenya,
              data_custodian_id: world.staff.custodianA.id,
            },
          });
          expect(mine.statusCode, mine.body).toBe(201);
          const inherited = await client.request({
            method: 'POST',
            url: '/api/assets',
            payload: {
              name: 'Inherited',
              asset_type: 'dataset',
              office_id: kenya,
              system_id: assets.kenya.id,
            },
          });
          expect(inherited.statusCode, inherited.body).toBe(201);
          expect(inherited.json().data_custodian_id).toBe(world.staff.custodianA.id);
          for (const payload of [
            {
              name: 'For B',
              asset_type: 'dataset',
              office_id: kenya,
              data_custodian_id: world.staff.custodianB.id,
            },
            { name: 'For nobody', asset_type: 'dataset', office_id: kenya },
          ]) {
            const refused = await client.request({ method: 'POST', url: '/api/assets', payload });
            expect(refused.statusCode, payload.name).toBe(403);
            expect(refused.json().error.details).toMatchObject({ field: 'data_custodian_id' });
          }

          const own = await client.request({
            method: 'PATCH',
            url: `/api/assets/${assets.kenya.id}`,
            payload: { purpose: 'Kept by A', version: assets.kenya.version },
          });
          expect(own.statusCode, own.body).toBe(200);
          assets.kenya = own.json();

          const before = await current(colleagues.id);
          const patched = await client.request({
            method: 'PATCH',
            url: `/api/assets/${colleagues.id}`,
            payload: {
              purpose: 'Taken over',
              data_custodian_id: world.staff.custodianA.id,
              version: before.version,
            },
          });
          expect(patched.statusCode).toBe(403);
          const deleted = await client.request({
            method: 'DELETE',
            url: `/api/assets/${colleagues.id}?version=${before.version}`,
          });
          expect(deleted.statusCode).toBe(403);
          expect(await current(colleagues.id)).toEqual(before);

          // Pushing from its own system changes its own assets and skips the colleague's.
          const pushed = await client.request({
            method: 'POST',
            url: `/api/assets/${assets.kenya.id}/push-ownership`,
            payload: { fields: ['data_custodian_id'], mode: 'overwrite', version: assets.kenya.version },
          });
          expect(pushed.json()).toEqual({ changed: 0, unchanged: 1, skipped: 1 });
          expect(await current(colleagues.id)).toEqual(before);

          const removed = await client.request({
            method: 'DELETE',
            url: `/api/assets/${mine.json().id}?version=1`,
          });
          expect(removed.statusCode).toBe(204);
        });
      }
    });
  }
});
