/**
 * The bounded .xlsx reader: bytes → the layout sheets' grids and cell facts, or one Issue.
 *
 * - Knows what a file is before reading it: an encrypted workbook (OLE2 with EncryptionInfo), an
 *   .xls, .xlsm, .xlsb, .ods, a renamed .docx, a .csv each get their own message.
 * - Reads the zip's central directory itself and inflates ONLY the parts the analysis needs
 *   (package and workbook rels, workbook.xml, sharedStrings, styles, and the sheets whose names
 *   match a layout sheet). Drawings, charts, pivot tables, media, comments are never inflated,
 *   except the settings sheet's drawing and its first picture (the memo's emblem, at most 5 MB).
 * - Each inflated part is checked against its declared size and a limit before and while it is
 *   inflated (streamed in small chunks, so a zip bomb stops at the limit), and its CRC-32 is verified.
 * - Sheet XML is parsed as a stream with saxes (no external entities, no DTD expansion); a layout
 *   sheet stops at a row, column and cell limit with a clear error.
 * No Node APIs here: the same code runs in the browser (task pane, lazy chunk).
 */
import { Inflate } from "fflate";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { makeIssue, type Issue, type IssueCode, type IssueParams, type ParamsArg } from "../core/messages";
import { a1, cellsOf, normLabel, parseA1 } from "../layout/grid";
import { emblemOf, MAX_EMBLEM_BYTES } from "../core/emblem";
import type { EmblemImage } from "../core/types";
import { INPUT_SHEETS, SHEETS } from "../layout/names";
import type { Cell, Grid, SheetFacts, WorkbookFacts } from "../layout/sheetSpec";

export interface ReadLimits {
  /** Inflated bytes of one part (a sheet, the shared strings). */
  partBytes: number;
  /** Inflated bytes of every part read, together. */
  totalBytes: number;
  /** Rows and columns of a layout sheet (1-based last row/column holding a value). */
  rows: number;
  columns: number;
  /** Cells of a layout sheet's grid (rows × their used width, summed). */
  cells: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  partBytes: 50 * 1024 * 1024,
  totalBytes: 200 * 1024 * 1024,
  rows: 100_000,
  columns: 16_384,
  cells: 4_000_000,
};

export type ReadResult = { ok: true; sheets: Record<string, Grid>; facts: WorkbookFacts } | { ok: false; issue: Issue };

/** Thrown inside the reader only; turned into a ReadResult at the top. */
class Stop extends Error {
  constructor(public issue: Issue) {
    super(issue.code);
  }
}

function stop<C extends IssueCode>(code: C, params: IssueParams<C>, sheet?: string): never {
  throw new Stop(makeIssue(code, "error", sheet ? { sheet } : {}, ...([params] as ParamsArg<C>)));
}

// ---------- file kinds ----------

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return b.length >= sig.length && sig.every((x, i) => b[i] === x);
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, limit = hay.length): number {
  const end = Math.min(hay.length, limit) - needle.length;
  const first = needle[0];
  for (let i = 0; i <= end; i++) {
    if (hay[i] !== first) continue;
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}

/** Plain text (UTF-8, no NUL, mostly printable) with commas, tabs or semicolons: a CSV. */
function looksLikeCsv(b: Uint8Array, fileName: string): boolean {
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return true;
  const head = b.subarray(0, 4096);
  if (head.length === 0 || head.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, head.length - 4));
  } catch {
    return false;
  }
  return /[,\t;]/.test(text) && /\n/.test(text + "\n");
}

