/**
 * Measures printed text in the report font (advance widths of Sarabun, the open redesign of
 * TH Sarabun New: fontWidths.ts) and splits it where a word processor may break a line, so the
 * model can size table columns and estimate how much of a page a block fills (tableLayout.ts).
 * Pure; no font file at run time.
 *
 * Line breaks: after spaces, and between Thai words (Intl.Segmenter, the ICU dictionary that
 * browsers and Word-like wrappers use too). Punctuation sticks to its neighbours. A piece wider
 * than a line breaks anywhere, as Word breaks a long URL.
 */
import { FONT_WIDTHS } from "./fontWidths";

/** Page geometry shared by the .docx writer and the model (twips: 1/20 pt). */
export const PAGE = {
  /** A4 in twips. */
  a4: { width: 11906, height: 16838 },
  portraitMargin: { top: 1418, bottom: 1134, left: 1701, right: 1134, header: 680, footer: 567 },
  landscapeMargin: { top: 1134, bottom: 1134, left: 1418, right: 1134, header: 567, footer: 567 },
  /** Left and right cell margin of the tables (twips). */
  cellMargin: 80,
  /** Top and bottom cell margin of the tables (twips). */
  cellMarginVertical: 20,
} as const;

export const TEXT_WIDTH = {
  portrait: PAGE.a4.width - PAGE.portraitMargin.left - PAGE.portraitMargin.right,
  landscape: PAGE.a4.height - PAGE.landscapeMargin.left - PAGE.landscapeMargin.right,
} as const;

export const TEXT_HEIGHT = {
  portrait: PAGE.a4.height - PAGE.portraitMargin.top - PAGE.portraitMargin.bottom,
  landscape: PAGE.a4.width - PAGE.landscapeMargin.top - PAGE.landscapeMargin.bottom,
} as const;

/** Body text size (pt) and the size of the cells of wide tables (pt). */
export const BODY_PT = 16;
export const SMALL_PT = 14;

/** Line height as a multiple of the font size (the font's ascent + descent). */
export const LINE_HEIGHT = (FONT_WIDTHS.ascent + FONT_WIDTHS.descent) / FONT_WIDTHS.unitsPerEm;

const THAI_START = 0x0e00;

function advance(cp: number, bold: boolean): number {
  const t = bold ? FONT_WIDTHS.bold : FONT_WIDTHS.regular;
  if (cp >= 0x20 && cp <= 0x7e) return t.ascii[cp - 0x20];
  if (cp >= THAI_START && cp <= 0x0e7f) return t.thai[cp - THAI_START];
  const extra = (t.extra as Record<string, number>)[cp.toString(16)];
  if (extra !== undefined) return extra;
  if (cp === 0x00a0) return t.ascii[0];
  return t.fallback;
}

/** Width of `text` on one line, in twips, at `sizePt`. */
export function textWidth(text: string, sizePt: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += advance(ch.codePointAt(0) ?? 0, bold);
  return (units / FONT_WIDTHS.unitsPerEm) * sizePt * 20;
}

let segmenter: Intl.Segmenter | null = null;
/** Pieces of recently measured texts (the same cell is measured for several widths). */
const piecesCache = new Map<string, string[]>();

/**
 * The unbreakable pieces of one line of text, each with the spaces that follow it: a line may
 * break after any piece. `spacesOnly` breaks at spaces alone (header labels).
 */
export function breakPieces(text: string, spacesOnly = false): string[] {
  const pieces: string[] = [];
  if (spacesOnly) {
    for (const m of text.matchAll(/\S+\s*|\s+/g)) pieces.push(m[0]);
    return pieces;
  }
  const cached = piecesCache.get(text);
  if (cached) return cached;
  segmenter ??= new Intl.Segmenter("th", { granularity: "word" });
  let current = "";
  let prevWord = false;
  for (const s of segmenter.segment(text)) {
    const space = /^\s+$/.test(s.segment);
    const word = !!s.isWordLike;
    if (space) {
      current += s.segment;
      pieces.push(current);
      current = "";
      prevWord = false;
      continue;
    }
    // a break between two words; punctuation and numbers glue to what they touch
    if (current && word && prevWord && !/\s$/.test(current)) {
      pieces.push(current);
      current = "";
    }
    current += s.segment;
    prevWord = word;
  }
  if (current) pieces.push(current);
  if (piecesCache.size > 4000) piecesCache.clear();
  piecesCache.set(text, pieces);
  return pieces;
}

export interface TextStyle {
  sizePt: number;
  bold?: boolean;
  /** Break at spaces only. */
  spacesOnly?: boolean;
}
