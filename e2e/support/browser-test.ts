import type { Page } from 'playwright-core';
import { ensureWebBuilt, launchBrowser, signIn, type BrowserSession } from './browser.js';
import { startServer, type E2eServer, type Seed, type ServerSettings } from './server.js';

/** What a browser test works with: the seeded server, a browser and its page. */
export interface BrowserTest {
  server: E2eServer;
  browser: BrowserSession;
  page: Page;
}

/** Something a test opened and closes when it is done. */
interface Closable {
  close(): Promise<void>;
}

/** Close each of these in turn, skipping those never opened. */
export async function closeAll(...resources: (Closable | undefined)[]): Promise<void> {
  for (const resource of resources) await resource?.close();
}

/**
 * Build the web app when needed, start the server over the test's `seed`, open a fresh browser and,
 * given `signInAs`, sign in through the sign-in page. On failure what was opened is closed again.
 */
export async function openBrowserTest(
  seed: Seed,
  options: { settings?: ServerSettings; signInAs?: { email: string; password: string } } = {},
): Promise<BrowserTest> {
  ensureWebBuilt();
  const server = await startServer(seed, options.settings);
  let browser: BrowserSession | undefined;
  try {
    browser = await launchBrowser();
    const { signInAs } = options;
    if (signInAs) await signIn(browser.page, server.baseUrl, signInAs.email, signInAs.password);
    return { server, browser, page: browser.page };
  } catch (error) {
    await closeAll(browser, server);
    throw error;
  }
}
