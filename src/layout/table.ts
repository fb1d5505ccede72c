/**
 * The table workbook: one row per unit and fiscal year (unit, district, province, type, year, the
 * ten indicator scores, optional published total), the shape a receiver builds by collecting
 * scores. Pure: grid → one ItaInput per unit (its years as columns), with every problem tied to
 * its sheet and cell. A bad row is an error of that row only; the other rows are still read.
 */
import { FRAMEWORKS } from "../core/frameworks";
import { makeIssue } from "../core/messages";
import { normThai } from "../core/thaiText";
import { DEFAULT_SETTINGS, type IndicatorRow, type Issue, type ItaInput } from "../core/types";
import { a1, a1Range, cellAt, cellNumber, cellText, isBlank, lastUsedRow, normLabel } from "./grid";
import { SCORE_LABELS } from "./names";
import { parseYearHeader } from "./parse";
import { emptySheet, type Grid, type SheetSpec } from "./sheetSpec";
import { HEADER_HEIGHT, PALETTE, ROW_HEIGHT, SHEET_FONT, STYLES, TITLE_HEIGHT } from "./style";

/** The sheet of a table workbook. */
export const TABLE_SHEET = "คะแนนรายหน่วยงาน";

/** Column headers of the table (the template's first, then accepted variants). */
export const TABLE_COLUMNS = {
  unit: [SCORE_LABELS.unitName, "หน่วยงาน", "unit"],
  district: [SCORE_LABELS.district, "district"],
  province: [SCORE_LABELS.province, "province"],
  unitType: [SCORE_LABELS.unitType, "ประเภท", "type"],
  year: ["ปีงบประมาณ", "ปี", "ปี พ.ศ.", "year"],
  published: [SCORE_LABELS.publishedTotal, "คะแนนรวม", "total"],
} as const;

const INDICATORS = FRAMEWORKS[FRAMEWORKS.length - 1].indicators;

/** Whether a sheet name is the table sheet (after Thai normalisation). */
export function isTableSheetName(name: string): boolean {
  return normLabel(name) === normLabel(TABLE_SHEET);
}

/** One unit of the table: its input (years as columns) and the 1-based rows it came from. */
export interface TableUnit {
  input: ItaInput;
  /** 1-based sheet row of each year's row. */
  rows: Record<number, number>;
}

export interface TableParse {
  units: TableUnit[];
  /** Problems that stop the whole sheet (no header, a missing column). */
  errors: Issue[];
  /** Problems of single rows (the row is left out), by 1-based row. */
  rowErrors: Array<{ row: number; unit: string; errors: Issue[] }>;
  warnings: Issue[];
}

function indicatorHeader(v: unknown): number | null {
  const t = normLabel(v as string);
  const m = /^(?:ตัวชี้วัด(?:ที่)?|ind(?:icator)?)?(\d{1,2})(?:[.:)].*|[^\d].*)?$/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= INDICATORS.length ? n : null;
}

/** The key a unit is known by across rows and files: name, district and province, normalised. */
export function unitKey(name: string, district?: string, province?: string): string {
  const k = (s?: string) =>
    normThai(s ?? "")
      .replace(/\s+/g, "")
      .toLowerCase();
  return `${k(name)}|${k(district)}|${k(province)}`;
}

