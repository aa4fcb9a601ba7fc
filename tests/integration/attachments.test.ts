import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_CHUNK_BYTES, type AttachableType } from '../../shared/contracts/attachments';
import { sanitizeFileName } from '../../shared/file-name';
import { setupCaseVault } from '../helpers/case-fixture';
import { makePng } from '../helpers/png';
import { tempDir, value } from '../helpers/temp-vault';
import { checkVault } from '../../electron/core/vault/check-vault';

/**
 * Attachments on a real vault: bytes round-trip identical through encrypted chunks,
 * the SHA-256 and the type come from the content, the office's size limit holds,
 * abandoned uploads leave nothing, same content is stored once, removal purges, the
 * roles per record type hold, and no file of the data folder shows an uploaded byte.
 */
const t = tempDir();
let ms = Date.UTC(2026, 4, 11, 1);
let v: Awaited<ReturnType<typeof setupCaseVault>>;
let talkId: string;
let visitId: string;
beforeAll(async () => {
  v = await setupCaseVault(t.dir, { now: () => ms });
  await v.as('member');
  talkId = value(
    await v.call('workRecords:save', {
      kind: 'talk',
      caseId: v.caseId,
      date: '2026-05-11',
      place: '第二谈话室',
      intervieweePersonId: v.personIds.clerk,
      askerUserId: v.userIds.leader,
      recorderUserId: v.userIds.member,
    }),
  ).id;
  visitId = value(
    await v.call('workRecords:save', {
      kind: 'visit',
      caseId: v.caseId,
      date: '2026-05-12',
      visitMode: 'field',
      place: '第三收费站',
      participantUserIds: [v.userIds.member],
    }),
  ).id;
});
afterAll(() => t.cleanup());

type Env = Awaited<ReturnType<typeof v.call>>;
const code = (env: Env) => (env.ok ? 'ok' : env.error.code);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function chunksOf(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let at = 0; at < bytes.length; at += ATTACHMENT_CHUNK_BYTES) {
    out.push(bytes.subarray(at, at + ATTACHMENT_CHUNK_BYTES).toString('base64'));
  }
  return out;
}

async function upload(recordType: AttachableType, recordId: string, fileName: string, bytes: Buffer) {
  const begun = value(
    await v.call('attachments:begin', { recordType, recordId, fileName, size: bytes.length }),
  );
  const chunks = chunksOf(bytes);
  expect(begun.chunkCount).toBe(chunks.length);
  for (const [index, data] of chunks.entries()) {
    value(await v.call('attachments:chunk', { uploadId: begun.uploadId, index, data }));
  }
  return value(await v.call('attachments:commit', { uploadId: begun.uploadId }));
}

async function download(id: string, purpose: 'preview' | 'export' = 'export'): Promise<Buffer> {
  const opened = value(await v.call('attachments:open', { id, purpose }));
  const parts: Buffer[] = [];
  for (let index = 0; index < opened.chunkCount; index++) {
    parts.push(
      Buffer.from(value(await v.call('attachments:read', { readId: opened.readId, index })).data, 'base64'),
    );
  }
  return Buffer.concat(parts);
}

function count(sql: string, ...params: unknown[]): number {
  return (
    v.core.context
      .db()
      .prepare(sql)
      .get(...params) as { n: number }
  ).n;
}
const staged = () => count("SELECT count(*) AS n FROM attachment_blobs WHERE state = 'staging'");
/** Files in the encrypted file store (stored contents and uploads under way). */
const allChunks = () => v.core.context.files().storedNames().length;
const liveAttachments = () => count('SELECT count(*) AS n FROM attachments WHERE deleted_hlc IS NULL');

