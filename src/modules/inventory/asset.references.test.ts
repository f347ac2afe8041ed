import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp } from '../../http/testing/test-app.js';

describeEachDialect('deleting organisation records a data asset points at', ({ db }) => {
  let t: TestApp;
  const ctx = { actor: systemActor('test'), requestId: null };
  let office: { id: string; version: number };
  let department: { id: string; version: number };
  let person: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp(db());
    office = await t.services.offices.create(ctx, {
      code: 'HQ-REF',
      name: 'Reference unit',
      kind: 'hq_department',
    });
    department = await t.services.departments.create(ctx, {
      office_id: office.id,
      code: 'DATA',
      name: 'Data',
    });
    person = await t.services.people.create(ctx, {
      full_name: 'Amina Yusuf',
      email: 'amina.ref@example.org',
      office_id: office.id,
      department_id: department.id,
    });
    await t.services.assets.create(ctx, {
      name: 'Beneficiary registry',
      asset_type: 'database',
      office_id: office.id,
      department_id: department.id,
      data_owner_id: person.id,
    });
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('refuses with 409 and keeps the person, the department and the office', async () => {
    await expect(t.services.people.remove(ctx, person.id, person.version)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('still referenced'),
    });
    await expect(t.services.departments.remove(ctx, department.id, department.version)).rejects.toMatchObject(
      {
        code: 'conflict',
      },
    );
    await expect(t.services.offices.remove(ctx, office.id, office.version)).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await t.services.people.get(ctx, person.id)).email).toBe('amina.ref@example.org');
    expect((await t.services.departments.get(ctx, department.id)).code).toBe('DATA');
    expect((await t.services.offices.get(ctx, office.id)).code).toBe('HQ-REF');
  });
});
