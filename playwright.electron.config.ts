import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the desktop app through Playwright's _electron
 * (tests/e2e/electron). Needs an Electron binary (ELECTRON_PATH, or
 * node_modules/electron/dist), `npm run build`, and the Electron-ABI SQLite
 * binding in build-native/electron; without a binary the tests skip. On Linux
 * without a display, run under `xvfb-run`. `npm run test:electron` builds first.
 * One worker: each test launches a whole app with its own data directory.
 */
export default defineConfig({
  testDir: 'tests/e2e/electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/electron',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report/electron' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
