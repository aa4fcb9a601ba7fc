/**
 * `npm run bench` (transfer part). Figures, not assertions: machines are shared.
 *
 * - service: the real services end to end (transfer-service-phase.mts): two offices
 *   trusting each other, a case seeded through the services (~100,000 records in the
 *   bundle) with 1 GiB of attachments uploaded chunk by chunk, `transfer:export` at one,
 *   `transfer:importOpen` + `transfer:importConfirm` at the other; MB/s and the ratio to
 *   Debian's `age` encrypting content of the same size in the same run (goal >= 0.5).
 * - runs: the bundle layer over real vaults (transfer-phase.mts: 100,000 generated record
 *   lines, attachments read chunk by chunk from a SQLCipher vault on export and staged
 *   into another on import with the transfer module's staging functions), against `age`
 *   fed exactly the same bytes, at 256 MiB and 1 GiB of attachments: peak RSS must not
 *   grow with the attachments (everything streams; SQLite's page cache is bounded).
 *
 * Each step runs in its own process so its peak RSS (getrusage maxRSS) is its own.
 * MINGJING_BENCH_TRANSFER_MB sets the larger size in MiB (the smaller is a quarter of it),
 * MINGJING_BENCH_TRANSFER_RECORDS the generated record lines, MINGJING_BENCH_TRANSFER_ITEMS
 * the intake items + leads seeded for the service run; small values make a quick run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MiB } from './transfer-content.mjs';

const LARGE_MIB = Number(process.env.MINGJING_BENCH_TRANSFER_MB ?? 1024);
const RECORDS = Number(process.env.MINGJING_BENCH_TRANSFER_RECORDS ?? 100_000);
const SIZES_MIB = [Math.max(1, Math.round(LARGE_MIB / 4)), LARGE_MIB];
const PHASE = join(import.meta.dirname, 'transfer-phase.mts');
const SERVICE_PHASE = join(import.meta.dirname, 'transfer-service-phase.mts');
/**
 * Intake items and leads seeded for the service run; each brings its subjects, reporter,
 * sources and steps, so the bundle carries about three records per seeded item.
 */
const SERVICE_ITEMS = Number(process.env.MINGJING_BENCH_TRANSFER_ITEMS ?? Math.round(RECORDS / 3));

interface PhaseResult {
  seconds: number;
  fileBytes: number;
  plainBytes?: number;
  receivedBytes?: number;
  baselineRssMiB: number;
  peakRssMiB: number;
}

function runPhase(
  phase: string,
  dir: string,
  attachmentBytes: number,
  script = PHASE,
  records = RECORDS,
): PhaseResult & Record<string, number> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', script, phase, dir, String(records), String(attachmentBytes)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as PhaseResult & Record<string, number>;
}

const round = (n: number, digits = 1) => +n.toFixed(digits);

const started = Date.now();
const runs = [];
for (const sizeMiB of SIZES_MIB) {
  const dir = mkdtempSync(join(tmpdir(), 'mj-bench-transfer-'));
  try {
    const bytes = sizeMiB * MiB;
    const seeded = runPhase('seed', dir, bytes);
    const source = runPhase('source', dir, bytes);
    const age = runPhase('age', dir, bytes);
    const exported = runPhase('export', dir, bytes);
    const imported = runPhase('import', dir, bytes);
    // Throughput over the content carried (records + attachments), the same bytes age encrypts.
    const content = age.plainBytes!;
    const mbps = (r: PhaseResult) => content / MiB / r.seconds;
    runs.push({
      attachmentsMiB: sizeMiB,
      records: RECORDS,
      contentMiB: round(content / MiB),
      bundleMiB: round(exported.fileBytes / MiB),
      exportMBps: round(mbps(exported)),
      importMBps: round(mbps(imported)),
      ageEncryptMBps: round(mbps(age)),
      // Export and the age baseline both read the generator: its own rate bounds both.
      generatorMBps: round(mbps(source)),
      exportToAgeRatio: round(mbps(exported) / mbps(age), 2),
      importToAgeRatio: round(mbps(imported) / mbps(age), 2),
      seconds: {
        seedSender: round(seeded.seconds),
        export: round(exported.seconds),
        import: round(imported.seconds),
        age: round(age.seconds),
      },
      memoryMiB: {
        exportBaselineRss: round(exported.baselineRssMiB),
        exportPeakRss: round(exported.peakRssMiB),
        importBaselineRss: round(imported.baselineRssMiB),
        importPeakRss: round(imported.peakRssMiB),
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The real services: transfer:export at one office, transfer:importOpen + importConfirm at the other.
let service = null;
{
  const dir = mkdtempSync(join(tmpdir(), 'mj-bench-transfer-svc-'));
  try {
    const bytes = LARGE_MIB * MiB;
    const seeded = runPhase('seed', dir, bytes, SERVICE_PHASE, SERVICE_ITEMS);
    const exported = runPhase('export', dir, bytes, SERVICE_PHASE, SERVICE_ITEMS);
    const imported = runPhase('import', dir, bytes, SERVICE_PHASE, SERVICE_ITEMS);
    const ageRun = runs.find((r) => r.attachmentsMiB === LARGE_MIB)!;
    const mb = exported.fileBytes / MiB;
    service = {
      attachmentsMiB: LARGE_MIB,
      records: exported.records,
      bundleMiB: round(mb),
      exportMBps: round(mb / exported.seconds),
      importMBps: round(mb / imported.seconds),
      // age on the generated content of the same attachment size (records differ: see the layer run).
      exportToAgeRatio: round(mb / exported.seconds / ageRun.ageEncryptMBps, 2),
      importToAgeRatio: round(mb / imported.seconds / ageRun.ageEncryptMBps, 2),
      seconds: {
        seed: round(seeded.seconds),
        export: round(exported.seconds),
        importOpen: round(imported.openSeconds!),
        importTotal: round(imported.seconds),
      },
      memoryMiB: {
        exportBaselineRss: round(exported.baselineRssMiB),
        exportPeakRss: round(exported.peakRssMiB),
        importBaselineRss: round(imported.baselineRssMiB),
        importPeakRss: round(imported.peakRssMiB),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [small, large] = runs;
console.log(
  JSON.stringify(
    {
      transfer: {
        goals: { ageRatio: '>= 0.5', peakMemory: 'bounded, independent of attachment size' },
        service,
        layer:
          'bundle layer + vault: generated records, attachments read from / staged into SQLCipher vaults',
        runs,
        // Peak memory growth from the small to the large run, per MiB of extra attachments (0: flat).
        peakGrowthPerAttachmentMiB:
          small && large && large.attachmentsMiB > small.attachmentsMiB
            ? {
                export: round(
                  (large.memoryMiB.exportPeakRss - small.memoryMiB.exportPeakRss) /
                    (large.attachmentsMiB - small.attachmentsMiB),
                  4,
                ),
                import: round(
                  (large.memoryMiB.importPeakRss - small.memoryMiB.importPeakRss) /
                    (large.attachmentsMiB - small.attachmentsMiB),
                  4,
                ),
              }
            : null,
        totalSeconds: round((Date.now() - started) / 1000),
      },
    },
    null,
    2,
  ),
);
