/**
 * The analysis of one fiscal year: scores, ranking, classes, trends and measure coverage.
 * Pure: takes the parsed input, returns a result or the errors that prevent one.
 */
import { cellRanges } from "./cells";
import { blockers, decomposeChange, type Change, type Driver } from "./change";
import { diff2 } from "./decimal";
import { frameworkForYear, RATING_RULES_2566 } from "./frameworks";
import type { Framework, RatingRule } from "./types";
import { estimateOit, type OitEstimate } from "./oit";
import { planRatings, type Plan } from "./planner";
import { scoreYear, gradeOf } from "./scoring";
import {
  TOOL_IDS,
  type Confidence,
  type Grade,
  type IndicatorClass,
  type Issue,
  type ItaInput,
  type Measure,
  type MeasureStatus,
  type Rating,
  type Thresholds,
  type ToolId,
  type UnitInfo,
} from "./types";

export const SCORE_SHEET = "คะแนน ITA";

export interface IndicatorResult {
  no: number;
  name: string;
  tool: ToolId;
  score: number;
  rank: number;
  grade: Grade;
  class: IndicatorClass;
  /** Score of the previous year with scores, or null. */
  previous: number | null;
  /** score − previous, rounded to 2 decimals, or null. */
  change: number | null;
}

export interface YearSummary {
  year: number;
  frameworkId: string;
  tools: Record<ToolId, number>;
  total: number;
  grade: Grade;
  rating: Rating | null;
  pass: boolean;
}

export interface MeasureSummary {
  count: number;
  byStatus: Record<MeasureStatus, number>;
  /** Weak (urgent or improve) indicators that no measure names, weakest first. */
  uncovered: number[];
  /** Share of measures done, 0–1 (0 when there are none). */
  doneShare: number;
  items: Measure[];
}

/** The measures counted by status, with the weak indicators (`weak`, in order) none of them covers. */
export function summarizeMeasures(items: Measure[], weak: readonly number[]): MeasureSummary {
  const byStatus: Record<MeasureStatus, number> = { notStarted: 0, inProgress: 0, done: 0, unknown: 0 };
  for (const m of items) byStatus[m.status]++;
  const covered = new Set(items.flatMap((m) => m.indicators));
  return {
    count: items.length,
    byStatus,
    uncovered: weak.filter((n) => !covered.has(n)),
    doneShare: items.length ? byStatus.done / items.length : 0,
    items,
  };
}

export interface Analysis {
  unit: UnitInfo;
  year: number;
  previousYear: number | null;
  framework: {
    id: string;
    title: string;
    confidence: { indicators: Confidence; weights: Confidence; levels: Confidence };
    source: string;
    usesRating: boolean;
    /** Total at or above which a unit passes (the chart's pass line, the pass text). */
    passMark: number;
    /** The rating rules the plans and drivers use: the framework's, else the 2566 rules. */
    ratings: readonly RatingRule[];
    /** Built in, or defined in the workbook's sheet 'กรอบการประเมิน'. */
    origin: "builtin" | "workbook";
    weights: Record<ToolId, number>;
    weightsOverridden: boolean;
  };
  thresholds: Thresholds;
  tools: Record<ToolId, number>;
  total: number;
  grade: Grade;
  rating: Rating | null;
  pass: boolean;
  /** Indicators in number order. */
  indicators: IndicatorResult[];
  /** Indicator numbers, best first. */
  ranking: number[];
  strengths: number[];
  improve: number[];
  urgent: number[];
  lowestPerTool: Record<ToolId, number>;
  declined: number[];
  publishedTotal: number | null;
  /** Every complete year up to and including `year`, ascending. */
  history: YearSummary[];
  /** Scores by indicator and year for every year with a column, for trends. */
  scoresByYear: { years: number[]; byIndicator: Record<number, Record<number, number>> };
  measures: MeasureSummary;
  /** Why the total moved since the previous year (null without a complete previous year). */
  change: Change | null;
  /** What keeps the unit from the next rating (empty at the best rating). */
  blockers: Extract<Driver, { kind: "blocks" }>[];
  /** The path to each higher rating (ผ่าน, ผ่านดี, ผ่านดีเยี่ยม), then to the typed total if any. */
  plan: Plan[];
  /** The OIT self-check estimate, when the workbook has an OIT sheet. */
  oit: OitEstimate | null;
  warnings: Issue[];
}

export type AnalysisOutcome = { ok: true; analysis: Analysis } | { ok: false; errors: Issue[]; warnings: Issue[] };

export interface AnalyzeOptions {
  year?: number;
  thresholds?: Partial<Thresholds>;
  /** A total to plan for, besides the ratings (overrides the settings sheet's). */
  targetTotal?: number;
}

/** The framework a year is analysed with: the workbook's when it defines one, else the built-in one. */
export function frameworkOf(input: ItaInput, year: number): Framework {
  return input.framework ?? frameworkForYear(year).framework;
}

/** Indicator numbers of a framework that have no score in a year. */
export function missingIndicators(input: ItaInput, year: number, fw: Framework = frameworkOf(input, year)): number[] {
  return fw.indicators
    .filter((d) => input.indicators.find((r) => r.no === d.no)?.scores[year] === undefined)
    .map((d) => d.no);
}

