import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(ROOT, 'web/dist');
export const WAIT = { timeout: 20_000 };

export const chromiumFound = fs.existsSync(CHROMIUM);

/**
 * Browser tests run where Debian's Chromium is installed. Elsewhere they are skipped with a warning,
 * except in CI, where a missing browser fails the file instead of passing it silently.
 */
function checkBrowserPrerequisites(suite: string): void {
  if (chromiumFound) return;
  if (!process.env.CI) {
    // Vitest heads the warning with the test file's path.
    console.warn(`[custos] ${CHROMIUM} not found: the browser tests "${suite}" are skipped.`);
    return;
  }
  describe('browser test prerequisites', () => {
    it('finds Chromium, which CI must provide', () => {
      expect.fail(`${CHROMIUM} is missing; CI must install Debian's chromium package`);
    });
  });
}

/** A suite of browser tests: skipped where Chromium is missing, failed in CI (see checkBrowserPrerequisites). */
export function describeInBrowser(title: string, body: () => void): void {
  checkBrowserPrerequisites(title);
  describe.skipIf(!chromiumFound)(title, body);
}

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((child) => newestMtime(path.join(entry, child))));
}

/** The tests serve the built web app: build it when missing or older than its sources. */
export function ensureWebBuilt(): void {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts'].map((p) => path.join(ROOT, p));
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built > 0 && Math.max(...sources.map(newestMtime)) <= built) return;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'pipe' });
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and Content-Security-Policy violations seen so far. */
  scriptProblems: string[];
  close(): Promise<void>;
}

/** A fresh headless Chromium profile with one page that records script problems. */
export async function launchBrowser(): Promise<BrowserSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
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
  const page = context.pages()[0] ?? (await context.newPage());
  const scriptProblems: string[] = [];
  page.on('pageerror', (error) => scriptProblems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) scriptProblems.push(message.text());
  });
  return {
    context,
    page,
    scriptProblems,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Screenshots for the documentation, written only when CUSTOS_SCREENSHOTS=1. */
export async function documentationScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.CUSTOS_SCREENSHOTS !== '1') return;
  const file = path.join(ROOT, 'docs/images', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
}

export const screenshotsWanted = () => process.env.CUSTOS_SCREENSHOTS === '1';

/** Fill in the sign-in form the page shows and submit it. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Sign in through the sign-in page and wait until the app shows its navigation. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await submitSignIn(page, email, password);
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor(WAIT);
}

/** Follow a link of the main navigation. */
export async function clickMainNav(
  page: Page,
  name: string,
  options: { exact?: boolean } = {},
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name, ...options })
    .click();
}
