/**
 * The generated sheets of an analysis, as SheetSpecs: ผลวิเคราะห์ ITA (summary, ranked table,
 * strengths and weak points, lowest per tool, declines, measure coverage, notes) and
 * แนวโน้ม ITA (scores across years). Both adapters write exactly these.
 */
import type { Analysis } from "../core/analysis";
import { TOOL_NAMES } from "../core/frameworks";
import { CLASS_LABELS, CONFIDENCE_LABELS, STATUS_LABELS } from "../core/labels";
import { issueMessage, issueLocation } from "../core/messages";
import { TOOL_IDS, type IndicatorClass, type Lang } from "../core/types";
import { a1, a1Range } from "./grid";
import { SHEETS } from "./names";
import { fitRowHeights } from "./rowHeights";
import { emptySheet, type Cell, type CellStyle, type ConditionalFill, type SheetSpec } from "./sheetSpec";
import { HEADER_HEIGHT, PALETTE, ROW_HEIGHT, SCORE_FORMAT, SHEET_FONT, STYLES, TITLE_HEIGHT } from "./style";

const CLASS_STYLE: Record<IndicatorClass, CellStyle> = {
  strength: { fill: PALETTE.strengthFill, color: PALETTE.strengthText },
  improve: { fill: PALETTE.improveFill, color: PALETTE.improveText },
  urgent: { fill: PALETTE.urgentFill, color: PALETTE.urgentText },
};

/** Conditional fills that colour scores by class, for a range of score cells. */
export function classFills(range: string, strength: number, urgent: number): ConditionalFill {
  return {
    range,
    rules: [
      { operator: "greaterThanOrEqual", values: [strength], fill: PALETTE.strengthFill, color: PALETTE.strengthText },
      { operator: "lessThan", values: [urgent], fill: PALETTE.urgentFill, color: PALETTE.urgentText },
      {
        operator: "between",
        values: [urgent, strength - 0.001],
        fill: PALETTE.improveFill,
        color: PALETTE.improveText,
      },
    ],
  };
}

/** Appends rows to a sheet and remembers where things went. */
class SheetBuilder {
  constructor(readonly spec: SheetSpec) {}
  get row(): number {
    return this.spec.rows.length;
  }
  add(cells: Cell[], style?: CellStyle, width = cells.length): number {
    const r = this.row;
    this.spec.rows.push(cells);
    if (style && width > 0) this.style(a1Range(r, 0, r, width - 1), style);
    return r;
  }
  blank(): void {
    this.spec.rows.push([]);
  }
  style(range: string, style: CellStyle): void {
    this.spec.styles.push({ range, style });
  }
  section(title: string, width: number): void {
    this.blank();
    const r = this.add([title], STYLES.section, 1);
    this.spec.merges.push(a1Range(r, 0, r, width - 1));
  }
}

function indicatorLabel(a: Analysis, no: number): string {
  const ind = a.indicators.find((i) => i.no === no)!;
  return `ตัวชี้วัดที่ ${no} ${ind.name}`;
}

function ratingText(a: Analysis): string {
  if (a.rating) return a.rating;
  return a.pass ? "ผ่านเกณฑ์ (ตั้งแต่ 85 คะแนน)" : "ไม่ผ่านเกณฑ์ (ต่ำกว่า 85 คะแนน)";
}

function yearLabel(y: number): string {
  return String(y);
}

const WIDTH = 9; // columns A–I used by the main tables

