import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../shared/audit-actions';
import { ERROR_CODES } from '../../shared/errors';
import { LOCALES } from '../../shared/locale-ids';
import { ROLES } from '../../shared/roles';

// The renderer loads shared/locales/<lng>/<section>.json as the `<section>` branch of
// one namespace, so a key reads "section.path.to.leaf" (e.g. "errors.VAULT_THROTTLED").
const root = join(import.meta.dirname, '../../shared/locales');

type Tree = { [key: string]: string | Tree };

function loadCatalog(lng: string): Tree {
  const catalog: Tree = {};
  for (const file of readdirSync(join(root, lng)).filter((f) => f.endsWith('.json'))) {
    catalog[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(root, lng, file), 'utf8')) as Tree;
  }
  return catalog;
}

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

const catalogs = new Map(LOCALES.map((lng) => [lng, leaves(loadCatalog(lng))]));
const allKeys = [...new Set([...catalogs.values()].flatMap((c) => [...c.keys()]))].sort();

describe('locale catalogs', () => {
  it('ship a directory for every supported language and nothing else', () => {
    const dirs = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(dirs).toEqual([...LOCALES].sort());
  });

  it('have the same section files in every language', () => {
    const files = (lng: string) => readdirSync(join(root, lng)).sort();
    for (const lng of LOCALES) expect(files(lng), lng).toEqual(files(LOCALES[0]));
  });

  it.each(LOCALES)('%s has every key that any catalog has', (lng) => {
    const catalog = catalogs.get(lng)!;
    const missing = allKeys.filter((key) => !catalog.has(key));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty strings', (lng) => {
    const empty = [...catalogs.get(lng)!].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('use the same interpolation placeholders for a key in every language', () => {
    const mismatched: string[] = [];
    for (const key of allKeys) {
      const expected = placeholders(catalogs.get(LOCALES[0])!.get(key) ?? '');
      for (const lng of LOCALES) {
        if (JSON.stringify(placeholders(catalogs.get(lng)!.get(key) ?? '')) !== JSON.stringify(expected)) {
          mismatched.push(`${lng}:${key}`);
        }
      }
    }
    expect(mismatched).toEqual([]);
  });

  it.each(LOCALES)('%s translates every error code', (lng) => {
    const catalog = catalogs.get(lng)!;
    const missing = ERROR_CODES.filter((code) => !catalog.has(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s names every audit action', (lng) => {
    const catalog = catalogs.get(lng)!;
    expect(AUDIT_ACTIONS.filter((a) => !catalog.has(`audit.actions.${a}`))).toEqual([]);
  });

  it.each(LOCALES)('%s names every role and describes it', (lng) => {
    const catalog = catalogs.get(lng)!;
    const missing = ROLES.flatMap((role) =>
      [`roles.names.${role}`, `roles.descriptions.${role}`].filter((key) => !catalog.has(key)),
    );
    expect(missing).toEqual([]);
  });

  it('keep Simplified Chinese as written in zh-CN and Traditional in zh-TW', () => {
    // A cheap guard against pasting one Chinese catalog into the other.
    const simplifiedOnly = /[这个们说时会为认锁码设录删户]/;
    const traditionalOnly = /[這個們說時會為認鎖碼設錄刪戶]/;
    const zhCN = [...catalogs.get('zh-CN')!].filter(
      ([k, v]) => !k.startsWith('language.names.') && traditionalOnly.test(v),
    );
    const zhTW = [...catalogs.get('zh-TW')!].filter(
      ([k, v]) => !k.startsWith('language.names.') && simplifiedOnly.test(v),
    );
    expect(zhCN.map(([k]) => k)).toEqual([]);
    expect(zhTW.map(([k]) => k)).toEqual([]);
  });

  it('contain every literal key the renderer asks for', () => {
    const srcRoot = join(import.meta.dirname, '../../renderer/src');
    const sources = (readdirSync(srcRoot, { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => ({
        file: relative(srcRoot, join(srcRoot, f)),
        text: readFileSync(join(srcRoot, f), 'utf8'),
      }));
    const catalog = catalogs.get('zh-CN')!;
    const branches = new Set(
      [...catalog.keys()].flatMap((k) => k.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))),
    );
    const missing: string[] = [];
    for (const { file, text } of sources) {
      // t('section.key') and t(`section.prefix.${dynamic}`): the literal key, or the branch before `${`.
      for (const m of text.matchAll(/\bt\(\s*(['`])([a-zA-Z][\w.-]*)(\$\{)?/g)) {
        const [, , key, dynamic] = m;
        const wanted = dynamic ? key!.replace(/\.$/, '') : key!;
        if (dynamic ? !branches.has(wanted) : !catalog.has(wanted)) missing.push(`${file}: ${wanted}`);
      }
      // Keys kept in variables: quoted 'section.key' strings handed to t() later.
      for (const m of text.matchAll(/'((?:layout|errors)\.[A-Za-z_]+)'/g)) {
        if (!catalog.has(m[1]!)) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('leave no Chinese text in the English catalog', () => {
    const cjk = [...catalogs.get('en')!].filter(
      ([k, v]) => !k.startsWith('language.names.') && /\p{Script=Han}/u.test(v),
    );
    expect(cjk.map(([k]) => k)).toEqual([]);
  });
});
