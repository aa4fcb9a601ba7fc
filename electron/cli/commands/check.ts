import { checkVault } from '../../core/vault/check-vault';
import { readKeySlots } from '../../core/vault/key-slots';
import { requireOption, type CliArgs } from '../args';
import { openForCli } from '../open-for-cli';

/** Exit code 0 only when every check holds. */
export async function checkCommand(args: CliArgs): Promise<number> {
  const dataDir = requireOption(args.dataDir, '--data-dir');
  const vault = await openForCli(dataDir, args.user);
  try {
    const slots = readKeySlots(dataDir);
    const items = [
      {
        name: 'keyslots',
        ok: slots.slots.some((s) => s.kind === 'recovery'),
        detail: { slots: slots.slots.length },
      },
      ...checkVault(vault),
    ];
    const ok = items.every((i) => i.ok);
    if (args.json) console.log(JSON.stringify({ ok, checks: items }));
    else {
      for (const i of items) {
        const detail = Object.entries(i.detail)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ');
        console.log(`${i.ok ? 'ok  ' : 'FAIL'} ${i.name.padEnd(10)} ${detail}`);
      }
      console.log(ok ? 'all checks passed' : 'CHECK FAILED');
    }
    return ok ? 0 : 1;
  } finally {
    vault.close();
  }
}
