import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKeyCard, keyCardText } from '../../electron/core/bundle/key-card';
import { OfficeIdentity } from '../../electron/core/bundle/office-keys';
import { ustarHeader } from '../../electron/core/bundle/ustar';
import { exportRecords } from '../../electron/core/replication';
import { craftBundle, type CraftOptions } from '../helpers/craft-bundle';
import { tempDir, value } from '../helpers/temp-vault';
import {
  addCaseContent,
  dbOf,
  officeKeys,
  revokeOffice,
  setupTwoOffices,
  trustCard,
  type Office,
  contentOf,
} from '../helpers/transfer-offices';
import { contentExcept } from '../helpers/vault-content-hash';

/**
 * Hostile and damaged bundles at the import: each is refused with its own translated
 * error code, and the receiving vault's content is unchanged — every table hashed
 * before and after; only the import register and the audit log may differ, each by
 * exactly the one row that records the refusal. The staging area is empty afterwards.
 */
const t = tempDir('mj-transfer-bad-');
afterAll(() => t.cleanup());
const path = (name: string) => join(t.dir, 'media', name);

let A: Office;
let B: Office;
let good: string;
let leadEnvelope: Record<string, unknown>;

beforeAll(async () => {
  ({ a: A, b: B } = await setupTwoOffices(t.dir));
  await addCaseContent(A);
  await A.as('leader');
  const out = value(
    await A.call('transfer:export', {
      caseIds: [A.caseId],
      recipients: [officeKeys(B).officeId],
      mode: 'full',
      includeSealed: false,
      includeProtected: false,
      outDir: join(t.dir, 'media'),
      mediaLabel: 'U-0001',
      expiresInDays: 30,
      description: '第二巡察组 线索材料',
    }),
  );
  good = out.file;
  const envelopes = [
    ...exportRecords(dbOf(A), {
      caseIds: [A.caseId],
      viewer: { userId: A.userIds.leader, roles: ['group_leader'] },
      includeSealed: false,
      includeProtected: false,
    }),
  ];
  leadEnvelope = envelopes.find((e) => e.type === 'lead') as unknown as Record<string, unknown>;
  await B.as('leader');
}, 120_000);

/** A bundle from A (trusted by B), to B, with the given inside. */
function fromA(name: string, o: Partial<CraftOptions>) {
  const a = officeKeys(A);
  const b = officeKeys(B);
  return craftBundle({
    file: path(name),
    sender: { identity: a.identity, officeId: a.officeId, officeName: a.officeName },
    recipients: [{ ...b.recipient, sequence: 1 }],
    entries: [],
    ...o,
  });
}

const line = (o: unknown) => Buffer.from(`${JSON.stringify(o)}\n`);

type Opened = Awaited<ReturnType<Office['call']>>;
const code = (env: Opened) => (env.ok ? 'ok' : env.error.code);

/** Opens `file` in B and checks the refusal: the code, the vault unchanged, the register row. */
async function refused(file: string, expected: string) {
  const db = dbOf(B);
  const before = contentOf(B);
  const env = await B.call('transfer:importOpen', { file });
  expect(code(env)).toBe(expected);
  const after = contentOf(B);
  const allowed = ['audit_log', 'transfer_imports'];
  expect(contentExcept(after, allowed)).toEqual(contentExcept(before, allowed));
  expect(after.counts.audit_log).toBe(before.counts.audit_log! + 1);
  expect(after.counts.transfer_imports).toBe(before.counts.transfer_imports! + 1);
  expect([after.counts.transfer_staged_blobs, after.counts['files:staging']]).toEqual([0, 0]);
  const row = db
    .prepare(`SELECT outcome, reason, fingerprint FROM transfer_imports ORDER BY rowid DESC LIMIT 1`)
    .get() as { outcome: string; reason: string; fingerprint: string | null };
  expect(row).toMatchObject({ outcome: 'refused', reason: expected });
  return { env, row };
}

function variant(name: string, edit: (bytes: Buffer) => Buffer, sig?: (text: string) => string): string {
  const file = path(name);
  writeFileSync(file, edit(readFileSync(good)));
  const sigText = readFileSync(`${good}.minisig`, 'utf8');
  writeFileSync(`${file}.minisig`, sig ? sig(sigText) : sigText);
  return file;
}

const flip = (at: (len: number) => number) => (b: Buffer) => {
  const c = Buffer.from(b);
  c[at(c.length)]! ^= 0x01;
  return c;
};

