/**
 * One run, the same for every adapter: grids → parse → analyse → generated sheet specs.
 * Pure; adapters only read grids before and write the returned sheets after.
 */
import { analyze, type Analysis } from "../core/analysis";
import type { Issue, Lang, Thresholds } from "../core/types";
import { analysisSheets } from "./output";
import { parseWorkbook, type ParseResult } from "./parse";
import type { Grid, SheetSpec } from "./sheetSpec";

export interface PipelineOptions {
  year?: number;
  thresholds?: Partial<Thresholds>;
  lang?: Lang;
}

export interface PipelineResult {
  ok: boolean;
  parse: ParseResult;
  analysis: Analysis | null;
  errors: Issue[];
  warnings: Issue[];
  /** Generated sheets to write (empty when not ok). */
  sheets: SheetSpec[];
}

export function runPipeline(grids: Record<string, Grid>, options: PipelineOptions = {}): PipelineResult {
  const parse = parseWorkbook(grids);
  if (!parse.input) {
    return { ok: false, parse, analysis: null, errors: parse.errors, warnings: parse.warnings, sheets: [] };
  }
  const outcome = analyze(parse.input, { year: options.year, thresholds: options.thresholds });
  if (!outcome.ok) {
    return {
      ok: false,
      parse,
      analysis: null,
      errors: outcome.errors,
      warnings: [...parse.warnings, ...outcome.warnings],
      sheets: [],
    };
  }
  const analysis: Analysis = { ...outcome.analysis, warnings: [...parse.warnings, ...outcome.analysis.warnings] };
  return {
    ok: true,
    parse,
    analysis,
    errors: [],
    warnings: analysis.warnings,
    sheets: analysisSheets(analysis, options.lang ?? "th"),
  };
}
