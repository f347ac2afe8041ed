import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { multipartBody } from '../org/testing/org-import.js';
import { gzip, TEST_KEY } from './testing/fixtures.js';
import { HAND_LOG } from './testing/usage-log.js';

const PERIOD = 'from=2026-11-23&to=2026-12-01';

describeEachDialect('AI usage over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let officer: TestClient;
  let auditor: TestClient;
  let viewer: TestClient;

  beforeAll(async () => {
    t = await createTestApp(db(), { usageKey: TEST_KEY, uploadLimitBytes: 64 * 1024 });
    admin = await t.signIn('admin');
    officer = await t.signIn('governance_officer');
    auditor = await t.signIn('auditor');
    viewer = await t.signIn('viewer');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const raw = (client: TestClient, payload: Buffer | string, query = '') =>
    client.request({
      method: 'POST',
      url: `/api/usage/ingest${query}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload,
    });

  it('ingests a multipart upload, then the same log as a raw gzip body changes nothing', async () => {
    const first = await officer.request({
      method: 'POST',
      url: '/api/usage/ingest',
      ...multipartBody({ filename: 'proxy.csv', contentType: 'text/csv', content: Buffer.from(HAND_LOG) }),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ file: 'proxy.csv', status: 'ingested', events: 8, malformed: 1 });
    const again = await raw(admin, gzip(HAND_LOG), '?name=proxy.csv.gz');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      status: 'already_ingested',
      file_id: first.json<{ file_id: string }>().file_id,
    });
    const files = await auditor.request({ method: 'GET', url: '/api/usage/files' });
    expect(files.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('answers 400 for a truncated gzip, 415 for an unknown format, 413 over the size limit', async () => {
    const big = gzip(HAND_LOG.repeat(20));
    expect((await raw(admin, big.subarray(0, big.length - 30))).statusCode).toBe(400);
    expect((await raw(admin, 'hello\nworld\n')).statusCode).toBe(415);
    const huge = await raw(
      admin,
      `${HAND_LOG}\n${'2026-11-23T09:00:00Z,u1,example.org,1,1,A,B\n'.repeat(2000)}`,
    );
    expect(huge.statusCode).toBe(413);
    const files = await admin.request({ method: 'GET', url: '/api/usage/files' });
    expect(files.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('gives the report with exact counts, or "<5" when shared with suppress=true', async () => {
    const exact = await auditor.request({ method: 'GET', url: `/api/usage/report?${PERIOD}` });
    expect(exact.statusCode, exact.body).toBe(200);
    const body = exact.json<{
      totals: unknown;
      apps: { app_id: string; users: unknown }[];
      summary: string;
    }>();
    expect(body.totals).toEqual({ events: 8, ai_events: 7, ai_users: 4 });
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['period', 'totals', 'apps', 'departments', 'new_apps', 'summary']),
    );
    expect(body.apps[0]).toMatchObject({ app_id: 'chatgpt', users: 3 });
    const shared = await auditor.request({
      method: 'GET',
      url: `/api/usage/report?${PERIOD}&suppress=true&lang=fr`,
    });
    expect(shared.json()).toMatchObject({
      totals: { ai_users: '<5' },
      summary: expect.stringMatching(/^Du /),
    });
    const bad = await auditor.request({
      method: 'GET',
      url: '/api/usage/report?from=2026-12-01&to=2026-11-01',
    });
    expect(bad.statusCode).toBe(400);
    const long = await auditor.request({
      method: 'GET',
      url: '/api/usage/report?from=2020-01-01&to=2026-01-01',
    });
    expect(long.statusCode).toBe(400);
  });

  it('exports the report as XLSX with small cells suppressed by default', async () => {
    const response = await auditor.request({ method: 'GET', url: `/api/usage/report.xlsx?${PERIOD}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(
      'custos-ai-usage-2026-11-23-to-2026-12-01.xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Apps',
      'Departments',
      'New apps',
      'Weekly',
    ]);
    const apps = workbook.getWorksheet('Apps')!;
    expect(apps.getRow(2).getCell(1).value).toBe('ChatGPT');
    expect(apps.getRow(2).getCell(5).value).toBe('not reviewed');
    expect(apps.getRow(2).getCell(7).value).toBe(5);
    expect(apps.getRow(2).getCell(8).value).toBe('<5');
  });

  it('lets admins set an app’s status (409 when stale) and add custom apps; others may not', async () => {
    const put = (client: TestClient, payload: object) =>
      client.request({ method: 'PUT', url: '/api/usage/apps/chatgpt', payload });
    const done = await put(admin, { version: 0, status: 'unapproved', note: 'Use the enterprise tenant' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'unapproved',
      version: 1,
      note: 'Use the enterprise tenant',
    });
    expect((await put(admin, { version: 0, status: 'approved' })).statusCode).toBe(409);
    expect((await put(officer, { version: 1, status: 'approved' })).statusCode).toBe(403);
    expect((await put(admin, { version: 1, status: 'maybe' })).statusCode).toBe(400);
    const missing = await admin.request({
      method: 'PUT',
      url: '/api/usage/apps/nope',
      payload: { version: 0 },
    });
    expect(missing.statusCode).toBe(404);
    const created = await admin.request({
      method: 'POST',
      url: '/api/usage/apps',
      payload: {
        id: 'intranet-bot',
        name: 'Intranet bot',
        vendor: 'In-house',
        category: 'chat_assistant',
        domains: ['bot.intranet.example'],
        attributes: {
          trains_on_inputs_by_default: 'no',
          enterprise_no_training_tier: 'yes',
          data_location: 'eu',
          account_required: 'yes',
          retention: 'fixed_period',
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = await auditor.request({ method: 'GET', url: '/api/usage/apps' });
    const items = list.json<{ items: { id: string; status: string }[] }>().items;
    expect(items.find((a) => a.id === 'intranet-bot')).toMatchObject({ status: 'not_reviewed' });
    expect(items.find((a) => a.id === 'chatgpt')).toMatchObject({
      status: 'unapproved',
      status_source: 'catalogue_page',
      status_system: null,
    });
  });

  it('shows the alerts and their settings, evaluates on demand, and keeps the settings to admins (409 when stale)', async () => {
    const settings = await auditor.request({ method: 'GET', url: '/api/usage/alert-settings' });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({ min_users: 10, upload_threshold_mib: 50, version: 0 });
    const put = (client: TestClient, payload: object) =>
      client.request({ method: 'PUT', url: '/api/usage/alert-settings', payload });
    const saved = await put(admin, { version: 0, min_users: 4, upload_threshold_mib: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ min_users: 4, version: 1, updated_by: expect.any(String) });
    expect((await put(admin, { version: 0, min_users: 5 })).statusCode).toBe(409);
    expect((await put(officer, { version: 1, min_users: 5 })).statusCode).toBe(403);
    const bad = await put(admin, { version: 1, min_users: 2, window_days: 0 });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/at least 4/);

    // The hand log has no alert at these settings (3 ChatGPT users at most in a department).
    const run = await officer.request({ method: 'POST', url: '/api/usage/alerts/evaluate' });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({
      period: { from: '2026-11-01', to: '2026-11-30' }, // the test clock's today: the last stored day is later
      alerts: 0,
      actions: { opened: 0, closed: 0 },
    });
    const alerts = await auditor.request({ method: 'GET', url: '/api/usage/alerts?suppress=true' });
    expect(alerts.statusCode, alerts.body).toBe(200);
    expect(alerts.json()).toMatchObject({ alerts: [], suppressed: true, settings: { version: 1 } });
    expect((await auditor.request({ method: 'POST', url: '/api/usage/alerts/evaluate' })).statusCode).toBe(
      403,
    );
    expect(
      (await auditor.request({ method: 'GET', url: '/api/usage/alerts?suppress=maybe' })).statusCode,
    ).toBe(400);
  });

  it('refuses viewers everything and auditors the ingestion', async () => {
    for (const url of [
      '/api/usage/files',
      `/api/usage/report?${PERIOD}`,
      '/api/usage/apps',
      '/api/usage/alerts',
      '/api/usage/alert-settings',
    ])
      expect((await viewer.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await raw(auditor, HAND_LOG)).statusCode).toBe(403);
  });
});