describe('damaged files', () => {
  it('a truncated bundle → BUNDLE_TRUNCATED', async () => {
    const file = variant('truncated.mjb', (b) => b);
    truncateSync(file, Math.floor(readFileSync(good).length / 2));
    await refused(file, 'BUNDLE_TRUNCATED');
  });

  it.each([
    ['the age header', () => 30],
    ['the payload nonce', (n: number) => Math.min(n - 1, 200)],
    ['the middle of the payload', (n: number) => Math.floor(n / 2)],
    ['the last byte', (n: number) => n - 1],
  ])('a flipped bit in %s → BUNDLE_SIGNATURE_INVALID', async (_where, at) => {
    await refused(variant(`flip-${at(1000)}.mjb`, flip(at)), 'BUNDLE_SIGNATURE_INVALID');
  });

  it('a flipped bit in the signature → BUNDLE_SIGNATURE_INVALID', async () => {
    const file = variant(
      'flip-sig.mjb',
      (b) => b,
      (text) => {
        const lines = text.split('\n');
        const sig = Buffer.from(lines[1]!, 'base64');
        sig[20]! ^= 0x01;
        lines[1] = sig.toString('base64');
        return lines.join('\n');
      },
    );
    await refused(file, 'BUNDLE_SIGNATURE_INVALID');
  });

  it('an altered trusted comment → BUNDLE_COMMENT_ALTERED', async () => {
    const file = variant(
      'comment.mjb',
      (b) => b,
      (text) => text.replace('created=20', 'created=21'),
    );
    await refused(file, 'BUNDLE_COMMENT_ALTERED');
  });

  it('a bundle without its signature file → BUNDLE_SIGNATURE_MISSING', async () => {
    const file = variant('nosig.mjb', (b) => b);
    rmSync(`${file}.minisig`);
    await refused(file, 'BUNDLE_SIGNATURE_MISSING');
  });
});

describe('who sent it, to whom', () => {
  it('a bundle for another office → BUNDLE_NOT_FOR_US', async () => {
    const other = OfficeIdentity.generate();
    const a = officeKeys(A);
    const { file } = await craftBundle({
      file: path('other-recipient.mjb'),
      sender: { identity: a.identity, officeId: a.officeId, officeName: a.officeName },
      recipients: [
        {
          officeId: randomUUID(),
          officeName: '其他单位',
          fingerprint: other.fingerprint,
          ageRecipient: other.ageRecipient,
          sequence: 1,
        },
      ],
      entries: [],
    });
    await refused(file, 'BUNDLE_NOT_FOR_US');
  });

  it('an unknown signer → BUNDLE_SIGNER_UNKNOWN, with the claimed fingerprint registered', async () => {
    const stranger = OfficeIdentity.generate();
    const { file } = await craftBundle({
      file: path('stranger.mjb'),
      sender: { identity: stranger, officeId: randomUUID(), officeName: '陌生单位' },
      recipients: [{ ...officeKeys(B).recipient, sequence: 1 }],
      entries: [],
    });
    const { env, row } = await refused(file, 'BUNDLE_SIGNER_UNKNOWN');
    const claimed = stranger.fingerprint;
    expect(!env.ok && env.error.details?.fingerprint).toBe(claimed);
    expect(row.fingerprint).toBe(claimed);
  });

  it('a revoked signer → BUNDLE_SIGNER_REVOKED, with its fingerprint', async () => {
    const revoked = OfficeIdentity.generate();
    const officeId = randomUUID();
    const card = keyCardText(
      buildKeyCard(revoked, { officeId, officeName: '已撤销单位', created: new Date() }),
    );
    await trustCard(B, card, revoked.fingerprint);
    await revokeOffice(B, officeId);
    const { file } = await craftBundle({
      file: path('revoked.mjb'),
      sender: { identity: revoked, officeId, officeName: '已撤销单位' },
      recipients: [{ ...officeKeys(B).recipient, sequence: 1 }],
      entries: [],
    });
    const { env } = await refused(file, 'BUNDLE_SIGNER_REVOKED');
    expect(!env.ok && env.error.details?.fingerprint).toBe(revoked.fingerprint);
  });
});

