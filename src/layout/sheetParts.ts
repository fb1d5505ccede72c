/** What the generated sheets share: class colours and fills, labels, the main width, text lines. */
import type { Analysis } from "../core/analysis";
import { TOOL_IDS, type IndicatorClass, type RatingRule } from "../core/types";
import { Block, rect } from "./block";
import { OPTIONAL_SHEETS } from "./names";
import { type CellStyle, type ConditionalFill } from "./sheetSpec";
import { PALETTE } from "./style";

export const CLASS_STYLE: Record<IndicatorClass, CellStyle> = {
  strength: { fill: PALETTE.strengthFill, color: PALETTE.strengthText },
  improve: { fill: PALETTE.improveFill, color: PALETTE.improveText },
  urgent: { fill: PALETTE.urgentFill, color: PALETTE.urgentText },
};

export const CHANGE_FORMAT = "0.00;[Red]-0.00";

/** Conditional-fill rules that colour scores by class. */
export function classRules(strength: number, urgent: number): ConditionalFill["rules"] {
  return [
    { operator: "greaterThanOrEqual", values: [strength], fill: PALETTE.strengthFill, color: PALETTE.strengthText },
    { operator: "lessThan", values: [urgent], fill: PALETTE.urgentFill, color: PALETTE.urgentText },
    {
      operator: "between",
      values: [urgent, strength - 0.001],
      fill: PALETTE.improveFill,
      color: PALETTE.improveText,
    },
  ];
}

export function indicatorLabel(a: Analysis, no: number): string {
  const ind = a.indicators.find((i) => i.no === no);
  return `ตัวชี้วัดที่ ${no} ${ind?.name ?? ""}`.trim();
}

export function scoreOf(a: Analysis, no: number): number | null {
  return a.indicators.find((x) => x.no === no)?.score ?? null;
}

export function ratingText(a: Analysis): string {
  if (a.rating) return a.rating;
  const mark = a.framework.passMark;
  return a.pass ? `ผ่านเกณฑ์ (ตั้งแต่ ${mark} คะแนน)` : `ไม่ผ่านเกณฑ์ (ต่ำกว่า ${mark} คะแนน)`;
}

/** "30", "33.33": a weight (fraction) as a percent, up to 2 decimals. */
export function percent(w: number): string {
  return String(Math.round(w * 10000) / 100);
}

export function signed(n: number): string {
  return `${n > 0 ? "+" : ""}${n.toFixed(2)}`;
}

/** Where the framework comes from, for the title line and notes. */
export function frameworkLine(a: Analysis): string {
  return a.framework.origin === "workbook"
    ? `${a.framework.title} (ชีต '${OPTIONAL_SHEETS.framework}' แทนกรอบการประเมินในโปรแกรม)`
    : a.framework.title;
}

/** The conditions of a rating rule in words: "คะแนนรวมตั้งแต่ 85 และทุกเครื่องมือตั้งแต่ 85". */
export function ruleText(rule: RatingRule): string {
  const tools = TOOL_IDS.filter((t) => rule.minTools[t] !== undefined);
  const same = tools.length === TOOL_IDS.length && tools.every((t) => rule.minTools[t] === rule.minTools.IIT);
  const toolPart = same
    ? ` และทุกเครื่องมือตั้งแต่ ${rule.minTools.IIT}`
    : tools.map((t) => ` และ ${t} ตั้งแต่ ${rule.minTools[t]}`).join("");
  return `คะแนนรวมตั้งแต่ ${rule.minTotal}${toolPart}`;
}

export const WIDTH = 9; // columns A–I used by the main tables

/** A line of text merged over the main tables' width and wrapped (rowHeights.ts sizes its row). */
export function line(b: Block, text: string, style: CellStyle = {}): number {
  const r = b.add([text], { ...style, wrap: true, vAlign: "top" }, 1);
  b.merge(rect(r, 0, r, WIDTH - 1));
  return r;
}
/** Column of the chart data beside the tables (K), and the charts right of it. */
export const CHART_COL = 10;
