import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  clickMainNav,
  describeInBrowser,
  documentationScreenshot,
  screenshotsWanted,
  submitSignIn,
  WAIT,
  type BrowserSession,
} from './support/browser.js';
import { closeAll, openBrowserTest } from './support/browser-test.js';
import { createAccount } from './support/seed.js';
import type { E2eServer } from './support/server.js';

const ADMIN = { email: 'e2e.admin@example.org', password: 'e2e correct horse battery', name: 'E2E Admin' };

describeInBrowser('organisation in the browser', () => {
  let server: E2eServer;
  let browser: BrowserSession;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserTest(async (services, operator) => {
      await createAccount(services, operator, ADMIN, 'admin');
      await services.regions.create(operator, { code: 'EA', name: 'East Africa' });
    }));
    baseUrl = server.baseUrl;
  }, 180_000);

  afterAll(() => closeAll(browser, server));

  it('sends a signed-out visitor to sign in, explains a wrong password, then signs in', async () => {
    await page.goto(`${baseUrl}/offices`);
    await page.waitForURL(/\/sign-in\?next=%2Foffices$/, WAIT);
    await submitSignIn(page, ADMIN.email, 'not the password');
    await page.getByRole('alert').filter({ hasText: 'The e-mail or the password is wrong.' }).waitFor(WAIT);

    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/offices$/, WAIT);
    await page.getByRole('heading', { level: 1, name: 'Offices' }).waitFor(WAIT);
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await navigation.getByRole('link').allTextContents()).toEqual([
      'Regions',
      'Offices',
      'People',
      'Import and export',
      'Roll-out',
      'Data assets',
      'Import and export',
      'Scorecard',
      'My actions',
      'Scorecard settings',
      'Scans',
      'Access check',
      'Disclosure risk',
      'AI systems',
      'AI dashboard',
      'AI Act check',
      'AI usage',
      'Ingest logs',
      'AI app catalogue',
      'Risk register',
      'Heat map',
      'Library',
      'Crosswalk',
      'Compliance',
      'Assessments',
      'Users',
      'Audit trail',
      'API tokens',
    ]);
    await page.getByRole('button', { name: `Account menu for ${ADMIN.name}` }).waitFor(WAIT);
  });

  it('creates an office and finds it in the offices list', async () => {
    await page.getByRole('button', { name: 'New office' }).click();
    const dialog = page.getByRole('dialog', { name: 'New office' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('This field is required.').first().waitFor(WAIT);

    await dialog.getByLabel(/^Code/).fill('ke-nbo');
    await dialog.getByLabel(/^Name/).fill('Kenya Country Office');
    await dialog.getByLabel(/^Country/).fill('KE');
    await dialog.getByLabel(/^City/).fill('Nairobi');
    await dialog.getByLabel(/^Region/).click();
    await page.getByRole('option', { name: 'East Africa' }).click();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kenya Country Office' }).waitFor(WAIT);

    await clickMainNav(page, 'Offices');
    await page.getByLabel('Search offices').fill('Kenya');
    await page.waitForURL(/q=Kenya/, WAIT);
    const table = page.getByRole('table', { name: 'Offices' });
    await table.getByRole('link', { name: 'Kenya Country Office' }).waitFor(WAIT);
    const row = table.getByRole('row').filter({ hasText: 'KE-NBO' });
    expect(await row.count()).toBe(1);
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'KE-NBO',
      'Kenya Country Office',
      'Country office',
      'East Africa',
      'KE',
      'Nairobi',
    ]);
    if (screenshotsWanted()) {
      await page.getByText('Kenya Country Office was created.').waitFor({ state: 'hidden', timeout: 15_000 });
      await documentationScreenshot(page, 'organisation.png');
    }
  });

  it('switches to French, sets the page language and remembers the choice', async () => {
    await page.goto(`${baseUrl}/offices`);
    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bureaux' }).waitFor(WAIT);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Bureaux' }).waitFor(WAIT);
    expect(await page.getByRole('link', { name: 'Aller au contenu principal' }).count()).toBe(1);
  });

  it('signs out and keeps the pages closed afterwards', async () => {
    await page.getByRole('button', { name: `Menu du compte de ${ADMIN.name}` }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/sign-in/, WAIT);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor(WAIT);

    await page.goto(`${baseUrl}/people`);
    await page.waitForURL(/\/sign-in\?next=%2Fpeople$/, WAIT);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(browser.scriptProblems).toEqual([]);
  });
});
