/**
 * One measured step of the transfer benchmark, run in its own process so that its peak
 * resident memory (getrusage maxRSS) is its own: `tsx transfer-phase.mts <phase> <dir>
 * <records> <attachmentBytes>`, phase one of `seed`, `source`, `export`, `import`, `age`. Prints one JSON
 * line. Driven by transfer.mts.
 */
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { recipientFromCard, signerFromCard } from '../../electron/core/bundle/card-adapters';
import { buildKeyCard, keyCardText, parseKeyCard } from '../../electron/core/bundle/key-card';
import { OfficeIdentity } from '../../electron/core/bundle/office-keys';
import { readBundle } from '../../electron/core/bundle/read-bundle';
import { writeBundle } from '../../electron/core/bundle/write-bundle';
import { appendChunk, createStagingBlob, storeBlob } from '../../electron/core/attachments/blob-store';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { migration0009 } from '../../electron/core/db/migrations/0009-transfer-registers';
import { openEncryptedDatabase, type Db } from '../../electron/core/db/open-database';
import { attachmentEntries, storedBlobs } from '../../electron/core/transfer/attachment-source';
import { RecordStager, stageAttachment } from '../../electron/core/transfer/staging';
import { ATTACHMENT_CHUNK_BYTES } from '../../shared/contracts/attachments';
import {
  attachmentBytes,
  attachmentSha256,
  attachmentSizes,
  contentBytes,
  MiB,
  recordEntries,
  type ContentPlan,
} from './transfer-content.mjs';

/** Two fixed offices (keys from constant seeds: a benchmark, nothing secret). */
function office(name: string) {
  const seed = (what: string) => createHash('sha256').update(`mingjing-bench-${name}-${what}`).digest();
  const identity = OfficeIdentity.fromSecrets(seed('ed25519'), seed('x25519'));
  const id = createHash('sha256').update(name).digest('hex');
  const officeId = `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-8${id.slice(17, 20)}-${id.slice(20, 32)}`;
  const card = parseKeyCard(
    keyCardText(buildKeyCard(identity, { officeId, officeName: name, created: new Date() })),
  );
  return { identity, officeId, name, card };
}
const SENDER = office('市委巡察办');
const RECEIVER = office('第二巡察组');

const [phase, dir, recordsArg, bytesArg] = process.argv.slice(2);
if (!phase || !dir || !recordsArg || !bytesArg)
  throw new Error('usage: transfer-phase.mts <phase> <dir> <records> <bytes>');
const plan: ContentPlan = {
  records: Number(recordsArg),
  attachmentBytes: Number(bytesArg),
  officeId: SENDER.officeId,
};
const workDir: string = dir;
const bundleFile = join(dir, 'bench.mjb');
const DATA_KEY = createHash('sha256').update('mingjing-bench-data-key').digest();

