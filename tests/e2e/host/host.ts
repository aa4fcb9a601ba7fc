/**
 * The browser test host: the real MingjingCore and its contract router behind a
 * loopback WebSocket, and the built renderer served over loopback HTTP with the
 * renderer CSP, plus a preload-equivalent shim. Only the transport differs from the
 * desktop app. Development and tests only — never part of the packaged app.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { MingjingCore, type CoreOptions } from '../../../electron/core/mingjing-core';
import { createRouter } from '../../../electron/core/router';
import { startIdleLockTimer } from '../../../electron/main/idle-lock';
import { rendererCsp } from '../../../shared/csp';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const DEFAULT_RENDERER_DIR = process.env.MINGJING_RENDERER_OUT ?? path.join(REPO_ROOT, 'out/renderer');
const SHIM_ENTRY = path.join(import.meta.dirname, 'shim-entry.ts');
export const SHIM_PATH = '/__mingjing/shim.js';
const RPC_PATH = '/rpc';
const LOOPBACK = '127.0.0.1';

/** Cheap scrypt for tests and hand-testing; the real default costs ~0.8 s per unlock. */
export const FAST_KDF_COST = { N: 2 ** 14, r: 8, p: 1 } as const;

export interface HostOptions {
  dataDir: string;
  /** The built renderer (default out/renderer). */
  rendererDir?: string;
  /** The "operating system" locale the core reports (default: this process's). */
  osLocale?: string;
  /** Use FAST_KDF_COST (also turned on by MINGJING_KDF_FAST=1). */
  kdfFast?: boolean;
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * Stands in for the desktop shell's file dialog (an OS window Playwright cannot
   * drive in a browser): what "浏览…" picks. Without it the host has no dialog.
   */
  choosePath?: CoreOptions['choosePath'];
  log?: (message: string, err?: unknown) => void;
}

/**
 * The core's clock in a test host: the real time plus an offset that only the test
 * process can move (in-process, from a Playwright fixture). No channel, HTTP path or
 * WebSocket message reaches it, and the desktop app's core has no such clock (it
 * uses Date.now: tests/unit/desktop-clock.test.ts).
 */
export interface HostClock {
  now(): number;
  /** Moves the core's time forward, e.g. to see deadlines pass on the overdue board. */
  advanceDays(days: number): void;
}

function movableClock(): HostClock {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advanceDays(days) {
      if (!Number.isFinite(days) || days <= 0) throw new Error('the clock only moves forward');
      offsetMs += days * 86_400_000;
    },
  };
}

export interface TestHost {
  /** The page to open, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  core: MingjingCore;
  clock: HostClock;
  close(): Promise<void>;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // The renderer is rebuilt while the host runs (npm run dev:browser).
    'Cache-Control': 'no-store',
  };
}

let shimSource: Promise<string> | null = null;

/** Bundles shim-entry.ts (and the preload's buildApi) into one classic script, once per process. */
export function buildShim(): Promise<string> {
  shimSource ??= (async () => {
    const { build } = await import('vite');
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: REPO_ROOT,
      build: {
        write: false,
        minify: false,
        emptyOutDir: false,
        target: 'es2022',
        lib: { entry: SHIM_ENTRY, formats: ['iife'], name: 'MingjingShim', fileName: () => 'shim.js' },
      },
    });
    const outputs = Array.isArray(result) ? result : [result];
    for (const out of outputs) {
      if ('output' in out) {
        const chunk = out.output.find((o) => o.type === 'chunk');
        if (chunk && 'code' in chunk) return chunk.code;
      }
    }
    throw new Error('shim bundle produced no code');
  })();
  return shimSource;
}

/** Puts the shim in front of every other script of index.html. */
export function injectShim(html: string): string {
  const tag = `<script src="${SHIM_PATH}"></script>`;
  const afterCharset = /<meta\s+charset=[^>]*>/i;
  if (afterCharset.test(html)) return html.replace(afterCharset, (m) => `${m}\n    ${tag}`);
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (m) => `${m}\n    ${tag}`);
  throw new Error('index.html has no <head>');
}

