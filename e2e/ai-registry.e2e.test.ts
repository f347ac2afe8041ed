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

const ADMIN = { email: 'ai.admin@example.org', password: 'a long enough admin password', name: 'AI Admin' };
const OFFICER = {
  email: 'ai.officer@example.org',
  first: 'a first officer password',
  password: 'the officer password now',
  name: 'AI Officer',
};
const SYSTEM = 'Recruitment screening assistant';

describeInBrowser('the AI systems register in the browser', () => {
  let server: E2eServer;
  let admin: BrowserSession;
  let officer: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    const seed = seedAdminAndKenyanOffice(ADMIN, { code: 'KE-NBO', name: 'Nairobi' });
    ({ server, browser: admin, page } = await openBrowserTest(seed, { signInAs: ADMIN }));
  }, 180_000);

  afterAll(() => closeAll(officer, admin, server), 60_000);

  it('lets an admin add a system from the AI section of the navigation', async () => {
    await clickMainNav(page, 'AI systems');
    await page.waitForURL(/\/ai-systems$/, WAIT);
    await page.getByText('No AI system matches.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Add AI system' }).click();
    const dialog = page.getByRole('dialog', { name: 'New AI system' });
    await dialog.getByLabel(/^Name/).fill(SYSTEM);
    await dialog.getByLabel('Public description').fill('Ranks job applications for interview.');
    await dialog.getByLabel(/^Office/).click();
    await page.getByRole('option', { name: 'Nairobi', exact: true }).click();
    // Models and the AI usage catalogue's app, edited in the form.
    await dialog.getByRole('button', { name: 'Add a model' }).click();
    await dialog.getByLabel('Model 1', { exact: true }).fill('GPT-4o');
    await dialog.getByLabel('Provider of model 1').fill('OpenAI');
    await dialog.getByRole('checkbox', { name: 'General-purpose model' }).check();
    await dialog.getByLabel('AI usage apps').fill('ChatGPT');
    await page.getByRole('option', { name: 'ChatGPT', exact: true }).click();
    // Languages and countries picked by name; risks as text.
    await dialog.getByLabel('Languages').fill('Swahili');
    await page.getByRole('option', { name: 'Swahili (sw)', exact: true }).click();
    await dialog.getByLabel('Countries where it is used').fill('Kenya');
    await page.getByRole('option', { name: 'Kenya (KE)', exact: true }).click();
    await dialog
      .getByLabel('Risks and mitigations')
      .fill('Biased rankings: a panel reads every application.');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/ai-systems\/[0-9a-f-]{36}$/, WAIT);
    await page.getByRole('heading', { level: 1, name: SYSTEM }).waitFor(WAIT);
    await page.getByText('GPT-4o (OpenAI) · General-purpose model').waitFor(WAIT);
    await page.getByText('ChatGPT', { exact: true }).waitFor(WAIT);
    await page.getByText('Swahili (sw)', { exact: true }).waitFor(WAIT);
    await page.getByText('Kenya (KE)', { exact: true }).waitFor(WAIT);
    await page.getByText('Biased rankings: a panel reads every application.').waitFor(WAIT);
  }, 60_000);

  it('drafts a high-risk classification with the questionnaire and submits it', async () => {
    await page.getByRole('tab', { name: 'Classifications' }).click();
    await page.getByText('This system has no classification yet.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Create draft' }).click();
    const dialog = page.getByRole('dialog', { name: 'New classification draft' });
    const question = (text: RegExp) => dialog.getByRole('radiogroup', { name: text });
    await question(/role for this system/)
      .getByRole('radio', { name: 'Deployer (user)' })
      .check();
    await question(/^Is it an AI system/)
      .getByRole('radio', { name: 'Yes' })
      .check();
    await question(/recruit or select people/)
      .getByRole('radio', { name: 'Yes' })
      .check();
    await dialog.getByRole('button', { name: 'Save draft' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    const current = page.getByRole('region', { name: 'Classification 1' });
    await current.getByText('Draft').first().waitFor(WAIT);
    await current.getByText('High risk').first().waitFor(WAIT);
    await page.getByRole('button', { name: 'Submit for verification' }).click();
    await current.getByText('Submitted').first().waitFor(WAIT);
    // The submitter may not review their own classification.
    await page.getByText('You submitted this classification: another person must review it.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Start review' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'You submitted this yourself: another person must review it.' })
      .waitFor(WAIT);
  }, 60_000);

  it('lets a governance officer, created through the API, review and verify it', async () => {
    await createUserThroughApi(page.request, server.baseUrl, OFFICER, 'governance_officer');
    officer = await launchBrowser();
    await signInReplacingFirstPassword(officer.context.request, server.baseUrl, OFFICER);
    const reviewer = officer.page;
    // The API sign-in above holds the session of this browser profile too.
    await reviewer.goto(page.url());
    await reviewer.getByRole('tab', { name: 'Classifications' }).click();
    await reviewer.getByRole('button', { name: 'Start review' }).click();
    const current = reviewer.getByRole('region', { name: 'Classification 1' });
    await current.getByText('Under review').first().waitFor(WAIT);
    await reviewer.getByLabel('Review comments').fill('Checked against the recruitment workflow.');
    await reviewer.getByRole('button', { name: 'Verify' }).click();
    await current.getByText('Verified').first().waitFor(WAIT);
    await reviewer
      .getByRole('table', { name: 'Classification history' })
      .getByText(OFFICER.email)
      .waitFor(WAIT);
  }, 60_000);

  it('shows the verified tier in the list and its summary', async () => {
    await page.goto(`${server.baseUrl}/ai-systems`);
    const row = page
      .getByRole('table', { name: 'AI systems' })
      .getByRole('row', { name: new RegExp(SYSTEM) });
    await row.getByText('High risk').waitFor(WAIT);
    await page
      .getByRole('region', { name: 'Register summary' })
      .getByRole('group', { name: 'High risk: 1' })
      .waitFor(WAIT);
    await page.getByRole('link', { name: 'HTML' }).waitFor(WAIT);
    await documentationScreenshot(page, 'ai-registry.png');
    expect(admin.scriptProblems).toEqual([]);
  }, 60_000);

  it('shows the dashboard: charts to download, the high-risk system without an impact assessment, review intervals', async () => {
    await clickMainNav(page, 'AI dashboard');
    await page.waitForURL(/\/ai-systems\/dashboard$/, WAIT);
    await page.getByRole('heading', { level: 1, name: 'AI systems dashboard' }).waitFor(WAIT);
    const byTier = page.getByRole('region', { name: 'Systems by risk tier' });
    await byTier.locator('canvas').waitFor(WAIT);
    await documentationScreenshot(page, 'ai-dashboard.png');
    await byTier.getByRole('button', { name: /Download/ }).click();
    await page.getByRole('menuitem', { name: 'Data (XLSX)' }).waitFor(WAIT);
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Overdue reviews' }).getByText('None.').waitFor(WAIT);
    const noDpia = page.getByRole('region', { name: 'High-risk systems without an impact assessment' });
    await noDpia.getByRole('row', { name: new RegExp(`${SYSTEM}.*No DPIA`) }).waitFor(WAIT);
    const intervals = page.getByRole('region', { name: 'Review intervals' });
    await intervals.getByRole('button', { name: 'Check reviews now' }).click();
    await page.getByText('0 review(s) overdue: 0 action(s) opened, 0 closed').waitFor(WAIT);
    await noDpia.getByRole('link', { name: SYSTEM }).click();
    await page.waitForURL(/\/ai-systems\/[0-9a-f-]{36}$/, WAIT);
    await page.getByRole('heading', { level: 1, name: SYSTEM }).waitFor(WAIT);
    expect(admin.scriptProblems).toEqual([]);
  }, 60_000);

  it('keeps a model card under Documents: upload with its kind, SHA-256 shown, remove', async () => {
    await page.getByRole('tab', { name: 'Documents' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Documents' });
    await panel.getByText(/No documents yet/).waitFor(WAIT);
    await panel.getByLabel('Kind').click();
    await page.getByRole('option', { name: 'Model card', exact: true }).click();
    await panel.locator('input[type=file]').setInputFiles({
      name: 'model-card.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Model card\n\nIntended use: ranking applications for a human recruiter.\n'),
    });
    const row = panel.getByRole('row', { name: /model-card\.md/ });
    await row.getByText('Model card').waitFor(WAIT);
    await row.getByRole('button', { name: 'Copy SHA-256' }).waitFor(WAIT);
    await row.getByRole('link', { name: 'model-card.md' }).waitFor(WAIT);
    await row.getByRole('button', { name: 'Remove model-card.md' }).click();
    await panel.getByText(/No documents yet/).waitFor(WAIT);
    expect(admin.scriptProblems).toEqual([]);
  }, 60_000);
});
