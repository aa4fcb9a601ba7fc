import { vaultContent } from './vault-content-hash';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ATTACHMENT_CHUNK_BYTES, type AttachableType } from '../../shared/contracts/attachments';
import { recipientFromCard } from '../../electron/core/bundle/card-adapters';
import type { OfficeIdentity } from '../../electron/core/bundle/office-keys';
import type { BundleRecipient } from '../../electron/core/bundle/write-bundle';
import type { Db } from '../../electron/core/db/open-database';
import { loadOfficeIdentity } from '../../electron/core/offices';
import { setupCaseVault } from './case-fixture';
import { ADMIN, value } from './temp-vault';

/**
 * Two real offices for transfer tests: each a vault with the fixture case and its
 * accounts (setupCaseVault), its own office identity, and each other's key card
 * trusted through the trust store. Helpers add case content and read the database.
 */
export type Office = Awaited<ReturnType<typeof setupCaseVault>> & { dataDir: string };

export interface OfficeKeys {
  identity: OfficeIdentity;
  officeId: string;
  officeName: string;
  /** This office as a bundle recipient (sequence 1). */
  recipient: BundleRecipient;
}
const keys = new WeakMap<Office, OfficeKeys>();

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The unlocked vault's database (whoever is signed in). */
export const dbOf = (o: Office): Db => o.core.context.db();
/** The office's vault content: every table and the encrypted file store (tests/helpers/vault-content-hash). */
export const contentOf = (o: Office) => vaultContent(dbOf(o), o.core.context.files());

export async function asAdmin(o: Office): Promise<void> {
  value(await o.call('session:unlock', { userName: ADMIN.userName, passphrase: ADMIN.passphrase }));
}

export async function upload(
  o: Office,
  recordType: AttachableType,
  recordId: string,
  fileName: string,
  bytes: Buffer,
) {
  const begun = value(
    await o.call('attachments:begin', { recordType, recordId, fileName, size: bytes.length }),
  );
  for (let index = 0, at = 0; at < bytes.length; index++, at += ATTACHMENT_CHUNK_BYTES) {
    const data = bytes.subarray(at, at + ATTACHMENT_CHUNK_BYTES).toString('base64');
    value(await o.call('attachments:chunk', { uploadId: begun.uploadId, index, data }));
  }
  return value(await o.call('attachments:commit', { uploadId: begun.uploadId }));
}

/** An intake item with a protected reporter, a lead from it and a file on the lead, by the group leader. */
export async function addCaseContent(
  o: Office,
  summary = '公路管理处财务科违规发放津贴补贴',
  file = Buffer.from('银行流水摘录'),
) {
  await o.as('leader');
  const item = value(
    await o.call('intake:create', {
      caseId: o.caseId,
      channel: 'letter',
      receivedDate: '2026-05-11',
      realName: true,
      reporter: { name: '李明', contact: '13800001234' },
      summary: '反映违规发放津贴',
      content: '公路管理处财务科年底违规发放津贴补贴。',
    }),
  );
  const lead = value(
    await o.call('leads:create', {
      caseId: o.caseId,
      receivedDate: '2026-05-12',
      summary,
      subjects: [{ personId: o.personIds.clerk }],
      sources: [{ kind: 'intake', intakeId: item.id }],
    }),
  );
  const attachment = await upload(o, 'lead', lead.id, '证据.txt', file);
  return { intakeId: item.id, leadId: lead.id, attachment };
}

/** The office's identity, read from its vault at setup (the secrets are the vault's own). */
export function officeKeys(o: Office): OfficeKeys {
  const k = keys.get(o);
  if (!k) throw new Error('not an office of setupTwoOffices');
  return k;
}

/** This office's key card export (card text, minisign public key file, age recipient), by the security administrator. */
export async function officeCardExport(o: Office) {
  await asAdmin(o);
  const card = value(await o.call('offices:exportCard', {}));
  await o.as('leader');
  return card;
}

export async function officeCardText(o: Office): Promise<string> {
  return (await officeCardExport(o)).text;
}

/** Trusts a card in `o` with the fingerprint read out (security administrator), then back to the leader. */
export async function trustCard(o: Office, cardText: string, fingerprint: string): Promise<void> {
  await asAdmin(o);
  value(await o.call('offices:trust', { cardText, fingerprint }));
  await o.as('leader');
}

export async function revokeOffice(o: Office, officeId: string): Promise<void> {
  await asAdmin(o);
  value(await o.call('offices:revoke', { officeId, reason: '密钥载体遗失' }));
  await o.as('leader');
}

/**
 * Office A ("市委巡察办") and office B, each with the fixture case and accounts, each
 * trusting the other's key card; a "media" folder beside them. The group leader of
 * each is signed in at the end.
 */
export async function setupTwoOffices(dir: string): Promise<{ a: Office; b: Office }> {
  const make = async (name: string) => {
    const dataDir = join(dir, name);
    mkdirSync(dataDir, { recursive: true });
    const o = Object.assign(await setupCaseVault(dataDir), { dataDir });
    const own = loadOfficeIdentity(dbOf(o))!;
    keys.set(o, {
      identity: own.identity,
      officeId: own.officeId,
      officeName: own.officeName,
      recipient: recipientFromCard(own.card, 1),
    });
    return o;
  };
  mkdirSync(join(dir, 'media'), { recursive: true });
  const a = await make('office-a');
  const b = await make('office-b');
  const cardA = await officeCardText(a);
  const cardB = await officeCardText(b);
  await trustCard(a, cardB, officeKeys(b).identity.fingerprint);
  await trustCard(b, cardA, officeKeys(a).identity.fingerprint);
  return { a, b };
}
