/**
 * `npm run dev:browser` — try the real renderer against the real core in any browser,
 * where no Electron runs. Starts the test host on loopback with a per-run token,
 * prints the URL, and rebuilds the renderer when its sources change (reload the page).
 * Development only: nothing here is part of the packaged app.
 *
 *   npm run dev:browser -- [--data-dir DIR] [--port N] [--os-locale zh-CN] [--kdf-fast] [--no-watch]
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RENDERER_DIR, REPO_ROOT, startHost } from './host';

const USAGE = `Usage: npm run dev:browser -- [options]
  --data-dir DIR     vault directory (default: a new temporary directory)
  --port N           loopback port (default: a free one)
  --os-locale TAG    locale the core reports as the OS's, e.g. zh-CN, zh-TW, en-US
  --kdf-fast         cheap scrypt (also MINGJING_KDF_FAST=1); for throwaway data only
  --no-watch         serve the existing build (out/renderer) without rebuilding`;

type Watcher = { close(): Promise<void> | void };

/** Builds the renderer exactly as electron.vite.config.ts says, in watch mode. */
async function watchRenderer(): Promise<Watcher> {
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  const resolved = await resolveConfig(
    { configFile: path.join(REPO_ROOT, 'electron.vite.config.ts') },
    'build',
    'development',
  );
  const renderer = resolved.config?.renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer config');
  const watcher = (await build({
    ...renderer,
    configFile: false,
    mode: 'development',
    build: { ...renderer.build, watch: {} },
  })) as unknown as Watcher & {
    on(event: 'event', cb: (e: { code: string; error?: unknown }) => void): void;
  };
  await new Promise<void>((resolve) => {
    let first = true;
    watcher.on('event', (event) => {
      if (event.code === 'ERROR') console.error('[dev:browser] renderer build failed:', event.error);
      if (event.code === 'END') {
        if (first) {
          first = false;
          resolve();
        } else {
          console.log(`[dev:browser] ${new Date().toLocaleTimeString()} renderer rebuilt — reload the page`);
        }
      }
    });
  });
  return watcher;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'os-locale': { type: 'string' },
      'kdf-fast': { type: 'boolean', default: false },
      'no-watch': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dataDir = values['data-dir']
    ? path.resolve(values['data-dir'])
    : mkdtempSync(path.join(tmpdir(), 'mingjing-dev-'));
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: not a port: ${values.port}`);

  let watcher: Watcher | null = null;
  if (!values['no-watch']) {
    console.log('[dev:browser] building the renderer (watch mode)…');
    watcher = await watchRenderer();
  } else if (!existsSync(path.join(DEFAULT_RENDERER_DIR, 'index.html'))) {
    throw new Error('No build in out/renderer: run "npx electron-vite build" or drop --no-watch.');
  }

  const host = await startHost({
    dataDir,
    port,
    ...(values['os-locale'] ? { osLocale: values['os-locale'] } : {}),
    ...(values['kdf-fast'] ? { kdfFast: true } : {}),
    log: (message, err) => console.error(`[dev:browser] ${message}`, err ?? ''),
  });

  console.log('');
  console.log('  Mingjing browser host — development only, loopback only');
  console.log(`  data dir: ${dataDir}`);
  console.log(`  open:     ${host.url}`);
  console.log('');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([host.close(), watcher?.close()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`[dev:browser] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
