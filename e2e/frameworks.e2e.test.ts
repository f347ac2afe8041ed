import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
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

const READER = { email: 'reader@example.org', password: 'a long enough reader password', name: 'Reader' };

describeInBrowser('the frameworks library and crosswalk in the browser', () => {
  let server: E2eServer;
  let browser: BrowserSession;
  let page: Page;

  /** Open a multi-select by its label, type to narrow it, and pick the option. */
  const pick = async (label: string, option: string) => {
    const input = page.getByRole('combobox', { name: label });
    await input.click();
    await input.fill(option);
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.keyboard.press('Escape');
  };

  beforeAll(async () => {
    // The least-privileged role: the library is for everyone who may read the organisation.
    ({ server, browser, page } = await openBrowserTest(seedAccountOnly(READER, 'viewer'), {
      signInAs: READER,
    }));
  }, 180_000);

  afterAll(() => closeAll(browser, server));

  it('lists the ten frameworks with their sources opening in a new tab', async () => {
    await clickMainNav(page, 'Library');
    await page.getByRole('heading', { level: 1, name: 'Frameworks library' }).waitFor(WAIT);
    const table = page.getByRole('table', { name: 'Frameworks in the library' });
    await table.waitFor(WAIT);
    expect(await table.locator('tbody tr').count()).toBe(10);

    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'GDPR', exact: true }) });
    expect(await row.innerText()).toMatch(
      /Law\tEuropean Parliament and Council of the European Union\t.*2016\t39\t/,
    );
    const source = row.getByRole('link', { name: /^Source of GDPR: eur-lex\.europa\.eu/ });
    expect(await source.getAttribute('href')).toBe('https://eur-lex.europa.eu/eli/reg/2016/679/oj');
    expect(await source.getAttribute('target')).toBe('_blank');
    expect((await source.getAttribute('rel'))?.split(' ')).toContain('noopener');
  });

  it('opens the EU AI Act as a tree that filters by theme and by text', async () => {
    await page.getByRole('link', { name: 'EU AI Act', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'EU AI Act' }).waitFor(WAIT);
    const tree = page.getByRole('list', { name: 'Requirements of EU AI Act' });
    await tree.getByText('Art. 14 — Human oversight').waitFor(WAIT);
    await tree.getByText('Art. 5 — Prohibited AI practices').waitFor(WAIT);

    const chapter = tree.getByRole('button', { name: 'Show what is under Chapter II', exact: true });
    expect(await chapter.getAttribute('aria-expanded')).toBe('true');
    await chapter.click();
    expect(await chapter.getAttribute('aria-expanded')).toBe('false');
    expect(await tree.getByText('Art. 5 — Prohibited AI practices').isVisible()).toBe(false);

    await page.getByRole('combobox', { name: 'Theme' }).click();
    await page.getByRole('option', { name: 'Human oversight' }).click();
    await page.waitForURL(/theme=human_oversight/, WAIT);
    const status = page.getByRole('status').filter({ hasText: /^Matching requirements: \d+ of 38$/ });
    await status.waitFor(WAIT);
    await tree.getByText('Art. 14 — Human oversight').waitFor(WAIT);
    expect(await tree.getByText('Art. 5 — Prohibited AI practices').count()).toBe(0);

    await page.getByRole('searchbox', { name: 'Search this framework' }).fill('override stop');
    await page.getByRole('status').filter({ hasText: 'Matching requirements: 1 of 38' }).waitFor(WAIT);
    expect(page.url()).toMatch(/[?&]q=override(\+|%20)stop/);
    await tree.getByText('Art. 14 — Human oversight').waitFor(WAIT);
  }, 60_000);

  it('compares two frameworks on two themes, keeps the choice in the address and translates the themes', async () => {
    await clickMainNav(page, 'Crosswalk');
    await page.getByRole('heading', { level: 1, name: 'Crosswalk' }).waitFor(WAIT);
    await page.getByText('Pick the frameworks to compare').waitFor(WAIT);

    // As a person would, each pick is seen (here: in the address) before the next one is made.
    const search = () => decodeURIComponent(new URL(page.url()).search);
    await pick('Frameworks', 'EU AI Act');
    await expect.poll(search, WAIT).toBe('?frameworks=eu-ai-act');
    await pick('Frameworks', 'GDPR');
    await expect.poll(search, WAIT).toBe('?frameworks=eu-ai-act,gdpr');
    await pick('Themes', 'Human oversight');
    await expect.poll(search, WAIT).toBe('?frameworks=eu-ai-act,gdpr&themes=human_oversight');
    await pick('Themes', 'Retention');
    await expect
      .poll(() => decodeURIComponent(new URL(page.url()).search), WAIT)
      .toBe('?frameworks=eu-ai-act,gdpr&themes=human_oversight,retention');

    const table = page.getByRole('table', { name: 'Requirements of EU AI Act and GDPR, theme by theme' });
    await table.waitFor(WAIT);
    const oversight = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^Human oversight/ }) });
    await oversight.getByText('Art. 14 — Human oversight').waitFor(WAIT);
    await oversight
      .getByText('Art. 22 — Automated individual decision-making, including profiling')
      .waitFor(WAIT);
    await oversight.getByText('Art. 14 — Human oversight').click();
    await oversight
      .getByText(/natural persons/)
      .first()
      .waitFor(WAIT);
    await documentationScreenshot(page, 'crosswalk.png');

    await page.reload();
    await table.getByText('Art. 14 — Human oversight').waitFor(WAIT);

    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('menuitem', { name: 'Español' }).click();
    const tabla = page.getByRole('table', { name: 'Requisitos de EU AI Act y GDPR, tema por tema' });
    await tabla.getByRole('rowheader', { name: /^Supervisión humana/ }).waitFor(WAIT);
    await tabla.getByRole('rowheader', { name: /^Conservación/ }).waitFor(WAIT);
  }, 60_000);

  it('downloads the crosswalk as a Word brief', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByRole('button', { name: 'Informe de Word (.docx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^crosswalk-\d{4}-\d{2}-\d{2}\.docx$/);
    // A Word file is a zip archive: the brief itself arrived, not an error page saved under its name.
    expect(
      fs
        .readFileSync(await download.path())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    expect(browser.scriptProblems).toEqual([]);
  });
});
