/// <reference types="office-js" />
/**
 * The Office.js adapter: reads the layout sheets and writes generated sheets. Each function
 * takes the RequestContext of one Excel.run and costs a fixed number of context.sync round
 * trips, never one per sheet, row or cell:
 *   readLayout            1 sync (2 when a layout sheet's name differs from ours in spacing)
 *   writeGeneratedSheets  2 syncs (+1 per extra request for writes above the 5 MB cap)
 *   createTemplate        2 syncs
 *   selectCell            2 syncs
 * Generated sheets are built under temporary names and swapped in at the end, in the same
 * request as the last of their content: Excel stops a request at its first failing command,
 * so a failure leaves the previous analysis in place. Input sheets are only ever read.
 */
import { normLabel } from "../layout/grid";
import { INPUT_SHEETS } from "../layout/names";
import type { Cell, Grid, SheetSpec } from "../layout/sheetSpec";
import { ALL_CAPABILITIES, type ExcelCapabilities, type Extra } from "./capabilities";
import { batchOps, planSheet } from "./render";

/** The sheets the parser reads. */
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
  /** Requests used for the content (1 unless the data is above the request budget). */
  requests: number;
}

function fromExcel(v: unknown): Cell {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** A used range's values placed at their position from A1. */
export function gridFromUsedRange(values: unknown[][], rowIndex: number, columnIndex: number): Grid {
  const grid: Grid = Array.from({ length: rowIndex }, () => []);
  for (const row of values) {
    const out: Cell[] = Array.from({ length: columnIndex }, () => null);
    for (const v of row) out.push(fromExcel(v));
    while (out.length && out[out.length - 1] === null) out.pop();
    grid.push(out);
  }
  return grid;
}

/**
 * Reads the used ranges of the layout sheets in one request. Sheets that do not exist are
 * left out (the parser reports them). A sheet whose name differs from ours only in case or
 * spacing is read in a second request.
 */
export async function readLayout(
  context: Excel.RequestContext,
): Promise<{ sheets: Record<string, Grid>; names: string[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const probe = (name: string) => {
    const ws = worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    return { name, ws, used };
  };
  const first = LAYOUT_SHEETS.map(probe);
  await context.sync();
  const names = worksheets.items.map((w) => w.name);
  const sheets: Record<string, Grid> = {};
  const collect = (p: ReturnType<typeof probe>, as: string) => {
    if (p.ws.isNullObject) return false;
    sheets[as] = p.used.isNullObject ? [] : gridFromUsedRange(p.used.values, p.used.rowIndex, p.used.columnIndex);
    return true;
  };
  const retry: ReturnType<typeof probe>[] = [];
  for (const p of first) {
    if (collect(p, p.name)) continue;
    const actual = names.find((n) => normLabel(n) === normLabel(p.name));
    if (actual) retry.push(probe(actual));
  }
  if (retry.length) {
    await context.sync();
    for (const p of retry) collect(p, p.name);
  }
  return { sheets, names };
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

const lower = (s: string) => s.toLocaleLowerCase();

/**
 * Replaces the generated sheets with `specs`: builds them under temporary names, then in
 * the same request deletes the old ones and renames the new ones. On failure the partly
 * built temporary sheets are removed and the error is rethrown.
 */
export async function writeGeneratedSheets(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  options: WriteOptions = {},
): Promise<WriteReport> {
  const caps = options.caps ?? ALL_CAPABILITIES;
  const budget = options.budget ?? REQUEST_BUDGET;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const existing = worksheets.items.map((w) => w.name);
  const taken = new Set(existing.map(lower));
  const inputs = new Set(LAYOUT_SHEETS.map(lower));
  for (const s of specs)
    if (inputs.has(lower(s.name)) || s.kind !== "generated")
      throw new Error(`refusing to replace input sheet ${s.name}`);

  const runId = options.runId ?? Date.now().toString(36);
  const temps = specs.map((_, i) => {
    let name = `${TEMP_PREFIX}${i}-${runId}`.slice(0, 31);
    while (taken.has(lower(name))) name = `${name.slice(0, 29)}${Math.floor(Math.random() * 90 + 10)}`;
    taken.add(lower(name));
    return name;
  });
  const skipped = new Set<Extra>();
  const steps: Step[] = [];
  // leftovers of an earlier failed run
  for (const n of existing.filter((n) => n.startsWith(TEMP_PREFIX) || n.startsWith(OLD_PREFIX)))
    steps.push({ size: 200, run: () => worksheets.getItem(n).delete() });
  const proxies: Excel.Worksheet[] = [];
  specs.forEach((spec, i) => {
    const plan = planSheet(spec, caps);
    plan.skipped.forEach((e) => skipped.add(e));
    steps.push({ size: 200, run: () => void (proxies[i] = worksheets.add(temps[i])) });
    for (const op of plan.ops) steps.push({ size: op.size, run: () => op.apply(proxies[i]) });
  });
  // the swap goes into the same request as the last content: the old sheets step aside
  // under a temporary name, the new ones take their names, then the old ones go
  const asides = specs.map((_, i) => `${OLD_PREFIX}${i}-${runId}`.slice(0, 31));
  const olds = specs.map((spec) => existing.find((n) => lower(n) === lower(spec.name)));
  steps.push({
    size: 200 * specs.length,
    run: () => {
      const moved = olds.map((old, i) => {
        if (!old) return null;
        const ws = worksheets.getItem(old);
        ws.name = asides[i];
        return ws;
      });
      specs.forEach((spec, i) => (proxies[i].name = spec.name));
      moved.forEach((ws) => ws?.delete());
      if (proxies.length) proxies[0].activate();
    },
  });
  try {
    const requests = await runSteps(context, steps, caps, budget);
    return { written: specs.map((s) => s.name), skipped: [...skipped], requests };
  } catch (err) {
    await restore(context, temps, asides, olds).catch((cleanupErr: unknown) => {
      throw new AggregateError([err, cleanupErr], `${errorText(err)}; cleanup failed: ${errorText(cleanupErr)}`);
    });
    throw err;
  }
}

/**
 * After a failed run (2 syncs): deletes the temporary sheets and gives any old sheet that
 * was stepping aside its name back.
 */
async function restore(
  context: Excel.RequestContext,
  temps: string[],
  asides: string[],
  olds: (string | undefined)[],
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const present = worksheets.items.map((w) => w.name);
  const has = (n: string) => present.some((p) => lower(p) === lower(n));
  let work = false;
  for (const t of temps.filter(has)) {
    work = true;
    worksheets.getItem(t).delete();
  }
  asides.forEach((a, i) => {
    const old = olds[i];
    if (!old || !has(a)) return;
    work = true;
    // a new sheet already renamed to the final name goes, the old one comes back
    if (has(old)) worksheets.getItem(old).delete();
    worksheets.getItem(a).name = old;
  });
  if (work) await context.sync();
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
}

/** Adds the layout sheets that the workbook does not have yet; never touches existing ones. */
export async function createTemplate(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  options: WriteOptions = {},
): Promise<TemplateReport> {
  const caps = options.caps ?? ALL_CAPABILITIES;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const taken = new Set(worksheets.items.map((w) => lower(w.name)));
  const todo = specs.filter((s) => !taken.has(lower(s.name)));
  const existing = specs.filter((s) => taken.has(lower(s.name))).map((s) => s.name);
  if (!todo.length) return { created: [], existing, skipped: [] };
  const skipped = new Set<Extra>();
  const proxies: Excel.Worksheet[] = [];
  const steps: Step[] = [];
  todo.forEach((spec, i) => {
    const plan = planSheet(spec, caps);
    plan.skipped.forEach((e) => skipped.add(e));
    steps.push({ size: 200, run: () => void (proxies[i] = worksheets.add(spec.name)) });
    for (const op of plan.ops) steps.push({ size: op.size, run: () => op.apply(proxies[i]) });
  });
  steps.push({ size: 200, run: () => proxies[0].activate() });
  await runSteps(context, steps, caps, options.budget ?? REQUEST_BUDGET);
  return { created: todo.map((s) => s.name), existing, skipped: [...skipped] };
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
