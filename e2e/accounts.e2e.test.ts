import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  clickMainNav,
  describeInBrowser,
  documentationScreenshot,
  submitSignIn,
  WAIT,
  type BrowserSession,
} from './support/browser.js';
import { closeAll, openBrowserTest } from './support/browser-test.js';
import { seedKenyanOffice } from './support/seed.js';
import type { E2eServer } from './support/server.js';

const ADMIN_EMAIL = 'first.admin@example.org';
const NEW_PASSWORD = 'four unrelated words here';
const TOKEN_PATTERN = /^cus_([0-9a-f]{8})_[0-9a-f]{64}$/;

describeInBrowser('accounts, API tokens and the audit trail in the browser', () => {
  let server: E2eServer;
  let browser: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let generatedPassword = '';

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserTest(async (services, operator) => {
      // As `custos` does on an empty database: the first admin gets a generated one-time password.
      const admin = await services.accounts.bootstrapAdmin(ADMIN_EMAIL);
      generatedPassword = admin?.password ?? '';
      const kenya = await seedKenyanOffice(services, operator, {
        code: 'KE-NBO',
        name: 'Kenya Country Office',
        city: 'Nairobi',
      });
      // A user linked to a person: the audit trail names the person, not their id.
      const person = await services.people.create(operator, {
        full_name: 'Wanjiru Kamau',
        email: 'wanjiru.kamau@example.org',
        office_id: kenya.id,
      });
      await services.accounts.createUser(operator, {
        email: 'wanjiru.kamau@example.org',
        display_name: 'Wanjiru K.',
        role: 'viewer',
        person_id: person.id,
        password: 'a long enough passphrase',
      });
    }));
    baseUrl = server.baseUrl;
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  }, 180_000);

  afterAll(() => closeAll(browser, server));

  it('makes the first admin choose a new password, then opens the page asked for', async () => {
    expect(generatedPassword.length).toBeGreaterThanOrEqual(12);
    // Signed out, the "who am I" probe must not fail: no console error on the way to the sign-in page.
    const consoleErrors: string[] = [];
    const onConsole = (message: { type(): string; text(): string }) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    };
    page.on('console', onConsole);
    await page.goto(`${baseUrl}/audit`);
    await page.waitForURL(/\/sign-in\?next=%2Faudit$/, WAIT);
    await page.getByRole('button', { name: 'Sign in' }).waitFor(WAIT);
    page.off('console', onConsole);
    expect(consoleErrors).toEqual([]);
    await submitSignIn(page, ADMIN_EMAIL, generatedPassword);

    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor(WAIT);
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(0);
    const current = page.getByLabel(/^Current password/);
    const fresh = page.getByLabel(/^New password( \*)?$/);
    const again = page.getByLabel(/^New password again/);
    const submit = page.getByRole('button', { name: 'Change password and continue' });

    await current.fill(generatedPassword);
    await fresh.fill('too short');
    await again.fill('too short');
    await submit.click();
    await page.getByText('Enter at least 12 characters.').waitFor(WAIT);

    await fresh.fill(NEW_PASSWORD);
    await again.fill(`${NEW_PASSWORD}!`);
    await submit.click();
    await page.getByText('The two new passwords are not the same.').waitFor(WAIT);

    await again.fill(NEW_PASSWORD);
    await submit.click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor(WAIT);
    expect(page.url()).toBe(`${baseUrl}/audit`);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor(WAIT);
  });

  it('creates an API token and shows its secret once, with a working copy button', async () => {
    await clickMainNav(page, 'API tokens');
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor(WAIT);
    await page.getByText('You have no API tokens yet.').waitFor(WAIT);

    await page.getByRole('button', { name: 'New token' }).click();
    const form = page.getByRole('dialog', { name: 'New API token' });
    await form.getByLabel(/^Name/).fill('Monthly export');
    await form.getByRole('button', { name: 'Create' }).click();

    const created = page.getByRole('dialog', { name: 'Token created' });
    await created.getByText('Shown only once').waitFor(WAIT);
    const secret = await created.getByLabel('Your new token').inputValue();
    const prefix = TOKEN_PATTERN.exec(secret)?.[1];
    expect(prefix, secret).toBeDefined();
    await created.getByRole('button', { name: 'Copy' }).click();
    await created.getByRole('button', { name: 'Copied' }).waitFor(WAIT);
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);

    const me = await fetch(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(ADMIN_EMAIL);

    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'hidden', ...WAIT });
    const row = page
      .getByRole('table', { name: 'API tokens' })
      .getByRole('row')
      .filter({ hasText: 'Monthly export' });
    await row.waitFor(WAIT);
    expect(await row.getByRole('cell').nth(1).textContent()).toBe(`cus_${prefix}_…`);
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Read only');
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('Active');
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('button', { name: 'New token' }).click();
    expect(await page.getByRole('dialog', { name: 'New API token' }).getByLabel(/^Name/).inputValue()).toBe(
      '',
    );
    await page.getByRole('dialog', { name: 'New API token' }).getByRole('button', { name: 'Cancel' }).click();
  });

  it('lists the office creation in the audit trail, filters it and verifies the chain', async () => {
    await clickMainNav(page, 'Audit trail');
    const table = page.getByRole('table', { name: 'Audit events' });
    const officeRow = table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Kenya Country Office', exact: true }) });
    await officeRow.waitFor(WAIT);
    expect(await officeRow.getByRole('cell').nth(2).textContent()).toBe('Created');
    expect(await officeRow.getByRole('cell').nth(3).textContent()).toBe('OfficeKenya Country Office');
    await table.getByRole('row').filter({ hasText: 'Monthly export' }).first().waitFor(WAIT);
    const userRow = table.getByRole('row').filter({ hasText: 'Wanjiru K.' });
    await userRow.getByText('Person: — → Wanjiru Kamau').waitFor(WAIT);

    await page.getByRole('button', { name: 'Verify integrity' }).click();
    await page.getByRole('status').filter({ hasText: 'The audit trail is intact' }).waitFor(WAIT);
    await documentationScreenshot(page, 'audit.png');

    await page.getByRole('combobox', { name: 'Record type' }).click();
    await page.getByRole('option', { name: 'Office', exact: true }).click();
    await page.waitForURL(/entity_type=office/, WAIT);
    await table
      .getByRole('row')
      .filter({ hasText: 'Monthly export' })
      .waitFor({ state: 'detached', ...WAIT });
    expect(await officeRow.count()).toBe(1);
    await officeRow.getByRole('link', { name: 'Kenya Country Office' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kenya Country Office' }).waitFor(WAIT);
  });

  it('creates a user limited to one office and shows the one-time password once', async () => {
    await clickMainNav(page, 'Users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('dialog', { name: 'New user' });
    await form.getByLabel(/^E-mail/).fill('amina.diallo@example.org');
    await form.getByLabel(/^Name/).fill('Amina Diallo');
    await form.getByLabel(/^Role/).click();
    await page.getByRole('option', { name: 'Office focal point' }).click();
    await form.getByLabel('Offices in scope').click();
    await page.getByRole('option', { name: 'Kenya Country Office' }).click();
    await form.getByRole('button', { name: 'Create' }).click();

    const created = page.getByRole('dialog', { name: 'User created' });
    const password = await created.getByLabel('One-time password').inputValue();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await created.getByRole('button', { name: 'Done' }).click();

    const row = page
      .getByRole('table', { name: 'Users' })
      .getByRole('row')
      .filter({ hasText: 'Amina Diallo' });
    await row.waitFor(WAIT);
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 5)).toEqual([
      'Amina Diallo',
      'amina.diallo@example.org',
      'Office focal point',
      'Kenya Country Office',
      'Must change password',
    ]);
    expect(await page.content()).not.toContain(password);
    await page.getByText('Amina Diallo').first().hover();
    await documentationScreenshot(page, 'users.png');
  });

  it('explains a failed single sign-on on the sign-in page', async () => {
    await page.getByRole('button', { name: 'Account menu for Administrator' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/, WAIT);

    await page.goto(`${baseUrl}/login?error=oidc_failed`);
    await page.waitForURL(/\/sign-in\?error=oidc_failed$/, WAIT);
    await page.getByRole('alert').filter({ hasText: 'Single sign-on did not succeed.' }).waitFor(WAIT);

    await page.goto(`${baseUrl}/login?error=account_disabled`);
    await page.getByRole('alert').filter({ hasText: 'This account is disabled.' }).waitFor(WAIT);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(browser.scriptProblems).toEqual([]);
  });
});
