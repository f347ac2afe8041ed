import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeInBrowser,
  documentationScreenshot,
  submitSignIn,
  WAIT,
  type BrowserSession,
} from './support/browser.js';
import { closeAll, openBrowserTest } from './support/browser-test.js';
import { createAccount } from './support/seed.js';
import type { E2eServer } from './support/server.js';

const ADMIN = {
  email: 'e2e.rollout@example.org',
  password: 'e2e correct horse battery',
  name: 'E2E Rollout',
};

describeInBrowser('regional roll-out in the browser', () => {
  let server: E2eServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserTest(async (services, operator) => {
      await createAccount(services, operator, ADMIN, 'admin');
      const region = await services.regions.create(operator, {
        code: 'EHA',
        name: 'East and Horn of Africa',
      });
      const [kenya, ethiopia] = await services.offices.createMany(operator, [
        { code: 'CO-KE', name: 'Kenya', kind: 'country_office', region_id: region.id, country_code: 'KE' },
        { code: 'CO-ET', name: 'Ethiopia', kind: 'country_office', region_id: region.id, country_code: 'ET' },
      ]);
      const wave = await services.rollout.createWave(operator, {
        region_id: region.id,
        name: 'Pilot',
        number: 1,
      });
      await services.rollout.setOffice(operator, kenya!.id, {
        status: 'inventory_in_progress',
        wave_id: wave.id,
        // Twelve days ago: overdue whatever day the test runs.
        target_date: new Date(Date.now() - 12 * 86_400_000).toISOString().slice(0, 10),
        version: 0,
      });
      await services.rollout.setOffice(operator, ethiopia!.id, {
        status: 'onboarding',
        wave_id: wave.id,
        version: 0,
      });
    }));
  }, 180_000);

  afterAll(() => closeAll(browser, server));

  it('signs in and shows the progress and an overdue office', async () => {
    await page.goto(`${server.baseUrl}/rollout`);
    await submitSignIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { level: 1, name: 'Regional roll-out' }).waitFor(WAIT);
    await page.getByText('0 of 2 offices complete (0%), 1 overdue.').waitFor(WAIT);
    const offices = page.getByRole('table', { name: 'Offices' });
    const kenya = offices.getByRole('row').filter({ hasText: 'CO-KE' });
    await kenya.getByText('Overdue 12 days').waitFor(WAIT);
    await documentationScreenshot(page, 'rollout.png');
  }, 60_000);

  it('sets the overdue office complete with an actual date, and the progress follows', async () => {
    const kenya = page.getByRole('table', { name: 'Offices' }).getByRole('row').filter({ hasText: 'CO-KE' });
    await kenya.getByRole('button', { name: 'Edit Kenya' }).click();
    const dialog = page.getByRole('dialog', { name: 'Roll-out of Kenya' });
    await dialog.getByLabel(/^Status/).click();
    await page.getByRole('option', { name: 'Complete' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('give the date the office completed its onboarding').waitFor(WAIT);
    await dialog.getByLabel('Actual date').fill('2026-11-20');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });

    await page.getByText('1 of 2 offices complete (50%), 0 overdue.').waitFor(WAIT);
    expect(await kenya.getByText(/^Overdue/).count()).toBe(0);
    await kenya.getByText('Complete').waitFor(WAIT);
    await page.getByRole('progressbar', { name: 'Wave 1: Pilot: 50% complete' }).waitFor(WAIT);
    expect(browser.scriptProblems).toEqual([]);
  }, 60_000);
});
