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
    frameworkSource: a.framework.origin,
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
    change: a.change,
    blockers: a.blockers,
    plan: a.plan.map((p) => ({
      target: p.target,
      possible: p.possible,
      totalGain: p.totalGain,
      indicators: p.indicators,
      reaches: p.reaches,
    })),
    oit: a.oit && {
      subIndicators: a.oit.subIndicators.map((s) => ({ id: s.id, present: s.present, items: s.items, score: s.score })),
      estimated: {
        ind9: a.oit.estimated.ind9,
        ind10: a.oit.estimated.ind10,
        oit: a.oit.estimated.oit,
        total: a.oit.estimated.total,
        rating: a.oit.estimated.rating,
      },
      missing: a.oit.missing,
      missingItems: a.oit.missingItems.map((m) => ({ code: m.code, name: m.name, sub: m.sub })),
      unchecked: a.oit.unchecked,
      gap: a.oit.gap && {
        target: a.oit.gap.target,
        possible: a.oit.gap.possible,
        items: a.oit.gap.items,
        estimated: a.oit.gap.reaches && {
          total: a.oit.gap.reaches.total,
          oit: a.oit.gap.reaches.oit,
          rating: a.oit.gap.reaches.rating,
        },
      },
    },
    warnings: issuesToJson(a.warnings, lang),
  };
}

export function errorsToJson(errors: Issue[], lang: Lang = "th"): { errors: JsonIssue[] } {
  return { errors: issuesToJson(errors, lang) };
}
