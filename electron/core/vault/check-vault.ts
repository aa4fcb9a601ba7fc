import { verifyAuditChain } from '../audit/audit-log';
import { verifyMigrations } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { checkStoredFiles } from '../attachments/check-files';
import type { OpenVault } from './vault';

export interface CheckItem {
  name: 'sqlcipher' | 'sqlite' | 'migrations' | 'audit' | 'files';
  ok: boolean;
  detail: Record<string, string | number>;
}

/**
 * Everything `cli check` verifies on an unlocked vault: every SQLCipher page
 * authenticates, SQLite's own integrity check, the applied migrations match the
 * shipped ones, the audit log's hash chain holds, and every attachment file of the
 * encrypted file store authenticates to its end and has its recorded SHA-256.
 */
/** Runs one check; a check that throws (a page SQLite cannot read) fails, it does not abort. */
function attempt(name: CheckItem['name'], run: () => Omit<CheckItem, 'name'>): CheckItem {
  try {
    return { name, ...run() };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return { name, ok: false, detail: { error: typeof code === 'string' ? code : 'unreadable' } };
  }
}

export function checkVault(vault: OpenVault): CheckItem[] {
  return [
    attempt('sqlcipher', () => {
      const pages = vault.checkCipherPages();
      return {
        ok: pages.badPages.length === 0,
        detail: { pages: pages.pages, badPages: pages.badPages.slice(0, 10).join(',') },
      };
    }),
    attempt('sqlite', () => {
      const integrity = vault.db.pragma('integrity_check') as { integrity_check: string }[];
      return {
        ok: integrity.length === 1 && integrity[0]?.integrity_check === 'ok',
        detail: {
          result: integrity
            .map((r) => r.integrity_check)
            .slice(0, 5)
            .join('; '),
        },
      };
    }),
    attempt('migrations', () => {
      const m = verifyMigrations(vault.db, MIGRATIONS);
      return { ok: m.current === m.latest, detail: { current: m.current, latest: m.latest } };
    }),
    attempt('audit', () => {
      const audit = verifyAuditChain(vault.db);
      const detail: Record<string, string | number> = audit.ok
        ? { entries: audit.entries, head: audit.head }
        : { entries: audit.entries, brokenAt: audit.brokenAt };
      return { ok: audit.ok, detail };
    }),
    attempt('files', () => {
      const files = checkStoredFiles(vault.db, vault.files);
      return {
        ok: files.damaged.length === 0,
        detail: {
          files: files.checked,
          damaged: files.damaged.slice(0, 10).join(','),
          unreferenced: files.unreferenced,
        },
      };
    }),
  ];
}