/** Years (ascending) in which every indicator of that year's framework has a score. */
export function completeYears(input: ItaInput): number[] {
  return input.years.filter((y) => missingIndicators(input, y).length === 0);
}

/** The year analysed by default: the latest year with all scores. */
export function defaultYear(input: ItaInput): number | undefined {
  const c = completeYears(input);
  return c.length ? c[c.length - 1] : undefined;
}

/** The blank score cells of a year (A1, in indicator order) and the indicators without a score. */
export function blankCells(input: ItaInput, year: number, fw: Framework = frameworkOf(input, year)) {
  const missing = missingIndicators(input, year, fw);
  const cells = missing.flatMap((no) => {
    const cell = input.indicators.find((r) => r.no === no)?.cells[year];
    return cell ? [cell] : [];
  });
  return { missing, cells };
}

function hasScores(input: ItaInput, year: number): boolean {
  return input.indicators.some((r) => r.scores[year] !== undefined);
}

/** The issue naming a year's blank cells: the first is its cell, every one is in `cells`. */
function blankIssue(
  input: ItaInput,
  code: "NO_COMPLETE_YEAR" | "YEAR_SKIPPED_INCOMPLETE" | "YEAR_INCOMPLETE",
  severity: Issue["severity"],
  year: number,
  extra: { chosen?: number } = {},
): Issue {
  const fw = frameworkOf(input, year);
  const b = blankCells(input, year, fw);
  return {
    code,
    severity,
    sheet: SCORE_SHEET,
    ...(b.cells.length ? { cell: b.cells[0] } : {}),
    params: {
      year,
      count: fw.indicators.length,
      missing: b.missing.join(", ") || "-",
      cells: cellRanges(b.cells) || "-",
      ...extra,
    },
  } as Issue;
}

function scoresOf(input: ItaInput, year: number): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of input.indicators) if (r.scores[year] !== undefined) out[r.no] = r.scores[year];
  return out;
}

function pct(x: number): number {
  return Math.round(x * 10000) / 100;
}

