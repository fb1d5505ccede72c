/**
 * The optional sheet 'กรอบการประเมิน': a framework defined in the workbook. Three tables, each
 * found by its header labels (in any order, anywhere in the sheet):
 *   เครื่องมือ | น้ำหนัก (%)                         one row per tool (IIT | 30)
 *   ตัวชี้วัดที่ | ชื่อตัวชี้วัด | เครื่องมือ              one row per indicator
 *   ผลการประเมิน | คะแนนรวมตั้งแต่ | ทุกเครื่องมือตั้งแต่   optional: the rating thresholds, best first
 * and a switch row `ใช้กรอบการประเมินนี้ | ใช้ / ไม่ใช้` (the template writes ไม่ใช้, so a sheet left
 * as the template made it changes nothing; without the row the sheet is used).
 * A table runs from its header to the next table's header (or the end); blank rows are skipped.
 * The draft is checked by core/customFramework.ts; each of its issues gets this sheet and a cell.
 */
import { validateFramework, type DraftIssue, type DraftTable, type FrameworkDraft } from "../core/customFramework";
import { arabicDigits } from "../core/digits";
import type { Framework, Issue } from "../core/types";
import { a1, cellAt, cellNumber, cellText, isBlank, lastUsedRow, normLabel } from "./grid";
import { FRAMEWORK_LABELS as L } from "./names";
import type { Cell, Grid } from "./sheetSpec";

export interface FrameworkSheetResult {
  /** The framework, when the sheet is used and has no error. */
  framework?: Framework;
  /** False when the switch says ไม่ใช้ (nothing else is read). */
  used: boolean;
  errors: Issue[];
  warnings: Issue[];
}

type Field = { table: DraftTable; field: string; labels: string[]; prefix?: boolean };

const FIELDS: Field[] = [
  { table: "tools", field: "name", labels: [L.toolName, "tool"] },
  { table: "tools", field: "weight", labels: ["น้ำหนัก", "weight"], prefix: true },
  { table: "indicators", field: "no", labels: [L.indicatorNo, "ตัวชี้วัด", "no."] },
  { table: "indicators", field: "name", labels: [L.indicatorName, "indicator"] },
  { table: "indicators", field: "tool", labels: [L.indicatorTool, "tool"] },
  { table: "ratings", field: "rating", labels: [L.rating, "rating"] },
  { table: "ratings", field: "minTotal", labels: [L.ratingMinTotal, "คะแนนรวม", "total"], prefix: true },
  { table: "ratings", field: "minTool", labels: [L.ratingMinTool, "คะแนนทุกเครื่องมือ", "เครื่องมือ", "tools"], prefix: true },
];

interface Table {
  header: number;
  cols: Record<string, number>;
  /** Sheet rows (zero-based) of the data rows, in draft order. */
  rows: number[];
}

const matches = (cell: Cell, f: Field): boolean => {
  const h = normLabel(cell);
  return h !== "" && f.labels.some((l) => (f.prefix ? h.startsWith(normLabel(l)) : h === normLabel(l)));
};

/** The columns of `table` in a row, when the row is that table's header. */
function headerOf(row: Cell[], table: DraftTable): Record<string, number> | null {
  const cols: Record<string, number> = {};
  for (const f of FIELDS.filter((x) => x.table === table)) {
    const col = row.findIndex((c, i) => matches(c, f) && !Object.values(cols).includes(i));
    if (col >= 0) cols[f.field] = col;
  }
  const need: Record<DraftTable, string[]> = {
    tools: ["name", "weight"],
    indicators: ["no", "name", "tool"],
    ratings: ["rating", "minTotal"],
  };
  return need[table].every((k) => cols[k] !== undefined) ? cols : null;
}

function indicatorNumber(v: Cell): number | null {
  const n = cellNumber(v);
  if (n !== null) return n;
  const m = /^(?:ตัวชี้วัด(?:ที่)?)?\s*(\d+)\.?$/.exec(arabicDigits(cellText(v)));
  return m ? Number(m[1]) : null;
}

