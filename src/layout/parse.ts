/**
 * The parser: workbook grids (sheet name → 2-D cell values) → the analysis input, plus
 * every error and warning with its sheet and A1 cell. Never throws on any grid.
 */
import { completeYears } from "../core/analysis";
import { nameMatches } from "../core/frameworks";
import {
  DEFAULT_SETTINGS,
  TOOL_IDS,
  type IndicatorRow,
  type Issue,
  type ItaInput,
  type Measure,
  type MeasureStatus,
  type Settings,
  type ToolId,
  type UnitInfo,
} from "../core/types";
import { makeIssue, type IssueCode, type ParamsArg } from "../core/messages";
import { arabicDigits } from "../core/digits";
import { normThai } from "../core/thaiText";
import { a1, cellAt, cellList, cellNumber, cellText, isBlank, lastUsedRow, normLabel, parseA1 } from "./grid";
import { indicatorScope, type IndicatorScope } from "./indicators";
import { measureBlankWarnings } from "./measureChecks";
import {
  MEASURE_COLUMNS,
  OPTIONAL_SHEETS,
  SCORE_LABELS,
  SETTINGS_LABELS,
  SHEETS,
  STATUS_WORDS,
  type MeasureField,
} from "./names";
import { parseFrameworkSheet } from "./parseFramework";
import { parseOitSheet } from "./parseOit";
import type { Cell, Grid, SheetFacts, WorkbookFacts } from "./sheetSpec";

export interface ParseResult {
  /** The input, when there are no errors. */
  input: ItaInput | null;
  errors: Issue[];
  warnings: Issue[];
  /** Fiscal years with a column in the score sheet, ascending. */
  years: number[];
  /** Years with all 10 scores, ascending. */
  completeYears: number[];
}

/** The indicator numbers of the built-in registry (when the workbook defines no framework). */
const BUILTIN_SCOPE = indicatorScope();

export { cellList };

class Collector {
  errors: Issue[] = [];
  warnings: Issue[] = [];
  /** Number cells shown as percentages (facts from the reader). */
  readonly percent: Set<string>;
  /** Cells read as percentages (×100), for one warning per sheet. */
  readonly percentRead: string[] = [];
  constructor(
    private sheet: string,
    readonly facts: SheetFacts = {},
  ) {
    this.percent = new Set(facts.percent ?? []);
  }
  /**
   * A number for a score-like cell (0–100): a percent-formatted number (Excel stores 98.68% as
   * 0.9868) is read as its percentage, like the text "98.68%"; both are noted for a warning.
   */
  number(v: Cell, cell: string): number | null {
    const n = cellNumber(v);
    if (n === null) return null;
    if (typeof v === "number" && this.percent.has(cell)) {
      this.percentRead.push(cell);
      return Number((n * 100).toPrecision(15));
    }
    if (typeof v === "string" && /%\s*$/.test(v)) this.percentRead.push(cell);
    return n;
  }
  finish(): void {
    if (this.percentRead.length) this.warn("PERCENT_READ", this.percentRead[0], { cells: cellList(this.percentRead) });
    const noValue = this.facts.formulaNoValue ?? [];
    if (noValue.length) this.error("FORMULA_NO_VALUE", noValue[0], { cells: cellList(noValue) });
  }
  error<C extends IssueCode>(code: C, cell?: string, ...params: ParamsArg<C>): void {
    this.errors.push(makeIssue(code, "error", { sheet: this.sheet, cell }, ...params));
  }
  warn<C extends IssueCode>(code: C, cell?: string, ...params: ParamsArg<C>): void {
    this.warnings.push(makeIssue(code, "warning", { sheet: this.sheet, cell }, ...params));
  }
}

/** Finds a sheet by its name, forgiving case, spaces and the order of Thai marks. Returns the actual name. */
export function findSheet(sheets: Record<string, Grid>, name: string): string | undefined {
  if (name in sheets) return name;
  const want = normLabel(name);
  return Object.keys(sheets).find((k) => normLabel(k) === want);
}

/**
 * The sheet to read for a layout name. One match: it. Several (e.g. a hidden `คะแนน ITA` and a
 * visible `คะแนน ITA `): the visible one named exactly, with a warning naming the others; without
 * one, an error naming them all (and nothing is read).
 */
