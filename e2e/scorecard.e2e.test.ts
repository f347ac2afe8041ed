import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedScorecardWorld, type ScorecardWorld } from '../src/modules/scorecard/testing/scorecard-world.js';
import {
  clickMainNav,
  describeInBrowser,
  documentationScreenshot,
  WAIT,
  type BrowserSession,
} from './support/browser.js';
import { closeAll, openBrowserTest } from './support/browser-test.js';
import { createAccount } from './support/seed.js';
import type { E2eServer } from './support/server.js';

const ADMIN = { email: 'admin@example.org', password: 'a long enough admin password', name: 'Admin' };
// The scorecard world's figures are worked out for this scoring date.
const AS_OF = '2026-11-30';

describeInBrowser('the Data Health Scorecard in the browser', () => {
  let server: E2eServer;
  let browser: BrowserSession;
  let page: Page;
  let world: ScorecardWorld;

  const nav = (name: string) => clickMainNav(page, name, { exact: true });

  /** Open a chart's download menu and take the file it gives for one format. */
  const download = async (chart: string, format: string) => {
    await page.getByRole('button', { name: `Download ${chart}` }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByRole('menuitem', { name: format }).click(),
    ]);
    return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
  };

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserTest(
      async (services, operator) => {
        world = await seedScorecardWorld(services, 'e2e');
        // The admin is Kenya's focal point, who is responsible for the bare Kenyan asset's failures.
        await createAccount(services, operator, ADMIN, 'admin', world.people.kenya.id);
        await services.scorecardSnapshots.take(operator, { as_of: AS_OF });
      },
      { signInAs: ADMIN },
    ));
  }, 180_000);

  afterAll(() => closeAll(browser, server));

  it('scores the organisation region by region on the date chosen', async () => {
    await nav('Scorecard');
    await page.getByRole('heading', { level: 1, name: 'Data Health Scorecard' }).waitFor(WAIT);
    await page.getByLabel('Scores as of').fill(AS_OF);
    await page.waitForURL(new RegExp(`as_of=${AS_OF}`), WAIT);
    const regions = page.getByRole('table', { name: /^Score by region/ });
    // Drilling down keeps the date (the address changes before the page has drawn it).
    await expect
      .poll(() => regions.getByRole('link', { name: 'East e2e' }).getAttribute('href'), WAIT)
      .toBe(`/scorecard?as_of=${AS_OF}&region=Ee2e`);
    // HQ has no region: its assets are scored apart, and cannot be drilled into.
    expect(await regions.getByRole('rowheader', { name: 'Not assigned' }).count()).toBe(1);
    expect(await regions.getByRole('link', { name: 'Not assigned' }).count()).toBe(0);
    const map = page.getByRole('region', { name: 'Offices on the world map' });
    await map.locator('canvas').waitFor(WAIT);
    await map.getByText('Each country takes the worst band of its offices.').waitFor(WAIT);
    // HQ has no country: it is listed under the map instead of drawn on it.
    await map.getByText(/^Not on the map .*: Headquarters e2e$/).waitFor(WAIT);
    await map.scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    await documentationScreenshot(page, 'scorecard-map.png');
  });

  it('drills into a region, shows its offices and control bars, and downloads them', async () => {
    await page
      .getByRole('table', { name: /^Score by region/ })
      .getByRole('link', { name: 'East e2e' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'East e2e' }).waitFor(WAIT);
    expect(new URL(page.url()).searchParams.get('region')).toBe('Ee2e');
    expect(new URL(page.url()).searchParams.get('as_of')).toBe(AS_OF);
    await page
      .getByRole('navigation', { name: 'Breadcrumbs' })
      .getByRole('link', { name: 'Data Health Scorecard' })
      .waitFor(WAIT);

    const offices = page.getByRole('table', { name: /^Score by office/ });
    await offices.getByRole('link', { name: 'Ethiopia e2e' }).waitFor(WAIT);
    // Worst first; the band is in words (badges show it in capitals).
    expect(await offices.getByRole('row').nth(1).innerText()).toMatch(
      /^Ethiopia e2e\t1\t0\.0\t\s*critical$/i,
    );
    expect(await offices.getByRole('row').nth(2).innerText()).toMatch(/^Kenya e2e\t2\t66\.7\t\s*fair$/i);

    const controls = page.getByRole('region', { name: 'Assets passing each control' });
    await controls.locator('canvas').first().waitFor(WAIT);
    await page
      .getByRole('region', { name: 'Controls most in need of work' })
      .getByText('Ownership')
      .waitFor(WAIT);
    await page.waitForLoadState('networkidle');
    await documentationScreenshot(page, 'scorecard.png');

    const png = await download('Assets passing each control', 'Image (PNG)');
    expect(png.name).toBe(`assets-passing-each-control-${AS_OF}.png`);
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');

    const svg = await download('Assets passing each control', 'Vector image (SVG)');
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg[\s\S]*Ownership[\s\S]*<\/svg>$/);

    const xlsx = await download('Assets passing each control', 'Data (XLSX)');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
    const rows = workbook.worksheets[0]!.getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual(['Control', 'Control id', 'Passing', 'Applicable', 'Pass rate (%)']);
    // Kenya's healthy asset has an owner and a custodian; its bare one and Ethiopia's have neither.
    expect(rows[1]).toEqual(['Ownership', 'ownership', 1, 3, 33.3]);
  }, 60_000);

  it('opens an office from the region and climbs back up by the breadcrumbs', async () => {
    await page
      .getByRole('table', { name: /^Score by office/ })
      .getByRole('link', { name: 'Kenya e2e' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kenya e2e' }).waitFor(WAIT);
    await page.getByTestId('overall-score').filter({ hasText: '66.7' }).waitFor(WAIT);
    const seeAssets = page
      .getByRole('region', { name: 'Overdue reviews' })
      .getByRole('link', { name: 'See the assets' });
    expect(await seeAssets.getAttribute('href')).toBe(
      `/inventory/assets?control_failing=review_freshness&office_id=${world.offices.kenya.id}`,
    );
    await page
      .getByRole('navigation', { name: 'Breadcrumbs' })
      .getByRole('link', { name: 'East e2e' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'East e2e' }).waitFor(WAIT);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Kenya e2e' }).waitFor(WAIT);
  }, 60_000);

  it('lists my open actions with the asset, control and reason', async () => {
    await nav('My actions');
    await page.getByRole('heading', { level: 1, name: 'My actions' }).waitFor(WAIT);
    const table = page.getByRole('table', { name: 'My actions' });
    const ownership = table.getByRole('row').filter({ hasText: 'Ownership' });
    await ownership.getByRole('link', { name: 'Field notes e2e' }).waitFor(WAIT);
    expect(await ownership.innerText()).toContain('No data owner is set');
    await page.getByText('Closed', { exact: true }).click();
    await page.getByText('You have no closed action.').waitFor(WAIT);
    expect(browser.scriptProblems).toEqual([]);
  });

  it('takes a snapshot now from the dashboard and says what it recorded', async () => {
    await nav('Scorecard');
    await page.getByRole('heading', { level: 1, name: 'Data Health Scorecard' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Take snapshot now' }).click();
    await page.getByText(/^Snapshot of \d{4}-\d{2}-\d{2} taken: \d+ scopes recorded/).waitFor(WAIT);
  });

  it('refuses custom controls the API rejects, then raises Fair to 70 and Kenya becomes Not healthy', async () => {
    const region = `${server.baseUrl}/scorecard?as_of=${AS_OF}&region=Ee2e`;
    const kenyaRow = () =>
      page
        .getByRole('table', { name: /^Score by office/ })
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: 'Kenya e2e' }) });
    await page.goto(region);
    await expect.poll(() => kenyaRow().innerText(), WAIT).toMatch(/66\.7\t\s*fair$/i);

    await page.getByRole('main').getByRole('link', { name: 'Scorecard settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scorecard settings' }).waitFor(WAIT);
    const controls = page.getByRole('table', { name: 'Controls' });
    await controls.getByRole('rowheader', { name: /Ownership/ }).waitFor(WAIT);
    expect(await page.getByLabel('Weight of Ownership').inputValue()).toBe('1');

    const editor = page.getByLabel('Custom controls (YAML or JSON)');
    const problems = page.getByRole('alert', { name: 'Problems in the custom controls' });
    await editor.fill('id: not a list');
    await page.getByRole('button', { name: 'Save' }).click();
    await problems.getByText(/must be a list/).waitFor(WAIT);
    // The API's refusal names the field, and is shown beside the editor.
    await editor.fill('- id: ownership\n');
    await page.getByRole('button', { name: 'Save' }).click();
    await problems
      .getByText(/^custom_controls\.0\./)
      .first()
      .waitFor(WAIT);

    await editor.fill('');
    await page.getByLabel('Fair', { exact: true }).fill('70');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Scorecard settings saved.').waitFor(WAIT);

    await page.goto(region);
    await expect.poll(() => kenyaRow().innerText(), WAIT).toMatch(/66\.7\t\s*not healthy$/i);
    expect(browser.scriptProblems).toEqual([]);
  }, 60_000);

  it('says the settings were changed by someone else, and reloads them', async () => {
    const settings = `${server.baseUrl}/scorecard/settings`;
    await page.goto(settings);
    await page.getByLabel('Healthy', { exact: true }).waitFor(WAIT);
    // Only the settings link is lit, not the scorecard's whose address starts it.
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await navigation.locator('[aria-current="page"]').allTextContents()).toEqual([
      'Scorecard settings',
    ]);
    const other = await browser.context.newPage();
    try {
      await other.goto(settings);
      await other.getByLabel('Healthy', { exact: true }).fill('85');
      await other.getByRole('button', { name: 'Save' }).click();
      await other.getByText('Scorecard settings saved.').waitFor(WAIT);
    } finally {
      await other.close();
    }
    await page.getByLabel('Healthy', { exact: true }).fill('90');
    await page.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Changed by someone else' });
    await conflict.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.getByLabel('Healthy', { exact: true }).inputValue(), WAIT).toBe('85');
    expect(await page.getByLabel('Fair', { exact: true }).inputValue()).toBe('70');
  }, 60_000);

  it('switches a control off, which the scorecard then leaves out, and on again', async () => {
    const settings = `${server.baseUrl}/scorecard/settings`;
    const accessReview = () => page.getByRole('switch', { name: 'Access review enabled' });
    const save = async () => {
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Scorecard settings saved.').last().waitFor(WAIT);
    };
    await page.goto(settings);
    await accessReview().waitFor(WAIT);
    expect(await accessReview().isChecked()).toBe(true);
    await accessReview().setChecked(false, { force: true });
    await save();

    await page.goto(settings);
    await accessReview().waitFor(WAIT);
    expect(await accessReview().isChecked()).toBe(false);
    const controls = await page.evaluate(async () => {
      const response = await fetch('/api/scorecard/controls');
      return ((await response.json()) as { controls: { id: string; enabled: boolean }[] }).controls;
    });
    expect(controls.find((control) => control.id === 'access_review')?.enabled).toBe(false);
    const card = await page.evaluate(async (asOf) => {
      const response = await fetch(`/api/scorecard?by=organisation&as_of=${asOf}`);
      return (await response.json()) as { overall: { controls: Record<string, unknown> } };
    }, AS_OF);
    expect(Object.keys(card.overall.controls)).not.toContain('access_review');

    await accessReview().setChecked(true, { force: true });
    await save();
    await page.goto(settings);
    await accessReview().waitFor(WAIT);
    expect(await accessReview().isChecked()).toBe(true);
    expect(browser.scriptProblems).toEqual([]);
  }, 60_000);
});
