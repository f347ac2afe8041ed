import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import type { Page } from '../../core/pagination.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import type { Asset } from '../inventory/asset.schema.js';
import { addAsset, seedInventoryWorld, type InventoryWorld } from '../inventory/testing/inventory-world.js';
import { csv, multipartBody } from '../org/testing/org-import.js';
import type { ScanDetail, ScanSummary } from './sensitive-data.schema.js';
import { syntheticReport } from './synthetic-reports.js';
import { fakeScanner } from './testing/fake-scanner.js';

const UPLOAD_LIMIT = 64 * 1024;

const listing = csv([
  ['resource', 'principal', 'principal_type', 'access_level'],
  ['/sites/ke/registration.xlsx', 'Anyone with the link', 'anonymous_link', 'View'],
  ['/sites/ke/registration.xlsx', 'Everyone except external users', 'everyone', 'Edit'],
  ['/sites/ke/registration.xlsx', 'amina@example.org', 'user', 'Edit'],
]);

/** 40 survey records: age bands × sex × district, with a few unique combinations. */
const microdata = csv([
  ['age', 'sex', 'district', 'income'],
  ...Array.from({ length: 36 }, (_, i) => [
    String(20 + (i % 3) * 10),
    i % 2 ? 'F' : 'M',
    'Nairobi',
    String(i * 10),
  ]),
  ['87', 'F', 'Turkana', '5'],
  ['91', 'M', 'Marsabit', '8'],
  ['19', 'F', 'Lamu', '9'],
  ['66', 'M', 'Wajir', '4'],
]);