/** A number, null when blank, NaN when typed but not a number (the check then names the cell). */
function numberOrNull(v: Cell): number | null {
  if (isBlank(v)) return null;
  return cellNumber(v) ?? NaN;
}

export function parseFrameworkSheet(grid: Grid, sheet: string): FrameworkSheetResult {
  const errors: Issue[] = [];
  const last = lastUsedRow(grid);

  // the switch row
  for (let r = 0; r <= last; r++) {
    const row = grid[r] ?? [];
    const at = row.findIndex((c) => normLabel(c) === normLabel(L.use));
    if (at < 0) continue;
    let col = at + 1;
    while (col < row.length && isBlank(row[col])) col++;
    const v = normLabel(cellAt(grid, r, col));
    if (v === normLabel(L.useNo) || v === "no") return { used: false, errors: [], warnings: [] };
    if (v !== "" && v !== normLabel(L.useYes) && v !== "yes")
      errors.push({
        code: "FRAMEWORK_USE_INVALID",
        severity: "error",
        sheet,
        cell: a1(r, col),
        params: { value: cellText(cellAt(grid, r, col)), yes: L.useYes, no: L.useNo },
      });
    break;
  }

  // the tables
  const tables: Partial<Record<DraftTable, Table>> = {};
  const order: DraftTable[] = ["indicators", "tools", "ratings"];
  const headers: number[] = [];
  for (let r = 0; r <= last; r++) {
    const row = grid[r] ?? [];
    for (const t of order) {
      if (tables[t]) continue;
      const cols = headerOf(row, t);
      if (!cols) continue;
      tables[t] = { header: r, cols, rows: [] };
      headers.push(r);
      break;
    }
  }
  for (const t of order) {
    const table = tables[t];
    if (!table) continue;
    const end = Math.min(last, ...headers.filter((h) => h > table.header).map((h) => h - 1));
    for (let r = table.header + 1; r <= end; r++)
      if (Object.values(table.cols).some((c) => !isBlank(cellAt(grid, r, c)))) table.rows.push(r);
  }
  const missing: Array<[DraftTable, string]> = [
    ["tools", `${L.toolName} | ${L.toolWeight}`],
    ["indicators", `${L.indicatorNo} | ${L.indicatorName} | ${L.indicatorTool}`],
  ];
  for (const [t, label] of missing)
    if (!tables[t]) errors.push({ code: "HEADER_NOT_FOUND", severity: "error", sheet, params: { sheet, label } });
  if (errors.length) return { used: true, errors, warnings: [] };

  const v = (t: Table, r: number, field: string): Cell =>
    t.cols[field] === undefined ? null : cellAt(grid, r, t.cols[field]);
  const tools = tables.tools!;
  const inds = tables.indicators!;
  const ratings = tables.ratings;
  const draft: FrameworkDraft = {
    tools: tools.rows.map((r) => ({
      name: cellText(v(tools, r, "name")),
      weight: numberOrNull(v(tools, r, "weight")),
    })),
    indicators: inds.rows.map((r) => ({
      no: indicatorNumber(v(inds, r, "no")),
      name: cellText(v(inds, r, "name")),
      tool: cellText(v(inds, r, "tool")),
    })),
    ...(ratings
      ? {
          ratings: ratings.rows.map((r) => ({
            rating: cellText(v(ratings, r, "rating")),
            minTotal: numberOrNull(v(ratings, r, "minTotal")),
            minTool: numberOrNull(v(ratings, r, "minTool")),
          })),
        }
      : {}),
  };
  const out = validateFramework(draft);
  const cellOf = (at: DraftIssue["at"]): string => {
    const t = tables[at.table]!;
    const col =
      at.field !== undefined && t.cols[at.field] !== undefined ? t.cols[at.field] : Math.min(...Object.values(t.cols));
    return a1(at.index === null ? t.header : t.rows[at.index], col);
  };
  const issues: Issue[] = out.issues.map(({ at, ...issue }) => ({ ...issue, sheet, cell: cellOf(at) }));
  return {
    used: true,
    framework: out.ok ? out.framework : undefined,
    errors: issues.filter((i) => i.severity === "error"),
    warnings: issues.filter((i) => i.severity === "warning"),
  };
}
