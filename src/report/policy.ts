/**
 * What the reports decide, apart from how they say it: which fiscal year the measures belong to,
 * which indicators the recommendations address, how the unit's place is written.
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

/** "อำเภอเมืองสกลนคร จังหวัดสกลนคร" from the unit's district and province as typed. */
export function placeLine(district?: string, province?: string): string {
  const parts: string[] = [];
  const d = district?.trim();
  const p = province?.trim();
  if (d) parts.push(/^(อำเภอ|เขต|อ\.)/.test(d) ? d : `อำเภอ${d}`);
  if (p) parts.push(/^(จังหวัด|จ\.)/.test(p) || p === "กรุงเทพมหานคร" ? p : `จังหวัด${p}`);
  return parts.join(" ");
}
