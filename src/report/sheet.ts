/**
 * The print-ready sheet "รายงาน ITA": the report documents (the two published ones, then the
 * memo to the head) as rows, with the same tables as the .docx (src/docx). Pure: a SheetSpec written by the same adapters as the other sheets.
 *
 * Layout: one grid of columns shared by every table (each table column is one sheet column,
 * so wrapped cells grow with their text); headings and paragraphs go in column A, pre-wrapped
 * into lines that overflow to the right (merged cells would not grow with wrapped text).
 */
import { a1, a1Range } from "../layout/grid";
import { SHEETS } from "../layout/names";
import { CHAR_WIDTH, fitRowHeights, textWidth, wrapLines } from "../layout/rowHeights";
import { emptySheet, type Cell, type CellStyle, type SheetSpec } from "../layout/sheetSpec";
import { PALETTE, ROW_HEIGHT, SHEET_FONT, STYLES, TITLE_HEIGHT } from "../layout/style";
import {
  memoFieldText,
  rulingLines,
  signerLines,
  type Block,
  type ReportDocument,
  type ReportModel,
  type Signer,
  type TableBlock,
} from "./types";

/** Width of the printed text in sheet character units (A4 landscape, fit to width). */
const TOTAL_WIDTH = 150;

function columnWidths(tables: TableBlock[]): number[] {
  const n = Math.max(6, ...tables.map((t) => t.widths.length));
  const widths = new Array<number>(n).fill(8);
  for (const t of tables)
    t.widths.forEach((w, i) => {
      widths[i] = Math.max(widths[i], Math.round((w / 100) * TOTAL_WIDTH * 10) / 10);
    });
  return widths.map((w) => Math.max(5, Math.min(60, w)));
}

