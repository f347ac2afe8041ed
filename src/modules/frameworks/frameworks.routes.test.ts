import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import type {
  Crosswalk,
  FrameworkDetail,
  FrameworkSummary,
  RequirementNode,
  ThemeView,
} from './frameworks.schema.js';
import { readWorkbook } from './testing/workbook.js';
import { wordText, zipEntries } from './testing/zip-entries.js';

function findNode(nodes: readonly RequirementNode[], id: string): RequirementNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

describeEachDialect('frameworks over HTTP', ({ db }) => {
  let t: TestApp;
  let viewer: TestClient;

  beforeAll(async () => {
    t = await createTestApp(db());
    viewer = await t.signIn('viewer');
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('lists the frameworks with their sources and dates to any signed-in reader', async () => {
    const res = await viewer.request({ method: 'GET', url: '/api/frameworks' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as FrameworkSummary[];
    expect(items).toHaveLength(10);
    expect(items.find((f) => f.id === 'gdpr')).toMatchObject({
      short_title: 'GDPR',
      kind: 'law',
      date: '2016-04-27',
      source_url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
    });
  });

  it('asks anonymous callers to sign in', async () => {
    for (const url of [
      '/api/frameworks',
      '/api/frameworks/gdpr',
      '/api/frameworks/themes',
      '/api/frameworks/crosswalk?frameworks=gdpr',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('gives a framework with its requirements as a tree', async () => {
    const res = await viewer.request({ method: 'GET', url: '/api/frameworks/nist-ai-rmf' });
    expect(res.statusCode, res.body).toBe(200);
    const framework = res.json() as FrameworkDetail;
    expect(framework.requirements.map((n) => n.reference)).toEqual(['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
    const measure2 = findNode(framework.requirements, 'nist-ai-rmf.measure-2');
    expect(measure2).toMatchObject({ parent: 'nist-ai-rmf.measure', group: false });
    expect(measure2?.children.map((n) => n.reference)).toContain('MEASURE 2.10');
    expect(findNode(framework.requirements, 'nist-ai-rmf.measure-2.10')?.themes).toEqual([
      'privacy_data_protection',
    ]);
  });

  it('answers 404 for a framework that is not in the library', async () => {
    const res = await viewer.request({ method: 'GET', url: '/api/frameworks/ccpa' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found', message: 'framework ccpa was not found' });
  });

  it('lists the themes in the language asked, English by default', async () => {
    const fr = await viewer.request({ method: 'GET', url: '/api/frameworks/themes?lang=fr' });
    expect(fr.statusCode, fr.body).toBe(200);
    const themes = fr.json().items as ThemeView[];
    expect(themes).toHaveLength(13);
    expect(themes.find((th) => th.id === 'redress')).toMatchObject({ label: 'Recours' });
    for (const theme of themes) expect(theme.framework_count, theme.id).toBeGreaterThanOrEqual(3);
    const es = await viewer.request({ method: 'GET', url: '/api/frameworks/themes?lang=es' });
    expect((es.json().items as ThemeView[])[0]?.label).toBe('Transparencia');
    const en = await viewer.request({ method: 'GET', url: '/api/frameworks/themes' });
    expect((en.json().items as ThemeView[])[0]?.label).toBe('Transparency');
  });

  it('refuses a language it does not have', async () => {
    const res = await viewer.request({ method: 'GET', url: '/api/frameworks/themes?lang=de' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('compares frameworks theme by theme as JSON', async () => {
    const res = await viewer.request({
      method: 'GET',
      url: '/api/frameworks/crosswalk?frameworks=eu-ai-act,gdpr&themes=human_oversight,retention',
    });
    expect(res.statusCode, res.body).toBe(200);
    const table = res.json() as Crosswalk;
    expect(table.frameworks.map((f) => f.id)).toEqual(['eu-ai-act', 'gdpr']);
    expect(table.rows.map((r) => r.theme.id)).toEqual(['human_oversight', 'retention']);
    const oversight = table.rows[0]?.cells.map((c) => c.requirements.map((r) => r.reference));
    expect(oversight?.[0]).toContain('Art. 14');
    expect(oversight?.[1]).toContain('Art. 22');
  });

  it('refuses unknown framework and theme ids with 400 naming them', async () => {
    const res = await viewer.request({
      method: 'GET',
      url: '/api/frameworks/crosswalk?frameworks=gdpr,ccpa&themes=retention,openness',
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('unknown framework "ccpa"');
    expect(error.message).toContain('unknown theme "openness"');
  });

  it('refuses a crosswalk without frameworks, an unknown format and an unknown parameter', async () => {
    for (const query of ['', 'frameworks=', 'frameworks=gdpr&format=pdf', 'frameworks=gdpr&colour=red']) {
      const res = await viewer.request({ method: 'GET', url: `/api/frameworks/crosswalk?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe('validation_failed');
    }
  });

  it('downloads the crosswalk as XLSX, Markdown and a DOCX brief with a file name', async () => {
    const base = '/api/frameworks/crosswalk?frameworks=gdpr,un-personal-data-principles&themes=retention';
    const xlsx = await viewer.request({ method: 'GET', url: `${base}&format=xlsx` });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="crosswalk-2026-11-30.xlsx"');
    const workbook = await readWorkbook(xlsx.rawPayload);
    expect(workbook.getWorksheet('Crosswalk')?.getRow(2).getCell(3).value).toBe('Principle 4 — Retention');

    const md = await viewer.request({ method: 'GET', url: `${base}&format=md` });
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.headers['content-disposition']).toBe('attachment; filename="crosswalk-2026-11-30.md"');
    expect(md.body).toContain('| Retention |');

    const docx = await viewer.request({ method: 'GET', url: `${base}&format=docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toBe('attachment; filename="crosswalk-2026-11-30.docx"');
    const text = wordText(zipEntries(docx.rawPayload).get('word/document.xml')?.toString('utf8') ?? '');
    expect(text).toContain('Crosswalk: GDPR and UN Personal Data Protection and Privacy Principles');
    expect(text).toContain('Principle 4 — Retention');
  });

  it('documents the four routes in the OpenAPI description', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths).filter((p: string) => p.startsWith('/api/frameworks'))).toEqual([
      '/api/frameworks',
      '/api/frameworks/themes',
      '/api/frameworks/crosswalk',
      '/api/frameworks/{id}',
    ]);
  });

  it('serves a read-only API token, since reading the library changes nothing', async () => {
    const created = await viewer.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'frameworks reader', read_only: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/frameworks/crosswalk?frameworks=oecd-ai-principles&themes=literacy',
      headers: { authorization: `Bearer ${created.json().token as string}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Crosswalk).rows[0]?.cells[0]?.requirements.map((r) => r.reference)).toEqual([
      'Recommendation 2.4',
    ]);
  });
});
