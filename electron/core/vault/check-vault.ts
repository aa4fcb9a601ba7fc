import { verifyAuditChain } from '../audit/audit-log';
import { verifyMigrations } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import type { OpenVault } from './vault';

export interface CheckItem {
  name: 'sqlcipher' | 'sqlite' | 'migrations' | 'audit';
  ok: boolean;
  detail: Record<string, string | number>;
}

/**
 * Everything `cli check` verifies on an unlocked vault: every SQLCipher page
 * authenticates, SQLite's own integrity check, the applied migrations match the
 * shipped ones, and the audit log's hash chain holds.
 */
export function checkVault(vault: OpenVault): CheckItem[] {
  const pages = vault.checkCipherPages();
  const integrity = vault.db.pragma('integrity_check') as { integrity_check: string }[];
  const migrations = verifyMigrations(vault.db, MIGRATIONS);
  const audit = verifyAuditChain(vault.db);
  return [
    {
      name: 'sqlcipher',
      ok: pages.badPages.length === 0,
      detail: { pages: pages.pages, badPages: pages.badPages.slice(0, 10).join(',') },
    },
    {
      name: 'sqlite',
      ok: integrity.length === 1 && integrity[0]?.integrity_check === 'ok',
      detail: {
        result: integrity
          .map((r) => r.integrity_check)
          .slice(0, 5)
          .join('; '),
      },
    },
    {
      name: 'migrations',
      ok: migrations.current === migrations.latest,
      detail: { current: migrations.current, latest: migrations.latest },
    },
    audit.ok
      ? { name: 'audit', ok: true, detail: { entries: audit.entries, head: audit.head } }
      : { name: 'audit', ok: false, detail: { entries: audit.entries, brokenAt: audit.brokenAt } },
  ];
}
