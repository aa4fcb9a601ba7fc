import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, value } from '../helpers/temp-vault';
import { addCaseContent, officeKeys, setupTwoOffices, type Office } from '../helpers/transfer-offices';

/**
 * The export register records the mode a bundle actually has: an incremental export
 * to an office that never received a bundle goes out full, and says so.
 */
const t = tempDir('mj-transfer-mode-');
afterAll(() => t.cleanup());

let A: Office;
let B: Office;
let caseId: string;

const exportInput = () => ({
  caseIds: [caseId],
  recipients: [officeKeys(B).officeId],
  mode: 'incremental' as const,
  includeSealed: false,
  includeProtected: false,
  outDir: join(t.dir, 'media'),
  mediaLabel: 'U盘-0007',
  expiresInDays: 30,
  description: '',
});

beforeAll(async () => {
  ({ a: A, b: B } = await setupTwoOffices(t.dir));
  await addCaseContent(A, '登记簿模式', Buffer.from('附件'));
  caseId = A.caseId;
}, 120_000);

describe('export register mode', () => {
  it('a first incremental export to a recipient is registered as full', async () => {
    await A.as('leader');
    const out = value(await A.call('transfer:export', exportInput()));
    const registers = value(await A.call('transfer:registers', { limit: 10 }));
    expect(registers.exports[0]).toMatchObject({ bundleId: out.bundleId, mode: 'full' });
  });
});
