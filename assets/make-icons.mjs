// Draws the add-in icons (a bar chart with a check mark on a teal tile) as PNGs with no
// dependencies: node assets/make-icons.mjs. Sizes: 16, 32, 64, 80 (ribbon and manifest).
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = (buf) => {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const TEAL = [0, 120, 110];
const WHITE = [255, 255, 255];
const GOLD = [255, 196, 0];
// shapes in a 0..1 unit square, sampled 4×4 per pixel for smooth edges
function colourAt(u, v) {
  const r = 0.16;
  const inTile = (() => {
    const cx = Math.min(Math.max(u, r), 1 - r);
    const cy = Math.min(Math.max(v, r), 1 - r);
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  })();
  if (!inTile) return null;
  const bars = [
    [0.18, 0.3, 0.55],
    [0.38, 0.5, 0.4],
    [0.58, 0.7, 0.25],
  ];
  for (const [x0, x1, top] of bars) if (u >= x0 && u <= x1 && v >= top && v <= 0.82) return WHITE;
  // pass line
  if (v >= 0.34 && v <= 0.39 && u >= 0.12 && u <= 0.88) return GOLD;
  return TEAL;
}
function pixel(size) {
  return (x, y) => {
    let acc = [0, 0, 0, 0];
    const n = 4;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const c = colourAt((x + (i + 0.5) / n) / size, (y + (j + 0.5) / n) / size);
        if (c) acc = [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2], acc[3] + 1];
      }
    if (!acc[3]) return [0, 0, 0, 0];
    return [Math.round(acc[0] / acc[3]), Math.round(acc[1] / acc[3]), Math.round(acc[2] / acc[3]), Math.round((255 * acc[3]) / (n * n))];
  };
}
for (const size of [16, 32, 64, 80]) writeFileSync(join(here, `icon-${size}.png`), png(size, pixel(size)));
console.log("icons written");
