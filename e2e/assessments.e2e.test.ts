import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeInBrowser,
  documentationScreenshot,
  signIn,
  WAIT,
  type BrowserSession,
} from './support/browser.js';
import { closeAll, openBrowserTest } from './support/browser-test.js';
import { createAccount } from './support/seed.js';
import type { E2eServer } from './support/server.js';

const ADMIN = {
  email: 'e2e.assessments@example.org',
  password: 'e2e correct horse battery',
  name: 'E2E Assessor',
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describeInBrowser('assessments in the browser', () => {
  let server: E2eServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserTest(async (services, operator) => {
      await createAccount(services, operator, ADMIN, 'admin');
      const region = await services.regions.create(operator, {
        code: 'WCA',
        name: 'West and Central Africa',
      });
      await services.offices.createMany(operator, [
        { code: 'CO-SN', name: 'Senegal', kind: 'country_office', region_id: region.id, country_code: 'SN' },
      ]);
    }));
  }, 180_000);

  afterAll(() => closeAll(browser, server));

  it('starts a DPIA, answers and attaches evidence, records a finding, completes it and reads it locked', async () => {
    await signIn(page, server.baseUrl, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Assessments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assessments' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Start an assessment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start an assessment' });
    await dialog.getByRole('combobox', { name: 'Template' }).click();
    await page.getByRole('option', { name: 'Data protection impact assessment (DPIA)' }).click();
    await dialog.getByLabel(/^Title/).fill('Registration database DPIA');
    await dialog.getByLabel(/^Subject/).fill('Beneficiary registration database');
    await dialog.getByRole('combobox', { name: 'Office' }).click();
    await page.getByRole('option', { name: 'Senegal' }).click();
    await dialog.getByRole('button', { name: 'Start' }).click();

    await page.getByRole('heading', { level: 1, name: 'Registration database DPIA' }).waitFor(WAIT);
    const purpose = page.getByRole('textbox', { name: '1.1 What is the purpose of the processing?' });
    await purpose.fill('Register households for cash assistance');
    await purpose.blur();
    await page.getByText('1 of 17 answered').waitFor(WAIT);

    await page.getByRole('button', { name: /4\. Measures/ }).click();
    await page.locator('[data-question="security"] input[type=file]').setInputFiles({
      name: 'security-policy.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('link', { name: 'security-policy.pdf' }).waitFor(WAIT);

    const findingForm = page.getByRole('form', { name: 'Add the finding' });
    await findingForm.getByRole('textbox', { name: 'Finding' }).fill('No retention period defined');
    await findingForm.getByRole('button', { name: 'Add the finding' }).click();
    await page.getByRole('cell', { name: 'No retention period defined', exact: true }).waitFor(WAIT);

    await page.getByRole('button', { name: 'Send for review' }).click();
    await page.getByRole('button', { name: 'Complete and lock' }).click();
    await page.getByText(/Completed on .* and locked/).waitFor(WAIT);
    expect(await purpose.getAttribute('readonly')).not.toBeNull();
    await page.getByRole('link', { name: 'Revision 1' }).waitFor(WAIT);
    await documentationScreenshot(page, 'assessment-completed.png');

    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByRole('button', { name: 'PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Registration-database-DPIA-r1.pdf');

    await page.getByRole('button', { name: 'Reopen as a new revision' }).click();
    await page.getByText('Revision 2').first().waitFor(WAIT);
    await page.getByRole('link', { name: 'Revision 1' }).click();
    await page.getByText('You are reading revision 1 as it was completed.').waitFor(WAIT);
    expect(browser.scriptProblems).toEqual([]);
  }, 120_000);

  it('lets an administrator add a template from a YAML file, offered when starting an assessment', async () => {
    await page.goto(`${server.baseUrl}/assessments`);
    await page.getByRole('heading', { level: 1, name: 'Assessments' }).waitFor(WAIT);
    const shipped = fs.readFileSync(path.join('data', 'assessments', 'ai-vendor.yaml'), 'utf8');
    const yaml = shipped
      .replace(/^id: ai-vendor$/m, 'id: cloud-vendor')
      .replace(/^ {2}en: AI vendor assessment$/m, '  en: Cloud vendor assessment');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'cloud-vendor.yaml', mimeType: 'application/yaml', buffer: Buffer.from(yaml) });
    await page.getByText('Template added: Cloud vendor assessment').waitFor(WAIT);
    await page.getByRole('button', { name: 'Start an assessment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start an assessment' });
    await dialog.getByRole('combobox', { name: 'Template' }).click();
    await page.getByRole('option', { name: 'Cloud vendor assessment' }).waitFor(WAIT);
    await page.keyboard.press('Escape');
  });
});
