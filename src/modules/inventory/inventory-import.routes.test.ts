import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { csv, multipartBody } from '../org/testing/org-import.js';
import { INVENTORY_COLUMNS } from './inventory-import.spec.js';
import { addAsset, seedInventoryWorld, type InventoryWorld } from './testing/inventory-world.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachDialect('inventory import and export over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: InventoryWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedInventoryWorld(t.services, 'HI');
    await addAsset(t.services, {
      name: 'Open prices',
      asset_type: 'dataset',
      office_id: world.offices.kenya.id,
      sensitivity_label: 'Public',
      data_owner_id: world.staff.kenyaOwner.id,
      legal_basis: 'Public interest',
    });
    await addAsset(t.services, {
      name: 'Case files',
      asset_type: 'dataset',
      office_id: world.offices.kenya.id,
      sensitivity_label: 'Strictly Confidential',
    });
  });
  afterAll(async () => {
    await t.app.close();
  });

  const assetCount = async () =>
    Number(
      (
        await db()
          .kysely.selectFrom('assets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const upload = (client: TestClient, query: string, content: Buffer, filename = 'assets.csv') =>
    client.request({
      method: 'POST',
      url: `/api/assets/import${query}`,
      ...multipartBody({ filename, contentType: 'text/csv', content }),
    });
  const file = (...rows: string[][]) => csv([['name', 'asset_type', 'office_code'], ...rows]);

  it('checks an upload in a dry run, answers 422 with the problems for the real import, then imports the fixed file', async () => {
    const before = await assetCount();
    const bad = file(['One', 'dataset', 'KE-HI'], ['Two', 'spreadsheet', 'KE-HI']);
    const dry = await upload(admin, '?dry_run=true', bad);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({
      dry_run: true,
      rows: 2,
      created: 1,
      updated: 0,
      unchanged: 0,
      issues: [
        { row: 3, column: 'asset_type', message: expect.stringContaining('"spreadsheet" is not one of') },
      ],
    });
    const refused = await upload(admin, '', bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('import_invalid');
    expect(await assetCount()).toBe(before);

    const fixed = await upload(admin, '', file(['One', 'dataset', 'KE-HI'], ['Two', 'api', 'KE-HI']));
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ dry_run: false, created: 2 });
    expect(await assetCount()).toBe(before + 2);
  });

  it('refuses a viewer with 403, a non-spreadsheet with 415, a non-multipart body with 415', async () => {
    const viewer = await t.signIn('viewer', { offices: [world.offices.kenya.id] });
    expect((await upload(viewer, '?dry_run=true', file(['X', 'dataset', 'KE-HI']))).statusCode).toBe(403);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0x20)]);
    const notSheet = await upload(admin, '?dry_run=true', pdf, 'assets.xlsx');
    expect(notSheet.statusCode).toBe(415);
    const json = await admin.request({ method: 'POST', url: '/api/assets/import', payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
  });

  it('sends the template as an XLSX attachment whose header row is the column keys', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/assets/template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe('attachment; filename="custos-inventory-template.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Assets')!.getRow(1).values).toEqual([undefined, ...INVENTORY_COLUMNS]);
    expect(workbook.getWorksheet('Instructions')).toBeDefined();
  });

  it('exports XLSX and CSV that import back with no change; a scoped viewer exports only their offices', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const res = await admin.request({ method: 'GET', url: `/api/assets/export.${format}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="custos-inventory-2026-11-30.${format}"`,
      );
      const count = await assetCount();
      const back = await upload(admin, '', res.rawPayload, `export.${format}`);
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ created: 0, updated: 0, unchanged: count, issues: [] });
    }
    const viewer = await t.signIn('viewer', { offices: [world.offices.ethiopia.id] });
    const scoped = await viewer.request({ method: 'GET', url: '/api/assets/export.csv' });
    expect(scoped.statusCode).toBe(200);
    expect(scoped.body.split('\r\n')[0]).toBe(`\uFEFF${INVENTORY_COLUMNS.join(',')}`);
    expect(scoped.body).not.toContain('Open prices');
  });

  it('publishes only public metadata as DCAT JSON-LD', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/assets/dcat.jsonld' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const titles = (res.json()['dcat:dataset'] as { 'dct:title': string }[]).map((d) => d['dct:title']);
    expect(titles).toContain('Open prices');
    expect(titles).not.toContain('Case files');
    expect(res.body).not.toContain(world.staff.kenyaOwner.email);
    expect(res.body).not.toContain('Public interest');
  });

  describe('OpenAPI', () => {
    it('documents the upload as multipart and the downloads by content type', async () => {
      const paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
      expect(paths['/api/assets/import'].post.requestBody.content['multipart/form-data']).toBeDefined();
      expect(Object.keys(paths['/api/assets/export.csv'].get.responses['200'].content)).toEqual([
        'text/csv; charset=utf-8',
      ]);
      expect(paths['/api/assets/template.xlsx'].get.responses['200'].content[XLSX]).toBeDefined();
    });
  });
});

describeEachDialect('inventory import upload limit', ({ db }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(db(), { uploadLimitBytes: 2048 });
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('refuses a file larger than the upload limit with 413', async () => {
    const admin = await t.signIn('admin');
    const big = csv([
      ['name', 'asset_type', 'office_code'],
      ...Array.from({ length: 200 }, (_, i) => [`Asset ${i}`, 'dataset', 'NOPE']),
    ]);
    const res = await admin.request({
      method: 'POST',
      url: '/api/assets/import?dry_run=true',
      ...multipartBody({ filename: 'big.csv', contentType: 'text/csv', content: big }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });
});
