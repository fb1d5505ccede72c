/// <reference types="office-js" />
/**
 * The Office.js renderer of a SheetSpec. It only queues commands on a worksheet proxy:
 * it never syncs. A sheet becomes a list of operations, each with an estimate of its
 * request size, so the writer can group them into requests under Excel on the web's 5 MB cap.
 */
import { a1, colLetter, parseA1 } from "../layout/grid";
import type { CellStyle, ChartKind, ChartSpec, Grid, SheetSpec } from "../layout/sheetSpec";
import type { ExcelCapabilities, Extra } from "./capabilities";

export interface Op {
  /** Estimated bytes this operation adds to the request. */
  size: number;
  apply(ws: Excel.Worksheet): void;
}

/** Fixed cost of a small command (property set, method call) in a request. */
const SMALL = 200;
/** Rows of values per operation, so a large sheet can be split between requests. */
export const ROWS_PER_OP = 200;

/**
 * Bytes of a cell value in the JSON request, as UTF-8 (Thai: 3 bytes a character; JSON.stringify
 * does not escape non-ASCII) plus quotes and comma; control characters and quotes are escaped.
 */
export function cellBytes(v: unknown): number {
  if (v === null || v === undefined || v === "") return 3;
  if (typeof v === "string") {
    let n = 3;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      n += c < 32 ? 6 : c === 34 || c === 92 ? 2 : c < 128 ? 1 : c < 2048 ? 2 : 3;
    }
    return n;
  }
  return 20;
}

/** Excel date serial (1900 system) of a Date. */
function dateSerial(d: Date): number {
  return (Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(1899, 11, 30)) / 86400000;
}

