/**
 * A framework the user defines in the workbook (optional sheet 'กรอบการประเมิน'): tools with
 * weights, indicators with number, name and tool, and the rating thresholds. This checks such a
 * definition and turns it into a framework record, or returns what is wrong, each issue with the
 * table and row index it belongs to (`at`), so the sheet parser can name the sheet and cell.
 * Pure. The built-in registry (frameworks.ts) stays the default.
 *
 * The tools are the ITA's three (IIT, EIT, OIT): scores, sheets and reports are built on them. A
 * tool that is not one of them is an error that says so.
 */
import { fromNumber, roundHalfUp, sum } from "./decimal";
import { LETTER_GRADES, RATING_RULES_2566 } from "./frameworks";
import type { Framework, FrameworkIndicator, RatingRule } from "./types";
import { makeIssue, type IssueCode, type ParamsArg } from "./messages";
import { TOOL_IDS, type Issue, type Rating, type ToolId } from "./types";

export interface FrameworkDraft {
  /** The tools table: one row per tool; weight in percent (30 for 30 %). */
  tools: Array<{ name: string; weight: number | null }>;
  /** The indicators table. */
  indicators: Array<{ no: number | null; name: string; tool: string }>;
  /** The rating thresholds, best first; the 2566 rules when absent. `minTool` applies to each tool. */
  ratings?: Array<{ rating: string; minTotal: number | null; minTool: number | null }>;
  /** The fiscal year it is used for (B.E.), for the record. */
  year?: number;
}

export type DraftTable = "tools" | "indicators" | "ratings";

/** An issue of a draft: `at` is the table and the 0-based row index in it (null: the whole table). */
export type DraftIssue = Issue & { at: { table: DraftTable; index: number | null; field?: string } };

export type DraftOutcome =
  { ok: true; framework: Framework; issues: DraftIssue[] } | { ok: false; issues: DraftIssue[] };

export const WORKBOOK_FRAMEWORK_ID = "WORKBOOK";
const RATING_NAMES: readonly Rating[] = RATING_RULES_2566.map((r) => r.rating);

function err<C extends IssueCode>(code: C, at: DraftIssue["at"], ...params: ParamsArg<C>): DraftIssue {
  return { ...makeIssue(code, "error", {}, ...params), at };
}

/** A percent as a fraction, exactly (33.33 → 0.3333). */
function percentToFraction(p: number): number {
  const r = fromNumber(p);
  return roundHalfUp({ num: r.num, den: r.den * 100n }, 12);
}

