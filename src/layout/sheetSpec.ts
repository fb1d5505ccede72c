/**
 * A sheet to write, described as plain data: values plus formatting, validation lists,
 * conditional fills and native charts. Built by the layout functions; written by the
 * adapters (Office.js in src/excel, ExcelJS in src/xlsx) so both produce the same sheet.
 * Addresses are A1 strings on this sheet; colours are "RRGGBB" hex.
 */
import type { EmblemImage, Issue } from "../core/types";

/**
 * A cell value. A string is always literal text: adapters store it as text, never as a
 * formula, number, date or boolean, whatever it looks like ("=HYPERLINK(…)" from a user's
 * measure, "+๒๕.๖๘", the year "2565"). SheetSpecs carry no formulas.
 */
export type Cell = string | number | boolean | Date | null;
/** Rows of cells; rows may have different lengths (missing cells are blank). */
export type Grid = Cell[][];

/**
 * What a reader knows about a sheet beyond its values, for the parser's checks. Plain data, so
 * every reader (the .xlsx reader, the Office.js read batch) can supply it; every field is optional
 * (a reader that cannot tell leaves it out). Addresses are A1 on that sheet.
 */
export interface SheetFacts {
  state?: "visible" | "hidden" | "veryHidden";
  /** Number cells shown with a percent format (the grid holds the stored fraction, e.g. 0.9868). */
  percent?: string[];
  /** Formula cells with no calculated value saved in the file (the grid has them blank). */
  formulaNoValue?: string[];
  /** Merged ranges ("F8:G8"); the grid holds the value in the top-left cell only. */
  merges?: string[];
}

/** Facts of a workbook: per sheet (every sheet, also those not read), and the sheet order. */
export interface WorkbookFacts {
  sheets: Record<string, SheetFacts>;
  order?: string[];
  /** The image placed on the settings sheet (the unit's emblem, for the memo), when there is a usable one. */
  emblem?: EmblemImage;
  /** What the reader noticed beside the grids (an image it could not use), as warnings. */
  warnings?: Issue[];
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  font?: string;
  color?: string;
  fill?: string;
  /** Excel number format, e.g. "0.00". */
  numberFormat?: string;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  /** Thin borders on every edge of every cell in the range. */
  border?: boolean;
}

export interface StyledRange {
  range: string;
  style: CellStyle;
}

export interface ConditionalFillRule {
  operator: "lessThan" | "greaterThanOrEqual" | "between";
  /** One value, or two for "between" (inclusive). */
  values: number[];
  fill: string;
  color?: string;
}

export interface ConditionalFill {
  range: string;
  rules: ConditionalFillRule[];
}

export interface ValidationList {
  range: string;
  values: string[];
  /** Shown when the user types something else. */
  errorMessage?: string;
}

export type ChartKind = "columnClustered" | "columnStacked" | "barClustered" | "line" | "pie";

export interface ChartSpec {
  /** Stable id, used to name the chart object. */
  id: string;
  kind: ChartKind;
  title: string;
  /**
   * Source data including its header row; series by columns. The first column is the
   * categories, and its cells are strings (text) in `rows` — years too ("2565") — so Excel
   * takes them as category labels and never as one more data series; the other columns are
   * the series, their header cells the series names.
   */
  dataRange: string;
  /** Zero-based indexes of series drawn as lines in a column/bar chart (e.g. the pass line). */
  lineSeries?: number[];
  /** Where the chart goes: top-left and bottom-right cells. */
  topLeft: string;
  bottomRight: string;
  valueAxis?: { min?: number; max?: number; title?: string };
  categoryAxisTitle?: string;
  /** Colours of the series ("RRGGBB"), in order, over the default palette (e.g. one colour per rating). */
  seriesColors?: string[];
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** Fit all columns on one page width. */
  fitToWidth: boolean;
  /** Rows repeated at the top of each printed page, e.g. "3:3". */
  repeatRows?: string;
}

export interface SheetSpec {
  name: string;
  /** Input sheets are the user's (created once by the template); generated sheets are replaced whole. */
  kind: "input" | "generated";
  rows: Grid;
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Height in points of every row from 1 to the last row of `rows` (Thai fonts need more than Excel's default 15). */
  rowHeight?: number;
  /** Heights in points of particular rows (zero-based row index → points), over `rowHeight`. */
  rowHeights?: Record<number, number>;
  styles: StyledRange[];
  merges: string[];
  validations: ValidationList[];
  conditionalFills: ConditionalFill[];
  charts: ChartSpec[];
  /** Rows frozen at the top. */
  freezeRows?: number;
  /** A range with filter buttons on its header row (sortable and filterable in Excel), e.g. "A4:Z120". */
  autoFilter?: string;
  tabColor?: string;
  print?: PrintSetup;
  /** The font of the whole sheet (name, size). */
  font?: { name: string; size: number };
}

/** An empty spec to fill in. */
export function emptySheet(name: string, kind: SheetSpec["kind"]): SheetSpec {
  return {
    name,
    kind,
    rows: [],
    columnWidths: [],
    styles: [],
    merges: [],
    validations: [],
    conditionalFills: [],
    charts: [],
  };
}
