/**
 * One unit's row of a consolidated summary: the few figures of its analysis a receiver needs,
 * small enough to keep thousands of them (the analyses themselves are dropped as they come).
 */
import type { Analysis } from "../core/analysis";
import { diff2 } from "../core/decimal";
import { type Grade, type Rating, type ToolId } from "../core/types";

/** Total points of indicator gains within which a unit counts as one step from its next rating. */
export const NEAR_NEXT_POINTS = 5;

export interface UnitRow {
  unit: string;
  district: string | null;
  province: string | null;
  type: string | null;
  year: number;
  total: number;
  tools: Record<ToolId, number>;
  /** The pass-level rating (from 2566), null before. */
  rating: Rating | null;
  grade: Grade;
  pass: boolean;
  /** The result as shown: the rating, or the letter level for years before 2566. */
  result: string;
  /** Scores of indicators 1–10, in number order. */
  indicators: number[];
  /** Indicators scoring below the strength threshold (urgent or to improve). */
  weak: number[];
  urgent: number[];
  previousYear: number | null;
  previousTotal: number | null;
  /** total − previousTotal (2 decimals), or null. */
  change: number | null;
  previousResult: string | null;
  measures: number;
  /** Share of measures done (0–1), null without measures. */
  doneShare: number | null;
  uncovered: number[];
  /** The planner's cheapest path to the next rating, when it exists. */
  next: { target: Rating; gain: number; indicators: number[] } | null;
  /** The file as given on the command line (or relative to the folder given), and the table row. */
  file: string;
  row?: number;
  /** What makes one copy newer than another: the latest year with data, measures moved on, modified time. */
  freshness: { latestYear: number; progress: number; modified: number };
}

/** The result text of a year: its rating, else its letter level. */
export function resultOf(rating: Rating | null, grade: Grade): string {
  return rating ?? grade;
}

export function unitRow(a: Analysis, file: string, modified = 0, row?: number): UnitRow {
  const prev = a.previousYear === null ? undefined : a.history.find((h) => h.year === a.previousYear);
  const next = a.plan.find((p) => typeof p.target === "string" && p.possible) ?? null;
  const years = a.scoresByYear.years.filter((y) =>
    Object.values(a.scoresByYear.byIndicator).some((s) => s[y] !== undefined),
  );
  return {
    unit: a.unit.name,
    district: a.unit.district ?? null,
    province: a.unit.province ?? null,
    type: a.unit.unitType ?? null,
    year: a.year,
    total: a.total,
    tools: { IIT: a.tools.IIT, EIT: a.tools.EIT, OIT: a.tools.OIT },
    rating: a.rating,
    grade: a.grade,
    pass: a.pass,
    result: resultOf(a.rating, a.grade),
    indicators: a.indicators.map((i) => i.score),
    weak: a.indicators.filter((i) => i.class !== "strength").map((i) => i.no),
    urgent: [...a.urgent],
    previousYear: prev ? prev.year : null,
    previousTotal: prev ? prev.total : null,
    change: prev ? diff2(a.total, prev.total) : null,
    previousResult: prev ? resultOf(prev.rating, prev.grade) : null,
    measures: a.measures.count,
    doneShare: a.measures.count ? a.measures.doneShare : null,
    uncovered: [...a.measures.uncovered],
    next: next
      ? { target: next.target as Rating, gain: next.totalGain, indicators: next.indicators.map((s) => s.no) }
      : null,
    file,
    ...(row !== undefined ? { row } : {}),
    freshness: {
      latestYear: years.length ? Math.max(...years) : a.year,
      progress: a.measures.byStatus.done * 2 + a.measures.byStatus.inProgress,
      modified,
    },
  };
}
