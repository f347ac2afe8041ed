import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { readWorkbook } from '../frameworks/testing/workbook.js';
import { seedOrgWorld, type OrgWorld } from '../org/testing/org-world.js';

const PATH = '/api/compliance-assessments';

describeEachDialect('compliance assessments over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db()); // today is 2026-11-30
    admin = await t.signIn('admin');
    world = await seedOrgWorld(t.services, 'CH');
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('creates an assessment, assesses requirements, shows the progress and downloads the workbook', async () => {
    const created = await admin.request({
      method: 'POST',
      url: PATH,
      payload: { framework_id: 'eu-ai-act', title: 'AI Act 2026', office_id: null },
    });
    expect(created.statusCode, created.body).toBe(201);
    const assessment = created.json();
    expect(assessment).toMatchObject({ office_id: null, status: 'in_progress', version: 1 });

    const set = await admin.request({
      method: 'PUT',
      url: `${PATH}/${assessment.id}/requirements/eu-ai-act.art-4`,
      payload: {
        status: 'partial',
        notes: 'Training for HQ staff only',
        evidence: [{ kind: 'url', url: 'https://learn.example.org/ai', title: 'AI literacy course' }],
        version: 0,
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ status: 'partial', version: 1, evidence: [{ kind: 'url' }] });
    const stale = await admin.request({
      method: 'PUT',
      url: `${PATH}/${assessment.id}/requirements/eu-ai-act.art-4`,
      payload: { status: 'met', version: 0 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');

    const progress = await admin.request({ method: 'GET', url: `${PATH}/${assessment.id}/progress?lang=es` });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json().overall).toMatchObject({ partial: 1, score: 50 });
    expect(progress.json().by_theme.find((row: { theme: string }) => row.theme === 'literacy')).toMatchObject(
      {
        label: 'Alfabetización',
        partial: 1,
      },
    );

    const detail = await admin.request({ method: 'GET', url: `${PATH}/${assessment.id}` });
    expect(detail.json().requirements.length).toBeGreaterThan(38);

    const listed = await admin.request({ method: 'GET', url: `${PATH}?framework_id=eu-ai-act` });
    expect(listed.json().items.map((a: { id: string }) => a.id)).toEqual([assessment.id]);

    const file = await admin.request({ method: 'GET', url: `${PATH}/${assessment.id}/export.xlsx` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="compliance-eu-ai-act-2026-11-30.xlsx"',
    );
    const workbook = await readWorkbook(file.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Requirements', 'By theme']);

    const patched = await admin.request({
      method: 'PATCH',
      url: `${PATH}/${assessment.id}`,
      payload: { status: 'completed', version: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const removed = await admin.request({ method: 'DELETE', url: `${PATH}/${assessment.id}?version=1` });
    expect(removed.statusCode).toBe(409);
    expect(
      (await admin.request({ method: 'DELETE', url: `${PATH}/${assessment.id}?version=2` })).statusCode,
    ).toBe(204);
  });

  it('answers 400 for bad input, naming the field', async () => {
    const cases = [
      { framework_id: 'nope', title: 'Unknown framework' },
      { framework_id: 'gdpr', title: '' },
      { framework_id: 'gdpr', title: 'Extra', colour: 'blue' },
      { framework_id: 'gdpr', title: 'Bad office', office_id: 'kenya' },
    ];
    for (const payload of cases) {
      const res = await admin.request({ method: 'POST', url: PATH, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const created = (
      await admin.request({
        method: 'POST',
        url: PATH,
        payload: { framework_id: 'gdpr', title: 'Input checks', office_id: world.offices.hq.id },
      })
    ).json();
    const requirement = `${PATH}/${created.id}/requirements/gdpr.art-5`;
    const bodies = [
      { status: 'done', version: 0 },
      { status: 'not_applicable', version: 0 },
      {
        status: 'met',
        evidence: [{ kind: 'url', url: 'ftp://files.example.org/x', title: 'FTP' }],
        version: 0,
      },
      { status: 'met', evidence: [{ kind: 'file', sha256: 'xyz', name: 'x.pdf' }], version: 0 },
      // No risk register is wired yet: every risk id is refused.
      { status: 'met', risk_ids: ['RISK-1'], version: 0 },
      { status: 'met' },
    ];
    for (const payload of bodies) {
      const res = await admin.request({ method: 'PUT', url: requirement, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const unknown = await admin.request({
      method: 'PUT',
      url: `${PATH}/${created.id}/requirements/gdpr.art-999`,
      payload: { status: 'met', version: 0 },
    });
    expect(unknown.statusCode).toBe(404);
    expect((await admin.request({ method: 'GET', url: `${PATH}/${created.id}?lang=de` })).statusCode).toBe(
      400,
    );
  });

  it('refuses writes without compliance.write and hides assessments out of scope', async () => {
    const senegal = (
      await admin.request({
        method: 'POST',
        url: PATH,
        payload: { framework_id: 'gdpr', title: 'Senegal GDPR', office_id: world.offices.senegal.id },
      })
    ).json();
    const viewer = await t.signIn('viewer', { offices: [world.offices.senegal.id] });
    expect((await viewer.request({ method: 'GET', url: `${PATH}/${senegal.id}` })).statusCode).toBe(200);
    const denied = await viewer.request({
      method: 'POST',
      url: PATH,
      payload: { framework_id: 'gdpr', title: 'Viewer', office_id: world.offices.senegal.id },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('forbidden');
    const deniedSet = await viewer.request({
      method: 'PUT',
      url: `${PATH}/${senegal.id}/requirements/gdpr.art-5`,
      payload: { status: 'met', version: 0 },
    });
    expect(deniedSet.statusCode).toBe(403);

    const kenyaFocal = await t.signIn('office_focal_point', { offices: [world.offices.kenya.id] });
    expect((await kenyaFocal.request({ method: 'GET', url: `${PATH}/${senegal.id}` })).statusCode).toBe(404);
    expect(
      (await kenyaFocal.request({ method: 'GET', url: `${PATH}/${senegal.id}/export.xlsx` })).statusCode,
    ).toBe(404);
    const own = await kenyaFocal.request({
      method: 'POST',
      url: PATH,
      payload: { framework_id: 'gdpr', title: 'Kenya GDPR', office_id: world.offices.kenya.id },
    });
    expect(own.statusCode, own.body).toBe(201);
    const listed = await kenyaFocal.request({ method: 'GET', url: PATH });
    expect(listed.json().items.map((a: { title: string }) => a.title)).toEqual(['Kenya GDPR']);
    expect((await t.app.inject({ method: 'GET', url: PATH })).statusCode).toBe(401);
  });

  it('documents every route in the OpenAPI description', async () => {
    const paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        PATH,
        `${PATH}/{id}`,
        `${PATH}/{id}/requirements/{requirementId}`,
        `${PATH}/{id}/progress`,
        `${PATH}/{id}/export.xlsx`,
      ]),
    );
  });
});