describe('hostile archives from a trusted sender', () => {
  const records = (type: string, data: Buffer) => ({ name: `records/${type}/000001.jsonl`, data });

  it('the harness is sound: a well-formed crafted bundle from A opens', async () => {
    const { file } = await fromA('empty-ok.mjb', {});
    const env = await B.call('transfer:importOpen', { file });
    expect(code(env)).toBe('ok');
    value(await B.call('transfer:importDiscard', { importId: value(env).importId }));
  });

  it('manifest hash mismatch → BUNDLE_MANIFEST_MISMATCH', async () => {
    const { file } = await fromA('manifest-hash.mjb', {
      entries: [records('lead', line(leadEnvelope))],
      manifestEdit: (m) => {
        (m.entries as { sha256: string }[])[3]!.sha256 = '0'.repeat(64);
      },
    });
    await refused(file, 'BUNDLE_MANIFEST_MISMATCH');
  });

  it('manifest counts that differ from the records → BUNDLE_COUNTS_MISMATCH', async () => {
    const { file } = await fromA('counts.mjb', {
      entries: [records('lead', line(leadEnvelope))],
      manifestEdit: (m) => {
        (m.counts as Record<string, number>).lead = 2;
      },
    });
    await refused(file, 'BUNDLE_COUNTS_MISMATCH');
  });

  it.each([
    ['path traversal', '../../etc/cron.d/mingjing'],
    ['an absolute path', '/etc/passwd'],
    ['a backslash path', 'records\\lead\\000001.jsonl'],
    ['upper case', 'Records/lead/000001.jsonl'],
  ])('%s in an entry name → BUNDLE_ENTRY_NAME_INVALID', async (label, name) => {
    const { file } = await fromA(`name-${label.replaceAll(' ', '-')}.mjb`, {
      entries: [{ name, data: Buffer.from('x') }],
    });
    await refused(file, 'BUNDLE_ENTRY_NAME_INVALID');
  });

  it('a duplicated entry → BUNDLE_ENTRY_DUPLICATE', async () => {
    const data = line(leadEnvelope);
    const { file } = await fromA('duplicate.mjb', {
      entries: [records('lead', data), records('lead', data)],
    });
    await refused(file, 'BUNDLE_ENTRY_DUPLICATE');
  });

  it('an oversized records entry (declared 64 MiB + 1) → BUNDLE_LIMIT_EXCEEDED before any of it is read', async () => {
    const { file } = await fromA('oversized.mjb', {
      rawTail: ustarHeader('records/lead/000001.jsonl', 64 * 1024 * 1024 + 1, 0),
    });
    await refused(file, 'BUNDLE_LIMIT_EXCEEDED');
  });

  it('a "decompression bomb" → BUNDLE_LIMIT_EXCEEDED: nothing is compressed, a huge declared size is refused by the limits', async () => {
    // Bundles carry no compression (bundle-format.md §4), so the only way to claim more bytes
    // than the file holds is a size field: an attachment declaring 7 GiB in a file of a few KiB
    // is refused on its header, before a byte of it is read or staged.
    const { file } = await fromA('bomb.mjb', {
      rawTail: ustarHeader(`attachments/${'ab'.repeat(32)}`, 7 * 1024 ** 3, 0),
    });
    expect(readFileSync(file).length).toBeLessThan(64 * 1024);
    await refused(file, 'BUNDLE_LIMIT_EXCEEDED');
  });

  it('malformed JSON in a records file → BUNDLE_RECORD_INVALID', async () => {
    const { file } = await fromA('bad-json.mjb', {
      entries: [records('lead', Buffer.from('{"type":"lead",\n'))],
    });
    await refused(file, 'BUNDLE_RECORD_INVALID');
  });

  it('a record failing its type schema → BUNDLE_RECORD_INVALID', async () => {
    const broken = { ...leadEnvelope, fields: { ...(leadEnvelope.fields as object), summary: 12345 } };
    const { file } = await fromA('bad-schema.mjb', { entries: [records('lead', line(broken))] });
    await refused(file, 'BUNDLE_RECORD_INVALID');
  });

  it('a record of an unknown type → BUNDLE_RECORD_INVALID', async () => {
    const { file } = await fromA('bad-type.mjb', {
      entries: [records('mystery', line({ ...leadEnvelope, type: 'mystery' }))],
    });
    await refused(file, 'BUNDLE_RECORD_INVALID');
  });

  it('a record whose parents are neither in the bundle nor in the vault → BUNDLE_RECORD_ORPHAN', async () => {
    const { file } = await fromA('orphan.mjb', { entries: [records('lead', line(leadEnvelope))] });
    await refused(file, 'BUNDLE_RECORD_ORPHAN');
  });

  it('a newer format version → BUNDLE_VERSION_UNSUPPORTED', async () => {
    const { file } = await fromA('v2.mjb', { formatContent: '{"format":"mingjing-bundle","version":2}' });
    await refused(file, 'BUNDLE_VERSION_UNSUPPORTED');
  });
});

