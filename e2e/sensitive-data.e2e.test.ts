import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../src/core/permissions.js';
import { syntheticReport } from '../src/modules/classification/synthetic-reports.js';
import { describeInBrowser, WAIT, type BrowserSession } from './support/browser.js';
import { closeAll, openBrowserTest } from './support/browser-test.js';
import { seedAccountOnly } from './support/seed.js';
import type { E2eServer } from './support/server.js';

const ADMIN = {
  email: 'e2e.sensitive@example.org',
  password: 'e2e correct horse battery',
  name: 'E2E Sensitive',
};

/** 40 survey records: 36 in shared keys, 4 unique combinations of age, sex and district. */
const SURVEY = [
  'age,sex,district,income',
  ...Array.from({ length: 36 }, (_, i) => `${20 + (i % 3) * 10},${i % 2 ? 'F' : 'M'},Nairobi,${i * 10}`),
  '87,F,Turkana,5',
  '91,M,Marsabit,8',
  '19,F,Lamu,9',
  '66,M,Wajir,4',
].join('\n');

/** A small beneficiary list, in Spanish: names and Colombian mobile numbers. */
const REGISTRO = [
  'nombre,telefono',
  ...['Ana Gómez', 'Luis Pérez', 'María Ruiz', 'Jorge Díaz', 'Sofía Torres', 'Carlos Vega'].map(
    (name, i) => `${name},+57300123456${i}`,
  ),
].join('\n');

describeInBrowser('sensitive data in the browser', () => {
  let server: E2eServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserTest(seedAccountOnly(ADMIN, 'admin'), { signInAs: ADMIN }));
  });
  afterAll(() => closeAll(browser, server));

  it('measures the disclosure risk of an uploaded survey and shows the numbers', async () => {
    await page.getByRole('link', { name: 'Disclosure risk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Disclosure risk' }).waitFor(WAIT);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(SURVEY) });
    await page.getByRole('button', { name: 'Measure the risk' }).click();
    const verdict = page.getByRole('status').filter({ hasText: 'Global risk' });
    await verdict.waitFor(WAIT);
    expect(await verdict.textContent()).toMatch(/above the 3% threshold/);
    expect(await verdict.textContent()).toMatch(/among 40 records/);
    const uniques = page.getByText('Sample uniques', { exact: true }).locator('..');
    expect(await uniques.textContent()).toBe('Sample uniques4');
    // The suggested quasi-identifiers are preselected for the next measurement.
    expect(await page.getByRole('button', { name: 'Measure again' }).isEnabled()).toBe(true);
  });

  it('scans an uploaded file as a job and confirms the proposed label', async () => {
    await page.getByRole('link', { name: 'Scans' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sensitive-data scans' }).waitFor(WAIT);
    await page.locator('input[type=file]').setInputFiles({
      name: 'registro.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(REGISTRO),
    });
    await page.getByRole('button', { name: 'Start scan' }).click();
    await page.getByText('Finished').first().waitFor(WAIT);
    await page.getByRole('link', { name: 'Open the scan result' }).click();
    await page.getByRole('heading', { level: 1, name: 'registro.csv' }).waitFor(WAIT);
    // The scanner's own evidence: the phone column, with masked examples only.
    await page
      .getByText(/\+5730\*{6}6\d/)
      .first()
      .waitFor(WAIT);
    await page.getByRole('button', { name: 'Confirm label' }).click();
    const decided = page.getByRole('status').filter({ hasText: 'Label decided' });
    await decided.waitFor(WAIT);
    expect(await decided.textContent()).toMatch(/as proposed/);
    const [scan] = (
      await server.services.scans.list({ actor: systemActor('e2e-check'), requestId: null }, {})
    ).items;
    expect(scan).toMatchObject({ confirmed_count: 1, dataset_count: 1 });
  });

  it('shows the scans newest first, 50 at a time, with Load more for older ones', async () => {
    const operator = { actor: systemActor('e2e-seed'), requestId: null };
    for (let i = 1; i <= 50; i++)
      await server.services.scans.importReport(
        operator,
        { sources: [{ kind: 'file', name: `seeded-${i}.csv` }], sampling: { kind: 'full' } },
        syntheticReport([`seeded-${i}.csv`], server.services.scans.policy()),
      );
    await page.goto(`${server.baseUrl}/sensitive-data/scans`);
    const rows = page.getByRole('table', { name: 'Sensitive-data scans' }).getByRole('row');
    await rows.nth(50).waitFor(WAIT); // the header and 50 scans
    expect(await rows.nth(1).textContent()).toContain('seeded-50.csv');
    expect(await rows.count()).toBe(51);
    await page.getByRole('button', { name: 'Load more' }).click();
    await rows.nth(51).waitFor(WAIT);
    expect(await rows.nth(51).textContent()).toContain('registro.csv');
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    expect(browser.scriptProblems).toEqual([]);
  });
});