function pickSheet(
  sheets: Record<string, Grid>,
  facts: WorkbookFacts | undefined,
  name: string,
  errors: Issue[],
  warnings: Issue[],
): string | null | undefined {
  const want = normLabel(name);
  const matches = Object.keys(sheets).filter((k) => normLabel(k) === want);
  if (matches.length <= 1) return matches[0];
  const visible = (k: string) => (facts?.sheets[k]?.state ?? "visible") === "visible";
  const quoted = (ks: string[]) => ks.map((k) => `'${k}'${visible(k) ? "" : " (ซ่อน/hidden)"}`).join(", ");
  const exact = matches.find((k) => k === name && visible(k));
  if (exact) {
    warnings.push({
      code: "SHEET_DUPLICATE_IGNORED",
      severity: "warning",
      sheet: exact,
      params: { sheet: name, others: quoted(matches.filter((k) => k !== exact)) },
    });
    return exact;
  }
  errors.push({ code: "SHEET_AMBIGUOUS", severity: "error", params: { sheet: name, names: quoted(matches) } });
  return null;
}

export type YearHeader = { year: number; ceFrom?: number } | { unreadable: string } | null;

/**
 * Reads a fiscal-year header: 2565, "2565", "ปี 2565", "พ.ศ. ๒๕๖๕", "ปีงบประมาณ 2565";
 * a C.E. year (2022, "ค.ศ. 2022") becomes B.E. Returns null when the cell is not a year at all.
 */
export function parseYearHeader(v: Cell): YearHeader {
  let n: number | null = null;
  let ceMarked = false;
  const yearLike = (x: number) => x >= 1900 && x <= 2800;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const s = arabicDigits(normThai(v)).toLowerCase().replace(/\s+/g, "");
    if (s === "") return null;
    ceMarked = /ค\.?ศ\.?|c\.?e\.?|ad/.test(s);
    const m = /^(?:ปีงบประมาณ|ปีงบฯ?|ปี|fy)?(?:พ\.?ศ\.?|ค\.?ศ\.?|b\.?e\.?|c\.?e\.?)?(\d{4})$/.exec(s);
    if (m) n = Number(m[1]);
    else if (/^\d+\.\d+$/.test(s)) n = Number(s);
    else if (/\d{4}/.test(s) && !/^\d+$/.test(s)) return { unreadable: cellText(v) };
    // "ปี 69", "พ.ศ. 69", "FY69": a year word with a number that is not a whole year
    else if (/\d/.test(s) && /^(?:ปีงบประมาณ|ปีงบฯ?|ปี|fy|พ\.?ศ\.?|ค\.?ศ\.?)/.test(s)) return { unreadable: cellText(v) };
    else return null;
  } else return null;
  if (n === null || !Number.isFinite(n)) return null;
  if (!Number.isInteger(n)) return yearLike(n) ? { unreadable: cellText(v) } : null;
  if (!ceMarked && n >= 2400 && n <= 2800) return { year: n };
  if (n >= 1900 && n <= 2257) return { year: n + 543, ceFrom: n };
  return null;
}

/** Reads an indicator number from "1", 1, "๑", "ตัวชี้วัดที่ 1". */
function indicatorNo(v: Cell): number | null {
  const n = cellNumber(v);
  if (n !== null) return n;
  const m = /^(?:ตัวชี้วัด(?:ที่)?|ข้อ|no\.?)?\s*(\d+)\.?$/i.exec(arabicDigits(cellText(v)));
  return m ? Number(m[1]) : null;
}

