import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, value } from '../helpers/temp-vault';
import { contentExcept } from '../helpers/vault-content-hash';
import { blobChunks } from '../../electron/core/attachments/blob-store';
import {
  addCaseContent,
  dbOf,
  officeCardExport,
  officeKeys,
  setupTwoOffices,
  sha256,
  type Office,
  contentOf,
} from '../helpers/transfer-offices';

/**
 * Two real offices exchange a case: A exports it (with a file) for B, B previews and
 * imports it; rows and attachment bytes arrive equal; an incremental export carries
 * only what changed; the bundle on the medium verifies with the real `minisign` and
 * decrypts with the real `age`.
 */
const t = tempDir('mj-transfer-rt-');
afterAll(() => t.cleanup());
const media = join(t.dir, 'media');
const file = (name: string) => join(t.dir, name);

let A: Office;
let B: Office;
let content: Awaited<ReturnType<typeof addCaseContent>>;
const evidence = Buffer.concat([Buffer.from('银行流水摘录\n'), Buffer.alloc(700_000, 7)]);

const scopeInput = (mode: 'full' | 'incremental') => ({
  caseIds: [A.caseId],
  recipients: [officeKeys(B).officeId],
  mode,
  includeSealed: false,
  includeProtected: false,
});
const exportInput = (mode: 'full' | 'incremental') => ({
  ...scopeInput(mode),
  outDir: media,
  mediaLabel: 'U盘-0042',
  expiresInDays: 30,
  description: '2026年第一轮巡察 第二巡察组 线索材料',
});

beforeAll(async () => {
  ({ a: A, b: B } = await setupTwoOffices(t.dir));
  content = await addCaseContent(A, '公路管理处财务科违规发放津贴补贴', evidence);
}, 120_000);

/** Rows of a table for the given ids, without the columns that are local to one vault. */
function rows(o: Office, table: string, ids: string[], localOnly: string[] = []) {
  const found = ids.map(
    (id) => dbOf(o).prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>,
  );
  return found.map((r) => r && Object.fromEntries(Object.entries(r).filter(([k]) => !localOnly.includes(k))));
}

function blobBytes(o: Office, sha: string): Buffer {
  const db = dbOf(o);
  const blob = db
    .prepare(`SELECT id FROM attachment_blobs WHERE sha256 = ? AND state = 'stored'`)
    .get(sha) as { id: string } | undefined;
  if (!blob) return Buffer.alloc(0);
  return Buffer.concat([...blobChunks(db, o.core.context.files(), blob.id)]);
}

