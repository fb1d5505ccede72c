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

function splitLong(token: string, max: number): string[] {
  if (textWidth(token) <= max) return [token];
  let pieces: string[] = [];
  const Seg = (
    Intl as unknown as {
      Segmenter?: new (l: string, o: { granularity: string }) => { segment(s: string): Iterable<{ segment: string }> };
    }
  ).Segmenter;
  if (Seg) pieces = [...new Seg("th", { granularity: "word" }).segment(token)].map((x) => x.segment);
  else pieces = [...token];
  const out: string[] = [];
  let cur = "";
  for (const p of pieces) {
    if (cur && textWidth(cur + p) > max) {
      out.push(cur);
      cur = "";
    }
    cur += p;
  }
  if (cur) out.push(cur);
  return out;
}

/** Wraps text into lines of at most `max` base characters, breaking at spaces (then at Thai words). */
export function wrapLines(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    const tokens = para.split(/ +/).flatMap((t) => splitLong(t, max));
    let cur = "";
    for (const t of tokens) {
      const next = cur ? `${cur} ${t}` : t;
      if (cur && textWidth(next) > max) {
        lines.push(cur);
        cur = t;
      } else cur = next;
    }
    lines.push(cur);
  }
  return lines;
}

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
      lines = Math.max(lines, wrapLines(v, Math.max(1, Math.floor(width / CHAR_WIDTH) - 1)).length);
    });
    if (lines > 1) heights[r] = Math.max(heights[r] ?? base, lines * LINE_HEIGHT + 6);
  });
  spec.rowHeights = heights;
  return spec;
}