interface Merge {
  ref: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function mergesOf(facts: SheetFacts): Merge[] {
  const out: Merge[] = [];
  for (const ref of facts.merges ?? []) {
    const [from, to = from] = ref.split(":");
    try {
      const a = parseA1(from);
      const b = parseA1(to);
      out.push({
        ref,
        r1: Math.min(a.row, b.row),
        c1: Math.min(a.col, b.col),
        r2: Math.max(a.row, b.row),
        c2: Math.max(a.col, b.col),
      });
    } catch {
      // not an A1 range: ignore
    }
  }
  return out;
}

interface ScoreSheetResult {
  unit: UnitInfo;
  years: number[];
  indicators: IndicatorRow[];
  publishedTotals: ItaInput["publishedTotals"];
}

function parseScoreSheet(grid: Grid, sheet: string, c: Collector, scope: IndicatorScope): ScoreSheetResult | null {
  const last = lastUsedRow(grid);
  const headerLabels = [normLabel(SCORE_LABELS.indicatorNo), "ตัวชี้วัด", "ลำดับตัวชี้วัด"];
  let headerRow = -1;
  let noCol = 0;
  for (let r = 0; r <= last && headerRow < 0; r++) {
    const row = grid[r] ?? [];
    for (let col = 0; col < row.length; col++) {
      if (headerLabels.includes(normLabel(row[col]))) {
        headerRow = r;
        noCol = col;
        break;
      }
    }
  }
  if (headerRow < 0) {
    c.error("HEADER_NOT_FOUND", undefined, { sheet, label: SCORE_LABELS.indicatorNo });
    return null;
  }

  // labels above the header row
  const unit: UnitInfo = { name: "" };
  let nameCell = a1(0, 1);
  const labelFields: Array<[string, keyof UnitInfo]> = [
    [SCORE_LABELS.unitName, "name"],
    [SCORE_LABELS.district, "district"],
    [SCORE_LABELS.province, "province"],
    [SCORE_LABELS.unitType, "unitType"],
  ];
  for (let r = 0; r < headerRow; r++) {
    const row = grid[r] ?? [];
    for (let col = 0; col < row.length; col++) {
      const label = normLabel(row[col]);
      const field = labelFields.find(([l]) => normLabel(l) === label);
      if (!field) continue;
      let valueCol = col + 1;
      while (valueCol < row.length && isBlank(row[valueCol])) valueCol++;
      const value = valueCol < row.length ? cellText(row[valueCol]) : "";
      if (field[1] === "name") nameCell = a1(r, col + 1);
      if (value) unit[field[1]] = value;
      break;
    }
  }
  if (!unit.name) c.error("UNIT_NAME_MISSING", nameCell);

  // header: indicator name column, then year columns. A header cell under a vertical merge
  // (a two-row header) reads the merge's top-left value.
  const merges = mergesOf(c.facts);
  const header = [...(grid[headerRow] ?? [])];
  for (const m of merges) {
    if (m.c1 !== m.c2 || m.r1 >= headerRow || m.r2 < headerRow) continue;
    while (header.length <= m.c1) header.push(null);
    header[m.c1] = cellAt(grid, m.r1, m.c1);
  }
  let nameCol = noCol + 1;
  for (let col = noCol + 1; col < header.length; col++) {
    if (normLabel(header[col]) === normLabel(SCORE_LABELS.indicatorName)) {
      nameCol = col;
      break;
    }
  }
  const yearCols: Array<{ col: number; year: number }> = [];
  for (let col = nameCol + 1; col < header.length; col++) {
    const h = parseYearHeader(header[col]);
    const cell = a1(headerRow, col);
    if (h === null) continue;
    if ("unreadable" in h) {
      c.warn("YEAR_HEADER_UNREADABLE", cell, { value: h.unreadable });
      continue;
    }
    if (h.ceFrom !== undefined) c.warn("YEAR_CE_CONVERTED", cell, { from: h.ceFrom, to: h.year });
    const dup = yearCols.find((y) => y.year === h.year);
    if (dup) {
      c.error("YEAR_REPEATED", cell, { year: h.year, first: a1(headerRow, dup.col) });
      continue;
    }
    yearCols.push({ col, year: h.year });
  }
  if (yearCols.length === 0) c.error("NO_YEAR_COLUMNS", a1(headerRow, nameCol + 1));
  // a header merged across columns right of the names: the year is read from its top-left
  // column; if another column under it holds scores, the user must say which column is the year
  for (const m of merges) {
    if (m.r1 > headerRow || m.r2 < headerRow || m.c2 <= nameCol || m.c1 === m.c2) continue;
    const othersUsed = [];
    for (let col = Math.max(m.c1 + 1, nameCol + 1); col <= m.c2; col++)
      for (let r = headerRow + 1; r <= last; r++) if (!isBlank(cellAt(grid, r, col))) othersUsed.push(a1(r, col));
    if (othersUsed.length) c.error("YEAR_HEADER_MERGED", a1(m.r1, m.c1), { range: m.ref, cells: cellList(othersUsed) });
  }
  // merged cells over scores: one value for several scores is not a score of each
  for (const m of merges) {
    if (m.r2 <= headerRow || (m.r1 === m.r2 && m.c1 === m.c2)) continue;
    if (yearCols.some(({ col }) => col >= m.c1 && col <= m.c2))
      c.error("SCORE_MERGED", a1(Math.max(m.r1, headerRow + 1), m.c1), { range: m.ref });
  }

  // indicator rows and the published-total row
  const rows = new Map<number, { row: IndicatorRow; at: number }>();
  const publishedTotals: ItaInput["publishedTotals"] = {};
  const publishedLabel = normLabel(SCORE_LABELS.publishedTotal);
  for (let r = headerRow + 1; r <= last; r++) {
    const row = grid[r] ?? [];
    const first = cellAt(grid, r, noCol);
    const isPublished =
      normLabel(first).startsWith(publishedLabel) || normLabel(cellAt(grid, r, nameCol)).startsWith(publishedLabel);
    if (isPublished) {
      for (const { col, year } of yearCols) {
        const v = cellAt(grid, r, col);
        if (isBlank(v)) continue;
        const n = c.number(v, a1(r, col));
        if (n === null || n < 0 || n > 100)
          c.error("PUBLISHED_TOTAL_INVALID", a1(r, col), { year, value: cellText(v) });
        else publishedTotals[year] = { value: n, cell: a1(r, col) };
      }
      continue;
    }
    const hasScores = yearCols.some(({ col }) => !isBlank(cellAt(grid, r, col)));
    if (isBlank(first)) {
      if (hasScores) c.error("INDICATOR_INVALID", a1(r, noCol), { value: "", range: scope.range });
      continue;
    }
    const no = indicatorNo(first);
    if (no === null || !Number.isInteger(no) || !scope.known.has(no)) {
      // text rows without scores are notes: leave them alone
      if (hasScores || no !== null)
        c.error("INDICATOR_INVALID", a1(r, noCol), { value: cellText(first), range: scope.range });
      continue;
    }
    const prev = rows.get(no);
    if (prev) {
      c.error("INDICATOR_REPEATED", a1(r, noCol), { no, first: prev.at + 1 });
      continue;
    }
    const def = scope.known.get(no)!;
    const typedName = cellText(row[nameCol] ?? null);
    if (typedName && !nameMatches(def, typedName))
      c.warn("NAME_DIFFERS", a1(r, nameCol), { no, typed: typedName, expected: def.name });
    const ind: IndicatorRow = { no, typedName: typedName || undefined, scores: {}, cells: {} };
    for (const { col, year } of yearCols) {
      const v = cellAt(grid, r, col);
      const cell = a1(r, col);
      ind.cells[year] = cell;
      if (isBlank(v)) continue;
      const n = c.number(v, cell);
      if (n === null) c.error("SCORE_NOT_NUMBER", cell, { no, year, value: cellText(v) });
      else if (n < 0 || n > 100) c.error("SCORE_OUT_OF_RANGE", cell, { no, year, value: cellText(v) });
      else ind.scores[year] = n;
    }
    rows.set(no, { row: ind, at: r });
  }
  for (const def of scope.required(yearCols.map((y) => y.year))) {
    if (!rows.has(def.no)) c.error("INDICATOR_MISSING", a1(headerRow, noCol), { no: def.no, name: def.name });
  }
  const indicators = [...rows.values()].map((x) => x.row).sort((a, b) => a.no - b.no);
  const years = yearCols.map((y) => y.year).sort((a, b) => a - b);
  return { unit, years, indicators, publishedTotals };
}

/** The status of a typed text, "unknown" for blank, null when it is not a status. */
export function parseStatus(v: Cell): MeasureStatus | null {
  const t = normLabel(v).replace(/^[-–•✓✔/]+/, "");
  if (t === "") return "unknown";
  for (const [status, words] of STATUS_WORDS) if (words.some((w) => normLabel(w) === t)) return status;
  return null;
}

/** Indicator numbers from "4", "7, 8", "๗,๘", "ตัวชี้วัดที่ 7 และ 8", "7-9"; null when unreadable or not in `scope`. */
export function parseIndicatorList(v: Cell, scope: IndicatorScope = BUILTIN_SCOPE): number[] | null {
  if (typeof v === "number") return Number.isInteger(v) && scope.known.has(v) ? [v] : null;
  const s = arabicDigits(cellText(v))
    .replace(/ตัวชี้วัด(ที่)?/g, " ")
    .replace(/และ|and|,|、|;|\/|\+/gi, " ")
    .trim();
  if (s === "") return [];
  const out: number[] = [];
  for (const part of s.split(/\s+/)) {
    const range = /^(\d+)[-–](\d+)$/.exec(part);
    const nums = range
      ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i)
      : /^\d+$/.test(part)
        ? [Number(part)]
        : null;
    if (!nums || nums.length === 0 || nums.some((n) => !scope.known.has(n))) return null;
    for (const n of nums) if (!out.includes(n)) out.push(n);
  }
  return out.sort((a, b) => a - b);
}

