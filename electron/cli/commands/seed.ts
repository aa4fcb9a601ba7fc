import { SEED_KINDS, seedVault, type SeedCounts } from '../../core/search/seed/seed-vault';
import { UsageError, type CliArgs } from '../args';
import { signInCore } from './signed-in-core';

const MAX = 1_000_000;

/** Demo data through the app's own channels, as --user (a group leader can write every kind). */
export async function seedCommand(args: CliArgs): Promise<void> {
  const counts = Object.fromEntries(
    SEED_KINDS.map((kind) => {
      const raw = args.counts[kind] ?? '0';
      if (!/^\d+$/.test(raw) || Number(raw) > MAX)
        throw new UsageError(`--${kind} must be a number from 0 to ${MAX}`);
      return [kind, Number(raw)];
    }),
  ) as SeedCounts;
  if (SEED_KINDS.every((k) => counts[k] === 0))
    throw new UsageError('nothing to seed: pass --units N, --persons N …');
  const session = await signInCore(args);
  try {
    const report = await seedVault(session.core, counts);
    if (args.json) console.log(JSON.stringify(report));
    else {
      const made = Object.entries(report.created).map(([k, v]) => `${k}=${v}`);
      console.log(`seeded ${made.join(' ') || 'nothing'} in ${(report.ms / 1000).toFixed(1)} s`);
      if (report.skipped.length > 0) console.log(`not available in this build: ${report.skipped.join(', ')}`);
    }
  } finally {
    await session.close();
  }
}
