import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { classificationSchema, classifyInputSchema } from '../src/modules/ai-registry/ai-act.schema.js';
import { describeInBrowser, documentationScreenshot, WAIT, type BrowserSession } from './support/browser.js';
import { closeAll, openBrowserTest } from './support/browser-test.js';
import { seedAccountOnly } from './support/seed.js';
import type { E2eServer } from './support/server.js';

// A viewer: the AI Act check needs only `ai.read`, which every role holds.
const VIEWER = {
  email: 'ai.reviewer@example.org',
  password: 'a long enough reviewer password',
  name: 'AI Reviewer',
};

describeInBrowser('the EU AI Act check in the browser', () => {
  let server: E2eServer;
  let browser: BrowserSession;
  let page: Page;

  const question = (text: RegExp) => page.getByRole('radiogroup', { name: text });
  const result = () => page.getByRole('region', { name: /^(Result|Résultat)$/ });

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserTest(seedAccountOnly(VIEWER, 'viewer'), {
      signInAs: VIEWER,
    }));
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
  }, 180_000);

  afterAll(() => closeAll(browser, server));

  it('opens from the AI section of the navigation and asks only what applies so far', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('group', { name: 'AI' })
      .getByRole('link', { name: 'AI Act check' })
      .click();
    await page.waitForURL(/\/ai-act$/, WAIT);
    await page.getByRole('heading', { level: 1, name: 'AI Act check' }).waitFor(WAIT);
    await result()
      .getByText(/Choose your organisation's role/)
      .waitFor(WAIT);
    expect(await page.getByRole('radiogroup').count()).toBe(2);
    expect(await question(/recruit or select people/).count()).toBe(0);
  });

  it('classifies a recruitment system as high risk under Art. 6(2), answered with the keyboard too', async () => {
    await question(/role for this system/)
      .getByRole('radio', { name: 'Deployer (user)' })
      .check();
    await question(/^Is it an AI system/)
      .getByRole('radio', { name: 'Yes' })
      .focus();
    await page.keyboard.press('Space');
    const recruitment = question(/recruit or select people/);
    await recruitment.waitFor(WAIT);
    await recruitment.getByRole('radio', { name: 'Yes' }).check();

    await result().getByText('High risk', { exact: true }).waitFor(WAIT);
    await result().getByText('Art. 6(2)', { exact: true }).waitFor(WAIT);
    await result().getByText('Annex III 4(a)', { exact: true }).waitFor(WAIT);
    // An Annex III point opens the Art. 6(3) exception; profiling waits for one of its conditions.
    await question(/^Does the system only perform a narrow procedural task/).waitFor(WAIT);
    expect(await question(/^Does the system profile people/).count()).toBe(0);
  });

  it('suggests answers from a description, marked as suggested until the person confirms them', async () => {
    await page.getByLabel('What does the system do, and for whom?').fill('chatbot for beneficiaries');
    await page.getByRole('button', { name: 'Suggest answers' }).click();
    const item = page
      .getByRole('list', { name: 'Suggested answers' })
      .getByRole('listitem')
      .filter({ hasText: 'Interacts directly with people' });
    await item.getByText('Suggested — confirm').waitFor(WAIT);
    await item.getByText('Because the description mentions “chatbot”.').waitFor(WAIT);
    const confirm = item.getByRole('checkbox', { name: 'Confirm yes: Interacts directly with people' });
    expect(await confirm.isChecked()).toBe(false);

    // Pre-filled in the questionnaire, but not counted: the result has no transparency duty yet.
    const chatbot = question(/interact directly with people/);
    expect(await chatbot.getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    await result()
      .getByText('Suggested answers waiting for your confirmation, not counted yet: 1.')
      .waitFor(WAIT);
    const transparency = result().getByRole('group', { name: 'Transparency duties (Art. 50)' });
    await transparency.getByText('None.').waitFor(WAIT);
    await page.getByText('High risk', { exact: true }).waitFor(WAIT);
    await documentationScreenshot(page, 'ai-act.png');

    await confirm.check();
    await item.getByText('Confirmed').waitFor(WAIT);
    await transparency.getByText('Interacts directly with people (Art. 50(1))').waitFor(WAIT);
  });

  it('downloads the answers in the shape custos ai classify reads, and copies the result', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      result().getByRole('button', { name: 'Download answers' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ai-act-answers.json');
    const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    expect(saved).toEqual({
      role: 'deployer',
      answers: { 'ai.definition': true, 'annex3.4a': true, 'art50.1': true },
    });
    expect(classifyInputSchema.safeParse(saved).success).toBe(true);

    await result().getByRole('button', { name: 'Copy as JSON' }).click();
    await result().getByRole('button', { name: 'Copied' }).waitFor(WAIT);
    const clipboard = await page.evaluate('navigator.clipboard.readText()');
    const copied = classificationSchema.parse(JSON.parse(String(clipboard)));
    expect(copied).toMatchObject({ tier: 'high', transparency: ['art50.1'] });
    expect(copied.articles).toEqual(['Art. 6(2)', 'Annex III 4(a)']);
  });

  it('shows the questions and the result in French, keeping the answers', async () => {
    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Analyse AI Act' }).waitFor(WAIT);
    const definition = question(/^S'agit-il d'un système d'IA, c'est-à-dire d'un système automatisé/);
    await definition.waitFor(WAIT);
    expect(await definition.getByRole('radio', { name: 'Oui' }).isChecked()).toBe(true);
    await result().getByText('Haut risque', { exact: true }).waitFor(WAIT);
    await result()
      .getByText(/comme référence pour cette organisation/)
      .waitFor(WAIT);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(browser.scriptProblems).toEqual([]);
  });
});
