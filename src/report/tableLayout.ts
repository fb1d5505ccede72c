/**
 * The geometry of the report tables and pages, computed from their content (measure.ts):
 * - column widths: each column as wide as its longest line when the table fits; otherwise the
 *   width goes where it saves the most lines (long text wraps, numbers and short labels do not);
 * - orientation: portrait up to six columns (16 pt, or 14 pt when the words do not fit at 16);
 *   landscape at 14 pt for seven and more, or on a measured need (the unbreakable words do not
 *   fit a portrait page, or leave the text columns under 15 % of the width they wish beyond
 *   their longest words, or take 1.25 times the pages of landscape: long text squeezed into
 *   narrow columns); a short wide table that fits portrait at 14 pt is set portrait;
 * - sections: landscape pages grouped, taking in neighbouring sections when a landscape run
 *   would leave its last page three-quarters empty (orientationRuns).
 * Pure: the .docx writer and the print sheet use the percent widths it sets.
 */
import {
  BODY_PT,
  breakPieces,
  LINE_HEIGHT,
  PAGE,
  SMALL_PT,
  TEXT_HEIGHT,
  TEXT_WIDTH,
  textWidth,
  type TextStyle,
} from "./measure";
import type { Block, ReportChart, TableBlock, TableCell } from "./types";

/** Tables of this many columns and more go landscape. */
export const LANDSCAPE_COLUMNS = 7;
/** A landscape page must be filled at least this much (share of its height); the estimate aims higher. */
export const MIN_LANDSCAPE_FILL = 0.25;
const TARGET_FILL = 0.4;
/**
 * A table of up to six columns goes landscape when portrait grants its text columns less than this
 * share of the width they wish beyond their longest words (long text squeezed word by word).
 */
const MIN_ROOM = 0.15;
/** A table of up to six columns still goes landscape when portrait would take this many times the pages. */
const PORTRAIT_PAGES_FACTOR = 1.25;

/** Space a cell adds to its text: margins both sides, the border, and a little slack for the renderer. */
const CELL_PAD = 2 * PAGE.cellMargin + 40;
/** An unbreakable piece wider than this share of the text width breaks anywhere (a URL). */
const MAX_PIECE_SHARE = 0.3;

interface Measured {
  /** Width (twips) of each piece, trailing spaces excluded, and of its trailing spaces. */
  pieces: { w: number; space: number }[][];
  natural: number;
  min: number;
}

function measureText(text: string, style: TextStyle, cap: number): Measured {
  const pieces = text.split("\n").map((line) =>
    breakPieces(line.trim(), style.spacesOnly).map((p) => {
      const w = textWidth(p.trimEnd(), style.sizePt, style.bold);
      return { w, space: textWidth(p, style.sizePt, style.bold) - w };
    }),
  );
  let natural = 0;
  let min = 0;
  for (const line of pieces) {
    let lw = 0;
    line.forEach((p, i) => {
      lw += p.w + (i < line.length - 1 ? p.space : 0);
      min = Math.max(min, Math.min(cap, p.w));
    });
    natural = Math.max(natural, lw);
  }
  return { pieces, natural, min };
}

/** Lines of a measured text in a box `width` twips wide (greedy, as measure.wrap). */
function linesOf(m: Measured, width: number): number {
  let lines = 0;
  for (const line of m.pieces) {
    let n = 1;
    let x = 0;
    for (const p of line) {
      if (x > 0 && x + p.w > width) {
        n++;
        x = 0;
      }
      if (p.w > width) {
        n += Math.ceil(p.w / width) - 1;
        x = p.w % width;
      } else x += p.w;
      x += p.space;
    }
    lines += n;
  }
  return Math.max(1, lines);
}

interface ColumnCells {
  body: Measured[][];
  /** Single-column header cells (wrapped between words), by column. */
  header: Measured[][];
  /** Line counts by column and width (columnLines). */
  cache: Map<number, number[]>[];
  /** Width of each column's header label on one line (with the cell margins). */
  headerNatural: number[];
  min: number[];
  max: number[];
}

function cellStyle(sizePt: number, bold: boolean): TextStyle {
  return { sizePt, bold };
}

