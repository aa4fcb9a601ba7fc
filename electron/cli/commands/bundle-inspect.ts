import { inspectBundle, verifyBundleSignature } from '../../core/bundle/read-bundle';
import { parseKeyCard } from '../../core/bundle/key-card';
import { signerFromCard } from '../../core/bundle/card-adapters';
import { keyIdHex } from '../../core/bundle/minisign';
import { AppError } from '../../core/errors';
import { UsageError, requireOption, type CliArgs } from '../args';
import { readCardFile } from './keycard';

function bundleFile(args: CliArgs): string {
  const file = args.positionals[1];
  if (!file) throw new UsageError('missing FILE');
  return file;
}

/**
 * `bundle inspect`: what a media checkpoint sees without any key — size, SHA-256, and
 * what the signature file *claims* (signer, bundle id, recipients), marked unverified.
 */
export async function bundleInspectCommand(args: CliArgs): Promise<void> {
  const file = bundleFile(args);
  let outline;
  try {
    outline = await inspectBundle(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`no such file: ${file}`);
    throw err;
  }
  const sig = outline.signature;
  const facts = {
    file,
    size: outline.size,
    sha256: outline.sha256,
    signature: sig.present
      ? {
          present: true,
          verified: false,
          keyId: sig.keyId,
          algorithm: sig.algorithm,
          bundleId: sig.comment?.bundleId ?? null,
          signerOfficeId: sig.comment?.from ?? null,
          signerFingerprint: sig.comment?.fingerprint ?? null,
          recipients: sig.comment?.to ?? [],
          signedSize: sig.comment?.size ?? null,
          created: sig.comment?.created ?? null,
          trustedComment: sig.trustedComment,
        }
      : { present: false },
  };
  if (args.json) {
    console.log(JSON.stringify(facts, null, 2));
    return;
  }
  console.log(`file:        ${file}`);
  console.log(`size:        ${outline.size} bytes`);
  console.log(`sha256:      ${outline.sha256}`);
  if (!sig.present) {
    console.log(`signature:   missing (${file}.minisig)`);
    return;
  }
  console.log(`signature:   ${sig.algorithm}, key id ${sig.keyId} (not verified: use bundle verify)`);
  if (!sig.comment) {
    console.log(`comment:     ${sig.trustedComment} (not a Mingjing bundle comment)`);
    return;
  }
  console.log(`bundle id:   ${sig.comment.bundleId}`);
  console.log(`claimed by:  office ${sig.comment.from}, fingerprint ${sig.comment.fingerprint}`);
  console.log(`recipients:  ${sig.comment.to.join(', ')}`);
  console.log(
    `signed size: ${sig.comment.size} bytes${sig.comment.size === outline.size ? '' : ' (differs from the file!)'}`,
  );
  console.log(`created:     ${sig.comment.created}`);
}

/**
 * `bundle verify`: the signature over the whole file against one office's key card, as
 * `minisign -V` would, plus the bundle checks of its trusted comment. Exit 0 only when it
 * holds; otherwise the translated reason and exit 1.
 */
export async function bundleVerifyCommand(args: CliArgs): Promise<void> {
  const file = bundleFile(args);
  const card = parseKeyCard(await readCardFile(requireOption(args.keycard.card, '--keycard')));
  const expected = signerFromCard(card);
  let verified;
  try {
    verified = await verifyBundleSignature(file, (keyId) => {
      if (!keyId.equals(expected.keyId))
        throw new AppError('BUNDLE_SIGNER_MISMATCH', { keyId: keyIdHex(keyId) });
      return expected;
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`no such file: ${file}`);
    throw err;
  }
  const result = {
    file,
    verified: true,
    signer: {
      officeId: card.card.officeId,
      officeName: card.card.officeName,
      fingerprint: card.card.fingerprint,
    },
    bundleId: verified.comment.bundleId,
    recipients: verified.comment.to,
    created: verified.comment.created,
    size: verified.size,
    sha256: verified.sha256,
  };
  if (args.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`signature OK: signed by ${card.card.officeName} (${card.card.fingerprint})`);
    console.log(`bundle id ${result.bundleId}, ${result.size} bytes, sha256 ${result.sha256}`);
    console.log(`recipients: ${result.recipients.join(', ')}`);
  }
}
