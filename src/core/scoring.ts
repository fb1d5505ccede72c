/**
 * Scoring: tool scores, the weighted total, the letter level, pass and the 2567+ rating.
 * All arithmetic is exact (src/core/decimal.ts); rounding happens once, at the end.
 * Levels, pass and rating are decided on the rounded figures the user sees.
 */
import { add, fromNumber, mean, mul, roundHalfUp, type Rational, ZERO } from "./decimal";
import type { Framework } from "./frameworks";
import { TOOL_IDS, type Grade, type Rating, type ToolId } from "./types";

export interface ScoreResult {
  /** Tool scores rounded to 2 decimals. */
  tools: Record<ToolId, number>;
  /** Weighted total rounded to 2 decimals. */
  total: number;
  grade: Grade;
  pass: boolean;
  /** Pass-level rating, from 2567; null before. */
  rating: Rating | null;
}

/** Letter level of a (rounded) score. */
export function gradeOf(score: number, fw: Framework): Grade {
  for (const band of fw.grades) if (score >= band.min) return band.grade;
  return fw.grades[fw.grades.length - 1].grade;
}

/** The 2567+ pass-level rating of a rounded total and rounded tool scores. */
export function ratingOf(total: number, tools: Record<ToolId, number>): Rating {
  const minTool = Math.min(tools.IIT, tools.EIT, tools.OIT);
  if (total >= 95 && minTool >= 95) return "ผ่านดีเยี่ยม";
  if (total >= 85 && minTool >= 85) return "ผ่านดี";
  if (total >= 85) return "ผ่าน";
  if (total >= 70) return "ต้องปรับปรุง";
  return "ต้องปรับปรุงโดยด่วน";
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
  const exactTools = {} as Record<ToolId, Rational>;
  for (const tool of TOOL_IDS) {
    const values = fw.indicators
      .filter((d) => d.tool === tool)
      .map((d) => {
        const v = scores[d.no];
        if (v === undefined) throw new RangeError(`missing score for indicator ${d.no}`);
        return fromNumber(v);
      });
    exactTools[tool] = mean(values);
  }
  let exactTotal: Rational = ZERO;
  for (const tool of TOOL_IDS) exactTotal = add(exactTotal, mul(fromNumber(weights[tool]), exactTools[tool]));
  const tools = {
    IIT: roundHalfUp(exactTools.IIT),
    EIT: roundHalfUp(exactTools.EIT),
    OIT: roundHalfUp(exactTools.OIT),
  };
  const total = roundHalfUp(exactTotal);
  return {
    tools,
    total,
    grade: gradeOf(total, fw),
    pass: total >= fw.passMark,
    rating: fw.usesRating ? ratingOf(total, tools) : null,
  };
}