function toExcelValue(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return dateSerial(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  return v as string | boolean;
}

/** Rows padded to one width, with Excel values. */
export function rectangular(rows: Grid): { values: (string | number | boolean)[][]; width: number } {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return { values: rows.map((r) => Array.from({ length: width }, (_, c) => toExcelValue(r[c]))), width };
}

/** Size of an A1 range ("B2:D9" or "C3"). */
export function rangeSize(range: string): { rows: number; cols: number } {
  const [from, to = from] = range.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  return { rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

/** "RRGGBB" → "#RRGGBB". */
export function hex(c: string): string {
  return c.startsWith("#") ? c : `#${c}`;
}

/** Excel column width in points for a width in characters (Calibri 11: 7 px per char + 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

export const CHART_TYPES: Record<ChartKind, string> = {
  columnClustered: "ColumnClustered",
  columnStacked: "ColumnStacked",
  barClustered: "BarClustered",
  line: "Line",
  pie: "Pie",
};

function styleOps(range: string, style: CellStyle): Op[] {
  const ops: Op[] = [];
  const { rows, cols } = rangeSize(range);
  if (style.numberFormat !== undefined) {
    const fmt = style.numberFormat;
    ops.push({
      size: SMALL + rows * cols * (fmt.length + 4),
      apply: (ws) => {
        ws.getRange(range).numberFormat = Array.from({ length: rows }, () => Array.from({ length: cols }, () => fmt));
      },
    });
  }
  ops.push({
    size: SMALL * 4,
    apply: (ws) => {
      const r = ws.getRange(range);
      const f = r.format;
      if (style.bold !== undefined) f.font.bold = style.bold;
      if (style.italic !== undefined) f.font.italic = style.italic;
      if (style.size !== undefined) f.font.size = style.size;
      if (style.font !== undefined) f.font.name = style.font;
      if (style.color !== undefined) f.font.color = hex(style.color);
      if (style.fill !== undefined) f.fill.color = hex(style.fill);
      if (style.wrap !== undefined) f.wrapText = style.wrap;
      if (style.hAlign) f.horizontalAlignment = H_ALIGN[style.hAlign] as Excel.HorizontalAlignment;
      if (style.vAlign) f.verticalAlignment = V_ALIGN[style.vAlign] as Excel.VerticalAlignment;
      if (style.border) {
        const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
        if (rows > 1) edges.push("InsideHorizontal");
        if (cols > 1) edges.push("InsideVertical");
        for (const e of edges) {
          const b = f.borders.getItem(e as Excel.BorderIndex);
          b.style = "Continuous" as Excel.BorderLineStyle;
          b.color = "#808080";
        }
      }
    },
  });
  return ops;
}

function chartOp(c: ChartSpec, caps: ExcelCapabilities): Op {
  return {
    size: SMALL * 6,
    apply: (ws) => {
      const chart = ws.charts.add(
        CHART_TYPES[c.kind] as Excel.ChartType,
        ws.getRange(c.dataRange),
        Excel.ChartSeriesBy.columns,
      );
      chart.name = c.id;
      chart.title.text = c.title;
      chart.setPosition(c.topLeft, c.bottomRight);
      if (c.kind !== "pie") {
        const va = chart.axes.valueAxis;
        if (c.valueAxis?.min !== undefined) va.minimum = c.valueAxis.min;
        if (c.valueAxis?.max !== undefined) va.maximum = c.valueAxis.max;
        if (c.valueAxis?.title) va.title.text = c.valueAxis.title;
        if (c.categoryAxisTitle) chart.axes.categoryAxis.title.text = c.categoryAxisTitle;
      }
      if (caps.chartSeries) {
        for (const i of c.lineSeries ?? []) chart.series.getItemAt(i).chartType = "Line" as Excel.ChartType;
      }
      // one colour per series (e.g. per rating), over Excel's palette; series by columns, the
      // first column being the categories: as many series as the other columns (ExcelApi 1.1)
      const series = rangeSize(c.dataRange).cols - 1;
      (c.seriesColors ?? [])
        .slice(0, series)
        .forEach((color, i) => chart.series.getItemAt(i).format.fill.setSolidColor(hex(color)));
    },
  };
}

/** An operation that only dresses the sheet up; run best-effort after the content is in place. */
export interface ExtraOp extends Op {
  extra: Extra;
}

/**
 * A sheet as operations: `ops` are the content (values, formats, widths, merges, charts),
 * `extras` the cosmetic finish (conditional fills, dropdowns, freeze panes, filter buttons, tab
 * colour, print setup) that the writer applies in a separate, best-effort request, and `skipped` the extras
 * this Excel lacks the requirement set for.
 */
export interface SheetPlan {
  ops: Op[];
  extras: ExtraOp[];
  skipped: Extra[];
}

/**
 * Operations that empty a sheet written by an earlier run before it is drawn again: its charts
 * (by the names loaded beforehand), then contents, formats and merges. The sheet object stays,
 * so the user's references to it keep working.
 */
export function clearOps(chartNames: string[], caps: ExcelCapabilities): Op[] {
  const ops: Op[] = chartNames.map((name) => ({
    size: SMALL,
    apply: (ws: Excel.Worksheet) => ws.charts.getItem(name).delete(),
  }));
  // Clear "All" takes formats with it; the conditional formats are removed explicitly as well
  if (caps.conditionalFormats) ops.push({ size: SMALL, apply: (ws) => ws.getRange().conditionalFormats.clearAll() });
  ops.push({ size: SMALL, apply: (ws) => ws.getRange().clear("All" as Excel.ClearApplyTo) });
  return ops;
}

/** The operations that draw a spec on an empty (or just cleared) worksheet. */
export function planSheet(spec: SheetSpec, caps: ExcelCapabilities): SheetPlan {
  const ops: Op[] = [];
  const extras: ExtraOp[] = [];
  const skipped = new Set<Extra>();
  if (spec.font) {
    const font = spec.font;
    ops.push({
      size: SMALL,
      apply: (ws) => {
        const all = ws.getRange();
        all.format.font.name = font.name;
        all.format.font.size = font.size;
      },
    });
  }
  // values, in blocks of rows
  if (spec.rows.length) {
    const { values, width } = rectangular(spec.rows);
    for (let start = 0; start < values.length; start += ROWS_PER_OP) {
      const block = values.slice(start, start + ROWS_PER_OP);
      const size = SMALL + block.reduce<number>((s, r) => s + r.reduce<number>((t, v) => t + cellBytes(v), 0), 0);
      const address = `${a1(start, 0)}:${a1(start + block.length - 1, width - 1)}`;
      // Excel parses a string written to a General cell like typing ("+25.68" → formula,
      // "2565" → number): every string is text, so its cell gets the Text format "@" first
      const formats = block.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
      // "@", = 4 bytes, "General", = 10 bytes in the request's JSON
      const formatBytes = block.reduce<number>(
        (s, r) => s + r.reduce<number>((t, v) => t + (typeof v === "string" ? 4 : 10), 0),
        0,
      );
      ops.push({
        size: size + formatBytes,
        apply: (ws) => {
          const range = ws.getRange(address);
          range.numberFormat = formats;
          range.values = block;
        },
      });
    }
  }
  if (spec.columnWidths.length) {
    const widths = spec.columnWidths;
    ops.push({
      size: SMALL * widths.length,
      apply: (ws) => {
        widths.forEach((w, i) => {
          if (w > 0) ws.getRange(`${colLetter(i)}:${colLetter(i)}`).format.columnWidth = widthPoints(w);
        });
      },
    });
  }
  if (spec.rowHeight && spec.rows.length) {
    const h = spec.rowHeight;
    const n = spec.rows.length;
    ops.push({ size: SMALL, apply: (ws) => (ws.getRange(`${1}:${n}`).format.rowHeight = h) });
  }
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) {
    const row = Number(r) + 1;
    ops.push({ size: SMALL, apply: (ws) => (ws.getRange(`${row}:${row}`).format.rowHeight = h) });
  }
  for (const s of spec.styles) ops.push(...styleOps(s.range, s.style));
  for (const m of spec.merges) ops.push({ size: SMALL, apply: (ws) => ws.getRange(m).merge(false) });
  if (spec.validations.length) {
    if (!caps.dataValidation) skipped.add("dropdowns");
    else
      for (const v of spec.validations)
        extras.push({
          extra: "dropdowns",
          size: SMALL + v.values.join(",").length * 6,
          apply: (ws) => {
            const dv = ws.getRange(v.range).dataValidation;
            dv.clear();
            dv.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
            if (v.errorMessage)
              dv.errorAlert = {
                showAlert: true,
                style: "Stop" as Excel.DataValidationAlertStyle,
                title: "ITA",
                message: v.errorMessage,
              };
          },
        });
  }
  if (spec.conditionalFills.length) {
    if (!caps.conditionalFormats) skipped.add("colours");
    else
      for (const cf of spec.conditionalFills)
        for (const rule of cf.rules)
          extras.push({
            extra: "colours",
            size: SMALL * 3,
            apply: (ws) => {
              const f = ws.getRange(cf.range).conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
              f.cellValue.format.fill.color = hex(rule.fill);
              if (rule.color) f.cellValue.format.font.color = hex(rule.color);
              const op =
                rule.operator === "lessThan"
                  ? "LessThan"
                  : rule.operator === "between"
                    ? "Between"
                    : "GreaterThanOrEqual";
              f.cellValue.rule =
                rule.operator === "between"
                  ? { formula1: String(rule.values[0]), formula2: String(rule.values[1]), operator: op }
                  : { formula1: String(rule.values[0]), operator: op };
            },
          });
  }
  for (const c of spec.charts) {
    if (c.lineSeries?.length && !caps.chartSeries) skipped.add("lineSeries");
    ops.push(chartOp(c, caps));
  }
  if (spec.freezeRows) {
    const n = spec.freezeRows;
    if (!caps.freezePanes) skipped.add("freeze");
    else extras.push({ extra: "freeze", size: SMALL, apply: (ws) => ws.freezePanes.freezeRows(n) });
  }
  if (spec.autoFilter) {
    const range = spec.autoFilter.replace(/\$/g, "");
    if (!caps.autoFilter) skipped.add("filter");
    else extras.push({ extra: "filter", size: SMALL, apply: (ws) => ws.autoFilter.apply(ws.getRange(range)) });
  }
  if (spec.tabColor) {
    const color = hex(spec.tabColor);
    if (!caps.tabColor) skipped.add("tabColor");
    else
      extras.push({
        extra: "tabColor",
        size: SMALL,
        apply: (ws) => {
          ws.tabColor = color;
        },
      });
  }
  if (spec.print) {
    const p = spec.print;
    if (!caps.pageLayout) skipped.add("print");
    else
      extras.push({
        extra: "print",
        size: SMALL * 2,
        apply: (ws) => {
          const pl = ws.pageLayout;
          pl.orientation = (p.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
          if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          if (p.repeatRows) pl.setPrintTitleRows(`$${p.repeatRows.replace(/\$/g, "").replace(":", ":$")}`);
        },
      });
  }
  return { ops, extras, skipped: [...skipped] };
}

/** Groups operations into requests under a byte budget (an op larger than the budget goes alone). */
export function batchOps<T extends { size: number }>(ops: T[], budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const op of ops) {
    if (current.length && size + op.size > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.size;
  }
  if (current.length) batches.push(current);
  return batches;
}
