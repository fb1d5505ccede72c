/**
 * What the reports decide, apart from how they say it: which fiscal year the measures belong to,
 * which indicators the recommendations address.
 */
import type { Analysis } from "../core/analysis";
import { measuresYearFor } from "../core/thaiDate";
import type { Settings } from "../core/types";

/**
 * The fiscal year in which the measures set from the analysis are carried out: the settings'
 * ปีงบประมาณของมาตรการ, else the analysed year + 1.
 */
export function measuresFiscalYear(analysis: Analysis, settings: Pick<Settings, "measuresYear"> = {}): number {
  return measuresYearFor(analysis.year, settings);
}

/** Indicators the recommendations address: urgent and improve (weakest first), then declined ones. */
export function focusIndicators(analysis: Analysis): number[] {
  const weak = [...analysis.urgent, ...analysis.improve];
  const extra = analysis.declined.filter((n) => !weak.includes(n));
  return [...weak, ...extra];
}
