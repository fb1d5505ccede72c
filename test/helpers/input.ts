/** Builders for test inputs (the one place tests make an ItaInput or an Analysis by hand), and the seed scores. */
import { analyze, type Analysis } from "../../src/core/analysis";
import type { Issue } from "../../src/core/messages";
import { DEFAULT_SETTINGS, type IndicatorRow, type ItaInput, type Measure, type Settings } from "../../src/core/types";

/** Indicator scores 1–10 by year → ItaInput. */
export function inputOf(
  byYear: Record<number, Array<number | undefined>>,
  extra: {
    measures?: Measure[];
    settings?: Partial<Settings>;
    published?: Record<number, number>;
    unit?: ItaInput["unit"];
  } = {},
): ItaInput {
  const years = Object.keys(byYear)
    .map(Number)
    .sort((a, b) => a - b);
  const indicators: IndicatorRow[] = Array.from({ length: 10 }, (_, i) => {
    const row: IndicatorRow = { no: i + 1, scores: {}, cells: {} };
    for (const y of years) {
      const v = byYear[y][i];
      if (v !== undefined) row.scores[y] = v;
    }
    return row;
  });
  const publishedTotals: ItaInput["publishedTotals"] = {};
  for (const [y, v] of Object.entries(extra.published ?? {})) publishedTotals[Number(y)] = { value: v, cell: "C19" };
  return {
    unit: extra.unit ?? { name: "หน่วยงานทดสอบ" },
    years,
    indicators,
    publishedTotals,
    measures: extra.measures ?? [],
    hasMeasuresSheet: extra.measures !== undefined,
    settings: { ...DEFAULT_SETTINGS, ...extra.settings },
  };
}

/** Seed 002 (ทต.ท่าแร่, 2565): published IIT 97.88, EIT 82.88, OIT 100, total 94.23, A. */
export const SEED_002_2565 = [98.68, 97.72, 98.19, 96.3, 98.5, 85.38, 81.22, 82.05, 100, 100];

/** Seed 004 (อบต.ดงขวาง): indicator scores printed for 2567 and 2568 (no totals printed). */
export const SEED_004_2567 = [99.11, 99.78, 100, 99.33, 98.89, 97.08, 92.75, 86.17, 79.29, 90.0];
export const SEED_004_2568 = [92.89, 95.11, 98.89, 75.33, 93.11, 99.17, 98.83, 98.92, 41.5, 65.0];

export function measure(title: string, indicators: number[], status: Measure["status"] = "unknown", row = 4): Measure {
  return { row, title, indicators, status };
}

/** The analysis of an input that must analyze. */
export function analysisOf(inp: ItaInput): Analysis {
  const out = analyze(inp);
  if (!out.ok) throw new Error(`analysis failed: ${JSON.stringify(out.errors)}`);
  return out.analysis;
}

/** The unit of seed 002 (ทต.ท่าแร่), for the report tests. */
export const THARAE = { name: "เทศบาลตำบลท่าแร่", district: "เมืองสกลนคร", province: "สกลนคร" };

/** An issue's params as a plain record, for tests that look at several codes at once. */
export function paramsOf(issue: Issue): Record<string, string | number | undefined> {
  return (issue.params ?? {}) as Record<string, string | number>;
}
