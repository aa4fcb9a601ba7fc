/**
 * Content-Security-Policy for the renderer. Everything is bundled and served from
 * the app's own origin; styles allow inline because Ant Design injects its CSS-in-JS
 * as <style> elements. `extraConnect` lets the browser test host add its loopback
 * WebSocket; the desktop app passes nothing.
 */
export function rendererCsp(extraConnect: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${extraConnect.map((c) => ` ${c}`).join('')}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
  ].join('; ');
}
