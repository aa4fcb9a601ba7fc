/**
 * Makes a file name safe to store, show and later write out on Windows or Linux:
 * the last path component only, no control or bidirectional-override characters
 * (which can disguise an extension, e.g. "report\u202Egpj.exe"), none of <>:"/\|?*,
 * no leading or trailing dots or spaces, not a reserved device name, at most `max`
 * characters with the extension kept. Never empty.
 */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function sanitizeFileName(raw: string, max = 120, fallback = 'attachment'): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  let name = last.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' ');
  name = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  const dot = name.lastIndexOf('.');
  let stem = dot > 0 ? name.slice(0, dot) : name;
  let ext = dot > 0 ? name.slice(dot) : '';
  if (RESERVED.test(stem)) stem = `_${stem}`;
  if (ext.length > 16) {
    stem = name;
    ext = '';
  }
  const chars = [...stem];
  if (chars.length + ext.length > max) stem = chars.slice(0, Math.max(1, max - ext.length)).join('');
  const out = `${stem}${ext}`.trim();
  return out.length > 0 && out !== ext ? out : `${fallback}${ext}`;
}

/** The extension of a name, lower case without the dot, or null. */
export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : null;
}
