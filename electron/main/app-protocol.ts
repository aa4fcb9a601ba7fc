import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { rendererCsp } from '../../shared/csp';
import { APP_HOST, APP_SCHEME } from './app-scheme';

/**
 * The `app://` protocol handler: serves the built renderer (out/renderer) and
 * nothing else. Every response carries the renderer CSP. Anything that is not a
 * plain relative path on our host — other hosts, `..` (raw or percent-encoded),
 * encoded slashes that would hide one, backslashes, NUL bytes, drive letters,
 * absolute paths — is refused with 403; a missing file is a 404. Files are read
 * with fs (which also reads inside app.asar), never through `file://` or net.
 */

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedPath = { ok: true; filePath: string } | { ok: false; status: 403 };

const FORBIDDEN: ResolvedPath = { ok: false, status: 403 };

/**
 * True when the path part of the URL *as written* holds a dot segment, raw or
 * percent-encoded. URL parsing would quietly resolve it; we refuse instead, so a
 * traversal attempt never turns into some other file that happens to exist.
 */
function hasRawDotSegment(rawUrl: string): boolean {
  const afterScheme = rawUrl.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/\\]*/, '');
  const rawPath = afterScheme.split(/[?#]/, 1)[0] ?? '';
  return rawPath
    .replace(/%2e/gi, '.')
    .replace(/%2f|%5c/gi, '/')
    .split(/[/\\]/)
    .some((segment) => segment === '.' || segment === '..');
}

/** Maps an `app://mingjing/<path>` URL to a file strictly inside `rootDir`. */
export function resolveAppPath(rootDir: string, rawUrl: string): ResolvedPath {
  if (rawUrl.includes('\\') || hasRawDotSegment(rawUrl)) return FORBIDDEN;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return FORBIDDEN;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password)
    return FORBIDDEN;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return FORBIDDEN;
  }
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return FORBIDDEN;

  const segments = decoded.slice(1).split('/');
  for (const segment of segments) {
    // Empty segments ("//etc/passwd"), dot segments and drive letters are never ours.
    if (segment === '' || segment === '.' || segment === '..' || /^[a-zA-Z]:/.test(segment)) return FORBIDDEN;
  }

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return FORBIDDEN;
  return { ok: true, filePath };
}

export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

function plain(status: number, csp: string): Response {
  return new Response(null, { status, headers: securityHeaders(csp) });
}

export type ProtocolHandler = (request: Request) => Promise<Response>;

export function makeProtocolHandler(rootDir: string, csp: string = rendererCsp()): ProtocolHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, csp);
    const resolved = resolveAppPath(rootDir, request.url);
    if (!resolved.ok) return plain(resolved.status, csp);
    try {
      const info = await stat(resolved.filePath);
      if (!info.isFile()) return plain(404, csp);
      const body = request.method === 'HEAD' ? null : await readFile(resolved.filePath);
      return new Response(body, {
        status: 200,
        headers: {
          ...securityHeaders(csp),
          'Content-Type': contentTypeFor(resolved.filePath),
          'Content-Length': String(info.size),
        },
      });
    } catch {
      return plain(404, csp);
    }
  };
}
