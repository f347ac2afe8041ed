import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { openRuntime } from '../../app/runtime.js';
import { ERROR_CATALOGUE } from '../../core/errors.js';
import { systemActor } from '../../core/permissions.js';
import type { ImportReport } from './org-import.schema.js';
import { describeCli } from '../../cli/testing/in-process.js';
import { csv } from './testing/org-import.js';

const IMPORT_INVALID = ERROR_CATALOGUE.import_invalid.exit;

/* `custos org import|export|template` in-process on both dialects; two spawned runs below. */
describeCli('org spreadsheet commands', ({ custos, ok, json, services, ctx }) => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-org-import-'));
    await ok('region add --code EHOA --name', 'East and Horn of Africa');
    await ok('office add --code KE-NBO --name Kenya --kind country_office --region EHOA --country KE');
    await ok('department add --office KE-NBO --code DATA --name', 'Data unit');
    fs.writeFileSync(
      file('people.csv'),
      csv([
        ['E-mail', 'Full name', 'Office code', 'Department code', 'Governance roles'],
        ['amina@example.org', 'Amina Odhiambo', 'KE-NBO', 'DATA', 'data_owner'],
        ['okello@example.org', 'Okello Peter', 'ke-nbo', '', ''],
      ]),
    );
    fs.writeFileSync(
      file('bad.csv'),
      csv([
        ['E-mail', 'Full name', 'Office code'],
        ['fine@example.org', 'Fine', 'KE-NBO'],
        ['lost@example.org', 'Lost', 'NOPE'],
      ]),
    );
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks a file with --dry-run --json, writing nothing, then imports it', async () => {
    const dry = await json<ImportReport>(`org import ${file('people.csv')} --kind people --dry-run --json`);
    expect(dry).toEqual({
      kind: 'people',
      dry_run: true,
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      issues: [],
    });
    expect(await services().people.findByEmail(ctx, 'amina@example.org')).toBeUndefined();

    const real = await custos(`org import ${file('people.csv')} --kind people`);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toBe('Imported 2 row(s) of people: 2 added, 0 updated, 0 unchanged.\n');
    expect(await services().people.findByEmail(ctx, 'amina@example.org')).toMatchObject({
      governance_roles: ['data_owner'],
    });
    const again = await json<ImportReport>(`org import ${file('people.csv')} --kind people --json`);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('prints each problem as "row N, column: message" and exits with the import_invalid code', async () => {
    const dry = await custos(`org import ${file('bad.csv')} --kind people --dry-run`);
    expect(dry.code).toBe(IMPORT_INVALID);
    expect(dry.stdout).toBe(
      'Dry run: checked 2 row(s) of people: 1 to add, 0 to update, 0 unchanged. Nothing was written.\n' +
        '1 problem(s); fix them and try again:\n' +
        '  row 3, Office code: office NOPE was not found\n',
    );
    const dryJson = await custos(`org import ${file('bad.csv')} --kind people --dry-run --json`);
    expect(dryJson.code).toBe(IMPORT_INVALID);
    expect(JSON.parse(dryJson.stdout).issues).toEqual([
      { path: 'office_code', row: 3, column: 'Office code', message: 'office NOPE was not found' },
    ]);

    const real = await custos(`org import ${file('bad.csv')} --kind people --json`);
    expect(real).toMatchObject({ code: IMPORT_INVALID, stdout: '' });
    expect(real.stderr).toBe(
      'custos: The file has 1 problem(s); nothing was imported\n  row 3, Office code: office NOPE was not found\n',
    );
    expect(await services().people.findByEmail(ctx, 'fine@example.org')).toBeUndefined();
  });

  it('exports to .csv or .xlsx by extension, refuses to overwrite without --force, and re-imports as unchanged', async () => {
    const exported = await json<{ rows: number; format: string }>(
      `org export ${file('out.xlsx')} --kind people --json`,
    );
    expect(exported).toMatchObject({ rows: 2, format: 'xlsx' });
    const again = await custos(`org export ${file('out.xlsx')} --kind people`);
    expect(again.code).toBe(ERROR_CATALOGUE.conflict.exit);
    expect(again.stderr).toContain('--force');
    expect(await ok(`org export ${file('out.xlsx')} --kind people --force`)).toBe(
      `Exported 2 people to ${file('out.xlsx')}\n`,
    );
    expect(await ok(`org export ${file('offices.csv')} --kind offices`)).toBe(
      `Exported 1 office to ${file('offices.csv')}\n`,
    );
    expect(fs.readFileSync(file('offices.csv'), 'utf8')).toContain('KE-NBO,Kenya,country_office,EHOA,KE,');
    for (const [name, kind] of [
      ['out.xlsx', 'people'],
      ['offices.csv', 'offices'],
    ] as const)
      expect(await json<ImportReport>(`org import ${file(name)} --kind ${kind} --json`)).toMatchObject({
        created: 0,
        updated: 0,
        issues: [],
      });
  });

  it('writes the template as a workbook with the office drop-down', async () => {
    expect(await ok(`org template ${file('template.xlsx')} --kind people`)).toBe(
      `Wrote the people template to ${file('template.xlsx')}\n`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('template.xlsx'));
    expect(workbook.getWorksheet('Lists')!.getCell('A1').value).toBe('KE-NBO');
    const csvTemplate = await custos(`org template ${file('template.csv')} --kind people`);
    expect(csvTemplate.code).toBe(ERROR_CATALOGUE.validation_failed.exit);
    expect(fs.existsSync(file('template.csv'))).toBe(false);
  });

  it('names the wrong argument: an unknown kind, a missing file, an unknown extension', async () => {
    const kind = await custos(`org import ${file('people.csv')} --kind regions`);
    expect(kind.code).toBe(ERROR_CATALOGUE.validation_failed.exit);
    expect(kind.stderr).toMatch(/^custos: --kind: /);
    const missing = await custos(`org import ${file('nope.csv')} --kind people`);
    expect(missing).toMatchObject({ code: ERROR_CATALOGUE.not_found.exit });
    expect(missing.stderr).toContain('nope.csv was not found');
    const extension = await custos(`org export ${file('people.txt')} --kind people`);
    expect(extension.code).toBe(ERROR_CATALOGUE.validation_failed.exit);
    expect(extension.stderr).toContain('.xlsx or .csv');
  });
});

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('custos org import, spawned as a user runs it', { timeout: 60_000 }, () => {
  let dir: string;
  let url: string;

  function spawnCustos(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', ...args],
        { cwd: ROOT, env: { ...process.env, CUSTOS_DB: url }, timeout: 60_000 },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== 'number') reject(error);
          else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
        },
      );
    });
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-org-import-spawn-'));
    url = `sqlite:${path.join(dir, 'custos.db')}`;
    const services = await openRuntime(loadConfig({ db: url }, {}));
    try {
      const ctx = { actor: systemActor('test'), requestId: null };
      await services.offices.create(ctx, { code: 'HQ-GVA', name: 'Geneva', kind: 'hq_department' });
    } finally {
      await services.db.close();
    }
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a bad row of a dry run as JSON with exit code 8, then imports a good file', async () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      bad,
      csv([
        ['Courriel', 'Nom complet', 'Bureau'],
        ['a@example.org', 'A', 'HQ-GVA'],
        ['b@', 'B', 'HQ-GVA'],
      ]),
    );
    const dry = await spawnCustos('org', 'import', bad, '--kind', 'people', '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(IMPORT_INVALID);
    expect(dry.stderr).toBe('');
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dry_run: true,
      rows: 2,
      created: 1,
      issues: [{ row: 3, column: 'Courriel', message: 'not a valid e-mail address' }],
    });

    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(
      good,
      csv([
        ['Courriel', 'Nom complet', 'Bureau'],
        ['a@example.org', 'A', 'HQ-GVA'],
      ]),
    );
    const real = await spawnCustos('org', 'import', good, '--kind', 'people');
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toBe('Imported 1 row(s) of people: 1 added, 0 updated, 0 unchanged.\n');
  });
});