/** The single-column cells of a table, measured, with each column's minimum and natural width. */
function measureColumns(t: TableBlock, width: number, sizePt: number): ColumnCells {
  const n = t.align.length;
  const cap = width * MAX_PIECE_SHARE;
  const body: Measured[][] = Array.from({ length: n }, () => []);
  const min = new Array<number>(n).fill(0);
  const max = new Array<number>(n).fill(0);
  for (const r of t.rows) {
    let col = 0;
    for (const c of r.cells) {
      const span = c.colSpan ?? 1;
      if (span === 1 && col < n) {
        const m = measureText(c.text, cellStyle(sizePt, !!(r.group || r.total || c.bold)), cap);
        body[col].push(m);
        min[col] = Math.max(min[col], m.min);
        max[col] = Math.max(max[col], m.natural);
      }
      col += span;
    }
  }
  const headerSpaces = new Array<number>(n).fill(0);
  const headerWords = new Array<number>(n).fill(0);
  const header: Measured[][] = Array.from({ length: n }, () => []);
  const headerNatural = new Array<number>(n).fill(0);
  forEachHeaderCell(t, (c, col, span) => {
    if (span !== 1) return;
    headerSpaces[col] = measureText(c.text, { sizePt, bold: true, spacesOnly: true }, cap).min;
    const words = measureText(c.text, cellStyle(sizePt, true), cap);
    headerNatural[col] = Math.max(headerNatural[col], words.natural);
    headerWords[col] = words.min;
    header[col].push(words);
  });
  // a header label wraps at its spaces; where that is wider than the column's content (a short
  // number under a long label), it wraps between its words too
  return {
    body,
    header,
    cache: [],
    headerNatural: headerNatural.map((w) => w + CELL_PAD),
    min: min.map(
      (w, i) =>
        Math.max(w, headerSpaces[i] <= Math.min(max[i], width / n) ? headerSpaces[i] : headerWords[i]) + CELL_PAD,
    ),
    max: max.map((w, i) => Math.max(w, min[i], headerSpaces[i]) + CELL_PAD),
  };
}

/** Calls `f` for each header cell with its first column and span (row spans taken into account). */
function forEachHeaderCell(t: TableBlock, f: (c: TableCell, col: number, span: number) => void): void {
  const taken = new Array<number>(t.align.length).fill(0);
  for (const hr of t.header) {
    let col = 0;
    for (const c of hr) {
      while (taken[col] > 0) col++;
      const span = c.colSpan ?? 1;
      f(c, col, span);
      if (c.rowSpan && c.rowSpan > 1) for (let k = 0; k < span; k++) taken[col + k] = c.rowSpan;
      col += span;
    }
    for (let k = 0; k < taken.length; k++) if (taken[k] > 0) taken[k]--;
  }
}

/** Lines of each cell of column `c` (header cells first, then body rows) at `width`, cached. */
function columnLines(cols: ColumnCells, c: number, width: number): number[] {
  const cache = (cols.cache[c] ??= new Map<number, number[]>());
  const key = Math.round(width);
  let lines = cache.get(key);
  if (!lines) {
    lines = [
      Math.max(0, ...cols.header[c].map((m) => linesOf(m, width - CELL_PAD))),
      ...cols.body[c].map((m) => linesOf(m, width - CELL_PAD)),
    ];
    cache.set(key, lines);
  }
  return lines;
}

/** Weight of every cell's own lines beside the rows' heights: it moves the layout off a plateau
 * (three narrow headers of four lines each gain only once all three are wider). */
const CELL_LINES_WEIGHT = 0.1;

/**
 * Total lines of the table with these column widths: the header row and each body row as tall
 * as its tallest cell, plus a small weight for every cell's own lines.
 */
function bodyLines(cols: ColumnCells, widths: number[]): number {
  const perColumn = widths.map((w, c) => columnLines(cols, c, w));
  const rows = Math.max(0, ...perColumn.map((l) => l.length));
  let total = 0;
  for (let r = 0; r < rows; r++) {
    total += Math.max(r === 0 ? 0 : 1, ...perColumn.map((l) => l[r] ?? 0));
    for (const l of perColumn) total += CELL_LINES_WEIGHT * (l[r] ?? 0);
  }
  return total;
}

export interface ColumnFit {
  /** Column widths in twips; they sum to the width given. */
  widths: number[];
  /** Minimum (longest unbreakable piece) and natural (longest line) width of each column, twips. */
  min: number[];
  max: number[];
  /** The minimums do not fit: some words will break. */
  overflow: boolean;
  /** The row label column (the only text column, when at most half the width) is on one line. */
  labelOnOneLine: boolean;
  /** Share of the wish of the columns (natural less minimum width) the width can grant, 0–1. */
  room: number;
}

/**
 * Column widths (twips) for a table `width` twips wide at `sizePt`: natural widths when they fit,
 * the spare width to the text columns; otherwise, from the minimums, width is given step by step
 * to the column where it saves the most lines.
 */
