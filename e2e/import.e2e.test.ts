import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../src/core/permissions.js';
import { describeInBrowser, documentationScreenshot, WAIT, type BrowserSession } from './support/browser.js';
import { closeAll, openBrowserTest } from './support/browser-test.js';
import { createAccount, seedKenyanOffice } from './support/seed.js';
import type { E2eServer } from './support/server.js';

const IMPORTER = {
  email: 'importer@example.org',
  password: 'a long enough import password',
  name: 'Importer',
};

describeInBrowser('importing people from a spreadsheet in the browser', () => {
  let server: E2eServer;
  let browser: BrowserSession;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-import-e2e-'));

  const csv = (name: string, rows: string[]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, ['email,full_name,office_code,governance_roles', ...rows].join('\n'));
    return file;
  };

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserTest(
      async (services, operator) => {
        await seedKenyanOffice(services, operator, {
          code: 'CO-KE',
          name: 'Kenya Country Office',
          city: 'Nairobi',
        });
        await createAccount(services, operator, IMPORTER, 'governance_officer');
      },
      { signInAs: IMPORTER },
    ));
  }, 180_000);

  afterAll(async () => {
    await closeAll(browser, server);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the problems of a bad file by row and column and imports nothing', async () => {
    await page.goto(`${server.baseUrl}/import`);
    await page.getByRole('heading', { level: 1, name: 'Import and export' }).waitFor(WAIT);
    await page
      .locator('input[type=file]')
      .setInputFiles(
        csv('bad.csv', [
          'amina.yusuf@example.org,Amina Yusuf,CO-KE,focal_point',
          'not-an-email,Jo Doe,CO-KE,',
          'lea.martin@example.org,Léa Martin,CO-XX,',
        ]),
      );
    await page.getByRole('button', { name: 'Check file' }).click();
    const issues = page.getByRole('table', { name: 'Problems in the file' });
    await issues.waitFor(WAIT);
    const text = await issues.innerText();
    expect(text).toMatch(/^3\temail\t/m); // the second data row is spreadsheet row 3
    expect(text).toMatch(/^4\toffice_code\t.*CO-XX/m);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    const people = await server.services.people.list(
      { actor: systemActor('e2e'), requestId: null },
      { limit: 10 },
    );
    expect(people.items).toHaveLength(0);
  });

  it('imports a clean file after checking it, and the people appear in the list', async () => {
    await page
      .locator('input[type=file]')
      .setInputFiles(
        csv('good.csv', [
          'amina.yusuf@example.org,Amina Yusuf,CO-KE,focal_point',
          'jose.garcia@example.org,José García,CO-KE,data_owner',
        ]),
      );
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('The file is ready to import').waitFor(WAIT);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Import complete').waitFor(WAIT);
    await documentationScreenshot(page, 'import.png');
    await page.goto(`${server.baseUrl}/people`);
    await page.getByRole('link', { name: 'José García' }).waitFor(WAIT);
  });
});
