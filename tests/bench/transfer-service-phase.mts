/**
 * One step of the service-level transfer benchmark, in its own process (its peak RSS is
 * its own): `tsx transfer-service-phase.mts <seed|export|import> <dir> <records> <bytes>`.
 * The real services end to end: two offices trusting each other (tests/helpers/transfer-offices),
 * a case seeded through the services (search seed: intake items and leads), attachments
 * uploaded through the attachment channels chunk by chunk; then `transfer:export` at A
 * and `transfer:importOpen` + `transfer:importConfirm` at B, as their group leaders.
 * Prints one JSON line. Driven by transfer.mts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedVault } from '../../electron/core/search/seed/seed-vault';
import { ATTACHMENT_CHUNK_BYTES } from '../../shared/contracts/attachments';
import { ACCOUNTS, PASS } from '../helpers/case-fixture';
import { makeCore, value } from '../helpers/temp-vault';
import { officeKeys, setupTwoOffices } from '../helpers/transfer-offices';
import { attachmentBytes, attachmentSizes, MiB } from './transfer-content.mjs';

const [phase, dir, recordsArg, bytesArg] = process.argv.slice(2);
if (!phase || !dir || !recordsArg || !bytesArg) throw new Error('usage: <phase> <dir> <records> <bytes>');
const workDir: string = dir;
const records = Number(recordsArg);
const attachmentTotal = Number(bytesArg);
const stateFile = join(workDir, 'state.json');
const media = join(workDir, 'media');

const rssMiB = () => process.memoryUsage().rss / MiB;
const peakMiB = () => process.resourceUsage().maxRSS / 1024;

async function seed() {
  const started = performance.now();
  const { a, b } = await setupTwoOffices(workDir);
  await a.as('leader');
  const half = Math.floor(records / 2);
  await seedVault(
    a.core,
    { units: 20, persons: 200, cases: 1, intake: half, leads: records - half },
    20260301,
    [],
  );
  const caseIds = value(await a.call('cases:list', {}))
    .filter((c) => c.myGroupRole !== null)
    .map((c) => c.id);
  // Attachments on one lead of the seeded case, uploaded 512 KiB per call as the renderer does.
  const seeded = caseIds.find((id) => id !== a.caseId)!;
  const lead = value(await a.call('leads:list', { caseId: seeded }))[0]!;
  const sizes = attachmentSizes(attachmentTotal);
  for (let i = 0; i < sizes.length; i++) {
    const begun = value(
      await a.call('attachments:begin', {
        recordType: 'lead',
        recordId: lead.id,
        fileName: `证据-${i}.bin`,
        size: sizes[i]!,
      }),
    );
    let index = 0;
    let pending = Buffer.alloc(0) as Buffer;
    const send = async (bytes: Buffer) =>
      value(
        await a.call('attachments:chunk', {
          uploadId: begun.uploadId,
          index: index++,
          data: bytes.toString('base64'),
        }),
      );
    for (const part of attachmentBytes(i, sizes[i]!)) {
      pending = pending.length ? Buffer.concat([pending, part]) : part;
      while (pending.length >= ATTACHMENT_CHUNK_BYTES) {
        await send(pending.subarray(0, ATTACHMENT_CHUNK_BYTES));
        pending = pending.subarray(ATTACHMENT_CHUNK_BYTES);
      }
    }
    if (pending.length) await send(pending);
    value(await a.call('attachments:commit', { uploadId: begun.uploadId }));
  }
  writeFileSync(
    stateFile,
    JSON.stringify({ a: a.dataDir, b: b.dataDir, bOffice: officeKeys(b).officeId, caseIds }),
  );
  a.core.lock('shutdown');
  b.core.lock('shutdown');
  return {
    seconds: (performance.now() - started) / 1000,
    fileBytes: 0,
    baselineRssMiB: 0,
    peakRssMiB: peakMiB(),
  };
}

interface State {
  a: string;
  b: string;
  bOffice: string;
  caseIds: string[];
}
const state = () => JSON.parse(readFileSync(stateFile, 'utf8')) as State;

async function leaderOf(dataDir: string) {
  const made = makeCore(dataDir);
  value(await made.call('session:unlock', { userName: ACCOUNTS.leader.name, passphrase: PASS }));
  return made;
}

async function exportPhase() {
  const s = state();
  const a = await leaderOf(s.a);
  const baseline = rssMiB();
  const started = performance.now();
  const written = value(
    await a.call('transfer:export', {
      caseIds: 'all',
      recipients: [s.bOffice],
      mode: 'full',
      includeSealed: false,
      includeProtected: false,
      outDir: media,
      mediaLabel: 'BENCH-001',
      expiresInDays: 30,
      description: '基准测试',
      fileName: 'bench.mjb',
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const totalRecords = Object.values(written.counts).reduce((x, y) => x + y, 0);
  return {
    seconds,
    fileBytes: written.size,
    records: totalRecords,
    baselineRssMiB: baseline,
    peakRssMiB: peakMiB(),
  };
}

async function importPhase() {
  const s = state();
  const b = await leaderOf(s.b);
  const baseline = rssMiB();
  const started = performance.now();
  const opened = value(await b.call('transfer:importOpen', { file: join(media, 'bench.mjb') }));
  const openSeconds = (performance.now() - started) / 1000;
  const applied = value(
    await b.call('transfer:importConfirm', { importId: opened.importId, acknowledgeFlags: false }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    openSeconds,
    fileBytes: opened.fileSize,
    changed: applied.changed,
    baselineRssMiB: baseline,
    peakRssMiB: peakMiB(),
  };
}

const run = { seed, export: exportPhase, import: importPhase }[phase as 'seed' | 'export' | 'import'];
if (!run) throw new Error(`unknown phase ${phase}`);
process.stdout.write(`${JSON.stringify(await run())}\n`);
