import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { samplePdf } from '../files/testing/sample-files.js';
import { multipartBody } from '../org/testing/org-import.js';
import { seedOrgWorld, type OrgWorld } from '../org/testing/org-world.js';

describeEachDialect('AI system documents over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db(), { fileLimitBytes: 4096 });
    admin = await t.signIn('admin');
    world = await seedOrgWorld(t.services, 'ADH');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const system = async (name: string, officeId = world.offices.kenya.id) =>
    (
      await admin.request({ method: 'POST', url: '/api/ai-systems', payload: { name, office_id: officeId } })
    ).json().id as string;
  const upload = (client: TestClient, id: string, kind: string, filename: string, content: Buffer) =>
    client.request({
      method: 'POST',
      url: `/api/ai-systems/${id}/documents?kind=${kind}`,
      ...multipartBody({ filename, contentType: 'application/pdf', content }),
    });

  it('uploads, lists, downloads (as an attachment) and removes a document', async () => {
    const id = await system('HTTP docs system');
    const posted = await upload(admin, id, 'vendor_terms', 'terms.pdf', samplePdf('terms'));
    expect(posted.statusCode, posted.body).toBe(201);
    const doc = posted.json() as { id: string; sha256: string; kind: string; type: string };
    expect(doc).toMatchObject({ kind: 'vendor_terms', type: 'application/pdf' });

    const list = await admin.request({ method: 'GET', url: `/api/ai-systems/${id}/documents` });
    expect(list.json()).toEqual([expect.objectContaining({ id: doc.id, name: 'terms.pdf' })]);

    for (const url of [`/api/ai-systems/${id}/documents/${doc.sha256}`, `/api/files/${doc.sha256}`]) {
      const file = await admin.request({ method: 'GET', url });
      expect(file.statusCode, file.body).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename="terms.pdf"/);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.rawPayload.equals(samplePdf('terms'))).toBe(true);
    }

    const again = await upload(admin, id, 'other', 'copy.pdf', samplePdf('terms'));
    expect(again.statusCode).toBe(409);
    const removed = await admin.request({
      method: 'DELETE',
      url: `/api/ai-systems/${id}/documents/${doc.id}`,
    });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await admin.request({ method: 'GET', url: `/api/ai-systems/${id}/documents` })).json()).toEqual(
      [],
    );
    const gone = await admin.request({ method: 'GET', url: `/api/ai-systems/${id}/documents/${doc.sha256}` });
    expect(gone.statusCode).toBe(404);
  });

  it('refuses a bad kind (400), a bad type (415), a large file (413); denies and hides as the scope says', async () => {
    const id = await system('HTTP guarded system');
    expect((await upload(admin, id, 'contract', 'x.pdf', samplePdf())).statusCode).toBe(400);
    const html = await upload(admin, id, 'other', 'x.pdf', Buffer.from('<html><script>1</script></html>'));
    expect(html.statusCode).toBe(415);
    const big = await upload(
      admin,
      id,
      'other',
      'big.pdf',
      Buffer.concat([samplePdf(), Buffer.alloc(5000, 32)]),
    );
    expect(big.statusCode).toBe(413);

    const doc = (await upload(admin, id, 'evaluation', 'eval.pdf', samplePdf('eval'))).json() as {
      id: string;
      sha256: string;
    };
    const viewer = await t.signIn('viewer', { offices: [world.offices.kenya.id] });
    expect((await viewer.request({ method: 'GET', url: `/api/ai-systems/${id}/documents` })).statusCode).toBe(
      200,
    );
    expect((await upload(viewer, id, 'other', 'v.pdf', samplePdf('v'))).statusCode).toBe(403);
    expect(
      (await viewer.request({ method: 'DELETE', url: `/api/ai-systems/${id}/documents/${doc.id}` }))
        .statusCode,
    ).toBe(403);

    const elsewhere = await t.signIn('office_focal_point', { offices: [world.offices.senegal.id] });
    for (const url of [
      `/api/ai-systems/${id}/documents`,
      `/api/ai-systems/${id}/documents/${doc.sha256}`,
      `/api/files/${doc.sha256}`,
    ])
      expect((await elsewhere.request({ method: 'GET', url })).statusCode, url).toBe(404);
    expect((await upload(elsewhere, id, 'other', 'e.pdf', samplePdf('e'))).statusCode).toBe(404);
    expect(
      (await admin.request({ method: 'GET', url: `/api/ai-systems/${id}/documents` })).json(),
    ).toHaveLength(1);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await admin.request({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/ai-systems/{id}/documents'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(doc.paths).toHaveProperty(['/api/ai-systems/{id}/documents/{sha256}', 'get']);
    expect(doc.paths).toHaveProperty(['/api/ai-systems/{id}/documents/{attachmentId}', 'delete']);
  });
});