class SheetWriter {
  readonly spec: SheetSpec;
  private repeatCandidate: { rank: number; first: number; last: number } | null = null;
  constructor(
    private readonly widths: number[],
    private readonly lineChars: number,
  ) {
    this.spec = emptySheet(SHEETS.report, "generated");
    this.spec.columnWidths = widths;
  }
  get row(): number {
    return this.spec.rows.length;
  }
  get lastCol(): number {
    return this.widths.length - 1;
  }
  push(cells: Cell[]): number {
    this.spec.rows.push(cells);
    return this.spec.rows.length - 1;
  }
  blank(): void {
    this.push([]);
  }
  style(range: string, style: CellStyle): void {
    this.spec.styles.push({ range, style });
  }
  text(text: string, style: CellStyle | null, indent = ""): void {
    const lines = wrapLines(text, this.lineChars - textWidth(indent));
    lines.forEach((l, i) => {
      const r = this.push([(i === 0 ? indent : indent ? "  " : "") + l]);
      if (style) this.style(a1(r, 0), style);
    });
  }
  title(doc: ReportDocument): void {
    const t = doc.title;
    const lines: [string, CellStyle][] = [
      ...t.lines.map((l): [string, CellStyle] => [
        l,
        { ...STYLES.title, color: undefined, size: 18, hAlign: "center" },
      ]),
      [t.unit, { bold: true, hAlign: "center" }],
    ];
    if (t.place) lines.push([t.place, { bold: true, hAlign: "center" }]);
    lines.push([t.date, { hAlign: "center" }]);
    for (const [text, style] of lines) {
      const r = this.push([text]);
      if (style.size && style.size > SHEET_FONT.size)
        this.spec.rowHeights = { ...this.spec.rowHeights, [r]: TITLE_HEIGHT };
      const range = a1Range(r, 0, r, this.lastCol);
      this.spec.merges.push(range);
      this.style(range, style);
    }
    this.blank();
  }
  block(b: Block): void {
    switch (b.kind) {
      case "heading":
        this.text(b.text, { bold: true }, b.level === 2 ? "  " : "");
        return;
      case "paragraph": {
        const text = b.runs.map((r) => r.text).join("");
        const bold = b.runs.length > 0 && b.runs.every((r) => r.bold);
        this.text(text, b.note ? STYLES.note : bold ? { bold: true } : null, b.indent ? "        " : "");
        return;
      }
      case "bullets":
        for (const it of b.items) this.text(`${it.marker} ${it.text}`, null, "    ");
        return;
      case "table":
        this.table(b);
        return;
      case "signature":
        for (const s of b.signers) {
          this.blank();
          this.signer(s);
        }
        return;
      case "memoHeader": {
        // the sheet holds no image: the emblem's place is the heading row, as on a blank memo form
        const r = this.push([b.heading]);
        const range = a1Range(r, 0, r, this.lastCol);
        this.spec.merges.push(range);
        this.style(range, { bold: true, size: 20, hAlign: "center" });
        this.spec.rowHeights = { ...this.spec.rowHeights, [r]: TITLE_HEIGHT };
        for (const line of b.lines) this.text(memoFieldText(line), null);
        this.blank();
        this.text(memoFieldText([b.to]), null);
        return;
      }
      case "ruling": {
        this.blank();
        const [title, ...rest] = rulingLines(b);
        this.text(title, { bold: true });
        for (const line of rest) this.text(line, null);
        this.blank();
        this.signer(b.signer);
        return;
      }
    }
  }
  /** A signer's lines, from the middle column (the right half of the printed page). */
  private signer(s: Signer): void {
    const col = Math.min(this.lastCol, Math.floor(this.widths.length / 2));
    for (const line of signerLines(s)) {
      const cells: Cell[] = new Array(col).fill(null);
      cells.push(line);
      this.push(cells);
    }
  }
  table(t: TableBlock): void {
    const n = t.widths.length;
    if (t.caption) {
      const r = this.push([t.caption]);
      const range = a1Range(r, 0, r, n - 1);
      this.spec.merges.push(range);
      this.style(range, { bold: true, hAlign: "center" });
    }
    const first = this.row;
    const taken = new Array<number>(n).fill(0);
    for (const hr of t.header) {
      const r = this.push(new Array<Cell>(n).fill(null));
      let col = 0;
      for (const c of hr) {
        while (taken[col] > 0) col++;
        const span = c.colSpan ?? 1;
        const rows = c.rowSpan ?? 1;
        this.spec.rows[r][col] = c.text;
        if (span > 1 || rows > 1) this.spec.merges.push(a1Range(r, col, r + rows - 1, col + span - 1));
        if (rows > 1) for (let k = 0; k < span; k++) taken[col + k] = rows;
        col += span;
      }
      for (let k = 0; k < n; k++) if (taken[k] > 0) taken[k]--;
    }
    const last = this.row - 1;
    this.style(a1Range(first, 0, last, n - 1), STYLES.header);
    // the body is styled in a few large ranges (whole body, then one range per aligned column),
    // then only the exceptions: a long table must not become thousands of format commands
    const bodyFirst = this.row;
    const exceptions: Array<[string, CellStyle]> = [];
    for (const tr of t.rows) {
      const r = this.push(new Array<Cell>(n).fill(null));
      let col = 0;
      if (tr.group) exceptions.push([a1Range(r, 0, r, n - 1), { bold: true, fill: PALETTE.sectionFill }]);
      else if (tr.total) exceptions.push([a1Range(r, 0, r, n - 1), { bold: true }]);
      for (const c of tr.cells) {
        const span = c.colSpan ?? 1;
        this.spec.rows[r][col] = c.text;
        const range = a1Range(r, col, r, col + span - 1);
        if (span > 1) this.spec.merges.push(range);
        if (c.align && c.align !== (t.align[col] ?? "left")) exceptions.push([range, { hAlign: c.align }]);
        if (c.bold && !tr.group && !tr.total) exceptions.push([range, { bold: true }]);
        col += span;
      }
    }
    const bodyLast = this.row - 1;
    if (bodyLast >= bodyFirst) {
      this.style(a1Range(bodyFirst, 0, bodyLast, n - 1), { ...STYLES.table, hAlign: "left" });
      for (let col = 0; col < n; col++) {
        const align = t.align[col] ?? "left";
        if (align !== "left") this.style(a1Range(bodyFirst, col, bodyLast, col), { hAlign: align });
      }
      for (const [range, style] of exceptions) this.style(range, style);
    }
    // the main table's header repeats on printed pages: the first wide (measures, 14 pt) table, else the longest
    const rank = (t.landscape || t.small ? 10000 : 0) + t.rows.length;
    if (!this.repeatCandidate || rank > this.repeatCandidate.rank)
      this.repeatCandidate = { rank, first: first + 1, last: last + 1 };
    this.blank();
  }
  finish(): SheetSpec {
    this.spec.print = {
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: this.repeatCandidate ? `${this.repeatCandidate.first}:${this.repeatCandidate.last}` : undefined,
    };
    this.spec.font = { ...SHEET_FONT };
    this.spec.tabColor = PALETTE.tab;
    this.spec.rowHeight = ROW_HEIGHT;
    return fitRowHeights(this.spec);
  }
}

/** The print-ready sheet "รายงาน ITA": the two published documents, then the memo to the head. */
export function reportSheet(model: ReportModel): SheetSpec {
  const docs = [model.analysisDoc, model.measuresDoc, model.memoDoc];
  const tables = docs.flatMap((d) => d.blocks.filter((b): b is TableBlock => b.kind === "table"));
  const widths = columnWidths(tables);
  const total = widths.reduce((a, b) => a + b, 0);
  const w = new SheetWriter(widths, Math.floor(total / CHAR_WIDTH) - 4);
  docs.forEach((doc, i) => {
    if (i > 0) {
      w.blank();
      w.blank();
    }
    // a memo has no title block: its memoHeader heads it
    if (doc.id !== "memo") w.title(doc);
    for (const b of doc.blocks) w.block(b);
  });
  return w.finish();
}
