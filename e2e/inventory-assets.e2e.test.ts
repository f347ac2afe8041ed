import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../src/core/permissions.js';
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
import { createAccount, seedKenyanOffice } from './support/seed.js';
import type { E2eServer } from './support/server.js';

const ADMIN = { email: 'e2e.admin@example.org', password: 'e2e correct horse battery', name: 'E2E Admin' };
const ASSET = 'Beneficiary registry';
const SYSTEM = 'Cash transfer platform';

describeInBrowser('data inventory in the browser', () => {
  let server: E2eServer;
  let browser: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let assetId = '';

  /** Choose an option of a select, typing first for pickers that search the API. */
  const choose = async (
    scope: ReturnType<Page['getByRole']>,
    label: RegExp,
    option: string,
    typed?: string,
  ) => {
    const input = scope.getByLabel(label);
    if (typed) await input.fill(typed);
    else await input.click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserTest(async (services, operator) => {
      await createAccount(services, operator, ADMIN, 'admin');
      const office = await seedKenyanOffice(services, operator, {
        code: 'KE-NBO',
        name: 'Kenya Country Office',
      });
      const owner = await services.people.create(operator, {
        full_name: 'Amina Otieno',
        email: 'amina.otieno@example.org',
        office_id: office.id,
      });
      await services.assets.create(operator, {
        name: SYSTEM,
        asset_type: 'application',
        office_id: office.id,
        data_owner_id: owner.id,
      });
    }));
    baseUrl = server.baseUrl;
  }, 180_000);

  afterAll(() => closeAll(browser, server));

  it('signs in, adds an asset under a system, which takes the system’s owner, and shows its health', async () => {
    await page.goto(`${baseUrl}/inventory/assets`);
    await page.waitForURL(/\/sign-in/, WAIT);
    await submitSignIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { level: 1, name: 'Data assets' }).waitFor(WAIT);

    await page.getByRole('button', { name: 'New asset' }).click();
    const dialog = page.getByRole('dialog', { name: 'New data asset' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('This field is required.').first().waitFor(WAIT);

    await dialog.getByLabel(/^Name/).fill(ASSET);
    await dialog.getByLabel('Description').fill('Households registered for cash assistance in Nairobi');
    await choose(dialog, /^System/, SYSTEM, 'cash');
    await choose(dialog, /^Office/, 'Kenya Country Office');
    await choose(dialog, /^Sensitivity label/, 'Confidential');
    await dialog.getByLabel('Holds personal data').check();
    await dialog.getByLabel(/^Tags/).fill('cash');
    await dialog.getByLabel(/^Tags/).press('Enter');
    await dialog.getByRole('button', { name: 'Create' }).click();

    await page.getByRole('heading', { level: 1, name: ASSET }).waitFor(WAIT);
    assetId = /\/inventory\/assets\/([^/?]+)$/.exec(page.url())?.[1] ?? '';
    await page.getByRole('link', { name: 'Amina Otieno (amina.otieno@example.org)' }).waitFor(WAIT);
    await page.getByRole('link', { name: SYSTEM }).waitFor(WAIT);

    // Its health: each control's result, and what to fix.
    const health = page.getByRole('table', { name: `Health controls of ${ASSET}` });
    const cells = async (control: string) =>
      health.getByRole('row').filter({ hasText: control }).getByRole('cell').allTextContents();
    await health.waitFor(WAIT);
    expect(await cells('Classification')).toEqual(['Classification', 'Pass', '']);
    expect(await cells('Ownership')).toEqual(['Ownership', 'Fail', 'No data custodian is set']);
  }, 90_000);

  it('finds assets by full-text search, label and failing control, with the filters in the address', async () => {
    await clickMainNav(page, 'Data assets');
    await page.getByLabel('Search assets').fill('househ nairobi');
    await page.waitForURL(/q=househ\+nairobi/, WAIT);
    const table = page.getByRole('table', { name: 'Data assets' });
    await table.getByRole('link', { name: SYSTEM }).waitFor({ state: 'detached', ...WAIT });
    expect(await table.getByRole('link').allTextContents()).toEqual([ASSET]);

    await page.getByLabel('Search assets').fill('');
    await table.getByRole('link', { name: SYSTEM }).waitFor(WAIT);
    await choose(page.getByRole('main'), /^Sensitivity label/, 'Confidential');
    await page.waitForURL(/sensitivity_label=Confidential/, WAIT);
    await table.getByRole('link', { name: SYSTEM }).waitFor({ state: 'detached', ...WAIT });
    const row = table.getByRole('row').filter({ hasText: ASSET });
    expect((await row.getByRole('cell').allTextContents()).slice(0, 5)).toEqual([
      ASSET,
      'Dataset',
      'Kenya Country Office',
      'Confidential',
      'Yes',
    ]);
    if (screenshotsWanted()) {
      await page.getByText(`${ASSET} was created.`).waitFor({ state: 'hidden', timeout: 15_000 });
      await documentationScreenshot(page, 'inventory.png');
    }

    // The same address shows the same list to whoever it is shared with.
    await page.goto(page.url());
    await table.getByRole('link', { name: ASSET }).waitFor(WAIT);

    // After a scoring, the assets failing a control: the system has no label, the asset has one.
    await server.services.scorecardSnapshots.take({ actor: systemActor('e2e'), requestId: null });
    await page.goto(`${baseUrl}/inventory/assets`);
    await table.getByRole('link', { name: ASSET }).waitFor(WAIT);
    await choose(page.getByRole('main'), /^Failing control/, 'Classification');
    await page.waitForURL(/control_failing=classification/, WAIT);
    await table.getByRole('link', { name: ASSET }).waitFor({ state: 'detached', ...WAIT });
    expect(await table.getByRole('link').allTextContents()).toEqual([SYSTEM]);
  }, 90_000);

  it('edits the asset, and after someone else’s change asks to reload before saving', async () => {
    await page.getByRole('table', { name: 'Data assets' }).getByRole('link', { name: SYSTEM }).waitFor(WAIT);
    await page.goto(`${baseUrl}/inventory/assets/${assetId}`);
    await page.getByRole('heading', { level: 1, name: ASSET }).waitFor(WAIT);

    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${ASSET}` });
    await dialog.getByLabel('Retention period').fill('5 years after the programme closes');
    const current = await server.services.assets.get({ actor: systemActor('e2e'), requestId: null }, assetId);
    await server.services.assets.update({ actor: systemActor('e2e'), requestId: null }, assetId, {
      purpose: 'Targeting and payments',
      version: current.version,
    });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Changed by someone else' }).waitFor(WAIT);
    await dialog.getByRole('button', { name: 'Reload' }).click();
    await dialog.getByLabel('Retention period').fill('5 years after the programme closes');
    await dialog.getByRole('button', { name: 'Save' }).click();

    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await page.getByText('5 years after the programme closes', { exact: true }).waitFor(WAIT);
    await page.getByText('Targeting and payments', { exact: true }).waitFor(WAIT);
  }, 90_000);

  it('shows the asset’s history, field by field', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: `History of ${ASSET}` });
    await history.getByText('Retention period: — → 5 years after the programme closes').waitFor(WAIT);
    await history.getByText('Sensitivity label: — → Confidential').waitFor(WAIT);
    expect(await history.getByRole('row').count()).toBe(4);
  });

  it('refuses to delete a system that still holds assets, saying why, and pushes its ownership', async () => {
    await page.getByRole('link', { name: SYSTEM }).first().click();
    await page.getByRole('heading', { level: 1, name: SYSTEM }).waitFor(WAIT);
    await page.getByRole('tab', { name: 'Assets in this system' }).click();
    await page
      .getByRole('table', { name: 'Assets in this system' })
      .getByRole('link', { name: ASSET })
      .waitFor(WAIT);

    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${SYSTEM}?` });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByText('This system still holds 1 asset(s). Move or delete them first.').waitFor(WAIT);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Its owner was inherited, so pushing it again finds the asset up to date.
    await page.getByRole('button', { name: 'Push ownership to assets' }).click();
    const push = page.getByRole('dialog', { name: `Push the ownership of ${SYSTEM}` });
    await push.getByLabel('Overwrite: replace their value with the system’s').check();
    await push.getByRole('button', { name: 'Push' }).click();
    await page.getByText('Assets changed: 0; already up to date: 1; not yours to change: 0.').waitFor(WAIT);
  }, 90_000);

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(browser.scriptProblems).toEqual([]);
  });
});