function matchMeasureField(header: Cell): MeasureField | undefined {
  const h = normLabel(header);
  if (!h) return undefined;
  const fields = Object.keys(MEASURE_COLUMNS) as MeasureField[];
  const exact = fields.find((f) => MEASURE_COLUMNS[f].some((alias) => normLabel(alias) === h));
  if (exact) return exact;
  // forgiving: a header that starts with a field's main Thai word ("ผลผลิตที่ได้", "ระยะเวลาการดำเนินการ")
  return fields.find((f) => f !== "title" && f !== "seq" && h.startsWith(normLabel(MEASURE_COLUMNS[f][0]).slice(0, 6)));
}

function parseMeasuresSheet(input: Grid, sheet: string, c: Collector, scope: IndicatorScope): Measure[] {
  let grid = input;
  const last = lastUsedRow(grid);
  let headerRow = -1;
  let cols: Partial<Record<MeasureField, number>> = {};
  for (let r = 0; r <= Math.min(last, 50) && headerRow < 0; r++) {
    const row = grid[r] ?? [];
    const found: Partial<Record<MeasureField, number>> = {};
    row.forEach((v, col) => {
      const f = matchMeasureField(v);
      if (f && found[f] === undefined) found[f] = col;
    });
    if (found.title !== undefined && Object.keys(found).length >= 2) {
      headerRow = r;
      cols = found;
    }
  }
  if (headerRow < 0) {
    c.error("HEADER_NOT_FOUND", undefined, { sheet, label: MEASURE_COLUMNS.title[0] });
    return [];
  }
  // a value merged down over several measures (e.g. one indicator for three rows) belongs to each
  const merges = mergesOf(c.facts).filter((m) => m.r1 > headerRow && m.r2 > m.r1 && m.c1 === m.c2);
  if (merges.length) {
    grid = grid.map((row) => row);
    for (const m of merges) {
      const v = cellAt(grid, m.r1, m.c1);
      if (isBlank(v)) continue;
      for (let r = m.r1 + 1; r <= m.r2; r++) {
        const row = [...(grid[r] ?? [])];
        while (row.length <= m.c1) row.push(null);
        row[m.c1] = v;
        grid[r] = row;
      }
      c.warn("MERGED_FILLED", a1(m.r1, m.c1), { range: m.ref });
    }
  }
  const text = (r: number, f: MeasureField): string | undefined => {
    const col = cols[f];
    if (col === undefined) return undefined;
    const t = cellText(cellAt(grid, r, col));
    return t === "" ? undefined : t;
  };
  const measures: Measure[] = [];
  for (let r = headerRow + 1; r <= last; r++) {
    const row = grid[r] ?? [];
    const used = row.some((v, col) => col !== cols.seq && !isBlank(v));
    if (!used) continue;
    const title = text(r, "title");
    if (!title) {
      c.error("MEASURE_TITLE_MISSING", a1(r, cols.title!));
      continue;
    }
    let indicators: number[] = [];
    if (cols.indicators !== undefined) {
      const v = cellAt(grid, r, cols.indicators);
      const list = parseIndicatorList(v, scope);
      if (list === null)
        c.error("MEASURE_INDICATOR_INVALID", a1(r, cols.indicators), { value: cellText(v), range: scope.range });
      else indicators = list;
    }
    let status: MeasureStatus = "unknown";
    if (cols.status !== undefined) {
      const v = cellAt(grid, r, cols.status);
      const s = parseStatus(v);
      if (s === null) c.error("STATUS_UNKNOWN", a1(r, cols.status), { value: cellText(v) });
      else status = s;
      if (s === "unknown") c.warn("STATUS_BLANK", a1(r, cols.status), { title });
    }
    measures.push({
      row: r + 1,
      seq: text(r, "seq"),
      indicators,
      title,
      steps: text(r, "steps"),
      period: text(r, "period"),
      owner: text(r, "owner"),
      monitoring: text(r, "monitoring"),
      status,
      statusText: text(r, "status"),
      output: text(r, "output"),
      outcome: text(r, "outcome"),
      note: text(r, "note"),
      evidence: text(r, "evidence"),
    });
  }
  const headerLast = Math.max(...Object.values(cols).map((x) => x ?? 0));
  c.warnings.push(...measureBlankWarnings(sheet, headerRow, headerLast, cols, measures));
  return measures;
}

