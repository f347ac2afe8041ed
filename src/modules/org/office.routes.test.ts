import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { seedOrgWorld, type OrgWorld } from './testing/org-world.js';

describeEachDialect('offices over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedOrgWorld(t.services, 'OF');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const post = (client: TestClient, payload: object) =>
    client.request({ method: 'POST', url: '/api/offices', payload });
  const patch = (client: TestClient, id: string, payload: object) =>
    client.request({ method: 'PATCH', url: `/api/offices/${id}`, payload });

  it('creates, reads, updates and deletes an office, auditing each change', async () => {
    const created = await post(admin, {
      code: 'ug-kla',
      name: 'Uganda',
      kind: 'country_office',
      region_id: world.regions.east.id,
      country_code: 'ug',
      city: 'Kampala',
    });
    expect(created.statusCode, created.body).toBe(201);
    const office = created.json();
    expect(office).toMatchObject({ code: 'UG-KLA', country_code: 'UG', city: 'Kampala', version: 1 });
    expect(office).not.toHaveProperty('search_text');

    const read = await admin.request({ method: 'GET', url: `/api/offices/${office.id}` });
    expect(read.json()).toEqual(office);

    const patched = await patch(admin, office.id, { name: 'Uganda Country Office', city: '', version: 1 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Uganda Country Office', city: null, version: 2 });

    const removed = await admin.request({ method: 'DELETE', url: `/api/offices/${office.id}?version=2` });
    expect(removed.statusCode, removed.body).toBe(204);
    const gone = await admin.request({ method: 'GET', url: `/api/offices/${office.id}` });
    expect(gone.statusCode).toBe(404);

    const events = await db()
      .kysely.selectFrom('audit_events')
      .select(['action', 'office_id'])
      .where('entity_type', '=', 'office')
      .where('entity_id', '=', office.id)
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { action: 'create', office_id: office.id },
      { action: 'update', office_id: office.id },
      { action: 'delete', office_id: office.id },
    ]);
  });

  it('keeps the search text in step with the name on update', async () => {
    const created = await post(admin, { code: 'HQ-LEGAL', name: 'Legal Affairs', kind: 'hq_department' });
    const office = created.json();
    await patch(admin, office.id, { name: 'Jurídico', version: 1 });
    const found = await admin.request({ method: 'GET', url: '/api/offices?q=JURIDICO' });
    expect(found.json().items.map((o: { id: string }) => o.id)).toEqual([office.id]);
    const old = await admin.request({ method: 'GET', url: '/api/offices?q=legal%20affairs' });
    expect(old.json().items).toEqual([]);
  });

  it('requires a country code and a region for a country office, but neither for an HQ department', async () => {
    const noCountry = await post(admin, {
      code: 'XX-1',
      name: 'Somewhere',
      kind: 'country_office',
      region_id: world.regions.east.id,
    });
    expect(noCountry.statusCode).toBe(400);
    expect(noCountry.json().error.message).toContain('country_code');
    const noRegion = await post(admin, {
      code: 'XX-2',
      name: 'Somewhere',
      kind: 'country_office',
      country_code: 'TZ',
    });
    expect(noRegion.statusCode).toBe(400);
    expect(noRegion.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['region_id']);
    const hq = await post(admin, { code: 'HQ-FIN', name: 'Finance', kind: 'hq_department' });
    expect(hq.statusCode, hq.body).toBe(201);
    expect(hq.json()).toMatchObject({ region_id: null, country_code: null });

    const turned = await patch(admin, hq.json().id, { kind: 'country_office', version: 1 });
    expect(turned.statusCode).toBe(400);
    const cleared = await patch(admin, world.offices.kenya.id, { country_code: null, version: 1 });
    expect(cleared.statusCode).toBe(400);
    expect(cleared.json().error.message).toContain('country_code');
  });

  it('refuses bad input with 400 naming the field', async () => {
    const base = { code: 'BAD-1', name: 'Bad', kind: 'country_office', region_id: world.regions.east.id };
    const cases: [object, string][] = [
      [{ ...base, country_code: 'XX' }, 'country_code'],
      [{ ...base, country_code: 'KEN' }, 'country_code'],
      [{ ...base, country_code: 'KE', colour: 'red' }, 'colour'],
      [{ ...base, country_code: 'KE', name: 42 }, 'name'],
      [{ ...base, country_code: 'KE', kind: 'embassy' }, 'kind'],
      [{ ...base, country_code: 'KE', region_id: 'not-a-uuid' }, 'region_id'],
      [{ ...base, country_code: 'KE', code: 'a b' }, 'code'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.message).toContain(field);
    }
    const badPatch = await patch(admin, world.offices.kenya.id, { version: 'one' });
    expect(badPatch.statusCode).toBe(400);
    expect(badPatch.json().error.message).toContain('version');
    const badSort = await admin.request({ method: 'GET', url: '/api/offices?sort=-secret' });
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().error.message).toContain('sort');
  });

  it('answers 404 naming region_id for a region that does not exist', async () => {
    const res = await post(admin, {
      code: 'LOST-1',
      name: 'Lost',
      kind: 'country_office',
      country_code: 'KE',
      region_id: '0190f5d2-0000-7000-8000-000000000000',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details).toMatchObject({ entity: 'region', field: 'region_id' });
  });

  it('refuses a duplicate code with 409, on create and on update', async () => {
    const dup = await post(admin, { code: world.offices.kenya.code, name: 'Again', kind: 'hq_department' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'conflict', details: { field: 'code' } });
    const current = (
      await admin.request({ method: 'GET', url: `/api/offices/${world.offices.hq.id}` })
    ).json();
    const renamed = await patch(admin, current.id, {
      code: world.offices.senegal.code,
      version: current.version,
    });
    expect(renamed.statusCode).toBe(409);
    const after = await admin.request({ method: 'GET', url: `/api/offices/${current.id}` });
    expect(after.json()).toEqual(current);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const office = (
      await admin.request({ method: 'GET', url: `/api/offices/${world.offices.senegal.id}` })
    ).json();
    expect((await patch(admin, office.id, { city: 'Dakar', version: office.version })).statusCode).toBe(200);
    const stale = await patch(admin, office.id, { city: 'Thiès', version: office.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const staleDelete = await admin.request({
      method: 'DELETE',
      url: `/api/offices/${office.id}?version=${office.version}`,
    });
    expect(staleDelete.statusCode).toBe(409);
    const now = await admin.request({ method: 'GET', url: `/api/offices/${office.id}` });
    expect(now.json()).toMatchObject({ city: 'Dakar', version: office.version + 1 });
  });

  it('refuses to delete an office that still has departments or people, saying so', async () => {
    const office = (
      await admin.request({ method: 'GET', url: `/api/offices/${world.offices.ethiopia.id}` })
    ).json();
    const res = await admin.request({
      method: 'DELETE',
      url: `/api/offices/${office.id}?version=${office.version}`,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      `Office ${office.code} still has 1 department(s) and 1 person(s); move or delete them first`,
    );
    const still = await admin.request({ method: 'GET', url: `/api/offices/${office.id}` });
    expect(still.statusCode).toBe(200);
  });

  it('filters by region and kind, searches, sorts and pages with a stable cursor', async () => {
    const region = await t.services.regions.create(
      { actor: systemActor('test'), requestId: null },
      { code: 'PAGES', name: 'Paging' },
    );
    const codes = ['P-05', 'P-01', 'P-04', 'P-02', 'P-06', 'P-03', 'P-07'];
    for (const code of codes)
      await post(admin, {
        code,
        name: `Paged ${code}`,
        kind: 'country_office',
        region_id: region.id,
        country_code: 'FR',
      });

    const page = (query: string) =>
      admin.request({ method: 'GET', url: `/api/offices?region_id=${region.id}&${query}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await page(`sort=-code&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      seen.push(...body.items.map((o: { code: string }) => o.code));
      cursor = body.next_cursor;
      pages += 1;
      // An office added mid-way, sorting before the cursor, neither repeats nor shifts later pages.
      if (pages === 1)
        await post(admin, {
          code: 'P-99',
          name: 'Late',
          kind: 'country_office',
          region_id: region.id,
          country_code: 'FR',
        });
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['P-07', 'P-06', 'P-05', 'P-04', 'P-03', 'P-02', 'P-01']);

    const byName = await page('sort=name&q=paged%20p-0&limit=2');
    expect(byName.json().items.map((o: { code: string }) => o.code)).toEqual(['P-01', 'P-02']);
    const hqOnly = await admin.request({ method: 'GET', url: '/api/offices?kind=hq_department&limit=500' });
    expect(hqOnly.json().items.every((o: { kind: string }) => o.kind === 'hq_department')).toBe(true);
    expect(hqOnly.json().items.map((o: { id: string }) => o.id)).toContain(world.offices.hq.id);
    const wildcard = await admin.request({ method: 'GET', url: '/api/offices?q=%25' });
    expect(wildcard.json().items).toEqual([]);
    const badCursor = await page('cursor=nonsense');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.message).toContain('cursor');
  });

  it('documents the organisation routes in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = Object.keys(res.json().paths);
    for (const path of ['/api/offices', '/api/offices/{id}', '/api/departments/{id}', '/api/people/{id}'])
      expect(paths).toContain(path);
    const listParams = res.json().paths['/api/people'].get.parameters.map((p: { name: string }) => p.name);
    expect(listParams).toEqual(expect.arrayContaining(['q', 'governance_role', 'limit', 'cursor', 'sort']));
  });
});
