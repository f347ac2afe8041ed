import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUserThroughApi, signInReplacingFirstPassword } from './support/api.js';
import {
  clickMainNav,
  describeInBrowser,
  documentationScreenshot,
  launchBrowser,
  WAIT,
  type BrowserSession,
} from './support/browser.js';
import { closeAll, openBrowserTest } from './support/browser-test.js';
import { seedAdminAndKenyanOffice } from './support/seed.js';
import type { E2eServer } from './support/server.js';

const ADMIN = {
  email: 'risk.admin@example.org',
  password: 'a long enough admin password',
  name: 'Risk Admin',
};
const OFFICER = {
  email: 'risk.officer@example.org',
  name: 'Risk Officer',
  first: 'a first officer password',
  password: 'the officer password now',
};
const RISK = 'Beneficiary lists sent by personal e-mail';

describeInBrowser('the risk register in the browser', () => {
  let server: E2eServer;
  let admin: BrowserSession;
  let officer: BrowserSession;
  let page: Page;
  let riskUrl = '';

  const choose = async (scope: Page | ReturnType<Page['getByRole']>, label: RegExp, option: string) => {
    await scope.getByLabel(label).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  beforeAll(async () => {
    const seed = seedAdminAndKenyanOffice(ADMIN, { code: 'KE-NBO', name: 'Nairobi' });
    ({ server, browser: admin, page } = await openBrowserTest(seed, { signInAs: ADMIN }));
  }, 180_000);

  afterAll(() => closeAll(officer, admin, server), 60_000);

  it('records a risk from the Risks section of the navigation', async () => {
    await clickMainNav(page, 'Risk register');
    await page.waitForURL(/\/risks$/, WAIT);
    await page.getByText('No risks match.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Add a risk' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a risk' });
    await dialog.getByLabel(/^Title/).fill(RISK);
    await choose(dialog, /^Category/, 'Data protection');
    await choose(dialog, /^Office/, 'Nairobi');
    await choose(dialog, /^Inherent likelihood/, '4 · Likely');
    await choose(dialog, /^Inherent impact/, '5 · Severe');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/risks\/[0-9a-f-]{36}$/, WAIT);
    riskUrl = page.url();
    await page.getByRole('heading', { level: 1, name: RISK }).waitFor(WAIT);
    await page.getByText('4 Likely × 5 Severe = 20').waitFor(WAIT);
  }, 60_000);

  it('shows the risk on the inherent heat map, whose figures download as XLSX', async () => {
    await clickMainNav(page, 'Heat map');
    await page.getByText('1 risk(s) not closed, in your offices.').waitFor(WAIT);
    const card = page.getByRole('region', { name: 'Inherent risk heat map' });
    await card.getByRole('img').waitFor(WAIT);
    await page.getByRole('button', { name: 'Download Inherent risk heat map' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByRole('menuitem', { name: 'XLSX' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(fs.readFileSync(await file.path())).buffer);
    const sheet = workbook.worksheets[0]!;
    // Rows: header, then Almost certain (5) down to Rare (1); columns: label, then impacts 1–5.
    const likely = sheet.getRow(3);
    expect(likely.getCell(1).value).toBe('Likely');
    expect(likely.getCell(6).value).toBe(1);
    const total = [2, 3, 4, 5, 6]
      .flatMap((r) => [2, 3, 4, 5, 6].map((c) => Number(sheet.getRow(r).getCell(c).value)))
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(1);
    await documentationScreenshot(page, 'risks-heat-map.png');
  }, 60_000);

  it('refuses the proposer’s own acceptance and lets a second user sign it off', async () => {
    await page.goto(riskUrl);
    await page.getByRole('tab', { name: 'Acceptance' }).click();
    await page
      .getByText('You recorded this risk: its owner or another governance officer must sign its acceptance.')
      .waitFor(WAIT);
    await createUserThroughApi(page.request, server.baseUrl, OFFICER, 'governance_officer');
    officer = await launchBrowser();
    await signInReplacingFirstPassword(officer.context.request, server.baseUrl, OFFICER);
    const signer = officer.page;
    await signer.goto(riskUrl);
    await signer.getByRole('tab', { name: 'Acceptance' }).click();
    await signer.getByLabel(/^Justification/).fill('Partners move to the secure transfer tool next quarter.');
    await signer.getByLabel(/^Acceptance expires/).fill('2099-06-30');
    await signer.getByRole('button', { name: 'Accept the risk' }).click();
    await signer.getByRole('table', { name: 'Sign-offs' }).getByText(OFFICER.email).waitFor(WAIT);
    await signer.getByText('Accepted', { exact: true }).first().waitFor(WAIT);
    await documentationScreenshot(signer, 'risks-acceptance.png');
    expect(admin.scriptProblems).toEqual([]);
    expect(officer.scriptProblems).toEqual([]);
  }, 60_000);
});
