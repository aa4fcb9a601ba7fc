import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';
import { decodeRawBase64, encodeRawBase64 } from './base64';
import type { ByteReader } from './byte-reader';

/** The textual header of an age v1 file (age-encryption.org/v1), parsed strictly. */

export const AGE_INTRO = 'age-encryption.org/v1';
export const MAX_AGE_HEADER_BYTES = 64 * 1024;
const BODY_LINE = 64;

export interface Stanza {
  type: string;
  args: string[];
  body: Buffer;
}

export interface AgeHeader {
  stanzas: Stanza[];
  /** Header bytes from the intro up to and including "---": what the MAC covers. */
  macInput: Buffer;
  mac: Buffer;
}

const invalid = () => new AppError('BUNDLE_HEADER_INVALID');

function isArgument(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 33 || c > 126) return false;
  }
  return true;
}

export function stanzaText(stanza: Stanza): string {
  const encoded = encodeRawBase64(stanza.body);
  const lines: string[] = [];
  for (let at = 0; at <= encoded.length; at += BODY_LINE) lines.push(encoded.slice(at, at + BODY_LINE));
  // A body always ends with a line shorter than 64 characters, possibly empty.
  return `-> ${[stanza.type, ...stanza.args].join(' ')}\n${lines.join('\n')}\n`;
}

/** The header text up to "---" (the MAC input), for writing. */
export function headerMacInput(stanzas: Stanza[]): Buffer {
  return Buffer.from(`${AGE_INTRO}\n${stanzas.map(stanzaText).join('')}---`, 'latin1');
}

export function headerMacKey(fileKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, Buffer.alloc(0), 'header', 32));
}

export function headerMac(fileKey: Buffer, macInput: Buffer): Buffer {
  return createHmac('sha256', headerMacKey(fileKey)).update(macInput).digest();
}

export function checkHeaderMac(fileKey: Buffer, header: AgeHeader): void {
  if (!timingSafeEqual(headerMac(fileKey, header.macInput), header.mac))
    throw new AppError('BUNDLE_HEADER_ALTERED');
}

/** Reads the header from the start of the stream; leaves the reader at the payload nonce. */
export async function readAgeHeader(reader: ByteReader): Promise<AgeHeader> {
  const parts: Buffer[] = [];
  let used = 0;
  const nextLine = async (): Promise<string> => {
    const result = await reader.readLine(MAX_AGE_HEADER_BYTES - used);
    if (result.line === null) throw result.reason === 'eof' ? new AppError('BUNDLE_TRUNCATED') : invalid();
    used += result.line.length + 1;
    const text = result.line.toString('latin1');
    return text;
  };
  const keep = (text: string, newline = true) =>
    parts.push(Buffer.from(newline ? `${text}\n` : text, 'latin1'));

  const intro = await nextLine();
  if (intro !== AGE_INTRO) throw invalid();
  keep(intro);
  const stanzas: Stanza[] = [];
  for (;;) {
    const line = await nextLine();
    if (line.startsWith('---')) {
      if (!line.startsWith('--- ')) throw invalid();
      const mac = decodeRawBase64(line.slice(4));
      if (!mac || mac.length !== 32 || stanzas.length === 0) throw invalid();
      keep('---', false);
      return { stanzas, macInput: Buffer.concat(parts), mac };
    }
    if (!line.startsWith('-> ')) throw invalid();
    const [type, ...args] = line.slice(3).split(' ');
    if (!type || !isArgument(type) || !args.every(isArgument)) throw invalid();
    keep(line);
    const body: Buffer[] = [];
    for (;;) {
      const bodyLine = await nextLine();
      if (bodyLine.length > BODY_LINE) throw invalid();
      const bytes = decodeRawBase64(bodyLine);
      if (!bytes) throw invalid();
      keep(bodyLine);
      body.push(bytes);
      if (bodyLine.length < BODY_LINE) break;
    }
    stanzas.push({ type, args, body: Buffer.concat(body) });
  }
}
