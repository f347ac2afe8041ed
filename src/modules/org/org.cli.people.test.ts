import { beforeAll, expect, it } from 'vitest';
import type { Person } from './org.schema.js';
import { describeCli } from '../../cli/testing/in-process.js';

/* `custos person ...` run in-process on both dialects: offices, departments and people by code and e-mail. */
describeCli('person commands', ({ custos, ok, json, services, ctx }) => {
  beforeAll(async () => {
    await ok('region add --code ESA --name', 'Eastern and Southern Africa');
    await ok('office add --code KE-NBO --name Kenya --kind country_office --region ESA --country KE');
    await ok('office add --code UG-KLA --name Uganda --kind country_office --region ESA --country UG');
    await ok('department add --office KE-NBO --code DATA --name', 'Data unit');
    await ok('department add --office UG-KLA --code MEAL --name', 'MEAL unit');
  });

  it('adds a person with department, title and several roles, and finds them by each filter', async () => {
    const amina = await json<Person>(
      'person add --email Amina@Example.org --office ke-nbo --department data --role data_steward --role data_owner --json --title',
      'Data officer',
      '--name',
      'Amina Odhiambo',
    );
    expect(amina).toMatchObject({
      email: 'amina@example.org',
      job_title: 'Data officer',
      governance_roles: ['data_owner', 'data_steward'],
      active: true,
    });
    await ok('person add --email okello@example.org --office UG-KLA --name', 'Okello Peter');

    const emails = async (filters: string) =>
      (await json<Person[]>(`person list --json ${filters}`)).map((p) => p.email);
    expect(await emails('--office KE-NBO')).toEqual(['amina@example.org']);
    expect(await emails('--region esa')).toEqual(['amina@example.org', 'okello@example.org']);
    expect(await emails('--role data_owner')).toEqual(['amina@example.org']);
    expect(await emails('--q okello')).toEqual(['okello@example.org']);
    expect(await ok('person list --office KE-NBO')).toMatch(
      /^Amina Odhiambo +amina@example\.org +KE-NBO +DATA +Data officer +data_owner,data_steward +yes$/m,
    );
    const shown = await ok('person show AMINA@example.org');
    expect(shown).toMatch(/^Office: +KE-NBO$/m);
    expect(shown).toMatch(/^Department: +DATA$/m);
    expect(shown).toMatch(/^Roles: +data_owner, data_steward$/m);
  });

  it('names the flag of a bad role or e-mail, an unknown office and a department of another office', async () => {
    const badRole = await custos('person add --name N --email n1@example.org --office KE-NBO --role boss');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/^custos: --role: /);
    const badEmail = await custos('person add --name N --email not-mail --office KE-NBO');
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toMatch(/^custos: --email: /);
    const noOffice = await custos('person add --name N --email n2@example.org --office NOPE');
    expect(noOffice).toMatchObject({ code: 5, stderr: 'custos: --office: office NOPE was not found\n' });
    const otherDepartment = await custos(
      'person add --name N --email n3@example.org --office KE-NBO --department MEAL',
    );
    expect(otherDepartment).toMatchObject({
      code: 5,
      stderr: 'custos: --department: department MEAL of office KE-NBO was not found\n',
    });
    const badFilter = await custos('person list --role boss');
    expect(badFilter.code).toBe(2);
    expect(badFilter.stderr).toMatch(/^custos: --role: /);
    for (const email of ['n1@example.org', 'n2@example.org', 'n3@example.org'])
      expect(await services().people.findByEmail(ctx, email)).toBeUndefined();
  });

  it('moves a person to another office only with their department settled', async () => {
    await ok(
      'person add --email grace@example.org --office KE-NBO --department DATA --title Analyst --role focal_point --name',
      'Wanjiru Grace',
    );
    const unsettled = await custos('person update grace@example.org --office UG-KLA');
    expect(unsettled.code).toBe(2);
    expect(unsettled.stderr).toContain('--department: moving to office UG-KLA');
    const moved = await json<Person>(
      'person update grace@example.org --office UG-KLA --department MEAL --no-title --no-role --json',
    );
    const uganda = await services().offices.findByCode(ctx, 'UG-KLA');
    expect(moved).toMatchObject({
      office_id: uganda?.id,
      job_title: null,
      governance_roles: [],
      version: 2,
    });
    const renamed = await json<Person>(
      'person update grace@example.org --email g.wanjiru@example.org --no-department --json --name',
      'Grace Wanjiru',
    );
    expect(renamed).toMatchObject({
      full_name: 'Grace Wanjiru',
      email: 'g.wanjiru@example.org',
      department_id: null,
      office_id: uganda?.id,
      version: 3,
    });
    const nothing = await custos('person update g.wanjiru@example.org');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Nothing to change');
  });

  it('deactivates and reactivates a person, writing nothing when already in that state', async () => {
    await ok('person add --name Tom --email tom@example.org --office UG-KLA');
    expect(await ok('person deactivate tom@example.org')).toBe(
      'tom@example.org is now inactive (version 2)\n',
    );
    expect(await ok('person deactivate TOM@example.org')).toBe('tom@example.org is already inactive\n');
    expect(await ok('person list --q tom@')).toMatch(/^Tom +tom@example\.org +UG-KLA +no$/m);
    const stale = await custos('person activate tom@example.org --version 1');
    expect(stale).toMatchObject({ code: 6 });
    expect(stale.stderr).toContain('person tom@example.org was changed by someone else');
    expect(await ok('person activate tom@example.org')).toBe('tom@example.org is now active (version 3)\n');
    expect(await services().people.findByEmail(ctx, 'tom@example.org')).toMatchObject({
      active: true,
      version: 3,
    });
  });

  it('deletes a person by e-mail; an unknown e-mail exits 5 naming it', async () => {
    await ok('person add --name Temp --email temp@example.org --office KE-NBO');
    expect(await ok('person delete temp@example.org')).toBe('Deleted temp@example.org\n');
    expect(await services().people.findByEmail(ctx, 'temp@example.org')).toBeUndefined();
    const again = await custos('person delete temp@example.org');
    expect(again).toMatchObject({ code: 5, stderr: 'custos: person temp@example.org was not found\n' });
    const show = await custos('person show temp@example.org --json');
    expect(show).toMatchObject({ code: 5, stdout: '' });
  });
});
