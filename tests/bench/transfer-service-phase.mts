/**
 * One step of the transfer benchmark, in its own process (its peak RSS is its own):
 * `tsx transfer-service-phase.mts <phase> <dir> <items> <bytes> [tag]`, phase one of
 *
 * - `seed`: two offices trusting each other (tests/helpers/transfer-offices), a case
 *   seeded through the services (search seed: `items` intake items and leads, each
 *   with its subjects, reporter, sources and steps: about three records per item) and
 *   `bytes` of attachments uploaded through the attachment channels chunk by chunk;
 * - `attach`: `bytes` more attachments on the same lead (a second, larger run);
 * - `export`: `transfer:export` of every case at A to B as A's group leader, into
 *   `media/bench-<tag>.mjb`;
 * - `import`: `transfer:importOpen` + `transfer:importConfirm` at B as B's group leader;
 * - `age`: the baseline — Debian's `age` encrypting exactly the bytes inside that bundle
 *   (its archive, recovered with `age -d` and B's key into a file first, untimed) to
 *   B's recipient, file to file on the same disk. The archive is generated benchmark
 *   content, not case material. Also timed, as a reference for the same cryptographic
 *   work done with the standard tools: the sending side `age -e` + `minisign -S` (a
 *   throwaway key), the receiving side `minisign -V` (A's key) + `age -d` of the bundle.
 *
 * Prints one JSON line. Driven by transfer.mts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMinisignPublicKey } from '../../electron/core/bundle/minisign';
import { loadOfficeIdentity } from '../../electron/core/offices';
import { seedVault } from '../../electron/core/search/seed/seed-vault';
import { ATTACHMENT_CHUNK_BYTES } from '../../shared/contracts/attachments';
import { ACCOUNTS, PASS } from '../helpers/case-fixture';
import { makeCore, value } from '../helpers/temp-vault';
import { officeKeys, setupTwoOffices } from '../helpers/transfer-offices';
import { attachmentBytes, attachmentSizes, MiB } from './transfer-content.mjs';

const [phase, dir, itemsArg, bytesArg, tag = 'run'] = process.argv.slice(2);
if (!phase || !dir || !itemsArg || !bytesArg) throw new Error('usage: <phase> <dir> <items> <bytes> [tag]');
const workDir: string = dir;
const items = Number(itemsArg);
const attachmentTotal = Number(bytesArg);
const stateFile = join(workDir, 'state.json');
const media = join(workDir, 'media');
const bundle = join(media, `bench-${tag}.mjb`);

const rssMiB = () => process.memoryUsage().rss / MiB;
const peakMiB = () => process.resourceUsage().maxRSS / 1024;

interface State {
  a: string;
  b: string;
  bOffice: string;
  leadCaseId: string;
  rounds: number;
}
const state = () => JSON.parse(readFileSync(stateFile, 'utf8')) as State;

async function signIn(dataDir: string) {
  const made = makeCore(dataDir);
  value(await made.call('session:unlock', { userName: ACCOUNTS.leader.name, passphrase: PASS }));
  return made;
}

/** Uploads `total` bytes of attachments to the first lead of the case, 512 KiB per call as the renderer does. */
async function uploadAttachments(
  a: Awaited<ReturnType<typeof signIn>>,
  caseId: string,
  total: number,
  round: number,
) {
  const lead = value(await a.call('leads:list', { caseId }))[0]!;
  const sizes = attachmentSizes(total);
  for (let i = 0; i < sizes.length; i++) {
    const begun = value(
      await a.call('attachments:begin', {
        recordType: 'lead',
        recordId: lead.id,
        fileName: `证据-${round}-${i}.bin`,
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
    for (const part of attachmentBytes(i, sizes[i]!, round)) {
      pending = pending.length ? Buffer.concat([pending, part]) : part;
      while (pending.length >= ATTACHMENT_CHUNK_BYTES) {
        await send(pending.subarray(0, ATTACHMENT_CHUNK_BYTES));
        pending = pending.subarray(ATTACHMENT_CHUNK_BYTES);
      }
    }
    if (pending.length) await send(pending);
    value(await a.call('attachments:commit', { uploadId: begun.uploadId }));
  }
}

async function seed() {
  const started = performance.now();
  const { a, b } = await setupTwoOffices(workDir);
  await a.as('leader');
  const half = Math.floor(items / 2);
  await seedVault(
    a.core,
    { units: 20, persons: 200, cases: 1, intake: half, leads: items - half },
    20260301,
    [],
  );
  const seeded = value(await a.call('cases:list', {})).find(
    (c) => c.myGroupRole !== null && c.id !== a.caseId,
  )!;
  await uploadAttachments(a, seeded.id, attachmentTotal, 0);
  const s: State = {
    a: a.dataDir,
    b: b.dataDir,
    bOffice: officeKeys(b).officeId,
    leadCaseId: seeded.id,
    rounds: 1,
  };
  writeFileSync(stateFile, JSON.stringify(s));
  a.core.lock('shutdown');
  b.core.lock('shutdown');
  return { seconds: (performance.now() - started) / 1000 };
}

async function attach() {
  const s = state();
  const a = await signIn(s.a);
  const started = performance.now();
  await uploadAttachments(a, s.leadCaseId, attachmentTotal, s.rounds);
  writeFileSync(stateFile, JSON.stringify({ ...s, rounds: s.rounds + 1 }));
  a.core.lock('shutdown');
  return { seconds: (performance.now() - started) / 1000 };
}

async function exportPhase() {
  const s = state();
  const a = await signIn(s.a);
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
      fileName: `bench-${tag}.mjb`,
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  a.core.lock('shutdown');
  return {
    seconds,
    fileBytes: written.size,
    records: Object.values(written.counts).reduce((x, y) => x + y, 0),
    attachmentBytes: written.attachments.bytes,
    baselineRssMiB: baseline,
    peakRssMiB: peakMiB(),
  };
}

async function importPhase() {
  const s = state();
  const b = await signIn(s.b);
  const baseline = rssMiB();
  const started = performance.now();
  const opened = value(await b.call('transfer:importOpen', { file: bundle }));
  const openSeconds = (performance.now() - started) / 1000;
  const applied = value(
    await b.call('transfer:importConfirm', { importId: opened.importId, acknowledgeFlags: false }),
  );
  const seconds = (performance.now() - started) / 1000;
  b.core.lock('shutdown');
  return {
    seconds,
    openSeconds,
    fileBytes: opened.fileSize,
    changed: applied.changed,
    baselineRssMiB: baseline,
    peakRssMiB: peakMiB(),
  };
}

const timed = (run: () => void) => {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
};

async function ageBaseline() {
  const s = state();
  const b = await signIn(s.b);
  const own = loadOfficeIdentity(b.core.context.db())!;
  const keyFile = join(workDir, 'b.agekey');
  writeFileSync(keyFile, `${own.identity.ageIdentity()}\n`, { mode: 0o600 });
  const recipient = own.identity.ageRecipient;
  b.core.lock('shutdown');
  const a = await signIn(s.a);
  const sender = loadOfficeIdentity(a.core.context.db())!.identity;
  const senderPub = join(workDir, 'a.minisign.pub');
  writeFileSync(
    senderPub,
    formatMinisignPublicKey({ keyId: sender.keyId, publicKey: sender.publicKeys.signing }),
  );
  a.core.lock('shutdown');
  const plain = join(workDir, 'archive.tar');
  const out = join(workDir, 'archive.tar.age');
  const toolKey = join(workDir, 'tool.key');
  const toolPub = join(workDir, 'tool.pub');
  const scratch = [keyFile, senderPub, plain, out, `${out}.minisig`, toolKey, toolPub];
  try {
    execFileSync('age', ['-d', '-i', keyFile, '-o', plain, bundle]);
    execFileSync('minisign', ['-G', '-W', '-p', toolPub, '-s', toolKey], { stdio: 'ignore' });
    const seconds = timed(() => execFileSync('age', ['-r', recipient, '-o', out, plain]));
    const signSeconds = timed(() =>
      execFileSync('minisign', ['-S', '-s', toolKey, '-m', out], { stdio: 'ignore' }),
    );
    const verifySeconds = timed(() =>
      execFileSync('minisign', ['-V', '-p', senderPub, '-m', bundle], { stdio: 'ignore' }),
    );
    const decryptSeconds = timed(() => execFileSync('age', ['-d', '-i', keyFile, '-o', '/dev/null', bundle]));
    return { seconds, signSeconds, verifySeconds, decryptSeconds, plainBytes: statSync(plain).size };
  } finally {
    for (const f of scratch) rmSync(f, { force: true });
  }
}

/** Copies B's vault aside before its first import, back before each later one (each import starts from the same B). */
function keepB(mode: 'save' | 'restore') {
  const s = state();
  const saved = join(workDir, 'office-b-before-import');
  if (mode === 'save' && !existsSync(saved)) execFileSync('cp', ['-a', s.b, saved]);
  if (mode === 'restore') {
    rmSync(s.b, { recursive: true, force: true });
    execFileSync('cp', ['-a', saved, s.b]);
  }
  return { seconds: 0 };
}

const run = {
  seed,
  attach,
  export: exportPhase,
  import: importPhase,
  age: ageBaseline,
  'save-b': () => keepB('save'),
  'restore-b': () => keepB('restore'),
}[phase as 'seed'];
if (!run) throw new Error(`unknown phase ${phase}`);
process.stdout.write(`${JSON.stringify(await run())}\n`);
