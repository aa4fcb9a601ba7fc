/** Standard base64 without padding, strict: the only accepted spelling of given bytes. */
const ALPHABET = /^[A-Za-z0-9+/]*$/;

export function encodeRawBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '');
}

/** Returns null unless `text` is the canonical unpadded base64 of some bytes. */
export function decodeRawBase64(text: string): Buffer | null {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64');
  return encodeRawBase64(bytes) === text ? bytes : null;
}

/** Padded standard base64 (minisign's spelling), strict. */
export function decodePaddedBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}