/** Reads the table sheet of a table workbook. */
export function parseTable(grid: Grid, sheet = TABLE_SHEET): TableParse {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const rowErrors: TableParse["rowErrors"] = [];
  const last = lastUsedRow(grid);
  // the header row: the first row holding the unit-name label
  let header = -1;
  const unitLabels = TABLE_COLUMNS.unit.map((l) => normLabel(l));
  for (let r = 0; r <= Math.min(last, 50) && header < 0; r++)
    if ((grid[r] ?? []).some((c) => unitLabels.includes(normLabel(c)))) header = r;
  if (header < 0) {
    errors.push(makeIssue("HEADER_NOT_FOUND", "error", { sheet }, { label: SCORE_LABELS.unitName, sheet }));
    return { units: [], errors, rowErrors, warnings };
  }
  const cols: Partial<Record<keyof typeof TABLE_COLUMNS, number>> = {};
  const indicatorCol: Record<number, number> = {};
  (grid[header] ?? []).forEach((v, c) => {
    const t = normLabel(v);
    if (t === "") return;
    for (const [field, labels] of Object.entries(TABLE_COLUMNS) as [keyof typeof TABLE_COLUMNS, readonly string[]][])
      if (cols[field] === undefined && labels.some((l) => normLabel(l) === t)) {
        cols[field] = c;
        return;
      }
    const no = indicatorHeader(v);
    if (no !== null && indicatorCol[no] === undefined) indicatorCol[no] = c;
  });
  if (cols.unit === undefined || cols.year === undefined) {
    errors.push(
      makeIssue(
        "TABLE_COLUMN_MISSING",
        "error",
        { sheet, cell: a1(header, 0) },
        {
          sheet,
          column: cols.unit === undefined ? TABLE_COLUMNS.unit[0] : TABLE_COLUMNS.year[0],
        },
      ),
    );
    return { units: [], errors, rowErrors, warnings };
  }
  for (const d of INDICATORS)
    if (indicatorCol[d.no] === undefined)
      errors.push(
        makeIssue(
          "TABLE_COLUMN_MISSING",
          "error",
          { sheet, cell: a1(header, 0) },
          {
            sheet,
            column: `ตัวชี้วัดที่ ${d.no}`,
          },
        ),
      );
  if (errors.length) return { units: [], errors, rowErrors, warnings };

  const byKey = new Map<string, TableUnit>();
  const seenRows = new Map<string, number[]>();
  const text = (r: number, c: number | undefined) => (c === undefined ? "" : cellText(cellAt(grid, r, c)));
  for (let r = header + 1; r <= last; r++) {
    const row = grid[r] ?? [];
    if (row.every((c) => isBlank(c))) continue;
    const name = text(r, cols.unit);
    const rowIssues: Issue[] = [];
    if (!name) rowIssues.push(makeIssue("UNIT_NAME_MISSING", "error", { sheet, cell: a1(r, cols.unit) }));
    const yv = cellAt(grid, r, cols.year);
    const yh = parseYearHeader(typeof yv === "string" ? yv : (cellNumber(yv) ?? yv));
    let year: number | null = null;
    if (yh && "year" in yh) {
      year = yh.year;
      if (yh.ceFrom !== undefined)
        warnings.push(
          makeIssue(
            "YEAR_CE_CONVERTED",
            "warning",
            { sheet, cell: a1(r, cols.year) },
            { from: yh.ceFrom, to: yh.year },
          ),
        );
    } else
      rowIssues.push(
        makeIssue("TABLE_YEAR_INVALID", "error", { sheet, cell: a1(r, cols.year) }, { value: cellText(yv) }),
      );
    const scores: Record<number, number> = {};
    for (const d of INDICATORS) {
      const c = indicatorCol[d.no];
      const v = cellAt(grid, r, c);
      const cell = a1(r, c);
      const n = cellNumber(v);
      const y = year ?? "-";
      if (isBlank(v))
        rowIssues.push(makeIssue("SCORE_NOT_NUMBER", "error", { sheet, cell }, { no: d.no, year: y, value: "" }));
      else if (n === null)
        rowIssues.push(
          makeIssue("SCORE_NOT_NUMBER", "error", { sheet, cell }, { no: d.no, year: y, value: cellText(v) }),
        );
      else if (n < 0 || n > 100)
        rowIssues.push(makeIssue("SCORE_OUT_OF_RANGE", "error", { sheet, cell }, { no: d.no, year: y, value: n }));
      else scores[d.no] = n;
    }
    let published: number | null = null;
    if (cols.published !== undefined && !isBlank(cellAt(grid, r, cols.published))) {
      const n = cellNumber(cellAt(grid, r, cols.published));
      if (n === null || n < 0 || n > 100)
        rowIssues.push(
          makeIssue(
            "SCORE_NOT_NUMBER",
            "error",
            { sheet, cell: a1(r, cols.published) },
            {
              no: SCORE_LABELS.publishedTotal,
              year: year ?? "-",
              value: cellText(cellAt(grid, r, cols.published)),
            },
          ),
        );
      else published = n;
    }
    if (rowIssues.length || year === null) {
      rowErrors.push({ row: r + 1, unit: name, errors: rowIssues });
      continue;
    }
    const district = text(r, cols.district) || undefined;
    const province = text(r, cols.province) || undefined;
    const unitType = text(r, cols.unitType) || undefined;
    const key = unitKey(name, district, province);
    const seen = seenRows.get(`${key}#${year}`) ?? [];
    seen.push(r + 1);
    seenRows.set(`${key}#${year}`, seen);
    let unit = byKey.get(key);
    if (!unit) {
      const indicators: IndicatorRow[] = INDICATORS.map((d) => ({ no: d.no, scores: {}, cells: {} }));
      unit = {
        input: {
          unit: { name, district, province, unitType },
          years: [],
          indicators,
          publishedTotals: {},
          measures: [],
          hasMeasuresSheet: false,
          settings: DEFAULT_SETTINGS,
        },
        rows: {},
      };
      byKey.set(key, unit);
    }
    // a repeated unit and year: the lower row wins (it was typed later), reported below
    unit.rows[year] = r + 1;
    if (!unit.input.years.includes(year)) unit.input.years.push(year);
    for (const ind of unit.input.indicators) {
      ind.scores[year] = scores[ind.no];
      ind.cells[year] = a1(r, indicatorCol[ind.no]);
    }
    if (published !== null) unit.input.publishedTotals[year] = { value: published, cell: a1(r, cols.published!) };
    else delete unit.input.publishedTotals[year];
  }
  for (const [k, rows] of seenRows)
    if (rows.length > 1) {
      const unit = byKey.get(k.split("#")[0])!;
      warnings.push(
        makeIssue(
          "TABLE_ROW_REPEATED",
          "warning",
          { sheet, cell: a1(rows[rows.length - 1] - 1, cols.unit) },
          {
            unit: unit.input.unit.name,
            year: k.split("#")[1],
            rows: rows.join(", "),
            used: rows[rows.length - 1],
          },
        ),
      );
    }
  const units = [...byKey.values()];
  for (const u of units) u.input.years.sort((a, b) => a - b);
  return { units, errors, rowErrors, warnings };
}

