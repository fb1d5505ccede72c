/**
 * Builds the two published documents (ITA items O42 / O43) from an analysis: the analysis of the
 * year's result with its measures (analysisDoc.ts) and the report of the measures carried out
 * (measuresDoc.ts); and the memo (memoDoc.ts) that proposes them to the head of the unit. Pure: the same model feeds the .docx writer and the print sheet.
 */
import { summarizeMeasures, type Analysis } from "../core/analysis";
import type { EmblemImage, Settings } from "../core/types";
import { analysisDocument } from "./analysisDoc";
import { reportCharts, withCharts } from "./charts";
import { ReportFormat } from "./format";
import { measuresDocument } from "./measuresDoc";
import { measuresOfYear } from "../layout/reportDates";
import { measuresFiscalYear } from "./policy";
import { memoDocument } from "./memoDoc";
import type { ReportModel } from "./types";

export interface BuildOptions {
  /** Today (default: the clock), for file names only: the documents print no date the settings do not give. */
  date?: Date;
  /** The unit's emblem (an image placed on the settings sheet), printed at the top of the memo. */
  emblem?: EmblemImage;
}

/**
 * The analysis with only the measures of the measures year (no year, or that year): the documents
 * never present another year's measures as this year's (the pipeline warns about them).
 */
function ofMeasuresYear(a: Analysis, year: number): Analysis {
  const items = measuresOfYear(a.measures.items, year);
  if (items.length === a.measures.items.length) return a;
  return { ...a, measures: summarizeMeasures(items, [...a.urgent, ...a.improve]) };
}

/** Builds the documents (analysis, measures report, memo) from an analysis and the user's settings. */
export function buildReportModel(given: Analysis, settings: Settings, options: BuildOptions = {}): ReportModel {
  const analysis = ofMeasuresYear(given, measuresFiscalYear(given, settings));
  const f = new ReportFormat(analysis, settings, options.date ?? new Date());
  const charts = reportCharts(analysis, f.digits);
  return {
    analysisDoc: withCharts(analysisDocument(f), charts),
    measuresDoc: withCharts(measuresDocument(f), charts),
    memoDoc: memoDocument(f, options.emblem),
    digits: f.digits,
  };
}
