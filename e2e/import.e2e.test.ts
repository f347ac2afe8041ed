import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/core/permissions.js';
import {
  checkBrowserPrerequisites,
  chromiumFound,
  documentationScreenshot,
  ensureWebBuilt,
  launchBrowser,
  WAIT,
  type BrowserSession,
} from './support/browser.js';
import { startServer, type E2eServer } from './support/server.js';

const EMAIL = 'importer@example.org';
const PASSWORD = 'a long enough import password';

checkBrowserPrerequisites('e2e/import.e2e.test.ts');

describe.skipIf(!chromiumFound)('importing people from a spreadsheet in the browser', () => {
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
    ensureWebBuilt();
    server = await startServer(async (services, operator) => {
      const region = await services.regions.create(operator, { code: 'EA', name: 'East Africa' });
      await services.offices.create(operator, {
        code: 'CO-KE',
        name: 'Kenya Country Office',
        kind: 'country_office',
        region_id: region.id,
        country_code: 'KE',
        city: 'Nairobi',
      });
      await services.accounts.createUser(operator, {
        email: EMAIL,
        display_name: 'Importer',
        role: 'governance_officer',
        password: PASSWORD,
      });
    });
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('E-mail').fill(EMAIL);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor(WAIT);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
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
