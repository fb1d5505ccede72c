/**
 * Zip packages (.xlsx, .docx) patched in place: the entries we do not change are copied as
 * raw bytes (local header, compressed data, data descriptor and central-directory record,
 * byte for byte); only added or replaced entries are compressed, by fflate. So a part we do
 * not touch keeps its exact compressed bytes, CRC and timestamps. No Node APIs: this runs in
 * the browser too. Shared by the .xlsx and .docx adapters (src/ooxml is a library, not an adapter).
 *
 * Reading here is only what patching needs (the central directory and the few parts we
 * rewrite); the analysis reads the package through the reader of src/xlsx (issue 7).
 */
import { inflateSync, zipSync } from "fflate";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  localOffset: number;
  /** The central-directory record, as in the file. */
  central: Uint8Array;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function put32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}
function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
}

const utf8 = new TextDecoder("utf-8");

/** The central directory: every entry with where its bytes are. Zip64 is refused. */
export function zipEntries(data: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (u32(data, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("not a zip file (no end of central directory)");
  const count = u16(data, eocd + 10);
  const cdSize = u32(data, eocd + 12);
  const cdOffset = u32(data, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    throw new ZipError("zip64 packages are not supported");
  if (cdOffset + cdSize > eocd) throw new ZipError("central directory out of bounds");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > data.length || u32(data, p) !== CENTRAL) throw new ZipError("bad central directory record");
    const nameLen = u16(data, p + 28);
    const extraLen = u16(data, p + 30);
    const commentLen = u16(data, p + 32);
    const recLen = 46 + nameLen + extraLen + commentLen;
    const entry: ZipEntry = {
      name: utf8.decode(data.subarray(p + 46, p + 46 + nameLen)),
      method: u16(data, p + 10),
      compressedSize: u32(data, p + 20),
      size: u32(data, p + 24),
      localOffset: u32(data, p + 42),
      central: data.subarray(p, p + recLen),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff)
      throw new ZipError("zip64 entries are not supported");
    if (entry.localOffset + 30 > cdOffset || u32(data, entry.localOffset) !== LOCAL)
      throw new ZipError(`bad local header: ${entry.name}`);
    entries.push(entry);
    p += recLen;
  }
  return entries;
}

/** Offset of an entry's compressed data. */
function dataOffset(data: Uint8Array, e: ZipEntry): number {
  return e.localOffset + 30 + u16(data, e.localOffset + 26) + u16(data, e.localOffset + 28);
}

/** The compressed bytes of one entry, as stored in the file. */
export function rawEntry(data: Uint8Array, e: ZipEntry): Uint8Array {
  const start = dataOffset(data, e);
  return data.subarray(start, start + e.compressedSize);
}

/** The uncompressed bytes of one entry (stored or deflated). */
export function readEntry(data: Uint8Array, e: ZipEntry): Uint8Array {
  const start = dataOffset(data, e);
  const raw = data.subarray(start, start + e.compressedSize);
  if (e.method === 0) return raw;
  if (e.method === 8) return inflateSync(raw, { out: new Uint8Array(e.size) });
  throw new ZipError(`unsupported compression method ${e.method}: ${e.name}`);
}

/** A zip package opened for patching. */
export class ZipPackage {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly changes = new Map<string, Uint8Array | null>();

  constructor(readonly data: Uint8Array) {
    this.entries = zipEntries(data);
    for (const e of this.entries) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    if (this.changes.has(name)) return this.changes.get(name) !== null;
    return this.byName.has(name);
  }

  /** Every part name, with the changes so far. */
  names(): string[] {
    const out = this.entries.map((e) => e.name).filter((n) => this.has(n));
    for (const [n, v] of this.changes) if (v && !this.byName.has(n)) out.push(n);
    return out;
  }

  read(name: string): Uint8Array | null {
    if (this.changes.has(name)) return this.changes.get(name) ?? null;
    const e = this.byName.get(name);
    return e ? readEntry(this.data, e) : null;
  }

  readText(name: string): string | null {
    const b = this.read(name);
    return b ? utf8.decode(b) : null;
  }

  write(name: string, content: Uint8Array | string): void {
    this.changes.set(name, typeof content === "string" ? new TextEncoder().encode(content) : content);
  }

  remove(name: string): void {
    this.changes.set(name, null);
  }

  /** The patched package: unchanged entries raw, in their order; replaced ones in place; new ones last. */
  toBytes(): Uint8Array {
    const fresh: Record<string, Uint8Array> = {};
    for (const [n, v] of this.changes) if (v) fresh[n] = v;
    const built = Object.keys(fresh).length ? zipSync(fresh, { level: 3, mtime: new Date(1980, 0, 1) }) : null;
    const builtEntries = new Map<string, ZipEntry>();
    if (built) for (const e of zipEntries(built)) builtEntries.set(e.name, e);

    // where each original entry's bytes end: the next entry's start, or the central directory
    const sorted = [...this.entries].sort((a, b) => a.localOffset - b.localOffset);
    const cdStart = eocdCdOffset(this.data);
    const ends = new Map<ZipEntry, number>();
    sorted.forEach((e, i) => ends.set(e, i + 1 < sorted.length ? sorted[i + 1].localOffset : cdStart));
    const builtSorted = built ? [...builtEntries.values()].sort((a, b) => a.localOffset - b.localOffset) : [];
    const builtEnds = new Map<ZipEntry, number>();
    builtSorted.forEach((e, i) =>
      builtEnds.set(e, i + 1 < builtSorted.length ? builtSorted[i + 1].localOffset : eocdCdOffset(built!)),
    );

    const pieces: Array<{ local: Uint8Array; central: Uint8Array }> = [];
    const take = (src: Uint8Array, e: ZipEntry, end: number) => ({
      local: src.subarray(e.localOffset, end),
      central: e.central,
    });
    for (const e of this.entries) {
      if (!this.changes.has(e.name)) pieces.push(take(this.data, e, ends.get(e)!));
      else if (this.changes.get(e.name)) {
        const b = builtEntries.get(e.name)!;
        pieces.push(take(built!, b, builtEnds.get(b)!));
      }
    }
    for (const [n, v] of this.changes) {
      if (v && !this.byName.has(n)) {
        const b = builtEntries.get(n)!;
        pieces.push(take(built!, b, builtEnds.get(b)!));
      }
    }
    if (pieces.length > 0xfffe) throw new ZipError("too many entries");
    const localSize = pieces.reduce((s, p) => s + p.local.length, 0);
    const centralSize = pieces.reduce((s, p) => s + p.central.length, 0);
    if (localSize + centralSize > 0xfffffff0) throw new ZipError("package too large");
    const out = new Uint8Array(localSize + centralSize + 22);
    let o = 0;
    const offsets: number[] = [];
    for (const p of pieces) {
      offsets.push(o);
      out.set(p.local, o);
      o += p.local.length;
    }
    const cd = o;
    pieces.forEach((p, i) => {
      out.set(p.central, o);
      put32(out, o + 42, offsets[i]);
      o += p.central.length;
    });
    put32(out, o, EOCD);
    put16(out, o + 8, pieces.length);
    put16(out, o + 10, pieces.length);
    put32(out, o + 12, o - cd);
    put32(out, o + 16, cd);
    return out;
  }
}

function eocdCdOffset(data: Uint8Array): number {
  for (let i = data.length - 22; i >= 0; i--) if (u32(data, i) === EOCD) return u32(data, i + 16);
  throw new ZipError("no end of central directory");
}
