/**
 * Scoring: tool scores, the weighted total, the letter level, pass and the pass-level rating
 * (the official result from 2566).
 * All arithmetic is exact (src/core/decimal.ts); rounding happens once, at the end.
 * Levels, pass and rating are decided on the rounded figures the user sees.
 */
import { add, fromNumber, mean, mul, roundHalfUp, type Rational, ZERO } from "./decimal";
import { RATING_RULES_2566 } from "./frameworks";
import type { Framework, RatingRule } from "./types";
import { TOOL_IDS, type Grade, type Rating, type ToolId } from "./types";

export interface ScoreResult {
  /** Tool scores rounded to 2 decimals. */
  tools: Record<ToolId, number>;
  /** Weighted total rounded to 2 decimals. */
  total: number;
  grade: Grade;
  pass: boolean;
  /** Pass-level rating, the official result from 2566; null before. */
  rating: Rating | null;
}

/** Letter level of a (rounded) score. */
export function gradeOf(score: number, fw: Framework): Grade {
  for (const band of fw.grades) if (score >= band.min) return band.grade;
  return fw.grades[fw.grades.length - 1].grade;
}

/** Whether a rounded total and rounded tool scores meet every condition of a rating rule. */
export function meetsRule(total: number, tools: Record<ToolId, number>, rule: RatingRule): boolean {
  if (total < rule.minTotal) return false;
  for (const tool of TOOL_IDS) {
    const min = rule.minTools[tool];
    if (min !== undefined && tools[tool] < min) return false;
  }
  return true;
}

/**
 * The pass-level rating of a rounded total and rounded tool scores: the first rule met
 * (rules best first, as in the framework record; the 2566 rules by default).
 */
export function ratingOf(
  total: number,
  tools: Record<ToolId, number>,
  rules: readonly RatingRule[] = RATING_RULES_2566,
): Rating {
  for (const rule of rules) if (meetsRule(total, tools, rule)) return rule.rating;
  return rules[rules.length - 1].rating;
}

/** The exact value of n in hundredths when n has at most 2 decimals (and is not huge), else null. */
function hundredths(n: number): number | null {
  const h = Math.round(n * 100);
  return Math.abs(h) < 1e9 && h / 100 === n ? h : null;
}

/** Rounds p/q (q > 0) half away from zero to an integer, exactly, for |p| < 2^53. */
function roundRatio(p: number, q: number): number {
  const r = Math.floor((2 * Math.abs(p) + q) / (2 * q));
  return p < 0 ? -r : r;
}

/**
 * Fast exact path for the usual case: scores with at most 2 decimals and weights in whole
 * percents. All arithmetic is on integers below 2^53, so it is exact and agrees with the
 * rational path (a property test checks this). Returns null when it does not apply.
 */
export function scoreFast(
  groups: Record<ToolId, number[]>,
  weights: Record<ToolId, number>,
): { tools: Record<ToolId, number>; total: number } | null {
  const sums = {} as Record<ToolId, number>;
  const pcts = {} as Record<ToolId, number>;
  let denom = 1; // a common multiple of the indicator counts
  for (const tool of TOOL_IDS) {
    let sum = 0;
    for (const v of groups[tool]) {
      const h = hundredths(v);
      if (h === null) return null;
      sum += h;
    }
    const w = hundredths(weights[tool]);
    if (w === null) return null;
    sums[tool] = sum;
    pcts[tool] = w;
    denom *= groups[tool].length;
  }
  // total in hundredths = Σ pct·sum/n / 100 = (Σ pct·sum·(denom/n)) / (100·denom)
  let num = 0;
  for (const tool of TOOL_IDS) num += pcts[tool] * sums[tool] * (denom / groups[tool].length);
  if (!Number.isSafeInteger(num * 2 + 100 * denom)) return null;
  return {
    tools: {
      IIT: roundRatio(sums.IIT, groups.IIT.length) / 100,
      EIT: roundRatio(sums.EIT, groups.EIT.length) / 100,
      OIT: roundRatio(sums.OIT, groups.OIT.length) / 100,
    },
    total: roundRatio(num, 100 * denom) / 100,
  };
}

/** The exact path: BigInt rationals, for any finite scores and weights. */
export function scoreExact(
  groups: Record<ToolId, number[]>,
  weights: Record<ToolId, number>,
): { tools: Record<ToolId, number>; total: number } {
  const exactTools = {} as Record<ToolId, Rational>;
  for (const tool of TOOL_IDS) exactTools[tool] = mean(groups[tool].map(fromNumber));
  let exactTotal: Rational = ZERO;
  for (const tool of TOOL_IDS) exactTotal = add(exactTotal, mul(fromNumber(weights[tool]), exactTools[tool]));
  return {
    tools: {
      IIT: roundHalfUp(exactTools.IIT),
      EIT: roundHalfUp(exactTools.EIT),
      OIT: roundHalfUp(exactTools.OIT),
    },
    total: roundHalfUp(exactTotal),
  };
}

/** Scores grouped by tool, in indicator order. */
export function groupByTool(scores: Record<number, number>, fw: Framework): Record<ToolId, number[]> {
  const groups: Record<ToolId, number[]> = { IIT: [], EIT: [], OIT: [] };
  for (const d of fw.indicators) {
    const v = scores[d.no];
    if (v === undefined) throw new RangeError(`missing score for indicator ${d.no}`);
    groups[d.tool].push(v);
  }
  return groups;
}

/**
 * Scores one year. `scores` maps indicator number → score (all of the framework's
 * indicators must be present). `weights` overrides the framework's weights.
 */
export function scoreYear(
  scores: Record<number, number>,
  fw: Framework,
  weights: Record<ToolId, number> = fw.weights,
): ScoreResult {
  const groups = groupByTool(scores, fw);
  const { tools, total } = scoreFast(groups, weights) ?? scoreExact(groups, weights);
  return {
    tools,
    total,
    grade: gradeOf(total, fw),
    pass: total >= fw.passMark,
    rating: fw.usesRating && fw.ratings ? ratingOf(total, tools, fw.ratings) : null,
  };
}