type SettingKey = keyof typeof SETTINGS_LABELS;

function parseSettingsSheet(grid: Grid, c: Collector): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds } };
  const keys = Object.keys(SETTINGS_LABELS) as SettingKey[];
  // longest labels first so that "ตำแหน่งผู้จัดทำ" is not read as "ผู้จัดทำรายงาน"
  const byLength = [...keys].sort((a, b) => SETTINGS_LABELS[b].length - SETTINGS_LABELS[a].length);
  const weights: Partial<Record<ToolId, { value: number; cell: string }>> = {};
  const last = lastUsedRow(grid);
  for (let r = 0; r <= last; r++) {
    const label = normLabel(cellAt(grid, r, 0));
    if (!label) continue;
    const key = byLength.find((k) => {
      const want = normLabel(SETTINGS_LABELS[k]).replace(/\(.*$/, "");
      return label === normLabel(SETTINGS_LABELS[k]) || label.startsWith(want);
    });
    if (!key) continue;
    const v = cellAt(grid, r, 1);
    const cell = a1(r, 1);
    if (isBlank(v)) continue;
    const bad = (hint: string) =>
      c.error("SETTING_INVALID", cell, { label: SETTINGS_LABELS[key], value: cellText(v), hint });
    switch (key) {
      case "year": {
        const h = parseYearHeader(typeof v === "string" ? v : c.number(v, cell));
        if (h && "year" in h) settings.year = h.year;
        else bad("ปี พ.ศ. เช่น 2568");
        break;
      }
      case "strength":
      case "urgent":
      case "decline": {
        const n = c.number(v, cell);
        if (n === null || n < 0 || n > 100) bad("ตัวเลข 0–100");
        else settings.thresholds[key] = n;
        break;
      }
      case "weightIIT":
      case "weightEIT":
      case "weightOIT": {
        const n = c.number(v, cell);
        if (n === null || n < 0 || n > 100) bad("ร้อยละ 0–100");
        else weights[key.slice(6) as ToolId] = { value: n, cell };
        break;
      }
      case "targetTotal": {
        const n = c.number(v, cell);
        if (n === null || n <= 0 || n > 100) bad("คะแนนรวม มากกว่า 0 ถึง 100 เช่น 92.5");
        else settings.targetTotal = n;
        break;
      }
      case "digits": {
        const t = normLabel(v);
        if (/ไทย|thai/.test(t)) settings.digits = "thai";
        else if (/อารบิก|อาราบิก|arabic/.test(t)) settings.digits = "arabic";
        else bad("เลขไทย หรือ เลขอารบิก");
        break;
      }
      default:
        settings[key] = cellText(v);
    }
  }
  const given = TOOL_IDS.filter((t) => weights[t]);
  if (given.length > 0 && given.length < 3) c.error("WEIGHTS_PARTIAL", weights[given[0]]!.cell);
  if (given.length === 3) {
    const sum = weights.IIT!.value + weights.EIT!.value + weights.OIT!.value;
    if (Math.abs(sum - 100) > 1e-9) c.error("WEIGHTS_SUM", weights.IIT!.cell, { sum });
    else
      settings.weights = {
        IIT: weights.IIT!.value / 100,
        EIT: weights.EIT!.value / 100,
        OIT: weights.OIT!.value / 100,
      };
  }
  if (settings.thresholds.strength < settings.thresholds.urgent)
    c.error("THRESHOLDS_ORDER", undefined, {
      strength: settings.thresholds.strength,
      urgent: settings.thresholds.urgent,
    });
  return settings;
}

