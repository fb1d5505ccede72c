/**
 * The measures as the documents print them (issue 12, "no table of dashes"): the officer's
 * measures with honest defaults for the blank cells that have one (the period: the measure's
 * whole fiscal year; the monitoring: the six- and twelve-month reports), and the library's
 * measure proposed for each weak indicator that no measure covers. The defaults live here, in
 * the report model: the input sheet is never written.
 */
import type { Analysis } from "../core/analysis";
import type { Measure } from "../core/types";
import { MEASURE_DEFAULTS } from "../layout/names";
import type { ProposedMeasureRow } from "../layout/output";
import type { ReportFormat } from "./format";
import { measuresFiscalYear } from "./policy";
import { recommendationFor } from "./recommendations";
import { applyDigitsToText, THAI_MONTHS_SHORT } from "./thaiFormat";

/** The mark of a row the analysis adds to the officer's measures. */
export const PROPOSED_MARK = "(เสนอเพิ่มเติม)";

/** The whole fiscal year `year` (B.E.), Arabic digits: 2569 → "ต.ค. 2568 – ก.ย. 2569". */
export function fiscalYearSpan(year: number): string {
  return `${THAI_MONTHS_SHORT[9]} ${year - 1} – ${THAI_MONTHS_SHORT[8]} ${year}`;
}

/** The fiscal year a measure belongs to: its own year column, else the measures' year. */
export function measureYear(a: Analysis, m: Measure): number {
  return m.year ?? measuresFiscalYear(a);
}

/** A measure's period as printed: as typed, or its whole fiscal year. */
export function periodOf(f: ReportFormat, m: Measure): string {
  return f.userText(m.period) || f.text(fiscalYearSpan(measureYear(f.analysis, m)));
}

/** A measure's monitoring as printed: as typed, or the six- and twelve-month reports. */
export function monitoringOf(f: ReportFormat, m: Measure): string {
  return f.userText(m.monitoring) || f.text(MEASURE_DEFAULTS.monitoring);
}

/** A library measure proposed for an uncovered weak indicator (Arabic digits, as the library writes). */
export type ProposedMeasure = ProposedMeasureRow;

/** The library's measure for each urgent or improve indicator no measure names, weakest first. */
export function proposedMeasures(a: Analysis, indicators: readonly number[] = a.measures.uncovered): ProposedMeasure[] {
  const period = fiscalYearSpan(measuresFiscalYear(a));
  return indicators.map((no) => {
    const s = recommendationFor(no, a.indicators.find((i) => i.no === no)?.name).measure;
    return { indicator: no, title: s.title, steps: s.steps, owner: s.owner, period, monitoring: s.monitoring };
  });
}

/** Numbered steps, one a line: "1. …\n2. …". */
export function stepsText(steps: readonly string[]): string {
  return steps.map((x, i) => `${i + 1}. ${x}`).join("\n");
}

/** A web address inside typed text: http(s)://… or www.… up to the next space, without a closing mark (. , ; : ) ]). */
export const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:)\]]/gi;

/** Evidence as printed: web addresses exactly as typed, the words around them with the report's digits. */
export function evidenceOf(f: ReportFormat, m: Measure): string {
  const t = (m.evidence ?? "").replace(/\r\n?/g, "\n").trim();
  let out = "";
  let at = 0;
  for (const u of t.matchAll(URL_PATTERN)) {
    out += applyDigitsToText(t.slice(at, u.index), f.digits) + u[0];
    at = u.index + u[0].length;
  }
  return out + applyDigitsToText(t.slice(at), f.digits);
}
