import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from './electron-shell-fake';

vi.mock('electron', async () => (await import('./electron-shell-fake')).fakeElectron);

/**
 * The test host lets an end-to-end test move the core's clock (tests/e2e/host/host.ts,
 * `host.clock`). The desktop app must have no such path: its core runs on the real
 * time, and nothing the renderer can call sets the time.
 */
const REPO = path.resolve(import.meta.dirname, '../..');
let tmp: string;

beforeEach(() => {
  resetFakeElectron();
  tmp = mkdtempSync(path.join(tmpdir(), 'mingjing-clock-'));
  mkdirSync(path.join(tmp, 'app', 'out', 'renderer'), { recursive: true });
  writeFileSync(path.join(tmp, 'app', 'out', 'renderer', 'index.html'), '<!doctype html><title>M</title>');
  fakeElectron.app.appPath = path.join(tmp, 'app');
  fakeElectron.app.userData = path.join(tmp, 'userData');
});

afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

describe('the desktop app has no way to move the core clock', () => {
  it('creates its core on the system clock', async () => {
    const { startApp } = await import('../../electron/main/app-lifecycle');
    const started = startApp({ env: { MINGJING_DATA_DIR: path.join(tmp, 'vault') }, log: vi.fn() });
    fakeElectron.app.makeReady();
    const core = (await started!.ready).getCore()!;
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(core.options.now).toBeUndefined();
    const before = Date.now();
    const now = core.context.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('registers only contract channels over IPC, none of which sets the time', async () => {
    const { startApp } = await import('../../electron/main/app-lifecycle');
    const started = startApp({ env: { MINGJING_DATA_DIR: path.join(tmp, 'vault') }, log: vi.fn() });
    fakeElectron.app.makeReady();
    await started!.ready;
    expect([...fakeElectron.ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(CHANNELS.filter((c) => /clock|time|now/i.test(c))).toEqual([]);
  });

  it('keeps the movable clock in the test host: no app source imports it or passes a clock', () => {
    const appSources = ['electron/main', 'electron/preload', 'electron/core', 'electron/cli'].flatMap((d) =>
      sourcesUnder(path.join(REPO, d)),
    );
    expect(appSources.length).toBeGreaterThan(20);
    for (const file of appSources) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/e2e\/host|advanceDays|HostClock/);
      if (!file.includes(`${path.sep}core${path.sep}`)) expect(text, file).not.toMatch(/\bnow\s*:/);
    }
  });
});
