/**
 * The generated sheets of an analysis, as SheetSpecs: ผลวิเคราะห์ ITA (summary, ranked table,
 * strengths and weak points, lowest per tool, declines, the change since the previous year, the
 * path to the next rating, the OIT self-check, measure coverage, notes) and แนวโน้ม ITA (scores
 * across years). Both adapters write exactly these.
 *
 * Each section is a function returning a Block in its own coordinates (chart data beside a
 * table is a block attached to it, with its chart); SheetStack stacks them and places the charts.
 */
import type { Analysis } from "../core/analysis";
import { TOOL_NAMES } from "../core/frameworks";
import { CLASS_LABELS, CONFIDENCE_LABELS, placeLine, STATUS_LABELS, STATUS_UNKNOWN_LABEL } from "../core/labels";
import { issueMessage, issueLocation } from "../core/messages";
import type { Plan } from "../core/planner";
import { TOOL_IDS, type IndicatorClass, type Lang, type RatingRule } from "../core/types";
import { Block, rect, SheetStack } from "./block";
import { OPTIONAL_SHEETS, SHEETS } from "./names";
import { fitRowHeights } from "./rowHeights";
import { emptySheet, type CellStyle, type ConditionalFill, type SheetSpec } from "./sheetSpec";
import { HEADER_HEIGHT, PALETTE, ROW_HEIGHT, SCORE_FORMAT, SHEET_FONT, STYLES, TITLE_HEIGHT } from "./style";

const CLASS_STYLE: Record<IndicatorClass, CellStyle> = {
  strength: { fill: PALETTE.strengthFill, color: PALETTE.strengthText },
  improve: { fill: PALETTE.improveFill, color: PALETTE.improveText },
  urgent: { fill: PALETTE.urgentFill, color: PALETTE.urgentText },
};

const CHANGE_FORMAT = "0.00;[Red]-0.00";