describe('a case from office A to office B', () => {
  let bundle: string;

  it('A previews and exports: counts, attachment, sequence 1; the register and audit say so', async () => {
    await A.as('leader');
    const preview = value(await A.call('transfer:exportPreview', scopeInput('full')));
    expect(preview.counts.lead).toBe(1);
    expect(preview.attachments).toEqual({ count: 1, bytes: evidence.length });
    expect(preview.recipients).toEqual([
      expect.objectContaining({ officeId: officeKeys(B).officeId, nextSequence: 1, lastExportHlc: null }),
    ]);
    // The reporter's identity is protected and not ticked: withheld and counted.
    expect(preview.excluded.protected).toBeGreaterThan(0);

    const out = value(await A.call('transfer:export', exportInput('full')));
    bundle = out.file;
    expect(out.file.startsWith(media)).toBe(true);
    expect(out.recipients).toEqual([
      { officeId: officeKeys(B).officeId, officeName: officeKeys(B).officeName, sequence: 1 },
    ]);
    expect(sha256(readFileSync(out.file))).toBe(out.sha256);
    const registers = value(await A.call('transfer:registers', { limit: 10 }));
    expect(registers.exports[0]).toMatchObject({
      bundleId: out.bundleId,
      sha256: out.sha256,
      mediaLabel: 'U盘-0042',
    });
    const audit = dbOf(A)
      .prepare(`SELECT entity_id, details FROM audit_log WHERE action = 'bundle.export'`)
      .get() as { entity_id: string; details: string };
    expect(audit.entity_id).toBe(out.bundleId);
    expect(audit.details).toContain(out.sha256);
    expect(audit.details).not.toContain('违规发放');
  });

  it('the file on the medium verifies with minisign (the key file A exported) and decrypts with age', async () => {
    const a = officeKeys(A);
    // The minisign public key file exactly as A's key-card export writes it beside the card.
    writeFileSync(file('A.minisign.pub'), (await officeCardExport(A)).minisignPublicKey);
    writeFileSync(file('B.key'), `${officeKeys(B).identity.ageIdentity()}\n`);
    const verified = execFileSync('minisign', [
      '-V',
      '-H',
      '-p',
      file('A.minisign.pub'),
      '-m',
      bundle,
    ]).toString();
    expect(verified).toContain(`from=${a.officeId}`);
    const tar = execFileSync('age', ['-d', '-i', file('B.key'), bundle], { maxBuffer: 1 << 28 });
    writeFileSync(file('inner.tar'), tar);
    const names = execFileSync('tar', ['-tf', file('inner.tar')])
      .toString()
      .trim()
      .split('\n');
    expect(names[0]).toBe('format.json');
    expect(names).toContain('records/lead/000001.jsonl');
    expect(names).toContain(`attachments/${content.attachment.sha256}`);
    expect(names.at(-1)).toBe('manifest.json');
  });

  it('B previews (nothing merged yet), confirms, and holds the same rows and bytes', async () => {
    await B.as('leader');
    const before = dbOf(B).prepare('SELECT count(*) AS n FROM leads').get() as { n: number };
    const opened = value(await B.call('transfer:importOpen', { file: bundle }));
    expect(opened.sender).toMatchObject({
      officeId: officeKeys(A).officeId,
      fingerprint: officeKeys(A).identity.fingerprint,
    });
    expect(opened.sequence).toBe(1);
    expect(opened.flags).toEqual({ replayed: false, olderThanLast: false, expired: false });
    expect(opened.preview.lead).toEqual({ new: 1, updated: 0, unchanged: 0, conflicting: 0 });
    expect(opened.attachments).toEqual({ count: 1, bytes: evidence.length });
    expect((dbOf(B).prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n).toBe(before.n);

    const applied = value(
      await B.call('transfer:importConfirm', { importId: opened.importId, acknowledgeFlags: false }),
    );
    expect(applied.changed).toBeGreaterThan(0);
    expect(applied.conflicts).toBe(0);
    expect(applied.attachmentsStored).toBe(1);

    expect(rows(B, 'leads', [content.leadId], ['search_rev'])).toEqual(
      rows(A, 'leads', [content.leadId], ['search_rev']),
    );
    expect(rows(B, 'cases', [A.caseId]).map((r) => r?.code)).toEqual(['2026-1-01']);
    const got = blobBytes(B, content.attachment.sha256);
    expect(got.equals(evidence)).toBe(true);
    expect(sha256(got)).toBe(content.attachment.sha256);
    const att = dbOf(B)
      .prepare('SELECT sha256, size, file_name, blob_id FROM attachments WHERE id = ?')
      .get(content.attachment.id) as
      { sha256: string; size: number; file_name: string; blob_id: string | null } | undefined;
    expect(att).toMatchObject({
      sha256: content.attachment.sha256,
      size: evidence.length,
      file_name: '证据.txt',
    });
    expect(att?.blob_id).not.toBeNull();

    const registers = value(await B.call('transfer:registers', { limit: 10 }));
    expect(registers.imports[0]).toMatchObject({
      bundleId: opened.bundleId,
      outcome: 'applied',
      sequence: 1,
    });
    expect([contentOf(B).counts.transfer_staged_blobs, contentOf(B).counts['files:staging']]).toEqual([0, 0]);
  });

  it('an incremental export carries only what changed since, and B updates that record', async () => {
    await A.as('leader');
    value(
      await A.call('leads:edit', {
        id: content.leadId,
        summary: '公路管理处财务科违规发放津贴补贴（已补充材料）',
      }),
    );
    const preview = value(await A.call('transfer:exportPreview', scopeInput('incremental')));
    expect(preview.since).not.toBeNull();
    expect(preview.recipients[0]!.nextSequence).toBe(2);
    expect(preview.counts).toEqual({ lead: 1 });
    expect(preview.attachments.count).toBe(0);
    const out = value(await A.call('transfer:export', exportInput('incremental')));
    expect(out.counts).toEqual({ lead: 1 });

    await B.as('leader');
    const opened = value(await B.call('transfer:importOpen', { file: out.file }));
    expect(opened.scope.kind).toBe('incremental');
    expect(opened.sequence).toBe(2);
    expect(opened.preview.lead).toEqual({ new: 0, updated: 1, unchanged: 0, conflicting: 0 });
    value(await B.call('transfer:importConfirm', { importId: opened.importId, acknowledgeFlags: false }));
    const lead = dbOf(B).prepare('SELECT summary FROM leads WHERE id = ?').get(content.leadId) as {
      summary: string;
    };
    expect(lead.summary).toBe('公路管理处财务科违规发放津贴补贴（已补充材料）');
  });

  it('an export never overwrites: the same chosen name is refused', async () => {
    await A.as('leader');
    const input = { ...exportInput('full'), fileName: 'fixed-name.mjb' };
    value(await A.call('transfer:export', input));
    const env = await A.call('transfer:export', input);
    expect(env.ok ? 'ok' : env.error.code).toBe('TRANSFER_FILE_EXISTS');
  });

  it('a user exports only cases of their own group', async () => {
    await B.as('leader');
    const env = await B.call('transfer:exportPreview', {
      ...scopeInput('full'),
      recipients: [officeKeys(A).officeId],
    });
    // A's case arrived in B, but B's leader is not in its group.
    expect(env.ok ? 'ok' : env.error.code).toBe('TRANSFER_CASE_FORBIDDEN');
  });
});

describe('open imports: discard, and what a new session finds', () => {
  it('discard leaves the vault as it was and registers the bundle as discarded', async () => {
    await B.as('leader');
    const before = contentOf(B);
    const opened = value(await B.call('transfer:importOpen', { file: join(media, 'fixed-name.mjb') }));
    expect(opened.sequence).toBe(3);
    expect(opened.flags).toEqual({ replayed: false, olderThanLast: false, expired: false });
    expect(contentOf(B).counts['files:staging']).toBeGreaterThan(0);
    expect(value(await B.call('transfer:importDiscard', { importId: opened.importId }))).toBeNull();
    const after = contentOf(B);
    const allowed = ['audit_log', 'transfer_imports'];
    expect(contentExcept(after, allowed)).toEqual(contentExcept(before, allowed));
    const registers = value(await B.call('transfer:registers', { limit: 1 }));
    expect(registers.imports[0]).toMatchObject({ bundleId: opened.bundleId, outcome: 'discarded' });
    const again = await B.call('transfer:importConfirm', {
      importId: opened.importId,
      acknowledgeFlags: true,
    });
    expect(again.ok ? 'ok' : again.error.code).toBe('TRANSFER_IMPORT_NOT_FOUND');
  });

  it('an import left open when the session ends is closed and its staging emptied in the next session', async () => {
    await B.as('leader');
    const opened = value(await B.call('transfer:importOpen', { file: join(media, 'fixed-name.mjb') }));
    value(await B.call('session:lock', {}));
    await B.as('leader');
    const registers = value(await B.call('transfer:registers', { limit: 1 }));
    expect(registers.imports[0]).toMatchObject({ bundleId: opened.bundleId, outcome: 'previewed' });
    const env = await B.call('transfer:importConfirm', { importId: opened.importId, acknowledgeFlags: true });
    expect(env.ok ? 'ok' : env.error.code).toBe('TRANSFER_IMPORT_NOT_FOUND');
    const content = contentOf(B);
    expect(content.counts['files:staging']).toBe(0);
    expect(content.counts.transfer_staged_blobs).toBe(0);
    const row = dbOf(B)
      .prepare('SELECT outcome, reason FROM transfer_imports WHERE id = ?')
      .get(opened.importId);
    expect(row).toEqual({ outcome: 'discarded', reason: 'abandoned' });
  });

  it('protected reporter identities go out only when ticked by a role that sees them', async () => {
    await A.as('leader');
    const withheld = value(await A.call('transfer:exportPreview', scopeInput('full')));
    const ticked = value(
      await A.call('transfer:exportPreview', { ...scopeInput('full'), includeProtected: true }),
    );
    expect(withheld.mayIncludeProtected).toBe(true);
    expect(withheld.excluded.protected).toBeGreaterThan(0);
    expect(ticked.excluded.protected).toBe(0);
    await A.as('deputy');
    const deputy = value(
      await A.call('transfer:exportPreview', { ...scopeInput('full'), includeProtected: true }),
    );
    expect(deputy.mayIncludeProtected).toBe(false);
    expect(deputy.excluded.protected).toBe(withheld.excluded.protected);
  });

  it('two exports started at once get distinct sequence numbers', async () => {
    await A.as('leader');
    const [x, y] = await Promise.all([
      A.call('transfer:export', exportInput('full')),
      A.call('transfer:export', exportInput('full')),
    ]);
    const seqs = [value(x).recipients[0]!.sequence, value(y).recipients[0]!.sequence].sort();
    expect(seqs).toEqual([4, 5]);
    expect(value(x).file).not.toBe(value(y).file);
  });

  it('a sealed lead goes out only when ticked by someone it is sealed for', async () => {
    await A.as('leader');
    value(
      await A.call('leads:create', {
        caseId: A.caseId,
        receivedDate: '2026-05-13',
        summary: '一把手问题线索',
        subjects: [{ personId: A.personIds.director }],
        sources: [{ kind: 'talk' }],
        sealed: true,
        sealedUserIds: [A.userIds.leader],
      }),
    );
    const withheld = value(await A.call('transfer:exportPreview', scopeInput('full')));
    const ticked = value(
      await A.call('transfer:exportPreview', { ...scopeInput('full'), includeSealed: true }),
    );
    expect(withheld.excluded.sealed).toBe(1);
    expect(withheld.mayIncludeSealed).toBe(true);
    expect(ticked.excluded.sealed).toBe(0);
    expect(ticked.counts.lead).toBe(withheld.counts.lead! + 1);
    await A.as('deputy');
    const deputy = value(
      await A.call('transfer:exportPreview', { ...scopeInput('full'), includeSealed: true }),
    );
    expect(deputy.mayIncludeSealed).toBe(false);
    expect(deputy.excluded.sealed).toBe(1);
  });
});
