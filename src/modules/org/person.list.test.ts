import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import type { Person } from './org.schema.js';
import { seedOrgWorld, type OrgWorld } from './testing/org-world.js';

describeEachDialect('people lists: search, filters, sort and pages', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: OrgWorld;
  const ctx = { actor: systemActor('test'), requestId: null };

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedOrgWorld(t.services, 'PL');
    const kenya = world.offices.kenya.id;
    const senegal = world.offices.senegal.id;
    await t.services.people.createMany(ctx, [
      { full_name: 'Zoë Ñúñez', email: 'zoe@example.org', office_id: kenya, job_title: 'Statistician' },
      {
        full_name: 'Omar 100% Sure',
        email: 'omar_s@example.org',
        office_id: kenya,
        department_id: world.departments.kenya.id,
        governance_roles: ['data_owner'],
      },
      {
        full_name: 'Grace Wanjiru',
        email: 'grace@example.org',
        office_id: kenya,
        job_title: 'Head of Data Protection',
        governance_roles: ['data_steward', 'focal_point'],
        active: false,
      },
      {
        full_name: 'Awa Ndiaye',
        email: 'awa@example.org',
        office_id: senegal,
        governance_roles: ['data_owner'],
      },
    ]);
  });
  afterAll(async () => {
    await t.app.close();
  });

  const list = async (query: string): Promise<{ items: Person[]; next_cursor: string | null }> => {
    const res = await admin.request({ method: 'GET', url: `/api/people?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const names = async (query: string) => (await list(query)).items.map((p) => p.full_name);

  it('searches name, e-mail and job title, ignoring case and accents', async () => {
    expect(await names('q=ZOE%20nunez')).toEqual(['Zoë Ñúñez']);
    expect(await names('q=grace%40example')).toEqual(['Grace Wanjiru']);
    expect(await names('q=data%20protection')).toEqual(['Grace Wanjiru']);
    expect(await names('q=statistician')).toEqual(['Zoë Ñúñez']);
    expect(await names('q=nobody-like-this')).toEqual([]);
  });

  it('treats % and _ in the search as plain characters', async () => {
    expect(await names('q=100%25')).toEqual(['Omar 100% Sure']);
    expect(await names('q=omar_')).toEqual(['Omar 100% Sure']);
    expect(await names('q=a_a')).toEqual([]); // "_" would match any character, e.g. in "awa"
  });

  it('filters by office, region, department, governance role and active', async () => {
    const { kenya, senegal } = world.offices;
    expect(await names(`office_id=${senegal.id}`)).toEqual(['Awa Ndiaye', `Person senegal PL`]);
    expect(await names(`region_id=${world.regions.west.id}`)).toEqual(['Awa Ndiaye', `Person senegal PL`]);
    expect(await names(`region_id=${world.regions.east.id}&q=person`)).toEqual([
      'Person ethiopia PL',
      'Person kenya PL',
    ]);
    expect(await names(`department_id=${world.departments.kenya.id}`)).toEqual([
      'Omar 100% Sure',
      'Person kenya PL',
    ]);
    expect(await names('governance_role=data_owner')).toEqual(['Awa Ndiaye', 'Omar 100% Sure']);
    expect(await names('governance_role=focal_point')).toEqual(['Grace Wanjiru']);
    expect(await names(`active=false`)).toEqual(['Grace Wanjiru']);
    expect(await names(`office_id=${kenya.id}&active=true&governance_role=data_owner`)).toEqual([
      'Omar 100% Sure',
    ]);
    const grace = (await list('active=false')).items[0];
    expect(grace).toMatchObject({ active: false, governance_roles: ['data_steward', 'focal_point'] });
  });

  it('sorts by name or e-mail in either direction', async () => {
    const office = `office_id=${world.offices.kenya.id}`;
    const ascending = ['Grace Wanjiru', 'Omar 100% Sure', 'Person kenya PL', 'Zoë Ñúñez'];
    expect(await names(`${office}&sort=full_name`)).toEqual(ascending);
    expect(await names(`${office}&sort=-full_name`)).toEqual([...ascending].reverse());
    const emails = (await list(`${office}&sort=-email`)).items.map((p) => p.email);
    expect(emails).toEqual([
      'zoe@example.org',
      'omar_s@example.org',
      'kenya.pl@example.org',
      'grace@example.org',
    ]);
  });

  it('refuses an unknown sort column, a bad filter value and a forged cursor with 400 naming the field', async () => {
    for (const [query, field] of [
      ['sort=password', 'sort'],
      ['active=yes', 'active'],
      ['governance_role=overlord', 'governance_role'],
      ['office_id=kenya', 'office_id'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['cursor=e30', 'cursor'],
    ]) {
      const res = await admin.request({ method: 'GET', url: `/api/people?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message).toContain(field);
    }
  });

  it('pages through many people without repeats or gaps, even when names tie and people are added meanwhile', async () => {
    const office = (
      await t.services.offices.create(ctx, { code: 'HQ-PAGES', name: 'Pages', kind: 'hq_department' })
    ).id;
    // Nine people, three of them sharing a name: the id breaks the tie so the cursor stays exact.
    const inputs = ['Bea', 'Cai', 'Dee', 'Dee', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal'].map((name, i) => ({
      full_name: name,
      email: `page${i}@example.org`,
      office_id: office,
    }));
    const created = await t.services.people.createMany(ctx, inputs);
    const expected = [...created]
      .sort((a, b) =>
        a.full_name === b.full_name ? (a.id < b.id ? -1 : 1) : a.full_name < b.full_name ? -1 : 1,
      )
      .map((p) => p.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`office_id=${office}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.next_cursor;
      pages += 1;
      if (pages === 2) {
        // Sorts before the cursor: must not appear; the pages after it must not shift.
        await t.services.people.create(ctx, {
          full_name: 'Abe',
          email: 'abe@example.org',
          office_id: office,
        });
      }
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(expected);

    const descending: string[] = [];
    cursor = null;
    do {
      const page = await list(
        `office_id=${office}&sort=-full_name&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      descending.push(...page.items.map((p) => p.full_name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(descending).toEqual(['Hal', 'Gus', 'Fay', 'Eli', 'Dee', 'Dee', 'Dee', 'Cai', 'Bea', 'Abe']);
  });
});
