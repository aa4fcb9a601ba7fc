#!/usr/bin/env node
// Draws the application icon — a bright round mirror (明镜) on a deep red tile —
// and writes resources/icon.png (512×512) and resources/icon.ico (PNG entries,
// 16–256 px). No dependencies, no network: PNG is encoded with node:zlib.
// Run again after changing the drawing; the outputs are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Colour at (u, v) in [0,1]², as [r, g, b, a] in 0..1 (before antialiasing). */
function shade(u, v) {
  const x = u - 0.5;
  const y = v - 0.5;
  // Rounded-square tile.
  const r = 0.2;
  const qx = Math.max(Math.abs(x) - (0.5 - r - 0.02), 0);
  const qy = Math.max(Math.abs(y) - (0.5 - r - 0.02), 0);
  if (Math.hypot(qx, qy) > r) return [0, 0, 0, 0];
  const d = Math.hypot(x, y);
  const tile = [0.55 - 0.15 * v, 0.08, 0.1, 1]; // deep red, darker towards the bottom
  if (d > 0.36) return tile;
  if (d > 0.32) return [0.93, 0.75, 0.3, 1]; // gold rim
  // Mirror face: pale, with a diagonal highlight band.
  const band = Math.abs(x + y + 0.08);
  const light = band < 0.05 ? 1 : band < 0.09 ? 0.93 : 0.86;
  return [light * 0.92, light * 0.96, light, 1];
}

function render(size) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [cr, cg, cb, ca] = shade(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const n = samples * samples;
      const i = (py * size + px) * 4;
      rgba[i] = a ? Math.round((r / a) * 255) : 0;
      rgba[i + 1] = a ? Math.round((g / a) * 255) : 0;
      rgba[i + 2] = a ? Math.round((b / a) * 255) : 0;
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return encodePng(size, rgba);
}

function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bpp
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'icon.png'), render(512));
writeFileSync(
  path.join(out, 'icon.ico'),
  encodeIco([256, 128, 64, 48, 32, 16].map((size) => ({ size, png: render(size) }))),
);
console.log(`icons written to ${path.relative(process.cwd(), out) || out}`);