describeEachDialect('sensitive data over HTTP', ({ db, dialect }) => {
  let t: TestApp;
  let admin: TestClient;
  let officer: TestClient;
  let viewer: TestClient;
  let world: InventoryWorld;
  let asset: Asset;

  beforeAll(async () => {
    t = await createTestApp(db(), { uploadLimitBytes: UPLOAD_LIMIT });
    t.services.scans.useScanner(fakeScanner());
    world = await seedInventoryWorld(t.services, 'SD');
    admin = await t.signIn('admin');
    officer = await t.signIn('office_focal_point', { offices: [world.offices.kenya.id] });
    viewer = await t.signIn('viewer');
    asset = await addAsset(t.services, {
      name: 'Registration Kenya',
      asset_type: 'dataset',
      office_id: world.offices.kenya.id,
      data_custodian_id: world.staff.custodianA.id,
      sensitivity_label: 'Confidential',
    });
  });
  afterAll(async () => {
    await t.app.close();
  });

  const file = (filename: string, content: Buffer = Buffer.from('nombre,telefono\nAna,+573001234567\n')) => ({
    filename,
    contentType: 'text/csv',
    content,
  });
  const startScan = async (client: TestClient, names: string[]) => {
    const res = await client.request({
      method: 'POST',
      url: `/api/scans?office_id=${world.offices.kenya.id}&sample=500`,
      ...multipartBody(names.map((n) => file(n))),
    });
    expect(res.statusCode, res.body).toBe(202);
    await t.services.jobRunner.idle();
    return res.json() as { scan_id: string; job_id: string };
  };

  it('scans uploaded files as a job and shows datasets, columns and masked evidence', async () => {
    const { scan_id, job_id } = await startScan(officer, ['registro.csv', 'cases.csv']);
    const job = await officer.request({ method: 'GET', url: `/api/jobs/${job_id}` });
    expect(job.json()).toMatchObject({ status: 'succeeded', kind: 'scan' });
    const scan = (
      await officer.request({ method: 'GET', url: `/api/scans/${scan_id}` })
    ).json() as ScanDetail;
    expect(scan).toMatchObject({
      status: 'succeeded',
      dataset_count: 2,
      sampling: { kind: 'sample', size: 500 },
    });
    expect(scan.datasets.map((d) => d.proposal.label)).toEqual(['Confidential', 'Strictly Confidential']);
    const list = await officer.request({ method: 'GET', url: '/api/scans' });
    expect((list.json() as Page<ScanSummary>).items.map((s) => s.id)).toContain(scan_id);
    // Someone else's job stays theirs; the scan's readers see it through the scan.
    expect((await viewer.request({ method: 'GET', url: `/api/jobs/${job_id}` })).statusCode).toBe(404);
    const cancel = await officer.request({ method: 'POST', url: `/api/jobs/${job_id}/cancel` });
    expect(cancel.statusCode).toBe(409);
  });

  it('refuses bad scan uploads with clear errors', async () => {
    const notMultipart = await officer.request({ method: 'POST', url: '/api/scans', payload: { file: 'x' } });
    expect(notMultipart.statusCode).toBe(415);
    const noFile = await officer.request({
      method: 'POST',
      url: `/api/scans?office_id=${world.offices.kenya.id}`,
      ...multipartBody(null, { note: 'no file' }),
    });
    expect(noFile.statusCode).toBe(400);
    const tooBig = await officer.request({
      method: 'POST',
      url: `/api/scans?office_id=${world.offices.kenya.id}`,
      ...multipartBody(file('big.csv', Buffer.alloc(UPLOAD_LIMIT + 10, 'a'))),
    });
    expect(tooBig.statusCode).toBe(413);
    const denied = await viewer.request({
      method: 'POST',
      url: '/api/scans',
      ...multipartBody(file('x.csv')),
    });
    expect(denied.statusCode).toBe(403);
    const badSample = await officer.request({
      method: 'POST',
      url: '/api/scans?sample=0',
      ...multipartBody(file('x.csv')),
    });
    expect(badSample.statusCode).toBe(400);
    const database = await officer.request({
      method: 'POST',
      url: '/api/scans/database',
      payload: { database_url: 'postgres://u:p@h/db' },
    });
    expect(database.statusCode).toBe(403);
  });

  it('confirms a label into an asset, asks a justification to override, and answers 409 when stale', async () => {
    const { scan_id } = await startScan(officer, ['registro.csv']);
    const url = `/api/scans/${scan_id}/datasets/1/label`;
    const override = await officer.request({
      method: 'POST',
      url,
      payload: { label: 'Internal', version: 1 },
    });
    expect(override.statusCode).toBe(400);
    expect(override.json().error.details.issues[0].path).toBe('justification');
    const ok = await officer.request({
      method: 'POST',
      url,
      payload: { label: 'Confidential', version: 1, asset_id: asset.id, asset_version: asset.version },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      decision: { label: 'Confidential', change: 'as_proposed' },
      version: 2,
    });
    const stale = await officer.request({
      method: 'POST',
      url,
      payload: { label: 'Confidential', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await viewer.request({ method: 'POST', url, payload: { label: 'Confidential', version: 2 } }))
        .statusCode,
    ).toBe(403);
  });

  it('checks a permission listing against a label, and against an asset as actions for its custodian', async () => {
    const byLabel = await officer.request({
      method: 'POST',
      url: '/api/access/check?label=strictly%20confidential',
      ...multipartBody(file('sharing.csv', listing)),
    });
    expect(byLabel.statusCode, byLabel.body).toBe(200);
    expect(byLabel.json()).toMatchObject({
      label: 'Strictly Confidential',
      rows: 3,
      asset: null,
      actions: null,
    });
    const forAsset = async () =>
      officer.request({
        method: 'POST',
        url: `/api/access/check?asset_id=${asset.id}`,
        ...multipartBody(file('sharing.csv', listing)),
      });
    const first = await forAsset();
    expect(first.statusCode, first.body).toBe(200);
    const violations = first.json().violations as { severity: string; principal_type: string }[];
    expect(violations.map((v) => `${v.severity}:${v.principal_type}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/:anonymous_link$/),
        expect.stringMatching(/:everyone$/),
      ]),
    );
    expect(first.json().actions).toEqual({ opened: violations.length, kept: 0, closed: 0 });
    expect((await forAsset()).json().actions).toEqual({ opened: 0, kept: violations.length, closed: 0 });
    const actions = await admin.request({
      method: 'GET',
      url: `/api/actions?source=access&subject=${asset.id}`,
    });
    const items = actions.json().items as { assignee_person_id: string; code_title: { fr: string } }[];
    expect(items).toHaveLength(violations.length);
    expect(items[0]).toMatchObject({ assignee_person_id: world.staff.custodianA.id });
    expect(items[0]!.code_title.fr).toBeTruthy();
  });

  it('refuses bad access checks', async () => {
    const upload = (query: string, content = listing, client = officer) =>
      client.request({
        method: 'POST',
        url: `/api/access/check${query}`,
        ...multipartBody(file('l.csv', content)),
      });
    expect((await upload('?label=Secret')).statusCode).toBe(400);
    expect((await upload('')).statusCode).toBe(400);
    expect((await upload('?label=Internal', csv([['resource'], ['x']]))).statusCode).toBe(422);
    const senegal = await addAsset(t.services, {
      name: 'Senegal list',
      asset_type: 'dataset',
      office_id: world.offices.senegal.id,
      sensitivity_label: 'Confidential',
    });
    expect((await upload(`?asset_id=${senegal.id}`)).statusCode).toBe(404);
    expect((await upload('?label=Internal', listing, viewer)).statusCode).toBe(403);
  });

  it('measures the disclosure risk of an uploaded microdata file', async () => {
    const res = await officer.request({
      method: 'POST',
      url: '/api/disclosure?qi=age,sex,district&sensitive=income',
      ...multipartBody(file('survey.csv', microdata)),
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({
      columns: ['age', 'sex', 'district', 'income'],
      records: 40,
      quasi_identifiers: ['age', 'sex', 'district'],
      suggested_quasi_identifiers: false,
      sample_uniques: 4,
      threshold: 0.03,
    });
    expect(report.above_threshold).toBe(true);
    const suggested = await officer.request({
      method: 'POST',
      url: '/api/disclosure',
      ...multipartBody(file('survey.csv', microdata)),
    });
    expect(suggested.json().suggested_quasi_identifiers).toBe(true);
    const unknown = await officer.request({
      method: 'POST',
      url: '/api/disclosure?qi=age,camp',
      ...multipartBody(file('survey.csv', microdata)),
    });
    expect(unknown.statusCode).toBe(400);
    const binary = await officer.request({
      method: 'POST',
      url: '/api/disclosure',
      ...multipartBody(file('survey.csv', Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]))),
    });
    expect(binary.statusCode).toBe(415);
    expect(
      (
        await viewer.request({
          method: 'POST',
          url: '/api/disclosure',
          ...multipartBody(file('s.csv', microdata)),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('documents the sensitive-data routes in the OpenAPI document', async () => {
    const doc = (await admin.request({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const route of [
      '/api/scans',
      '/api/scans/{id}',
      '/api/scans/{id}/datasets/{n}/label',
      '/api/access/check',
      '/api/access/grants',
      '/api/disclosure',
      '/api/jobs',
      '/api/jobs/{id}/cancel',
    ])
      expect(Object.keys(doc.paths)).toContain(route);
    const list = doc.paths['/api/scans'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['office_id', 'limit', 'cursor']),
    );
    expect(Object.keys(list.responses['200'].content['application/json'].schema.properties)).toEqual([
      'items',
      'next_cursor',
    ]);
  });

  it('pages the scans newest first, in the reader’s offices only, and refuses a bad cursor', async () => {
    const ethiopia = world.offices.ethiopia.id;
    const store = async (officeId: string) =>
      (
        await t.services.scans.importReport(
          { actor: systemActor('test'), requestId: null },
          { sources: [{ kind: 'file', name: 'p.csv' }], office_id: officeId, sampling: { kind: 'full' } },
          syntheticReport(['p.csv'], t.services.scans.policy()),
        )
      ).scan_id;
    const stored = [await store(ethiopia), await store(world.offices.senegal.id)];
    t.clock.advance(60_000);
    stored.push(await store(ethiopia), await store(ethiopia));
    const reader = await t.signIn('office_focal_point', { offices: [ethiopia] });
    const pages: Page<ScanSummary>[] = [];
    let cursor: string | null = null;
    do {
      const res = await reader.request({
        method: 'GET',
        url: `/api/scans?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      pages.push(res.json() as Page<ScanSummary>);
      cursor = pages.at(-1)!.next_cursor;
    } while (cursor !== null);
    expect(pages.map((p) => p.items.map((s) => s.id))).toEqual([[stored[3], stored[2]], [stored[0]]]);

    const forged = Buffer.from(JSON.stringify({ v: { at: 1 }, id: 'x' })).toString('base64url');
    for (const query of ['cursor=nonsense', `cursor=${forged}`, 'limit=0', 'limit=501']) {
      const bad = await reader.request({ method: 'GET', url: `/api/scans?${query}` });
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().error.code).toBe('validation_failed');
    }
    expect((await viewer.request({ method: 'GET', url: '/api/scans' })).statusCode).toBe(403);
  });

  it('reads PostgreSQL grants, PUBLIC included, for administrators only', async () => {
    const denied = await officer.request({
      method: 'POST',
      url: '/api/access/grants',
      payload: { database_url: 'postgres://u:p@h/db', label: 'Confidential' },
    });
    expect(denied.statusCode).toBe(403);
    const pgUrl = inject('pgUrl');
    if (dialect !== 'postgres' || !pgUrl) return;
    const schema = `grants_${Date.now().toString(36)}`;
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query(
        `create schema ${schema}; create table ${schema}.people (id int); grant select on ${schema}.people to public`,
      );
      const res = await admin.request({
        method: 'POST',
        url: '/api/access/grants',
        payload: { database_url: pgUrl, label: 'Confidential' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as {
        source: string;
        rows: { resource: string; principal: string; principal_type: string; access_level: string }[];
        violations: { principal_type: string; resource: string }[];
      };
      expect(body.source).not.toMatch(/:[^@/]*@/);
      const mine = body.rows.filter((r) => r.resource.endsWith(`/${schema}.people`));
      expect(mine).toContainEqual(
        expect.objectContaining({ principal: 'PUBLIC', principal_type: 'everyone', access_level: 'SELECT' }),
      );
      expect(
        body.violations.some(
          (v) => v.principal_type === 'everyone' && v.resource.endsWith(`/${schema}.people`),
        ),
      ).toBe(true);
    } finally {
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  });
});
