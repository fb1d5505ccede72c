/**
 * The charts of the published documents, as data: the indicator scores against the pass mark
 * (after the indicator table) and, with two years or more, the total and IIT/EIT/OIT across
 * years (after the trend table). The .docx writer draws them as native Word charts; other
 * renderers may ignore them (a chart repeats a table that is already there).
 */
import type { Analysis } from "../core/analysis";
import { TOOL_IDS } from "../core/types";
import { applyDigits, formatYear, type Digits } from "./thaiFormat";
import type { ReportChart, ReportDocument } from "./types";

export function reportCharts(a: Analysis, digits: Digits): ReportChart[] {
  const d = (s: string) => applyDigits(s, digits);
  const pass = a.thresholds.strength;
  const charts: ReportChart[] = [
    {
      id: "indicatorScores",
      afterTable: "indicators",
      kind: "columnClustered",
      title: d(`คะแนนรายตัวชี้วัด ปีงบประมาณ พ.ศ. ${a.year} เทียบกับเกณฑ์ ${pass} คะแนน`),
      categories: a.indicators.map((i) => d(String(i.no))),
      series: [
        { name: d(`คะแนน พ.ศ. ${a.year}`), values: a.indicators.map((i) => i.score) },
        { name: d(`เกณฑ์ ${pass} คะแนน`), values: a.indicators.map(() => pass) },
      ],
      lineSeries: [1],
      valueAxis: { min: 0, max: 100, title: "คะแนน" },
      categoryAxisTitle: "ตัวชี้วัดที่",
    },
  ];
  const years = a.history.filter((h) => h.year <= a.year);
  // the scores move within a few points: start the axis near the lowest, in steps of 10
  const lowest = Math.min(...years.flatMap((h) => [h.total, ...TOOL_IDS.map((t) => h.tools[t])]));
  if (years.length >= 2)
    charts.push({
      id: "totalsTrend",
      afterTable: "trend",
      kind: "line",
      title: "คะแนนรวมและคะแนน IIT / EIT / OIT รายปี",
      categories: years.map((h) => formatYear(h.year, digits)),
      series: [
        { name: "คะแนนรวม", values: years.map((h) => h.total) },
        ...TOOL_IDS.map((t) => ({ name: t, values: years.map((h) => h.tools[t]) })),
      ],
      valueAxis: { min: Math.max(0, Math.floor(lowest / 10) * 10 - 10), max: 100, title: "คะแนน" },
      categoryAxisTitle: "ปีงบประมาณ",
    });
  return charts;
}

/** The document with the charts whose table it holds. */
export function withCharts(doc: ReportDocument, charts: ReportChart[]): ReportDocument {
  const tables = new Set(doc.blocks.flatMap((b) => (b.kind === "table" ? [b.id] : [])));
  const mine = charts.filter((c) => tables.has(c.afterTable));
  return mine.length ? { ...doc, charts: mine } : doc;
}