/** Whether bytes start like a zip file (every .xlsx is one). */
export function looksLikeXlsx(data: ArrayBuffer | Uint8Array): boolean {
  const b = data instanceof Uint8Array ? data : new Uint8Array(data);
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

// ---------- zip ----------

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function zipEntries(b: Uint8Array, path: string): Map<string, Entry> {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u32 = (o: number) => dv.getUint32(o, true);
  const u16 = (o: number) => dv.getUint16(o, true);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) stop("FILE_CORRUPT", { path, detail: "zip directory not found (truncated file?)" });
  const count = u16(eocd + 10);
  const cdSize = u32(eocd + 12);
  const cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    stop("FILE_CORRUPT", { path, detail: "zip64 archives are not supported (file too large)" });
  if (cdOffset + cdSize > eocd) stop("FILE_CORRUPT", { path, detail: "zip directory out of bounds" });
  const entries = new Map<string, Entry>();
  const utf8 = new TextDecoder("utf-8");
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || u32(p) !== 0x02014b50) stop("FILE_CORRUPT", { path, detail: "bad zip directory entry" });
    const flags = u16(p + 8);
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    if (p + 46 + nameLen > eocd) stop("FILE_CORRUPT", { path, detail: "bad zip directory entry" });
    const name = utf8
      .decode(b.subarray(p + 46, p + 46 + nameLen))
      .replace(/\\/g, "/")
      .replace(/^\//, "");
    const entry: Entry = {
      name,
      flags,
      method: u16(p + 10),
      crc: u32(p + 16),
      compressedSize: u32(p + 20),
      size: u32(p + 24),
      localOffset: u32(p + 42),
    };
    const key = name.toLowerCase();
    if (entries.has(key)) stop("FILE_CORRUPT", { path, detail: `zip entry '${name}' appears twice` });
    entries.set(key, entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crcUpdate(crc: number, d: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < d.length; i++) c = CRC_TABLE[(c ^ d[i]) & 0xff] ^ (c >>> 8);
  return c;
}

const CHUNK = 16 * 1024;

class Zip {
  private entries: Map<string, Entry>;
  private inflated = 0;
  constructor(
    private bytes: Uint8Array,
    readonly path: string,
    private limits: ReadLimits,
  ) {
    this.entries = zipEntries(bytes, path);
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** The declared inflated size of a part (nothing is inflated), or -1 when it is absent. */
  declaredSize(name: string): number {
    return this.entries.get(name.toLowerCase())?.size ?? -1;
  }

  /** A part's inflated bytes (bounded and checked as `stream`). */
  partBytes(name: string): Uint8Array {
    const out = new Uint8Array(Math.max(0, this.declaredSize(name)));
    let at = 0;
    this.stream(name, (c) => {
      out.set(c, at);
      at += c.length;
    });
    return out;
  }

  /**
   * Streams the inflated bytes of a part to `sink` in small chunks. Checks the declared size
   * against the limits first, the actual size while inflating, and the CRC at the end.
   */
  stream(name: string, sink: (chunk: Uint8Array) => void, sheet?: string): void {
    const e = this.entries.get(name.toLowerCase());
    if (!e) stop("FILE_CORRUPT", { path: this.path, detail: `missing part ${name}` });
    const tooLarge = () =>
      stop("FILE_PART_TOO_LARGE", { path: this.path, part: e.name, limit: this.limits.partBytes / 1048576 }, sheet);
    const tooLargeTotal = () =>
      stop("FILE_TOO_LARGE_TOTAL", { path: this.path, limit: this.limits.totalBytes / 1048576 }, sheet);
    if (e.flags & 1) stop("FILE_ENCRYPTED", { path: this.path });
    if (e.size > this.limits.partBytes) tooLarge();
    if (this.inflated + e.size > this.limits.totalBytes) tooLargeTotal();
    const dv = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const lo = e.localOffset;
    if (lo + 30 > this.bytes.length || dv.getUint32(lo, true) !== 0x04034b50)
      stop("FILE_CORRUPT", { path: this.path, detail: `bad local header of ${e.name}` });
    const start = lo + 30 + dv.getUint16(lo + 26, true) + dv.getUint16(lo + 28, true);
    const end = start + e.compressedSize;
    if (end > this.bytes.length) stop("FILE_CORRUPT", { path: this.path, detail: `${e.name} is truncated` });
    let crc = -1;
    let got = 0;
    const take = (chunk: Uint8Array) => {
      got += chunk.length;
      if (got > e.size) {
        // more than declared: a lie (or a bomb); stop before it grows further
        if (got > this.limits.partBytes) tooLarge();
        stop("FILE_CORRUPT_ENTRY", { path: this.path, part: e.name });
      }
      if (this.inflated + got > this.limits.totalBytes) tooLargeTotal();
      crc = crcUpdate(crc, chunk);
      sink(chunk);
    };
    if (e.method === 0) {
      for (let p = start; p < end; p += CHUNK) take(this.bytes.subarray(p, Math.min(end, p + CHUNK)));
    } else if (e.method === 8) {
      const inf = new Inflate((chunk) => {
        // fflate hands out whole windows; pass them on in small pieces so the sink stays bounded
        for (let p = 0; p < chunk.length; p += CHUNK) take(chunk.subarray(p, Math.min(chunk.length, p + CHUNK)));
      });
      try {
        // 1 KB of deflate inflates to at most ~1 MB: each push stays small
        for (let p = start; p < end; p += 1024) inf.push(this.bytes.subarray(p, Math.min(end, p + 1024)), false);
        inf.push(new Uint8Array(0), true);
      } catch (err) {
        if (err instanceof Stop) throw err;
        stop("FILE_CORRUPT_ENTRY", { path: this.path, part: e.name });
      }
    } else stop("FILE_CORRUPT", { path: this.path, detail: `${e.name}: unsupported compression ${e.method}` });
    if (got !== e.size || (crc ^ -1) >>> 0 !== e.crc >>> 0)
      stop("FILE_CORRUPT_ENTRY", { path: this.path, part: e.name });
    this.inflated += got;
  }

  /** A small part as text (package metadata: rels, content types, workbook.xml). */
  text(name: string): string {
    const parts: string[] = [];
    const dec = new TextDecoder("utf-8");
    this.stream(name, (c) => parts.push(dec.decode(c, { stream: true })));
    parts.push(dec.decode());
    return parts.join("");
  }
}

/**
 * The declared inflated size of every entry of a zip, summed (0 when the bytes are not a zip).
 * For writers that must copy the whole package: nothing is inflated to know it.
 */
export function declaredPackageSize(data: Uint8Array): number {
  if (!looksLikeXlsx(data)) return 0;
  try {
    let n = 0;
    for (const e of zipEntries(data, "").values()) n += e.size;
    return n;
  } catch {
    return 0;
  }
}

// ---------- XML ----------

function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Attribute by local name (any prefix), e.g. "id" finds r:id. */
function attr(tag: SaxesTagPlain, name: string, prefixed = false): string | undefined {
  if (!prefixed) {
    const v = tag.attributes[name];
    return typeof v === "string" ? v : undefined;
  }
  for (const k in tag.attributes) if (k.includes(":") && local(k) === name) return tag.attributes[k] as string;
  return undefined;
}

interface XmlHandlers {
  open?(name: string, tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(t: string): void;
}

/** Parses a part as a stream of XML events (local names). */
function parseXml(zip: Zip, name: string, h: XmlHandlers, sheet?: string): void {
  const parser = new SaxesParser({ position: false });
  let failure: Error | null = null;
  parser.on("error", (err) => {
    failure = failure ?? err;
  });
  if (h.open) parser.on("opentag", (tag) => h.open!(local(tag.name), tag as SaxesTagPlain));
  if (h.close) parser.on("closetag", (tag) => h.close!(local(tag.name)));
  if (h.text) {
    parser.on("text", (t) => h.text!(t));
    parser.on("cdata", (t) => h.text!(t));
  }
  const dec = new TextDecoder("utf-8");
  const check = () => {
    if (failure)
      stop("FILE_CORRUPT", { path: zip.path, detail: `${name}: ${(failure as Error).message.split("\n")[0]}` }, sheet);
  };
  zip.stream(
    name,
    (chunk) => {
      parser.write(dec.decode(chunk, { stream: true }));
      check();
    },
    sheet,
  );
  parser.write(dec.decode());
  parser.close();
  check();
}

// ---------- workbook parts ----------

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsOf(zip: Zip, part: string): Map<string, { target: string; type: string }> {
  const dir = part.split("/").slice(0, -1).join("/");
  const relsName = `${dir ? `${dir}/` : ""}_rels/${part.split("/").pop()}.rels`;
  const out = new Map<string, { target: string; type: string }>();
  if (!zip.has(relsName)) return out;
  parseXml(zip, relsName, {
    open(name, tag) {
      if (name !== "Relationship") return;
      const id = attr(tag, "Id");
      const target = attr(tag, "Target");
      if (!id || !target || attr(tag, "TargetMode") === "External") return;
      out.set(id, { target: resolveTarget(part, decodeURI(target)), type: attr(tag, "Type") ?? "" });
    },
  });
  return out;
}

/** Number formats that show a date, by built-in id. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function formatKind(id: number, code: string | undefined): "percent" | "date" | null {
  if (id === 9 || id === 10) return "percent";
  if (code === undefined) return DATE_FORMAT_IDS.has(id) ? "date" : null;
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (bare.includes("%")) return "percent";
  if (/E[+-]/i.test(bare) || /general/i.test(bare)) return null;
  return /[dmyhse]/i.test(bare) ? "date" : null;
}

interface Styles {
  kinds: Array<"percent" | "date" | null>;
}

function readStyles(zip: Zip, part: string | undefined): Styles {
  const kinds: Styles["kinds"] = [];
  if (!part || !zip.has(part)) return { kinds };
  const codes = new Map<number, string>();
  let inXfs = false;
  parseXml(zip, part, {
    open(name, tag) {
      if (name === "numFmt") codes.set(Number(attr(tag, "numFmtId")), attr(tag, "formatCode") ?? "");
      else if (name === "cellXfs") inXfs = true;
      else if (name === "xf" && inXfs) {
        const id = Number(attr(tag, "numFmtId") ?? 0);
        kinds.push(formatKind(id, codes.get(id)));
      }
    },
    close(name) {
      if (name === "cellXfs") inXfs = false;
    },
  });
  return { kinds };
}

function readSharedStrings(zip: Zip, part: string | undefined): string[] {
  const out: string[] = [];
  if (!part || !zip.has(part)) return out;
  let inSi = false;
  let inT = false;
  let skip = 0; // inside rPh (phonetic run): not part of the text
  let cur: string[] = [];
  parseXml(zip, part, {
    open(name) {
      if (name === "si") {
        inSi = true;
        cur = [];
      } else if (name === "rPh") skip++;
      else if (name === "t" && inSi && !skip) inT = true;
    },
    close(name) {
      if (name === "si") {
        out.push(cur.join(""));
        inSi = false;
      } else if (name === "rPh") skip--;
      else if (name === "t") inT = false;
    },
    text(t) {
      if (inT) cur.push(t);
    },
  });
  return out;
}

function excelDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86400000));
}

interface SheetRead {
  grid: Grid;
  facts: SheetFacts;
}

function readSheet(
  zip: Zip,
  part: string,
  sheet: string,
  strings: string[],
  styles: Styles,
  date1904: boolean,
  limits: ReadLimits,
): SheetRead {
  const grid: Grid = [];
  const percent: string[] = [];
  const formulaNoValue: string[] = [];
  const merges: string[] = [];
  let cells = 0;
  let rowIndex = -1; // zero-based, of the current <row>
  let colIndex = -1;
  let cell: {
    row: number;
    col: number;
    t: string;
    s: number;
    f: boolean;
    v: string[] | null;
    is: string[] | null;
  } | null = null;
  let inV = false;
  let inIs = false;
  let inT = false;
  let skip = 0;
  const place = (row: number, col: number, value: Cell) => {
    if (row + 1 > limits.rows) stop("SHEET_TOO_MANY_ROWS", { sheet, limit: limits.rows, cell: a1(row, col) }, sheet);
    if (col + 1 > limits.columns)
      stop("SHEET_TOO_MANY_COLUMNS", { sheet, limit: limits.columns, cell: a1(row, col) }, sheet);
    let r = grid[row];
    if (!r) {
      for (let i = grid.length; i < row; i++) grid[i] = [];
      r = grid[row] = [];
    }
    if (col >= r.length) {
      cells += col + 1 - r.length;
      if (cells > limits.cells) stop("SHEET_TOO_LARGE", { sheet, limit: limits.cells }, sheet);
      for (let i = r.length; i < col; i++) r[i] = null;
    }
    r[col] = value;
  };
  parseXml(
    zip,
    part,
    {
      open(name, tag) {
        switch (name) {
          case "row": {
            const r = attr(tag, "r");
            rowIndex = r ? Number(r) - 1 : rowIndex + 1;
            if (!Number.isInteger(rowIndex) || rowIndex < 0)
              stop("FILE_CORRUPT", { path: zip.path, detail: `${part}: row ${r}` }, sheet);
            colIndex = -1;
            break;
          }
          case "c": {
            const ref = attr(tag, "r");
            let row = rowIndex;
            let col = colIndex + 1;
            if (ref) {
              try {
                ({ row, col } = parseA1(ref));
              } catch {
                stop("FILE_CORRUPT", { path: zip.path, detail: `${part}: cell ${ref}` }, sheet);
              }
            }
            colIndex = col;
            cell = { row, col, t: attr(tag, "t") ?? "n", s: Number(attr(tag, "s") ?? 0), f: false, v: null, is: null };
            break;
          }
          case "f":
            if (cell) cell.f = true;
            break;
          case "v":
            if (cell) {
              inV = true;
              cell.v = cell.v ?? [];
            }
            break;
          case "is":
            if (cell) {
              inIs = true;
              cell.is = [];
            }
            break;
          case "rPh":
            skip++;
            break;
          case "t":
            if (inIs && !skip) inT = true;
            break;
          case "mergeCell": {
            const ref = attr(tag, "ref");
            if (ref) merges.push(ref);
            break;
          }
        }
      },
      text(t) {
        if (inV && cell) cell.v!.push(t);
        else if (inT && cell) cell.is!.push(t);
      },
      close(name) {
        switch (name) {
          case "v":
            inV = false;
            break;
          case "t":
            inT = false;
            break;
          case "rPh":
            skip--;
            break;
          case "is":
            inIs = false;
            break;
          case "c": {
            const c = cell!;
            cell = null;
            const raw = c.v?.join("");
            let value: Cell = null;
            if (c.t === "inlineStr") value = c.is ? c.is.join("") : null;
            else if (raw === undefined || (raw === "" && c.t !== "str")) {
              if (c.f) formulaNoValue.push(a1(c.row, c.col));
              return;
            } else if (c.t === "s") {
              const i = Number(raw);
              value = strings[i] ?? null;
              if (value === null)
                stop("FILE_CORRUPT", { path: zip.path, detail: `${part}: shared string ${raw}` }, sheet);
            } else if (c.t === "str") value = raw;
            else if (c.t === "b") value = raw === "1" || raw.toLowerCase() === "true";
            else if (c.t === "e") value = raw;
            else if (c.t === "d") {
              const d = new Date(raw);
              value = Number.isNaN(d.getTime()) ? raw : d;
            } else {
              const n = Number(raw);
              if (!Number.isFinite(n) || raw.trim() === "") value = raw;
              else {
                const kind = styles.kinds[c.s] ?? null;
                if (kind === "percent") {
                  percent.push(a1(c.row, c.col));
                  value = n;
                } else if (kind === "date") value = excelDate(n, date1904);
                else value = n;
              }
            }
            if (value === null || value === "") return;
            place(c.row, c.col, value);
            break;
          }
        }
      },
    },
    sheet,
  );
  // a merged range shows its top-left value only
  for (const m of merges) {
    if (!m.includes(":")) continue;
    let first = true;
    try {
      const a = parseA1(m.split(":")[0]);
      const b = parseA1(m.split(":")[1]);
      if ((b.row - a.row + 1) * (b.col - a.col + 1) > limits.cells) continue;
      for (const [r, c] of cellsOf(m)) {
        if (first) {
          first = false;
          continue;
        }
        if (grid[r] && c < grid[r].length) grid[r][c] = null;
      }
    } catch {
      // a malformed merge reference: ignore it (Excel would repair it away)
    }
  }
  const facts: SheetFacts = {};
  if (percent.length) facts.percent = percent;
  if (formulaNoValue.length) facts.formulaNoValue = formulaNoValue;
  if (merges.length) facts.merges = merges;
  return { grid, facts };
}

// ---------- the emblem (an image on the settings sheet) ----------

/** A drawing part of the settings sheet above this size is not read for an emblem. */
const MAX_DRAWING_BYTES = 2 * 1024 * 1024;

/**
 * The first picture placed on the settings sheet, followed from the sheet to its drawing
 * (sheet rels → drawingN.xml), from the picture's blip to its media part (drawing rels →
 * xl/media/imageN.png|jpeg). Only those three small parts and the image are inflated, each
 * bounded. No picture: nothing. A picture that cannot be used: a warning, never a failure.
 */
function readEmblem(zip: Zip, sheetPart: string, sheet: string): { emblem?: EmblemImage; warning?: Issue } {
  const ignored = (detail: string) => ({
    warning: makeIssue("EMBLEM_IGNORED", "warning", { sheet }, { sheet, detail }),
  });
  try {
    const drawing = [...relsOf(zip, sheetPart).values()].find((r) => r.type.endsWith("/drawing"))?.target;
    if (!drawing || !zip.has(drawing)) return {};
    if (zip.declaredSize(drawing) > MAX_DRAWING_BYTES) return ignored("drawing part too large");
    let embed: string | undefined;
    let inPic = 0;
    parseXml(
      zip,
      drawing,
      {
        open(name, tag) {
          if (name === "pic") inPic++;
          else if (name === "blip" && inPic > 0 && embed === undefined) embed = attr(tag, "embed", true);
        },
        close(name) {
          if (name === "pic") inPic--;
        },
      },
      sheet,
    );
    if (!embed) return {};
    const media = relsOf(zip, drawing).get(embed)?.target;
    if (!media || !zip.has(media)) return ignored("image part missing");
    if (zip.declaredSize(media) > MAX_EMBLEM_BYTES) return ignored(`larger than ${MAX_EMBLEM_BYTES / 1048576} MB`);
    const got = emblemOf(zip.partBytes(media));
    return got.ok ? { emblem: got.emblem } : ignored(got.reason);
  } catch (e) {
    return ignored(e instanceof Stop ? e.issue.code : (e as Error).message);
  }
}

// the input sheets, the optional OIT and กรอบการประเมิน included (layout/names.ts)
const LAYOUT_KEYS = new Set(INPUT_SHEETS.map((n) => normLabel(n)));

/** Whether a sheet name is (after normalisation) one of the layout sheets the parser reads. */
export function isLayoutSheetName(name: string): boolean {
  return LAYOUT_KEYS.has(normLabel(name));
}

function kindOfZip(zip: Zip, path: string): void {
  const has = (n: string) => zip.has(n);
  if (has("mimetype")) {
    const t = zip.text("mimetype");
    if (t.includes("opendocument.spreadsheet")) stop("FILE_ODS", { path });
    stop("FILE_NOT_XLSX", { path });
  }
  if (has("word/document.xml")) stop("FILE_DOCX", { path });
  if (has("ppt/presentation.xml")) stop("FILE_NOT_XLSX", { path });
  if (has("xl/workbook.bin")) stop("FILE_XLSB", { path });
  if (has("xl/vbaProject.bin")) stop("FILE_XLSM", { path });
  if (has("[Content_Types].xml")) {
    const ct = zip.text("[Content_Types].xml");
    if (/sheet\.binary\.macroEnabled/i.test(ct)) stop("FILE_XLSB", { path });
    if (/macroEnabled\.main\+xml/i.test(ct)) stop("FILE_XLSM", { path });
  }
}

/**
 * Reads the layout sheets of an .xlsx (or those `select` picks: tests read generated sheets back)
 * as grids with their cell facts. Every other sheet is listed (name and visibility) but not read.
 * Bad bytes become an Issue, never an exception.
 */
export function readXlsx(
  data: ArrayBuffer | Uint8Array,
  fileName = "workbook",
  limits = DEFAULT_LIMITS,
  select: (sheetName: string) => boolean = isLayoutSheetName,
): ReadResult {
  const b = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    if (startsWith(b, OLE_MAGIC)) {
      if (indexOfBytes(b, utf16le("EncryptionInfo")) >= 0 || indexOfBytes(b, utf16le("EncryptedPackage")) >= 0)
        stop("FILE_ENCRYPTED", { path: fileName });
      stop("FILE_XLS", { path: fileName });
    }
    if (!looksLikeXlsx(b)) {
      if (b.length === 0) stop("FILE_EMPTY", { path: fileName });
      if (looksLikeCsv(b, fileName)) stop("FILE_CSV", { path: fileName });
      stop("FILE_NOT_XLSX", { path: fileName });
    }
    const zip = new Zip(b, fileName, limits);
    kindOfZip(zip, fileName);
    const pkg = relsOf(zip, "");
    const wbPart =
      [...pkg.values()].find((r) => r.type.endsWith("/officeDocument"))?.target ??
      (zip.has("xl/workbook.xml") ? "xl/workbook.xml" : undefined);
    if (!wbPart || !zip.has(wbPart)) stop("FILE_NOT_XLSX", { path: fileName });
    const sheetList: Array<{ name: string; state: SheetFacts["state"]; rid: string }> = [];
    let date1904 = false;
    parseXml(zip, wbPart, {
      open(name, tag) {
        if (name === "sheet") {
          const state = attr(tag, "state");
          sheetList.push({
            name: attr(tag, "name") ?? "",
            state: state === "hidden" || state === "veryHidden" ? state : "visible",
            rid: attr(tag, "id", true) ?? "",
          });
        } else if (name === "workbookPr") {
          const v = attr(tag, "date1904");
          date1904 = v === "1" || v === "true";
        }
      },
    });
    const rels = relsOf(zip, wbPart);
    const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
    const wanted = sheetList.filter((s) => select(s.name));
    const facts: WorkbookFacts = { sheets: {}, order: sheetList.map((s) => s.name) };
    for (const s of sheetList) facts.sheets[s.name] = { state: s.state };
    const sheets: Record<string, Grid> = {};
    if (wanted.length) {
      const strings = readSharedStrings(zip, byType("/sharedStrings"));
      const styles = readStyles(zip, byType("/styles"));
      for (const s of wanted) {
        const part = rels.get(s.rid)?.target;
        if (!part || !zip.has(part)) {
          sheets[s.name] = [];
          continue;
        }
        const read = readSheet(zip, part, s.name, strings, styles, date1904, limits);
        sheets[s.name] = read.grid;
        facts.sheets[s.name] = { ...facts.sheets[s.name], ...read.facts };
      }
    }
    const settings = sheetList.find((s) => normLabel(s.name) === normLabel(SHEETS.settings));
    const settingsPart = settings ? rels.get(settings.rid)?.target : undefined;
    if (settings && settingsPart && zip.has(settingsPart)) {
      const { emblem, warning } = readEmblem(zip, settingsPart, settings.name);
      if (emblem) facts.emblem = emblem;
      if (warning) facts.warnings = [warning];
    }
    return { ok: true, sheets, facts };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, issue: e.issue };
    return {
      ok: false,
      issue: { code: "FILE_CORRUPT", severity: "error", params: { path: fileName, detail: (e as Error).message } },
    };
  }
}
