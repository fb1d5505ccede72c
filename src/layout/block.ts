/**
 * Blocks: a piece of a generated sheet (a title, a table, a list, chart data) built with
 * coordinates relative to its own top-left cell, then stacked onto a sheet by SheetStack, which
 * shifts every address (styles, merges, fills, chart ranges and anchors, row heights). Moving a
 * section moves its chart with it; nothing counts rows by hand.
 */
import { a1Range, colLetter } from "./grid";
import type { Cell, CellStyle, ChartSpec, ConditionalFill, SheetSpec } from "./sheetSpec";

/** A rectangle in block coordinates: zero-based, inclusive. */
export interface Rect {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

/** A chart whose data and place are given in the coordinates of the block that holds it. */
export interface BlockChart extends Omit<ChartSpec, "dataRange" | "topLeft" | "bottomRight"> {
  data: Rect;
  /** Where the chart is drawn, relative to the block's top-left cell (may lie outside the block). */
  at: Rect;
  /** The sheet row of the chart's top edge when it should rise above its block (e.g. 1, beside the title). */
  sheetTop?: number;
}

/** A block placed beside another, at a row and column of that block. */
interface Attached {
  block: Block;
  row: number;
  col: number;
}

export class Block {
  readonly rows: Cell[][] = [];
  readonly styles: { rect: Rect; style: CellStyle }[] = [];
  readonly merges: Rect[] = [];
  readonly fills: { rect: Rect; rules: ConditionalFill["rules"] }[] = [];
  readonly charts: BlockChart[] = [];
  readonly rowHeights: Record<number, number> = {};
  readonly attached: Attached[] = [];

  get height(): number {
    return this.rows.length;
  }
  /** Adds a row; styles its first `width` cells when a style is given. Returns its row index. */
  add(cells: Cell[], style?: CellStyle, width = cells.length): number {
    const r = this.rows.length;
    this.rows.push(cells);
    if (style && width > 0) this.style(rect(r, 0, r, width - 1), style);
    return r;
  }
  blank(): void {
    this.rows.push([]);
  }
  style(at: Rect, style: CellStyle): void {
    this.styles.push({ rect: at, style });
  }
  merge(at: Rect): void {
    this.merges.push(at);
  }
  fill(at: Rect, rules: ConditionalFill["rules"]): void {
    this.fills.push({ rect: at, rules });
  }
  chart(chart: BlockChart): void {
    this.charts.push(chart);
  }
  rowHeight(row: number, points: number): void {
    this.rowHeights[row] = points;
  }
  /** A blank row, then a section title merged over `width` columns. */
  section(title: string, width: number, style: CellStyle): void {
    this.blank();
    const r = this.add([title], style, 1);
    this.merge(rect(r, 0, r, width - 1));
  }
  /** Places `block` beside this one, its top-left at (row, col) of this block. */
  attach(block: Block, row: number, col: number): void {
    this.attached.push({ block, row, col });
  }
}

export function rect(row: number, col: number, lastRow = row, lastCol = col): Rect {
  return { row, col, lastRow, lastCol };
}

function shifted(r: Rect, dr: number, dc: number): Rect {
  return { row: r.row + dr, col: r.col + dc, lastRow: r.lastRow + dr, lastCol: r.lastCol + dc };
}

function rangeOf(r: Rect): string {
  return r.row === r.lastRow && r.col === r.lastCol
    ? `${colLetter(r.col)}${r.row + 1}`
    : a1Range(r.row, r.col, r.lastRow, r.lastCol);
}

/** Stacks blocks onto a sheet, top to bottom, translating their coordinates. */
export class SheetStack {
  constructor(readonly spec: SheetSpec) {}

  /** The next free row. */
  get row(): number {
    return this.spec.rows.length;
  }

  /** Puts a block below everything so far; returns the sheet row of its first row. */
  stack(block: Block): number {
    const top = this.row;
    this.place(block, top, 0);
    return top;
  }

  /** Puts a block with its top-left cell at (row, col) of the sheet, over blank cells. */
  place(block: Block, row: number, col: number): void {
    const s = this.spec;
    block.rows.forEach((cells, r) => {
      const target = (s.rows[row + r] ??= []);
      cells.forEach((v, c) => {
        if (v === undefined) return;
        if (col + c > 0) for (let k = target.length; k < col + c; k++) target[k] = null;
        target[col + c] = v;
      });
    });
    for (let r = 0; r < row + block.height; r++) s.rows[r] ??= [];
    for (const { rect: at, style } of block.styles) s.styles.push({ range: rangeOf(shifted(at, row, col)), style });
    for (const m of block.merges) s.merges.push(rangeOf(shifted(m, row, col)));
    for (const f of block.fills) s.conditionalFills.push({ range: rangeOf(shifted(f.rect, row, col)), rules: f.rules });
    for (const { data, at, sheetTop, ...chart } of block.charts) {
      const where = shifted(at, row, col);
      if (sheetTop !== undefined) where.row = Math.min(sheetTop, where.row);
      const spec: ChartSpec = {
        ...chart,
        dataRange: rangeOf(shifted(data, row, col)),
        topLeft: `${colLetter(Math.max(0, where.col))}${Math.max(0, where.row) + 1}`,
        bottomRight: `${colLetter(Math.max(0, where.lastCol))}${Math.max(0, where.lastRow) + 1}`,
      };
      s.charts.push(spec);
    }
    const heights = (s.rowHeights ??= {});
    for (const [r, h] of Object.entries(block.rowHeights)) heights[Number(r) + row] = h;
    for (const a of block.attached) this.place(a.block, row + a.row, col + a.col);
  }
}
