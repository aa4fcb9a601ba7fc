/**
 * Child process for the crash test: unlocks a vault and appends audited batches
 * of BATCH entries, one transaction each, printing the total after every commit,
 * until it is killed.
 */
import { appendAudit } from '../../../electron/core/audit/audit-log';
import { unlockVault } from '../../../electron/core/vault/vault';

const [dataDir, userName, passphrase] = process.argv.slice(2) as [string, string, string];
export const BATCH = 200;

const { vault } = await unlockVault(dataDir, userName, passphrase, {});
const count = () => (vault.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
process.stdout.write(`ready ${count()}\n`);
let ms = Date.now();
for (;;) {
  vault.db.transaction(() => {
    for (let i = 0; i < BATCH; i++) {
      ms += 1;
      appendAudit(
        vault.db,
        { hlc: `${String(ms).padStart(15, '0')}-0000-crash`, wall: new Date(ms) },
        {
          actorId: null,
          actorName: 'crash-writer',
          action: 'user.auto_lock',
          entityType: 'probe',
          entityId: null,
          details: { i, filler: 'x'.repeat(200) },
        },
      );
    }
  })();
  process.stdout.write(`committed ${count()}\n`);
}