export function analyze(input: ItaInput, options: AnalyzeOptions = {}): AnalysisOutcome {
  const warnings: Issue[] = [];
  const errors: Issue[] = [];
  const thresholds: Thresholds = { ...input.settings.thresholds, ...options.thresholds };
  const requested = options.year ?? input.settings.year;
  let year: number;
  if (requested !== undefined) {
    if (!input.years.includes(requested)) {
      errors.push({
        code: "YEAR_ABSENT",
        severity: "error",
        sheet: SCORE_SHEET,
        params: { year: requested, years: input.years.join(", ") || "-" },
      });
      return { ok: false, errors, warnings };
    }
    year = requested;
  } else {
    const y = defaultYear(input);
    if (y === undefined) {
      // name the blank cells of the latest year with any score (else of the latest column)
      const typed = input.years.filter((x) => hasScores(input, x));
      const latest = typed.length ? typed[typed.length - 1] : input.years[input.years.length - 1];
      if (latest === undefined) errors.push({ code: "NO_YEAR_COLUMNS", severity: "error", sheet: SCORE_SHEET });
      else errors.push(blankIssue(input, "NO_COMPLETE_YEAR", "error", latest));
      return { ok: false, errors, warnings };
    }
    year = y;
    // a later year that has some scores but not all: say which cells are blank and what is analysed
    for (const later of input.years.filter((x) => x > y && hasScores(input, x)))
      warnings.push(blankIssue(input, "YEAR_SKIPPED_INCOMPLETE", "warning", later, { chosen: y }));
  }

  const choice = input.framework
    ? { framework: input.framework, beyondRegistry: false, beforeRegistry: false }
    : frameworkForYear(year);
  const fw = choice.framework;
  if (missingIndicators(input, year, fw).length) {
    errors.push(blankIssue(input, "YEAR_INCOMPLETE", "error", year));
    return { ok: false, errors, warnings };
  }
  if (choice.beyondRegistry)
    warnings.push({ code: "FRAMEWORK_BEYOND", severity: "warning", params: { year, framework: fw.id } });
  if (choice.beforeRegistry)
    warnings.push({ code: "FRAMEWORK_BEFORE", severity: "warning", params: { year, framework: fw.id } });

  const override = input.settings.weights;
  const weights = override ?? fw.weights;
  const weightParams = { year, iit: pct(weights.IIT), eit: pct(weights.EIT), oit: pct(weights.OIT) };
  if (override) warnings.push({ code: "WEIGHTS_OVERRIDDEN", severity: "warning", sheet: "ตั้งค่า", params: weightParams });
  else if (fw.confidence.weights === "low")
    warnings.push({ code: "WEIGHTS_ASSUMED", severity: "warning", params: weightParams });

  const scores = scoresOf(input, year);
  const result = scoreYear(scores, fw, weights);

  // previous year with scores (nearest earlier column with any score)
  const earlier = input.years.filter((y) => y < year && input.indicators.some((r) => r.scores[y] !== undefined));
  const previousYear = earlier.length ? earlier[earlier.length - 1] : null;

  const ranking = fw.indicators.map((d) => d.no).sort((a, b) => scores[b] - scores[a] || a - b);
  const classOf = (s: number): IndicatorClass =>
    s >= thresholds.strength ? "strength" : s < thresholds.urgent ? "urgent" : "improve";

  const indicators: IndicatorResult[] = fw.indicators.map((d) => {
    const score = scores[d.no];
    const prevRaw =
      previousYear === null ? undefined : input.indicators.find((r) => r.no === d.no)?.scores[previousYear];
    const previous = prevRaw === undefined ? null : prevRaw;
    return {
      no: d.no,
      name: d.name,
      tool: d.tool,
      score,
      rank: ranking.indexOf(d.no) + 1,
      grade: gradeOf(score, fw),
      class: classOf(score),
      previous,
      change: previous === null ? null : diff2(score, previous),
    };
  });
  const weakestFirst = [...ranking].reverse();
  const strengths = ranking.filter((n) => classOf(scores[n]) === "strength");
  const improve = weakestFirst.filter((n) => classOf(scores[n]) === "improve");
  const urgent = weakestFirst.filter((n) => classOf(scores[n]) === "urgent");
  const lowestPerTool = {} as Record<ToolId, number>;
  for (const tool of TOOL_IDS) {
    const inTool = weakestFirst.filter((n) => fw.indicators.find((d) => d.no === n)?.tool === tool);
    // weakestFirst breaks ties by the higher number; the lowest of a tool breaks ties by the lower number
    const lowScore = Math.min(...inTool.map((n) => scores[n]));
    lowestPerTool[tool] = Math.min(...inTool.filter((n) => scores[n] === lowScore));
  }
  const declined = indicators
    .filter((i) => i.change !== null && i.change <= -thresholds.decline)
    .sort((a, b) => (a.change as number) - (b.change as number) || a.no - b.no)
    .map((i) => i.no);

  // cross-check the published total
  const published = input.publishedTotals[year];
  if (published && Math.abs(diff2(published.value, result.total)) > 0.01) {
    warnings.push({
      code: "PUBLISHED_TOTAL_DIFFERS",
      severity: "warning",
      sheet: SCORE_SHEET,
      cell: published.cell,
      params: { year, published: published.value.toFixed(2), computed: result.total.toFixed(2) },
    });
  }

  // the workbook's framework replaces the built-in one for the analysed year only
  const frameworkAt = (y: number): Framework => (y === year ? fw : frameworkForYear(y).framework);
  const history: YearSummary[] = input.years
    .filter((y) => y <= year && missingIndicators(input, y, frameworkAt(y)).length === 0)
    .map((y) => {
      const f = frameworkAt(y);
      const r = scoreYear(scoresOf(input, y), f, override ?? f.weights);
      return { year: y, frameworkId: f.id, ...r };
    });

  const rules = fw.ratings ?? RATING_RULES_2566;
  let change: Change | null = null;
  const prevSummary = history.find((h) => h.year === previousYear);
  if (previousYear !== null && prevSummary) {
    const pf = frameworkAt(previousYear);
    change = decomposeChange(
      { year, scores, framework: fw, weights },
      { year: previousYear, scores: scoresOf(input, previousYear), framework: pf, weights: override ?? pf.weights },
      { cur: result, prev: prevSummary },
      rules,
    );
  }
  const targetTotal = options.targetTotal ?? input.settings.targetTotal;
  const plan = planRatings(scores, fw, rules, { weights, typedTotal: targetTotal });
  let oit: OitEstimate | null = null;
  if (input.oitItems) {
    oit = estimateOit(input.oitItems, scores, fw, rules, weights);
    for (const { at, ...issue } of oit.issues) {
      const cell = input.oitItems[at.index]?.subCell;
      warnings.push({ ...issue, sheet: "OIT", ...(cell ? { cell } : {}) });
    }
  }

  const byIndicator: Record<number, Record<number, number>> = {};
  for (const r of input.indicators) byIndicator[r.no] = { ...r.scores };

  return {
    ok: true,
    analysis: {
      unit: input.unit,
      year,
      previousYear,
      framework: {
        id: fw.id,
        title: fw.title,
        confidence: fw.confidence,
        source: fw.source,
        usesRating: fw.usesRating,
        passMark: fw.passMark,
        ratings: rules,
        origin: fw.origin,
        weights,
        weightsOverridden: override !== undefined,
      },
      thresholds,
      tools: result.tools,
      total: result.total,
      grade: result.grade,
      rating: result.rating,
      pass: result.pass,
      indicators,
      ranking,
      strengths,
      improve,
      urgent,
      lowestPerTool,
      declined,
      publishedTotal: published ? published.value : null,
      history,
      scoresByYear: { years: [...input.years], byIndicator },
      measures: summarizeMeasures(input.measures, [...urgent, ...improve]),
      change,
      blockers: blockers(result.total, result.tools, rules),
      plan,
      oit,
      warnings,
    },
  };
}