describe('replay and inert text', () => {
  it('a replayed bundle is flagged, refused without acknowledgement, and changes nothing when applied again', async () => {
    const first = value(await B.call('transfer:importOpen', { file: good }));
    expect(first.flags).toEqual({ replayed: false, olderThanLast: false, expired: false });
    value(await B.call('transfer:importConfirm', { importId: first.importId, acknowledgeFlags: false }));

    const again = value(await B.call('transfer:importOpen', { file: good }));
    expect(again.flags.replayed).toBe(true);
    expect(again.flags.olderThanLast).toBe(true);
    for (const c of Object.values(again.preview)) expect(c.new + c.updated + c.conflicting).toBe(0);
    expect(
      code(await B.call('transfer:importConfirm', { importId: again.importId, acknowledgeFlags: false })),
    ).toBe('TRANSFER_FLAGS_UNACKNOWLEDGED');
    const before = contentOf(B);
    const applied = value(
      await B.call('transfer:importConfirm', { importId: again.importId, acknowledgeFlags: true }),
    );
    expect(applied).toMatchObject({ changed: 0, conflicts: 0, attachmentsStored: 0 });
    // The open import's staging is emptied by the apply; the registers record it; nothing else moves.
    const allowed = [
      'audit_log',
      'transfer_imports',
      'transfer_sender_state',
      'transfer_staged_blobs',
      'files:staging',
    ];
    // Capture's watermark may move; the replication state itself must not (the merge is idempotent).
    expect(contentExcept(contentOf(B), [...allowed, 'replication_watermark'])).toEqual(
      contentExcept(before, [...allowed, 'replication_watermark']),
    );
  });

  it('HTML and script in text fields arrive as the same inert text', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">&lt;b&gt;';
    await A.as('leader');
    const { leadId } = await addCaseContent(
      A,
      hostile,
      Buffer.from('<html><script>alert(3)</script></html>'),
    );
    const out = value(
      await A.call('transfer:export', {
        caseIds: [A.caseId],
        recipients: [officeKeys(B).officeId],
        mode: 'incremental',
        includeSealed: false,
        includeProtected: false,
        outDir: join(t.dir, 'media'),
        mediaLabel: 'U-0001',
        expiresInDays: 30,
        description: '<b>说明</b><script>alert(4)</script>',
      }),
    );
    await B.as('leader');
    const opened = value(await B.call('transfer:importOpen', { file: out.file }));
    expect(opened.scope.description).toBe('<b>说明</b><script>alert(4)</script>');
    value(await B.call('transfer:importConfirm', { importId: opened.importId, acknowledgeFlags: false }));
    const row = dbOf(B).prepare('SELECT summary FROM leads WHERE id = ?').get(leadId) as { summary: string };
    expect(row.summary).toBe(hostile);
  });

  it('a failure in the middle of applying rolls everything back (staged data damaged after the preview)', async () => {
    // New records and a new file, so the apply has something to write before it fails.
    await addCaseContent(A, '新增线索：违规公款吃喝', Buffer.from('新的证据材料'));
    await A.as('leader');
    const out = value(
      await A.call('transfer:export', {
        caseIds: [A.caseId],
        recipients: [officeKeys(B).officeId],
        mode: 'full',
        includeSealed: false,
        includeProtected: false,
        outDir: join(t.dir, 'media'),
        mediaLabel: 'U-0002',
        expiresInDays: 30,
        description: '',
      }),
    );
    await B.as('leader');
    const db = dbOf(B);
    const opened = value(await B.call('transfer:importOpen', { file: out.file }));
    expect(Object.values(opened.preview).reduce((n, c) => n + c.new, 0)).toBeGreaterThan(2);
    expect(opened.attachments.count).toBeGreaterThan(0);
    const before = contentOf(B);
    // The staged records file altered after the preview: the apply fails once the
    // attachment files are moved into the store and registered, and reading the records begins.
    const records = join(B.core.context.files().dir, 'staging', `import-${opened.importId}`, 'records');
    const staged = readFileSync(records);
    staged[staged.length - 20]! ^= 1;
    writeFileSync(records, staged);
    const env = await B.call('transfer:importConfirm', { importId: opened.importId, acknowledgeFlags: true });
    expect(code(env)).toBe('TRANSFER_STAGING_DAMAGED');
    const staging = ['transfer_staged_blobs', 'files:staging'];
    const allowed = ['audit_log', 'transfer_imports', ...staging];
    const after = contentOf(B);
    // Same rows, and the same stored files: the moved ones are gone again.
    expect(contentExcept(after, allowed)).toEqual(contentExcept(before, allowed));
    for (const table of staging) expect(after.counts[table]).toBe(0);
    const row = db.prepare('SELECT outcome, reason FROM transfer_imports WHERE id = ?').get(opened.importId);
    expect(row).toEqual({ outcome: 'refused', reason: 'TRANSFER_STAGING_DAMAGED' });
  });
});
