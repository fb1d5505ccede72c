/**
 * The .xlsx adapter: workbook bytes → grids and cell facts (./read.ts: bounded, only the layout
 * parts inflated), and SheetSpecs → workbook bytes (src/ooxml: the user's package patched, with
 * native charts). No file system here, so the same code runs in Node (CLI) and in the browser.
 */
import { sheetNameProblem } from "../layout/names";
import type { SheetSpec } from "../layout/sheetSpec";
import { newWorkbook, patchWorkbook } from "../ooxml/workbook";
import { DEFAULT_LIMITS, readXlsx, type ReadLimits, type ReadResult } from "./read";

export {
  DEFAULT_LIMITS,
  declaredPackageSize,
  isLayoutSheetName,
  looksLikeXlsx,
  readXlsx,
  type ReadLimits,
  type ReadResult,
} from "./read";

/** Excel's sheet-name rules, checked before anything is written (never a silently cut name). */
function checkNames(specs: SheetSpec[]): void {
  for (const s of specs) {
    const problem = sheetNameProblem(s.name);
    if (problem) throw new Error(`sheet name '${s.name}': ${problem}`);
  }
}

function bytesOf(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Reads the layout sheets of an .xlsx as grids with their cell facts. Bad bytes become an Issue,
 * never an exception. `select` widens the sheets read (e.g. generated ones, for tests).
 */
export async function readWorkbook(
  data: ArrayBuffer | Uint8Array,
  fileName = "workbook",
  limits: ReadLimits = DEFAULT_LIMITS,
  select?: (sheetName: string) => boolean,
): Promise<ReadResult> {
  return readXlsx(data, fileName, limits, select);
}

/**
 * A copy of the workbook with the given generated sheets replaced whole (or added at the end),
 * with their native charts. The package is patched: every other part stays byte for byte as
 * it was (the user's charts, images, pivot tables…).
 */
export async function writeGeneratedSheets(
  original: ArrayBuffer | Uint8Array,
  specs: SheetSpec[],
): Promise<Uint8Array> {
  const input = specs.find((s) => s.kind !== "generated");
  if (input) throw new Error(`'${input.name}' is an input sheet: only generated sheets are written into a workbook`);
  checkNames(specs);
  return patchWorkbook(bytesOf(original), specs);
}

/** A new workbook made of the given sheets (the template), by the same writer. */
export async function createWorkbook(specs: SheetSpec[]): Promise<Uint8Array> {
  checkNames(specs);
  return newWorkbook(specs);
}
