/**
 * Which indicator numbers the score sheet takes: those of the framework defined in the workbook
 * (sheet 'กรอบการประเมิน') when there is one, else every number known to the built-in registry.
 * Messages take the numbers from here (`range`), never a fixed "1 to 10".
 */
import { numberRanges } from "../core/cells";
import { FRAMEWORKS, frameworkForYear } from "../core/frameworks";
import type { Framework, FrameworkIndicator } from "../core/types";

export interface IndicatorScope {
  /** Indicator numbers the sheets accept, each with the definition a typed name is checked against. */
  known: Map<number, FrameworkIndicator>;
  /** The accepted numbers for messages: "1–10", "1–12". */
  range: string;
  /** The indicator rows the score sheet must have for these years, in number order. */
  required(years: readonly number[]): FrameworkIndicator[];
  /** Whether the numbers come from the workbook's framework. */
  workbook: boolean;
}

export function indicatorScope(workbook?: Framework): IndicatorScope {
  const known = new Map<number, FrameworkIndicator>();
  if (workbook) for (const d of workbook.indicators) known.set(d.no, d);
  // built-in: the latest record that has a number gives its name
  else for (const f of FRAMEWORKS) for (const d of f.indicators) known.set(d.no, d);
  const required = (years: readonly number[]): FrameworkIndicator[] => {
    if (workbook) return [...workbook.indicators].sort((a, b) => a.no - b.no);
    const frameworks = years.length
      ? years.map((y) => frameworkForYear(y).framework)
      : [FRAMEWORKS[FRAMEWORKS.length - 1]];
    const byNo = new Map<number, FrameworkIndicator>();
    for (const f of frameworks) for (const d of f.indicators) byNo.set(d.no, d);
    return [...byNo.values()].sort((a, b) => a.no - b.no);
  };
  return { known, range: numberRanges([...known.keys()]), required, workbook: workbook !== undefined };
}