/** Conditional-fill rules that colour scores by class. */
function classRules(strength: number, urgent: number): ConditionalFill["rules"] {
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

function indicatorLabel(a: Analysis, no: number): string {
  const ind = a.indicators.find((i) => i.no === no);
  return `ตัวชี้วัดที่ ${no} ${ind?.name ?? ""}`.trim();
}

function scoreOf(a: Analysis, no: number): number | null {
  return a.indicators.find((x) => x.no === no)?.score ?? null;
}

function ratingText(a: Analysis): string {
  if (a.rating) return a.rating;
  const mark = a.framework.passMark;
  return a.pass ? `ผ่านเกณฑ์ (ตั้งแต่ ${mark} คะแนน)` : `ไม่ผ่านเกณฑ์ (ต่ำกว่า ${mark} คะแนน)`;
}

/** "30", "33.33": a weight (fraction) as a percent, up to 2 decimals. */
function percent(w: number): string {
  return String(Math.round(w * 10000) / 100);
}

function signed(n: number): string {
  return `${n > 0 ? "+" : ""}${n.toFixed(2)}`;
}

/** Where the framework comes from, for the title line and notes. */
function frameworkLine(a: Analysis): string {
  return a.framework.origin === "workbook"
    ? `${a.framework.title} (ชีต '${OPTIONAL_SHEETS.framework}' แทนกรอบการประเมินในโปรแกรม)`
    : a.framework.title;
}

/** The conditions of a rating rule in words: "คะแนนรวมตั้งแต่ 85 และทุกเครื่องมือตั้งแต่ 85". */
function ruleText(rule: RatingRule): string {
  const tools = TOOL_IDS.filter((t) => rule.minTools[t] !== undefined);
  const same = tools.length === TOOL_IDS.length && tools.every((t) => rule.minTools[t] === rule.minTools.IIT);
  const toolPart = same
    ? ` และทุกเครื่องมือตั้งแต่ ${rule.minTools.IIT}`
    : tools.map((t) => ` และ ${t} ตั้งแต่ ${rule.minTools[t]}`).join("");
  return `คะแนนรวมตั้งแต่ ${rule.minTotal}${toolPart}`;
}

const WIDTH = 9; // columns A–I used by the main tables

/** A line of text merged over the main tables' width and wrapped (rowHeights.ts sizes its row). */
function line(b: Block, text: string, style: CellStyle = {}): number {
  const r = b.add([text], { ...style, wrap: true, vAlign: "top" }, 1);
  b.merge(rect(r, 0, r, WIDTH - 1));
  return r;
}
/** Column of the chart data beside the tables (K), and the charts right of it. */
const CHART_COL = 10;

function titleBlock(a: Analysis): Block {
  const b = new Block();
  b.add([`ผลการวิเคราะห์การประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. ${a.year}`], STYLES.title, 1);
  b.merge(rect(0, 0, 0, WIDTH - 1));
  b.rowHeight(0, TITLE_HEIGHT);
  const place = placeLine(a.unit.district, a.unit.province);
  b.add([`${a.unit.name}${place ? ` ${place}` : ""}`], STYLES.subtitle, 1);
  b.merge(rect(1, 0, 1, WIDTH - 1));
  const w = a.framework.weights;
  b.add(
    [
      `${frameworkLine(a)} · น้ำหนัก IIT ${percent(w.IIT)}% EIT ${percent(w.EIT)}% OIT ${percent(w.OIT)}%${a.framework.weightsOverridden ? " (กำหนดเองในชีตตั้งค่า)" : ""} · ความเชื่อมั่นของน้ำหนัก: ${
        CONFIDENCE_LABELS[a.framework.confidence.weights]
      } · ระดับ: ${CONFIDENCE_LABELS[a.framework.confidence.levels]}`,
    ],
    STYLES.note,
    1,
  );
  b.merge(rect(2, 0, 2, WIDTH - 1));
  return b;
}

/** Total, level, rating and tool scores: label in A:C, value in D:G (merged) so long Thai labels fit. */
function summarySection(a: Analysis): Block {
  const b = new Block();
  b.section("สรุปผลการประเมิน", WIDTH, STYLES.section);
  const first = b.height;
  let totalRow: number;
  if (a.framework.usesRating) {
    // from 2566 the rating is the official result; the letter is only a comparison with the old scheme
    const label =
      a.framework.origin === "workbook"
        ? `ผลการประเมิน (ตามเกณฑ์ในชีต '${OPTIONAL_SHEETS.framework}')`
        : "ผลการประเมิน (ผลอย่างเป็นทางการ ตั้งแต่ปี 2566)";
    b.add([label, null, null, ratingText(a)]);
    totalRow = b.add(["คะแนนรวม", null, null, a.total]);
  } else {
    totalRow = b.add(["คะแนนรวม", null, null, a.total]);
    b.add(["ระดับผลการประเมิน", null, null, a.grade]);
    b.add(["ผลเทียบเกณฑ์ผ่าน", null, null, ratingText(a)]);
  }
  for (const tool of TOOL_IDS) b.add([`${tool} ${TOOL_NAMES[tool].th}`, null, null, a.tools[tool]]);
  if (a.framework.usesRating) b.add(["ระดับตามเกณฑ์เดิม (AA–F) เพื่อเปรียบเทียบเท่านั้น", null, null, a.grade]);
  if (a.publishedTotal !== null) b.add(["คะแนนรวมที่ประกาศ (ใช้ตรวจทาน)", null, null, a.publishedTotal]);
  const last = b.height - 1;
  for (let r = first; r <= last; r++) {
    b.merge(rect(r, 0, r, 2));
    b.merge(rect(r, 3, r, 6));
  }
  b.style(rect(first, 0, last, 2), { ...STYLES.label, border: true, fill: PALETTE.sectionFill });
  b.style(rect(first, 3, last, 6), { border: true, bold: true, hAlign: "left", numberFormat: SCORE_FORMAT });
  b.fill(rect(totalRow, 3), classRules(a.thresholds.strength, a.thresholds.urgent));
  return b;
}

/** Indicator scores in number order with the pass line, and the column chart drawn from them. */
function indicatorChartData(a: Analysis): Block {
  const b = new Block();
  const passMark = a.framework.passMark;
  b.add(["ตัวชี้วัด", `คะแนนปี ${a.year}`, "เกณฑ์ผ่าน"], STYLES.header);
  for (const i of a.indicators) b.add([`${i.no}. ${i.name}`, i.score, passMark]);
  const last = b.height - 1;
  b.style(rect(1, 0, last, 2), STYLES.table);
  b.style(rect(1, 1, last, 2), STYLES.score);
  b.chart({
    id: "indicatorScores",
    kind: "columnClustered", // a column chart: Excel combines columns with a line series (the pass line); bars it cannot
    title: `คะแนนรายตัวชี้วัด ปี ${a.year} เทียบเกณฑ์ผ่าน ${passMark} คะแนน`,
    data: rect(0, 0, last, 2),
    lineSeries: [1],
    // from beside the summary, where the user looks first, down to below the ranked table
    at: rect(0, 4, 12, 12),
    sheetTop: 1,
    valueAxis: { min: 0, max: 100, title: "คะแนน" },
  });
  return b;
}

function rankedSection(a: Analysis): Block {
  const b = new Block();
  b.section("ผลคะแนนรายตัวชี้วัด เรียงจากคะแนนสูงไปต่ำ", WIDTH, STYLES.section);
  const prevLabel = a.previousYear !== null ? `ปี ${a.previousYear}` : "ปีก่อน";
  const header = b.add(
    ["อันดับ", "ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "เครื่องมือ", "คะแนน", "ระดับ", "กลุ่ม", prevLabel, "เปลี่ยนแปลง"],
    STYLES.header,
  );
  b.rowHeight(header, HEADER_HEIGHT);
  for (const no of a.ranking) {
    const i = a.indicators.find((x) => x.no === no);
    if (!i) continue;
    const r = b.add([i.rank, i.no, i.name, i.tool, i.score, i.grade, CLASS_LABELS[i.class], i.previous, i.change]);
    b.style(rect(r, 6), CLASS_STYLE[i.class]);
  }
  const last = b.height - 1;
  b.style(rect(header + 1, 0, last, WIDTH - 1), STYLES.table);
  b.style(rect(header + 1, 0, last, 1), STYLES.center);
  b.style(rect(header + 1, 3, last, 3), STYLES.center);
  b.style(rect(header + 1, 5, last, 5), STYLES.center);
  b.style(rect(header + 1, 4, last, 4), STYLES.score);
  b.style(rect(header + 1, 7, last, 8), { numberFormat: CHANGE_FORMAT, hAlign: "right" });
  b.fill(rect(header + 1, 4, last, 4), classRules(a.thresholds.strength, a.thresholds.urgent));
  b.attach(indicatorChartData(a), header, CHART_COL);
  return b;
}

/** A titled list of indicators with their scores, coloured by class. */
function indicatorListSection(a: Analysis, title: string, nos: number[], empty: string): Block {
  const b = new Block();
  b.section(title, WIDTH, STYLES.section);
  if (nos.length === 0) {
    b.add([empty], STYLES.note, 1);
    return b;
  }
  indicatorRows(b, a, nos);
  return b;
}

/** One row per indicator: its label (B:D merged) and its score coloured by class (E). */
function indicatorRows(b: Block, a: Analysis, nos: number[]): void {
  for (const no of nos) {
    const i = a.indicators.find((x) => x.no === no);
    if (!i) continue;
    const r = b.add([null, indicatorLabel(a, no), null, null, i.score]);
    b.merge(rect(r, 1, r, 3));
    b.style(rect(r, 4), { ...STYLES.score, ...CLASS_STYLE[i.class] });
  }
}

function lowestPerToolSection(a: Analysis): Block {
  const b = new Block();
  b.section("ตัวชี้วัดที่ได้คะแนนต่ำสุดของแต่ละเครื่องมือ", WIDTH, STYLES.section);
  for (const tool of TOOL_IDS) {
    const no = a.lowestPerTool[tool];
    const r = b.add([tool, indicatorLabel(a, no), null, null, scoreOf(a, no)]);
    b.merge(rect(r, 1, r, 3));
    b.style(rect(r, 0), { bold: true, hAlign: "center" });
    b.style(rect(r, 4), STYLES.score);
  }
  return b;
}

function declinedSection(a: Analysis): Block | null {
  if (a.previousYear === null) return null;
  const b = new Block();
  b.section(`ตัวชี้วัดที่คะแนนลดลงตั้งแต่ ${a.thresholds.decline} คะแนน เทียบกับปี ${a.previousYear}`, WIDTH, STYLES.section);
  if (a.declined.length === 0) b.add(["ไม่มีตัวชี้วัดที่คะแนนลดลงถึงเกณฑ์"], STYLES.note, 1);
  for (const no of a.declined) {
    const i = a.indicators.find((x) => x.no === no);
    if (!i) continue;
    const r = b.add([null, indicatorLabel(a, no), null, null, i.score, null, null, i.previous, i.change]);
    b.merge(rect(r, 1, r, 3));
    b.style(rect(r, 4), STYLES.score);
    b.style(rect(r, 7, r, 8), { numberFormat: CHANGE_FORMAT });
  }
  return b;
}

/** The rating the plans and blockers speak of, with where its rules come from. */
function rulesNote(a: Analysis): string {
  if (a.framework.origin === "workbook") return `เกณฑ์ผลการประเมินตามชีต '${OPTIONAL_SHEETS.framework}'`;
  return a.framework.usesRating
    ? "เกณฑ์ผลการประเมินตั้งแต่ปี 2566"
    : `ปี ${a.year} ใช้ระดับ AA–F เป็นผลอย่างเป็นทางการ ส่วนนี้ใช้เกณฑ์ผลการประเมินตั้งแต่ปี 2566 เพื่อวางแผน`;
}

/** What keeps the unit from the next rating, one line each (empty at the best rating). */
function blockerLines(a: Analysis): string[] {
  return a.blockers.map((d) =>
    d.tool === "total"
      ? `ยังไม่ได้ ${d.rating} เพราะคะแนนรวม ${d.score.toFixed(2)} ต่ำกว่าเกณฑ์ ${d.threshold}`
      : `ยังไม่ได้ ${d.rating} เพราะ ${d.tool} ได้ ${d.score.toFixed(2)} ต่ำกว่าเกณฑ์ ${d.threshold}`,
  );
}

/**
 * ผลการประเมินเทียบกับปีก่อน: the change of the total split by tool and by indicator (points of
 * the total, adding up exactly to the printed change), the tool that moved it most, and what keeps
 * the unit from the next rating.
 */
function changeSection(a: Analysis): Block {
  const b = new Block();
  const c = a.change;
  b.section(c ? `ผลการประเมินเทียบกับปีก่อน (ปี ${c.from} → ปี ${a.year})` : "ผลการประเมินเทียบกับปีก่อน", WIDTH, STYLES.section);
  if (!c) {
    line(b, `ไม่มีปีก่อนหน้าที่กรอกคะแนนครบ จึงยังเปรียบเทียบไม่ได้`, STYLES.note);
  } else {
    const prev = a.history.find((h) => h.year === c.from);
    const prevTotal = prev ? prev.total : null;
    line(
      b,
      `คะแนนรวม${prevTotal !== null ? ` ${prevTotal.toFixed(2)} → ${a.total.toFixed(2)}` : ""} เปลี่ยนแปลง ${signed(c.total)} คะแนน`,
      { bold: true },
    );
    const toolHeader = b.add(
      ["เครื่องมือ", "น้ำหนัก (%)", "ชื่อเครื่องมือ", `ปี ${c.from}`, `ปี ${a.year}`, "เปลี่ยนแปลง", "ผลต่อคะแนนรวม (คะแนน)"],
      STYLES.header,
    );
    b.rowHeight(toolHeader, HEADER_HEIGHT);
    for (const t of c.byTool) {
      b.add([
        t.tool,
        percent(a.framework.weights[t.tool]),
        TOOL_NAMES[t.tool].th,
        prev ? prev.tools[t.tool] : null,
        a.tools[t.tool],
        t.change,
        t.contribution,
      ]);
    }
    const sumRow = b.add(["รวม", null, "คะแนนรวม", prevTotal, a.total, c.total, c.total], { bold: true }, 7);
    b.style(rect(toolHeader + 1, 0, sumRow, 6), STYLES.table);
    b.style(rect(toolHeader + 1, 0, sumRow, 1), STYLES.center);
    b.style(rect(toolHeader + 1, 3, sumRow, 4), STYLES.score);
    b.style(rect(toolHeader + 1, 5, sumRow, 6), { numberFormat: CHANGE_FORMAT, hAlign: "right" });

    b.blank();
    const indHeader = b.add(
      ["ตัวชี้วัดที่", "เครื่องมือ", "ชื่อตัวชี้วัด", `ปี ${c.from}`, `ปี ${a.year}`, "เปลี่ยนแปลง", "ผลต่อคะแนนรวม (คะแนน)"],
      STYLES.header,
    );
    b.rowHeight(indHeader, HEADER_HEIGHT);
    for (const x of c.byIndicator) {
      const i = a.indicators.find((y) => y.no === x.no);
      b.add([x.no, i?.tool ?? null, i?.name ?? "", i?.previous ?? null, i?.score ?? null, x.change, x.contribution]);
    }
    const last = b.height - 1;
    b.style(rect(indHeader + 1, 0, last, 6), STYLES.table);
    b.style(rect(indHeader + 1, 0, last, 1), STYLES.center);
    b.style(rect(indHeader + 1, 3, last, 4), STYLES.score);
    b.style(rect(indHeader + 1, 5, last, 6), { numberFormat: CHANGE_FORMAT, hAlign: "right" });
    line(
      b,
      `ผลต่อคะแนนรวม = การเปลี่ยนแปลงของแต่ละส่วน × น้ำหนักในคะแนนรวม (ปี ${a.year}: ตัวชี้วัด ${TOOL_IDS.map((t) => {
        const n = a.indicators.filter((i) => i.tool === t).length;
        return `${t} ตัวละ ${percent(a.framework.weights[t] / n)}%`;
      }).join(" ")}) ปัดเป็นทศนิยม 2 ตำแหน่งโดยให้ส่วนที่มีเศษมากที่สุดได้ 0.01 ก่อน ผลรวมจึงเท่ากับการเปลี่ยนแปลงของคะแนนรวมพอดี`,
      STYLES.note,
    );
    for (const d of c.drivers)
      if (d.kind === "moved")
        line(b, `เครื่องมือที่ทำให้คะแนนรวมเปลี่ยนมากที่สุด: ${d.tool} (${signed(d.contribution)} คะแนน)`, { bold: true });
  }
  const lines = blockerLines(a);
  if (lines.length) {
    line(b, `สิ่งที่ทำให้ยังไม่ได้ผลการประเมินระดับถัดไป (${rulesNote(a)}):`, { bold: true, color: PALETTE.urgentText });
    for (const l of lines) line(b, `• ${l}`);
  } else if (a.rating === "ผ่านดีเยี่ยม" || a.plan.length === 0) {
    line(b, "ได้ผลการประเมินระดับสูงสุดแล้ว", STYLES.note);
  }
  return b;
}

function planTitle(a: Analysis, p: Plan): string {
  if (typeof p.target === "number") return `เป้าหมาย: คะแนนรวม ${p.target.toFixed(2)} (ที่กำหนดไว้)`;
  const rule = a.framework.ratings.find((r) => r.rating === p.target);
  return `เป้าหมาย: ${p.target}${rule ? ` (${ruleText(rule)})` : ""}`;
}

/** เส้นทางสู่ผลการประเมินระดับถัดไป: each plan, its total gain and per-indicator targets. */
function planSection(a: Analysis): Block {
  const b = new Block();
  b.section("เส้นทางสู่ผลการประเมินระดับถัดไป", WIDTH, STYLES.section);
  line(
    b,
    `คะแนนที่ต้องเพิ่มน้อยที่สุด (รวมทุกตัวชี้วัด แต่ละตัวไม่เกิน 100) ให้ผ่านทุกเงื่อนไขของเป้าหมาย คำนวณแบบแม่นยำจากคะแนนปี ${a.year} เพิ่มตัวชี้วัดที่ต่ำที่สุดของเครื่องมือก่อน · ${rulesNote(a)}`,
    STYLES.note,
  );
  if (a.plan.length === 0) {
    line(b, "ได้ผลการประเมินระดับสูงสุดแล้ว ไม่มีระดับที่สูงกว่าให้วางแผน", STYLES.note);
    return b;
  }
  for (const p of a.plan) {
    b.blank();
    line(b, planTitle(a, p), { bold: true, color: PALETTE.title });
    if (!p.possible) {
      line(b, "เป็นไปไม่ได้ แม้ทุกตัวชี้วัดได้ 100 คะแนน", { color: PALETTE.urgentText });
      continue;
    }
    if (p.indicators.length === 0) {
      line(b, "ผ่านเงื่อนไขนี้แล้ว ไม่ต้องเพิ่มคะแนน", STYLES.note);
      continue;
    }
    const r = p.reaches!;
    line(
      b,
      `เพิ่มคะแนนรวมทุกตัวชี้วัด ${p.totalGain.toFixed(2)} คะแนน → คะแนนรวม ${r.total.toFixed(2)} (IIT ${r.tools.IIT.toFixed(2)} EIT ${r.tools.EIT.toFixed(2)} OIT ${r.tools.OIT.toFixed(2)})${r.rating ? ` ผลการประเมิน ${r.rating}` : ""}`,
    );
    const header = b.add(["ตัวชี้วัดที่", "เครื่องมือ", "ชื่อตัวชี้วัด", "คะแนนปัจจุบัน", "เป้าหมาย", "ต้องเพิ่ม"], STYLES.header);
    b.rowHeight(header, HEADER_HEIGHT);
    for (const st of p.indicators) {
      const i = a.indicators.find((x) => x.no === st.no);
      b.add([st.no, i?.tool ?? null, i?.name ?? "", st.from, st.to, Math.round((st.to - st.from) * 100) / 100]);
    }
    const last = b.height - 1;
    b.style(rect(header + 1, 0, last, 5), STYLES.table);
    b.style(rect(header + 1, 0, last, 1), STYLES.center);
    b.style(rect(header + 1, 3, last, 5), STYLES.score);
  }
  return b;
}

/** The OIT self-check (sheet 'OIT'): share per sub-indicator, the estimates, the missing items. */
function oitSection(a: Analysis): Block | null {
  const o = a.oit;
  if (!o) return null;
  const b = new Block();
  b.section(`ตรวจรายการ OIT ด้วยตนเอง (ประมาณการ จากชีต '${OPTIONAL_SHEETS.oit}')`, WIDTH, STYLES.section);
  line(b, "ประมาณการเท่านั้น ไม่ใช่ผลอย่างเป็นทางการ: ตัวชี้วัดย่อยได้ร้อยละของรายการที่มี", STYLES.note);
  line(b, "ตัวชี้วัดที่ 9 และ 10 = ค่าเฉลี่ยของตัวชี้วัดย่อย (ตามคู่มือปี 2564) รายการที่ยังไม่ได้ตรวจนับเป็นไม่มี", STYLES.note);
  const subHeader = b.add(["ตัวชี้วัดย่อย", "มี (รายการ)", "ทั้งหมด (รายการ)", "ร้อยละที่มี"], STYLES.header);
  b.rowHeight(subHeader, HEADER_HEIGHT);
  for (const x of o.subIndicators) b.add([x.id, x.present, x.items, x.score]);
  let last = b.height - 1;
  b.style(rect(subHeader + 1, 0, last, 3), STYLES.table);
  b.style(rect(subHeader + 1, 0, last, 2), STYLES.center);
  b.style(rect(subHeader + 1, 3, last, 3), STYLES.score);

  b.blank();
  const e = o.estimated;
  const estHeader = b.add(["รายการ", null, null, "ประมาณการ", `ปี ${a.year}`], STYLES.header, 5);
  b.merge(rect(estHeader, 0, estHeader, 2));
  const rows: Array<[string, number | string | null, number | string | null]> = [];
  for (const [no, v] of Object.entries(e.byIndicator)) {
    const i = a.indicators.find((x) => x.no === Number(no));
    rows.push([`ตัวชี้วัดที่ ${no} ${i?.name ?? ""} (ประมาณการ)`, v, i?.score ?? null]);
  }
  rows.push(["OIT (ประมาณการ)", e.oit, a.tools.OIT]);
  rows.push([`คะแนนรวม (ประมาณการ ถ้า IIT และ EIT เท่ากับปี ${a.year})`, e.total, a.total]);
  rows.push(["ผลการประเมิน (ประมาณการ)", e.rating, a.rating ?? a.grade]);
  for (const [label, est, now] of rows) {
    const r = b.add([label, null, null, est, now]);
    b.merge(rect(r, 0, r, 2));
  }
  last = b.height - 1;
  b.style(rect(estHeader + 1, 0, last, 4), STYLES.table);
  b.style(rect(estHeader + 1, 3, last, 4), STYLES.score);

  b.blank();
  if (o.missingItems.length === 0) {
    line(b, "มีครบทุกรายการในชีต OIT", STYLES.note);
  } else {
    line(b, `รายการที่ยังไม่มี ต้องเผยแพร่บนเว็บไซต์ (${o.missingItems.length} รายการ):`, {
      bold: true,
      color: PALETTE.urgentText,
    });
    const h = b.add(["ข้อ", "ตัวชี้วัดย่อย", "ชื่อรายการ", null, null, null, "หมายเหตุ"], STYLES.header, 7);
    b.merge(rect(h, 2, h, 5));
    b.rowHeight(h, HEADER_HEIGHT);
    for (const m of o.missingItems) {
      const r = b.add([m.code, m.sub, m.name, null, null, null, m.unchecked ? "ยังไม่ได้ตรวจ" : "ไม่มี"]);
      b.merge(rect(r, 2, r, 5));
    }
    last = b.height - 1;
    b.style(rect(h + 1, 0, last, 6), STYLES.table);
    b.style(rect(h + 1, 0, last, 1), STYLES.center);
  }
  if (o.gap) {
    const g = o.gap;
    line(
      b,
      g.possible
        ? `รายการที่ขาดน้อยที่สุดที่ทำให้ได้ ${g.target} (ประมาณการ): ${g.items.join(", ")} → คะแนนรวมประมาณการ ${g.reaches!.total.toFixed(2)} OIT ${g.reaches!.oit.toFixed(2)}`
        : `แม้มีครบทุกรายการ ก็ยังไม่ได้ ${g.target} (ประมาณการ) เพราะเครื่องมืออื่นยังต่ำกว่าเกณฑ์`,
      { bold: true },
    );
  }
  return b;
}

/** Status | count, and the pie chart drawn from them. */
function statusChartData(rows: Array<[string, number]>): Block {
  const b = new Block();
  b.add(["สถานะ", "จำนวนมาตรการ"], STYLES.header);
  for (const [label, n] of rows) b.add([label, n]);
  b.style(rect(1, 0, rows.length, 1), STYLES.table);
  b.chart({
    id: "measuresByStatus",
    kind: "pie",
    title: "มาตรการจำแนกตามสถานะการดำเนินการ",
    data: rect(0, 0, rows.length, 1),
    at: rect(0, 4, 14, 10),
  });
  return b;
}

function measuresSection(a: Analysis): Block {
  const b = new Block();
  b.section("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", WIDTH, STYLES.section);
  const m = a.measures;
  if (m.count === 0) {
    b.add(["ยังไม่มีมาตรการในชีต 'มาตรการ'"], STYLES.note, 1);
  } else {
    const header = b.add(["สถานะ", null, null, "จำนวน"], STYLES.header, 4);
    b.merge(rect(header, 0, header, 2));
    const rows: Array<[string, number]> = [
      [STATUS_LABELS.notStarted, m.byStatus.notStarted],
      [STATUS_LABELS.inProgress, m.byStatus.inProgress],
      [STATUS_LABELS.done, m.byStatus.done],
    ];
    if (m.byStatus.unknown) rows.push([STATUS_UNKNOWN_LABEL, m.byStatus.unknown]);
    for (const [label, n] of rows) {
      const r = b.add([label, null, null, n]);
      b.merge(rect(r, 0, r, 2));
    }
    const total = b.add(["รวม", null, null, m.count], { bold: true }, 4);
    b.merge(rect(total, 0, total, 2));
    b.style(rect(header + 1, 0, total, 3), STYLES.table);
    b.add([`ดำเนินการเสร็จแล้วร้อยละ ${(m.doneShare * 100).toFixed(2)} ของมาตรการทั้งหมด`], STYLES.note, 1);
    b.attach(statusChartData(rows), header, CHART_COL);
  }
  b.blank();
  if (m.uncovered.length === 0) {
    b.add(["ตัวชี้วัดที่ต้องแก้ไขหรือพัฒนาทุกตัวมีมาตรการรองรับแล้ว"], STYLES.note, 1);
  } else {
    b.add(["ตัวชี้วัดที่ต้องแก้ไขหรือพัฒนาแต่ยังไม่มีมาตรการรองรับ:"], { bold: true, color: PALETTE.urgentText }, 1);
    indicatorRows(b, a, m.uncovered);
  }
  return b;
}

function warningsSection(a: Analysis, lang: Lang): Block | null {
  if (!a.warnings.length) return null;
  const b = new Block();
  b.section("ข้อสังเกตจากการตรวจข้อมูล", WIDTH, STYLES.section);
  for (const w of a.warnings) {
    const where = issueLocation(w, lang);
    b.add([`• ${where ? `${where}: ` : ""}${issueMessage(w, lang)}`], undefined, 1);
  }
  return b;
}

function footerBlock(a: Analysis): Block {
  const b = new Block();
  b.blank();
  const used: string[] = [SHEETS.scores, SHEETS.measures];
  if (a.oit) used.push(OPTIONAL_SHEETS.oit);
  if (a.framework.origin === "workbook") used.push(OPTIONAL_SHEETS.framework);
  b.add(
    [`สร้างโดย ITA Analyzer จากข้อมูลในชีต ${used.map((n) => `'${n}'`).join(", ")} · ชีตนี้สร้างใหม่ทุกครั้งที่วิเคราะห์ อย่าแก้ไขในชีตนี้`],
    STYLES.note,
    1,
  );
  return b;
}

function analysisSheet(a: Analysis, lang: Lang): SheetSpec {
  const s = emptySheet(SHEETS.analysis, "generated");
  s.font = SHEET_FONT;
  s.tabColor = PALETTE.title;
  s.columnWidths = [8, 11, 30, 10, 10, 8, 21, 12, 13, 3, 30, 12, 12];
  const t = a.thresholds;
  const sections: (Block | null)[] = [
    titleBlock(a),
    summarySection(a),
    rankedSection(a),
    indicatorListSection(a, `จุดแข็ง (คะแนนตั้งแต่ ${t.strength} ขึ้นไป) เรียงจากคะแนนสูงสุด`, a.strengths, "ไม่มีตัวชี้วัดที่เป็นจุดแข็ง"),
    indicatorListSection(
      a,
      `ประเด็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน (คะแนนต่ำกว่า ${t.urgent}) เรียงจากคะแนนต่ำสุด`,
      a.urgent,
      "ไม่มีตัวชี้วัดที่ต้องแก้ไขโดยเร่งด่วน",
    ),
    indicatorListSection(
      a,
      `ประเด็นที่ต้องพัฒนาให้ดีขึ้น (คะแนน ${t.urgent} ถึงต่ำกว่า ${t.strength}) เรียงจากคะแนนต่ำสุด`,
      a.improve,
      "ไม่มีตัวชี้วัดในกลุ่มนี้",
    ),
    lowestPerToolSection(a),
    declinedSection(a),
    changeSection(a),
    planSection(a),
    oitSection(a),
    measuresSection(a),
    warningsSection(a, lang),
    footerBlock(a),
  ];
  const stack = new SheetStack(s);
  for (const block of sections) if (block) stack.stack(block);
  s.freezeRows = 3;
  s.print = { orientation: "landscape", fitToWidth: true };
  s.rowHeight = ROW_HEIGHT;
  return fitRowHeights(s);
}

/** Years with any indicator score, up to the analysed year. */
function trendYears(a: Analysis): number[] {
  const { years, byIndicator } = a.scoresByYear;
  return years.filter((y) => y <= a.year && Object.values(byIndicator).some((s) => s[y] !== undefined));
}

/** Total and tool scores by complete year, with the line chart drawn from them right of `chartCol`. */
function totalsSection(a: Analysis, chartCol: number): Block {
  const b = new Block();
  b.section("คะแนนรวมและคะแนนรายเครื่องมือ", 7, STYLES.section);
  const header = b.add(["ปีงบประมาณ", "คะแนนรวม", "IIT", "EIT", "OIT", "ระดับ", "ผลการประเมิน"], STYLES.header);
  b.rowHeight(header, HEADER_HEIGHT);
  for (const h of a.history) {
    b.add([
      String(h.year),
      h.total,
      h.tools.IIT,
      h.tools.EIT,
      h.tools.OIT,
      h.grade,
      h.rating ?? (h.pass ? "ผ่านเกณฑ์" : "ไม่ผ่านเกณฑ์"),
    ]);
  }
  const last = b.height - 1;
  if (a.history.length > 0) {
    b.style(rect(header + 1, 0, last, 6), STYLES.table);
    b.style(rect(header + 1, 0, last, 0), STYLES.center);
    b.style(rect(header + 1, 1, last, 4), STYLES.score);
    b.fill(rect(header + 1, 1, last, 4), classRules(a.thresholds.strength, a.thresholds.urgent));
  }
  if (a.history.length >= 2) {
    b.chart({
      id: "totalsTrend",
      kind: "line",
      title: "คะแนนรวมและคะแนนเครื่องมือ IIT / EIT / OIT รายปี",
      data: rect(header, 0, last, 4),
      at: rect(header, chartCol, header + 16, chartCol + 7),
      valueAxis: { title: "คะแนน" },
      categoryAxisTitle: "ปีงบประมาณ",
    });
  }
  return b;
}

function indicatorsByYearSection(a: Analysis, years: number[], width: number): Block {
  const { byIndicator } = a.scoresByYear;
  const b = new Block();
  b.section("คะแนนรายตัวชี้วัดรายปี", width, STYLES.section);
  const header = b.add(
    ["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", ...years.map(String), a.previousYear !== null ? "เปลี่ยนแปลง" : ""],
    STYLES.header,
  );
  b.rowHeight(header, HEADER_HEIGHT);
  for (const i of a.indicators) b.add([i.no, i.name, ...years.map((y) => byIndicator[i.no]?.[y] ?? null), i.change]);
  const last = b.height - 1;
  b.style(rect(header + 1, 0, last, width - 1), STYLES.table);
  b.style(rect(header + 1, 0, last, 0), STYLES.center);
  b.style(rect(header + 1, 2, last, width - 2), STYLES.score);
  b.style(rect(header + 1, width - 1, last, width - 1), { numberFormat: CHANGE_FORMAT });
  b.fill(rect(header + 1, 2, last, width - 2), classRules(a.thresholds.strength, a.thresholds.urgent));
  return b;
}

function trendSheet(a: Analysis): SheetSpec | null {
  const years = trendYears(a);
  if (years.length < 2) return null;
  const s = emptySheet(SHEETS.trend, "generated");
  s.font = SHEET_FONT;
  s.tabColor = PALETTE.title;
  const width = 2 + years.length + 1;
  s.columnWidths = [14, 32, ...years.map(() => 11), 13, 3, 12, 12, 12, 12, 12];
  // column G holds the rating text of the totals table ("ต้องปรับปรุงโดยด่วน")
  s.columnWidths[6] = Math.max(s.columnWidths[6], 22);

  const title = new Block();
  title.add([`แนวโน้มผลการประเมิน ITA ปี ${years[0]}–${years[years.length - 1]}`], STYLES.title, 1);
  title.merge(rect(0, 0, 0, Math.max(width, 7) - 1));
  title.rowHeight(0, TITLE_HEIGHT);
  title.add([a.unit.name], STYLES.subtitle, 1);
  if (a.framework.origin === "workbook")
    title.add(
      [`ปี ${a.year} ใช้${a.framework.title} (ชีต '${OPTIONAL_SHEETS.framework}') ปีอื่นใช้กรอบการประเมินในโปรแกรม`],
      STYLES.note,
      1,
    );

  const stack = new SheetStack(s);
  stack.stack(title);
  // the chart goes right of the widest table (the indicators-by-year table grows with the years)
  stack.stack(totalsSection(a, Math.max(8, width + 1)));
  stack.stack(indicatorsByYearSection(a, years, width));
  s.freezeRows = 2;
  s.print = { orientation: "landscape", fitToWidth: true };
  s.rowHeight = ROW_HEIGHT;
  return fitRowHeights(s);
}

/** The generated sheets of an analysis. */
export function analysisSheets(a: Analysis, lang: Lang = "th"): SheetSpec[] {
  const sheets = [analysisSheet(a, lang)];
  const trend = trendSheet(a);
  if (trend) sheets.push(trend);
  return sheets;
}