export function fitColumns(t: TableBlock, width: number, sizePt: number): ColumnFit {
  const cols = measureColumns(t, width, sizePt);
  const { min, max } = cols;
  const n = min.length;
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const textCols = t.align.map((a, i) => (a === "left" ? i : -1)).filter((i) => i >= 0);
  const spread = (widths: number[], spare: number, among: number[]) => {
    const weights = among.map((i) => max[i]);
    const total = sum(weights);
    among.forEach((i, k) => (widths[i] += (spare * weights[k]) / total));
    return widths;
  };
  const room = Math.max(0, Math.min(1, (width - sum(min)) / Math.max(1, sum(max) - sum(min))));
  if (sum(max) <= width) {
    // spare width: first each header label on one line (when all of them fit), then the text columns
    const withHeaders = max.map((w, i) => Math.max(w, cols.headerNatural[i]));
    const base = sum(withHeaders) <= width ? withHeaders : [...max];
    const widths = spread(base, width - sum(base), textCols.length ? textCols : min.map((_, i) => i));
    return { widths, min, max, overflow: false, labelOnOneLine: true, room: 1 };
  }
  const label = textCols[0];
  // a row label: the only text column (a name beside figures), at most half the width
  const labelIsShort = label !== undefined && textCols.length === 1 && max[label] <= width / 2;
  if (sum(min) >= width) {
    const k = width / sum(min);
    return {
      widths: min.map((w) => w * k),
      min,
      max,
      overflow: sum(min) > width,
      labelOnOneLine: !labelIsShort,
      room,
    };
  }
  const widths = [...min];
  // the row label (the first text column) stays on one line when the others still fit
  const fixed = new Set<number>();
  if (labelIsShort && sum(min) - min[label] + max[label] <= width) {
    widths[label] = max[label];
    fixed.add(label);
  }
  const steps = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32].map((s) => s * width);
  let lines = bodyLines(cols, widths);
  // moves: one column, or two at once (a row is as tall as its tallest cell: two tall cells of a
  // row only gain together)
  const open = () => widths.map((w, c) => (w < max[c] && !fixed.has(c) ? c : -1)).filter((c) => c >= 0);
  for (;;) {
    const spare = width - sum(widths);
    if (spare < 1) break;
    let best: { trial: number[]; lines: number; gain: number } | null = null;
    const cand = open();
    const groups = [...cand.map((c) => [c]), ...cand.flatMap((a, i) => cand.slice(i + 1).map((b) => [a, b]))];
    for (const group of groups) {
      for (const s of steps) {
        const trial = [...widths];
        let added = 0;
        for (const c of group) {
          trial[c] = Math.min(max[c], widths[c] + s);
          added += trial[c] - widths[c];
        }
        if (added > spare) break;
        const l = bodyLines(cols, trial);
        const gain = (lines - l) / added;
        if (gain > 1e-9 && (!best || gain > best.gain + 1e-9)) best = { trial, lines: l, gain };
        if (group.every((c) => trial[c] >= max[c])) break;
      }
    }
    if (!best) break;
    widths.splice(0, n, ...best.trial);
    lines = best.lines;
  }
  // what no column can turn into fewer lines: to the columns still short of their natural width
  const spare = width - sum(widths);
  const short = widths.map((w, i) => (w < max[i] ? i : -1)).filter((i) => i >= 0);
  if (spare > 0) spread(widths, spare, short.length ? short : textCols.length ? textCols : min.map((_, i) => i));
  return { widths, min, max, overflow: false, labelOnOneLine: !labelIsShort || fixed.has(label), room };
}

/** Percent of `width` for each column, rounded to 0.01 and summing to exactly 100. */
function percents(widths: number[], width: number): number[] {
  const p = widths.map((w) => Math.round((w / width) * 10000) / 100);
  const diff = Math.round((100 - p.reduce((a, b) => a + b, 0)) * 100) / 100;
  const widest = p.indexOf(Math.max(...p));
  p[widest] = Math.round((p[widest] + diff) * 100) / 100;
  return p;
}