describe('attachments', () => {
  it('round-trips the bytes identically through fixed-size encrypted chunks, with the SHA-256 recorded', async () => {
    await v.as('member');
    const bytes = randomBytes(ATTACHMENT_CHUNK_BYTES * 2 + 12_345);
    const a = await upload('talk', talkId, '谈话录音.amr', bytes);
    expect([a.size, a.sha256, a.uploadedBy, a.recordType]).toEqual([
      bytes.length,
      sha256(bytes),
      '孙组员',
      'talk',
    ]);
    expect(a.mime).toBe('application/octet-stream');
    // One encrypted file of the vault's file store: a 32-byte header, then each chunk sealed with its tag.
    const files = v.core.context.files();
    const { blob_id: blobId } = v.core.context
      .db()
      .prepare(`SELECT blob_id FROM attachments WHERE id = ?`)
      .get(a.id) as { blob_id: string };
    const reader = files.open(files.dir, blobId);
    expect([...reader.chunks()].map((c) => c.length)).toEqual([
      ATTACHMENT_CHUNK_BYTES,
      ATTACHMENT_CHUNK_BYTES,
      12_345,
    ]);
    reader.close();
    const onDisk = readFileSync(files.storedPath(blobId));
    expect(onDisk.length).toBe(32 + 3 * 16 + bytes.length);
    expect(onDisk.includes(bytes.subarray(0, 64))).toBe(false);
    expect((await download(a.id)).equals(bytes)).toBe(true);
    const listed = value(await v.call('attachments:list', { recordType: 'talk', recordId: talkId }));
    expect(listed.map((x) => x.id)).toContain(a.id);
  });

  it('detects the type from the content, never from the name', async () => {
    await v.as('member');
    const png = await upload('visit', visitId, 'notes.txt', makePng(40, 30));
    expect([png.mime, png.extension, png.preview, png.extensionMismatch]).toEqual([
      'image/png',
      'png',
      'image',
      true,
    ]);
    const text = await upload(
      'visit',
      visitId,
      'photo.png',
      Buffer.from('走访记录：收费站值班表缺失。\n', 'utf8'),
    );
    expect([text.mime, text.preview, text.extensionMismatch]).toEqual(['text/plain', 'text', true]);
    const named = await upload('visit', visitId, '现场照片.png', makePng(8, 8));
    expect([named.mime, named.extensionMismatch]).toEqual(['image/png', false]);
    const binary = await upload('visit', visitId, 'readme.txt', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 9]));
    expect([binary.mime, binary.preview]).toEqual(['application/octet-stream', null]);
  });

  it('sanitises file names: no path, no control or direction characters, no reserved names', async () => {
    await v.as('member');
    const a = await upload('visit', visitId, '..\\..\\etc/\u202Etxt.exe<1>:?.png', makePng(4, 4));
    expect(a.fileName).toBe('_txt.exe_1___.png');
    expect(sanitizeFileName('CON.txt')).toBe('_CON.txt');
    expect(sanitizeFileName('   ')).toBe('attachment');
    expect(sanitizeFileName(`${'长'.repeat(300)}.pdf`)).toHaveLength(120);
  });

  it('refuses a file over the office limit before any byte is stored, and a chunk that breaks the declared size', async () => {
    await v.as('leader');
    value(await v.call('rules:update', { key: 'attachments', value: { maxBytes: 1024 * 1024 } }));
    await v.as('member');
    const before = { staged: staged(), chunks: allChunks(), live: liveAttachments() };
    const big = await v.call('attachments:begin', {
      recordType: 'talk',
      recordId: talkId,
      fileName: 'big.bin',
      size: 1024 * 1024 + 1,
    });
    expect(code(big)).toBe('ATTACHMENT_TOO_LARGE');
    expect(!big.ok && big.error.details).toEqual({ max: '1 MB' });
    expect(
      code(
        await v.call('attachments:begin', { recordType: 'talk', recordId: talkId, fileName: 'x', size: 0 }),
      ),
    ).toBe('INPUT_INVALID');
    // Declares 1000 bytes, then sends a full chunk.
    const begun = value(
      await v.call('attachments:begin', {
        recordType: 'talk',
        recordId: talkId,
        fileName: 'a.bin',
        size: 1000,
      }),
    );
    const over = await v.call('attachments:chunk', {
      uploadId: begun.uploadId,
      index: 0,
      data: randomBytes(2000).toString('base64'),
    });
    expect(code(over)).toBe('ATTACHMENT_UPLOAD_MISMATCH');
    expect(code(await v.call('attachments:commit', { uploadId: begun.uploadId }))).toBe(
      'ATTACHMENT_UPLOAD_NOT_FOUND',
    );
    // A chunk larger than the contract allows never reaches the core.
    const huge = await v.call('attachments:chunk', {
      uploadId: begun.uploadId,
      index: 0,
      data: 'A'.repeat(ATTACHMENT_CHUNK_BYTES * 2),
    });
    expect([code(huge), !huge.ok && huge.error.details?.field]).toEqual(['INPUT_INVALID', 'data']);
    expect({ staged: staged(), chunks: allChunks(), live: liveAttachments() }).toEqual(before);
    await v.as('leader');
    value(await v.call('rules:update', { key: 'attachments', value: { maxBytes: 50 * 1024 * 1024 } }));
  });

  it('leaves nothing of an abandoned upload: cancelled, idle, or cut off by a lock', async () => {
    await v.as('member');
    // Longer than an upload may idle, shorter than the session's own auto-lock.
    value(await v.call('settings:setAutoLock', { minutes: 60 }));
    const before = { staged: staged(), chunks: allChunks(), live: liveAttachments() };
    const start = async () => {
      const begun = value(
        await v.call('attachments:begin', {
          recordType: 'talk',
          recordId: talkId,
          fileName: 'part.bin',
          size: ATTACHMENT_CHUNK_BYTES + 10,
        }),
      );
      value(
        await v.call('attachments:chunk', {
          uploadId: begun.uploadId,
          index: 0,
          data: randomBytes(ATTACHMENT_CHUNK_BYTES).toString('base64'),
        }),
      );
      expect(staged()).toBeGreaterThan(before.staged);
      return begun.uploadId;
    };
    // Nothing is visible before the commit.
    const listed = async () =>
      value(await v.call('attachments:list', { recordType: 'talk', recordId: talkId })).length;
    const shown = await listed();
    const cancelled = await start();
    expect(await listed()).toBe(shown);
    value(await v.call('attachments:abort', { uploadId: cancelled }));
    expect({ staged: staged(), chunks: allChunks() }).toEqual({
      staged: before.staged,
      chunks: before.chunks,
    });

    const idle = await start();
    ms += 16 * 60_000;
    value(await v.call('attachments:list', { recordType: 'talk', recordId: talkId }));
    expect(staged()).toBe(before.staged);
    expect(code(await v.call('attachments:commit', { uploadId: idle }))).toBe('ATTACHMENT_UPLOAD_NOT_FOUND');

    const locked = await start();
    await v.as('member'); // session:unlock locks the running session first
    value(await v.call('attachments:list', { recordType: 'talk', recordId: talkId }));
    expect(code(await v.call('attachments:commit', { uploadId: locked }))).toBe(
      'ATTACHMENT_UPLOAD_NOT_FOUND',
    );
    expect({ staged: staged(), chunks: allChunks(), live: liveAttachments() }).toEqual(before);
  });

  it('stores the same content once, notes the duplicate, and purges it when the last copy is removed', async () => {
    await v.as('member');
    const bytes = Buffer.from(`同一份材料 ${randomBytes(8).toString('hex')}\n`.repeat(2000), 'utf8');
    const blobs = () => count('SELECT count(*) AS n FROM attachment_blobs WHERE sha256 = ?', sha256(bytes));
    const first = await upload('talk', talkId, '材料.txt', bytes);
    const second = await upload('visit', visitId, '材料副本.txt', bytes);
    expect(second.sameContentCount).toBe(1);
    expect(blobs()).toBe(1);
    expect(count('SELECT count(*) AS n FROM attachments WHERE sha256 = ?', sha256(bytes))).toBe(2);
    expect(
      value(await v.call('attachments:list', { recordType: 'talk', recordId: talkId })).find(
        (a) => a.id === first.id,
      )?.sameContentCount,
    ).toBe(1);
    // The liaison may read the visit but not the talk: the talk's copy is not counted for them.
    await v.as('liaison');
    expect(
      value(await v.call('attachments:list', { recordType: 'visit', recordId: visitId })).find(
        (a) => a.id === second.id,
      )?.sameContentCount,
    ).toBe(0);

    await v.as('member');
    expect(code(await v.call('attachments:remove', { id: first.id, reason: '' }))).toBe('INPUT_INVALID');
    value(await v.call('attachments:remove', { id: first.id, reason: '重复上传' }));
    expect((await download(second.id)).equals(bytes)).toBe(true);
    expect(blobs()).toBe(1);
    value(await v.call('attachments:remove', { id: second.id, reason: '与本次走访无关' }));
    expect(blobs()).toBe(0);
    expect(
      count(
        `SELECT count(*) AS n FROM attachments WHERE sha256 = ? AND blob_id IS NULL AND deleted_hlc IS NOT NULL`,
        sha256(bytes),
      ),
    ).toBe(2);
    expect(code(await v.call('attachments:open', { id: second.id, purpose: 'preview' }))).toBe(
      'RECORD_NOT_FOUND',
    );
    expect(
      value(await v.call('attachments:list', { recordType: 'visit', recordId: visitId })).map((a) => a.id),
    ).not.toContain(second.id);
  });

  it('shows uploads, previews, saved copies and removals in the record history', async () => {
    await v.as('member');
    const a = await upload('talk', talkId, '谈话笔录扫描件.png', makePng(20, 20));
    await download(a.id, 'preview');
    await download(a.id, 'export');
    value(await v.call('attachments:remove', { id: a.id, reason: '扫描不清晰' }));
    const history = value(await v.call('records:history', { entityType: 'talk', entityId: talkId }))
      .filter((e) => e.details.attachmentId === a.id)
      .sort((x, y) => x.seq - y.seq);
    expect(history.map((e) => [e.action, e.actorName])).toEqual([
      ['attachment.add', 'zuyuan'],
      ['attachment.preview', 'zuyuan'],
      ['attachment.export', 'zuyuan'],
      ['attachment.remove', 'zuyuan'],
    ]);
    expect(history[0]!.details).toMatchObject({
      sha256: a.sha256,
      changes: { attachments: [null, '谈话笔录扫描件.png'] },
    });
    expect(history[3]!.details).toMatchObject({
      reason: '扫描不清晰',
      changes: { attachments: ['谈话笔录扫描件.png', null] },
    });
  });

  it('applies the roles per record type, case membership and sealed leads', async () => {
    // The liaison reads visit attachments, never a talk's.
    await v.as('liaison');
    expect(code(await v.call('attachments:list', { recordType: 'visit', recordId: visitId }))).toBe('ok');
    expect(code(await v.call('attachments:list', { recordType: 'talk', recordId: talkId }))).toBe(
      'ROLE_FORBIDDEN',
    );
    expect(
      code(
        await v.call('attachments:begin', {
          recordType: 'visit',
          recordId: visitId,
          fileName: 'a.txt',
          size: 3,
        }),
      ),
    ).toBe('ROLE_FORBIDDEN');

    // Intake attachments (original letters) go only to those who see the reporter; their names stay out of the log.
    await v.as('intake');
    const item = value(
      await v.call('intake:create', {
        caseId: v.caseId,
        channel: 'letter',
        receivedDate: '2026-05-11',
        realName: true,
        reporter: { name: '李明', contact: '13800001234' },
        summary: '反映违规发放津贴',
        content: '公路管理处财务科年底违规发放津贴补贴。',
      }),
    );
    const letter = await upload('intake', item.id, '李明举报信.png', makePng(10, 10));
    await v.as('member');
    expect(code(await v.call('attachments:list', { recordType: 'intake', recordId: item.id }))).toBe(
      'ROLE_FORBIDDEN',
    );
    expect(code(await v.call('attachments:open', { id: letter.id, purpose: 'export' }))).toBe(
      'ROLE_FORBIDDEN',
    );
    const intakeHistory = value(await v.call('records:history', { entityType: 'intake', entityId: item.id }));
    expect(intakeHistory.map((e) => e.action)).toContain('attachment.add');
    expect(JSON.stringify(intakeHistory)).not.toContain('李明');
    await v.as('leader');
    expect(
      value(await v.call('attachments:list', { recordType: 'intake', recordId: item.id })).map(
        (a) => a.fileName,
      ),
    ).toEqual(['李明举报信.png']);

    // A sealed lead's attachments do not exist for a member it does not name.
    const sealed = value(
      await v.call('leads:create', {
        caseId: v.caseId,
        receivedDate: '2026-05-11',
        summary: '一把手问题线索',
        subjects: [{ personId: v.personIds.director }],
        sources: [{ kind: 'intake', intakeId: item.id }],
        sealed: true,
        sealedUserIds: [v.userIds.leader],
      }),
    );
    const evidence = await upload('lead', sealed.id, '证据.txt', Buffer.from('银行流水摘录', 'utf8'));
    await v.as('member');
    expect(code(await v.call('attachments:list', { recordType: 'lead', recordId: sealed.id }))).toBe(
      'RECORD_NOT_FOUND',
    );
    expect(code(await v.call('attachments:open', { id: evidence.id, purpose: 'preview' }))).toBe(
      'RECORD_NOT_FOUND',
    );
    expect(code(await v.call('attachments:remove', { id: evidence.id, reason: 'x' }))).toBe(
      'RECORD_NOT_FOUND',
    );
    // A record that does not exist.
    expect(code(await v.call('attachments:list', { recordType: 'unit', recordId: v.caseId }))).toBe(
      'RECORD_NOT_FOUND',
    );
    // Units and persons carry attachments too.
    const unitFile = await upload(
      'unit',
      v.unitId,
      '机构设置.txt',
      Buffer.from('内设机构：办公室、财务科', 'utf8'),
    );
    expect(unitFile.recordType).toBe('unit');
  });

  it('refuses to read an altered, swapped or missing content file, names it in the check, and sweeps unnamed files at the next sign-in', async () => {
    await v.as('member');
    const files = v.core.context.files();
    const blobOf = (id: string) =>
      (
        v.core.context.db().prepare('SELECT blob_id FROM attachments WHERE id = ?').get(id) as {
          blob_id: string;
        }
      ).blob_id;
    const one = await upload('talk', talkId, '篡改.bin', randomBytes(ATTACHMENT_CHUNK_BYTES + 99));
    const two = await upload('talk', talkId, '调换.bin', randomBytes(4000));
    const filesCheck = () => checkVault(v.core.context.session().vault).find((c) => c.name === 'files')!;
    expect(filesCheck().ok).toBe(true);

    // One bit flipped in the second chunk: that chunk refuses, the first still reads.
    const path = files.storedPath(blobOf(one.id));
    const original = readFileSync(path);
    const altered = Buffer.from(original);
    altered[32 + ATTACHMENT_CHUNK_BYTES + 16 + 5]! ^= 1;
    writeFileSync(path, altered);
    const opened = value(await v.call('attachments:open', { id: one.id, purpose: 'export' }));
    value(await v.call('attachments:read', { readId: opened.readId, index: 0 }));
    expect(code(await v.call('attachments:read', { readId: opened.readId, index: 1 }))).toBe(
      'ATTACHMENT_CONTENT_DAMAGED',
    );
    expect(filesCheck()).toMatchObject({ ok: false, detail: { damaged: blobOf(one.id) } });
    const readFirst = async (id: string) => {
      const o = value(await v.call('attachments:open', { id, purpose: 'export' }));
      return v.call('attachments:read', { readId: o.readId, index: 0 });
    };
    // Cut at a chunk boundary: the new last chunk was not sealed as the last one.
    writeFileSync(path, original.subarray(0, 32 + ATTACHMENT_CHUNK_BYTES + 16));
    expect(code(await readFirst(one.id))).toBe('ATTACHMENT_CONTENT_DAMAGED');
    // Another attachment's file under this name: keyed to its own name, it does not open.
    writeFileSync(path, readFileSync(files.storedPath(blobOf(two.id))));
    expect(code(await readFirst(one.id))).toBe('ATTACHMENT_CONTENT_DAMAGED');
    writeFileSync(path, original);
    expect((await download(one.id)).length).toBe(ATTACHMENT_CHUNK_BYTES + 99);
    expect(filesCheck().ok).toBe(true);

    // A file no row names (a crash between writing and committing) goes at the next sign-in.
    writeFileSync(join(files.dir, '00000000-0000-4000-8000-00000000dead'), randomBytes(100));
    expect(filesCheck().detail.unreferenced).toBe(1);
    await v.as('member');
    expect(files.storedNames()).not.toContain('00000000-0000-4000-8000-00000000dead');
    expect(v.core.context.files().storedNames()).toContain(blobOf(one.id));
  });

  it('still reads contents stored in the database before the file store existed', async () => {
    await v.as('member');
    // What migration 0010 leaves of an earlier upload: the blob row says 'database', its chunks are rows.
    const bytes = randomBytes(ATTACHMENT_CHUNK_BYTES + 1234);
    const db = v.core.context.db();
    const blobId = '00000000-0000-4000-8000-0000000001d0';
    const id = '00000000-0000-4000-8000-0000000001d1';
    const talk = db
      .prepare('SELECT origin_office, created_hlc FROM work_records WHERE id = ?')
      .get(talkId) as {
      origin_office: string;
      created_hlc: string;
    };
    const uploader = db.prepare(`SELECT id FROM users LIMIT 1`).get() as { id: string };
    db.transaction(() => {
      db.prepare(
        `INSERT INTO attachment_blobs (id, state, sha256, size, chunk_size, created_at)
         VALUES (?, 'stored', ?, ?, ?, '2026-05-01T00:00:00.000Z')`,
      ).run(blobId, sha256(bytes), bytes.length, ATTACHMENT_CHUNK_BYTES);
      db.prepare('INSERT INTO attachment_chunks (blob_id, seq, data) VALUES (?, ?, ?)').run(
        blobId,
        0,
        bytes.subarray(0, ATTACHMENT_CHUNK_BYTES),
      );
      db.prepare('INSERT INTO attachment_chunks (blob_id, seq, data) VALUES (?, ?, ?)').run(
        blobId,
        1,
        bytes.subarray(ATTACHMENT_CHUNK_BYTES),
      );
      db.prepare(
        `INSERT INTO attachments (id, origin_office, created_hlc, updated_hlc, record_type, record_id, case_id,
         blob_id, sha256, size, file_name, mime, extension, uploader_user_id, uploaded_at)
         VALUES (?, ?, ?, ?, 'talk', ?, ?, ?, ?, ?, '旧附件.bin', 'application/octet-stream', NULL, ?, '2026-05-01T00:00:00.000Z')`,
      ).run(
        id,
        talk.origin_office,
        talk.created_hlc,
        talk.created_hlc,
        talkId,
        v.caseId,
        blobId,
        sha256(bytes),
        bytes.length,
        uploader.id,
      );
    })();
    expect(db.prepare('SELECT store FROM attachment_blobs WHERE id = ?').get(blobId)).toEqual({
      store: 'database',
    });
    expect((await download(id)).equals(bytes)).toBe(true);
    // Removing it purges its rows; the file store is not involved.
    const filesBefore = allChunks();
    value(await v.call('attachments:remove', { id, reason: '迁移核对完毕' }));
    expect(count('SELECT count(*) AS n FROM attachment_chunks WHERE blob_id = ?', blobId)).toBe(0);
    expect(allChunks()).toBe(filesBefore);
  });

  it('leaves no uploaded byte, text or name readable in any file of the data folder', async () => {
    await v.as('member');
    const marker = '绝密附件内容-ATTACH-MARKER-津贴补贴-';
    const text = Buffer.from(`${marker}\n`.repeat(30_000), 'utf8');
    const png = makePng(64, 64);
    await upload('talk', talkId, 'marker-name-QX7.txt', text);
    await upload('talk', talkId, 'marker-image-QX7.png', png);
    for (const phase of ['open', 'locked']) {
      if (phase === 'locked') value(await v.call('session:lock', {}));
      const everyFile = readdirSync(t.dir, { recursive: true, withFileTypes: true }).filter((e) =>
        e.isFile(),
      );
      expect(everyFile.some((e) => e.parentPath.endsWith('files'))).toBe(true);
      for (const entry of everyFile) {
        const name = join(entry.parentPath, entry.name);
        const bytes = readFileSync(name);
        expect(bytes.includes(Buffer.from(marker, 'utf8')), `${phase}: ${name} holds the text`).toBe(false);
        expect(bytes.includes(png.subarray(0, 33)), `${phase}: ${name} holds the PNG`).toBe(false);
        expect(
          bytes.includes(Buffer.from('marker-name-QX7', 'utf8')),
          `${phase}: ${name} holds the name`,
        ).toBe(false);
      }
    }
  });
});
