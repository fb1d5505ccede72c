/**
 * The .xlsx adapter: workbook bytes → grids (ExcelJS), and SheetSpecs → workbook bytes
 * (our own SpreadsheetML/DrawingML writer patching the package, with native charts).
 * No file system here, so the same code runs in Node (CLI) and in the browser (task pane).
 */
import ExcelJS from "exceljs";
import type { Issue } from "../core/types";
import type { Cell, Grid, SheetSpec } from "../layout/sheetSpec";
import { newWorkbook, patchWorkbook } from "../ooxml/workbook";

export type ReadResult = { ok: true; sheets: Record<string, Grid> } | { ok: false; issue: Issue };

function bytesOf(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Whether bytes start like a zip file (every .xlsx is one). */
export function looksLikeXlsx(data: ArrayBuffer | Uint8Array): boolean {
  const b = bytesOf(data);
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
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

/** Reads every sheet of an .xlsx as grids. Bad bytes become an Issue, never an exception. */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, fileName = "workbook"): Promise<ReadResult> {
  if (!looksLikeXlsx(data))
    return { ok: false, issue: { code: "FILE_NOT_XLSX", severity: "error", params: { path: fileName } } };
  let wb: ExcelJS.Workbook;
  try {
    wb = await load(data);
  } catch (e) {
    return {
      ok: false,
      issue: { code: "FILE_CORRUPT", severity: "error", params: { path: fileName, detail: (e as Error).message } },
    };
  }
  const sheets: Record<string, Grid> = {};
  wb.eachSheet((ws) => {
    sheets[ws.name] = worksheetGrid(ws);
  });
  return { ok: true, sheets };
}

/**
 * A copy of the workbook with the given generated sheets replaced whole (or added at the end),
 * with their native charts. The package is patched: every other part stays byte for byte as
 * it was (the user's charts, images, pivot tables…). See writer.ts.
 */
export async function writeGeneratedSheets(
  original: ArrayBuffer | Uint8Array,
  specs: SheetSpec[],
): Promise<Uint8Array> {
  const input = specs.find((s) => s.kind !== "generated");
  if (input) throw new Error(`'${input.name}' is an input sheet: only generated sheets are written into a workbook`);
  return patchWorkbook(bytesOf(original), specs);
}

/** A new workbook made of the given sheets (the template), by the same writer. */
export async function createWorkbook(specs: SheetSpec[]): Promise<Uint8Array> {
  return newWorkbook(specs);
}