/** Estimated height (twips) of a table set `width` twips wide at `sizePt` with these column widths. */
function tableHeight(t: TableBlock, widths: number[], sizePt: number, width: number): number {
  const lh = sizePt * LINE_HEIGHT * 20;
  const rowPad = 2 * PAGE.cellMarginVertical + 10;
  let h = 0;
  // header rows: the tallest header cell
  let headerLines = 1;
  forEachHeaderCell(t, (c, col, span) => {
    const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0) - CELL_PAD;
    headerLines = Math.max(headerLines, lineCount(c.text, w, { sizePt, bold: true }));
  });
  h += t.header.length ? headerLines * lh + t.header.length * rowPad : 0;
  for (const r of t.rows) {
    const spanning = r.cells.length === 1 && (r.cells[0].colSpan ?? 1) > 1;
    if (spanning) {
      h += lineCount(r.cells[0].text, width - CELL_PAD, { sizePt, bold: true }) * lh + rowPad;
      continue;
    }
    let lines = 1;
    let col = 0;
    for (const c of r.cells) {
      const span = c.colSpan ?? 1;
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0) - CELL_PAD;
      lines = Math.max(lines, lineCount(c.text, w, { sizePt, bold: !!(r.group || r.total || c.bold) }));
      col += span;
    }
    h += lines * lh + rowPad;
  }
  return h;
}

function lineCount(text: string, width: number, style: TextStyle): number {
  return linesOf(measureText(text, style, Infinity), Math.max(width, 1));
}

/** The printed size of a table's cells (pt): 14 for wide tables, 16 otherwise. */
export function tableSizePt(t: TableBlock): number {
  return t.small ? SMALL_PT : BODY_PT;
}

/**
 * Sets a table's orientation, cell size and column widths from its content: portrait up to six
 * columns when its words fit (at 16 pt with the row label on one line, else 14 pt with it, else
 * 16 or 14 pt) and portrait does not take far more pages than landscape; landscape at 14 pt
 * otherwise; a wide table shorter than a
 * quarter of a landscape page that fits portrait at 14 pt goes portrait (at 14 pt).
 */
export function layoutTable(t: TableBlock): TableBlock {
  const cols = t.align.length;
  const wideFit = fitColumns(t, TEXT_WIDTH.landscape, SMALL_PT);
  const wide: TableBlock = {
    ...t,
    widths: percents(wideFit.widths, TEXT_WIDTH.landscape),
    landscape: true,
    small: true,
  };
  const wideHeight = tableHeight(t, wideFit.widths, SMALL_PT, TEXT_WIDTH.landscape);
  const widePages = wideHeight / TEXT_HEIGHT.landscape;
  if (cols < LANDSCAPE_COLUMNS) {
    // 16 pt with the row label on one line, else 14 pt with it, else the first whose words fit
    const tries = [BODY_PT, SMALL_PT].map((pt) => ({ pt, fit: fitColumns(t, TEXT_WIDTH.portrait, pt) }));
    const fits = tries.filter((x) => !x.fit.overflow && x.fit.room >= MIN_ROOM);
    const pick = fits.find((x) => x.fit.labelOnOneLine) ?? fits[0];
    // a measured need for landscape: portrait would take far more pages (long text squeezed into narrow columns)
    const pages = pick && tableHeight(t, pick.fit.widths, pick.pt, TEXT_WIDTH.portrait) / TEXT_HEIGHT.portrait;
    if (pick && pages !== undefined && pages <= PORTRAIT_PAGES_FACTOR * widePages + 0.1)
      return {
        ...t,
        widths: percents(pick.fit.widths, TEXT_WIDTH.portrait),
        landscape: false,
        small: pick.pt === SMALL_PT,
      };
    return wide;
  }
  if (wideHeight < MIN_LANDSCAPE_FILL * TEXT_HEIGHT.landscape) {
    const narrow = fitColumns(t, TEXT_WIDTH.portrait, SMALL_PT);
    const narrowHeight = tableHeight(t, narrow.widths, SMALL_PT, TEXT_WIDTH.portrait);
    if (!narrow.overflow && narrow.room >= MIN_ROOM && narrowHeight <= 2 * wideHeight)
      return { ...t, widths: percents(narrow.widths, TEXT_WIDTH.portrait), landscape: false, small: true };
  }
  return wide;
}

// ---------------------------------------------------------------------------------------------
// Page estimates and sections

const BODY_LINE = BODY_PT * LINE_HEIGHT * 20;
const LIST_INDENT = 1276;

