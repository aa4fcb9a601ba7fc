import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { CHANNELS } from '../../../shared/contract';
import { rendererCsp } from '../../../shared/csp';
import { SHIM_PATH } from '../host/host';
import { expect, test } from './fixtures';

/** Opens a WebSocket to the host and reports whether the upgrade was accepted. */
function tryConnect(url: string, origin: string | undefined): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', () => resolve(null));
    ws.once('error', () => resolve(null));
  });
}

function rpc(ws: WebSocket, id: number, channel: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { id: number; envelope: unknown };
      if (message.id === id) resolve(message.envelope);
    });
    ws.send(JSON.stringify({ id, channel, input }));
  });
}

/** A raw GET, so paths and headers reach the server exactly as written. */
function rawGet(port: number, path: string, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: host ? { host } : {} }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

test.describe('browser test host', () => {
  test('serves the renderer with the renderer CSP and the shim as the first script', async ({
    host,
    request,
  }) => {
    const response = await request.get(host.url);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy']).toBe(rendererCsp([`ws://127.0.0.1:${host.port}`]));
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    const html = await response.text();
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts[0]).toBe(SHIM_PATH);
    expect(scripts.length).toBeGreaterThan(1);
    const shim = await request.get(`${host.origin}${SHIM_PATH}`);
    expect(shim.headers()['content-type']).toContain('text/javascript');
  });

  test('window.mingjing has exactly one method per contract channel', async ({
    page,
    host,
    consoleErrors,
  }) => {
    await page.goto(host.url);
    const methods = await page.evaluate(
      'Object.keys(window.mingjing).filter((k) => typeof window.mingjing[k] === "function").sort()',
    );
    expect(methods).toEqual([...CHANNELS].sort());
    expect(await page.evaluate('Object.isFrozen(window.mingjing)')).toBe(true);
    const status = await page.evaluate('window.mingjing["vault:status"]({})');
    expect(status).toEqual({ ok: true, value: { state: 'uninitialized', officeName: null, userNames: [] } });
    const unknown = await page.evaluate('typeof window.mingjing["vault:drop"]');
    expect(unknown).toBe('undefined');
    expect(consoleErrors).toEqual([]);
  });

  test('the WebSocket needs the per-run token and the host origin', async ({ host }) => {
    const base = `ws://127.0.0.1:${host.port}/rpc`;
    expect(await tryConnect(base, host.origin)).toBeNull();
    expect(await tryConnect(`${base}?token=wrong`, host.origin)).toBeNull();
    expect(await tryConnect(`${base}?token=${host.token}`, 'http://evil.example')).toBeNull();
    expect(await tryConnect(`${base}?token=${host.token}`, undefined)).toBeNull();
    expect(await tryConnect(`ws://127.0.0.1:${host.port}/other?token=${host.token}`, host.origin)).toBeNull();

    const ws = await tryConnect(`${base}?token=${host.token}`, host.origin);
    expect(ws).not.toBeNull();
    expect(await rpc(ws!, 1, 'vault:status', {})).toMatchObject({
      ok: true,
      value: { state: 'uninitialized' },
    });
    expect(await rpc(ws!, 2, 'vault:drop', {})).toMatchObject({
      ok: false,
      error: { code: 'CHANNEL_UNKNOWN' },
    });
    expect(await rpc(ws!, 3, 'users:list', {})).toMatchObject({
      ok: false,
      error: { code: 'SESSION_LOCKED' },
    });
    ws!.close();
  });

  test('serves nothing outside the renderer and only under its own host name', async ({ host }) => {
    expect(await rawGet(host.port, '/index.html')).toBe(200);
    expect(await rawGet(host.port, '/../package.json')).toBe(403);
    expect(await rawGet(host.port, '/%2e%2e/package.json')).toBe(403);
    expect(await rawGet(host.port, '/assets/%2e%2e/%2e%2e/package.json')).toBe(403);
    expect(await rawGet(host.port, '/nope.js')).toBe(404);
    expect(await rawGet(host.port, '/index.html', `localhost:${host.port}`)).toBe(421);
  });
});
