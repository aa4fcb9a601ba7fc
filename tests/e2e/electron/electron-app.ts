import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The Electron binary: $ELECTRON_PATH, else the one the `electron` package would
 * use (node_modules/electron/dist/<path.txt>). We do not `require('electron')`:
 * with the binary missing, electron@45's index.js tries to download it.
 */
export function findElectronBinary(): string | null {
  const fromEnv = process.env.ELECTRON_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const pkgDir = path.join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * What to launch. Default: the dev build (out/ + build-native/electron) run by the
 * stock Electron binary. With MINGJING_E2E_APP=<packaged executable>: a test package
 * built with the inspect fuse on (see docs/electron-native.md) — production packages
 * have it off, and Playwright's _electron needs `--inspect`.
 */
export function launchTarget(): { executablePath: string; args: string[] } | { skip: string } {
  const packaged = process.env.MINGJING_E2E_APP;
  if (packaged) {
    if (!existsSync(packaged)) return { skip: `MINGJING_E2E_APP=${packaged} does not exist` };
    return { executablePath: packaged, args: [] };
  }
  const electron = findElectronBinary();
  if (!electron) {
    return {
      skip:
        'No Electron binary: set ELECTRON_PATH to an Electron 45 executable (or MINGJING_E2E_APP to a test package); ' +
        'node_modules/electron/dist is not installed on this machine',
    };
  }
  const missing = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].filter(
    (f) => !existsSync(path.join(REPO_ROOT, f)),
  );
  if (missing.length) throw new Error(`Build first (npm run build); missing: ${missing.join(', ')}`);
  if (!existsSync(path.join(REPO_ROOT, 'build-native/electron/better_sqlite3.node'))) {
    throw new Error(
      'build-native/electron/better_sqlite3.node is missing: the Node-ABI SQLite build in node_modules cannot load ' +
        'in Electron. Run `node scripts/build-electron-native.mjs` (see docs/electron-native.md).',
    );
  }
  return { executablePath: electron, args: [REPO_ROOT] };
}

interface Fixtures {
  electronApp: ElectronApplication;
  page: Page;
  /** Console errors/warnings, page errors, and any request outside app://mingjing. */
  problems: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take a destructured first argument
  electronApp: async ({}, use, testInfo) => {
    const target = launchTarget();
    if ('skip' in target) {
      console.warn(`[electron e2e] skipped: ${target.skip}`);
      testInfo.skip(true, target.skip);
      return;
    }
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mingjing-electron-e2e-'));
    const app = await _electron.launch({
      executablePath: target.executablePath,
      // --lang fixes app.getLocale(), so the first run is in Simplified Chinese.
      args: [...target.args, '--lang=zh-CN'],
      env: {
        ...(process.env as Record<string, string>),
        MINGJING_DATA_DIR: path.join(dataDir, 'vault'),
        // Chromium's profile (userData) goes to the temp dir too.
        XDG_CONFIG_HOME: path.join(dataDir, 'config'),
        APPDATA: path.join(dataDir, 'config'),
        LANG: 'zh_CN.UTF-8',
      },
      timeout: 60_000,
    });
    try {
      await use(app);
    } finally {
      await app.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  page: async ({ electronApp }, use) => {
    const page = await electronApp.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('app://mingjing/') && !url.startsWith('data:')) problems.push(`request: ${url}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await use(problems);
  },
});

export { expect };

/** Picks an option of an Ant Design Select by its exact label. */
export async function chooseOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}
