/// <reference types="office-js" />
/**
 * The Office.js adapter: reads the layout sheets and writes generated sheets. Each function
 * takes the RequestContext of one Excel.run and costs a fixed number of context.sync round
 * trips, never one per sheet, row or cell:
 *   readLayout            1 sync (2 when a layout sheet's name differs from ours in spacing);
 *                         with `emblem` (ExcelApi 1.9) +1 to list the settings sheet's shapes
 *                         when that sheet exists, +1 for the picture when one of them is one
 *   writeGeneratedSheets  2 syncs (+1 per extra request for writes above the 5 MB cap)
 *                         +1 best-effort sync for the extras (colours, freeze, tab colour, print)
 *   createTemplate        2 syncs +1 best-effort sync for the extras (dropdowns, freeze)
 *   selectCell            2 syncs
 * Generated sheets are first drawn complete on temporary sheets, then drawn into the existing
 * sheets of their names (which keeps the user's references to them), in the same request:
 * Excel stops a request at its first failing command, so a failure leaves the previous
 * analysis in place, or (when it comes after the copies were complete) the complete copies.
 * Input sheets are only ever read.
 */
import { emblemOf, MAX_EMBLEM_BYTES } from "../core/emblem";
import { makeIssue, type Issue } from "../core/messages";
import type { EmblemImage } from "../core/types";
import { a1, normLabel } from "../layout/grid";
import { INPUT_SHEETS, SHEETS, sheetKey, sheetNameProblem } from "../layout/names";
import type { Cell, Grid, SheetFacts, SheetSpec, WorkbookFacts } from "../layout/sheetSpec";
import { dateOfSerial, isDateFormat } from "./dates";
import { ALL_CAPABILITIES, type ExcelCapabilities, type Extra } from "./capabilities";
import { batchOps, clearOps, planSheet, type ExtraOp } from "./render";

/** The sheets read in the one read batch: the input sheets, the optional OIT and กรอบการประเมิน included. */
export const LAYOUT_SHEETS: readonly string[] = INPUT_SHEETS;

/** Prefix of the temporary sheets a run builds before swapping them in. */
export const TEMP_PREFIX = "~ITA-tmp-";
/** Prefix of the previous generated sheets while the new ones take their names. */
export const OLD_PREFIX = "~ITA-old-";

/** Bytes per request: Excel on the web rejects requests above 5 MB; keep a margin. */
export const REQUEST_BUDGET = 4_000_000;

export interface WriteOptions {
  caps?: ExcelCapabilities;
  /** Bytes per request (tests lower it to force chunking). */
  budget?: number;
  /** Suffix of the temporary names (default: time-based). */
  runId?: string;
}

export interface WriteReport {
  written: string[];
  /** Extras skipped because this Excel lacks their requirement set. */
  skipped: Extra[];
  /** Extras Excel refused in the best-effort request (the analysis itself is in place). */
  rejected: Extra[];
  /** Requests used for the content (1 unless the data is above the request budget). */
  requests: number;
  /** Requests used for the extras (0 or 1 unless above the request budget). */
  extraRequests: number;
  /**
   * Sheets that could not be drawn in place (Excel failed after their complete copy was made)
   * and were replaced by that copy: references to them from elsewhere are lost. Normally empty.
   */
  swapped: string[];
}

function fromExcel(v: unknown): Cell {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * A used range's values placed at their position from A1; a number in a cell formatted as a
 * date becomes that Date (Office.js gives dates as serial numbers).
 */
export function gridFromUsedRange(
  values: unknown[][],
  rowIndex: number,
  columnIndex: number,
  numberFormat?: unknown[][],
): Grid {
  const grid: Grid = Array.from({ length: rowIndex }, () => []);
  for (const [r, row] of values.entries()) {
    const out: Cell[] = Array.from({ length: columnIndex }, () => null);
    for (const [c, v] of row.entries())
      out.push(typeof v === "number" && isDateFormat(numberFormat?.[r]?.[c]) ? (dateOfSerial(v) ?? v) : fromExcel(v));
    while (out.length && out[out.length - 1] === null) out.pop();
    grid.push(out);
  }
  return grid;
}

/** Number cells of a used range shown with a percent format (A1 addresses from the sheet's A1). */
export function percentCells(
  values: unknown[][],
  formats: unknown[][],
  rowIndex: number,
  columnIndex: number,
): string[] {
  const out: string[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = formats[r]?.[c];
      if (typeof v === "number" && typeof f === "string" && /%/.test(f.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "")))
        out.push(a1(rowIndex + r, columnIndex + c));
    }),
  );
  return out;
}

