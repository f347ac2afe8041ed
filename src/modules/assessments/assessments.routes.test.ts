import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { zipEntries } from '../frameworks/testing/zip-entries.js';
import { samplePdf } from '../files/testing/sample-files.js';
import { multipartBody } from '../org/testing/org-import.js';
import { seedOrgWorld, type OrgWorld } from '../org/testing/org-world.js';
import { pdfTextLines } from './testing/pdf-text.js';

describeEachDialect('assessments over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db(), { fileLimitBytes: 4096 });
    admin = await t.signIn('admin');
    world = await seedOrgWorld(t.services, 'AH');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const start = async (client: TestClient, officeId = world.offices.kenya.id) =>
    client.request({
      method: 'POST',
      url: '/api/assessments',
      payload: {
        template_id: 'dpia',
        title: 'Évaluation du registre',
        subject_kind: 'text',
        subject_text: 'Registre des bénéficiaires',
        office_id: officeId,
      },
    });
  const upload = (client: TestClient, id: string, filename: string, content: Buffer, question = 'security') =>
    client.request({
      method: 'POST',
      url: `/api/assessments/${id}/evidence?question_id=${question}`,
      ...multipartBody({ filename, contentType: 'application/pdf', content }),
    });

  it('runs an assessment: answers with 409 on a stale version, evidence, finding, review, complete, lock', async () => {
    const created = await start(admin);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const saved = await admin.request({
      method: 'PUT',
      url: `/api/assessments/${id}/answers`,
      payload: { version: 1, answers: { purpose: 'Aide en espèces', minimisation: 'yes' } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await admin.request({
      method: 'PUT',
      url: `/api/assessments/${id}/answers`,
      payload: { version: 1, answers: { purpose: 'Perdu' } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');

    const evidence = await upload(admin, id, 'policy.pdf', samplePdf('policy'));
    expect(evidence.statusCode, evidence.body).toBe(201);
    const { sha256 } = evidence.json() as { sha256: string };
    const finding = await admin.request({
      method: 'POST',
      url: `/api/assessments/${id}/findings`,
      payload: { title: 'No retention period', severity: 'high', question_id: 'retention' },
    });
    expect(finding.statusCode, finding.body).toBe(201);

    const review = await admin.request({
      method: 'PATCH',
      url: `/api/assessments/${id}`,
      payload: { version: 2, status: 'in_review' },
    });
    expect(review.statusCode, review.body).toBe(200);
    const done = await admin.request({
      method: 'POST',
      url: `/api/assessments/${id}/complete`,
      payload: { version: 3 },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', versions: [{ revision: 1 }] });
    const locked = await admin.request({
      method: 'PUT',
      url: `/api/assessments/${id}/answers`,
      payload: { version: 4, answers: { purpose: 'Changé' } },
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('locked');
    expect((await upload(admin, id, 'more.pdf', samplePdf('more'))).json().error.code).toBe('locked');

    const version = await admin.request({ method: 'GET', url: `/api/assessments/${id}/versions/1` });
    expect(version.json().answers.purpose).toBe('Aide en espèces');

    for (const url of [`/api/assessments/${id}/evidence/${sha256}`, `/api/files/${sha256}`]) {
      const file = await admin.request({ method: 'GET', url });
      expect(file.statusCode, file.body).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename="policy.pdf"/);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-security-policy']).toContain('sandbox');
      expect(file.rawPayload.equals(samplePdf('policy'))).toBe(true);
    }

    const docx = await admin.request({ method: 'GET', url: `/api/assessments/${id}/export.docx?lang=fr` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(
      /^attachment; filename="Evaluation-du-registre-r1.docx"/,
    );
    const xml = zipEntries(docx.rawPayload).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('Aide en espèces');
    expect(xml).toContain('No retention period');
    const pdf = await admin.request({
      method: 'GET',
      url: `/api/assessments/${id}/export.pdf?lang=es&revision=1`,
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfTextLines(pdf.rawPayload).join('\n')).toContain('¿Cuál es la finalidad del tratamiento?');
  });

  it('refuses evidence that is not what it claims (415) or too large (413)', async () => {
    const id = (await start(admin)).json().id as string;
    const html = await upload(
      admin,
      id,
      'invoice.pdf',
      Buffer.from('<html><script>alert(1)</script></html>'),
    );
    expect(html.statusCode).toBe(415);
    const exe = await upload(
      admin,
      id,
      'invoice.pdf',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)]),
    );
    expect(exe.statusCode).toBe(415);
    const big = await upload(admin, id, 'big.pdf', Buffer.concat([samplePdf(), Buffer.alloc(5000, 0x20)]));
    expect(big.statusCode).toBe(413);
    expect((await admin.request({ method: 'GET', url: `/api/assessments/${id}` })).json().evidence).toEqual(
      [],
    );
  });

  it('denies writes without assessment.write and hides other offices’ assessments and files', async () => {
    const senegal = await start(admin, world.offices.senegal.id);
    const id = senegal.json().id as string;
    const { sha256 } = (await upload(admin, id, 'senegal.pdf', samplePdf('senegal'))).json() as {
      sha256: string;
    };
    const viewer = await t.signIn('viewer', { offices: [world.offices.senegal.id, world.offices.kenya.id] });
    expect((await viewer.request({ method: 'GET', url: `/api/assessments/${id}` })).statusCode).toBe(200);
    const denied = await start(viewer);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('forbidden');
    const kenyan = await t.signIn('office_focal_point', { offices: [world.offices.kenya.id] });
    expect((await kenyan.request({ method: 'GET', url: `/api/assessments/${id}` })).statusCode).toBe(404);
    expect((await kenyan.request({ method: 'GET', url: `/api/files/${sha256}` })).statusCode).toBe(404);
    expect(
      (await kenyan.request({ method: 'GET', url: `/api/assessments/${id}/export.pdf` })).statusCode,
    ).toBe(404);
    const list = await kenyan.request({ method: 'GET', url: '/api/assessments' });
    expect(list.json().items.map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it('lets admins add templates as JSON or YAML, and no one else', async () => {
    const listed = await admin.request({ method: 'GET', url: '/api/assessment-templates' });
    expect(listed.json().items.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining(['dpia', 'ai-impact', 'data-sharing', 'ai-vendor']),
    );
    const l = (text: string) => ({ en: text, fr: text, es: text });
    const template = {
      id: 'site-visit',
      title: l('Site visit'),
      description: l('Checks during a site visit'),
      sections: [
        {
          id: 'main',
          title: l('Main'),
          questions: [{ id: 'locked_room', type: 'yes_no', text: l('Are files locked away?') }],
        },
      ],
    };
    const officer = await t.signIn('governance_officer');
    expect(
      (await officer.request({ method: 'POST', url: '/api/assessment-templates', payload: template }))
        .statusCode,
    ).toBe(403);
    const added = await admin.request({
      method: 'POST',
      url: '/api/assessment-templates',
      payload: template,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(
      (await admin.request({ method: 'POST', url: '/api/assessment-templates', payload: template }))
        .statusCode,
    ).toBe(409);
    const yaml = [
      'id: office-check',
      'title: { en: Office check, fr: Contrôle du bureau, es: Control de la oficina }',
      'description: { en: Quick, fr: Rapide, es: Rápido }',
      'sections:',
      '  - id: s',
      '    title: { en: S, fr: S, es: S }',
      '    questions:',
      '      - { id: q, type: scale, text: { en: Q, fr: Q, es: Q } }',
    ].join('\n');
    const uploaded = await admin.request({
      method: 'POST',
      url: '/api/assessment-templates/upload',
      ...multipartBody({
        filename: 'office-check.yaml',
        contentType: 'application/yaml',
        content: Buffer.from(yaml),
      }),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const broken = await admin.request({
      method: 'POST',
      url: '/api/assessment-templates/upload',
      ...multipartBody({
        filename: 'bad.yaml',
        contentType: 'application/yaml',
        content: Buffer.from('id: x\nsections: []\n'),
      }),
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details.issues.length).toBeGreaterThan(1);
    const started = await admin.request({
      method: 'POST',
      url: '/api/assessments',
      payload: {
        template_id: 'office-check',
        title: 'Check',
        subject_kind: 'text',
        subject_text: 'Dakar',
        office_id: world.offices.senegal.id,
      },
    });
    expect(started.statusCode, started.body).toBe(201);
    expect(
      (await admin.request({ method: 'DELETE', url: '/api/assessment-templates/dpia?version=1' })).statusCode,
    ).toBe(409);
    expect(
      (await admin.request({ method: 'DELETE', url: '/api/assessment-templates/site-visit?version=1' }))
        .statusCode,
    ).toBe(204);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await admin.request({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/api/assessments',
      '/api/assessments/{id}',
      '/api/assessments/{id}/answers',
      '/api/assessments/{id}/evidence',
      '/api/assessments/{id}/evidence/{sha256}',
      '/api/assessments/{id}/findings',
      '/api/assessments/{id}/complete',
      '/api/assessments/{id}/reopen',
      '/api/assessments/{id}/versions/{n}',
      '/api/assessments/{id}/export.docx',
      '/api/assessments/{id}/export.pdf',
      '/api/assessment-templates',
      '/api/files/{sha256}',
    ])
      expect(doc.paths, path).toHaveProperty([path]);
  });
});