function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hasRawDotSegment(rawUrl: string): boolean {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  return rawPath
    .replace(/%2e/gi, '.')
    .replace(/%2f|%5c/gi, '/')
    .split(/[/\\]/)
    .some((segment) => segment === '.' || segment === '..');
}

/** A path strictly inside root, or null for anything that tries to leave it. */
function fileInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  const filePath = path.resolve(root, `.${decoded}`);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return filePath;
}

export async function startHost(options: HostOptions): Promise<TestHost> {
  const log = options.log ?? ((message, err) => console.error(`[test-host] ${message}`, err ?? ''));
  const rendererDir = path.resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  try {
    await stat(path.join(rendererDir, 'index.html'));
  } catch {
    throw new Error(`No built renderer at ${rendererDir}: run "npx electron-vite build" first.`);
  }
  const shim = await buildShim();
  const kdfFast = options.kdfFast ?? process.env.MINGJING_KDF_FAST === '1';
  const clock = movableClock();
  const core = new MingjingCore({
    now: clock.now,
    dataDir: options.dataDir,
    osLocale: options.osLocale ?? Intl.DateTimeFormat().resolvedOptions().locale,
    ...(kdfFast ? { kdfCost: { ...FAST_KDF_COST } } : {}),
    ...(options.choosePath ? { choosePath: options.choosePath } : {}),
  });
  const router = createRouter(core, (err) => log('internal error', err));
  const stopIdleTimer = startIdleLockTimer(core, 30_000, (err) => log('idle lock failed', err));
  const token = randomBytes(32).toString('base64url');

  // Set once listening; requests cannot arrive before that.
  let origin = '';
  let expectedHost = '';
  let csp = '';

  const send = (res: ServerResponse, status: number, body?: string | Buffer, type?: string) => {
    res.writeHead(status, {
      ...securityHeaders(csp),
      ...(type ? { 'Content-Type': type } : {}),
      'Content-Length': String(body ? Buffer.byteLength(body) : 0),
    });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // A DNS-rebinding page would arrive under another Host name.
    if (req.headers.host !== expectedHost) return send(res, 421);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405);
    // Refuse dot segments as written (URL parsing would quietly resolve them).
    if (hasRawDotSegment(req.url ?? '/')) return send(res, 403);
    const { pathname } = new URL(req.url ?? '/', origin);
    if (pathname === SHIM_PATH) return send(res, 200, shim, MIME_TYPES['.js']);
    if (pathname === '/' || pathname === '/index.html') {
      const html = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
      return send(res, 200, injectShim(html), MIME_TYPES['.html']);
    }
    const filePath = fileInside(rendererDir, pathname);
    if (!filePath) return send(res, 403);
    try {
      const info = await stat(filePath);
      if (!info.isFile()) return send(res, 404);
      const type = MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
      return send(res, 200, await readFile(filePath), type);
    } catch {
      return send(res, 404);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log('request failed', err);
      if (!res.headersSent) send(res, 500);
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const allowed =
      url.pathname === RPC_PATH &&
      req.headers.host === expectedHost &&
      req.headers.origin === origin &&
      sameSecret(url.searchParams.get('token'), token);
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text only');
      let message: { id?: unknown; channel?: unknown; input?: unknown };
      try {
        message = JSON.parse(data.toString()) as typeof message;
      } catch {
        return ws.close(1007, 'not JSON');
      }
      const { id, channel, input } = message;
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) return ws.close(1008, 'bad id');
      void router(channel, input).then((envelope) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, envelope }));
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${LOOPBACK}:${port}`;
  expectedHost = `${LOOPBACK}:${port}`;
  csp = rendererCsp([`ws://${LOOPBACK}:${port}`]);

  let closed = false;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    dataDir: options.dataDir,
    core,
    clock,
    async close() {
      if (closed) return;
      closed = true;
      stopIdleTimer();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      core.lock('shutdown');
    },
  };
}
