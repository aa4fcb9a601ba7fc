import { AppError } from '../errors';
import { fingerprintFromToken, fingerprintToken } from './fingerprint';
import { MAX_TRUSTED_COMMENT_BYTES } from './minisign';

/**
 * The trusted comment of a bundle signature (docs/bundle-format.md §2). minisign prints
 * it after verifying, so the media checkpoint sees who sent what to whom.
 */

export interface BundleComment {
  bundleId: string;
  from: string;
  fingerprint: string;
  to: string[];
  size: number;
  created: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PATTERN = new RegExp(
  `^mingjing-bundle v1 id=(${UUID}) from=(${UUID}) fp=(\\d{4}(?:-\\d{4}){7}) to=(${UUID}(?:,${UUID})*) size=(0|[1-9]\\d{0,15}) created=(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{3})?Z)$`,
);

export function formatBundleComment(c: BundleComment): string {
  const text = `mingjing-bundle v1 id=${c.bundleId} from=${c.from} fp=${fingerprintToken(c.fingerprint)} to=${c.to.join(',')} size=${c.size} created=${c.created}`;
  if (!PATTERN.test(text) || Buffer.byteLength(text) > MAX_TRUSTED_COMMENT_BYTES) {
    throw new Error('bundle comment fields out of range');
  }
  return text;
}

/** Parses the comment; null when it is not a bundle comment (the caller picks the error). */
export function parseBundleComment(text: string): BundleComment | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const size = Number(m[5]);
  if (!Number.isSafeInteger(size)) return null;
  return {
    bundleId: m[1]!,
    from: m[2]!,
    fingerprint: fingerprintFromToken(m[3]!)!,
    to: m[4]!.split(','),
    size,
    created: m[6]!,
  };
}

/** The claimed fingerprint of a comment not yet verified, for "unknown signer" messages. */
export function claimedFingerprint(text: string): string | null {
  const m = /(?:^| )fp=(\d{4}(?:-\d{4}){7})(?: |$)/.exec(text);
  return m ? fingerprintFromToken(m[1]!) : null;
}

export function bundleCommentOrThrow(text: string): BundleComment {
  const parsed = parseBundleComment(text);
  if (!parsed) throw new AppError('BUNDLE_SIGNATURE_MALFORMED');
  return parsed;
}
