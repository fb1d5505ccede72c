/** The report model: pure, format-independent; rendered by src/docx and src/report/sheet.ts. */
export * from "./types";
export * from "./thaiFormat";
export * from "./recommendations";
export { reportCharts } from "./charts";
export { buildReportModel, type BuildOptions } from "./model";
export { focusIndicators, measuresFiscalYear } from "./policy";
export { ANALYSIS_TITLE } from "./analysisDoc";
export { MEASURES_TITLE, NO_MEASURES_TEXT } from "./measuresDoc";
export { NOT_STATED, STATUS_MARK } from "./tables";
export { fiscalYearSpan, PROPOSED_MARK, proposedMeasures, URL_PATTERN, type ProposedMeasure } from "./measureRows";