function sheetState(v: string): SheetFacts["state"] {
  return v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : "visible";
}

/**
 * Reads the used ranges of the layout sheets in one request, with what the parser needs beyond
 * values (`facts`: sheet visibility, percent-formatted cells), as the .xlsx reader gives them.
 * Sheets that do not exist are left out (the parser reports them). A sheet whose name differs
 * from ours only in case, spacing or Thai mark order, or a second sheet matching a layout name,
 * is read in a second request.
 */
export async function readLayout(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<{ sheets: Record<string, Grid>; names: string[]; facts: WorkbookFacts }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const probe = (name: string) => {
    const ws = worksheets.getItemOrNullObject(name);
    ws.load("visibility"); // ExcelApi 1.1 for reading
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values,numberFormat,rowIndex,columnIndex"); // ExcelApi 1.1
    return { name, ws, used };
  };
  const first = LAYOUT_SHEETS.map(probe);
  await context.sync();
  const names = worksheets.items.map((w) => w.name);
  const sheets: Record<string, Grid> = {};
  const facts: WorkbookFacts = { sheets: {}, order: names };
  const collect = (p: ReturnType<typeof probe>, as: string) => {
    if (p.ws.isNullObject) return false;
    const used = p.used.isNullObject ? null : p.used;
    sheets[as] = used ? gridFromUsedRange(used.values, used.rowIndex, used.columnIndex, used.numberFormat) : [];
    const percent = used ? percentCells(used.values, used.numberFormat, used.rowIndex, used.columnIndex) : [];
    facts.sheets[as] = { state: sheetState(p.ws.visibility), ...(percent.length ? { percent } : {}) };
    return true;
  };
  const retry: ReturnType<typeof probe>[] = [];
  for (const p of first) {
    collect(p, p.name);
    for (const n of names) if (n !== p.name && normLabel(n) === normLabel(p.name)) retry.push(probe(n));
  }
  if (retry.length) {
    await context.sync();
    for (const p of retry) collect(p, p.name);
  }
  const settings =
    names.find((n) => n === SHEETS.settings) ?? names.find((n) => normLabel(n) === normLabel(SHEETS.settings));
  if (options.caps && settings !== undefined) {
    const { emblem, warning } = await readEmblem(context, settings, options.caps);
    if (emblem) facts.emblem = emblem;
    if (warning) facts.warnings = [warning];
  }
  return { sheets, names, facts };
}

export interface ReadOptions {
  /**
   * What this Excel can do: given, the picture placed on the settings sheet is read as the memo's
   * emblem when `caps.shapes` (ExcelApi 1.9: Worksheet.shapes, Shape.getAsImage); without it the
   * memo leaves the emblem's place empty, as when the sheet holds no picture.
   */
  caps?: ExcelCapabilities;
}

