import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../src/core/permissions.js';
import { describeInBrowser, documentationScreenshot, WAIT, type BrowserSession } from './support/browser.js';
import { closeAll, openBrowserTest } from './support/browser-test.js';
import { createAccount, seedKenyanOffice } from './support/seed.js';
import type { E2eServer } from './support/server.js';

const IMPORTER = {
  email: 'inventory.importer@example.org',
  password: 'a long enough inventory password',
  name: 'Inventory importer',
};

describeInBrowser('importing data assets from the inventory template in the browser', () => {
  let server: E2eServer;
  let browser: BrowserSession;
  let page: Page;
  let template: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-inventory-e2e-'));
  const operator = { actor: systemActor('e2e'), requestId: null };

  /** The downloaded template with these rows filled in under its header row, saved as a new file. */
  const filled = async (name: string, rows: string[][]) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const sheet = workbook.getWorksheet('Assets')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const at = (key: string) => headers.indexOf(key) + 1;
    rows.forEach(([assetName, type, office, label], i) => {
      const row = sheet.getRow(i + 2);
      row.getCell(at('name')).value = assetName!;
      row.getCell(at('asset_type')).value = type!;
      row.getCell(at('office_code')).value = office!;
      row.getCell(at('sensitivity_label')).value = label!;
      row.getCell(at('personal_data')).value = 'oui';
      row.commit();
    });
    const file = path.join(dir, name);
    await workbook.xlsx.writeFile(file);
    return file;
  };

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserTest(
      async (services, op) => {
        await seedKenyanOffice(services, op, { code: 'CO-KE', name: 'Kenya Country Office' });
        await createAccount(services, op, IMPORTER, 'governance_officer');
      },
      { signInAs: IMPORTER },
    ));
  }, 180_000);

  afterAll(async () => {
    await closeAll(browser, server);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('downloads the template from the inventory section', async () => {
    await page.getByRole('link', { name: 'Import and export' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Inventory: import and export' }).waitFor(WAIT);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the template' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('custos-inventory-template.xlsx');
    template = path.join(dir, 'template.xlsx');
    await download.saveAs(template);
  });

  it('shows the problem of a filled template by row and column, imports nothing, then imports the fixed file', async () => {
    const input = page.locator('input[type=file]');
    await input.setInputFiles(
      await filled('bad.xlsx', [
        ['Beneficiary registry', 'database', 'CO-KE', 'Strictly Confidential'],
        ['Market prices', 'dataset', 'CO-XX', 'Public'],
      ]),
    );
    await page.getByRole('button', { name: 'Check file' }).click();
    const issues = page.getByRole('table', { name: 'Problems in the file' });
    await issues.waitFor(WAIT);
    expect(await issues.innerText()).toMatch(/^3\toffice_code\t.*CO-XX/m);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    expect((await server.services.assets.list(operator, { limit: 10 })).items).toHaveLength(0);

    await input.setInputFiles(
      await filled('good.xlsx', [
        ['Beneficiary registry', 'database', 'CO-KE', 'Strictly Confidential'],
        ['Market prices', 'dataset', 'CO-KE', 'Public'],
      ]),
    );
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('The file is ready to import').waitFor(WAIT);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Import complete').waitFor(WAIT);
    await documentationScreenshot(page, 'inventory-import.png');
    const assets = await server.services.assets.list(operator, { limit: 10 });
    expect(assets.items.map((asset) => [asset.name, asset.personal_data])).toEqual([
      ['Beneficiary registry', true],
      ['Market prices', true],
    ]);
    expect(browser.scriptProblems).toEqual([]);
  });
});
