/**
 * The unit's emblem as read from a workbook: the image file's bytes, checked to be a PNG or a
 * JPEG, with its size in pixels from the file header. Pure: used by the .xlsx reader and the
 * Office.js adapter alike. Nothing is decoded beyond the header.
 */
import type { EmblemImage } from "./types";

/** The largest emblem accepted (bytes): a crest printed 1.5 cm high needs far less. */
export const MAX_EMBLEM_BYTES = 5 * 1024 * 1024;
/** Side lengths beyond this are not an emblem (and Word refuses huge drawings). */
const MAX_SIDE = 20000;

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function u32be(b: Uint8Array, o: number): number {
  return ((b[o] << 24) >>> 0) + (b[o + 1] << 16) + (b[o + 2] << 8) + b[o + 3];
}

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  // signature, then the IHDR chunk: length (13), "IHDR", width, height
  if (b.length < 24 || !PNG_SIG.every((x, i) => b[i] === x)) return null;
  if (String.fromCharCode(b[12], b[13], b[14], b[15]) !== "IHDR") return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let p = 2;
  while (p + 9 < b.length) {
    if (b[p] !== 0xff) return null;
    const marker = b[p + 1];
    if (marker === 0xff) {
      p++;
      continue;
    }
    const len = (b[p + 2] << 8) + b[p + 3];
    if (len < 2) return null;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: (b[p + 5] << 8) + b[p + 6], width: (b[p + 7] << 8) + b[p + 8] };
    if (marker === 0xda || marker === 0xd9) return null;
    p += 2 + len;
  }
  return null;
}

/**
 * The emblem of an image file's bytes, or why it is not one: a PNG or JPEG with a sensible size,
 * at most MAX_EMBLEM_BYTES.
 */
export function emblemOf(data: Uint8Array): { ok: true; emblem: EmblemImage } | { ok: false; reason: string } {
  if (data.length > MAX_EMBLEM_BYTES) return { ok: false, reason: `larger than ${MAX_EMBLEM_BYTES / 1048576} MB` };
  const png = pngSize(data);
  const size = png ?? jpegSize(data);
  if (!size) return { ok: false, reason: "not a PNG or JPEG image" };
  if (size.width < 1 || size.height < 1 || size.width > MAX_SIDE || size.height > MAX_SIDE)
    return { ok: false, reason: `unusable size ${size.width}×${size.height}` };
  return { ok: true, emblem: { type: png ? "png" : "jpeg", data, width: size.width, height: size.height } };
}
