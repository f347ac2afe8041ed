import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import type { Department } from './org.schema.js';
import { seedOrgWorld, type OfficeKey, type OrgWorld } from './testing/org-world.js';
import {
  expectReadsExactly,
  hiddenFrom,
  patchThenDelete,
  ROLE_CASES,
  writeStatus,
} from './testing/role-matrix.js';

describeEachDialect('departments: role matrix', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedOrgWorld(t.services, 'RMD');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const current = async (id: string): Promise<Department> =>
    (await admin.request({ method: 'GET', url: `/api/departments/${id}` })).json();
  const worldDepartment = (key: OfficeKey) => current(world.departments[key].id);

  for (const roleCase of ROLE_CASES) {
    describe(roleCase.describe, () => {
      let client: TestClient;
      beforeAll(async () => {
        client = await t.signIn(roleCase.role, roleCase.scope(world));
      });

      it('reads exactly the departments of offices in its scope', async () => {
        await expectReadsExactly(client, '/api/departments', world.departments, roleCase.sees);
        for (const key of hiddenFrom(roleCase)) {
          const filtered = await client.request({
            method: 'GET',
            url: `/api/departments?office_id=${world.offices[key].id}`,
          });
          expect(filtered.json().items, key).toEqual([]);
        }
      });

      it('can neither change nor delete departments outside its scope', async () => {
        for (const key of hiddenFrom(roleCase)) {
          const before = await worldDepartment(key);
          const { patched, deleted } = await patchThenDelete(client, '/api/departments', before, {
            name: 'Renamed from outside',
          });
          expect(patched, key).toBe(writeStatus(roleCase.writesOffices, 404));
          expect(deleted, key).toBe(writeStatus(roleCase.writesOffices, 404));
          expect(await worldDepartment(key)).toEqual(before);
        }
      });

      it(
        roleCase.writesOffices
          ? 'creates, changes and deletes departments in its scope'
          : 'is refused with 403 when writing departments in its scope',
        async () => {
          const key = roleCase.sees[0]!;
          const created = await client.request({
            method: 'POST',
            url: '/api/departments',
            payload: {
              office_id: world.offices[key].id,
              code: `NEW-${roleCase.role.slice(0, 8)}`,
              name: 'New unit',
            },
          });
          expect(created.statusCode, created.body).toBe(writeStatus(roleCase.writesOffices, 201));
          const target = roleCase.writesOffices ? created.json() : await worldDepartment(key);
          const patched = await client.request({
            method: 'PATCH',
            url: `/api/departments/${target.id}`,
            payload: { name: 'Renamed', version: target.version },
          });
          expect(patched.statusCode).toBe(writeStatus(roleCase.writesOffices, 200));
          const version = roleCase.writesOffices ? target.version + 1 : target.version;
          const deleted = await client.request({
            method: 'DELETE',
            url: `/api/departments/${target.id}?version=${version}`,
          });
          expect(deleted.statusCode).toBe(writeStatus(roleCase.writesOffices, 204));
          if (!roleCase.writesOffices) expect(await current(target.id)).toEqual(target);
        },
      );

      if (roleCase.writesOffices && hiddenFrom(roleCase).length > 0) {
        it('cannot add departments to offices outside its scope (404 on office_id)', async () => {
          for (const key of hiddenFrom(roleCase)) {
            const created = await client.request({
              method: 'POST',
              url: '/api/departments',
              payload: { office_id: world.offices[key].id, code: 'SMUGGLED', name: 'Smuggled' },
            });
            expect(created.statusCode, key).toBe(404);
            expect(created.json().error.details).toMatchObject({ entity: 'office', field: 'office_id' });
          }
          const smuggled = await admin.request({ method: 'GET', url: '/api/departments?limit=500' });
          expect(smuggled.json().items.filter((d: Department) => d.code === 'SMUGGLED')).toEqual([]);
        });
      }
    });
  }
});
