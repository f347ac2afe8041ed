import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { counts, csv, multipartBody, PEOPLE_HEADERS } from './testing/org-import.js';
import { seedOrgWorld, type OrgWorld } from './testing/org-world.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachDialect('organisation import and export over HTTP', ({ db }) => {
  let t: TestApp;
  let admin: TestClient;
  let world: OrgWorld;

  beforeAll(async () => {
    t = await createTestApp(db());
    admin = await t.signIn('admin');
    world = await seedOrgWorld(t.services, 'HT');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const upload = (client: TestClient, query: string, content: Buffer, filename = 'people.csv') =>
    client.request({
      method: 'POST',
      url: `/api/org/import?${query}`,
      ...multipartBody({ filename, contentType: 'text/csv', content }),
    });

  const peopleFile = (...rows: string[][]) => csv([['E-mail', 'Full name', 'Office code'], ...rows]);

  it('checks a CSV upload in a dry run, then imports it', async () => {
    const file = peopleFile(
      ['one.http@example.org', 'One Http', 'KE-HT'],
      ['two.http@example.org', 'Two', 'ET-HT'],
    );
    const before = await counts(db());
    const dry = await upload(admin, 'kind=people&dry_run=true', file);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({
      kind: 'people',
      dry_run: true,
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      issues: [],
    });
    expect(await counts(db())).toEqual(before);

    const real = await upload(admin, 'kind=people', file);
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json()).toMatchObject({ dry_run: false, created: 2 });
    expect(await counts(db())).toMatchObject({ people: before.people + 2, audit: before.audit + 2 });
  });

  it('answers 422 import_invalid with every problem by row and column, and writes nothing', async () => {
    const file = peopleFile(
      ['ok.http@example.org', 'Fine', 'KE-HT'],
      ['bad-mail', 'Bad', 'KE-HT'],
      ['x@example.org', 'X', 'NOPE'],
    );
    const before = await counts(db());
    const dry = await upload(admin, 'kind=people&dry_run=true', file);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().issues).toEqual([
      { row: 3, column: 'E-mail', message: 'not a valid e-mail address' },
      { row: 4, column: 'Office code', message: 'office NOPE was not found' },
    ]);
    const real = await upload(admin, 'kind=people&dry_run=false', file);
    expect(real.statusCode).toBe(422);
    expect(real.json().error).toMatchObject({
      code: 'import_invalid',
      details: {
        issues: [
          expect.objectContaining({ row: 3, column: 'E-mail' }),
          expect.objectContaining({ row: 4, column: 'Office code' }),
        ],
      },
    });
    expect(await counts(db())).toEqual(before);
  });

  it('imports an XLSX upload', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Personnes');
    sheet.addRow([...PEOPLE_HEADERS]);
    sheet.addRow(['xlsx.http@example.org', 'From Excel', 'SN-HT', 'DATA', 'Officer', 'data_owner', 'yes']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await admin.request({
      method: 'POST',
      url: '/api/org/import?kind=people',
      ...multipartBody({ filename: 'people.xlsx', contentType: XLSX, content }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, issues: [] });
  });

  describe('callers with a narrower role', () => {
    it('a regional focal point is told a row in another region names an unknown office; nothing is written', async () => {
      const regional = await t.signIn('regional_focal_point', { regions: [world.regions.east.id] });
      const file = peopleFile(
        ['east.http@example.org', 'East', 'KE-HT'],
        ['west.http@example.org', 'West', 'SN-HT'],
      );
      const before = await counts(db());
      const res = await upload(regional, 'kind=people', file);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.issues).toEqual([
        expect.objectContaining({ row: 3, column: 'Office code', message: 'office SN-HT was not found' }),
      ]);
      expect(await counts(db())).toEqual(before);
    });

    it('an office focal point (no people.import) gets 403, and a regional one 403 for offices', async () => {
      const focal = await t.signIn('office_focal_point', { offices: [world.offices.kenya.id] });
      const regional = await t.signIn('regional_focal_point', { regions: [world.regions.east.id] });
      const before = await counts(db());
      const people = await upload(focal, 'kind=people', peopleFile(['f.http@example.org', 'F', 'KE-HT']));
      expect(people.statusCode).toBe(403);
      expect(people.json().error).toMatchObject({
        code: 'forbidden',
        details: { permission: 'people.import' },
      });
      const offices = await upload(
        regional,
        'kind=offices',
        csv([
          ['Code', 'Name'],
          ['NEW-HT', 'New'],
        ]),
      );
      expect(offices.statusCode).toBe(403);
      expect(await counts(db())).toEqual(before);
    });

    it('refuses an anonymous upload with 401 and a cookie without its CSRF token with 403', async () => {
      const body = multipartBody({ filename: 'p.csv', contentType: 'text/csv', content: peopleFile() });
      const anonymous = await t.app.inject({ method: 'POST', url: '/api/org/import?kind=people', ...body });
      expect(anonymous.statusCode).toBe(401);
      const forged = await admin.request({
        method: 'POST',
        url: '/api/org/import?kind=people',
        payload: body.payload,
        headers: { ...body.headers, 'x-csrf-token': 'not-the-token' },
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.json().error.code).toBe('csrf_failed');
    });
  });

  describe('what is uploaded', () => {
    it('refuses a file that is not a spreadsheet with 415', async () => {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0x20)]);
      const res = await admin.request({
        method: 'POST',
        url: '/api/org/import?kind=people&dry_run=true',
        ...multipartBody({ filename: 'people.csv', contentType: 'text/csv', content: pdf }),
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.message).toContain('PDF');
    });

    it('refuses a body that is not multipart with 415, and a form without the file part with 400', async () => {
      const json = await admin.request({
        method: 'POST',
        url: '/api/org/import?kind=people',
        payload: { file: 'x' },
      });
      expect(json.statusCode).toBe(415);
      expect(json.json().error.code).toBe('unsupported_media_type');
      const noFile = await admin.request({
        method: 'POST',
        url: '/api/org/import?kind=people',
        ...multipartBody({
          name: 'upload',
          filename: 'p.csv',
          contentType: 'text/csv',
          content: peopleFile(),
        }),
      });
      expect(noFile.statusCode).toBe(400);
      expect(noFile.json().error.code).toBe('validation_failed');
    });

    it('refuses a multipart body cut off in the middle of the file with 400', async () => {
      const { payload, headers } = multipartBody({
        filename: 'p.csv',
        contentType: 'text/csv',
        content: peopleFile(),
      });
      const cut = payload.subarray(0, payload.length - 20);
      const res = await admin.request({
        method: 'POST',
        url: '/api/org/import?kind=people',
        payload: cut,
        headers,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    });

    it('refuses an unknown kind with 400', async () => {
      const res = await upload(admin, 'kind=regions', peopleFile());
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('querystring.kind');
    });
  });

  describe('downloads', () => {
    it('sends the people template as an XLSX attachment with drop-downs and instructions', async () => {
      const res = await admin.request({ method: 'GET', url: '/api/org/template?kind=people' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toBe('attachment; filename="custos-people-template.xlsx"');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['People', 'Instructions', 'Lists']);
      expect(workbook.getWorksheet('People')!.rowCount).toBe(1);
    });

    it('exports people as CSV and XLSX; uploading an export back changes nothing', async () => {
      for (const format of ['csv', 'xlsx'] as const) {
        const res = await admin.request({
          method: 'GET',
          url: `/api/org/export?kind=people&format=${format}`,
        });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toBe(
          `attachment; filename="custos-people-2026-11-30.${format}"`,
        );
        const before = await counts(db());
        const back = await upload(admin, 'kind=people', res.rawPayload, `export.${format}`);
        expect(back.statusCode, back.body).toBe(200);
        expect(back.json()).toMatchObject({ created: 0, updated: 0, unchanged: before.people, issues: [] });
        expect(await counts(db())).toEqual(before);
      }
      const csvExport = await admin.request({
        method: 'GET',
        url: '/api/org/export?kind=offices&format=csv',
      });
      expect(csvExport.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csvExport.body).toContain('Code,Name,Kind,Region code,Country code,City');
    });

    it('a viewer exports only the offices in their scope', async () => {
      const viewer = await t.signIn('viewer', { offices: [world.offices.senegal.id] });
      const res = await viewer.request({ method: 'GET', url: '/api/org/export?kind=offices&format=csv' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('SN-HT');
      expect(res.body).not.toContain('KE-HT');
    });
  });

  it('documents the three routes in the OpenAPI document, the upload as multipart', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    expect(paths['/api/org/import'].post.requestBody.content['multipart/form-data'].schema).toMatchObject({
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    });
    expect(Object.keys(paths['/api/org/export'].get.responses['200'].content)).toEqual([
      XLSX,
      'text/csv; charset=utf-8',
    ]);
    expect(paths['/api/org/template'].get.responses['200'].content[XLSX]).toBeDefined();
  });
});

describeEachDialect('organisation import upload limit', ({ db }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(db(), { uploadLimitBytes: 2048 });
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('refuses a file larger than the upload limit with 413, reading no row', async () => {
    const admin = await t.signIn('admin');
    const big = csv([
      ['E-mail', 'Full name', 'Office code'],
      ...Array.from({ length: 200 }, (_, i) => [`p${i}@example.org`, `Person ${i}`, 'NOPE']),
    ]);
    expect(big.length).toBeGreaterThan(2048);
    const before = await counts(db());
    const res = await admin.request({
      method: 'POST',
      url: '/api/org/import?kind=people&dry_run=true',
      ...multipartBody({ filename: 'big.csv', contentType: 'text/csv', content: big }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'payload_too_large', details: { limit_bytes: 2048 } });
    expect(await counts(db())).toEqual(before);
  });
});
