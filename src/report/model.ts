/**
 * Builds the two published documents (ITA items O42 / O43) from an analysis: the analysis of the
 * year's result with its measures (analysisDoc.ts) and the report of the measures carried out
 * (measuresDoc.ts); and the memo (memoDoc.ts) that proposes them to the head of the unit. Pure: the same model feeds the .docx writer and the print sheet.
 */
import type { Analysis } from "../core/analysis";
import type { EmblemImage, Settings } from "../core/types";
import { analysisDocument } from "./analysisDoc";
import { reportCharts, withCharts } from "./charts";
import { ReportFormat } from "./format";
import { measuresDocument } from "./measuresDoc";
import { memoDocument } from "./memoDoc";
import type { ReportModel } from "./types";

export interface BuildOptions {
  /** Date of the report when the settings give none (default: today). */
  date?: Date;
  /** The unit's emblem (an image placed on the settings sheet), printed at the top of the memo. */
  emblem?: EmblemImage;
}

/** Builds the documents (analysis, measures report, memo) from an analysis and the user's settings. */
export function buildReportModel(analysis: Analysis, settings: Settings, options: BuildOptions = {}): ReportModel {
  const f = new ReportFormat(analysis, settings, options.date ?? new Date());
  const charts = reportCharts(analysis, f.digits);
  return {
    analysisDoc: withCharts(analysisDocument(f), charts),
    measuresDoc: withCharts(measuresDocument(f), charts),
    memoDoc: memoDocument(f, options.emblem),
    digits: f.digits,
  };
}