/** A vault database of this version (SQLCipher, every migration). */
function openVault(name: string): Db {
  const db = openEncryptedDatabase(join(workDir, name), DATA_KEY, name);
  migrate(db, MIGRATIONS);
  // Until migration 0009 is in the shipped list (issue 4 in progress), its tables are made here.
  const staging = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'transfer_staged_records'`).get();
  if (!staging) db.exec(migration0009.sql);
  return db;
}
const ageFile = join(dir, 'bench.age');

function hashes(): string[] {
  return attachmentSizes(plan.attachmentBytes).map((size, i) => attachmentSha256(i, size));
}

/** Resident memory now and the process's peak so far, in MiB. */
const rssMiB = () => process.memoryUsage().rss / MiB;
const peakMiB = () => process.resourceUsage().maxRSS / 1024;

/** The sender's vault: the attachments stored as the attachment service stores them (chunks in the vault). */
function seedSender() {
  const db = openVault('sender.db');
  const started = performance.now();
  const at = new Date().toISOString();
  attachmentSizes(plan.attachmentBytes).forEach((size, i) => {
    const blobId = randomUUID();
    db.transaction(() => {
      createStagingBlob(db, blobId, size, ATTACHMENT_CHUNK_BYTES, at);
      let seq = 0;
      let pending: Buffer = Buffer.alloc(0);
      for (const part of attachmentBytes(i, size)) {
        pending = pending.length ? Buffer.concat([pending, part]) : part;
        while (pending.length >= ATTACHMENT_CHUNK_BYTES) {
          appendChunk(db, blobId, seq++, pending.subarray(0, ATTACHMENT_CHUNK_BYTES));
          pending = pending.subarray(ATTACHMENT_CHUNK_BYTES);
        }
      }
      if (pending.length) appendChunk(db, blobId, seq++, pending);
      storeBlob(db, blobId, attachmentSha256(i, size));
    })();
  });
  db.close();
  return {
    seconds: (performance.now() - started) / 1000,
    fileBytes: 0,
    baselineRssMiB: 0,
    peakRssMiB: peakMiB(),
  };
}

/** Records from the generator, attachments streamed chunk by chunk out of the sender's vault. */
async function* vaultEntries(db: Db) {
  yield* recordEntries(plan);
  const stored = db
    .prepare(`SELECT sha256 FROM attachment_blobs WHERE state = 'stored'`)
    .pluck()
    .all() as string[];
  yield* attachmentEntries(db, storedBlobs(db, stored));
}

async function exportBundle() {
  const db = openVault('sender.db');
  const baseline = rssMiB();
  const started = performance.now();
  const written = await writeBundle({
    file: bundleFile,
    sender: { identity: SENDER.identity, officeId: SENDER.officeId, officeName: SENDER.name },
    recipients: [recipientFromCard(RECEIVER.card, 1)],
    createdAt: new Date(),
    expiresAt: new Date(Date.now() + 30 * 86_400_000),
    scope: { kind: 'full', description: '基准测试', caseIds: [randomUUID()] },
    checkpoint: { auditSeq: 1, auditHead: 'ab'.repeat(32) },
    entries: vaultEntries(db),
  });
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { seconds, fileBytes: written.size, baselineRssMiB: baseline, peakRssMiB: peakMiB() };
}

async function importBundle() {
  const db = openVault('receiver.db');
  const importId = randomUUID();
  const stager = new RecordStager(db, importId);
  const baseline = rssMiB();
  const started = performance.now();
  let received = 0;
  await readBundle({
    file: bundleFile,
    identities: [RECEIVER.identity.exportSecrets().encryptionSecret],
    findSigner: (keyId) => {
      const signer = signerFromCard(SENDER.card);
      return signer.keyId.equals(keyId) ? signer : undefined;
    },
    // As the import does: record lines and attachment chunks into the vault's staging tables.
    onEntry: async (entry, data) => {
      const kind = entry.kind;
      if (kind.kind === 'attachment') {
        received += await stageAttachment(db, importId, kind.sha256, data);
        return;
      }
      if (kind.kind !== 'records') return;
      let rest = '';
      const text = new StringDecoder('utf8');
      for await (const part of data) {
        received += part.length;
        const lines = (rest + text.write(part)).split('\n');
        rest = lines.pop()!;
        for (const line of lines) stager.add(kind.recordType, line);
      }
    },
  });
  stager.flush();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return {
    seconds,
    fileBytes: (await stat(bundleFile)).size,
    receivedBytes: received,
    baselineRssMiB: baseline,
    peakRssMiB: peakMiB(),
  };
}

/** Debian's `age` encrypting the same content bytes to the same recipient, into a file on the same disk. */
async function ageEncrypt() {
  const names = hashes();
  const baseline = rssMiB();
  const started = performance.now();
  const child = spawn('age', ['-r', RECEIVER.card.card.encryptionKey, '-o', ageFile], {
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  let plainBytes = 0;
  async function* counted() {
    for await (const chunk of contentBytes(plan, names)) {
      plainBytes += chunk.length;
      yield chunk;
    }
  }
  await pipeline(Readable.from(counted()), child.stdin);
  const code = await exited;
  if (code !== 0) throw new Error(`age exited with ${code}`);
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    plainBytes,
    fileBytes: (await stat(ageFile)).size,
    baselineRssMiB: baseline,
    peakRssMiB: peakMiB(),
  };
}

/** The generator alone (records serialised, attachment bytes made), read and dropped: the floor under every figure. */
async function sourceOnly() {
  const names = hashes();
  const baseline = rssMiB();
  const started = performance.now();
  let plainBytes = 0;
  for await (const chunk of contentBytes(plan, names)) plainBytes += chunk.length;
  const seconds = (performance.now() - started) / 1000;
  return { seconds, plainBytes, fileBytes: 0, baselineRssMiB: baseline, peakRssMiB: peakMiB() };
}

const run = {
  seed: seedSender,
  export: exportBundle,
  import: importBundle,
  age: ageEncrypt,
  source: sourceOnly,
}[phase as 'seed' | 'export' | 'import' | 'age' | 'source'];
if (!run) throw new Error(`unknown phase ${phase}`);
process.stdout.write(`${JSON.stringify(await run())}\n`);