export function validateFramework(draft: FrameworkDraft): DraftOutcome {
  const issues: DraftIssue[] = [];

  // tools
  const weights: Partial<Record<ToolId, number>> = {};
  const toolRow = new Map<ToolId, number>();
  draft.tools.forEach((t, index) => {
    const id = t.name.trim().toUpperCase() as ToolId;
    if (!TOOL_IDS.includes(id)) {
      issues.push(
        err("FRAMEWORK_TOOL_UNKNOWN", { table: "tools", index, field: "name" }, { tool: t.name.trim() || "-" }),
      );
      return;
    }
    if (toolRow.has(id)) {
      issues.push(
        err(
          "FRAMEWORK_TOOL_REPEATED",
          { table: "tools", index, field: "name" },
          { tool: id, first: toolRow.get(id)! + 1 },
        ),
      );
      return;
    }
    toolRow.set(id, index);
    if (t.weight === null || !Number.isFinite(t.weight) || t.weight < 0 || t.weight > 100) {
      issues.push(
        err(
          "FRAMEWORK_WEIGHT_INVALID",
          { table: "tools", index, field: "weight" },
          { tool: id, value: String(t.weight ?? "") },
        ),
      );
      return;
    }
    weights[id] = t.weight;
  });
  for (const id of TOOL_IDS)
    if (!toolRow.has(id)) issues.push(err("FRAMEWORK_TOOL_MISSING", { table: "tools", index: null }, { tool: id }));
  const given = TOOL_IDS.filter((id) => weights[id] !== undefined);
  if (given.length === TOOL_IDS.length) {
    const total = sum(given.map((id) => fromNumber(weights[id]!)));
    if (!(total.num === 100n && total.den === 1n))
      issues.push(
        err("FRAMEWORK_WEIGHTS_SUM", { table: "tools", index: null, field: "weight" }, { sum: roundHalfUp(total, 4) }),
      );
  }

  // indicators
  const seen = new Map<number, number>();
  const indicators: FrameworkIndicator[] = [];
  draft.indicators.forEach((d, index) => {
    const no = d.no;
    if (no === null || !Number.isInteger(no) || no < 1) {
      issues.push(
        err("FRAMEWORK_INDICATOR_NO_INVALID", { table: "indicators", index, field: "no" }, { value: String(no ?? "") }),
      );
      return;
    }
    if (seen.has(no)) {
      issues.push(
        err(
          "FRAMEWORK_INDICATOR_REPEATED",
          { table: "indicators", index, field: "no" },
          { no, first: seen.get(no)! + 1 },
        ),
      );
      return;
    }
    seen.set(no, index);
    const tool = d.tool.trim().toUpperCase() as ToolId;
    if (!TOOL_IDS.includes(tool) || !toolRow.has(tool)) {
      issues.push(
        err(
          "FRAMEWORK_INDICATOR_TOOL_UNKNOWN",
          { table: "indicators", index, field: "tool" },
          { no, tool: d.tool.trim() || "-", tools: [...toolRow.keys()].join(", ") || "-" },
        ),
      );
      return;
    }
    if (d.name.trim() === "") {
      issues.push(err("FRAMEWORK_INDICATOR_NAME_MISSING", { table: "indicators", index, field: "name" }, { no }));
      return;
    }
    indicators.push({ no, name: d.name.trim(), aliases: [], tool });
  });
  for (const id of toolRow.keys())
    if (!draft.indicators.some((d) => d.tool.trim().toUpperCase() === id))
      issues.push(err("FRAMEWORK_TOOL_EMPTY", { table: "indicators", index: null }, { tool: id }));

  // rating thresholds: known names, once each, 0–100, ordered (a better rating never asks less)
  let ratings: RatingRule[] = [...RATING_RULES_2566];
  if (draft.ratings) {
    ratings = [];
    const seenRating = new Map<string, number>();
    draft.ratings.forEach((r, index) => {
      const name = r.rating.trim() as Rating;
      if (!RATING_NAMES.includes(name)) {
        issues.push(
          err(
            "FRAMEWORK_RATING_UNKNOWN",
            { table: "ratings", index, field: "rating" },
            { value: r.rating.trim() || "-", ratings: RATING_NAMES.join(" / ") },
          ),
        );
        return;
      }
      if (seenRating.has(name)) {
        issues.push(
          err(
            "FRAMEWORK_RATING_REPEATED",
            { table: "ratings", index, field: "rating" },
            { rating: name, first: seenRating.get(name)! + 1 },
          ),
        );
        return;
      }
      seenRating.set(name, index);
      const bad = (v: number | null) => v !== null && (!Number.isFinite(v) || v < 0 || v > 100);
      if (r.minTotal === null || bad(r.minTotal) || bad(r.minTool)) {
        issues.push(
          err(
            "FRAMEWORK_THRESHOLD_INVALID",
            { table: "ratings", index, field: r.minTotal === null || bad(r.minTotal) ? "minTotal" : "minTool" },
            { rating: name },
          ),
        );
        return;
      }
      const minTools: RatingRule["minTools"] = {};
      if (r.minTool !== null) for (const id of TOOL_IDS) minTools[id] = r.minTool;
      ratings.push({ rating: name, minTotal: r.minTotal, minTools });
    });
    // the table lists ratings best first, in the order of the five ratings
    const order = (x: Rating) => RATING_NAMES.indexOf(x);
    for (let i = 1; i < ratings.length; i++) {
      const a = ratings[i - 1];
      const b = ratings[i];
      const at = { table: "ratings" as const, index: draft.ratings.findIndex((r) => r.rating.trim() === b.rating) };
      const toolA = Math.max(0, ...Object.values(a.minTools));
      const toolB = Math.max(0, ...Object.values(b.minTools));
      if (order(b.rating) < order(a.rating) || b.minTotal > a.minTotal || toolB > toolA)
        issues.push(err("FRAMEWORK_THRESHOLDS_ORDER", at, { rating: b.rating, better: a.rating }));
    }
    if (ratings.length === 0 && !issues.some((i) => i.at.table === "ratings"))
      issues.push(err("FRAMEWORK_RATINGS_EMPTY", { table: "ratings", index: null }));
  }
  if (indicators.length === 0 && !issues.some((i) => i.at.table === "indicators"))
    issues.push(err("FRAMEWORK_NO_INDICATORS", { table: "indicators", index: null }));

  if (issues.some((i) => i.severity === "error")) return { ok: false, issues };
  const pass = ratings.find((r) => r.rating === "ผ่าน");
  const w = weights as Record<ToolId, number>;
  const framework: Framework = {
    id: WORKBOOK_FRAMEWORK_ID,
    fromYear: draft.year ?? 0,
    toYear: draft.year ?? 9999,
    title: "กรอบการประเมินที่กำหนดในสมุดงาน",
    indicators: indicators.sort((a, b) => a.no - b.no),
    weights: { IIT: percentToFraction(w.IIT), EIT: percentToFraction(w.EIT), OIT: percentToFraction(w.OIT) },
    grades: LETTER_GRADES,
    passMark: pass ? pass.minTotal : ratings[ratings.length - 1].minTotal,
    usesRating: true,
    ratings,
    // the user's own definition is taken as stated: nothing in it is assumed by the program
    confidence: { indicators: "high", weights: "high", levels: "high" },
    source: `Defined in the workbook's sheet 'กรอบการประเมิน': ${indicators.length} indicators, weights IIT ${w.IIT}% EIT ${w.EIT}% OIT ${w.OIT}%.`,
    origin: "workbook",
  };
  return { ok: true, framework, issues };
}
