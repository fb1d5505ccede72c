/** The report model (issue 4): pure, format-independent; rendered by src/docx and src/layout/reportSheet. */
export * from "./types";
export * from "./thaiFormat";
export * from "./recommendations";
export { reportCharts, type ReportChart } from "./charts";
export {
  buildReportModel,
  focusIndicators,
  measuresFiscalYear,
  placeLine,
  ANALYSIS_TITLE,
  MEASURES_TITLE,
  NO_MEASURES_TEXT,
  STATUS_MARK,
} from "./model";
export type { BuildOptions } from "./model";
