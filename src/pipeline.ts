/**
 * The composition root of a run, the same for every adapter: grids → parse → analyze →
 * generated sheet specs and the report model. Pure; adapters only read grids before and write
 * the returned sheets after. The one module that joins layout and report.
 */
import { analyze, type Analysis } from "./core/analysis";
import type { Issue, Lang, Thresholds } from "./core/types";
import { analysisSheets } from "./layout/output";
import { parseWorkbook, type ParseResult } from "./layout/parse";
import type { Grid, SheetSpec, WorkbookFacts } from "./layout/sheetSpec";
import { buildReportModel } from "./report/model";
import { reportSheet } from "./report/sheet";
import type { ReportModel } from "./report/types";

export interface PipelineOptions {
  year?: number;
  thresholds?: Partial<Thresholds>;
  /** A total to plan for (CLI --target), over the settings sheet's คะแนนรวมเป้าหมาย. */
  targetTotal?: number;
  lang?: Lang;
  /** Date printed in the report when the settings sheet gives none (default: today). */
  date?: Date;
  /** Cell facts from the reader (percent formats, formulas without values, merges, hidden sheets). */
  facts?: WorkbookFacts;
}

export interface PipelineResult {
  ok: boolean;
  parse: ParseResult;
  analysis: Analysis | null;
  errors: Issue[];
  warnings: Issue[];
  /**
   * The report model of the two published documents (null when not ok, and when a framework
   * defined in the workbook has an indicator the report cannot write yet: a REPORT_UNAVAILABLE warning).
   */
  report: ReportModel | null;
  /** Generated sheets to write: ผลวิเคราะห์ ITA, แนวโน้ม ITA (≥ 2 years), รายงาน ITA; empty when not ok. */
  sheets: SheetSpec[];
}

/** A run that stopped at the errors: nothing to write. */
function failed(parse: ParseResult, errors: Issue[], warnings: Issue[]): PipelineResult {
  return { ok: false, parse, analysis: null, errors, warnings, report: null, sheets: [] };
}

export function runPipeline(grids: Record<string, Grid>, options: PipelineOptions = {}): PipelineResult {
  const parse = parseWorkbook(grids, options.facts);
  if (!parse.input) return failed(parse, parse.errors, parse.warnings);
  const outcome = analyze(parse.input, {
    year: options.year,
    thresholds: options.thresholds,
    targetTotal: options.targetTotal,
  });
  if (!outcome.ok) return failed(parse, outcome.errors, [...parse.warnings, ...outcome.warnings]);
  const analysis: Analysis = { ...outcome.analysis, warnings: [...parse.warnings, ...outcome.analysis.warnings] };
  let report: ReportModel | null = null;
  try {
    report = buildReportModel(analysis, parse.input.settings, { date: options.date });
  } catch (e) {
    // the report's recommendation library knows the built-in indicators only: with an indicator
    // a workbook framework adds (11, 12, …) the analysis sheets and JSON are still made
    if (!(e instanceof RangeError) || analysis.framework.origin !== "workbook") throw e;
    analysis.warnings.push({ code: "REPORT_UNAVAILABLE", severity: "warning", params: { detail: e.message } });
  }
  return {
    ok: true,
    parse,
    analysis,
    errors: [],
    warnings: analysis.warnings,
    report,
    sheets: [...analysisSheets(analysis, options.lang ?? "th"), ...(report ? [reportSheet(report)] : [])],
  };
}
