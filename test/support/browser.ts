import { access, constants, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where browser tests leave their screenshots: the artifacts of a run. */
export const SCREENSHOTS_DIR = path.resolve(__dirname, '../../test-results/screenshots');

const VIEWPORT = { width: 1280, height: 800 };

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Headless Chromium from the system (Debian's `chromium`, installed by infra/local/chromium.sh)
 * with one page of a desktop-sized viewport. Tests run as root, hence no sandbox.
 */
export async function openBrowser(): Promise<BrowserSession> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  await access(executablePath, constants.X_OK).catch(() => {
    throw new Error(
      `No Chromium at ${executablePath}: run bash infra/local/chromium.sh, or set CHROMIUM_PATH`,
    );
  });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  return { browser, context, page, close: () => browser.close() };
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
