import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/app/config.js';
import { createServices } from '../src/app/services.js';
import { systemClock } from '../src/core/clock.js';
import { systemActor } from '../src/core/permissions.js';
import type { Db } from '../src/db/database.js';
import { openTestDb } from '../src/db/testing/dialects.js';
import { buildServer } from '../src/http/server.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB_DIST = path.join(ROOT, 'web/dist');
const SCREENSHOT = path.join(ROOT, 'docs/images/organisation.png');
const ADMIN = { email: 'e2e.admin@example.org', password: 'e2e correct horse battery', name: 'E2E Admin' };
const WAIT = { timeout: 10_000 };

const chromiumFound = fs.existsSync(CHROMIUM);
if (!chromiumFound && !process.env.CI) {
  console.warn(`[custos] ${CHROMIUM} not found: the browser tests in e2e/org.e2e.test.ts are skipped.`);
}

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((child) => newestMtime(path.join(entry, child))));
}

/** The test serves the built web app: build it when missing or older than its sources. */
function ensureWebBuilt(): void {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts'].map((p) => path.join(ROOT, p));
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built > 0 && Math.max(...sources.map(newestMtime)) <= built) return;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'pipe' });
}

if (!chromiumFound && process.env.CI) {
  describe('browser test prerequisites', () => {
    it('finds Chromium, which CI must provide', () => {
      expect.fail(`${CHROMIUM} is missing; CI must install Debian's chromium package`);
    });
  });
}

describe.skipIf(!chromiumFound)('organisation in the browser', () => {
  let db: Db;
  let app: FastifyInstance;
  let context: BrowserContext;
  let page: Page;
  let baseUrl: string;
  let userDataDir: string;
  const scriptProblems: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    db = await openTestDb('sqlite', null);
    const config = loadConfig({ db: 'sqlite::memory:', secureCookies: 'never' }, {});
    const services = createServices(db, systemClock, config);
    const operator = { actor: systemActor('e2e'), requestId: null };
    await services.accounts.createUser(operator, {
      email: ADMIN.email,
      display_name: ADMIN.name,
      role: 'admin',
      password: ADMIN.password,
    });
    await services.regions.create(operator, { code: 'EA', name: 'East Africa' });
    app = await buildServer({ services, webDist: WEB_DIST });
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-e2e-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'en-GB',
      viewport: { width: 1280, height: 800 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => scriptProblems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) scriptProblems.push(message.text());
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await app?.close();
    await db?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  it('sends a signed-out visitor to sign in, explains a wrong password, then signs in', async () => {
    await page.goto(`${baseUrl}/offices`);
    await page.waitForURL(/\/sign-in\?next=%2Foffices$/, WAIT);
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The e-mail or the password is wrong.' }).waitFor(WAIT);

    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/offices$/, WAIT);
    await page.getByRole('heading', { level: 1, name: 'Offices' }).waitFor(WAIT);
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await navigation.getByRole('link').allTextContents()).toEqual(['Regions', 'Offices', 'People']);
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

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Offices' })
      .click();
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
    if (process.env.CUSTOS_SCREENSHOTS === '1') {
      await page.getByText('Kenya Country Office was created.').waitFor({ state: 'hidden', timeout: 15_000 });
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
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
    expect(scriptProblems).toEqual([]);
  });
});
