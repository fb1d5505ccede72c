/**
 * Consolidation: many units' analyses → one summary for the district, province or department.
 * Pure (core, layout, report only): rows from analyses, duplicates, the distribution, the summary
 * sheets, the Thai summary document and the pinned JSON. Adapters read the files and write the outputs.
 */
import type { Issue, Lang } from "../core/types";
import { issuesToJson, type JsonIssue } from "../core/json";
import { makeIssue } from "../core/messages";
import { unitKey } from "../layout/table";
import type { UnitRow } from "./rows";
import { dedupe, summarize, type Duplicate, type Summary } from "./summary";

export { unitRow, NEAR_NEXT_POINTS, type UnitRow } from "./rows";
export {
  dedupe,
  mean2,
  summarize,
  FALL_POINTS,
  RATING_ORDER,
  GRADE_ORDER,
  type Duplicate,
  type Summary,
} from "./summary";
export { summarySheets, SUMMARY_SHEETS } from "./sheets";
export { summaryDocument, SUMMARY_TITLE, type SummaryDocOptions } from "./doc";
export {
  failedFile,
  outcomeOfWorkbook,
  type FileFailure,
  type FileOutcome,
  type FileRef,
  type ReadSheets,
} from "./file";

export interface Failure {
  file: string;
  errors: Issue[];
}

export interface Consolidation {
  year: number;
  /** Rows used (one per unit), ranked. */
  summary: Summary;
  duplicates: Duplicate[];
  /** Rows of another year than the summary's (left out, listed as failures). */
  otherYear: UnitRow[];
}

/** The year of the summary: the one asked for, else the year most units were analysed at (the later on a tie). */
export function summaryYear(rows: UnitRow[], asked?: number): number | null {
  if (asked !== undefined) return asked;
  const count = new Map<number, number>();
  for (const r of rows) count.set(r.year, (count.get(r.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, c] of count)
    if (best === null || c > count.get(best)! || (c === count.get(best)! && y > best)) best = y;
  return best;
}

/** Rows of every analysed unit → the consolidation of one year. */
export function consolidate(rows: UnitRow[], year: number): Consolidation {
  const inYear = rows.filter((r) => r.year === year);
  const otherYear = rows.filter((r) => r.year !== year);
  const { rows: kept, duplicates } = dedupe(inYear, (r) =>
    unitKey(r.unit, r.district ?? undefined, r.province ?? undefined),
  );
  return { year, summary: summarize(kept, year), duplicates, otherYear };
}

/**
 * The end of a run, shared by the CLI and the task pane: the summary's year, the consolidation,
 * and the failures with the rows of another year added (as warnings). Null when no file gave a row.
 * `otherYear` names the message: the CLI's points to --year, the pane's to its year field.
 */
export function finishConsolidation(
  rows: UnitRow[],
  failures: Failure[],
  year?: number,
  otherYear: "CONSOLIDATE_OTHER_YEAR" | "CONSOLIDATE_OTHER_YEAR_PANE" = "CONSOLIDATE_OTHER_YEAR",
): { consolidation: Consolidation; failures: Failure[] } | null {
  const y = summaryYear(rows, year);
  if (y === null) return null;
  const c = consolidate(rows, y);
  const all = [...failures];
  for (const r of c.otherYear)
    all.push({
      file: r.row !== undefined ? `${r.file} แถว ${r.row}` : r.file,
      errors: [makeIssue(otherYear, "warning", {}, { year: r.year, summaryYear: y })],
    });
  return { consolidation: c, failures: all };
}

/** The JSON pinned by issue 14 (other checks read it): fields may be added, never renamed. */
export function consolidationJson(
  c: Consolidation,
  failures: Array<{ file: string; errors: Issue[] }>,
  lang: Lang = "th",
): {
  year: number;
  units: unknown[];
  failures: Array<{ file: string; errors: JsonIssue[] }>;
  duplicates: Array<{ unit: string; year: number; used: string; ignored: string[]; by: string }>;
  summary: Record<string, unknown>;
} {
  const s = c.summary;
  return {
    year: c.year,
    units: s.ranked.map((r, k) => ({
      rank: k + 1,
      unit: r.unit,
      district: r.district,
      province: r.province,
      type: r.type,
      year: r.year,
      total: r.total,
      rating: r.rating,
      grade: r.grade,
      pass: r.pass,
      tools: r.tools,
      indicators: r.indicators,
      change: r.change,
      urgent: r.urgent.length,
      doneShare: r.doneShare,
      uncovered: r.uncovered,
      file: r.file,
      ...(r.row !== undefined ? { row: r.row } : {}),
    })),
    failures: failures.map((f) => ({ file: f.file, errors: issuesToJson(f.errors, lang) })),
    duplicates: c.duplicates.map((d) => ({ unit: d.unit, year: d.year, used: d.used, ignored: d.ignored, by: d.by })),
    summary: {
      units: s.units,
      passMark: s.passMark,
      passed: s.passed,
      meanTotal: s.meanTotal,
      meanTools: s.meanTools,
      byResult: Object.fromEntries(s.results.map((label, i) => [label, s.byResult[i]])),
      byDistrict: s.byDistrict.map((g) => ({
        district: g.name,
        units: g.units,
        meanTotal: g.meanTotal,
        passed: g.passed,
        byResult: Object.fromEntries(s.results.map((label, i) => [label, g.byResult[i]])),
      })),
      byType: s.byType.map((g) => ({
        type: g.name,
        units: g.units,
        meanTotal: g.meanTotal,
        passed: g.passed,
        byResult: Object.fromEntries(s.results.map((label, i) => [label, g.byResult[i]])),
      })),
      indicators: s.indicators.map((i) => ({
        no: i.no,
        name: i.name,
        tool: i.tool,
        mean: i.mean,
        weak: i.weak,
        weakShare: i.weakShare,
      })),
      mostOftenWeak: s.mostOftenWeak,
      declined: s.declined,
      nearNext: s.nearNext,
    },
  };
}
