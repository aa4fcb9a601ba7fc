import { createHash } from 'node:crypto';
import { encryptAgeWith } from './age';
import { writeContainer } from './container-writer';
import { FORMAT_ENTRY_CONTENT } from './container-reader';
import { buildKeyCard, keyCardText } from './key-card';
import { createPrehash, formatMinisignPublicKey, keyIdHex, signPrehash } from './minisign';
import { OfficeIdentity } from './office-keys';

/**
 * The published test vectors of docs/bundle-format.md §6, computed from fixed inputs.
 * Only the vector test and the docs use this; real keys and files are random.
 */

const range = (from: number) => Buffer.from(Array.from({ length: 32 }, (_, i) => from + i));

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

export async function computeTestVectors() {
  const identity = OfficeIdentity.fromSecrets(range(0x00), range(0x20));
  const rotated = OfficeIdentity.fromSecrets(range(0x40), range(0x60));
  const office = { officeId: '5f0c8a1e-3b7d-4c2a-9e61-0d4b8f2a7c13', officeName: '某市委巡察办' };

  const message = '明镜 test vector\n';
  const trustedComment =
    'mingjing-bundle v1 id=00000000-0000-4000-8000-000000000001 from=5f0c8a1e-3b7d-4c2a-9e61-0d4b8f2a7c13 ' +
    `fp=${identity.fingerprint.replace(/ /g, '-')} to=00000000-0000-4000-8000-000000000002 size=${Buffer.byteLength(message)} created=2026-03-01T08:00:00.000Z`;
  const signature = signPrehash(
    createPrehash().update(message, 'utf8').digest(),
    identity,
    trustedComment,
    'mingjing bundle signature',
  );

  const fileKey = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
  const nonce = Buffer.from('f0e1d2c3b4a5968778695a4b3c2d1e0f', 'hex');
  const ephemeralSecret = range(0x80);
  const plaintext = 'mingjing age vector: 明镜\n';
  const ciphertext = await collect(
    encryptAgeWith([identity.ageRecipient], [Buffer.from(plaintext, 'utf8')], {
      fileKey,
      nonce,
      ephemeralSecrets: [ephemeralSecret],
    }),
  );

  const entries = [
    { name: 'format.json', content: FORMAT_ENTRY_CONTENT },
    { name: 'records/lead/000001.jsonl', content: '{"example":1}\n' },
  ];
  const archive = await collect(
    writeContainer(
      entries.map((e) => ({
        name: e.name,
        size: Buffer.byteLength(e.content),
        data: Buffer.from(e.content),
      })),
      1772352000,
    ),
  );

  const created = new Date('2026-03-01T08:00:00.000Z');
  return {
    identity: {
      ed25519Seed: range(0x00).toString('hex'),
      x25519Secret: range(0x20).toString('hex'),
      ed25519PublicKey: identity.publicKeys.signing.toString('hex'),
      x25519PublicKey: identity.publicKeys.encryption.toString('hex'),
      minisignKeyId: keyIdHex(identity.keyId),
      minisignPublicKeyFile: formatMinisignPublicKey({
        keyId: identity.keyId,
        publicKey: identity.publicKeys.signing,
      }),
      ageRecipient: identity.ageRecipient,
      ageIdentity: identity.ageIdentity(),
      fingerprint: identity.fingerprint,
    },
    minisign: { message, signatureFile: signature },
    keyCard: keyCardText(buildKeyCard(identity, { ...office, created })),
    rotatedKeyCard: {
      ed25519Seed: range(0x40).toString('hex'),
      x25519Secret: range(0x60).toString('hex'),
      fingerprint: rotated.fingerprint,
      card: keyCardText(
        buildKeyCard(rotated, { ...office, created: new Date('2026-09-01T08:00:00.000Z') }, identity),
      ),
    },
    age: {
      fileKey: fileKey.toString('hex'),
      ephemeralSecret: ephemeralSecret.toString('hex'),
      nonce: nonce.toString('hex'),
      plaintext,
      ciphertextBase64: ciphertext.toString('base64'),
    },
    archive: {
      mtime: 1772352000,
      entries,
      size: archive.length,
      sha256: createHash('sha256').update(archive).digest('hex'),
    },
  };
}
