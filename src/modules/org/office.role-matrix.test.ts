import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import type { Office } from './org.schema.js';
import { seedOrgWorld, type OfficeKey, type OrgWorld } from './testing/org-world.js';
import {
  expectReadsExactly,
  hiddenFrom,
  patchThenDelete,
  ROLE_CASES,
  writeStatus,
} from './testing/role-matrix.js';

describeEachDialect('offices: role matrix', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedOrgWorld(t.services, 'RMO');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const current = async (id: string): Promise<Office> =>
    (await admin.request({ method: 'GET', url: `/api/offices/${id}` })).json();
  const worldOffice = (key: OfficeKey) => current(world.offices[key].id);

  for (const roleCase of ROLE_CASES) {
    describe(roleCase.describe, () => {
      let client: TestClient;
      beforeAll(async () => {
        client = await t.signIn(roleCase.role, roleCase.scope(world));
      });

      it('reads exactly the offices in its scope', async () => {
        await expectReadsExactly(client, '/api/offices', world.offices, roleCase.sees);
        for (const key of hiddenFrom(roleCase)) {
          const byCode = await client.request({
            method: 'GET',
            url: `/api/offices?q=${world.offices[key].code}`,
          });
          expect(byCode.json().items, key).toEqual([]);
        }
      });

      it('can neither change nor delete offices outside its scope', async () => {
        for (const key of hiddenFrom(roleCase)) {
          const before = await worldOffice(key);
          const { patched, deleted } = await patchThenDelete(client, '/api/offices', before, {
            name: 'Renamed from outside',
          });
          expect(patched, key).toBe(writeStatus(roleCase.writesOffices, 404));
          // Deleting needs org.structure.write, which only organisation-wide roles hold.
          expect(deleted, key).toBe(writeStatus(roleCase.changesStructure, 404));
          expect(await worldOffice(key)).toEqual(before);
        }
      });

      it(
        roleCase.writesOffices
          ? 'edits offices in its scope'
          : 'is refused with 403 when editing an office in its scope',
        async () => {
          const key = roleCase.sees[0]!;
          const before = await worldOffice(key);
          const patched = await client.request({
            method: 'PATCH',
            url: `/api/offices/${before.id}`,
            payload: { city: `City of ${roleCase.role}`, version: before.version },
          });
          expect(patched.statusCode, patched.body).toBe(writeStatus(roleCase.writesOffices, 200));
          if (!roleCase.writesOffices) expect(await worldOffice(key)).toEqual(before);
        },
      );

      it(
        roleCase.changesStructure
          ? 'creates and deletes offices'
          : 'is refused with 403 when creating or deleting an office, even in its scope',
        async () => {
          const created = await client.request({
            method: 'POST',
            url: '/api/offices',
            payload: { code: `NEW-${roleCase.role.slice(0, 8)}`, name: 'New office', kind: 'hq_department' },
          });
          expect(created.statusCode, created.body).toBe(writeStatus(roleCase.changesStructure, 201));
          const target = roleCase.changesStructure ? created.json() : await worldOffice(roleCase.sees[0]!);
          const deleted = await client.request({
            method: 'DELETE',
            url: `/api/offices/${target.id}?version=${target.version}`,
          });
          expect(deleted.statusCode).toBe(writeStatus(roleCase.changesStructure, 204));
          if (!roleCase.changesStructure) expect(await current(target.id)).toEqual(target);
        },
      );
    });
  }

  describe('moving offices between regions', () => {
    const ctx = { actor: systemActor('test'), requestId: null };

    it('lets a regional focal point move an office between its regions, but not to a region outside its scope', async () => {
      const north = await t.services.regions.create(ctx, { code: 'NORTH', name: 'North' });
      const focal = await t.signIn('regional_focal_point', { regions: [world.regions.east.id, north.id] });
      const before = await worldOffice('ethiopia');
      const outside = await focal.request({
        method: 'PATCH',
        url: `/api/offices/${before.id}`,
        payload: { region_id: world.regions.west.id, version: before.version },
      });
      expect(outside.statusCode).toBe(404);
      expect(outside.json().error.details).toMatchObject({ entity: 'region', field: 'region_id' });
      expect(await worldOffice('ethiopia')).toEqual(before);

      const inside = await focal.request({
        method: 'PATCH',
        url: `/api/offices/${before.id}`,
        payload: { region_id: north.id, version: before.version },
      });
      expect(inside.statusCode, inside.body).toBe(200);
      expect(inside.json()).toMatchObject({ region_id: north.id, version: before.version + 1 });
    });

    it('lets only organisation-wide roles take an office out of its region', async () => {
      const bureau = await t.services.offices.create(ctx, {
        code: 'RB-EAST',
        name: 'Regional bureau',
        kind: 'hq_department',
        region_id: world.regions.east.id,
      });
      const focal = await t.signIn('regional_focal_point', { regions: [world.regions.east.id] });
      const refused = await focal.request({
        method: 'PATCH',
        url: `/api/offices/${bureau.id}`,
        payload: { region_id: null, version: 1 },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.details).toMatchObject({ field: 'region_id' });
      expect(await current(bureau.id)).toMatchObject({ region_id: world.regions.east.id, version: 1 });
      const officeFocal = await t.signIn('office_focal_point', { offices: [world.offices.kenya.id] });
      const kenya = await worldOffice('kenya');
      const intoWest = await officeFocal.request({
        method: 'PATCH',
        url: `/api/offices/${kenya.id}`,
        payload: { region_id: world.regions.west.id, version: kenya.version },
      });
      expect(intoWest.statusCode).toBe(404);
      const allowed = await admin.request({
        method: 'PATCH',
        url: `/api/offices/${bureau.id}`,
        payload: { region_id: null, version: 1 },
      });
      expect(allowed.statusCode, allowed.body).toBe(200);
    });
  });
});
