import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { REPO_ROOT, startHost, type TestHost } from '../host/host';

/** Where screenshots go: tests/.artifacts/screenshots, or SHOTS_DIR (one folder per parallel run). */
export const SCREENSHOT_DIR = process.env.SHOTS_DIR ?? path.join(REPO_ROOT, 'tests/.artifacts/screenshots');

interface Options {
  /** The locale the core reports as the operating system's. */
  osLocale: string;
}

interface Fixtures {
  /** A test host on a fresh temporary data directory, closed and removed after the test. */
  host: TestHost;
  /**
   * Console errors and warnings (CSP violations, missing i18n keys), page errors, and any
   * request to somewhere other than the host's origin. A test ends by expecting none.
   */
  consoleErrors: string[];
}

export const test = base.extend<Options & Fixtures>({
  osLocale: ['zh-CN', { option: true }],
  host: async ({ osLocale }, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mingjing-e2e-'));
    const host = await startHost({ dataDir, kdfFast: true, osLocale });
    try {
      await use(host);
    } finally {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  consoleErrors: async ({ page, host }, use) => {
    const errors: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      // blob: URLs of the page's own origin are its memory (an attachment preview), not the network.
      const local = [`${host.origin}/`, `blob:${host.origin}/`, 'data:'];
      if (!local.some((prefix) => url.startsWith(prefix))) errors.push(`request: ${url}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        errors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await use(errors);
  },
});

export { expect };

/** Saves a full-page screenshot as SCREENSHOT_DIR/<name>.png and attaches it. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let antd's enter animations and message toasts settle.
  await page.waitForTimeout(400);
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Sticky header and sider are drawn where the scroll position puts them.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/**
 * Picks an option of an Ant Design Select by its exact label. The option is looked up
 * in this select's own dropdown (the one its input controls): a dropdown that another
 * select just closed is still fading out, and an option in it never becomes clickable.
 */
export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  const input = select
    .locator('input[aria-controls]')
    .or(select.and(page.locator('[aria-controls]')))
    .first();
  const listId = await input.getAttribute('aria-controls', { timeout: 5_000 }).catch(() => null);
  const dropdown = listId
    ? page.locator(`.ant-select-dropdown:has([id="${listId}"])`)
    : page.locator('.ant-select-dropdown:visible');
  await dropdown.locator(`.ant-select-item-option[title="${label}"]`).click();
}