/** The blank table workbook (`ita-analyzer template --table`). */
export function tableTemplate(): SheetSpec {
  const s = emptySheet(TABLE_SHEET, "input");
  s.font = SHEET_FONT;
  s.tabColor = PALETTE.tab;
  const head = [
    TABLE_COLUMNS.unit[0],
    TABLE_COLUMNS.district[0],
    TABLE_COLUMNS.province[0],
    TABLE_COLUMNS.unitType[0],
    TABLE_COLUMNS.year[0],
    ...INDICATORS.map((d) => `ตัวชี้วัดที่ ${d.no} ${d.name}`),
    TABLE_COLUMNS.published[0],
  ];
  const last = head.length - 1;
  s.rows = [
    ["คะแนน ITA รายหน่วยงาน (หนึ่งแถวต่อหนึ่งหน่วยงานต่อหนึ่งปี)"],
    ["กรอกหนึ่งแถวต่อหน่วยงานต่อปีงบประมาณ คะแนน 0–100 ตามที่ประกาศในระบบ ITAS คะแนนรวมที่ประกาศไม่บังคับ (ใช้ตรวจทาน)"],
    head,
  ];
  s.columnWidths = [34, 16, 14, 24, 11, ...INDICATORS.map(() => 13), 14];
  s.merges = [a1Range(0, 0, 0, last), a1Range(1, 0, 1, last)];
  s.styles = [
    { range: "A1", style: STYLES.title },
    { range: "A2", style: STYLES.note },
    { range: a1Range(2, 0, 2, last), style: STYLES.header },
    { range: a1Range(3, 0, 202, last), style: STYLES.input },
    { range: a1Range(3, 5, 202, last), style: STYLES.score },
  ];
  s.rowHeight = ROW_HEIGHT;
  s.rowHeights = { 0: TITLE_HEIGHT, 2: HEADER_HEIGHT * 1.5 };
  s.freezeRows = 3;
  return s;
}