function analysisSheet(a: Analysis, lang: Lang): SheetSpec {
  const s = emptySheet(SHEETS.analysis, "generated");
  const b = new SheetBuilder(s);
  s.font = SHEET_FONT;
  s.tabColor = PALETTE.title;
  s.columnWidths = [8, 11, 30, 10, 10, 8, 21, 12, 13, 3, 30, 12, 12];
  const t = a.thresholds;

  b.add([`ผลการวิเคราะห์การประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. ${a.year}`], STYLES.title, 1);
  s.merges.push(a1Range(0, 0, 0, WIDTH - 1));
  const place = [a.unit.district && `อำเภอ${a.unit.district}`, a.unit.province && `จังหวัด${a.unit.province}`]
    .filter(Boolean)
    .join(" ");
  b.add([`${a.unit.name}${place ? ` ${place}` : ""}`], STYLES.subtitle, 1);
  s.merges.push(a1Range(1, 0, 1, WIDTH - 1));
  const w = a.framework.weights;
  b.add(
    [
      `${a.framework.title} · น้ำหนัก IIT ${Math.round(w.IIT * 100)}% EIT ${Math.round(w.EIT * 100)}% OIT ${Math.round(
        w.OIT * 100,
      )}%${a.framework.weightsOverridden ? " (กำหนดเองในชีตตั้งค่า)" : ""} · ความเชื่อมั่นของน้ำหนัก: ${
        CONFIDENCE_LABELS[a.framework.confidence.weights]
      } · ระดับ: ${CONFIDENCE_LABELS[a.framework.confidence.levels]}`,
    ],
    STYLES.note,
    1,
  );
  s.merges.push(a1Range(2, 0, 2, WIDTH - 1));

  // summary
  b.section("สรุปผลการประเมิน", WIDTH);
  const summaryStart = b.row;
  // label in A:C, value in D:G (merged), so long Thai labels and the rating fit
  b.add(["คะแนนรวม", null, null, a.total]);
  b.add(["ระดับผลการประเมิน", null, null, a.grade]);
  b.add([a.framework.usesRating ? "ผลการประเมิน (เกณฑ์ตั้งแต่ปี 2567)" : "ผลเทียบเกณฑ์ผ่าน", null, null, ratingText(a)]);
  for (const tool of TOOL_IDS) b.add([`${tool} ${TOOL_NAMES[tool].th}`, null, null, a.tools[tool]]);
  if (a.publishedTotal !== null) b.add(["คะแนนรวมที่ประกาศ (ใช้ตรวจทาน)", null, null, a.publishedTotal]);
  const summaryEnd = b.row - 1;
  for (let r = summaryStart; r <= summaryEnd; r++) s.merges.push(a1Range(r, 0, r, 2), a1Range(r, 3, r, 6));
  b.style(a1Range(summaryStart, 0, summaryEnd, 2), { ...STYLES.label, border: true, fill: PALETTE.sectionFill });
  b.style(a1Range(summaryStart, 3, summaryEnd, 6), {
    border: true,
    bold: true,
    hAlign: "left",
    numberFormat: SCORE_FORMAT,
  });
  s.conditionalFills.push(classFills(a1(summaryStart, 3), t.strength, t.urgent));

  // ranked table
  b.section("ผลคะแนนรายตัวชี้วัด เรียงจากคะแนนสูงไปต่ำ", WIDTH);
  const prevLabel = a.previousYear !== null ? `ปี ${a.previousYear}` : "ปีก่อน";
  const headerRow = b.add(
    ["อันดับ", "ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "เครื่องมือ", "คะแนน", "ระดับ", "กลุ่ม", prevLabel, "เปลี่ยนแปลง"],
    STYLES.header,
  );
  for (const no of a.ranking) {
    const i = a.indicators.find((x) => x.no === no)!;
    const r = b.add([i.rank, i.no, i.name, i.tool, i.score, i.grade, CLASS_LABELS[i.class], i.previous, i.change]);
    b.style(a1(r, 6), CLASS_STYLE[i.class]);
  }
  const lastRanked = b.row - 1;
  b.style(a1Range(headerRow + 1, 0, lastRanked, WIDTH - 1), STYLES.table);
  b.style(a1Range(headerRow + 1, 0, lastRanked, 1), STYLES.center);
  b.style(a1Range(headerRow + 1, 3, lastRanked, 3), STYLES.center);
  b.style(a1Range(headerRow + 1, 5, lastRanked, 5), STYLES.center);
  b.style(a1Range(headerRow + 1, 4, lastRanked, 4), STYLES.score);
  b.style(a1Range(headerRow + 1, 7, lastRanked, 8), { numberFormat: "0.00;[Red]-0.00", hAlign: "right" });
  s.conditionalFills.push(classFills(a1Range(headerRow + 1, 4, lastRanked, 4), t.strength, t.urgent));

  // chart data beside the ranked table: indicator scores in number order with the pass line
  const chartCol = 10;
  s.rows[headerRow][chartCol] = "ตัวชี้วัด";
  s.rows[headerRow][chartCol + 1] = `คะแนนปี ${a.year}`;
  s.rows[headerRow][chartCol + 2] = "เกณฑ์ผ่าน";
  a.indicators.forEach((i, k) => {
    const row = s.rows[headerRow + 1 + k];
    row[chartCol] = `${i.no}. ${i.name}`;
    row[chartCol + 1] = i.score;
    row[chartCol + 2] = t.strength;
  });
  b.style(a1Range(headerRow, chartCol, headerRow, chartCol + 2), STYLES.header);
  b.style(a1Range(headerRow + 1, chartCol, lastRanked, chartCol + 2), STYLES.table);
  b.style(a1Range(headerRow + 1, chartCol + 1, lastRanked, chartCol + 2), STYLES.score);
  s.charts.push({
    id: "indicatorScores",
    kind: "columnClustered", // a column chart: Excel combines columns with a line series (the pass line); bars it cannot
    title: `คะแนนรายตัวชี้วัด ปี ${a.year} เทียบเกณฑ์ผ่าน ${t.strength} คะแนน`,
    dataRange: a1Range(headerRow, chartCol, lastRanked, chartCol + 2),
    lineSeries: [1],
    topLeft: a1(1, chartCol + 4),
    bottomRight: a1(headerRow + 12, chartCol + 12),
    valueAxis: { min: 0, max: 100, title: "คะแนน" },
  });

  // classes
  const list = (title: string, nos: number[], empty: string) => {
    b.section(title, WIDTH);
    if (nos.length === 0) {
      b.add([empty], STYLES.note, 1);
      return;
    }
    for (const no of nos) {
      const i = a.indicators.find((x) => x.no === no)!;
      const r = b.add([null, indicatorLabel(a, no), null, null, i.score]);
      s.merges.push(a1Range(r, 1, r, 3));
      b.style(a1(r, 4), { ...STYLES.score, ...CLASS_STYLE[i.class] });
    }
  };
  list(`จุดแข็ง (คะแนนตั้งแต่ ${t.strength} ขึ้นไป) เรียงจากคะแนนสูงสุด`, a.strengths, "ไม่มีตัวชี้วัดที่เป็นจุดแข็ง");
  list(
    `ประเด็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน (คะแนนต่ำกว่า ${t.urgent}) เรียงจากคะแนนต่ำสุด`,
    a.urgent,
    "ไม่มีตัวชี้วัดที่ต้องแก้ไขโดยเร่งด่วน",
  );
  list(`ประเด็นที่ต้องพัฒนาให้ดีขึ้น (คะแนน ${t.urgent} ถึงต่ำกว่า ${t.strength}) เรียงจากคะแนนต่ำสุด`, a.improve, "ไม่มีตัวชี้วัดในกลุ่มนี้");

  b.section("ตัวชี้วัดที่ได้คะแนนต่ำสุดของแต่ละเครื่องมือ", WIDTH);
  for (const tool of TOOL_IDS) {
    const no = a.lowestPerTool[tool];
    const i = a.indicators.find((x) => x.no === no)!;
    const r = b.add([tool, indicatorLabel(a, no), null, null, i.score]);
    s.merges.push(a1Range(r, 1, r, 3));
    b.style(a1(r, 0), { bold: true, hAlign: "center" });
    b.style(a1(r, 4), STYLES.score);
  }

  if (a.previousYear !== null) {
    b.section(`ตัวชี้วัดที่คะแนนลดลงตั้งแต่ ${t.decline} คะแนน เทียบกับปี ${a.previousYear}`, WIDTH);
    if (a.declined.length === 0) b.add(["ไม่มีตัวชี้วัดที่คะแนนลดลงถึงเกณฑ์"], STYLES.note, 1);
    for (const no of a.declined) {
      const i = a.indicators.find((x) => x.no === no)!;
      const r = b.add([null, indicatorLabel(a, no), null, null, i.score, null, null, i.previous, i.change]);
      s.merges.push(a1Range(r, 1, r, 3));
      b.style(a1(r, 4), STYLES.score);
      b.style(a1Range(r, 7, r, 8), { numberFormat: "0.00;[Red]-0.00" });
    }
  }

  // measures
  b.section("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", WIDTH);
  const m = a.measures;
  if (m.count === 0) {
    b.add(["ยังไม่มีมาตรการในชีต 'มาตรการ'"], STYLES.note, 1);
  } else {
    const statusHeader = b.add(["สถานะ", null, null, "จำนวน"], STYLES.header, 4);
    s.merges.push(a1Range(statusHeader, 0, statusHeader, 2));
    const rows: Array<[string, number]> = [
      [STATUS_LABELS.notStarted, m.byStatus.notStarted],
      [STATUS_LABELS.inProgress, m.byStatus.inProgress],
      [STATUS_LABELS.done, m.byStatus.done],
    ];
    if (m.byStatus.unknown) rows.push(["ไม่ระบุสถานะ", m.byStatus.unknown]);
    for (const [label, n] of rows) {
      const r = b.add([label, null, null, n]);
      s.merges.push(a1Range(r, 0, r, 2));
    }
    const total = b.add(["รวม", null, null, m.count], { bold: true }, 4);
    s.merges.push(a1Range(total, 0, total, 2));
    b.style(a1Range(statusHeader + 1, 0, total, 3), STYLES.table);
    b.add([`ดำเนินการเสร็จแล้วร้อยละ ${(m.doneShare * 100).toFixed(2)} ของมาตรการทั้งหมด`], STYLES.note, 1);
    // chart data beside the table: status | count, contiguous for charts.add
    s.rows[statusHeader][chartCol] = "สถานะ";
    s.rows[statusHeader][chartCol + 1] = "จำนวนมาตรการ";
    rows.forEach(([label, n], k) => {
      s.rows[statusHeader + 1 + k][chartCol] = label;
      s.rows[statusHeader + 1 + k][chartCol + 1] = n;
    });
    b.style(a1Range(statusHeader, chartCol, statusHeader, chartCol + 1), STYLES.header);
    b.style(a1Range(statusHeader + 1, chartCol, statusHeader + rows.length, chartCol + 1), STYLES.table);
    s.charts.push({
      id: "measuresByStatus",
      kind: "pie",
      title: "มาตรการจำแนกตามสถานะการดำเนินการ",
      dataRange: a1Range(statusHeader, chartCol, statusHeader + rows.length, chartCol + 1),
      topLeft: a1(statusHeader, chartCol + 4),
      bottomRight: a1(statusHeader + 14, chartCol + 10),
    });
  }
  b.blank();
  if (m.uncovered.length === 0) {
    b.add(["ตัวชี้วัดที่ต้องแก้ไขหรือพัฒนาทุกตัวมีมาตรการรองรับแล้ว"], STYLES.note, 1);
  } else {
    b.add(["ตัวชี้วัดที่ต้องแก้ไขหรือพัฒนาแต่ยังไม่มีมาตรการรองรับ:"], { bold: true, color: PALETTE.urgentText }, 1);
    for (const no of m.uncovered) {
      const i = a.indicators.find((x) => x.no === no)!;
      const r = b.add([null, indicatorLabel(a, no), null, null, i.score]);
      s.merges.push(a1Range(r, 1, r, 3));
      b.style(a1(r, 4), { ...STYLES.score, ...CLASS_STYLE[i.class] });
    }
  }

  if (a.warnings.length) {
    b.section("ข้อสังเกตจากการตรวจข้อมูล", WIDTH);
    for (const wIssue of a.warnings) {
      const where = issueLocation(wIssue, lang);
      b.add([`• ${where ? `${where}: ` : ""}${issueMessage(wIssue, lang)}`], undefined, 1);
    }
  }
  b.blank();
  b.add(
    ["สร้างโดย ITA Analyzer จากข้อมูลในชีต 'คะแนน ITA' และ 'มาตรการ' · ชีตนี้สร้างใหม่ทุกครั้งที่วิเคราะห์ อย่าแก้ไขในชีตนี้"],
    STYLES.note,
    1,
  );

  s.freezeRows = 3;
  s.print = { orientation: "landscape", fitToWidth: true };
  s.rowHeight = ROW_HEIGHT;
  s.rowHeights = { 0: TITLE_HEIGHT, [headerRow]: HEADER_HEIGHT };
  return fitRowHeights(s);
}

function trendSheet(a: Analysis): SheetSpec | null {
  const { years, byIndicator } = a.scoresByYear;
  const usedYears = years.filter((y) => y <= a.year && Object.values(byIndicator).some((s) => s[y] !== undefined));
  if (usedYears.length < 2) return null;
  const s = emptySheet(SHEETS.trend, "generated");
  const b = new SheetBuilder(s);
  s.font = SHEET_FONT;
  s.tabColor = PALETTE.title;
  const width = 2 + usedYears.length + 1;
  s.columnWidths = [14, 32, ...usedYears.map(() => 11), 13, 3, 12, 12, 12, 12, 12];
  // column G holds the rating text of the totals table ("ต้องปรับปรุงโดยด่วน")
  s.columnWidths[6] = Math.max(s.columnWidths[6], 22);

  b.add([`แนวโน้มผลการประเมิน ITA ปี ${usedYears[0]}–${usedYears[usedYears.length - 1]}`], STYLES.title, 1);
  s.merges.push(a1Range(0, 0, 0, Math.max(width, 7) - 1));
  b.add([a.unit.name], STYLES.subtitle, 1);

  // totals by year (complete years only)
  b.section("คะแนนรวมและคะแนนรายเครื่องมือ", 7);
  const totalsHeader = b.add(["ปีงบประมาณ", "คะแนนรวม", "IIT", "EIT", "OIT", "ระดับ", "ผลการประเมิน"], STYLES.header);
  for (const h of a.history) {
    b.add([
      yearLabel(h.year),
      h.total,
      h.tools.IIT,
      h.tools.EIT,
      h.tools.OIT,
      h.grade,
      h.rating ?? (h.pass ? "ผ่านเกณฑ์" : "ไม่ผ่านเกณฑ์"),
    ]);
  }
  const totalsEnd = b.row - 1;
  if (a.history.length > 0) {
    b.style(a1Range(totalsHeader + 1, 0, totalsEnd, 6), STYLES.table);
    b.style(a1Range(totalsHeader + 1, 0, totalsEnd, 0), STYLES.center);
    b.style(a1Range(totalsHeader + 1, 1, totalsEnd, 4), STYLES.score);
    s.conditionalFills.push(
      classFills(a1Range(totalsHeader + 1, 1, totalsEnd, 4), a.thresholds.strength, a.thresholds.urgent),
    );
  }
  if (a.history.length >= 2) {
    s.charts.push({
      id: "totalsTrend",
      kind: "line",
      title: "คะแนนรวมและคะแนนเครื่องมือ IIT / EIT / OIT รายปี",
      dataRange: a1Range(totalsHeader, 0, totalsEnd, 4),
      // right of the widest table (the indicators-by-year table grows with the years)
      topLeft: a1(totalsHeader, Math.max(8, width + 1)),
      bottomRight: a1(totalsHeader + 16, Math.max(8, width + 1) + 7),
      valueAxis: { title: "คะแนน" },
      categoryAxisTitle: "ปีงบประมาณ",
    });
  }

  // indicators by year
  b.section("คะแนนรายตัวชี้วัดรายปี", width);
  const header = b.add(
    ["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", ...usedYears.map(yearLabel), a.previousYear !== null ? "เปลี่ยนแปลง" : ""],
    STYLES.header,
  );
  for (const i of a.indicators) {
    b.add([i.no, i.name, ...usedYears.map((y) => byIndicator[i.no]?.[y] ?? null), i.change]);
  }
  const end = b.row - 1;
  b.style(a1Range(header + 1, 0, end, width - 1), STYLES.table);
  b.style(a1Range(header + 1, 0, end, 0), STYLES.center);
  b.style(a1Range(header + 1, 2, end, width - 2), STYLES.score);
  b.style(a1Range(header + 1, width - 1, end, width - 1), { numberFormat: "0.00;[Red]-0.00" });
  s.conditionalFills.push(
    classFills(a1Range(header + 1, 2, end, width - 2), a.thresholds.strength, a.thresholds.urgent),
  );
  s.freezeRows = 2;
  s.print = { orientation: "landscape", fitToWidth: true };
  s.rowHeight = ROW_HEIGHT;
  s.rowHeights = { 0: TITLE_HEIGHT, [totalsHeader]: HEADER_HEIGHT, [header]: HEADER_HEIGHT };
  return fitRowHeights(s);
}

/** The generated sheets of an analysis. */
export function analysisSheets(a: Analysis, lang: Lang = "th"): SheetSpec[] {
  const sheets = [analysisSheet(a, lang)];
  const trend = trendSheet(a);
  if (trend) sheets.push(trend);
  return sheets;
}
