/**
 * The strict ustar subset of bundle archives: regular files only, one fixed header
 * layout. Reading rebuilds the header from (name, size, mtime) and compares all 512
 * bytes, so no other tar feature (links, pax, GNU names, prefix…) can slip through.
 */

export const BLOCK = 512;
const MAX_OCTAL_11 = 8 ** 11 - 1;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

export function ustarHeader(name: string, size: number, mtime: number): Buffer {
  const nameBytes = Buffer.from(name, 'latin1');
  if (nameBytes.length === 0 || nameBytes.length > 99 || !/^[\x21-\x7e]+$/.test(name)) {
    throw new Error('entry name must be 1–99 printable ASCII bytes');
  }
  if (!Number.isSafeInteger(size) || size < 0 || size > MAX_OCTAL_11)
    throw new Error('entry size out of range');
  if (!Number.isSafeInteger(mtime) || mtime < 0 || mtime > MAX_OCTAL_11)
    throw new Error('mtime out of range');
  const h = Buffer.alloc(BLOCK);
  nameBytes.copy(h, 0);
  h.write('0000644\0', 100, 'latin1');
  h.write('0000000\0', 108, 'latin1');
  h.write('0000000\0', 116, 'latin1');
  h.write(octal(size, 12), 124, 'latin1');
  h.write(octal(mtime, 12), 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write('0', 156, 'latin1');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  h.write('mingjing', 265, 'latin1');
  h.write('mingjing', 297, 'latin1');
  h.write('0000000\0', 329, 'latin1');
  h.write('0000000\0', 337, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

function readOctal11(field: Buffer): number | null {
  const text = field.toString('latin1');
  return /^[0-7]{11}\0$/.test(text) ? parseInt(text.slice(0, 11), 8) : null;
}

/** `end` for a zero block; null for anything that is not exactly our header. */
export function parseUstarHeader(
  block: Buffer,
): { name: string; size: number; mtime: number } | 'end' | null {
  if (block.length !== BLOCK) return null;
  if (block.every((b) => b === 0)) return 'end';
  const nul = block.indexOf(0);
  if (nul <= 0 || nul > 99) return null;
  const name = block.toString('latin1', 0, nul);
  const size = readOctal11(block.subarray(124, 136));
  const mtime = readOctal11(block.subarray(136, 148));
  if (size === null || mtime === null || !/^[\x21-\x7e]+$/.test(name)) return null;
  return ustarHeader(name, size, mtime).equals(block) ? { name, size, mtime } : null;
}

export function paddingFor(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}