/** Estimated height (twips) of a block on a page of this orientation (charts after their table). */
export function blockHeight(b: Block, landscape: boolean, charts: readonly ReportChart[] = []): number {
  const width = landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
  const body = { sizePt: BODY_PT };
  switch (b.kind) {
    case "heading":
      return lineCount(b.text, width - (b.level === 2 ? 709 : 0), { ...body, bold: true }) * BODY_LINE + 240;
    case "paragraph": {
      const text = b.runs.map((r) => r.text).join("");
      // the first-line indent (2.5 cm) shortens the first line: counted as a tenth less width
      return lineCount(text, b.indent ? width * 0.9 : width, body) * BODY_LINE + 120;
    }
    case "bullets":
      return b.items.reduce((h, it) => h + lineCount(it.text, width - LIST_INDENT, body) * BODY_LINE, 0);
    case "signature":
      return b.signers.reduce((h, s) => h + 240 + (3 + (s.lead?.length ?? 0) + (s.date ? 1 : 0)) * BODY_LINE, 0);
    case "memoHeader":
      // the heading at 29 pt beside the emblem (1.5 cm), then the header lines and the addressee
      return 2 * 567 + (b.lines.length + 1) * BODY_LINE * 1.25 + 320;
    case "ruling":
      return 360 + (2 + b.comment.length) * BODY_LINE + 240 + (3 + (b.signer.date ? 1 : 0)) * BODY_LINE;
    case "table": {
      const tableWidth = b.landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
      const widths = b.widths.map((p) => (p / 100) * tableWidth);
      let h = tableHeight(b, widths, tableSizePt(b), tableWidth) + (b.caption ? BODY_LINE + 180 : 0) + BODY_LINE;
      for (const c of charts) if (c.afterTable === b.id) h += width * 0.62 + 360;
      return h;
    }
  }
}

export interface OrientationRun {
  landscape: boolean;
  blocks: Block[];
}

/** Share of the last page that a run of this height fills (1 when it ends at a page end). */
function lastPageFill(height: number, pageHeight: number): number {
  const frac = height / pageHeight - Math.floor(height / pageHeight);
  return frac === 0 ? 1 : frac;
}

/**
 * Splits a document's blocks into runs of portrait and landscape pages. A heading's section goes
 * landscape, whole, when it holds a landscape table, so the heading stays with the table;
 * consecutive landscape sections share one run; a landscape run whose last page would be filled
 * less than TARGET_FILL takes in the following section (or the one before it, at the end of a
 * document), so no landscape page is left three-quarters empty.
 */
export function orientationRuns(blocks: readonly Block[], charts: readonly ReportChart[] = []): OrientationRun[] {
  const segments: Block[][] = [];
  for (const b of blocks) {
    if (b.kind === "heading" || segments.length === 0) segments.push([]);
    segments[segments.length - 1].push(b);
  }
  const landscapeSeg = segments.map((seg) => seg.some((b) => b.kind === "table" && b.landscape));
  const heightOf = (seg: Block[]) => seg.reduce((h, b) => h + blockHeight(b, true, charts), 0);
  // absorb neighbours into each landscape run
  let i = 0;
  while (i < segments.length) {
    if (!landscapeSeg[i]) {
      i++;
      continue;
    }
    let start = i;
    let end = i;
    while (end + 1 < segments.length && landscapeSeg[end + 1]) end++;
    const runHeight = () => segments.slice(start, end + 1).reduce((h, s) => h + heightOf(s), 0);
    while (lastPageFill(runHeight(), TEXT_HEIGHT.landscape) < TARGET_FILL) {
      if (end + 1 < segments.length) end++;
      else if (start > 0) start--;
      else break;
      landscapeSeg[start] = landscapeSeg[end] = true;
      while (end + 1 < segments.length && landscapeSeg[end + 1]) end++;
    }
    for (let k = start; k <= end; k++) landscapeSeg[k] = true;
    i = end + 1;
  }
  const runs: OrientationRun[] = [];
  segments.forEach((seg, k) => {
    const last = runs[runs.length - 1];
    if (last && last.landscape === landscapeSeg[k]) last.blocks.push(...seg);
    else runs.push({ landscape: landscapeSeg[k], blocks: [...seg] });
  });
  return runs;
}

/** Heading text without its number ("๓.๑ ", "3. "), for comparing with a caption. */
function bareText(s: string): string {
  return s
    .replace(/^[\d\u0e50-\u0e59.]+\s*/, "")
    .replace(/\s+/g, "")
    .trim();
}

/**
 * Whether a caption says only what the heading above it already says (numbers and spaces set aside,
 * the caption is part of the heading, or the heading and nothing more): such a caption is dropped.
 * A caption that adds words (the fiscal year, the source) is kept.
 */
export function captionRepeats(caption: string, heading: string): boolean {
  const c = bareText(caption);
  const h = bareText(heading);
  return c.length > 0 && h.length > 0 && (h.includes(c) || c.replace(h, "") === "");
}
