/** Small pure helpers for 2-D cell grids: A1 addresses, text normalisation, Thai digits, numbers. */
import { arabicDigits } from "../core/digits";
import { normThai } from "../core/thaiText";
import type { Cell, Grid } from "./sheetSpec";

/** Column letters of a zero-based column index: 0 → A, 26 → AA. */
export function colLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of zero-based row and column. */
export function a1(row: number, col: number): string {
  return `${colLetter(col)}${row + 1}`;
}

/** Every zero-based (row, col) of an A1 range ("B2" or "B2:D5"), row by row. */
export function* cellsOf(range: string): Generator<[number, number]> {
  const [from, to = from] = range.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++)
    for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) yield [r, c];
}

/** A1 range of zero-based corners (inclusive). */
export function a1Range(r1: number, c1: number, r2: number, c2: number): string {
  return `${a1(r1, c1)}:${a1(r2, c2)}`;
}

/** Zero-based row and column of an A1 address. */
export function parseA1(addr: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(addr.trim());
  if (!m) throw new RangeError(`not an A1 address: ${addr}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function cellAt(grid: Grid, row: number, col: number): Cell {
  const r = grid[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

/** The text of a cell, trimmed ("" for blank). */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v)
    .replace(/[\u200b\u00a0]/g, " ")
    .trim();
}

export function isBlank(v: Cell): boolean {
  return cellText(v) === "";
}

/** Text for matching labels: Thai normalised (normThai), Arabic digits, lower case, no spaces, no trailing colon. */
export function normLabel(v: Cell): string {
  return arabicDigits(normThai(cellText(v)))
    .toLowerCase()
    .replace(/[\s\u200b]+/g, "")
    .replace(/[:：]+$/, "");
}

/**
 * A number from a cell: numbers as they are; text with Thai digits, spaces, thousands
 * separators or a trailing % accepted. Returns null when the cell is not a number.
 */
export function cellNumber(v: Cell): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  let s = arabicDigits(v.normalize("NFC")).replace(/[\s\u200b\u00a0]+/g, "");
  s = s.replace(/%$/, "");
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Last row index that has any non-blank cell, or −1. */
export function lastUsedRow(grid: Grid): number {
  for (let r = grid.length - 1; r >= 0; r--) if ((grid[r] ?? []).some((c) => !isBlank(c))) return r;
  return -1;
}

/** At most this many cells are named in one message ("C7, D7, … (12 cells)"). */
const CELLS_NAMED = 8;

/** Cells named in a message: "C7, D7", or the first eight and the count. */
export function cellList(cells: string[]): string {
  if (cells.length <= CELLS_NAMED) return cells.join(", ");
  return `${cells.slice(0, CELLS_NAMED).join(", ")}, … (${cells.length})`;
}