/**
 * Parses the workbook's layout sheets. `facts` (from the reader, optional) adds what values alone
 * do not say: percent formats, formulas without a saved value, merged cells, hidden sheets.
 * Never throws.
 */
export function parseWorkbook(sheets: Record<string, Grid>, facts?: WorkbookFacts): ParseResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const empty: ParseResult = { input: null, errors, warnings, years: [], completeYears: [] };
  const factsOf = (name: string) => facts?.sheets[name] ?? {};
  const scoreName = pickSheet(sheets, facts, SHEETS.scores, errors, warnings);
  if (scoreName === null) return empty;
  if (!scoreName) {
    errors.push({ code: "SHEET_MISSING", severity: "error", params: { sheet: SHEETS.scores } });
    return empty;
  }
  // optional sheet กรอบการประเมิน: the workbook's framework gives the score sheet its indicator numbers
  const frameworkName = pickSheet(sheets, facts, OPTIONAL_SHEETS.framework, errors, warnings);
  const fw = frameworkName ? parseFrameworkSheet(sheets[frameworkName] ?? [], frameworkName) : null;
  if (fw) {
    errors.push(...fw.errors);
    warnings.push(...fw.warnings);
  }
  const scope = fw?.framework ? indicatorScope(fw.framework) : BUILTIN_SCOPE;
  const sc = new Collector(scoreName, factsOf(scoreName));
  const score = parseScoreSheet(sheets[scoreName] ?? [], scoreName, sc, scope);
  sc.finish();
  errors.push(...sc.errors);
  warnings.push(...sc.warnings);

  const measuresName = pickSheet(sheets, facts, SHEETS.measures, errors, warnings);
  let measures: Measure[] = [];
  if (measuresName) {
    const mc = new Collector(measuresName, factsOf(measuresName));
    measures = parseMeasuresSheet(sheets[measuresName] ?? [], measuresName, mc, scope);
    mc.finish();
    errors.push(...mc.errors);
    warnings.push(...mc.warnings);
  }
  const settingsName = pickSheet(sheets, facts, SHEETS.settings, errors, warnings);
  let settings: Settings = DEFAULT_SETTINGS;
  if (settingsName) {
    const stc = new Collector(settingsName, factsOf(settingsName));
    settings = parseSettingsSheet(sheets[settingsName] ?? [], stc);
    stc.finish();
    errors.push(...stc.errors);
    warnings.push(...stc.warnings);
  }
  const oitName = pickSheet(sheets, facts, OPTIONAL_SHEETS.oit, errors, warnings);
  const oit = oitName ? parseOitSheet(sheets[oitName] ?? [], oitName) : null;
  if (oit) {
    errors.push(...oit.errors);
    warnings.push(...oit.warnings);
  }
  if (!score) return empty;
  const input: ItaInput = {
    unit: score.unit,
    years: score.years,
    indicators: score.indicators,
    publishedTotals: score.publishedTotals,
    measures,
    hasMeasuresSheet: measuresName !== undefined && measuresName !== null,
    settings,
    ...(fw?.framework ? { framework: fw.framework } : {}),
    ...(oit?.items ? { oitItems: oit.items } : {}),
  };
  const complete = completeYears(input);
  return { input: errors.length ? null : input, errors, warnings, years: score.years, completeYears: complete };
}
