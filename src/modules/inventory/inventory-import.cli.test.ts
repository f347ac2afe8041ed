import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCli } from '../../cli/testing/in-process.js';
import { ERROR_CATALOGUE } from '../../core/errors.js';
import { csv } from '../org/testing/org-import.js';
import type { InventoryImportReport } from './inventory-import.schema.js';
import { INVENTORY_COLUMNS } from './inventory-import.spec.js';

const IMPORT_INVALID = ERROR_CATALOGUE.import_invalid.exit;

/* `custos inventory import|export|template|dcat` in-process on both dialects. */
describeCli('inventory spreadsheet commands', ({ custos, ok, json, services, ctx }) => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const assetNames = async () => (await services().assets.list(ctx, { limit: 100 })).items.map((a) => a.name);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-inventory-import-'));
    await ok('region add --code EHOA --name', 'East and Horn of Africa');
    await ok('office add --code KE-NBO --name Kenya --kind country_office --region EHOA --country KE');
    await ok('person add --email amina@example.org --office KE-NBO --name', 'Amina Odhiambo');
    fs.writeFileSync(
      file('assets.csv'),
      csv([
        ['name', 'asset_type', 'office_code', 'data_owner_email', 'sensitivity_label', 'tags'],
        ['Market prices', 'dataset', 'KE-NBO', 'amina@example.org', 'Public', 'prices; markets'],
        ['Case files', 'database', 'ke-nbo', '', 'Strictly Confidential', ''],
      ]),
    );
    fs.writeFileSync(
      file('bad.csv'),
      csv([
        ['name', 'asset_type', 'office_code'],
        ['Fine', 'dataset', 'KE-NBO'],
        ['Lost', 'dataset', 'NOPE'],
      ]),
    );
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks a file with --dry-run --json, writing nothing, then imports it', async () => {
    const dry = await json<InventoryImportReport>(`inventory import ${file('assets.csv')} --dry-run --json`);
    expect(dry).toEqual({ dry_run: true, rows: 2, created: 2, updated: 0, unchanged: 0, issues: [] });
    expect(await assetNames()).toEqual([]);
    const real = await custos(`inventory import ${file('assets.csv')}`);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toBe('Imported 2 row(s) of assets: 2 added, 0 updated, 0 unchanged.\n');
    expect(await assetNames()).toEqual(['Case files', 'Market prices']);
  });

  it('prints each problem as "row N, column: message" and exits with the import_invalid code', async () => {
    const dry = await custos(`inventory import ${file('bad.csv')} --dry-run`);
    expect(dry.code).toBe(IMPORT_INVALID);
    expect(dry.stdout).toBe(
      'Dry run: checked 2 row(s) of assets: 1 to add, 0 to update, 0 unchanged. Nothing was written.\n' +
        '1 problem(s); fix them and try again:\n' +
        '  row 3, office_code: office NOPE was not found\n',
    );
    const real = await custos(`inventory import ${file('bad.csv')}`);
    expect(real.code).toBe(IMPORT_INVALID);
    expect(await assetNames()).not.toContain('Fine');
  });

  it('exports by extension or --format, and the export imports back unchanged', async () => {
    expect(
      await json<{ rows: number; format: string }>(`inventory export ${file('out.xlsx')} --json`),
    ).toMatchObject({
      rows: 2,
      format: 'xlsx',
    });
    expect(await ok(`inventory export ${file('out.txt')} --format csv`)).toBe(
      `Exported 2 asset(s) to ${file('out.txt')}\n`,
    );
    expect(fs.readFileSync(file('out.txt'), 'utf8').split('\r\n')[0]).toBe(
      `\uFEFF${INVENTORY_COLUMNS.join(',')}`,
    );
    for (const name of ['out.xlsx', 'out.txt'])
      expect(await json<InventoryImportReport>(`inventory import ${file(name)} --json`)).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 2,
        issues: [],
      });
    const clash = await custos(`inventory export ${file('out.xlsx')}`);
    expect(clash.code).toBe(ERROR_CATALOGUE.conflict.exit);
    const unknown = await custos(`inventory export ${file('out.pdf')}`);
    expect(unknown.code).toBe(ERROR_CATALOGUE.validation_failed.exit);
  });

  it('writes the template with the office drop-down, and refuses a template not named .xlsx', async () => {
    expect(await ok(`inventory template ${file('template.xlsx')}`)).toBe(
      `Wrote the inventory template to ${file('template.xlsx')}\n`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('template.xlsx'));
    expect(workbook.getWorksheet('Lists')!.getCell('B1').value).toBe('KE-NBO');
    expect((await custos(`inventory template ${file('template.csv')}`)).code).toBe(
      ERROR_CATALOGUE.validation_failed.exit,
    );
  });

  it('writes the DCAT catalogue with only the public asset', async () => {
    expect(
      await ok(`inventory dcat ${file('catalogue.jsonld')} --base-url https://custos.example.org/`),
    ).toBe(`Wrote 1 dataset(s) to ${file('catalogue.jsonld')}\n`);
    const catalogue = JSON.parse(fs.readFileSync(file('catalogue.jsonld'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(catalogue['@id']).toBe('https://custos.example.org/api/assets/dcat.jsonld');
    expect(JSON.stringify(catalogue)).not.toContain('amina@example.org');
  });
});
