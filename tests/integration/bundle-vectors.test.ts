import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptAge } from '../../electron/core/bundle/age';
import { parseKeyCard, verifyRotation } from '../../electron/core/bundle/key-card';
import { parseMinisignPublicKey, verifyMinisignStream } from '../../electron/core/bundle/minisign';
import { computeTestVectors } from '../../electron/core/bundle/test-vectors';
import { tempDir } from '../helpers/temp-vault';

// The vectors published in docs/bundle-format.md §6 are what the code produces, and the
// real tools accept them. BUNDLE_VECTORS_UPDATE=1 rewrites the block after a deliberate change.
const docPath = join(import.meta.dirname, '../../docs/bundle-format.md');
const BLOCK = /(<!-- vectors:begin -->\n)([\s\S]*?)(<!-- vectors:end -->)/;

const tmp = tempDir('mj-bundle-vectors-');
afterAll(() => tmp.cleanup());

describe('bundle format test vectors', async () => {
  const vectors = await computeTestVectors();

  it('match the block in docs/bundle-format.md', () => {
    const doc = readFileSync(docPath, 'utf8');
    if (process.env.BUNDLE_VECTORS_UPDATE === '1') {
      const block = `\`\`\`json\n${JSON.stringify(vectors, null, 2)}\n\`\`\`\n\n`;
      writeFileSync(
        docPath,
        doc.replace(BLOCK, (_m, begin: string, _old, end: string) => begin + block + end),
      );
      return;
    }
    const body = BLOCK.exec(doc)?.[2] ?? '';
    const json = /```json\n([\s\S]*?)```/.exec(body)?.[1];
    expect(json, 'the doc has a vectors block').toBeDefined();
    expect(JSON.parse(json!)).toEqual(vectors);
  });

  it('minisign verifies the published signature with the published public key', async () => {
    const dir = tmp.dir;
    writeFileSync(join(dir, 'msg'), vectors.minisign.message);
    writeFileSync(join(dir, 'msg.minisig'), vectors.minisign.signatureFile);
    writeFileSync(join(dir, 'office.pub'), vectors.identity.minisignPublicKeyFile);
    const out = execFileSync('minisign', [
      '-V',
      '-H',
      '-p',
      join(dir, 'office.pub'),
      '-m',
      join(dir, 'msg'),
    ]).toString();
    expect(out).toContain('Signature and comment signature verified');
    const key = parseMinisignPublicKey(vectors.identity.minisignPublicKeyFile)!;
    const comment = await verifyMinisignStream(
      [Buffer.from(vectors.minisign.message)],
      vectors.minisign.signatureFile,
      key,
    );
    expect(comment).toContain(`fp=${vectors.identity.fingerprint.replace(/ /g, '-')}`);
  });

  it('age-keygen derives the published recipient, and age decrypts the published ciphertext', async () => {
    const dir = tmp.dir;
    writeFileSync(join(dir, 'key.txt'), `${vectors.identity.ageIdentity}\n`);
    expect(
      execFileSync('age-keygen', ['-y', join(dir, 'key.txt')])
        .toString()
        .trim(),
    ).toBe(vectors.identity.ageRecipient);
    writeFileSync(join(dir, 'vector.age'), Buffer.from(vectors.age.ciphertextBase64, 'base64'));
    const out = execFileSync('age', ['-d', '-i', join(dir, 'key.txt'), join(dir, 'vector.age')]).toString(
      'utf8',
    );
    expect(out).toBe(vectors.age.plaintext);
    const ours: Buffer[] = [];
    for await (const c of decryptAge(
      [vectors.identity.ageIdentity],
      [Buffer.from(vectors.age.ciphertextBase64, 'base64')],
    ))
      ours.push(c);
    expect(Buffer.concat(ours).toString('utf8')).toBe(vectors.age.plaintext);
  });

  it('the published key cards verify, and the rotation is signed by the first key', () => {
    const first = parseKeyCard(vectors.keyCard);
    const second = parseKeyCard(vectors.rotatedKeyCard.card);
    expect(first.card.fingerprint).toBe(vectors.identity.fingerprint);
    expect(second.card.fingerprint).toBe(vectors.rotatedKeyCard.fingerprint);
    expect(() => verifyRotation(second, first)).not.toThrow();
  });
});
