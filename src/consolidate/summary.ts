/**
 * Many units' rows → one summary: duplicates resolved (the newer copy kept, saying which), then
 * the distribution a receiver reports (units per rating, per district and type; the group's mean
 * per indicator and tool; the share of units weak on each indicator; the indicators most often
 * weak; units that dropped a rating or fell ≥ 5 points; units one step from the next rating).
 * Pure and exact to the published 2 decimals.
 */
import { frameworkForYear, LETTER_GRADES } from "../core/frameworks";
import { TOOL_IDS, type ToolId } from "../core/types";
import { NEAR_NEXT_POINTS, type UnitRow } from "./rows";

/** The results, best first: the pass-level ratings from 2566, the letters before. */
export const RATING_ORDER = ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"] as const;
export const GRADE_ORDER = LETTER_GRADES.map((g) => g.grade);

/** A fall of at least this many points counts (the analysis's decline threshold). */
export const FALL_POINTS = 5;

export interface Duplicate {
  unit: string;
  year: number;
  /** The file used, and the files ignored. */
  used: string;
  ignored: string[];
  /** What decided: the copy's own data (a later year, measures moved on) or its modified time. */
  by: "data" | "modified" | "order";
}

/** Keeps one row per unit and year: the newer by its own data, then by modified time, then the later given. */
export function dedupe(rows: UnitRow[], keyOf: (r: UnitRow) => string): { rows: UnitRow[]; duplicates: Duplicate[] } {
  const groups = new Map<string, UnitRow[]>();
  for (const r of rows) {
    const k = `${keyOf(r)}#${r.year}`;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const kept: UnitRow[] = [];
  const duplicates: Duplicate[] = [];
  for (const g of groups.values()) {
    if (g.length === 1) {
      kept.push(g[0]);
      continue;
    }
    const byData = (a: UnitRow, b: UnitRow) =>
      b.freshness.latestYear - a.freshness.latestYear || b.freshness.progress - a.freshness.progress;
    const sorted = g
      .map((r, i) => ({ r, i }))
      .sort((x, y) => byData(x.r, y.r) || y.r.freshness.modified - x.r.freshness.modified || y.i - x.i);
    const best = sorted[0].r;
    const second = sorted[1].r;
    const by =
      byData(best, second) !== 0
        ? "data"
        : best.freshness.modified !== second.freshness.modified
          ? "modified"
          : "order";
    kept.push(best);
    duplicates.push({
      unit: best.unit,
      year: best.year,
      used: best.file,
      ignored: sorted.slice(1).map((x) => x.r.file),
      by,
    });
  }
  return { rows: kept, duplicates };
}

/** Mean of 2-decimal figures, rounded half up to 2 decimals (sums kept in hundredths, exact). */
export function mean2(values: readonly number[]): number {
  if (!values.length) return 0;
  let sum = 0;
  for (const v of values) sum += Math.round(v * 100);
  // round half up of sum / n hundredths, on integers
  const n = values.length;
  const q = Math.floor((2 * sum + n) / (2 * n));
  return q / 100;
}

export interface GroupCount {
  name: string;
  units: number;
  /** Units per result, in RATING_ORDER / GRADE_ORDER. */
  byResult: number[];
  meanTotal: number;
  passed: number;
}

export interface IndicatorStat {
  no: number;
  name: string;
  tool: ToolId;
  mean: number;
  /** Units scoring below the strength threshold on it. */
  weak: number;
  weakShare: number;
}

export interface Summary {
  year: number;
  units: number;
  /** The results' labels, best first (ratings from 2566, letters before). */
  results: string[];
  usesRating: boolean;
  passMark: number;
  byResult: number[];
  passed: number;
  meanTotal: number;
  meanTools: Record<ToolId, number>;
  byDistrict: GroupCount[];
  byType: GroupCount[];
  indicators: IndicatorStat[];
  /** Indicator numbers most often weak, most first (the top three, ties kept). */
  mostOftenWeak: number[];
  /** Units that dropped a result or fell ≥ FALL_POINTS since their previous year, largest fall first. */
  declined: Array<{
    unit: string;
    district: string | null;
    total: number;
    previousTotal: number;
    change: number;
    result: string;
    previousResult: string;
    droppedResult: boolean;
  }>;
  /** Units within NEAR_NEXT_POINTS of their next rating (from the planner), nearest first. */
  nearNext: Array<{
    unit: string;
    district: string | null;
    result: string;
    target: string;
    gain: number;
    indicators: number[];
  }>;
  /** Unit rows ranked by total (ties by name). */
  ranked: UnitRow[];
}

const NO_DISTRICT = "(ไม่ระบุอำเภอ)";
const NO_TYPE = "(ไม่ระบุประเภท)";

function groupCounts(rows: UnitRow[], keyOf: (r: UnitRow) => string, results: readonly string[]): GroupCount[] {
  const groups = new Map<string, UnitRow[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.entries()]
    .map(([name, g]) => ({
      name,
      units: g.length,
      byResult: results.map((res) => g.filter((r) => r.result === res).length),
      meanTotal: mean2(g.map((r) => r.total)),
      passed: g.filter((r) => r.pass).length,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "th"));
}

/** The summary of the kept rows of one year. */
export function summarize(rows: UnitRow[], year: number): Summary {
  const fw = frameworkForYear(year).framework;
  const usesRating = rows.length ? rows.some((r) => r.rating !== null) : fw.usesRating;
  const results: string[] = usesRating ? [...RATING_ORDER] : [...GRADE_ORDER];
  const indicators: IndicatorStat[] = fw.indicators.map((d, k) => {
    const weak = rows.filter((r) => r.weak.includes(d.no)).length;
    return {
      no: d.no,
      name: d.name,
      tool: d.tool,
      mean: mean2(rows.map((r) => r.indicators[k])),
      weak,
      weakShare: rows.length ? weak / rows.length : 0,
    };
  });
  // the three most often weak (an indicator tied with the third is kept too)
  const weakCounts = indicators
    .map((i) => i.weak)
    .filter((n) => n > 0)
    .sort((a, b) => b - a);
  const cut = weakCounts[Math.min(2, weakCounts.length - 1)] ?? Infinity;
  const mostOftenWeak = indicators
    .filter((i) => i.weak > 0 && i.weak >= cut)
    .sort((a, b) => b.weak - a.weak || a.no - b.no)
    .map((i) => i.no);
  const rank = (res: string) => results.indexOf(res);
  const declined = rows
    .filter((r) => r.change !== null && r.previousResult !== null)
    .map((r) => ({
      unit: r.unit,
      district: r.district,
      total: r.total,
      previousTotal: r.previousTotal!,
      change: r.change!,
      result: r.result,
      previousResult: r.previousResult!,
      // a result of the other scheme (a letter year before a rating year) is compared by the pass mark only
      droppedResult:
        rank(r.previousResult!) >= 0
          ? rank(r.result) > rank(r.previousResult!)
          : r.previousTotal! >= fw.passMark && !r.pass,
    }))
    .filter((d) => d.droppedResult || d.change <= -FALL_POINTS)
    .sort((a, b) => a.change - b.change || a.unit.localeCompare(b.unit, "th"));
  const nearNext = rows
    .filter((r) => r.next !== null && r.next.gain <= NEAR_NEXT_POINTS)
    .map((r) => ({
      unit: r.unit,
      district: r.district,
      result: r.result,
      target: r.next!.target,
      gain: r.next!.gain,
      indicators: r.next!.indicators,
    }))
    .sort((a, b) => a.gain - b.gain || a.unit.localeCompare(b.unit, "th"));
  const meanTools = {} as Record<ToolId, number>;
  for (const t of TOOL_IDS) meanTools[t] = mean2(rows.map((r) => r.tools[t]));
  return {
    year,
    units: rows.length,
    results,
    usesRating,
    passMark: fw.passMark,
    byResult: results.map((res) => rows.filter((r) => r.result === res).length),
    passed: rows.filter((r) => r.pass).length,
    meanTotal: mean2(rows.map((r) => r.total)),
    meanTools,
    byDistrict: groupCounts(rows, (r) => r.district ?? NO_DISTRICT, results),
    byType: groupCounts(rows, (r) => r.type ?? NO_TYPE, results),
    indicators,
    mostOftenWeak,
    declined,
    nearNext,
    ranked: [...rows].sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit, "th")),
  };
}
