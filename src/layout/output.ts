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
import { TOOL_IDS, type Lang } from "../core/types";
import { Block, rect, SheetStack } from "./block";
import { MEASURE_COLUMNS, OPTIONAL_SHEETS, SHEETS, type MeasureField } from "./names";
import { MEASURE_TEMPLATE_FIELDS } from "./template";
import { changeSection, oitSection, planSection } from "./explainSections";
import { fitRowHeights } from "./rowHeights";
import { trendSheet } from "./trendSheet";
import { emptySheet, type SheetSpec } from "./sheetSpec";
import { HEADER_HEIGHT, PALETTE, ROW_HEIGHT, SCORE_FORMAT, SHEET_FONT, STYLES, TITLE_HEIGHT } from "./style";
import {
  CLASS_STYLE,
  CHANGE_FORMAT,
  classRules,
  indicatorLabel,
  scoreOf,
  ratingText,
  percent,
  frameworkLine,
  WIDTH,
  CHART_COL,
} from "./sheetParts";

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

/**
 * A measure the analysis proposes for a weak indicator that no measure covers (issue 12): the
 * report builds them from its library (src/report/measureRows.ts) and the pipeline passes them in.
 */
export interface ProposedMeasureRow {
  indicator: number;
  title: string;
  steps: string[];
  owner: string;
  /** The whole measures fiscal year, e.g. "ต.ค. 2568 – ก.ย. 2569". */
  period: string;
  monitoring: string;
}

/**
 * The proposed measures as rows of the measures sheet: the same columns in the same order as
 * the template's 'มาตรการ', so the officer copies the rows and pastes them under the last measure.
 */
function proposedSection(proposed: readonly ProposedMeasureRow[], pad: number): Block | null {
  if (!proposed.length) return null;
  const b = new Block();
  for (let i = 0; i < pad; i++) b.blank();
  b.section("มาตรการที่เสนอเพิ่มเติม สำหรับตัวชี้วัดที่ยังไม่มีมาตรการรองรับ", WIDTH, STYLES.section);
  b.add(
    [
      `คัดลอกแถวใต้หัวตาราง (ทั้งแถว) ไปวางต่อท้ายมาตรการในชีต '${SHEETS.measures}' แล้วปรับขั้นตอน ผู้รับผิดชอบ และระยะเวลาให้ตรงกับหน่วยงาน รายงานการวิเคราะห์ระบุมาตรการเหล่านี้ว่า (เสนอเพิ่มเติม) จนกว่าจะบันทึกในชีต '${SHEETS.measures}'`,
    ],
    STYLES.note,
    1,
  );
  const fields = MEASURE_TEMPLATE_FIELDS;
  const header = b.add(
    fields.map((f) => MEASURE_COLUMNS[f][0]),
    STYLES.header,
  );
  b.rowHeight(header, HEADER_HEIGHT);
  const valueOf = (p: ProposedMeasureRow, f: MeasureField): string | number | null => {
    switch (f) {
      case "indicators":
        return p.indicator;
      case "title":
        return p.title;
      case "steps":
        return p.steps.map((x, i) => `${i + 1}. ${x}`).join("\n");
      case "period":
        return p.period;
      case "owner":
        return p.owner;
      case "monitoring":
        return p.monitoring;
      case "status":
        return STATUS_LABELS.notStarted;
      default:
        return null;
    }
  };
  // one line a measure (no wrap): the sheet's columns are narrower than the measures sheet's, and
  // the rows are there to copy whole; each cell shows in full in the formula bar and once pasted
  for (const p of proposed) {
    const r = b.add(fields.map((f) => valueOf(p, f)));
    b.style(rect(r, 0, r, fields.length - 1), { border: true, vAlign: "top" });
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

function analysisSheet(a: Analysis, lang: Lang, proposed: readonly ProposedMeasureRow[]): SheetSpec {
  const s = emptySheet(SHEETS.analysis, "generated");
  s.font = SHEET_FONT;
  s.tabColor = PALETTE.title;
  s.columnWidths = [8, 11, 30, 10, 10, 8, 21, 12, 13, 3, 30, 12, 12];
  const t = a.thresholds;
  const measures = measuresSection(a);
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
    measures,
    // below the status pie beside the measures section (drawn from its third row, 15 rows tall)
    proposedSection(proposed, a.measures.count ? Math.max(0, 17 - measures.height) : 0),
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

/** The generated sheets of an analysis. */
export function analysisSheets(
  a: Analysis,
  lang: Lang = "th",
  proposed: readonly ProposedMeasureRow[] = [],
): SheetSpec[] {
  const sheets = [analysisSheet(a, lang, proposed)];
  const trend = trendSheet(a);
  if (trend) sheets.push(trend);
  return sheets;
}
