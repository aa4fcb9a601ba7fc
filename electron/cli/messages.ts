import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchLocale } from '../../shared/locale-ids';
import type { ErrorPayload } from '../../shared/errors';

const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../shared/locales');

function flatten(obj: unknown, prefix: string, out: Map<string, string>): void {
  if (typeof obj === 'string') out.set(prefix, obj);
  else if (obj && typeof obj === 'object') {
    for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
}

let catalog: Map<string, string> | null = null;

/** The app's own catalogs, in the language of the shell (LANG), so the CLI says what the app says. */
function loadCatalog(): Map<string, string> {
  if (catalog) return catalog;
  catalog = new Map();
  const tag = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || 'en';
  // The C/POSIX locale of a bare shell reads English, not the app's default Chinese.
  const lng = /^(C|POSIX)([._]|$)/.test(tag) ? 'en' : matchLocale(tag);
  try {
    for (const file of readdirSync(join(LOCALES_DIR, lng)).filter((f) => f.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(join(LOCALES_DIR, lng, file), 'utf8')) as unknown;
      flatten(data, '', catalog);
      flatten(data, file.replace(/\.json$/, ''), catalog);
    }
  } catch {
    // No catalogs: fall back to the stable code.
  }
  return catalog;
}

export function describeError(error: ErrorPayload): string {
  const template = loadCatalog().get(error.messageKey);
  if (!template) return error.code;
  const text = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
    String(error.details?.[name] ?? ''),
  );
  return `${text} (${error.code})`;
}
