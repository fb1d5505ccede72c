/**
 * What the running Excel can do, from Office.context.requirements.isSetSupported.
 * The add-in needs ExcelApi 1.4 (declared in manifest.xml); everything newer is an extra
 * that is skipped, and reported, when missing.
 */

export interface ExcelCapabilities {
  /** ExcelApi 1.6: conditional formats and suspendApiCalculationUntilNextSync. */
  conditionalFormats: boolean;
  suspendCalculation: boolean;
  /** ExcelApi 1.7: freeze panes, tab colour, chart series (line series in a column chart). */
  freezePanes: boolean;
  tabColor: boolean;
  chartSeries: boolean;
  /** ExcelApi 1.8: data validation (dropdown lists). */
  dataValidation: boolean;
  /** ExcelApi 1.9: page layout (print setup), worksheet AutoFilter and suspendScreenUpdatingUntilNextSync. */
  pageLayout: boolean;
  autoFilter: boolean;
  suspendScreenUpdating: boolean;
  /**
   * ExcelApi 1.9: Worksheet.shapes and Shape.getAsImage, to read the emblem placed on the
   * settings sheet. Without it the memo leaves the emblem's place empty (no message: the .xlsx
   * route and a newer Excel read it).
   */
  shapes: boolean;
}

/** Extras the add-in can skip on an older Excel; each has a message in src/taskpane/strings.ts. */
export type Extra = "dropdowns" | "colours" | "freeze" | "tabColor" | "lineSeries" | "print" | "filter" | "charts";

export const ALL_CAPABILITIES: ExcelCapabilities = {
  conditionalFormats: true,
  suspendCalculation: true,
  freezePanes: true,
  tabColor: true,
  chartSeries: true,
  dataValidation: true,
  pageLayout: true,
  autoFilter: true,
  suspendScreenUpdating: true,
  shapes: true,
};

/** The ExcelApi requirement set each capability stands for (checked at run time). */
export const CAPABILITY_SETS: Record<keyof ExcelCapabilities, string> = {
  conditionalFormats: "1.6",
  suspendCalculation: "1.6",
  freezePanes: "1.7",
  tabColor: "1.7",
  chartSeries: "1.7",
  dataValidation: "1.8",
  pageLayout: "1.9",
  autoFilter: "1.9",
  suspendScreenUpdating: "1.9",
  shapes: "1.9",
};

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): ExcelCapabilities {
  const has = (v: string): boolean => {
    try {
      return isSetSupported("ExcelApi", v) === true;
    } catch {
      return false;
    }
  };
  const caps = {} as ExcelCapabilities;
  for (const key of Object.keys(CAPABILITY_SETS) as (keyof ExcelCapabilities)[]) caps[key] = has(CAPABILITY_SETS[key]);
  return caps;
}

/** The extras this Excel cannot do, for telling the user once. */
export function missingExtras(caps: ExcelCapabilities): Extra[] {
  const out: Extra[] = [];
  if (!caps.dataValidation) out.push("dropdowns");
  if (!caps.conditionalFormats) out.push("colours");
  if (!caps.freezePanes) out.push("freeze");
  if (!caps.tabColor) out.push("tabColor");
  if (!caps.chartSeries) out.push("lineSeries");
  if (!caps.pageLayout) out.push("print");
  if (!caps.autoFilter) out.push("filter");
  return out;
}
