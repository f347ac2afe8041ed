import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import type { Person } from './org.schema.js';
import { seedOrgWorld, type OfficeKey, type OrgWorld } from './testing/org-world.js';
import {
  expectReadsExactly,
  hiddenFrom,
  patchThenDelete,
  ROLE_CASES,
  writeStatus,
} from './testing/role-matrix.js';

describeEachDialect('people: role matrix', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedOrgWorld(t.services, 'RMP');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const current = async (key: OfficeKey): Promise<Person> =>
    (await admin.request({ method: 'GET', url: `/api/people/${world.people[key].id}` })).json();

  for (const roleCase of ROLE_CASES) {
    describe(roleCase.describe, () => {
      let client: TestClient;
      beforeAll(async () => {
        client = await t.signIn(roleCase.role, roleCase.scope(world));
      });

      it('reads exactly the people of offices in its scope', async () => {
        await expectReadsExactly(client, '/api/people', world.people, roleCase.sees);
        for (const key of hiddenFrom(roleCase)) {
          const filtered = await client.request({
            method: 'GET',
            url: `/api/people?office_id=${world.offices[key].id}`,
          });
          expect(filtered.json().items, key).toEqual([]);
          const searched = await client.request({ method: 'GET', url: `/api/people?q=${key}` });
          expect(searched.json().items, key).toEqual([]);
        }
      });

      it('can neither change nor delete people outside its scope', async () => {
        for (const key of hiddenFrom(roleCase)) {
          const before = await current(key);
          const { patched, deleted } = await patchThenDelete(client, '/api/people', before, {
            job_title: 'Changed from outside',
          });
          expect(patched, key).toBe(writeStatus(roleCase.writesPeople, 404));
          expect(deleted, key).toBe(writeStatus(roleCase.writesPeople, 404));
          expect(await current(key)).toEqual(before);
        }
      });

      it(
        roleCase.writesPeople
          ? 'adds, changes and deletes people in its scope'
          : 'is refused with 403 when writing people in its scope',
        async () => {
          const key = roleCase.sees[0]!;
          const office = world.offices[key];
          const created = await client.request({
            method: 'POST',
            url: '/api/people',
            payload: {
              full_name: 'New Colleague',
              email: `new.${roleCase.role}@example.org`,
              office_id: office.id,
            },
          });
          expect(created.statusCode, created.body).toBe(writeStatus(roleCase.writesPeople, 201));
          const target = roleCase.writesPeople ? created.json() : await current(key);
          const patched = await client.request({
            method: 'PATCH',
            url: `/api/people/${target.id}`,
            payload: { job_title: 'Updated', version: target.version },
          });
          expect(patched.statusCode).toBe(writeStatus(roleCase.writesPeople, 200));
          const deleted = await client.request({
            method: 'DELETE',
            url: `/api/people/${target.id}?version=${roleCase.writesPeople ? target.version + 1 : target.version}`,
          });
          expect(deleted.statusCode).toBe(writeStatus(roleCase.writesPeople, 204));
          if (!roleCase.writesPeople) {
            expect(created.json().error.code).toBe('forbidden');
            expect(await current(key)).toEqual(target);
          }
        },
      );

      if (roleCase.writesPeople && hiddenFrom(roleCase).length > 0) {
        it('can neither add people to nor move people into offices outside its scope (404 on office_id)', async () => {
          const inside = roleCase.sees[0]!;
          for (const key of hiddenFrom(roleCase)) {
            const office = world.offices[key];
            const created = await client.request({
              method: 'POST',
              url: '/api/people',
              payload: { full_name: 'Smuggled', email: `smuggled.${key}@example.org`, office_id: office.id },
            });
            expect(created.statusCode, key).toBe(404);
            expect(created.json().error.details).toMatchObject({ entity: 'office', field: 'office_id' });
            const before = await current(inside);
            const moved = await client.request({
              method: 'PATCH',
              url: `/api/people/${before.id}`,
              payload: { office_id: office.id, department_id: null, version: before.version },
            });
            expect(moved.statusCode, key).toBe(404);
            expect(moved.json().error.details).toMatchObject({ entity: 'office', field: 'office_id' });
            expect(await current(inside)).toEqual(before);
          }
        });
      }
    });
  }
});
