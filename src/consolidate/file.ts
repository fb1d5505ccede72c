/**
 * One file of a consolidation, after an adapter has read it: parse, analyse, and keep only the
 * unit rows. The CLI (worker threads, src/cli/consolidateFile.ts) and the task pane (a Web
 * Worker, src/taskpane/consolidate) both call it, so a file gives the same rows and failures in
 * both. A unit workbook gives one row; a table workbook one row per unit. Never throws: every
 * problem is an Issue with its sheet and cell.
 */
import { analyze } from "../core/analysis";
import { makeIssue } from "../core/messages";
import type { Issue } from "../core/types";
import { a1 } from "../layout/grid";
import { parseWorkbook } from "../layout/parse";
import type { Grid, WorkbookFacts } from "../layout/sheetSpec";
import { isTableSheetName, parseTable, TABLE_SHEET } from "../layout/table";
import { unitRow, type UnitRow } from "./rows";

export interface FileFailure {
  file: string;
  errors: Issue[];
}

export interface FileOutcome {
  id: number;
  rows: UnitRow[];
  failures: FileFailure[];
}

/** What an adapter's reader gives (src/xlsx readWorkbook's result, structurally). */
export type ReadSheets = { ok: true; sheets: Record<string, Grid>; facts: WorkbookFacts } | { ok: false; issue: Issue };

export interface FileRef {
  id: number;
  /** The name shown and written in the JSON. */
  display: string;
  /** The summary's year when asked for. */
  year?: number;
  /** Modified time (ms since 1970): the last tie-break between two copies of one unit. */
  modified: number;
}

/** The failure outcome of a file: its name and its errors. */
export function failedFile(ref: Pick<FileRef, "id" | "display">, errors: Issue[]): FileOutcome {
  return { id: ref.id, rows: [], failures: [{ file: ref.display, errors }] };
}

/** A read workbook → its unit rows, or its failures. */
export function outcomeOfWorkbook(read: ReadSheets, ref: FileRef): FileOutcome {
  if (!read.ok) return failedFile(ref, [read.issue]);
  try {
    const names = Object.keys(read.sheets);
    const tableName = names.find(isTableSheetName);
    const hasScores = names.some((n) => !isTableSheetName(n));
    if (tableName && !hasScores) return tableOutcome(ref, read.sheets[tableName], tableName);
    const parse = parseWorkbook(read.sheets, read.facts);
    if (!parse.input) return failedFile(ref, parse.errors);
    const out = analyze(parse.input, { year: ref.year });
    if (!out.ok) return failedFile(ref, out.errors);
    return { id: ref.id, rows: [unitRow(out.analysis, ref.display, ref.modified)], failures: [] };
  } catch (e) {
    return failedFile(ref, [
      makeIssue("FILE_CORRUPT", "error", {}, { path: ref.display, detail: (e as Error).message }),
    ]);
  }
}

function tableOutcome(ref: FileRef, grid: Grid, sheet: string): FileOutcome {
  const parsed = parseTable(grid, sheet);
  const failures: FileFailure[] = [];
  if (parsed.errors.length) return failedFile(ref, parsed.errors);
  for (const r of parsed.rowErrors) failures.push({ file: `${ref.display} แถว ${r.row}`, errors: r.errors });
  // the table's year: the one asked for, else its latest
  const latest = Math.max(0, ...parsed.units.flatMap((u) => u.input.years));
  const year = ref.year ?? latest;
  const rows: UnitRow[] = [];
  for (const u of parsed.units) {
    if (!u.input.years.includes(year)) continue; // a unit without this year's row is not in this year's summary
    const out = analyze(u.input, { year });
    const row = u.rows[year];
    if (!out.ok) {
      failures.push({
        file: `${ref.display} แถว ${row}`,
        errors: out.errors.map((e) => ({ ...e, sheet: sheet ?? TABLE_SHEET, cell: e.cell ?? a1(row - 1, 0) })),
      });
      continue;
    }
    rows.push(unitRow(out.analysis, ref.display, ref.modified, row));
  }
  return { id: ref.id, rows, failures };
}
