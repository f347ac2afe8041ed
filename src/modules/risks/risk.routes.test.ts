import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { csv, multipartBody } from '../org/testing/org-import.js';
import { seedOrgWorld, type OrgWorld } from '../org/testing/org-world.js';
import type { Risk, RiskDetail, RiskSummary } from './risk.schema.js';

describeEachDialect('the risk register over HTTP', ({ db }) => {
  let t: TestApp;
  let officer: TestClient;
  let otherOfficer: TestClient;
  let kenyaFocal: TestClient;
  let viewer: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    world = await seedOrgWorld(t.services, 'RKH');
    officer = await t.signIn('governance_officer');
    otherOfficer = await t.signIn('governance_officer');
    kenyaFocal = await t.signIn('office_focal_point', { offices: [world.offices.kenya.id] });
    viewer = await t.signIn('viewer', { offices: [world.offices.kenya.id] });
  });
  afterAll(async () => {
    await t.app.close();
  });

  const create = (client: TestClient, payload: object) =>
    client.request({ method: 'POST', url: '/api/risks', payload });
  const kenyaRisk = (extra: object = {}) => ({
    title: 'Paper registration forms left unlocked',
    category: 'data_protection',
    office_id: world.offices.kenya.id,
    inherent_likelihood: 3,
    inherent_impact: 4,
    ...extra,
  });
  const upload = (client: TestClient, content: Buffer, filename: string, dryRun: boolean) => {
    const body = multipartBody({ filename, contentType: 'application/octet-stream', content });
    return client.request({
      method: 'POST',
      url: `/api/risks/import?dry_run=${dryRun}`,
      payload: body.payload,
      headers: body.headers,
    });
  };

  it('records, filters, changes and deletes risks; refuses stale versions, bad input, other offices and roles', async () => {
    const created = await create(kenyaFocal, kenyaRisk({ next_review_date: '2026-11-01' }));
    expect(created.statusCode, created.body).toBe(201);
    const risk: Risk = created.json();
    expect(risk).toMatchObject({ inherent_score: 12, level: 'high', needs_review: true });
    const detail = await viewer.request({ method: 'GET', url: `/api/risks/${risk.id}` });
    expect(detail.json()).toMatchObject({ id: risk.id, treatments: [], acceptances: [] });
    for (const query of [
      'category=data_protection',
      `office_id=${world.offices.kenya.id}`,
      `region_id=${world.regions.east.id}`,
      'status=open',
      'level=high',
      'overdue=true',
      'q=registration',
    ]) {
      const list = await officer.request({ method: 'GET', url: `/api/risks?${query}` });
      expect(
        list.json().items.map((r: Risk) => r.id),
        query,
      ).toContain(risk.id);
    }
    expect((await officer.request({ method: 'GET', url: '/api/risks?level=low' })).json().items).toEqual([]);
    const patched = await kenyaFocal.request({
      method: 'PATCH',
      url: `/api/risks/${risk.id}`,
      payload: { version: 1, residual_likelihood: 1, residual_impact: 2, status: 'in_treatment' },
    });
    expect(patched.json()).toMatchObject({ level: 'low', status: 'in_treatment', version: 2 });
    const stale = await kenyaFocal.request({
      method: 'PATCH',
      url: `/api/risks/${risk.id}`,
      payload: { version: 1, title: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const accepting = await kenyaFocal.request({
      method: 'PATCH',
      url: `/api/risks/${risk.id}`,
      payload: { version: 2, status: 'accepted' },
    });
    expect(accepting.statusCode).toBe(400);
    for (const bad of [
      kenyaRisk({ inherent_likelihood: 6 }),
      kenyaRisk({ category: 'weather' }),
      kenyaRisk({ title: '' }),
      kenyaRisk({ extra: 1 }),
      kenyaRisk({ next_review_date: '31/12/2026' }),
    ])
      expect((await create(officer, bad)).statusCode).toBe(400);
    expect((await officer.request({ method: 'GET', url: '/api/risks?overdue=maybe' })).statusCode).toBe(400);
    expect(
      (await officer.request({ method: 'GET', url: '/api/risks?sort=next_review_date' })).statusCode,
    ).toBe(400);
    expect((await create(viewer, kenyaRisk())).statusCode).toBe(403);
    const hidden: Risk = (await create(officer, kenyaRisk({ office_id: world.offices.senegal.id }))).json();
    expect((await kenyaFocal.request({ method: 'GET', url: `/api/risks/${hidden.id}` })).statusCode).toBe(
      404,
    );
    expect((await create(kenyaFocal, kenyaRisk({ office_id: world.offices.senegal.id }))).statusCode).toBe(
      404,
    );
    const removed = await kenyaFocal.request({ method: 'DELETE', url: `/api/risks/${risk.id}?version=2` });
    expect(removed.statusCode).toBe(204);
  });

  it('accepts a risk only by a second person, with a justification and a future expiry', async () => {
    const risk: Risk = (await create(officer, kenyaRisk({ title: 'Shared admin password' }))).json();
    const accept = (client: TestClient, payload: object) =>
      client.request({ method: 'POST', url: `/api/risks/${risk.id}/accept`, payload });
    const body = { version: 1, justification: 'Legacy system retires in March', expires_on: '2027-03-31' };
    const own = await accept(officer, body);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('four_eyes_required');
    expect((await accept(kenyaFocal, body)).json().error.code).toBe('forbidden');
    expect((await accept(viewer, body)).statusCode).toBe(403);
    expect((await accept(otherOfficer, { ...body, justification: '' })).statusCode).toBe(400);
    expect((await accept(otherOfficer, { ...body, expires_on: '2026-01-01' })).statusCode).toBe(400);
    const signed = await accept(otherOfficer, body);
    expect(signed.statusCode, signed.body).toBe(200);
    const detail: RiskDetail = signed.json();
    expect(detail).toMatchObject({ status: 'accepted', acceptance_expires_on: '2027-03-31', version: 2 });
    expect(detail.acceptances).toHaveLength(1);
  });

  it('adds, changes and removes treatments; summarises heat maps and overdue work', async () => {
    const risk: Risk = (
      await create(officer, kenyaRisk({ title: 'Backups untested', category: 'operational' }))
    ).json();
    const base = `/api/risks/${risk.id}/treatments`;
    const added = await officer.request({
      method: 'POST',
      url: base,
      payload: { description: 'Test a restore', due_date: '2026-10-01' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(
      (await officer.request({ method: 'POST', url: base, payload: { description: 'x', due_date: 'soon' } }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await viewer.request({
          method: 'POST',
          url: base,
          payload: { description: 'x', due_date: '2027-01-01' },
        })
      ).statusCode,
    ).toBe(403);
    const summary: RiskSummary = (await viewer.request({ method: 'GET', url: '/api/risks/summary' })).json();
    expect(summary.heat_map.inherent[2]?.[3]).toBeGreaterThan(0);
    expect(summary.overdue_treatments.map((tr) => tr.risk_title)).toContain('Backups untested');
    expect(summary.by_category.operational).toBeGreaterThan(0);
    const treatment = added.json();
    const done = await officer.request({
      method: 'PATCH',
      url: `${base}/${treatment.id}`,
      payload: { version: 1, status: 'done' },
    });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
    expect(
      (await officer.request({ method: 'DELETE', url: `${base}/${treatment.id}?version=1` })).statusCode,
    ).toBe(409);
    expect(
      (await officer.request({ method: 'DELETE', url: `${base}/${treatment.id}?version=2` })).statusCode,
    ).toBe(204);
  });

  it('exports risks that import back unchanged, checks a file in a dry run and imports all rows or none', async () => {
    const template = await officer.request({ method: 'GET', url: '/api/risks/template.xlsx' });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-disposition']).toContain('custos-risks-template');
    await create(
      officer,
      kenyaRisk({
        title: 'Linked risk',
        office_ids: [world.offices.hq.id],
        usage_app_ids: ['chatgpt'],
        residual_likelihood: 2,
        residual_impact: 2,
      }),
    );
    const before = (await officer.request({ method: 'GET', url: '/api/risks?limit=500' })).json().items;
    for (const format of ['xlsx', 'csv'] as const) {
      const exported = await officer.request({ method: 'GET', url: `/api/risks/export.${format}` });
      expect(exported.statusCode).toBe(200);
      const report = await upload(officer, exported.rawPayload, `risks.${format}`, false);
      expect(report.statusCode, report.body).toBe(200);
      expect(report.json()).toMatchObject({ created: 0, updated: 0, unchanged: before.length, issues: [] });
    }
    expect((await officer.request({ method: 'GET', url: '/api/risks?limit=500' })).json().items).toEqual(
      before,
    );

    const file = csv([
      ['Title', 'Category', 'Office code', 'Inherent likelihood', 'Inherent impact', 'Owner'],
      ['Flood damages the server room', 'operational', world.offices.kenya.code, '2', '5', ''],
      ['Bad row', 'weather', world.offices.kenya.code, '7', '1', ''],
      ['Unknown office', 'ai', 'NOPE', '1', '1', ''],
    ]);
    const dry = await upload(officer, file, 'risks.csv', true);
    expect(dry.statusCode).toBe(200);
    const issues = dry.json().issues as { row: number; column: string }[];
    expect(issues.map((i) => [i.row, i.column])).toEqual(
      expect.arrayContaining([
        [3, 'Category'],
        [3, 'Inherent likelihood'],
        [4, 'Office code'],
      ]),
    );
    const real = await upload(officer, file, 'risks.csv', false);
    expect(real.statusCode).toBe(422);
    expect(real.json().error.code).toBe('import_invalid');
    const after = (await officer.request({ method: 'GET', url: '/api/risks?limit=500' })).json().items;
    expect(after).toHaveLength(before.length);
    expect((await upload(viewer, file, 'risks.csv', true)).statusCode).toBe(403);
    const good = await upload(
      officer,
      csv([
        ['Title', 'Category', 'Office code', 'Inherent likelihood', 'Inherent impact'],
        ['Flood damages the server room', 'operational', world.offices.kenya.code, '2', '5'],
      ]),
      'risks.csv',
      false,
    );
    expect(good.json()).toMatchObject({ created: 1, issues: [] });
  });
});
