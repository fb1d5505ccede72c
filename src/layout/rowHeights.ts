/**
 * Text measuring and row heights for the sheets we write. Excel does not grow a row to fit
 * wrapped text when it opens a file, so rows with wrapped cells get a height from an estimate
 * of their lines (TH Sarabun New 16 pt; Thai vowel and tone marks take no width).
 */
import { cellsOf, parseA1 } from "./grid";
import type { SheetSpec } from "./sheetSpec";

/** Sheet character units taken by one Thai/Latin base character at TH Sarabun New 16 pt (estimate). */
export const CHAR_WIDTH = 1.15;
/** Points per text line at 16 pt. */
export const LINE_HEIGHT = 21;

const THAI_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;

/** Printed width of a text in base characters (Thai vowel and tone marks take no width). */
export function textWidth(s: string): number {
  return s.replace(THAI_MARK, "").length;
}

type SegmenterCtor = new (
  l: string,
  o: { granularity: string },
) => {
  segment(s: string): Iterable<{ segment: string }>;
};
const Segmenter = (Intl as unknown as { Segmenter?: SegmenterCtor }).Segmenter;
let segmenter: InstanceType<SegmenterCtor> | null = null;

/** Characters given to the word segmenter at once: its Thai dictionary pass grows faster than linearly with the run. */
const WINDOW = 256;

/**
 * Thai words of a run without spaces, segmented window by window (the last word of a window,
 * possibly cut, is segmented again with the next window), so the cost stays linear.
 */
function words(token: string): string[] {
  if (!Segmenter) return [...token];
  segmenter = segmenter ?? new Segmenter("th", { granularity: "word" });
  const out: string[] = [];
  let start = 0;
  while (start < token.length) {
    const end = Math.min(token.length, start + WINDOW);
    const parts = [...segmenter.segment(token.slice(start, end))].map((x) => x.segment);
    if (end < token.length && parts.length > 1) parts.pop();
    for (const p of parts) {
      out.push(p);
      start += p.length;
    }
  }
  return out;
}

function splitLong(token: string, max: number): string[] {
  if (textWidth(token) <= max) return [token];
  const out: string[] = [];
  let cur = "";
  let curWidth = 0;
  for (const p of words(token)) {
    const w = textWidth(p);
    if (cur && curWidth + w > max) {
      out.push(cur);
      cur = "";
      curWidth = 0;
    }
    cur += p;
    curWidth += w;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Wraps text into lines of at most `max` base characters, breaking at spaces (then at Thai words).
 * Linear in the text; stops after `maxLines` lines when given (row heights need no more).
 */
export function wrapLines(text: string, max: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    let cur = "";
    let curWidth = 0;
    for (const raw of para.split(/ +/)) {
      for (const t of splitLong(raw, max)) {
        const w = textWidth(t);
        const nextWidth = cur ? curWidth + 1 + w : w;
        if (cur && nextWidth > max) {
          lines.push(cur);
          if (lines.length >= maxLines) return lines;
          cur = t;
          curWidth = w;
        } else {
          cur = cur ? `${cur} ${t}` : t;
          curWidth = nextWidth;
        }
      }
    }
    lines.push(cur);
    if (lines.length >= maxLines) return lines;
  }
  return lines;
}

/** Excel's highest row, in points. */
export const MAX_ROW_HEIGHT = 409;
const MAX_LINES = Math.ceil(MAX_ROW_HEIGHT / LINE_HEIGHT);

/** Sheet column widths: for each column index, the widest the tables ask for. */

/**
 * Sets `rowHeights` for rows whose wrapped cells need more than one line, from the column
 * widths (merged cells count their whole width). Rows that fit keep `rowHeight`.
 */
export function fitRowHeights(spec: SheetSpec): SheetSpec {
  const wrapped = new Set<string>();
  for (const { range, style } of spec.styles) {
    if (style.wrap === undefined) continue;
    for (const [r, c] of cellsOf(range)) {
      if (style.wrap) wrapped.add(`${r},${c}`);
      else wrapped.delete(`${r},${c}`);
    }
  }
  const span = new Map<string, number>();
  const covered = new Set<string>();
  for (const m of spec.merges) {
    const [from, to = from] = m.split(":");
    const a = parseA1(from);
    const b = parseA1(to);
    if (a.row !== b.row) {
      for (const [r, c] of cellsOf(m)) covered.add(`${r},${c}`);
      continue;
    }
    let w = 0;
    for (let c = a.col; c <= b.col; c++) w += spec.columnWidths[c] ?? 8.43;
    span.set(`${a.row},${a.col}`, w);
  }
  const base = spec.rowHeight ?? 15;
  const heights: Record<number, number> = { ...spec.rowHeights };
  spec.rows.forEach((row, r) => {
    let lines = 1;
    row.forEach((v, c) => {
      const key = `${r},${c}`;
      if (typeof v !== "string" || !wrapped.has(key) || covered.has(key)) return;
      const width = span.get(key) ?? spec.columnWidths[c] ?? 8.43;
      if (lines >= MAX_LINES) return;
      lines = Math.max(lines, wrapLines(v, Math.max(1, Math.floor(width / CHAR_WIDTH) - 1), MAX_LINES).length);
    });
    if (lines > 1) heights[r] = Math.min(MAX_ROW_HEIGHT, Math.max(heights[r] ?? base, lines * LINE_HEIGHT + 6));
  });
  spec.rowHeights = heights;
  return spec;
}
