import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { systemActor } from '../../core/permissions.js';
import { samplePdf, sampleExe, sampleHtml } from '../files/testing/sample-files.js';
import { readWorkbook } from '../frameworks/testing/workbook.js';
import { multipartBody } from '../org/testing/org-import.js';
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
      // A risk that is not in the register.
      { status: 'met', risk_ids: ['0190f5d2-0000-7000-8000-000000000000'], version: 0 },
      // A file that was never uploaded as evidence to this assessment.
      { status: 'met', evidence: [{ kind: 'file', sha256: 'a'.repeat(64), name: 'x.pdf' }], version: 0 },
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

  it('pages the assessments newest first, in the reader’s offices only, and refuses a bad cursor', async () => {
    const ethiopia = world.offices.ethiopia.id;
    const create = async (title: string, officeId = ethiopia) =>
      (
        await admin.request({
          method: 'POST',
          url: PATH,
          payload: { framework_id: 'gdpr', title, office_id: officeId },
        })
      ).json() as { id: string };
    const first = await create('Ethiopia 2025');
    await create('Senegal 2025', world.offices.senegal.id);
    t.clock.advance(60_000);
    const second = await create('Ethiopia 2026 a');
    const third = await create('Ethiopia 2026 b');
    const reader = await t.signIn('office_focal_point', { offices: [ethiopia] });
    const pages: { items: { id: string; progress: { total: number } }[]; next_cursor: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const res = await reader.request({
        method: 'GET',
        url: `${PATH}?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      pages.push(res.json());
      cursor = pages.at(-1)!.next_cursor;
    } while (cursor !== null);
    expect(pages.map((p) => p.items.map((a) => a.id))).toEqual([[third.id, second.id], [first.id]]);
    expect(pages[1]!.items[0]!.progress.total).toBeGreaterThan(0);

    for (const query of ['cursor=nonsense', 'limit=0', 'limit=501']) {
      const bad = await reader.request({ method: 'GET', url: `${PATH}?${query}` });
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().error.code).toBe('validation_failed');
    }
    const filtered = await admin.request({
      method: 'GET',
      url: `${PATH}?office_id=${ethiopia}&status=in_progress`,
    });
    expect(filtered.json().items.map((a: { id: string }) => a.id)).toEqual([third.id, second.id, first.id]);
  });

  it('documents every route in the OpenAPI description', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = doc.paths;
    const list = paths[PATH].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['framework_id', 'office_id', 'status', 'limit', 'cursor']),
    );
    expect(Object.keys(list.responses['200'].content['application/json'].schema.properties)).toEqual([
      'items',
      'next_cursor',
    ]);
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        PATH,
        `${PATH}/{id}`,
        `${PATH}/{id}/requirements/{requirementId}`,
        `${PATH}/{id}/progress`,
        `${PATH}/{id}/export.xlsx`,
        `${PATH}/{id}/requirements/{requirementId}/evidence`,
        `${PATH}/{id}/requirements/{requirementId}/evidence/{sha256}`,
      ]),
    );
  });

  const ctx = { actor: systemActor('test'), requestId: null };
  const start = async (title: string, officeId: string) =>
    (
      await admin.request({
        method: 'POST',
        url: PATH,
        payload: { framework_id: 'gdpr', title, office_id: officeId },
      })
    ).json() as { id: string };
  const createRisk = (title: string, officeId: string) =>
    t.services.risks.create(ctx, {
      title,
      category: 'data_protection',
      office_id: officeId,
      inherent_likelihood: 3,
      inherent_impact: 4,
    });

  it('links risks of the register in scope, and refuses unknown ones and those out of scope', async () => {
    const kenya = await start('Kenya risks', world.offices.kenya.id);
    const own = await createRisk('Paper files in the open office', world.offices.kenya.id);
    const other = await createRisk('Shared laptops', world.offices.senegal.id);
    const kenyaFocal = await t.signIn('office_focal_point', { offices: [world.offices.kenya.id] });
    const url = `${PATH}/${kenya.id}/requirements/gdpr.art-32`;
    const outOfScope = await kenyaFocal.request({
      method: 'PUT',
      url,
      payload: { status: 'partial', risk_ids: [own.id, other.id], version: 0 },
    });
    expect(outOfScope.statusCode, outOfScope.body).toBe(400);
    expect(outOfScope.json().error.details.issues).toEqual([
      { path: 'risk_ids', message: `risk ${other.id} was not found in the risk register` },
    ]);
    const linked = await kenyaFocal.request({
      method: 'PUT',
      url,
      payload: { status: 'partial', risk_ids: [own.id], version: 0 },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ risk_ids: [own.id], version: 1 });
    // The admin sees every office: the other risk links too.
    const both = await admin.request({
      method: 'PUT',
      url,
      payload: { risk_ids: [own.id, other.id], version: 1 },
    });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json().risk_ids).toEqual([own.id, other.id]);
  });

  it('uploads evidence files for a requirement, lists them with its links and downloads them in scope', async () => {
    const kenya = await start('Kenya evidence', world.offices.kenya.id);
    const requirement = `${PATH}/${kenya.id}/requirements/gdpr.art-30`;
    const upload = (client: TestClient, filename: string, content: Buffer, url = requirement) =>
      client.request({
        method: 'POST',
        url: `${url}/evidence`,
        ...multipartBody({ filename, contentType: 'application/pdf', content }),
      });
    const audits = async () =>
      Number(
        (
          await t.services.db.kysely
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const uploaded = await upload(admin, 'ropa.pdf', samplePdf('register of processing'));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const file = uploaded.json().evidence[0];
    expect(uploaded.json()).toMatchObject({ status: null, version: 0 });
    expect(file).toMatchObject({
      kind: 'file',
      name: 'ropa.pdf',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    // The uploaded file is a link of the requirement: kept by an edit, listed with the assessment.
    const assessed = await admin.request({
      method: 'PUT',
      url: requirement,
      payload: {
        status: 'met',
        evidence: [{ kind: 'url', url: 'https://intranet.example.org/ropa', title: 'RoPA' }, file],
        version: 0,
      },
    });
    expect(assessed.statusCode, assessed.body).toBe(200);
    const second = await upload(admin, 'dpo-note.pdf', samplePdf('note of the DPO'));
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().version).toBe(2);
    expect(second.json().evidence.map((e: { kind: string }) => e.kind)).toEqual(['url', 'file', 'file']);
    const stale = await admin.request({
      method: 'PUT',
      url: requirement,
      payload: { status: 'met', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const detail = (await admin.request({ method: 'GET', url: `${PATH}/${kenya.id}` })).json();
    const listed = detail.requirements.find(
      (r: { requirement_id: string }) => r.requirement_id === 'gdpr.art-30',
    );
    expect(listed.evidence.filter((e: { kind: string }) => e.kind === 'file')).toHaveLength(2);

    const download = await admin.request({ method: 'GET', url: `${requirement}/evidence/${file.sha256}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="ropa.pdf"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect(download.rawPayload.equals(samplePdf('register of processing'))).toBe(true);
    // Through the file store too, for whoever may see the assessment.
    expect((await admin.request({ method: 'GET', url: `/api/files/${file.sha256}` })).statusCode).toBe(200);

    const senegalFocal = await t.signIn('office_focal_point', { offices: [world.offices.senegal.id] });
    expect(
      (await senegalFocal.request({ method: 'GET', url: `${requirement}/evidence/${file.sha256}` }))
        .statusCode,
    ).toBe(404);
    expect((await senegalFocal.request({ method: 'GET', url: `/api/files/${file.sha256}` })).statusCode).toBe(
      404,
    );
    expect((await upload(senegalFocal, 'x.pdf', samplePdf('other'))).statusCode).toBe(404);
    const viewer = await t.signIn('viewer', { offices: [world.offices.kenya.id] });
    expect((await upload(viewer, 'x.pdf', samplePdf('viewer'))).statusCode).toBe(403);
    expect(
      (await viewer.request({ method: 'GET', url: `${requirement}/evidence/${file.sha256}` })).statusCode,
    ).toBe(200);
    // Not a file of this requirement.
    expect(
      (
        await admin.request({
          method: 'GET',
          url: `${PATH}/${kenya.id}/requirements/gdpr.art-5/evidence/${file.sha256}`,
        })
      ).statusCode,
    ).toBe(404);

    const before = await audits();
    for (const content of [sampleHtml(), sampleExe()]) {
      const refused = await upload(admin, 'invoice.pdf', content);
      expect(refused.statusCode, refused.body).toBe(415);
    }
    expect(
      (await upload(admin, 'x.pdf', samplePdf('heading'), `${PATH}/${kenya.id}/requirements/gdpr.chapter-1`))
        .statusCode,
    ).toBe(400);
    expect(await audits()).toBe(before);
    const after = (await admin.request({ method: 'GET', url: `${PATH}/${kenya.id}` })).json();
    expect(
      after.requirements.find((r: { requirement_id: string }) => r.requirement_id === 'gdpr.art-30').evidence,
    ).toHaveLength(3);
  });
});
