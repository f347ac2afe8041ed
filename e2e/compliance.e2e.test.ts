import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../src/core/permissions.js';
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
  email: 'e2e.compliance@example.org',
  password: 'e2e correct horse battery',
  name: 'E2E Compliance',
};

describeInBrowser('compliance assessment in the browser', () => {
  let server: E2eServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserTest(async (services, operator) => {
      await createAccount(services, operator, ADMIN, 'admin');
      const [legal, ict] = await services.offices.createMany(operator, [
        { code: 'HQ-LEG', name: 'Legal Affairs', kind: 'hq_department' },
        { code: 'HQ-ICT', name: 'ICT Services', kind: 'hq_department' },
      ]);
      // Two risks found by the same word, in the assessed office and in another one.
      for (const [title, office] of [
        ['Laptops without disk encryption', legal!],
        ['Laptops left in taxis', ict!],
      ] as const)
        await services.risks.create(operator, {
          title,
          category: 'information_security',
          office_id: office.id,
          inherent_likelihood: 3,
          inherent_impact: 4,
        });
    }));
  }, 180_000);

  afterAll(() => closeAll(browser, server));

  it('creates an assessment for an HQ department from the Frameworks section', async () => {
    await page.goto(`${server.baseUrl}/compliance`);
    await submitSignIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { level: 1, name: 'Compliance assessments' }).waitFor(WAIT);
    await page.getByText('No assessment yet.').waitFor(WAIT);

    await page.getByRole('button', { name: 'New assessment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New assessment' });
    await dialog.getByLabel(/^Framework/).click();
    await page.getByRole('option', { name: 'GDPR' }).click();
    await dialog.getByLabel(/^Title/).fill('GDPR at Legal Affairs');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('Choose the office or HQ department assessed.').waitFor(WAIT);
    await dialog.getByLabel(/^Office/).click();
    await page.getByRole('option', { name: 'Legal Affairs' }).click();
    await dialog.getByRole('button', { name: 'Create' }).click();

    await page.getByRole('heading', { level: 1, name: 'GDPR at Legal Affairs' }).waitFor(WAIT);
    await page
      .getByText('0 of 39 requirements assessed: 0 met, 0 partial, 0 not met, 0 not applicable. Score: —.')
      .waitFor(WAIT);
  }, 60_000);

  it('marks requirements, asks a reason for not applicable, and shows the progress by theme', async () => {
    const art5 = page.getByRole('article', { name: /^Art\. 5 Principles relating/ });
    await art5.getByText('Met', { exact: true }).click();
    await page.getByText('1 of 39 requirements assessed: 1 met').waitFor(WAIT);

    await art5.getByRole('button', { name: 'Details of Art. 5' }).click();
    await art5.getByRole('button', { name: 'Add a link' }).click();
    await art5.getByLabel('Web address').fill('intranet/policy');
    await art5.getByLabel('Title', { exact: true }).fill('Data protection policy');
    await art5.getByRole('button', { name: 'Save' }).click();
    await art5.getByText('Give each link a web address starting with http:// or https://.').waitFor(WAIT);
    await art5.getByLabel('Web address').fill('https://intranet.example.org/dp-policy');
    await art5.getByRole('button', { name: 'Save' }).click();
    await art5.getByText('1 piece of evidence').waitFor(WAIT);
    const chooser = page.waitForEvent('filechooser');
    await art5.getByRole('button', { name: 'Upload a file' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'records-of-processing.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% records of processing\ntrailer << >>\n%%EOF\n'),
    });
    await art5.getByText('2 pieces of evidence').waitFor(WAIT);
    const evidenceFile = page.waitForEvent('download');
    await art5.getByRole('link', { name: 'records-of-processing.pdf' }).click();
    expect((await evidenceFile).suggestedFilename()).toBe('records-of-processing.pdf');

    const art6 = page.getByRole('article', { name: /^Art\. 6 Lawfulness/ });
    await art6.getByText('Partial', { exact: true }).click();
    await page.getByText('2 of 39 requirements assessed: 1 met, 1 partial').waitFor(WAIT);

    const art10 = page.getByRole('article', { name: /^Art\. 10 / });
    await art10.getByText('Not applicable', { exact: true }).click();
    await art10.getByText('Say why this requirement does not apply, then save.').waitFor(WAIT);
    await art10.getByLabel(/^Why it does not apply/).fill('Legal Affairs holds no criminal-offence data');
    await art10.getByRole('button', { name: 'Save' }).click();
    await page
      .getByText('3 of 39 requirements assessed: 1 met, 1 partial, 0 not met, 1 not applicable. Score: 75%.')
      .waitFor(WAIT);

    const chart = page.getByRole('region', { name: 'Progress by theme' });
    await chart.locator('canvas').first().waitFor(WAIT);
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await documentationScreenshot(page, 'compliance-assessment.png');
    await page.getByRole('combobox', { name: 'Show requirements with status' }).click();
    await page.getByRole('option', { name: 'Not applicable' }).click();
    expect(await page.getByRole('article').count()).toBe(1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Excel workbook' }).click();
    expect((await download).suggestedFilename()).toMatch(/^compliance-gdpr-\d{4}-\d{2}-\d{2}\.xlsx$/);

    await page.getByRole('link', { name: 'Compliance assessments' }).first().click();
    const row = page.getByRole('table', { name: 'Compliance assessments' }).getByRole('row').filter({
      hasText: 'GDPR at Legal Affairs',
    });
    await row.getByText('3 of 39 assessed · score 75%').waitFor(WAIT);
    expect(browser.scriptProblems).toEqual([]);
  }, 60_000);

  it('links risks of the register through a picker, shows them as chips, and reloads on a stale save', async () => {
    await page.getByRole('link', { name: 'GDPR at Legal Affairs' }).click();
    await page.getByRole('heading', { level: 1, name: 'GDPR at Legal Affairs' }).waitFor(WAIT);
    const assessmentId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const art32 = page.getByRole('article', { name: /^Art\. 32 / });
    await art32.getByText('Partial', { exact: true }).click();
    await page.getByText('4 of 39 requirements assessed').waitFor(WAIT);
    await art32.getByRole('button', { name: 'Details of Art. 32' }).click();

    // The assessed office's risks first: the other office's risk is offered once the filter is off.
    const picker = art32.getByRole('combobox', { name: 'Link a risk…' });
    // The options offered, once the search for the typed text has answered: until then the picker
    // shows the previous results, which re-render under a click.
    const offered = () => page.getByRole('option').allInnerTexts();
    await picker.fill('laptops');
    await expect
      .poll(offered, WAIT)
      .toEqual([expect.stringMatching(/^Laptops without disk encryption · Legal Affairs · /)]);
    await page.getByRole('option', { name: /^Laptops without disk encryption · Legal Affairs · / }).click();
    const chips = art32.getByRole('list', { name: 'Linked risks' });
    await chips.getByRole('link', { name: 'Laptops without disk encryption' }).waitFor(WAIT);

    await art32.getByLabel('Only risks of Legal Affairs').uncheck();
    await picker.fill('laptops');
    // The linked risk is no longer offered; the other office's is.
    await expect
      .poll(offered, WAIT)
      .toEqual([expect.stringMatching(/^Laptops left in taxis · ICT Services · /)]);
    await page.getByRole('option', { name: /^Laptops left in taxis · ICT Services · / }).click();
    await chips.getByRole('link', { name: 'Laptops left in taxis' }).waitFor(WAIT);
    expect(await chips.getByRole('listitem').count()).toBe(2);
    await art32.getByRole('button', { name: 'Remove the link to Laptops left in taxis' }).click();
    expect(await chips.getByRole('listitem').count()).toBe(1);
    await art32.getByRole('button', { name: 'Save' }).click();
    await art32.getByText('1 risk', { exact: true }).waitFor(WAIT);
    await art32.evaluate((article) => article.scrollIntoView({ block: 'center' }));
    await documentationScreenshot(page, 'compliance-risks.png');

    // Someone else saves the requirement meanwhile: the save is refused and Reload shows theirs.
    const operator = { actor: systemActor('e2e'), requestId: null };
    const stored = await server.services.compliance.get(operator, assessmentId);
    const current = stored.requirements.find((r) => r.requirement_id === 'gdpr.art-32')!;
    await server.services.compliance.setRequirement(operator, assessmentId, 'gdpr.art-32', {
      notes: 'Reviewed with ICT',
      version: current.version,
    });
    await art32.getByRole('button', { name: 'Remove the link to Laptops without disk encryption' }).click();
    await art32.getByRole('button', { name: 'Save' }).click();
    const conflict = art32.getByRole('alert').filter({ hasText: 'Changed by someone else' });
    await conflict.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => art32.getByLabel('Notes').inputValue(), WAIT).toBe('Reviewed with ICT');
    await chips.getByRole('link', { name: 'Laptops without disk encryption' }).click();
    await page.getByRole('heading', { level: 1, name: 'Laptops without disk encryption' }).waitFor(WAIT);
    expect(browser.scriptProblems).toEqual([]);
  }, 60_000);

  it('lists the assessments newest first, 50 at a time, with Load more for older ones', async () => {
    const operator = { actor: systemActor('e2e-seed'), requestId: null };
    for (let i = 1; i <= 50; i++)
      await server.services.compliance.create(operator, {
        framework_id: 'gdpr',
        title: `Seeded assessment ${i}`,
        office_id: null,
      });
    await page.goto(`${server.baseUrl}/compliance`);
    const rows = page.getByRole('table', { name: 'Compliance assessments' }).getByRole('row');
    await rows.nth(50).waitFor(WAIT); // the header and 50 assessments
    expect(await rows.nth(1).textContent()).toContain('Seeded assessment 50');
    expect(await rows.count()).toBe(51);
    await page.getByRole('button', { name: 'Load more' }).click();
    await rows.nth(51).waitFor(WAIT);
    expect(await rows.count()).toBe(52);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    expect(browser.scriptProblems).toEqual([]);
  }, 60_000);
});
