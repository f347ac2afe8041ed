import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { squidLine, TEST_KEY } from '../src/modules/ai-usage/testing/fixtures.js';
import {
  clickMainNav,
  describeInBrowser,
  documentationScreenshot,
  WAIT,
  type BrowserSession,
} from './support/browser.js';
import { closeAll, openBrowserTest } from './support/browser-test.js';
import { seedAccountOnly } from './support/seed.js';
import type { E2eServer } from './support/server.js';

const ADMIN = { email: 'admin@example.org', password: 'a long enough admin password', name: 'Admin' };

/**
 * A small Squid log from yesterday (inside the dashboard's default last 30 days): three people on
 * ChatGPT (four requests), one on DeepL (uploading 2 MiB), one request to a site that is no AI app, one malformed line.
 */
function squidLog(): string {
  const yesterday = Math.floor(Date.now() / 1000) - 86_400;
  return [
    squidLine({ time: yesterday, user: 'amina', url: 'chatgpt.com:443' }),
    squidLine({ time: yesterday + 60, user: 'amina', url: 'chat.openai.com:443' }),
    squidLine({ time: yesterday + 120, user: 'jdoe', url: 'chatgpt.com:443' }),
    squidLine({ time: yesterday + 180, user: 'pmartin', url: 'chatgpt.com:443' }),
    squidLine({
      time: yesterday + 240,
      user: 'jdoe',
      url: 'www.deepl.com:443',
      requestSize: 2 * 1024 * 1024,
    }),
    squidLine({ time: yesterday + 300, user: 'jdoe', url: 'www.example.org:443' }),
    'this line is not a Squid log line',
  ].join('\n');
}

describeInBrowser('AI usage monitoring in the browser', () => {
  let server: E2eServer;
  let browser: BrowserSession;
  let page: Page;

  const chatGptRow = () =>
    page.getByRole('table', { name: /AI apps used in the period/ }).getByRole('row', { name: /ChatGPT/ });

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserTest(seedAccountOnly(ADMIN, 'admin'), {
      settings: { usageKey: TEST_KEY },
      signInAs: ADMIN,
    }));
  }, 180_000);

  afterAll(() => closeAll(browser, server));

  it('ingests a Squid log and reports what it read', async () => {
    await clickMainNav(page, 'Ingest logs');
    await page.getByRole('heading', { level: 1, name: 'Ingest logs' }).waitFor(WAIT);
    await page.getByText('No log has been ingested yet.').waitFor(WAIT);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'access.log', mimeType: 'text/plain', buffer: Buffer.from(squidLog()) });
    await page.getByRole('button', { name: 'Ingest', exact: true }).click();
    const result = page.getByRole('status').filter({ hasText: 'access.log ingested' });
    await result.waitFor(WAIT);
    expect(await result.textContent()).toContain(
      'Format Squid access log: 7 lines, 6 requests, 5 matched to AI apps, 1 malformed lines.',
    );
    expect(await result.textContent()).toContain('Line 7:');
    const files = page.getByRole('table', { name: 'Ingested log files, newest first' });
    await files.getByRole('row', { name: /access\.log/ }).waitFor(WAIT);

    // The same file again changes nothing.
    await page.getByRole('button', { name: 'Ingest', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'access.log was already ingested: nothing changed' })
      .waitFor(WAIT);
    expect(await files.getByRole('row').count()).toBe(2);
  });

  it('shows ChatGPT with its users on the dashboard, and "<5" in the shared view', async () => {
    await clickMainNav(page, 'AI usage');
    await page.getByRole('heading', { level: 1, name: 'AI usage' }).waitFor(WAIT);
    await chatGptRow().waitFor(WAIT);
    const cells = async () => (await chatGptRow().getByRole('cell').allTextContents()).slice(1);
    expect(await cells()).toEqual([
      'Chat assistant',
      'Not reviewednobody reviewed it',
      'High risk',
      '4',
      '3',
      '0 B',
      expect.any(String),
    ]);
    await page
      .getByText(/5 of 6 requests/)
      .first()
      .waitFor(WAIT);
    await page.getByRole('heading', { name: 'Weekly trend' }).waitFor(WAIT);
    await documentationScreenshot(page, 'ai-usage.png');

    await page.getByRole('switch', { name: /Shared view/ }).check({ force: true });
    await chatGptRow().getByRole('cell', { name: '<5', exact: true }).waitFor(WAIT);
    expect((await cells())[4]).toBe('<5');
  });

  it('downloads the report as a workbook with small cells suppressed', async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByRole('button', { name: 'Download XLSX' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(fs.readFileSync(await file.path())).buffer);
    const rows = workbook
      .getWorksheet('Apps')!
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    const chatGpt = rows.find((row) => row.includes('ChatGPT'));
    expect(chatGpt).toContain('<5');
  });

  it('raises an alert for a newly seen app with large uploads once an admin lowers the threshold', async () => {
    await clickMainNav(page, 'AI usage');
    await page.getByRole('heading', { name: 'Alerts', exact: true }).waitFor(WAIT);
    await page.getByText('No alert.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Alert settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Alert settings' });
    await dialog.getByLabel('Upload to a new app (MiB)').fill('1');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await page.getByRole('button', { name: 'Evaluate now' }).click();
    const alert = page.getByRole('table', { name: /Alerts now true/ }).getByRole('row', { name: /DeepL/ });
    await alert.getByText('New app, large uploads').waitFor(WAIT);
    await alert.getByRole('link', { name: 'Open action' }).waitFor(WAIT);
    expect(await alert.textContent()).toContain('2.0 MiB');
  });

  it("sets an app's status in the catalogue, and the dashboard follows", async () => {
    await clickMainNav(page, 'AI app catalogue');
    await page.getByRole('heading', { level: 1, name: 'AI app catalogue' }).waitFor(WAIT);
    await page.getByLabel('Search name, vendor or domain').fill('chatgpt.com');
    const edit = page.getByRole('button', { name: 'Status of ChatGPT', exact: true });
    await edit.click();
    const dialog = page.getByRole('dialog', { name: 'Status of ChatGPT' });
    await dialog.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Approved', exact: true }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await page
      .getByRole('row', { name: /ChatGPT/ })
      .getByText('Approved', { exact: true })
      .waitFor(WAIT);

    await clickMainNav(page, 'AI usage');
    await chatGptRow().getByText('Approved', { exact: true }).waitFor(WAIT);
    await chatGptRow().getByText('set on the catalogue page').waitFor(WAIT);
  });
});
