import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the real renderer in Debian's Chromium against the real core,
 * through the browser test host (tests/e2e/host). Each test starts its own host on
 * its own temporary data directory. The renderer must be built first
 * (`npm run test:e2e` does: electron-vite build && playwright test).
 */
const executablePath = process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium';

export default defineConfig({
  testDir: 'tests/e2e/browser',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 1 : 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-default-apps',
        '--disable-extensions',
      ],
    },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    serviceWorkers: 'block',
  },
});
