import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptAge, encryptAge } from '../../electron/core/bundle/age';
import { formatBundleComment, parseBundleComment } from '../../electron/core/bundle/bundle-comment';
import { createPrehash, parseMinisignSignature, signPrehash } from '../../electron/core/bundle/minisign';
import { ERROR_CODES } from '../../shared/errors';
import { tempDir, value } from '../helpers/temp-vault';
import {
  addCaseContent,
  contentOf,
  officeKeys,
  setupTwoOffices,
  type Office,
} from '../helpers/transfer-offices';
import { contentExcept } from '../helpers/vault-content-hash';

/**
 * Mutated bundles thrown at the import, for a time budget (TRANSFER_FUZZ_SECONDS,
 * default 20): bit flips, truncation, inserted bytes and swapped chunks, both of the
 * file on the medium (caught by the signature) and of the inner archive re-encrypted
 * and re-signed by the trusted sender (reaching the archive, records and merge checks).
 * Every attempt ends in a coded error (never INTERNAL, never a crash or an unhandled
 * rejection) or, for a mutation that changed nothing that matters, a preview that is
 * then discarded; the vault's content never changes.
 */
const BUDGET_MS = Number(process.env.TRANSFER_FUZZ_SECONDS ?? 20) * 1000;

const t = tempDir('mj-transfer-fuzz-');
afterAll(() => t.cleanup());

let A: Office;
let B: Office;
let outer: Buffer;
let inner: Buffer;
let signature: string;

beforeAll(async () => {
  ({ a: A, b: B } = await setupTwoOffices(t.dir));
  await addCaseContent(A, '<b>线索</b> 违规发放津贴', randomBytes(3000));
  await A.as('leader');
  const out = value(
    await A.call('transfer:export', {
      caseIds: [A.caseId],
      recipients: [officeKeys(B).officeId],
      mode: 'full',
      includeSealed: false,
      includeProtected: true,
      outDir: join(t.dir, 'media'),
      mediaLabel: 'FUZZ',
      expiresInDays: 30,
      description: 'fuzz',
    }),
  );
  outer = readFileSync(out.file);
  signature = readFileSync(out.signatureFile, 'utf8');
  const parts: Buffer[] = [];
  for await (const p of decryptAge([officeKeys(B).identity.exportSecrets().encryptionSecret], [outer]))
    parts.push(p);
  inner = Buffer.concat(parts);
  await B.as('leader');
}, 120_000);

const rand = (n: number) => Math.floor(Math.random() * n);

function mutate(bytes: Buffer): Buffer {
  const b = Buffer.from(bytes);
  switch (rand(4)) {
    case 0: {
      for (let i = 0, n = 1 + rand(4); i < n; i++) b[rand(b.length)]! ^= 1 << rand(8);
      return b;
    }
    case 1:
      return b.subarray(0, rand(b.length));
    case 2: {
      const at = rand(b.length);
      return Buffer.concat([b.subarray(0, at), randomBytes(1 + rand(600)), b.subarray(at)]);
    }
    default: {
      // Swap two 512-byte blocks (archive blocks, or the same span of ciphertext).
      const blocks = Math.floor(b.length / 512);
      if (blocks < 2) return b;
      const i = rand(blocks) * 512;
      const j = rand(blocks) * 512;
      const tmp = Buffer.from(b.subarray(i, i + 512));
      b.copy(b, i, j, j + 512);
      tmp.copy(b, j);
      return b;
    }
  }
}

/** Encrypts a (mutated) archive for B and signs it as A, as a trusted but broken sender would. */
async function reseal(archive: Buffer): Promise<{ bytes: Buffer; sig: string }> {
  const parts: Buffer[] = [];
  for await (const p of encryptAge([officeKeys(B).identity.ageRecipient], [archive])) parts.push(p);
  const bytes = Buffer.concat(parts);
  const comment = parseBundleComment(parseMinisignSignature(signature).trustedComment)!;
  const a = officeKeys(A);
  const sig = signPrehash(
    createPrehash().update(bytes).digest(),
    a.identity,
    formatBundleComment({ ...comment, size: bytes.length }),
    'mingjing bundle signature',
  );
  return { bytes, sig };
}

describe('fuzzed bundles', () => {
  it(
    `never crash, always a coded error, never a partial import (${BUDGET_MS / 1000} s)`,
    async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (e: unknown) => unhandled.push(e);
      process.on('unhandledRejection', onUnhandled);
      const allowed = ['audit_log', 'transfer_imports'];
      const baseline = contentExcept(contentOf(B), allowed);
      const codes = new Map<string, number>();
      const file = join(t.dir, 'fuzz.mjb');
      const deadline = Date.now() + BUDGET_MS;
      let runs = 0;
      try {
        while (Date.now() < deadline) {
          runs++;
          if (runs % 2 === 0) {
            writeFileSync(file, mutate(outer));
            writeFileSync(`${file}.minisig`, rand(8) === 0 ? mutate(Buffer.from(signature)) : signature);
          } else {
            const sealed = await reseal(mutate(inner));
            writeFileSync(file, sealed.bytes);
            writeFileSync(`${file}.minisig`, sealed.sig);
          }
          const env = await B.call('transfer:importOpen', { file });
          const code = env.ok ? 'ok' : env.error.code;
          codes.set(code, (codes.get(code) ?? 0) + 1);
          if (env.ok) {
            value(await B.call('transfer:importDiscard', { importId: env.value.importId }));
          } else {
            expect(ERROR_CODES).toContain(code);
            expect(code).not.toBe('INTERNAL');
          }
          if (runs % 200 === 0) expect(contentExcept(contentOf(B), allowed)).toEqual(baseline);
        }
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
      expect(unhandled).toEqual([]);
      expect(contentExcept(contentOf(B), allowed)).toEqual(baseline);
      expect(runs).toBeGreaterThan(100);
      // Both layers were reached: signature failures and failures behind a valid signature.
      expect(codes.get('BUNDLE_SIGNATURE_INVALID') ?? 0).toBeGreaterThan(0);
      expect(
        [...codes.keys()].filter((c) => !c.startsWith('BUNDLE_SIGNATURE') && c !== 'BUNDLE_TRUNCATED').length,
      ).toBeGreaterThan(2);
      console.log(`transfer fuzz: ${runs} bundles in ${BUDGET_MS / 1000} s`, Object.fromEntries(codes));
    },
    BUDGET_MS + 60_000,
  );
});
