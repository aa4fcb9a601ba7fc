import { CHANNELS } from '../../../shared/contract';
import {
  ADMIN,
  confirmRecoveryCode,
  FIRST_PASSPHRASE,
  fillRecovery,
  fillSetup,
  NEW_PASSPHRASE,
  readRecoveryCode,
  unlock,
} from '../journey-steps';
import { chooseOption, expect, test } from './electron-app';

// The desktop app, driven through Playwright's _electron: the same journey as the
// browser test (tests/e2e/browser/journey.spec.ts), but over real IPC, the app://
// protocol, the sandboxed preload and the Electron build of the SQLite binding.
// Run with `npm run test:electron` (Linux CI: under xvfb-run). Skips without Electron.

test('desktop: first run → recovery code → lock → wrong passphrase → unlock → languages → recovery', async ({
  electronApp,
  page,
  problems,
}) => {
  // The shell as the renderer sees it: our origin, the preload's API and nothing else.
  expect(page.url()).toBe('app://mingjing/index.html');
  const exposed = await page.evaluate(() => {
    const w = globalThis as unknown as { mingjing: object; require?: unknown; process?: unknown };
    return {
      api: Object.keys(w.mingjing).sort(),
      hasRequire: typeof w.require !== 'undefined',
      hasProcess: typeof w.process !== 'undefined',
    };
  });
  expect(exposed.api).toEqual([...CHANNELS].sort());
  expect(exposed.hasRequire).toBe(false);
  expect(exposed.hasProcess).toBe(false);
  const shell = await electronApp.evaluate(({ BrowserWindow }) => ({
    windows: BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
  }));
  expect(shell.windows).toEqual(['app://mingjing/index.html']);

  // First run.
  await expect(page.getByTestId('setup-office')).toBeVisible();
  await fillSetup(page, FIRST_PASSPHRASE);
  await page.getByTestId('setup-submit').click();

  // The recovery code, shown once, confirmed.
  const code = await readRecoveryCode(page);
  await confirmRecoveryCode(page, code.split('-').at(-1)!);
  const main = page.getByTestId('main-layout');
  await expect(main).toBeVisible();

  // Lock; a wrong passphrase shows the error; the right one opens.
  await page.getByTestId('lock-button').click();
  await expect(main).toHaveCount(0);
  await unlock(page, 'not the passphrase at all');
  await expect(page.getByTestId('unlock-error')).toBeVisible();
  await unlock(page, FIRST_PASSPHRASE);
  await expect(main).toBeVisible();

  // English, then back to Simplified Chinese.
  await page.getByTestId('nav-settings').click();
  await chooseOption(page, 'language-select', 'English');
  await expect(page.getByTestId('nav-settings')).toHaveText('Settings');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await chooseOption(page, 'language-select', '简体中文');
  await expect(page.getByTestId('nav-settings')).toHaveText('设置');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // Forgot the passphrase: the recovery code and a new passphrase.
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('unlock-submit')).toBeVisible();
  await fillRecovery(page, code, NEW_PASSPHRASE);
  await page.getByTestId('recover-submit').click();
  const newCode = await readRecoveryCode(page);
  expect(newCode).not.toEqual(code);
  await confirmRecoveryCode(page, newCode);
  await expect(main).toBeVisible();

  // The new passphrase opens the vault; the old one no longer does.
  await page.getByTestId('lock-button').click();
  await unlock(page, FIRST_PASSPHRASE);
  await expect(page.getByTestId('unlock-error')).toBeVisible();
  await unlock(page, NEW_PASSPHRASE);
  await expect(main).toBeVisible();
  await expect(page.getByTestId('header-user')).toHaveText(ADMIN.displayName);

  expect(problems).toEqual([]);

  // Last, because the refusal is (rightly) reported on the console: no network.
  const fetched = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'reached',
      () => 'blocked',
    ),
  );
  expect(fetched).toBe('blocked');
});
