// Draws the app icon (a small network on a rounded tile) and writes it in every format the
// installers need: icon.png (1024), icon.icns (macOS), icon.ico (Windows), icons/NxN.png (Linux).
// Run: node build/generate-icons.js
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { stdout } from 'node:process';
import { deflateSync } from 'node:zlib';

const OUT = import.meta.dirname;

const NODES = [
  { x: 0.5, y: 0.5, r: 0.085, color: [245, 158, 11] },
  { x: 0.27, y: 0.3, r: 0.055, color: [255, 255, 255] },
  { x: 0.74, y: 0.27, r: 0.055, color: [255, 255, 255] },
  { x: 0.78, y: 0.66, r: 0.05, color: [255, 255, 255] },
  { x: 0.3, y: 0.73, r: 0.05, color: [255, 255, 255] },
  { x: 0.53, y: 0.82, r: 0.04, color: [255, 255, 255] },
];
const EDGES = [
  [0, 1],
  [0, 2],
  [0, 3],
  [0, 4],
  [1, 2],
  [3, 5],
  [4, 5],
  [1, 4],
];
const TILE = { inset: 0.09, radius: 0.2 };
const EDGE_WIDTH = 0.022;

function insideRoundedTile(x, y) {
  const a = TILE.inset;
  const b = 1 - TILE.inset;
  const r = TILE.radius;
  if (x < a || x > b || y < a || y > b) return false;
  const cx = Math.min(Math.max(x, a + r), b - r);
  const cy = Math.min(Math.max(y, a + r), b - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour of one sample point as [r, g, b, a] (0–255, straight alpha). */
function sample(x, y) {
  if (!insideRoundedTile(x, y)) return [0, 0, 0, 0];
  const t = (x + y) / 2;
  let color = [30 + (13 - 30) * t, 58 + (148 - 58) * t, 138 + (136 - 138) * t];
  for (const [i, j] of EDGES) {
    const a = NODES[i];
    const b = NODES[j];
    if (segmentDistance(x, y, a.x, a.y, b.x, b.y) < EDGE_WIDTH / 2)
      color = color.map((c) => c * 0.25 + 255 * 0.75);
  }
  for (const node of NODES) {
    const d = Math.hypot(x - node.x, y - node.y);
    if (d < node.r) color = d > node.r * 0.8 ? [255, 255, 255] : [...node.color];
  }
  return [...color, 255];
}

function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const grid = size >= 256 ? 3 : 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const [r, g, b, a] = sample(
            (px + (sx + 0.5) / grid) / size,
            (py + (sy + 0.5) / grid) / size,
          );
          sum[0] += r * a;
          sum[1] += g * a;
          sum[2] += b * a;
          sum[3] += a;
        }
      }
      const o = (py * size + px) * 4;
      const alpha = sum[3];
      pixels[o] = alpha ? Math.round(sum[0] / alpha) : 0;
      pixels[o + 1] = alpha ? Math.round(sum[1] / alpha) : 0;
      pixels[o + 2] = alpha ? Math.round(sum[2] / alpha) : 0;
      pixels[o + 3] = Math.round(alpha / (grid * grid));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const pixels = render(size);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const images = new Map(sizes.map((size) => [size, png(size)]));

writeFileSync(join(OUT, 'icon.png'), images.get(1024));
for (const size of [16, 32, 48, 64, 128, 256, 512])
  writeFileSync(join(OUT, 'icons', `${size}x${size}.png`), images.get(size));

// Windows: an ICO directory of PNG images (supported since Vista).
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
const icoHeader = Buffer.alloc(6 + 16 * icoSizes.length);
icoHeader.writeUInt16LE(0, 0);
icoHeader.writeUInt16LE(1, 2);
icoHeader.writeUInt16LE(icoSizes.length, 4);
let offset = icoHeader.length;
icoSizes.forEach((size, i) => {
  const data = images.get(size);
  const at = 6 + 16 * i;
  icoHeader[at] = size === 256 ? 0 : size;
  icoHeader[at + 1] = size === 256 ? 0 : size;
  icoHeader.writeUInt16LE(1, at + 4);
  icoHeader.writeUInt16LE(32, at + 6);
  icoHeader.writeUInt32LE(data.length, at + 8);
  icoHeader.writeUInt32LE(offset, at + 12);
  offset += data.length;
});
writeFileSync(
  join(OUT, 'icon.ico'),
  Buffer.concat([icoHeader, ...icoSizes.map((s) => images.get(s))]),
);

// macOS: an ICNS container of PNG images, 1x and 2x.
const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];
const entries = icnsTypes.map(([type, size]) => {
  const data = images.get(size);
  const head = Buffer.alloc(8);
  head.write(type, 0, 'ascii');
  head.writeUInt32BE(data.length + 8, 4);
  return Buffer.concat([head, data]);
});
const icnsHead = Buffer.alloc(8);
icnsHead.write('icns', 0, 'ascii');
icnsHead.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
writeFileSync(join(OUT, 'icon.icns'), Buffer.concat([icnsHead, ...entries]));
stdout.write(`Icons written to ${OUT}\n`);
