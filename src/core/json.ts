/**
 * The stable JSON shape of an analysis (CLI `--json`, browser download).
 * Field names are fixed by contract; fields may be added, never renamed.
 */
import type { Analysis } from "./analysis";
import { issueCellRef, issueMessage } from "./messages";
import type { Issue, Lang } from "./types";

export interface JsonIssue {
  code: string;
  message: string;
  cell: string | null;
}

export function issuesToJson(issues: Issue[], lang: Lang): JsonIssue[] {
  return issues.map((i) => ({ code: i.code, message: issueMessage(i, lang), cell: issueCellRef(i) }));
}

export function analysisToJson(a: Analysis, lang: Lang = "th"): Record<string, unknown> {
  return {
    unit: { name: a.unit.name, district: a.unit.district ?? null, province: a.unit.province ?? null },
    year: a.year,
    previousYear: a.previousYear,
    framework: {
      id: a.framework.id,
      confidence: a.framework.confidence,
      weights: a.framework.weights,
      weightsOverridden: a.framework.weightsOverridden,
    },
    tools: a.tools,
    total: a.total,
    grade: a.grade,
    rating: a.rating,
    pass: a.pass,
    publishedTotal: a.publishedTotal,
    indicators: a.indicators.map((i) => ({
      no: i.no,
      name: i.name,
      tool: i.tool,
      score: i.score,
      rank: i.rank,
      grade: i.grade,
      class: i.class,
      change: i.change,
    })),
    ranking: a.ranking,
    strengths: a.strengths,
    improve: a.improve,
    urgent: a.urgent,
    lowestPerTool: a.lowestPerTool,
    declined: a.declined,
    history: a.history,
    measures: {
      count: a.measures.count,
      byStatus: a.measures.byStatus,
      uncovered: a.measures.uncovered,
    },
    warnings: issuesToJson(a.warnings, lang),
  };
}

export function errorsToJson(errors: Issue[], lang: Lang = "th"): { errors: JsonIssue[] } {
  return { errors: issuesToJson(errors, lang) };
}
