import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import type { RequestContext } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { systemActor } from '../../core/permissions.js';
import { collect, rejected } from '../../core/tabular/testing/files.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { seedOrgWorld, type OrgWorld } from './testing/org-world.js';
import { counts, csv, PEOPLE_HEADERS, scopedContext, unreadable } from './testing/org-import.js';

describeEachDialect('organisation import (people)', ({ db }) => {
  let services: Services;
  let world: OrgWorld;
  const admin: RequestContext = { actor: systemActor('test'), requestId: null };
  const importPeople = (file: Buffer, dryRun = false, ctx = admin) =>
    services.orgImport.import(ctx, 'people', file, { dryRun });

  beforeAll(async () => {
    services = createServices(
      db(),
      fixedClock('2026-11-30T09:00:00.000Z'),
      loadConfig({ db: 'sqlite::memory:' }, {}),
    );
    world = await seedOrgWorld(services, 'IM');
  });

  it('creates every person of a valid CSV, one audit event each', async () => {
    const before = await counts(db());
    const report = await importPeople(
      csv([
        [...PEOPLE_HEADERS],
        [
          'Achieng.Otieno@Example.org',
          'Achieng Otieno',
          'ke-im',
          'data',
          'Data officer',
          'data_owner; Focal point',
          'yes',
        ],
        ['tesfaye@example.org', 'Tesfaye Bekele', 'ET-IM', '', '', '', ''],
        ['left@example.org', 'Left Already', 'HQ-IM', '', 'Archivist', 'data_custodian', 'no'],
      ]),
    );
    expect(report).toEqual({
      kind: 'people',
      dry_run: false,
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      issues: [],
    });
    expect(await services.people.findByEmail(admin, 'achieng.otieno@example.org')).toMatchObject({
      full_name: 'Achieng Otieno',
      office_id: world.offices.kenya.id,
      department_id: world.departments.kenya.id,
      job_title: 'Data officer',
      governance_roles: ['data_owner', 'focal_point'],
      active: true,
    });
    expect(await services.people.findByEmail(admin, 'tesfaye@example.org')).toMatchObject({
      department_id: null,
      job_title: null,
      governance_roles: [],
      active: true,
    });
    expect(await services.people.findByEmail(admin, 'left@example.org')).toMatchObject({ active: false });
    const after = await counts(db());
    expect(after.people - before.people).toBe(3);
    const events = await db()
      .kysely.selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('seq', '>', 0)
      .orderBy('seq', 'desc')
      .limit(3)
      .execute();
    expect(after.audit - before.audit).toBe(3);
    expect(events).toEqual(Array(3).fill({ action: 'create', entity_type: 'person' }));
  });

  it('lists exactly the three bad rows of a file in a dry run, refuses the real import with 422 and writes nothing', async () => {
    const file = csv([
      [...PEOPLE_HEADERS],
      ['fine.one@example.org', 'Fine One', 'KE-IM', '', '', '', ''],
      ['lost@example.org', 'Lost Office', 'NOPE', '', '', '', ''],
      ['not-an-email', 'Bad Mail', 'KE-IM', '', '', '', ''],
      ['boss@example.org', 'Bad Role', 'KE-IM', '', '', 'data_owner; boss', ''],
      ['fine.two@example.org', 'Fine Two', 'ET-IM', '', '', '', ''],
    ]);
    const before = await counts(db());
    const dry = await importPeople(file, true);
    expect(dry).toMatchObject({ dry_run: true, rows: 5, created: 2, updated: 0, unchanged: 0 });
    expect(dry.issues.map(({ row, column, message }) => ({ row, column, message }))).toEqual([
      { row: 3, column: 'Office code', message: 'office NOPE was not found' },
      { row: 4, column: 'E-mail', message: 'not a valid e-mail address' },
      { row: 5, column: 'Governance roles', message: expect.stringContaining('"boss" is not one of') },
    ]);
    expect(await counts(db())).toEqual(before);

    const error = await rejected(importPeople(file));
    expect(error).toMatchObject({ code: 'import_invalid', status: 422 });
    expect((error.details as { issues: unknown[] }).issues).toEqual(dry.issues);
    expect(await counts(db())).toEqual(before);
    expect(await services.people.findByEmail(admin, 'fine.one@example.org')).toBeUndefined();
  });

  it('imports the XLSX template once filled in, with drop-downs of the offices and instructions', async () => {
    const template = await services.orgImport.template(admin, 'people');
    expect(template).toMatchObject({ filename: 'custos-people-template.xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await collect(template.stream)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['People', 'Instructions', 'Lists']);
    const sheet = workbook.getWorksheet('People')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...PEOPLE_HEADERS]);
    const officeList = workbook.getWorksheet('Lists')!.getColumn(1).values.filter(Boolean);
    expect(officeList).toEqual(expect.arrayContaining(['ET-IM', 'HQ-IM', 'KE-IM', 'SN-IM']));
    expect(sheet.getCell('C2').dataValidation).toMatchObject({ type: 'list' });

    sheet.addRow(['wanjiru@example.org', 'Wanjiru Kamau', 'KE-IM', 'DATA', 'Analyst', 'data_steward', 'yes']);
    sheet.addRow(['moussa@example.org', 'Moussa Diop', 'SN-IM', null, null, 'focal_point; data_owner', null]);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await importPeople(filled);
    expect(report).toMatchObject({ rows: 2, created: 2, issues: [] });
    expect(await services.people.findByEmail(admin, 'moussa@example.org')).toMatchObject({
      office_id: world.offices.senegal.id,
      governance_roles: ['data_owner', 'focal_point'],
    });
  });

  it('reads a Windows-1252 CSV with French headers, semicolons and accents', async () => {
    const text =
      'Courriel;Nom complet;Code du bureau;Fonction;Rôles de gouvernance\r\n' +
      'rene@example.org;René Lévêque-Ñúñez;KE-IM;Chargé de données;Point focal\r\n';
    const report = await importPeople(iconv.encode(text, 'windows-1252'));
    expect(report).toMatchObject({ rows: 1, created: 1, issues: [] });
    expect(await services.people.findByEmail(admin, 'rene@example.org')).toMatchObject({
      full_name: 'René Lévêque-Ñúñez',
      job_title: 'Chargé de données',
      governance_roles: ['focal_point'],
    });
  });

  it('updates people found by e-mail, only the fields that differ, and leaves identical rows alone', async () => {
    const kenya = world.people.kenya;
    const ethiopia = world.people.ethiopia;
    const before = await counts(db());
    const report = await importPeople(
      csv([
        ['Correo', 'Nombre completo', 'Oficina', 'Departamento', 'Cargo'],
        [kenya.email.toUpperCase(), kenya.full_name, world.offices.kenya.code, 'DATA', 'Head of data'],
        [ethiopia.email, ethiopia.full_name, world.offices.ethiopia.code, 'DATA', ''],
      ]),
    );
    expect(report).toMatchObject({ rows: 2, created: 0, updated: 1, unchanged: 1, issues: [] });
    const after = await counts(db());
    expect(after).toEqual({ ...before, audit: before.audit + 1 });
    const updated = await services.people.get(admin, kenya.id);
    expect(updated).toMatchObject({ job_title: 'Head of data', version: kenya.version + 1 });
    // Columns the file lacks (roles, active) are left as they were.
    expect(updated.governance_roles).toEqual(kenya.governance_roles);
    const event = await db()
      .kysely.selectFrom('audit_events')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'update', entity_type: 'person', entity_id: kenya.id });
    expect(JSON.parse(event.before_json!)).toMatchObject({ job_title: null });
    expect(JSON.parse(event.after_json!)).toMatchObject({ job_title: 'Head of data' });
    expect(await services.people.get(admin, ethiopia.id)).toEqual(ethiopia);
  });

  it('reports duplicate e-mails, a department of another office and a move that would strand a department', async () => {
    const before = await counts(db());
    const dry = await importPeople(
      csv([
        ['E-mail', 'Full name', 'Office code', 'Department code'],
        ['twice@example.org', 'Twice', 'KE-IM', ''],
        ['TWICE@example.org', 'Twice Again', 'KE-IM', ''],
        ['unit@example.org', 'Wrong Unit', 'KE-IM', 'NOPE'],
      ]),
      true,
    );
    expect(dry.issues.map(({ row, column, message }) => [row, column, message])).toEqual([
      [3, 'E-mail', 'E-mail repeats row 2'],
      [4, 'Department code', 'office KE-IM has no department NOPE'],
    ]);
    const moved = await importPeople(
      csv([
        ['E-mail', 'Full name', 'Office code'],
        [world.people.hq.email, world.people.hq.full_name, world.offices.kenya.code],
      ]),
      true,
    );
    expect(moved.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Office code',
        message: expect.stringContaining('Department code'),
      }),
    ]);
    expect(await counts(db())).toEqual(before);
  });

  it('refuses a file without a required column before looking at its rows', async () => {
    const dry = await importPeople(
      csv([
        ['E-mail', 'Office code'],
        ['nobody@example.org', 'NOPE'],
      ]),
      true,
    );
    expect(dry).toMatchObject({ rows: 1, created: 0 });
    expect(dry.issues).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'Full name',
        message: 'Required column "Full name" is missing',
      }),
    ]);
  });

  it('reports an unknown column together with the problems of the rows, and imports nothing', async () => {
    const file = csv([
      ['E-mail', 'Full name', 'Office code', 'Phone'],
      ['extra.col@example.org', 'Extra Column', 'KE-IM', '+254 700 000000'],
      ['extra.lost@example.org', 'Lost', 'NOPE', ''],
    ]);
    const dry = await importPeople(file, true);
    expect(dry.issues.map(({ row, column }) => [row, column])).toEqual([
      [1, 'Phone'],
      [3, 'Office code'],
    ]);
    expect(dry).toMatchObject({ created: 1 });
    const before = await counts(db());
    await expect(importPeople(file)).rejects.toMatchObject({ code: 'import_invalid' });
    expect(await counts(db())).toEqual(before);
  });

  it('reports progress: the rows checked, then the records written', async () => {
    const calls: Array<[number, number, string | undefined]> = [];
    await services.orgImport.import(
      admin,
      'people',
      csv([
        ['E-mail', 'Full name', 'Office code'],
        ['p1@example.org', 'P One', 'KE-IM'],
        ['p2@example.org', 'P Two', 'KE-IM'],
        [world.people.kenya.email, 'Renamed Kenya', 'KE-IM'],
      ]),
      { onProgress: (done, total, stage) => calls.push([done, total, stage]) },
    );
    expect(calls).toEqual([
      [1, 3, 'check'],
      [2, 3, 'check'],
      [3, 3, 'check'],
      [1, 3, 'write'],
      [2, 3, 'write'],
      [3, 3, 'write'],
    ]);
  });

  describe('scope and permissions', () => {
    it('a regional focal point cannot import into an office outside their region: the row reads as an unknown office', async () => {
      const regional = scopedContext(
        'regional_focal_point',
        [world.offices.kenya.id, world.offices.ethiopia.id],
        [world.regions.east.id],
      );
      const file = csv([
        ['E-mail', 'Full name', 'Office code'],
        ['east@example.org', 'In The East', 'KE-IM'],
        ['west@example.org', 'In The West', 'SN-IM'],
      ]);
      const before = await counts(db());
      const dry = await importPeople(file, true, regional);
      expect(dry).toMatchObject({ created: 1 });
      expect(dry.issues).toEqual([
        expect.objectContaining({ row: 3, column: 'Office code', message: 'office SN-IM was not found' }),
      ]);
      await expect(importPeople(file, false, regional)).rejects.toMatchObject({ code: 'import_invalid' });
      expect(await counts(db())).toEqual(before);
    });

    it('an office focal point without people.import is refused with 403 before the file is read', async () => {
      const focal = scopedContext('office_focal_point', [world.offices.kenya.id]);
      const before = await counts(db());
      await expect(
        services.orgImport.import(focal, 'people', unreadable(), { dryRun: true }),
      ).rejects.toMatchObject({
        code: 'forbidden',
        status: 403,
      });
      expect(await counts(db())).toEqual(before);
    });

    it('offices need org.structure.write: a regional focal point is refused with 403', async () => {
      const regional = scopedContext(
        'regional_focal_point',
        [world.offices.kenya.id],
        [world.regions.east.id],
      );
      await expect(services.orgImport.import(regional, 'offices', unreadable())).rejects.toMatchObject({
        code: 'forbidden',
      });
    });

    it('exports only the people in the caller’s scope', async () => {
      const focal = scopedContext('office_focal_point', [world.offices.senegal.id]);
      const text = (await collect((await services.orgImport.export(focal, 'people', 'csv')).stream)).toString(
        'utf8',
      );
      expect(text).toContain(world.people.senegal.email);
      expect(text).not.toContain(world.people.kenya.email);
    });
  });
});
