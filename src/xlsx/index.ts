/**
 * The .xlsx adapter (ExcelJS): workbook bytes → grids, and SheetSpecs → workbook bytes.
 * No file system here, so the same code runs in Node (CLI) and in the browser (task pane).
 * ExcelJS cannot create native charts: ChartSpecs are left to the Office.js adapter.
 */
import ExcelJS from "exceljs";
import { cellsOf } from "../layout/grid";
import { sheetNameProblem } from "../layout/names";
import { DEFAULT_LIMITS, readXlsx, type ReadLimits, type ReadResult } from "./read";
import type { Cell, CellStyle, Grid, SheetSpec } from "../layout/sheetSpec";

export {
  DEFAULT_LIMITS,
  declaredPackageSize,
  isLayoutSheetName,
  looksLikeXlsx,
  readXlsx,
  type ReadLimits,
  type ReadResult,
} from "./read";

function bytesOf(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

async function load(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const b = bytesOf(data);
  // ExcelJS wants an ArrayBuffer-like of exactly the file's bytes
  await wb.xlsx.load(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
  return wb;
}

/** The plain value of an ExcelJS cell (formula results, rich text and hyperlinks unwrapped). */
export function plainValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("result" in v) return plainValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("formula" in v || "sharedFormula" in v) return null;
    if ("text" in v && typeof (v as { text: unknown }).text === "string") return (v as { text: string }).text;
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

/** The used cells of a worksheet as a grid; merged cells other than the top-left are blank. */
export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const slave = cell.isMerged && cell.master && cell.master.address !== cell.address;
      cells[colNumber - 1] = slave ? null : plainValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    grid[rowNumber - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
  return grid;
}

/**
 * Reads the layout sheets of an .xlsx as grids with their cell facts (see ./read.ts: bounded,
 * only the needed parts inflated). Bad bytes become an Issue, never an exception.
 */
export async function readWorkbook(
  data: ArrayBuffer | Uint8Array,
  fileName = "workbook",
  limits: ReadLimits = DEFAULT_LIMITS,
  select?: (sheetName: string) => boolean,
): Promise<ReadResult> {
  return readXlsx(data, fileName, limits, select);
}

function argb(hex: string): string {
  return `FF${hex.toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold !== undefined || style.italic !== undefined || style.size || style.font || style.color) {
    cell.font = {
      ...cell.font,
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.size ? { size: style.size } : {}),
      ...(style.font ? { name: style.font } : {}),
      ...(style.color ? { color: { argb: argb(style.color) } } : {}),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.wrap !== undefined || style.hAlign || style.vAlign) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.hAlign ? { horizontal: style.hAlign } : {}),
      ...(style.vAlign ? { vertical: style.vAlign } : {}),
    };
  }
  if (style.border) {
    const thin = { style: "thin" as const, color: { argb: "FFA6A6A6" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

/** Writes one SheetSpec into a new worksheet of the workbook. */
export function renderSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  // Excel's sheet-name rules (ExcelJS would silently cut a long name to 31 characters)
  const problem = sheetNameProblem(spec.name);
  if (problem) throw new Error(`sheet name '${spec.name}': ${problem}`);
  const ws = wb.addWorksheet(spec.name, {
    properties: spec.tabColor ? { tabColor: { argb: argb(spec.tabColor) } } : {},
    views: spec.freezeRows ? [{ state: "frozen", ySplit: spec.freezeRows }] : [],
  });
  const font = spec.font;
  spec.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const touched = new Set<string>();
  const cellAt = (r: number, c: number): ExcelJS.Cell => {
    const cell = ws.getCell(r + 1, c + 1);
    const key = `${r},${c}`;
    if (font && !touched.has(key)) {
      cell.font = { name: font.name, size: font.size };
      touched.add(key);
    }
    return cell;
  };
  // a string is text (SheetSpec's Cell): ExcelJS writes it as a shared string, never a formula
  spec.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) cellAt(r, c).value = v;
    }),
  );
  for (const { range, style } of spec.styles) for (const [r, c] of cellsOf(range)) applyStyle(cellAt(r, c), style);
  for (const m of spec.merges) ws.mergeCells(m);
  if (spec.rowHeight) for (let r = 0; r < spec.rows.length; r++) ws.getRow(r + 1).height = spec.rowHeight;
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
  for (const v of spec.validations) {
    for (const [r, c] of cellsOf(v.range)) {
      cellAt(r, c).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${v.values.join(",")}"`],
        showErrorMessage: true,
        errorStyle: "stop",
        error: v.errorMessage,
      };
    }
  }
  let priority = 1;
  for (const cf of spec.conditionalFills) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: cf.rules.map((rule) => ({
        type: "cellIs",
        // OOXML has greaterThanOrEqual; ExcelJS writes the operator as given but types fewer
        operator: rule.operator as ExcelJS.CellIsOperators,
        formulae: rule.values,
        priority: priority++,
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } },
          ...(rule.color ? { font: { color: { argb: argb(rule.color) } } } : {}),
        },
      })),
    });
  }
  if (spec.print) {
    ws.pageSetup.paperSize = 9; // A4
    ws.pageSetup.orientation = spec.print.orientation;
    if (spec.print.fitToWidth) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = 0;
    }
    if (spec.print.repeatRows) ws.pageSetup.printTitlesRow = spec.print.repeatRows;
  }
  return ws;
}

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/**
 * A copy of the workbook with the given generated sheets replaced whole (or added at the end).
 * Input sheets are not touched. Note: ExcelJS does not keep charts or images that the
 * original workbook already had.
 */
export async function writeGeneratedSheets(
  original: ArrayBuffer | Uint8Array,
  specs: SheetSpec[],
): Promise<Uint8Array> {
  const wb = await load(original);
  for (const spec of specs) {
    const old = wb.getWorksheet(spec.name);
    if (old) wb.removeWorksheet(old.id);
  }
  for (const spec of specs) renderSheet(wb, spec);
  return toBytes(wb);
}

/** A new workbook made of the given sheets. */
export async function createWorkbook(specs: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ITA Analyzer";
  for (const spec of specs) renderSheet(wb, spec);
  return toBytes(wb);
}
