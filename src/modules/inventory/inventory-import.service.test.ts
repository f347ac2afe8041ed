import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createServices, type Services } from '../../app/services.js';
import type { RequestContext } from '../../core/audit.js';
import { fixedClock } from '../../core/clock.js';
import { systemActor } from '../../core/permissions.js';
import { collect, rejected } from '../../core/tabular/testing/files.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { csv, scopedContext, unreadable } from '../org/testing/org-import.js';
import type { Asset } from './asset.schema.js';
import { INVENTORY_COLUMNS } from './inventory-import.spec.js';
import { addAsset, seedInventoryWorld, type InventoryWorld } from './testing/inventory-world.js';

describeEachDialect('inventory spreadsheet import and export', ({ db }) => {
  let services: Services;
  let world: InventoryWorld;
  let system: Asset;
  const admin: RequestContext = { actor: systemActor('test'), requestId: null };
  const importFile = (file: Buffer, dryRun = false, ctx = admin) =>
    services.inventoryImport.import(ctx, file, { dryRun });
  const counts = async () => {
    const n = async (table: 'assets' | 'audit_events') =>
      Number(
        (
          await db()
            .kysely.selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { assets: await n('assets'), audit: await n('audit_events') };
  };
  /** Every asset's version and updated_at: what must not move when nothing changes. */
  const stamps = () =>
    db().kysely.selectFrom('assets').select(['id', 'version', 'updated_at']).orderBy('id').execute();
  const byName = async (name: string) =>
    (await services.assets.list(admin, { q: name, limit: 50 })).items.find((a) => a.name === name);

  beforeAll(async () => {
    services = createServices(
      db(),
      fixedClock('2026-11-30T09:00:00.000Z'),
      loadConfig({ db: 'sqlite::memory:' }, {}),
    );
    world = await seedInventoryWorld(services, 'IX');
    system = await addAsset(services, {
      name: 'Registration system',
      asset_type: 'database',
      office_id: world.offices.kenya.id,
      data_owner_id: world.staff.kenyaOwner.id,
      data_custodian_id: world.staff.custodianA.id,
      sensitivity_label: 'Confidential',
    });
  });

  it('creates assets from a CSV whose headers differ in case and spaces, resolving codes, names and e-mails', async () => {
    const before = await counts();
    const report = await importFile(
      csv(
        [
          [
            ' Name ',
            'ASSET_TYPE',
            'Office_Code',
            'System',
            'Department',
            'Data Steward Email',
            'Personal_Data',
            'Special_Categories',
            'Data_Subjects',
            'Tags',
            'Sensitivity_Label',
          ],
          [
            'Case files',
            'dataset',
            'ke-ix',
            'registration system',
            'Data unit kenya',
            world.staff.hqOwner.email.toUpperCase(),
            'oui',
            'health, protection_gbv',
            'beneficiaries|staff',
            'cases; protection, gbv',
            'confidentiel',
          ],
          ['Staff list', 'Dataset', 'ET-IX', '', 'data', '', 'no', '', '', '', 'Internal'],
        ],
        ';',
      ),
    );
    expect(report).toEqual({ dry_run: false, rows: 2, created: 2, updated: 0, unchanged: 0, issues: [] });
    expect(await byName('Case files')).toMatchObject({
      office_id: world.offices.kenya.id,
      department_id: world.departments.kenya.id,
      system_id: system.id,
      // Inherited from the system, which names them.
      data_owner_id: world.staff.kenyaOwner.id,
      data_custodian_id: world.staff.custodianA.id,
      data_steward_id: world.staff.hqOwner.id,
      personal_data: true,
      special_categories: ['health', 'protection_gbv'],
      data_subjects: ['beneficiaries_migrants', 'staff'],
      tags: ['cases', 'protection', 'gbv'],
      sensitivity_label: 'Confidential',
    });
    expect(await byName('Staff list')).toMatchObject({
      office_id: world.offices.ethiopia.id,
      department_id: world.departments.ethiopia.id,
      personal_data: false,
    });
    // One event per asset and one for the import.
    expect(await counts()).toEqual({ assets: before.assets + 2, audit: before.audit + 3 });
    const last = await db()
      .kysely.selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'import', entity_type: 'asset_import' });
    // The events written together chain as if written one by one.
    expect(await services.audit.verify(admin)).toMatchObject({ ok: true, first_break: null });
  });

  it('updates the asset an asset_id names, clears emptied cells, and leaves identical rows alone', async () => {
    const target = await addAsset(services, {
      name: 'Old name',
      asset_type: 'dataset',
      office_id: world.offices.kenya.id,
      purpose: 'Reporting',
      tags: ['old'],
    });
    const same = await addAsset(services, {
      name: 'Same',
      asset_type: 'api',
      office_id: world.offices.kenya.id,
    });
    const report = await importFile(
      csv([
        ['asset_id', 'name', 'asset_type', 'office_code', 'purpose', 'tags'],
        [target.id, 'New name', 'dataset', 'KE-IX', '', 'fresh'],
        [same.id, 'Same', 'api', 'KE-IX', '', ''],
      ]),
    );
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 1, issues: [] });
    expect(await services.assets.get(admin, target.id)).toMatchObject({
      name: 'New name',
      purpose: null,
      tags: ['fresh'],
      version: 2,
    });
    expect((await services.assets.get(admin, same.id)).version).toBe(1);
  });

  it('reports progress in rows: every row checked, then every row written (a dry run only checks)', async () => {
    const same = await addAsset(services, {
      name: 'Progress same',
      asset_type: 'api',
      office_id: world.offices.kenya.id,
    });
    const file = csv([
      ['asset_id', 'name', 'asset_type', 'office_code'],
      ['', 'Progress one', 'dataset', 'KE-IX'],
      ['', 'Progress two', 'dataset', 'ET-IX'],
      [same.id, 'Progress same', 'api', 'KE-IX'],
    ]);
    const run = async (dryRun: boolean) => {
      const calls: Array<[number, number, string | undefined]> = [];
      await services.inventoryImport.import(admin, file, {
        dryRun,
        onProgress: (done, total, stage) => calls.push([done, total, stage]),
      });
      return calls;
    };
    const checked: Array<[number, number, string]> = [
      [1, 3, 'check'],
      [2, 3, 'check'],
      [3, 3, 'check'],
    ];
    expect(await run(true)).toEqual(checked);
    // The unchanged row writes nothing; the last report still says all rows are done.
    expect(await run(false)).toEqual([...checked, [1, 3, 'write'], [2, 3, 'write'], [3, 3, 'write']]);
  });

  it('lists every problem by row and column in a dry run, refuses the real import and writes nothing', async () => {
    const file = csv([
      ['name', 'asset_type', 'office_code', 'data_owner_email', 'system', 'sensitivity_label', 'colour'],
      ['Fine', 'dataset', 'KE-IX', '', '', '', 'red'],
      ['Lost office', 'dataset', 'NOPE', '', '', '', ''],
      ['Stranger', 'dataset', 'KE-IX', 'nobody@example.org', '', '', ''],
      ['No system', 'dataset', 'KE-IX', '', 'Missing system', 'Secret', ''],
      ['Departed', 'dataset', 'KE-IX', world.staff.departed.email, '', '', ''],
    ]);
    const before = await counts();
    const dry = await importFile(file, true);
    expect(dry).toMatchObject({ dry_run: true, rows: 5, created: 1, updated: 0, unchanged: 0 });
    expect(dry.issues.map(({ row, column, message }) => ({ row, column, message }))).toEqual([
      { row: 1, column: 'colour', message: expect.stringContaining('Unknown column "colour"') },
      { row: 3, column: 'office_code', message: 'office NOPE was not found' },
      {
        row: 4,
        column: 'data_owner_email',
        message: 'nobody@example.org is not a person of the organisation',
      },
      { row: 5, column: 'sensitivity_label', message: expect.stringContaining('"Secret" is not one of') },
      { row: 6, column: 'data_owner_email', message: expect.stringContaining('is inactive') },
    ]);
    expect(await counts()).toEqual(before);

    const error = await rejected(importFile(file));
    expect(error).toMatchObject({ code: 'import_invalid', status: 422 });
    expect((error.details as { issues: unknown[] }).issues).toEqual(dry.issues);
    expect(await counts()).toEqual(before);
    expect(await byName('Fine')).toBeUndefined();
  });

  it('reports an office or an asset outside the caller’s scope as a row problem, like an unknown one', async () => {
    const hqAsset = await addAsset(services, {
      name: 'HQ ledger',
      asset_type: 'dataset',
      office_id: world.offices.hq.id,
    });
    const kenyaOnly = scopedContext('office_focal_point', [world.offices.kenya.id]);
    const before = await counts();
    const dry = await importFile(
      csv([
        ['asset_id', 'name', 'asset_type', 'office_code'],
        ['', 'Mine', 'dataset', 'KE-IX'],
        ['', 'Not mine', 'dataset', 'HQ-IX'],
        [hqAsset.id, 'HQ ledger', 'dataset', 'KE-IX'],
      ]),
      true,
      kenyaOnly,
    );
    expect(dry.issues.map(({ row, column, message }) => ({ row, column, message }))).toEqual([
      { row: 3, column: 'office_code', message: 'office HQ-IX was not found' },
      { row: 4, column: 'asset_id', message: expect.stringContaining(`asset ${hqAsset.id} was not found`) },
    ]);
    expect(dry.created).toBe(1);
    expect(await counts()).toEqual(before);
  });

  it('refuses a viewer before reading the file', async () => {
    const viewer = scopedContext('viewer', [world.offices.kenya.id]);
    await expect(services.inventoryImport.import(viewer, unreadable())).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it.each(['xlsx', 'csv'] as const)('imports its own %s export without changing anything', async (format) => {
    const before = await stamps();
    const auditBefore = (await counts()).audit;
    const exported = await services.inventoryImport.export(admin, format);
    const file = await collect(exported.stream);
    expect(exported.rowCount()).toBe(before.length);

    const dry = await importFile(file, true);
    expect(dry).toEqual({
      dry_run: true,
      rows: before.length,
      created: 0,
      updated: 0,
      unchanged: before.length,
      issues: [],
    });
    const real = await importFile(file);
    expect(real).toMatchObject({ created: 0, updated: 0, unchanged: before.length, issues: [] });
    expect(await stamps()).toEqual(before);
    // Only the import's own summary event.
    expect((await counts()).audit).toBe(auditBefore + 1);
  });

  it('writes the template with the column keys as headers, drop-downs and instructions', async () => {
    const template = await services.inventoryImport.template(admin);
    expect(template.filename).toBe('custos-inventory-template.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await collect(template.stream)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Assets', 'Instructions', 'Lists']);
    expect(workbook.getWorksheet('Assets')!.getRow(1).values).toEqual([undefined, ...INVENTORY_COLUMNS]);
    const lists = workbook.getWorksheet('Lists')!;
    const values = (n: number) => lists.getColumn(n).values.filter(Boolean);
    expect(values(1)).toEqual(['dataset', 'database', 'file_share', 'application', 'paper_records', 'api']);
    expect(values(2)).toEqual(expect.arrayContaining(['ET-IX', 'HQ-IX', 'KE-IX', 'SN-IX']));
    expect(values(3)).toEqual(['Public', 'Internal', 'Confidential', 'Strictly Confidential']);
    expect(values(4)).toEqual(['yes', 'no']);
  });
});
