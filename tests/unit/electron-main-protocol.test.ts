import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProtocolHandler, resolveAppPath } from '../../electron/main/app-protocol';
import { APP_SCHEME_PRIVILEGES, isAppUrl } from '../../electron/main/app-scheme';
import { rendererCsp } from '../../shared/csp';

const base = mkdtempSync(path.join(tmpdir(), 'mingjing-protocol-'));
const root = path.join(base, 'renderer');

beforeAll(() => {
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>明镜</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'font file.woff2'), 'woff2');
  // Siblings of the root that traversal would reach.
  writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
  mkdirSync(path.join(base, 'renderer-evil'));
  writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A request whose URL is passed through verbatim (Request would normalise it). */
function rawRequest(url: string, method = 'GET'): Request {
  return { url, method } as Request;
}

describe('app:// scheme', () => {
  it('is registered standard and secure, without CSP bypass or service workers', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      allowServiceWorkers: false,
    });
  });

  it('recognises only our origin', () => {
    expect(isAppUrl('app://mingjing/index.html')).toBe(true);
    expect(isAppUrl('app://mingjing/')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('app://user:pw@mingjing/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://mingjing/index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('protocol handler', () => {
  const handler = () => makeProtocolHandler(root);

  it('serves a real file with its content type and the renderer CSP', async () => {
    const res = await handler()(new Request('app://mingjing/index.html'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('明镜');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(rendererCsp());
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the bare origin', async () => {
    const res = await handler()(new Request('app://mingjing/'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>');
  });

  it('serves nested assets, including percent-encoded names', async () => {
    const js = await handler()(new Request('app://mingjing/assets/app.js'));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(rendererCsp());
    const font = await handler()(new Request('app://mingjing/assets/font%20file.woff2'));
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
  });

  it('answers 404 with the CSP for a missing file or a directory', async () => {
    const missing = await handler()(new Request('app://mingjing/assets/missing.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(rendererCsp());
    expect((await handler()(new Request('app://mingjing/assets'))).status).toBe(404);
  });

  it('refuses other methods', async () => {
    const res = await handler()(new Request('app://mingjing/index.html', { method: 'POST', body: 'x' }));
    expect(res.status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const res = await handler()(new Request('app://mingjing/index.html', { method: 'HEAD' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  const traversals = [
    'app://mingjing/../secret.txt',
    'app://mingjing/%2e%2e/secret.txt',
    'app://mingjing/%2E%2E/secret.txt',
    'app://mingjing/assets/%2e%2e/%2e%2e/secret.txt',
    'app://mingjing/..%2fsecret.txt',
    'app://mingjing/assets%2f..%2f..%2fsecret.txt',
    'app://mingjing/..%5csecret.txt',
    'app://mingjing/..\\secret.txt',
    'app://mingjing/%2e%2e%5csecret.txt',
    'app://mingjing//etc/passwd',
    `app://mingjing/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
    'app://mingjing/C:/Windows/win.ini',
    'app://mingjing/C%3A%5CWindows%5Cwin.ini',
    'app://mingjing/index.html%00.png',
    'app://mingjing/../renderer-evil/x.js',
    'app://mingjing/%E0%A4%A',
    'app://other/index.html',
    'app://user:pw@mingjing/index.html',
    'file:///etc/passwd',
    'https://mingjing/index.html',
  ];

  it.each(traversals)('refuses %s without serving anything outside the root', async (url) => {
    const res = await handler()(rawRequest(url));
    expect([403, 404]).toContain(res.status);
    const body = await res.text();
    expect(body).not.toContain('TOP SECRET');
    expect(body).not.toContain('evil');
    expect(res.headers.get('content-security-policy')).toBe(rendererCsp());
  });

  it('refuses the same traversals after URL normalisation', async () => {
    for (const url of traversals.slice(0, 6)) {
      let req: Request;
      try {
        req = new Request(url);
      } catch {
        continue;
      }
      const res = await handler()(req);
      expect(await res.text()).not.toContain('TOP SECRET');
    }
  });

  it('maps only plain relative paths into the root', () => {
    expect(resolveAppPath(root, 'app://mingjing/assets/app.js')).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'app.js'),
    });
    expect(resolveAppPath(root, 'app://mingjing/%2e%2e/secret.txt')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://mingjing/a/./b')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://evil/index.html')).toEqual({ ok: false, status: 403 });
  });
});
