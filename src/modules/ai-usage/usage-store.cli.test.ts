import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeCli } from '../../cli/testing/in-process.js';
import { gzip, TEST_KEY } from './testing/fixtures.js';
import { HAND_LOG } from './testing/usage-log.js';

/* `custos usage ingest` and `custos usage report`, run in process on a database of each dialect. */

describeCli('custos usage ingest and report', ({ custos, json, ok }) => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(() => {
    vi.stubEnv('CUSTOS_USAGE_KEY', TEST_KEY);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-usage-store-'));
    fs.writeFileSync(file('proxy.csv'), HAND_LOG.replaceAll(',Finance,Nairobi', ',,'));
    fs.writeFileSync(file('users.csv'), 'user,department,office\nu1,Finance,Nairobi\nu2,Finance,Nairobi\n');
    const cut = gzip(HAND_LOG.repeat(20));
    fs.writeFileSync(file('cut.csv.gz'), cut.subarray(0, cut.length - 30));
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ingests files one by one: a damaged one fails alone and the exit code says so', async () => {
    const run = await custos(
      'usage ingest --json --directory',
      file('users.csv'),
      file('cut.csv.gz'),
      file('proxy.csv'),
    );
    expect(run.code).toBe(2);
    const { files } = JSON.parse(run.stdout) as {
      files: { file: string; status: string; events?: number }[];
    };
    expect(files).toEqual([
      expect.objectContaining({ file: file('cut.csv.gz'), status: 'failed' }),
      expect.objectContaining({
        file: 'proxy.csv',
        status: 'ingested',
        events: 8,
        alerts: expect.objectContaining({ alerts: 0 }),
      }),
    ]);
    const again = await custos('usage ingest', file('proxy.csv'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/proxy\.csv\s+already ingested/);
    expect(again.stderr).toMatch(/^Ingesting .*proxy\.csv/);
  });

  it('prints the report from what is stored, with the directory’s departments', async () => {
    const report = await json<{
      totals: object;
      departments: { department: string | null; users: number }[];
    }>('usage report --from 2026-11-23 --to 2026-12-01 --json');
    expect(report.totals).toEqual({ events: 8, ai_events: 7, ai_users: 4 });
    expect(report.departments).toContainEqual(expect.objectContaining({ department: 'Finance', users: 2 }));
    const text = await ok('usage report --from 2026-11-23 --to 2026-12-01 --lang es');
    expect(text).toMatch(
      /^AI usage 2026-11-23 to 2026-12-01\n\nDel 23 de noviembre de 2026 al 1 de diciembre de 2026, 7 de 8 solicitudes \(87,5\s%\)/,
    );
  });

  it('writes the XLSX report with small cells suppressed unless asked otherwise', async () => {
    await ok('usage report --from 2026-11-23 --to 2026-12-01 --xlsx', file('report.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('report.xlsx'));
    expect(workbook.getWorksheet('Apps')!.getRow(2).getCell(8).value).toBe('<5');
    await ok('usage report --from 2026-11-23 --to 2026-12-01 --suppress off --xlsx', file('exact.xlsx'));
    await workbook.xlsx.readFile(file('exact.xlsx'));
    expect(workbook.getWorksheet('Apps')!.getRow(2).getCell(8).value).toBe(3);
  });

  it('refuses a period that ends before it starts, naming the flag', async () => {
    const run = await custos('usage report --from 2026-12-01 --to 2026-11-01');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--from');
  });

  it('lists the apps with the organisation’s status', async () => {
    const { apps } = await json<{ apps: { id: string; status: string; risk_reasons: string[] }[] }>(
      'usage apps --json',
    );
    expect(apps.find((a) => a.id === 'chatgpt')).toMatchObject({
      status: 'not_reviewed',
      risk_reasons: expect.any(Array),
    });
  });

  it('shows and changes the alert settings, naming a bad flag, and evaluates the alerts', async () => {
    expect(await ok('usage alert-settings')).toMatch(/more than 10 distinct users.*\n.*50 MiB/);
    const saved = await json<{ min_users: number; version: number }>(
      'usage alert-settings --min-users 4 --upload-mib 1 --json',
    );
    expect(saved).toMatchObject({ min_users: 4, version: 1 });
    const stale = await custos('usage alert-settings --min-users 5 --version 0');
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toMatch(/version/i);
    const bad = await custos('usage alert-settings --min-users 2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--min-users');
    const alerts = await json<{
      run: { alerts: number };
      alerts: unknown[];
      settings: { min_users: number };
    }>('usage alerts --json');
    expect(alerts).toMatchObject({ run: { alerts: 0 }, alerts: [], settings: { min_users: 4 } });
    expect(await ok('usage alerts --no-evaluate')).toMatch(/^AI usage alerts, .*: 0$/m);
  });

  it('lists the apps with the status and where it comes from', async () => {
    const text = await ok('usage apps');
    expect(text).toMatch(/STATUS FROM/);
    expect(text).toMatch(/chatgpt .* not reviewed\s+not reviewed/);
  });
});
