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
import { proposedMeasures } from "./report/measureRows";
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

/** What every run gives, done or not. */
interface RunBase {
  parse: ParseResult;
  warnings: Issue[];
}

/** A run that analysed: the analysis, the report model and the generated sheets to write. */
export interface PipelineDone extends RunBase {
  ok: true;
  analysis: Analysis;
  errors: [];
  /** The report model of the two published documents. */
  report: ReportModel;
  /** Generated sheets to write: ผลวิเคราะห์ ITA, แนวโน้ม ITA (≥ 2 years), รายงาน ITA. */
  sheets: SheetSpec[];
}

/** A run that stopped at the errors: nothing to write. */
export interface PipelineFailed extends RunBase {
  ok: false;
  analysis: null;
  errors: Issue[];
  report: null;
  sheets: [];
}

export type PipelineResult = PipelineDone | PipelineFailed;

/** A run that stopped at the errors: nothing to write. */
function failed(parse: ParseResult, errors: Issue[], warnings: Issue[]): PipelineFailed {
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
  const report = buildReportModel(analysis, parse.input.settings, { date: options.date });
  return {
    ok: true,
    parse,
    analysis,
    errors: [],
    warnings: analysis.warnings,
    report,
    sheets: [...analysisSheets(analysis, options.lang ?? "th", proposedMeasures(analysis)), reportSheet(report)],
  };
}
