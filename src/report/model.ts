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
  const items = a.measures.items.filter((m) => m.year === undefined || m.year === year);
  if (items.length === a.measures.items.length) return a;
  const byStatus = { notStarted: 0, inProgress: 0, done: 0, unknown: 0 };
  for (const m of items) byStatus[m.status]++;
  const covered = new Set(items.flatMap((m) => m.indicators));
  return {
    ...a,
    measures: {
      count: items.length,
      byStatus,
      uncovered: [...a.urgent, ...a.improve].filter((n) => !covered.has(n)),
      doneShare: items.length ? byStatus.done / items.length : 0,
      items,
    },
  };
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
