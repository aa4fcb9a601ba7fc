/**
 * `npm run bench` (transfer part). Figures, not assertions: machines are shared.
 *
 * The real services end to end (transfer-service-phase.mts): two offices trusting each
 * other, a case seeded through the services (MINGJING_BENCH_TRANSFER_ITEMS intake items
 * and leads, about three records each: ~100,000 records by default) with attachments
 * uploaded chunk by chunk; `transfer:export` at A, `transfer:importOpen` +
 * `transfer:importConfirm` at B. Two runs: a quarter of MINGJING_BENCH_TRANSFER_MB of
 * attachments (default 1024 MiB), then the whole of it (more attachments added to the
 * same case; B starts each import from the same state). Each run also times Debian's
 * `age` encrypting exactly the bytes inside the bundle (its archive), file to file on
 * the same disk: the baseline (goal: ratio >= 0.5). For reference, the same
 * cryptographic work with the standard tools: age -e + minisign -S for sending, and
 * minisign -V + age -d for receiving (`toolchain`).
 *
 * Peak memory (getrusage maxRSS, each step in its own process) must not grow with the
 * attachments: everything streams.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MiB } from './transfer-content.mjs';

const LARGE_MIB = Number(process.env.MINGJING_BENCH_TRANSFER_MB ?? 1024);
const ITEMS = Number(process.env.MINGJING_BENCH_TRANSFER_ITEMS ?? 33_000);
const SMALL_MIB = Math.max(1, Math.round(LARGE_MIB / 4));
const PHASE = join(import.meta.dirname, 'transfer-service-phase.mts');

type Result = Record<string, number>;

function phase(name: string, dir: string, bytes: number, tag = 'run'): Result {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', PHASE, name, dir, String(ITEMS), String(bytes), tag],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Result;
}

const round = (n: number, digits = 1) => +n.toFixed(digits);

function measure(dir: string, attachmentsMiB: number) {
  const tag = `${attachmentsMiB}mib`;
  const exported = phase('export', dir, 0, tag);
  const age = phase('age', dir, 0, tag);
  phase('restore-b', dir, 0);
  const imported = phase('import', dir, 0, tag);
  const mb = exported.fileBytes! / MiB;
  const ageMBps = age.plainBytes! / MiB / age.seconds!;
  return {
    attachmentsMiB,
    records: exported.records,
    bundleMiB: round(mb),
    exportMBps: round(mb / exported.seconds!),
    importMBps: round(mb / imported.seconds!),
    ageEncryptMBps: round(ageMBps),
    exportToAgeRatio: round(mb / exported.seconds! / ageMBps, 2),
    importToAgeRatio: round(mb / imported.seconds! / ageMBps, 2),
    // The same cryptographic work with the standard tools: age -e + minisign -S; minisign -V + age -d.
    toolchain: {
      sendMBps: round(mb / (age.seconds! + age.signSeconds!)),
      receiveMBps: round(mb / (age.verifySeconds! + age.decryptSeconds!)),
      exportRatio: round((age.seconds! + age.signSeconds!) / exported.seconds!, 2),
      importRatio: round((age.verifySeconds! + age.decryptSeconds!) / imported.seconds!, 2),
    },
    seconds: {
      export: round(exported.seconds!),
      importOpen: round(imported.openSeconds!),
      importConfirm: round(imported.seconds! - imported.openSeconds!),
      importTotal: round(imported.seconds!),
      age: round(age.seconds!, 2),
      minisignSign: round(age.signSeconds!, 2),
      minisignVerify: round(age.verifySeconds!, 2),
      ageDecrypt: round(age.decryptSeconds!, 2),
    },
    memoryMiB: {
      exportBaselineRss: round(exported.baselineRssMiB!),
      exportPeakRss: round(exported.peakRssMiB!),
      importBaselineRss: round(imported.baselineRssMiB!),
      importPeakRss: round(imported.peakRssMiB!),
    },
  };
}

const started = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'mj-bench-transfer-'));
mkdirSync(join(dir, 'media'));
let runs: ReturnType<typeof measure>[] = [];
let seedSeconds = 0;
try {
  seedSeconds = phase('seed', dir, SMALL_MIB * MiB).seconds!;
  phase('save-b', dir, 0);
  const small = measure(dir, SMALL_MIB);
  phase('attach', dir, (LARGE_MIB - SMALL_MIB) * MiB);
  const large = measure(dir, LARGE_MIB);
  runs = [small, large];
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const small = runs[0]!;
const large = runs[1]!;
const growth = (key: 'exportPeakRss' | 'importPeakRss') =>
  round((large.memoryMiB[key] - small.memoryMiB[key]) / (large.attachmentsMiB - small.attachmentsMiB), 4);

console.log(
  JSON.stringify(
    {
      transfer: {
        goals: { ageRatio: '>= 0.5', peakMemory: 'bounded, independent of attachment size' },
        baseline: 'Debian age encrypting the bundle archive (the same bytes), file to file, same run',
        seedSeconds: round(seedSeconds),
        runs,
        // Peak memory growth from the small to the large run, per MiB of extra attachments (0: flat).
        peakGrowthPerAttachmentMiB: { export: growth('exportPeakRss'), import: growth('importPeakRss') },
        totalSeconds: round((Date.now() - started) / 1000),
      },
    },
    null,
    2,
  ),
);
