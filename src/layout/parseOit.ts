/**
 * The optional sheet 'OIT': the unit's own check of the OIT items on its website, one row per
 * item. The header row is found by its labels (ข้อ | ชื่อรายการ | ตัวชี้วัดย่อย | มี/ไม่มี | ลิงก์ |
 * หมายเหตุ, columns in any order); rows run to the end of the sheet, blank rows skipped.
 * A status left blank is "not checked yet" (one warning naming the cells; it counts as absent in
 * the estimate); a link that is not an http(s) address is a warning with its cell. While no item
 * has a status at all (the list as the template made it), the self-check is not in use: no items,
 * no warning, so an untouched list never turns into an estimate of 0.
 */
import { cellRanges } from "../core/cells";
import { arabicDigits } from "../core/digits";
import { makeIssue, type IssueCode, type ParamsArg } from "../core/messages";
import type { Issue, OitItem } from "../core/types";
import { a1, cellAt, cellText, isBlank, lastUsedRow, normLabel } from "./grid";
import { OIT_COLUMNS, OIT_STATUS_WORDS, type OitField } from "./names";
import type { Cell, Grid } from "./sheetSpec";

export interface OitSheetResult {
  /** The items, or null while no item has a status yet (the self-check is not in use). */
  items: OitItem[] | null;
  errors: Issue[];
  warnings: Issue[];
}

function fieldOf(header: Cell): OitField | undefined {
  const h = normLabel(header);
  if (!h) return undefined;
  return (Object.keys(OIT_COLUMNS) as OitField[]).find((f) => OIT_COLUMNS[f].some((l) => normLabel(l) === h));
}

/** "9.1", 9.1, "๙.๑", "ตัวชี้วัดย่อยที่ 9.1", "9.1 ข้อมูลพื้นฐาน" → "9.1"; null when unreadable. */
export function parseSubIndicator(v: Cell): string | null {
  const t = arabicDigits(cellText(v)).replace(/^ตัวชี้วัดย่อย(?:ที่)?\s*/, "");
  const m = /^(\d+)\.(\d+)(?:\s|$)/.exec(t);
  return m ? `${Number(m[1])}.${Number(m[2])}` : null;
}

/** มี → true, ไม่มี → false, blank → null, anything else → undefined. */
export function parseOitStatus(v: Cell): boolean | null | undefined {
  const t = normLabel(v);
  if (t === "") return null;
  if (OIT_STATUS_WORDS.present.some((w) => normLabel(w) === t)) return true;
  if (OIT_STATUS_WORDS.absent.some((w) => normLabel(w) === t)) return false;
  return undefined;
}

const URL = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i;

export function parseOitSheet(grid: Grid, sheet: string): OitSheetResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const error = <C extends IssueCode>(code: C, cell: string | undefined, ...params: ParamsArg<C>) =>
    errors.push(makeIssue(code, "error", { sheet, cell }, ...params));
  const last = lastUsedRow(grid);
  let headerRow = -1;
  let cols: Partial<Record<OitField, number>> = {};
  for (let r = 0; r <= Math.min(last, 50) && headerRow < 0; r++) {
    const found: Partial<Record<OitField, number>> = {};
    (grid[r] ?? []).forEach((v, col) => {
      const f = fieldOf(v);
      if (f && found[f] === undefined) found[f] = col;
    });
    if (found.code !== undefined && found.sub !== undefined && found.status !== undefined) {
      headerRow = r;
      cols = found;
    }
  }
  if (headerRow < 0) {
    error("HEADER_NOT_FOUND", undefined, {
      sheet,
      label: `${OIT_COLUMNS.code[0]} | ${OIT_COLUMNS.sub[0]} | ${OIT_COLUMNS.status[0]}`,
    });
    return { items: [], errors, warnings };
  }
  const text = (r: number, f: OitField): string => (cols[f] === undefined ? "" : cellText(cellAt(grid, r, cols[f]!)));
  const items: OitItem[] = [];
  const seen = new Map<string, number>();
  const unchecked: string[] = [];
  for (let r = headerRow + 1; r <= last; r++) {
    if (!Object.values(cols).some((c) => !isBlank(cellAt(grid, r, c)))) continue;
    const code = text(r, "code");
    const codeCell = a1(r, cols.code!);
    if (!code) {
      error("OIT_CODE_MISSING", codeCell);
      continue;
    }
    const key = normLabel(code);
    if (seen.has(key)) {
      error("OIT_CODE_REPEATED", codeCell, { item: code, first: seen.get(key)! + 1 });
      continue;
    }
    seen.set(key, r);
    const subCell = a1(r, cols.sub!);
    const sub = parseSubIndicator(cellAt(grid, r, cols.sub!));
    if (sub === null) {
      error("OIT_SUB_INVALID", subCell, { item: code, value: text(r, "sub") || "-" });
      continue;
    }
    const statusCell = a1(r, cols.status!);
    const present = parseOitStatus(cellAt(grid, r, cols.status!));
    if (present === undefined) {
      error("OIT_STATUS_UNKNOWN", statusCell, { item: code, value: text(r, "status") });
      continue;
    }
    if (present === null) unchecked.push(statusCell);
    const link = text(r, "link");
    if (link && !URL.test(link))
      warnings.push({
        code: "OIT_LINK_INVALID",
        severity: "warning",
        sheet,
        cell: a1(r, cols.link!),
        params: { item: code, value: link },
      });
    const name = text(r, "name");
    const note = text(r, "note");
    items.push({
      code,
      name,
      sub,
      present,
      row: r + 1,
      subCell,
      ...(link ? { link } : {}),
      ...(note ? { note } : {}),
    });
  }
  if (unchecked.length === items.length) return { items: null, errors, warnings: [] };
  if (unchecked.length)
    warnings.push({
      code: "OIT_STATUS_BLANK",
      severity: "warning",
      sheet,
      cell: unchecked[0],
      params: { count: unchecked.length, cells: cellRanges(unchecked) },
    });
  return { items, errors, warnings };
}
