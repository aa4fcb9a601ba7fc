import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_GLOBAL } from '../../shared/api';
import { CHANNELS } from '../../shared/contract';
import { PRELOAD_CHANNELS } from '../../electron/preload/channels';
import { fakeElectron, resetFakeElectron } from './electron-shell-fake';

vi.mock('electron', async () => (await import('./electron-shell-fake')).fakeElectron);

let exposedKeys: string[] = [];
let exposedApi: Record<string, unknown> = {};

// The preload runs once, on import, as it does in a renderer.
beforeAll(async () => {
  resetFakeElectron();
  await import('../../electron/preload/index');
  exposedKeys = [...fakeElectron.contextBridge.exposed.keys()];
  exposedApi = fakeElectron.contextBridge.exposed.get(API_GLOBAL) as Record<string, unknown>;
});

beforeEach(() => {
  fakeElectron.ipcRenderer.calls.length = 0;
});

async function exposed(): Promise<Record<string, unknown>> {
  expect(exposedKeys).toEqual([API_GLOBAL]);
  return exposedApi;
}

describe('preload', () => {
  it('lists exactly the contract channels', () => {
    expect([...PRELOAD_CHANNELS].sort()).toEqual([...CHANNELS].sort());
    expect(new Set(PRELOAD_CHANNELS).size).toBe(PRELOAD_CHANNELS.length);
  });

  it('exposes one object on window.mingjing with exactly one function per channel', async () => {
    const api = await exposed();
    expect(API_GLOBAL).toBe('mingjing');
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(api[channel]).toBeTypeOf('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('exposes no raw ipcRenderer, send/on, or process', async () => {
    const api = await exposed();
    for (const key of ['ipcRenderer', 'invoke', 'send', 'on', 'process', 'env', 'require']) {
      expect(api).not.toHaveProperty(key);
    }
  });

  it('forwards exactly (channel, input) to ipcRenderer.invoke', async () => {
    const api = (await exposed()) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const result = await api['session:unlock']!({ userName: 'li', passphrase: 'x' }, 'extra', 'args');
    expect(fakeElectron.ipcRenderer.calls).toEqual([['session:unlock', { userName: 'li', passphrase: 'x' }]]);
    expect(result).toEqual({ ok: true, value: null });
    for (const channel of CHANNELS) {
      await api[channel]!({});
      expect(fakeElectron.ipcRenderer.calls.at(-1)).toEqual([channel, {}]);
    }
  });
});
