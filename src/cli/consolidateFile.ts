/**
 * One file of a consolidation: read (bounded), parse, analyse, and keep only the unit rows. Runs
 * in a worker thread (consolidateWorker.ts) or in the main thread when no worker file is there.
 * A unit workbook gives one row; a table workbook one row per unit. Never throws: every problem
 * is an Issue with its sheet and cell.
 */
import { promises as fs } from "node:fs";
import { analyze } from "../core/analysis";
import { makeIssue } from "../core/messages";
import type { Issue } from "../core/types";
import { unitRow, type UnitRow } from "../consolidate/rows";
import { parseWorkbook } from "../layout/parse";
import { isTableSheetName, parseTable, TABLE_SHEET } from "../layout/table";
import { a1 } from "../layout/grid";
import { DEFAULT_LIMITS, isLayoutSheetName, readWorkbook } from "../xlsx";

export interface FileTask {
  id: number;
  path: string;
  /** The name shown and written in the JSON. */
  display: string;
  year?: number;
}

export interface FileOutcome {
  id: number;
  rows: UnitRow[];
  failures: Array<{ file: string; errors: Issue[] }>;
}

function readIssue(e: NodeJS.ErrnoException, path: string): Issue {
  const code = e.code;
  if (code === "EACCES" || code === "EPERM") return makeIssue("FILE_NO_PERMISSION", "error", {}, { path });
  if (code === "EISDIR") return makeIssue("FILE_IS_FOLDER", "error", {}, { path });
  if (code === "ENOENT" || code === "ENOTDIR") return makeIssue("FILE_NOT_FOUND", "error", {}, { path });
  return makeIssue("FILE_UNREADABLE", "error", {}, { path, detail: e.message });
}

export async function analyseFile(task: FileTask): Promise<FileOutcome> {
  const { id, display } = task;
  const fail = (errors: Issue[]): FileOutcome => ({ id, rows: [], failures: [{ file: display, errors }] });
  let bytes: Uint8Array;
  let modified = 0;
  try {
    const st = await fs.stat(task.path);
    modified = st.mtimeMs;
    bytes = await fs.readFile(task.path);
  } catch (e) {
    return fail([readIssue(e as NodeJS.ErrnoException, display)]);
  }
  try {
    const read = await readWorkbook(bytes, display, DEFAULT_LIMITS, (n) => isLayoutSheetName(n) || isTableSheetName(n));
    if (!read.ok) return fail([read.issue]);
    const tableName = Object.keys(read.sheets).find(isTableSheetName);
    const hasScores = Object.keys(read.sheets).some((n) => isLayoutSheetName(n));
    if (tableName && !hasScores) return tableOutcome(task, read.sheets[tableName], tableName, modified);
    const parse = parseWorkbook(read.sheets, read.facts);
    if (!parse.input) return fail(parse.errors);
    const out = analyze(parse.input, { year: task.year });
    if (!out.ok) return fail(out.errors);
    return { id, rows: [unitRow(out.analysis, display, modified)], failures: [] };
  } catch (e) {
    return fail([makeIssue("FILE_CORRUPT", "error", {}, { path: display, detail: (e as Error).message })]);
  }
}

function tableOutcome(
  task: FileTask,
  grid: Parameters<typeof parseTable>[0],
  sheet: string,
  modified: number,
): FileOutcome {
  const parsed = parseTable(grid, sheet);
  const failures: FileOutcome["failures"] = [];
  if (parsed.errors.length) return { id: task.id, rows: [], failures: [{ file: task.display, errors: parsed.errors }] };
  for (const r of parsed.rowErrors) failures.push({ file: `${task.display} แถว ${r.row}`, errors: r.errors });
  // the table's year: the one asked for, else its latest
  const latest = Math.max(0, ...parsed.units.flatMap((u) => u.input.years));
  const year = task.year ?? latest;
  const rows: UnitRow[] = [];
  for (const u of parsed.units) {
    if (!u.input.years.includes(year)) continue; // a unit without this year's row is not in this year's summary
    const out = analyze(u.input, { year });
    const row = u.rows[year];
    if (!out.ok) {
      failures.push({
        file: `${task.display} แถว ${row}`,
        errors: out.errors.map((e) => ({ ...e, sheet: sheet ?? TABLE_SHEET, cell: e.cell ?? a1(row - 1, 0) })),
      });
      continue;
    }
    rows.push(unitRow(out.analysis, task.display, modified, row));
  }
  return { id: task.id, rows, failures };
}
