/**
 * The check of the documents' years and dates, once the analysed year is known: each date
 * against the fiscal year it speaks of, blank document dates, measures of another fiscal year.
 * Warnings only (the documents can still be made); each names its cell on the settings or
 * measures sheet. Pure.
 */
import { makeIssue, type Issue, type IssueCode, type ParamsArg } from "../core/messages";
import {
  compareThaiDate,
  dateForMessage,
  fiscalYearEnd,
  fiscalYearMiddle,
  fiscalYearStart,
  measuresYearFor,
} from "../core/thaiDate";
import type { Measure, Settings } from "../core/types";
import { SETTINGS_LABELS, SHEETS } from "./names";
import type { ParseResult, SettingKey } from "./parse";

/** The measures of the measures year (no year column, or its year): the ones the documents report. */
export function measuresOfYear(measures: readonly Measure[], measuresYear: number): Measure[] {
  return measures.filter((m) => m.year === undefined || m.year === measuresYear);
}

/** Warnings about the documents' years and dates for the analysis of `analysedYear`. */
export function reportDateWarnings(
  settings: Settings,
  measures: readonly Measure[],
  analysedYear: number,
  at: Pick<ParseResult, "settingsAt" | "measuresAt"> = {},
): Issue[] {
  const out: Issue[] = [];
  const sheet = at.settingsAt?.sheet ?? SHEETS.settings;
  const warn = <C extends IssueCode>(code: C, key: SettingKey, ...params: ParamsArg<C>) => {
    const cell = at.settingsAt?.cells[key];
    out.push(makeIssue(code, "warning", { sheet, ...(cell ? { cell } : {}) }, ...params));
  };
  const fy = measuresYearFor(analysedYear, settings);
  const show = dateForMessage;

  if (fy <= analysedYear)
    warn("MEASURES_YEAR_NOT_AFTER", "measuresYear", { measuresYear: fy, year: analysedYear, next: analysedYear + 1 });

  // blank dates of the two documents (the legacy free-text date stands in for both)
  const legacy = Boolean(settings.reportDate?.trim());
  if (!settings.analysisDate && !legacy)
    warn("REPORT_DATE_BLANK", "analysisDate", { label: SETTINGS_LABELS.analysisDate });
  if (!settings.measuresReportDate && !legacy)
    warn("REPORT_DATE_BLANK", "measuresReportDate", { label: SETTINGS_LABELS.measuresReportDate });

  const o42 = settings.analysisDate;
  if (o42) {
    if (compareThaiDate(o42, fiscalYearEnd(fy)) > 0)
      warn("ANALYSIS_DATE_AFTER_PLAN_YEAR", "analysisDate", {
        date: show(o42),
        measuresYear: fy,
        end: show(fiscalYearEnd(fy)),
      });
    else if (compareThaiDate(o42, fiscalYearStart(analysedYear)) < 0)
      warn("ANALYSIS_DATE_BEFORE_YEAR", "analysisDate", {
        date: show(o42),
        year: analysedYear,
        start: show(fiscalYearStart(analysedYear)),
      });
  }
  const o43 = settings.measuresReportDate;
  if (o43) {
    if (compareThaiDate(o43, fiscalYearStart(fy)) < 0)
      warn("MEASURES_REPORT_BEFORE_YEAR", "measuresReportDate", {
        date: show(o43),
        measuresYear: fy,
        start: show(fiscalYearStart(fy)),
      });
    else if (settings.reportRound === 6 && compareThaiDate(o43, fiscalYearMiddle(fy)) < 0)
      warn("MEASURES_REPORT_ROUND_EARLY", "measuresReportDate", {
        date: show(o43),
        measuresYear: fy,
        middle: show(fiscalYearMiddle(fy)),
      });
    if (o42 && compareThaiDate(o43, o42) < 0)
      warn("MEASURES_REPORT_BEFORE_ANALYSIS", "measuresReportDate", { date: show(o43), analysisDate: show(o42) });
  }
  const asOf = settings.dataAsOf;
  if (asOf) {
    if (o43 && compareThaiDate(asOf, o43) > 0)
      warn("DATA_AS_OF_AFTER_REPORT", "dataAsOf", { asOf: show(asOf), date: show(o43) });
    if (compareThaiDate(asOf, fiscalYearStart(fy)) < 0)
      warn("DATA_AS_OF_BEFORE_YEAR", "dataAsOf", {
        asOf: show(asOf),
        measuresYear: fy,
        start: show(fiscalYearStart(fy)),
      });
  }

  // measures of another fiscal year: left out of the documents, never relabelled
  const col = at.measuresAt?.yearColumn;
  for (const m of measures) {
    if (m.year === undefined || m.year === fy) continue;
    out.push(
      makeIssue(
        "MEASURE_OTHER_YEAR",
        "warning",
        { sheet: at.measuresAt?.sheet ?? SHEETS.measures, ...(col ? { cell: `${col}${m.row}` } : {}) },
        { title: m.title, year: m.year, measuresYear: fy },
      ),
    );
  }
  return out;
}