/** Decodes base64 (atob exists in browsers and Node ≥ 16). */
function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The first picture on the settings sheet, as PNG bytes: Worksheet.shapes lists the shapes
 * (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.shapecollection), a
 * picture's Shape.type is "Image" (https://learn.microsoft.com/javascript/api/excel/excel.shapetype),
 * and Shape.getAsImage("PNG") gives it as base64 (ExcelApi 1.9, at 96 DPI; BMP, PNG, JPEG and GIF
 * only: https://learn.microsoft.com/javascript/api/excel/excel.shape#excel-excel-shape-getasimage-member(1)).
 * A picture that cannot be used is a warning; the reading of the workbook goes on.
 */
async function readEmblem(
  context: Excel.RequestContext,
  sheet: string,
  caps: ExcelCapabilities,
): Promise<{ emblem?: EmblemImage; warning?: Issue }> {
  const ignored = (detail: string) => ({
    warning: makeIssue("EMBLEM_IGNORED", "warning", { sheet }, { sheet, detail }),
  });
  if (caps.shapes) {
    try {
      const shapes = context.workbook.worksheets.getItem(sheet).shapes;
      shapes.load("items/type");
      await context.sync();
      const picture = shapes.items.find((s) => s.type === "Image");
      if (!picture) return {};
      const image = picture.getAsImage("PNG");
      await context.sync();
      const b64 = image.value;
      // the decoded size is 3/4 of the text's: refuse before decoding an image far larger than an emblem
      if (b64.length > (MAX_EMBLEM_BYTES / 3) * 4 + 4) return ignored(`larger than ${MAX_EMBLEM_BYTES / 1048576} MB`);
      const got = emblemOf(fromBase64(b64));
      return got.ok ? { emblem: got.emblem } : ignored(got.reason);
    } catch (e) {
      return ignored((e as { code?: string }).code ?? (e as Error).message);
    }
  }
  return {};
}

interface Step {
  size: number;
  run(): void;
}

async function runSteps(
  context: Excel.RequestContext,
  steps: Step[],
  caps: ExcelCapabilities,
  budget: number,
): Promise<number> {
  const batches = batchOps(steps, budget);
  for (const batch of batches) {
    if (caps.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
    if (caps.suspendScreenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
    for (const s of batch) s.run();
    // one sync per request; more than one only above the request budget
    await context.sync();
  }
  return batches.length;
}

/** Prefix of a finished temporary sheet whose content is about to be drawn into the existing sheet. */
export const READY_PREFIX = "~ITA-ready-";

/** Refuses a sheet name Excel would refuse, or one that clashes (case-insensitively) with another. */
function checkSheetNames(names: string[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    const problem = sheetNameProblem(n);
    if (problem || seen.has(sheetKey(n)))
      throw Object.assign(new Error(`sheet name '${n}': ${problem ?? "used twice"}`), {
        code: "SHEET_NAME_INVALID",
        sheet: n,
        detail: problem ?? "used twice",
      });
    seen.add(sheetKey(n));
  }
}

/**
 * Runs the best-effort extras (conditional fills, dropdowns, freeze panes, tab colour, print
 * setup) in one request of their own, after the content is safely in place. A rejection is
 * reported, never rethrown: the analysis stays.
 */
async function runExtras(
  context: Excel.RequestContext,
  plans: Array<{ sheet: string; extras: ExtraOp[] }>,
  budget: number,
): Promise<{ rejected: Extra[]; requests: number }> {
  const steps = plans.flatMap((p) => {
    let ws: Excel.Worksheet | undefined;
    return p.extras.map((e) => ({
      size: e.size,
      extra: e.extra,
      run: () => e.apply((ws ??= context.workbook.worksheets.getItem(p.sheet))),
    }));
  });
  if (!steps.length) return { rejected: [], requests: 0 };
  const batches = batchOps(steps, budget);
  const rejected = new Set<Extra>();
  for (const batch of batches) {
    try {
      for (const s of batch) s.run();
      await context.sync();
    } catch {
      // Excel stops the request at the failing command: report every extra of the request
      batch.forEach((s) => rejected.add(s.extra));
    }
  }
  return { rejected: [...rejected], requests: batches.length };
}

/**
 * Replaces the generated sheets with `specs`, keeping the identity of those that exist so the
 * user's formulas and charts that point at them keep working:
 *   1. every sheet is first drawn complete on a temporary sheet (this proves Excel accepts
 *      the content; a failure here leaves the previous analysis untouched);
 *   2. in the same request the temporary sheets of new names take their names, the others
 *      are set aside as "ready";
 *   3. each existing generated sheet is emptied and the same content drawn into it, then the
 *      ready sheets are deleted.
 * If step 3 fails (rare: the content was just accepted), the ready copies are swapped in
 * whole, so the workbook never holds a half-written analysis (the user's references to that
 * sheet are lost only in this case). The extras follow in a best-effort request.
 */
export async function writeGeneratedSheets(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  options: WriteOptions = {},
): Promise<WriteReport> {
  const caps = options.caps ?? ALL_CAPABILITIES;
  const budget = options.budget ?? REQUEST_BUDGET;
  for (const s of specs)
    if (LAYOUT_SHEETS.some((n) => sheetKey(n) === sheetKey(s.name)) || s.kind !== "generated")
      throw new Error(`refusing to replace input sheet ${s.name}`);
  checkSheetNames(specs.map((s) => s.name));
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  // the charts of the sheets written by an earlier run, to remove before drawing again
  const chartProbes = specs.map((s) => {
    const charts = worksheets.getItemOrNullObject(s.name).charts;
    charts.load("items/name");
    return charts;
  });
  await context.sync();
  const existingNames = worksheets.items.map((w) => w.name);
  const taken = new Set(existingNames.map(sheetKey));
  const runId = options.runId ?? Date.now().toString(36);
  const unique = (prefix: string, i: number) => {
    let name = `${prefix}${i}-${runId}`.slice(0, 31);
    while (taken.has(sheetKey(name))) name = `${name.slice(0, 29)}${Math.floor(Math.random() * 90 + 10)}`;
    taken.add(sheetKey(name));
    return name;
  };
  const temps = specs.map((_, i) => unique(TEMP_PREFIX, i));
  const readies = specs.map((_, i) => unique(READY_PREFIX, i));
  checkSheetNames([...temps, ...readies]);
  const olds = specs.map((spec) => existingNames.find((n) => sheetKey(n) === sheetKey(spec.name)));
  const chartNames = specs.map((_, i) => (olds[i] ? chartProbes[i].items.map((c) => c.name) : []));

  const skipped = new Set<Extra>();
  const plans = specs.map((spec) => planSheet(spec, caps));
  plans.forEach((p) => p.skipped.forEach((e) => skipped.add(e)));
  const steps: Step[] = [];
  // leftovers of an earlier failed run
  for (const n of existingNames.filter((n) => [TEMP_PREFIX, READY_PREFIX, OLD_PREFIX].some((p) => n.startsWith(p))))
    steps.push({ size: SMALL_STEP, run: () => worksheets.getItem(n).delete() });
  // 1. complete copies on temporary sheets
  const proxies: Excel.Worksheet[] = [];
  specs.forEach((_, i) => {
    steps.push({ size: SMALL_STEP, run: () => void (proxies[i] = worksheets.add(temps[i])) });
    for (const op of plans[i].ops) steps.push({ size: op.size, run: () => op.apply(proxies[i]) });
  });
  // 2. new names are taken; copies of existing sheets are marked ready
  steps.push({
    size: SMALL_STEP * specs.length,
    run: () => specs.forEach((spec, i) => (proxies[i].name = olds[i] ? readies[i] : spec.name)),
  });
  // 3. the existing sheets are drawn again in place
  specs.forEach((spec, i) => {
    const old = olds[i];
    if (!old) return;
    let target: Excel.Worksheet | undefined;
    const ws = () => (target ??= worksheets.getItem(old));
    for (const op of [...clearOps(chartNames[i], caps), ...plans[i].ops])
      steps.push({ size: op.size, run: () => op.apply(ws()) });
  });
  steps.push({
    size: SMALL_STEP * specs.length,
    run: () => {
      specs.forEach((_, i) => olds[i] && proxies[i].delete());
      if (specs.length) worksheets.getItem(specs[0].name).activate();
    },
  });
  let requests = 0;
  let swapped: string[] = [];
  try {
    requests = await runSteps(context, steps, caps, budget);
  } catch (err) {
    swapped = await restore(context, specs, temps, readies).catch((cleanupErr: unknown) => {
      throw new AggregateError([err, cleanupErr], `${errorText(err)}; cleanup failed: ${errorText(cleanupErr)}`);
    });
    // the new analysis is in place whole only when its complete copies were swapped in
    if (!swapped.length) throw err;
  }
  const extras = await runExtras(
    context,
    specs.map((s, i) => ({ sheet: s.name, extras: plans[i].extras })),
    budget,
  );
  return {
    written: specs.map((s) => s.name),
    skipped: [...skipped],
    rejected: extras.rejected,
    requests,
    extraRequests: extras.requests,
    swapped,
  };
}

const SMALL_STEP = 200;

/**
 * After a failed run (2 syncs): deletes the unfinished temporary sheets. When the copies
 * were finished ("ready") the failure came while drawing into the existing sheets: the
 * ready copies replace them whole. Returns the sheets so replaced.
 */
async function restore(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  temps: string[],
  readies: string[],
): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const present = worksheets.items.map((w) => w.name);
  const has = (n: string) => present.some((p) => sheetKey(p) === sheetKey(n));
  let work = false;
  const swapped: string[] = [];
  for (const t of temps.filter(has)) {
    work = true;
    worksheets.getItem(t).delete();
  }
  readies.forEach((ready, i) => {
    if (!has(ready)) return;
    work = true;
    const name = specs[i].name;
    swapped.push(name);
    if (has(name)) {
      const half = worksheets.getItem(name);
      half.name = `${OLD_PREFIX}${i}-${ready.slice(READY_PREFIX.length)}`.slice(0, 31);
      worksheets.getItem(ready).name = name;
      half.delete();
    } else worksheets.getItem(ready).name = name;
  });
  if (work) await context.sync();
  return swapped;
}

export function errorText(err: unknown): string {
  if (err && typeof err === "object") {
    const e = err as { code?: string; message?: string; debugInfo?: { errorLocation?: string } };
    const where = e.debugInfo?.errorLocation ? ` (${e.debugInfo.errorLocation})` : "";
    return `${e.code ? `${e.code}: ` : ""}${e.message ?? String(err)}${where}`;
  }
  return String(err);
}

export interface TemplateReport {
  created: string[];
  /** Layout sheets that already exist and were left alone. */
  existing: string[];
  skipped: Extra[];
  /** Extras Excel refused (the sheets themselves are in place). */
  rejected: Extra[];
}

/** Adds the layout sheets that the workbook does not have yet; never touches existing ones. */
export async function createTemplate(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  options: WriteOptions = {},
): Promise<TemplateReport> {
  const caps = options.caps ?? ALL_CAPABILITIES;
  const budget = options.budget ?? REQUEST_BUDGET;
  checkSheetNames(specs.map((s) => s.name));
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const taken = new Set(worksheets.items.map((w) => sheetKey(w.name)));
  const todo = specs.filter((s) => !taken.has(sheetKey(s.name)));
  const existing = specs.filter((s) => taken.has(sheetKey(s.name))).map((s) => s.name);
  if (!todo.length) return { created: [], existing, skipped: [], rejected: [] };
  const skipped = new Set<Extra>();
  const proxies: Excel.Worksheet[] = [];
  const steps: Step[] = [];
  const plans = todo.map((spec) => planSheet(spec, caps));
  todo.forEach((spec, i) => {
    plans[i].skipped.forEach((e) => skipped.add(e));
    steps.push({ size: SMALL_STEP, run: () => void (proxies[i] = worksheets.add(spec.name)) });
    for (const op of plans[i].ops) steps.push({ size: op.size, run: () => op.apply(proxies[i]) });
  });
  steps.push({ size: SMALL_STEP, run: () => proxies[0].activate() });
  await runSteps(context, steps, caps, budget);
  const extras = await runExtras(
    context,
    todo.map((s, i) => ({ sheet: s.name, extras: plans[i].extras })),
    budget,
  );
  return { created: todo.map((s) => s.name), existing, skipped: [...skipped], rejected: extras.rejected };
}

/** Activates a sheet and selects a cell (the whole sheet's A1 when no cell). False when the sheet is gone. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell?: string): Promise<boolean> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  await context.sync();
  if (ws.isNullObject) return false;
  ws.activate();
  ws.getRange(cell ?? "A1").select();
  await context.sync();
  return true;
}
