import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import type { Action } from '../actions/actions.schema.js';
import type { Scorecard } from './scorecard.schema.js';
import { seedScorecardWorld, type ScorecardWorld } from './testing/scorecard-world.js';

describeEachDialect('scorecard and actions over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let viewer: TestClient;
  let world: ScorecardWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedScorecardWorld(t.services, 'HT');
    viewer = await t.signIn('viewer', { offices: [world.offices.kenya.id] });
  });
  afterAll(async () => {
    await t.app.close();
  });

  const get = (client: TestClient, url: string) => client.request({ method: 'GET', url });

  it('answers the scorecard in the issue’s shape, scoped to the caller', async () => {
    const response = await get(admin, '/api/scorecard?by=office&as_of=2026-12-01');
    expect(response.statusCode, response.body).toBe(200);
    const card: Scorecard = response.json();
    expect(Object.keys(card)).toEqual(['as_of', 'by', 'groups', 'overall']);
    expect(card).toMatchObject({ as_of: '2026-12-01', by: 'office' });
    const kenya = card.groups.find((g) => g.key === 'KE-HT')!;
    expect(Object.keys(kenya)).toEqual(['key', 'name', 'assets', 'score', 'band', 'controls']);
    expect(kenya.controls.ownership).toEqual({ passed: 1, applicable: 2 });
    expect(card.overall).not.toHaveProperty('key');

    const scoped: Scorecard = (await get(viewer, '/api/scorecard?by=region')).json();
    expect(scoped.groups.map((g) => [g.key, g.assets])).toEqual([['EHT', 2]]);
  });

  it.each([
    ['/api/scorecard?by=planet', 'querystring.by'],
    ['/api/scorecard?as_of=2026-02-30', 'querystring.as_of'],
    ['/api/scorecard?colour=red', 'querystring'],
    ['/api/scorecard/trend?from=yesterday', 'querystring.from'],
  ])('refuses %s with 400 naming %s', async (url, path) => {
    const response = await get(admin, url);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.details.issues[0].path).toBe(path);
  });

  it('lists the controls and explains an asset’s health; 404 outside the caller’s offices', async () => {
    const controls = await get(viewer, '/api/scorecard/controls');
    expect(controls.statusCode).toBe(200);
    expect(controls.json().controls).toHaveLength(6);
    expect(controls.json().bands).toEqual({ healthy: 80, fair: 60, not_healthy: 40 });

    const health = await get(viewer, `/api/assets/${world.assets.kenyaBare.id}/health?lang=es`);
    expect(health.statusCode, health.body).toBe(200);
    expect(health.json().controls[0]).toMatchObject({
      control: 'ownership',
      title: 'Propiedad',
      status: 'FAIL',
    });
    expect((await get(viewer, `/api/assets/${world.assets.ethiopiaBare.id}/health`)).statusCode).toBe(404);
    expect((await get(viewer, `/api/assets/${world.assets.kenyaBare.id}/health?lang=de`)).statusCode).toBe(
      400,
    );
  });

  it('leaves settings to admins and snapshots to governance officers and admins', async () => {
    const officer = await t.signIn('governance_officer');
    expect((await get(officer, '/api/scorecard/settings')).statusCode).toBe(403);
    expect((await get(viewer, '/api/scorecard/settings')).statusCode).toBe(403);
    const snapshot = await viewer.request({ method: 'POST', url: '/api/scorecard/snapshots', payload: {} });
    expect(snapshot.statusCode).toBe(403);
    expect(await db().kysely.selectFrom('scorecard_snapshots').select('id').execute()).toEqual([]);

    const settings = await get(admin, '/api/scorecard/settings');
    expect(settings.json()).toMatchObject({ version: 0 });
    const stale = await admin.request({
      method: 'PUT',
      url: '/api/scorecard/settings',
      payload: { config: {}, custom_controls: [], version: 3 },
    });
    expect(stale.statusCode).toBe(409);
    const invalid = await admin.request({
      method: 'PUT',
      url: '/api/scorecard/settings',
      payload: { config: { bands: { healthy: 101 } }, custom_controls: [], version: 0 },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details.issues[0].path).toBe('config.bands.healthy');
  });

  it('takes snapshots, then lists the actions they opened: mine, by assignee, by office, in scope', async () => {
    const officer = await t.signIn('governance_officer');
    const taken = await officer.request({ method: 'POST', url: '/api/scorecard/snapshots', payload: {} });
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json()).toMatchObject({ as_of: '2026-11-30', actions: { opened: 9, closed: 0 } });

    // The Kenya focal point signs in with their person linked: the bare Kenya asset's four actions are theirs.
    const email = `focal.${Date.now()}@example.org`;
    await t.services.accounts.createUser(
      { actor: systemActor('test'), requestId: null },
      {
        email,
        display_name: 'Kenya focal point',
        role: 'office_focal_point',
        scope_office_ids: [world.offices.kenya.id],
        person_id: world.people.kenya.id,
        password: TEST_PASSWORD,
      },
    );
    const focal = await t.signInAs(email, TEST_PASSWORD);
    const mine = await get(focal, '/api/actions?mine=true&status=open');
    expect(mine.statusCode, mine.body).toBe(200);
    const items: Action[] = mine.json().items;
    expect(items.map((a) => a.code).sort()).toEqual([
      'classification',
      'documentation',
      'ownership',
      'review_freshness',
    ]);
    expect(items[0]).toMatchObject({
      source: 'scorecard',
      subject_type: 'asset',
      subject_id: world.assets.kenyaBare.id,
      subject_name: 'Field notes HT',
      assignee_person_id: world.people.kenya.id,
      assignee_name: world.people.kenya.full_name,
      status: 'open',
      overdue: false,
    });
    const ownership = items.find((a) => a.code === 'ownership')!;
    expect(ownership).toMatchObject({
      code_title: { en: 'Ownership', fr: 'Propriété', es: 'Propiedad' },
      reason_codes: ['ownership.missing_owner', 'ownership.missing_custodian'],
      due_date: '2026-12-30',
      source_key: `scorecard:${world.assets.kenyaBare.id}:ownership`,
    });
    expect((await get(focal, `/api/actions/${ownership.id}`)).json()).toEqual(ownership);

    // The Kenya viewer sees Kenya's actions only: Ethiopia's and HQ's are outside their offices.
    const all = (await get(admin, '/api/actions?limit=500')).json().items as Action[];
    expect(all).toHaveLength(9);
    const kenya = (await get(viewer, '/api/actions')).json().items as Action[];
    expect(kenya.map((a) => a.office_id)).toEqual(Array(4).fill(world.offices.kenya.id));
    const ethiopian = all.find((a) => a.office_id === world.offices.ethiopia.id)!;
    expect((await get(viewer, `/api/actions/${ethiopian.id}`)).statusCode).toBe(404);
    const byAssignee = await get(admin, `/api/actions?assignee=${world.staff.custodianB.id}`);
    expect((byAssignee.json().items as Action[]).map((a) => a.code)).toEqual(['documentation']);

    // Pages: two at a time, in due-date order, without repeats.
    const first = (await get(admin, '/api/actions?limit=2')).json();
    const second = (await get(admin, `/api/actions?limit=2&cursor=${first.next_cursor}`)).json();
    const seen = [...first.items, ...second.items].map((a: Action) => a.id);
    expect(new Set(seen).size).toBe(4);
    expect((await get(admin, '/api/actions?status=pending')).statusCode).toBe(400);
  });

  it('finds the assets failing a control at the last scoring through asset search', async () => {
    const names = async (client: TestClient, query: string) =>
      ((await get(client, `/api/assets?${query}`)).json().items as { name: string }[]).map((a) => a.name);
    expect(await names(admin, 'control_failing=ownership')).toEqual(['Field notes HT', 'Old spreadsheet HT']);
    expect(await names(admin, 'control_failing=documentation&office_id=' + world.offices.hq.id)).toEqual([
      'Case management system HT',
    ]);
    expect(await names(viewer, 'control_failing=ownership')).toEqual(['Field notes HT']);
    expect(await names(admin, 'control_failing=access_review')).toEqual([]);
    const bad = await get(admin, '/api/assets?control_failing=Not-A-Control');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('querystring.control_failing');
  });

  it('answers a signed-in office caller the trend of its own offices, never its whole region', async () => {
    // Snapshots were taken above (2026-11-30); Kenya has 2 of the East region's 3 scored assets.
    const trend = async (client: TestClient, query: string) => {
      const response = await get(client, `/api/scorecard/trend?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().series as { key: string; points: { score: number | null }[] }[]).map((s) => [
        s.key,
        s.points.map((p) => p.score),
      ]);
    };
    const kenya = await trend(admin, 'by=office&key=KE-HT');
    expect(kenya).toEqual([['KE-HT', [66.7]]]);
    const wholeRegion = await trend(admin, 'by=region&key=EHT');
    expect(wholeRegion[0]![1]).not.toEqual(kenya[0]![1]);
    // The viewer's sign-in makes the East region visible (as Kenya's region): its figure is Kenya's alone.
    expect(await trend(viewer, 'by=region')).toEqual([['EHT', kenya[0]![1]]]);
    expect(await trend(viewer, 'by=organisation')).toEqual([['organisation', kenya[0]![1]]]);
  });
});
