/**
 * Checks of the measures sheet for the published reports (issue 12, "no table of dashes"): a
 * blank cell that the report would otherwise print as a gap is a warning naming its cells, one
 * warning per column (not per row), so a sheet of thousands of blank rows gives a handful of
 * lines. A missing column is one warning naming the header row.
 */
import { makeIssue, type Issue } from "../core/messages";
import type { Measure } from "../core/types";
import { a1, cellList } from "./grid";
import { MEASURE_COLUMNS, MEASURE_DEFAULTS, type MeasureField } from "./names";

/** Columns whose blank cells the reports fill with an honest default. */
const DEFAULTED: ReadonlyArray<"period" | "monitoring"> = ["period", "monitoring"];
/** Columns with no honest default: the plan prints an empty cell, so the officer is told. */
const REQUIRED: ReadonlyArray<"steps" | "owner"> = ["steps", "owner"];
/** The results of the measures report (O43): only for measures done or under way. */
const RESULTS: ReadonlyArray<"output" | "outcome"> = ["output", "outcome"];

/**
 * Warnings about blank cells of the measures that were read. `cols` are the 0-based columns
 * found in the header row (`headerRow`, 0-based); `lastCol` the header's last used column.
 */
export function measureBlankWarnings(
  sheet: string,
  headerRow: number,
  lastCol: number,
  cols: Partial<Record<MeasureField, number>>,
  measures: readonly Measure[],
): Issue[] {
  const out: Issue[] = [];
  if (measures.length === 0) return out;
  const headerRange = `${a1(headerRow, 0)}:${a1(headerRow, Math.max(0, lastCol))}`;
  const where = (cell: string) => ({ sheet, cell });
  const blanks = (field: MeasureField, of: readonly Measure[]): string[] => {
    const col = cols[field]!;
    return of.filter((m) => !m[field as keyof Measure]).map((m) => a1(m.row - 1, col));
  };
  for (const field of [...REQUIRED, ...DEFAULTED, ...RESULTS]) {
    const column = MEASURE_COLUMNS[field][0];
    const defaulted = (DEFAULTED as readonly string[]).includes(field);
    const value = defaulted ? MEASURE_DEFAULTS[field as "period" | "monitoring"] : "";
    if (cols[field] === undefined) {
      // output and outcome matter only once some measure is under way or done
      if ((RESULTS as readonly string[]).includes(field) && !measures.some(reported)) continue;
      out.push(
        defaulted
          ? makeIssue("MEASURE_COLUMN_DEFAULT", "warning", where(headerRange), { column, value })
          : makeIssue("MEASURE_COLUMN_MISSING", "warning", where(headerRange), { column }),
      );
      continue;
    }
    if ((RESULTS as readonly string[]).includes(field)) {
      const cells = blanks(field, measures.filter(reported));
      if (cells.length)
        out.push(
          makeIssue("MEASURE_RESULT_BLANK", "warning", where(cells[0]), {
            column,
            count: cells.length,
            cells: cellList(cells),
          }),
        );
      continue;
    }
    const cells = blanks(field, measures);
    if (!cells.length) continue;
    const params = { column, count: cells.length, cells: cellList(cells) };
    out.push(
      defaulted
        ? makeIssue("MEASURE_DEFAULT_USED", "warning", where(cells[0]), { ...params, value })
        : makeIssue("MEASURE_CELLS_BLANK", "warning", where(cells[0]), params),
    );
  }
  return out;
}

/** A measure whose results the measures report states: done or in progress. */
function reported(m: Measure): boolean {
  return m.status === "done" || m.status === "inProgress";
}
