/**
 * What the reports decide, apart from how they say it: which fiscal year the measures belong to,
 * which indicators the recommendations address.
 */
import type { Analysis } from "../core/analysis";

/** The fiscal year in which the measures set from the analysis of `year` are carried out. */
export function measuresFiscalYear(analysis: Analysis): number {
  return analysis.year + 1;
}

/** Indicators the recommendations address: urgent and improve (weakest first), then declined ones. */
export function focusIndicators(analysis: Analysis): number[] {
  const weak = [...analysis.urgent, ...analysis.improve];
  const extra = analysis.declined.filter((n) => !weak.includes(n));
  return [...weak, ...extra];
}
