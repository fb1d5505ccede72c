/**
 * The summary workbook's sheets, Thai first: สรุปรายหน่วยงาน (one row per unit, ranked, with
 * filter buttons, and the totals chart) and สรุปภาพรวม (the distribution with its charts).
 */
import { TOOL_IDS } from "../core/types";
import { Block, rect, SheetStack } from "../layout/block";
import { a1Range } from "../layout/grid";
import { fitRowHeights } from "../layout/rowHeights";
import { emptySheet, type SheetSpec } from "../layout/sheetSpec";
import { HEADER_HEIGHT, PALETTE, ROW_HEIGHT, SCORE_FORMAT, SHEET_FONT, STYLES, TITLE_HEIGHT } from "../layout/style";
import type { Duplicate, Summary } from "./summary";

export const SUMMARY_SHEETS = { units: "สรุปรายหน่วยงาน", overview: "สรุปภาพรวม" } as const;

/** One colour per result, best first (ratings or letters). */
const RESULT_COLORS = ["1F4E79", "2E75B6", "70AD47", "FFC000", "C00000", "7F6000", "7030A0"];
const CHANGE_FORMAT = "0.00;[Red]-0.00";
const PERCENT_FORMAT = "0.00%";

function title(b: Block, text: string, sub: string, width: number): void {
  b.add([text], STYLES.title, 1);
  b.merge(rect(0, 0, 0, width - 1));
  b.rowHeight(0, TITLE_HEIGHT);
  b.add([sub], STYLES.note, 1);
  b.merge(rect(1, 0, 1, width - 1));
}

const UNIT_HEADER = [
  "อันดับ",
  "หน่วยงาน",
  "คะแนนรวม",
  "ผลการประเมิน",
  "IIT",
  "EIT",
  "OIT",
  "ประเภทหน่วยงาน",
  "อำเภอ",
  "จังหวัด",
  "ปีงบประมาณ",
  ...Array.from({ length: 10 }, (_, i) => `ตัวชี้วัดที่ ${i + 1}`),
  "เปลี่ยนแปลงจากปีก่อน",
  "ผลปีก่อน",
  "ประเด็นที่ต้องแก้ไขโดยเร่งด่วน (จำนวนตัวชี้วัด)",
  "มาตรการที่ดำเนินการเสร็จ",
  "ตัวชี้วัดที่ยังไม่มีมาตรการรองรับ",
  "ไฟล์",
];

function unitsSheet(s: Summary): SheetSpec {
  const spec = emptySheet(SUMMARY_SHEETS.units, "generated");
  spec.font = SHEET_FONT;
  spec.tabColor = PALETTE.title;
  const width = UNIT_HEADER.length;
  const b = new Block();
  title(
    b,
    `ผลการประเมิน ITA รายหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${s.year}`,
    `${s.units} หน่วยงาน เรียงตามคะแนนรวม · กดปุ่มลูกศรที่หัวคอลัมน์เพื่อเรียงหรือกรอง · ชีตนี้สร้างใหม่ทุกครั้งที่รวมผล`,
    12,
  );
  const header = b.add(UNIT_HEADER, STYLES.header);
  b.rowHeight(header, HEADER_HEIGHT * 1.5);
  s.ranked.forEach((r, k) => {
    b.add([
      k + 1,
      r.unit,
      r.total,
      r.result,
      r.tools.IIT,
      r.tools.EIT,
      r.tools.OIT,
      r.type,
      r.district,
      r.province,
      String(r.year),
      ...r.indicators,
      r.change,
      r.previousResult,
      r.urgent.length,
      r.doneShare,
      r.uncovered.join(", ") || null,
      r.row !== undefined ? `${r.file} แถว ${r.row}` : r.file,
    ]);
  });
  const last = b.height - 1;
  if (s.ranked.length) {
    b.style(rect(header + 1, 0, last, width - 1), { border: true, vAlign: "top" });
    b.style(rect(header + 1, 2, last, 2), { ...STYLES.score, bold: true });
    b.style(rect(header + 1, 4, last, 6), STYLES.score);
    b.style(rect(header + 1, 11, last, 20), STYLES.score);
    b.style(rect(header + 1, 21, last, 21), { numberFormat: CHANGE_FORMAT });
    b.style(rect(header + 1, 24, last, 24), { numberFormat: PERCENT_FORMAT });
    b.style(rect(header + 1, 0, last, 0), STYLES.center);
    b.style(rect(header + 1, 10, last, 10), STYLES.center);
    b.chart({
      id: "unitTotals",
      kind: "columnClustered",
      title: `คะแนนรวมของหน่วยงาน ปี ${s.year} (เรียงจากมากไปน้อย)`,
      data: rect(header, 1, last, 2),
      at: rect(0, width + 1, 20, width + 12),
      valueAxis: { min: 0, max: 100, title: "คะแนน" },
    });
  }
  new SheetStack(spec).stack(b);
  spec.autoFilter = a1Range(header, 0, Math.max(last, header + 1), width - 1);
  spec.columnWidths = [8, 40, 11, 20, 9, 9, 9, 22, 16, 14, 11, ...Array(10).fill(10), 12, 14, 14, 13, 18, 40];
  spec.freezeRows = header + 1;
  spec.print = { orientation: "landscape", fitToWidth: true, repeatRows: `${header + 1}:${header + 1}` };
  spec.rowHeight = ROW_HEIGHT;
  return spec;
}

function table(
  b: Block,
  head: (string | null)[],
  rows: (string | number | null)[][],
  formats: Record<number, string> = {},
): void {
  const h = b.add(head, STYLES.header);
  b.rowHeight(h, HEADER_HEIGHT);
  for (const r of rows) b.add(r);
  const last = b.height - 1;
  if (rows.length) {
    b.style(rect(h + 1, 0, last, head.length - 1), STYLES.table);
    for (const [col, fmt] of Object.entries(formats))
      b.style(rect(h + 1, Number(col), last, Number(col)), { numberFormat: fmt, hAlign: "right" });
  }
}

function overviewSheet(s: Summary, duplicates: Duplicate[], failures: number): SheetSpec {
  const spec = emptySheet(SUMMARY_SHEETS.overview, "generated");
  spec.font = SHEET_FONT;
  spec.tabColor = PALETTE.title;
  const W = 8;
  const stack = new SheetStack(spec);
  const head = new Block();
  title(
    head,
    `สรุปผลการประเมิน ITA ของหน่วยงานในพื้นที่/ในสังกัด ประจำปีงบประมาณ พ.ศ. ${s.year}`,
    `${s.units} หน่วยงาน · คะแนนรวมเฉลี่ย ${s.meanTotal.toFixed(2)} · ผ่านเกณฑ์ ${s.passMark} คะแนน ${s.passed} หน่วยงาน` +
      (failures ? ` · ไฟล์ที่วิเคราะห์ไม่ได้ ${failures} ไฟล์` : "") +
      (duplicates.length ? ` · หน่วยงานที่ส่งซ้ำ ${duplicates.length} รายการ` : ""),
    W,
  );
  stack.stack(head);

  // units per result
  const res = new Block();
  res.section(s.usesRating ? "จำนวนหน่วยงานตามผลการประเมิน" : "จำนวนหน่วยงานตามระดับผลการประเมิน", W, STYLES.section);
  table(
    res,
    ["ผลการประเมิน", "จำนวนหน่วยงาน", "ร้อยละ"],
    s.results.map((label, i) => [label, s.byResult[i], s.units ? s.byResult[i] / s.units : 0]),
    { 2: PERCENT_FORMAT },
  );
  stack.stack(res);

  // per district, stacked chart
  const dist = new Block();
  dist.section("จำนวนหน่วยงานตามผลการประเมิน รายอำเภอ", W, STYLES.section);
  const dh = dist.height;
  table(
    dist,
    ["อำเภอ", ...s.results, "รวม", "คะแนนรวมเฉลี่ย"],
    s.byDistrict.map((g) => [g.name, ...g.byResult, g.units, g.meanTotal]),
    { [s.results.length + 2]: SCORE_FORMAT },
  );
  if (s.byDistrict.length)
    dist.chart({
      id: "ratingsByDistrict",
      kind: "columnStacked",
      title: "ผลการประเมินรายอำเภอ (จำนวนหน่วยงาน)",
      data: rect(dh, 0, dist.height - 1, s.results.length),
      at: rect(dh, s.results.length + 4, dh + 18, s.results.length + 12),
      valueAxis: { min: 0, title: "จำนวนหน่วยงาน" },
      seriesColors: RESULT_COLORS,
    });
  const distTop = stack.stack(dist);
  // the chart is 19 rows tall from the table's header: keep the next section below it
  while (stack.row < distTop + dh + 20) spec.rows.push([]);

  const type = new Block();
  type.section("จำนวนหน่วยงานตามผลการประเมิน รายประเภทหน่วยงาน", W, STYLES.section);
  table(
    type,
    ["ประเภทหน่วยงาน", ...s.results, "รวม", "คะแนนรวมเฉลี่ย"],
    s.byType.map((g) => [g.name, ...g.byResult, g.units, g.meanTotal]),
    { [s.results.length + 2]: SCORE_FORMAT },
  );
  stack.stack(type);

  // means per tool and indicator, with the pass line
  const tools = new Block();
  tools.section("คะแนนเฉลี่ยของกลุ่ม รายเครื่องมือ", W, STYLES.section);
  table(tools, ["เครื่องมือ", "คะแนนเฉลี่ย"], [["คะแนนรวม", s.meanTotal], ...TOOL_IDS.map((t) => [t, s.meanTools[t]])], {
    1: SCORE_FORMAT,
  });
  stack.stack(tools);

  const ind = new Block();
  ind.section("คะแนนเฉลี่ยรายตัวชี้วัด และสัดส่วนหน่วยงานที่ตัวชี้วัดนั้นต่ำกว่าเกณฑ์", W, STYLES.section);
  const ih = ind.height;
  table(
    ind,
    ["ตัวชี้วัด", "คะแนนเฉลี่ย", "เกณฑ์ผ่าน", "เครื่องมือ", "หน่วยงานที่ต่ำกว่าเกณฑ์", "ร้อยละ"],
    s.indicators.map((i) => [`${i.no}. ${i.name}`, i.mean, s.passMark, i.tool, i.weak, i.weakShare]),
    { 1: SCORE_FORMAT, 5: PERCENT_FORMAT },
  );
  ind.chart({
    id: "indicatorMeans",
    kind: "columnClustered",
    title: `คะแนนเฉลี่ยรายตัวชี้วัด เทียบเกณฑ์ผ่าน ${s.passMark} คะแนน`,
    data: rect(ih, 0, ih + s.indicators.length, 2),
    lineSeries: [1],
    at: rect(ih, 7, ih + 18, 15),
    valueAxis: { min: 0, max: 100, title: "คะแนน" },
  });
  const indTop = stack.stack(ind);
  while (stack.row < indTop + ih + 20) spec.rows.push([]);

  const weak = new Block();
  weak.section("ตัวชี้วัดที่หน่วยงานต่ำกว่าเกณฑ์มากที่สุด", W, STYLES.section);
  const byNo = new Map(s.indicators.map((i) => [i.no, i]));
  if (!s.mostOftenWeak.length) weak.add(["ไม่มีตัวชี้วัดที่ต่ำกว่าเกณฑ์"], STYLES.note, 1);
  for (const no of s.mostOftenWeak) {
    const i = byNo.get(no)!;
    weak.add([`ตัวชี้วัดที่ ${no} ${i.name}: ${i.weak} หน่วยงาน (ร้อยละ ${(i.weakShare * 100).toFixed(2)})`], undefined, 1);
  }
  stack.stack(weak);

  const dec = new Block();
  dec.section(`หน่วยงานที่ผลการประเมินลดลง หรือคะแนนรวมลดลงตั้งแต่ 5 คะแนน`, W, STYLES.section);
  if (!s.declined.length) dec.add(["ไม่มีหน่วยงานที่ผลการประเมินหรือคะแนนลดลงถึงเกณฑ์"], STYLES.note, 1);
  else
    table(
      dec,
      ["หน่วยงาน", "อำเภอ", "คะแนนปีก่อน", "คะแนนปีนี้", "เปลี่ยนแปลง", "ผลปีก่อน", "ผลปีนี้"],
      s.declined.map((d) => [d.unit, d.district, d.previousTotal, d.total, d.change, d.previousResult, d.result]),
      { 2: SCORE_FORMAT, 3: SCORE_FORMAT, 4: CHANGE_FORMAT },
    );
  stack.stack(dec);

  const near = new Block();
  near.section("หน่วยงานที่ใกล้ผลการประเมินระดับถัดไป (เพิ่มคะแนนตัวชี้วัดรวมไม่เกิน 5 คะแนน)", W, STYLES.section);
  if (!s.nearNext.length) near.add(["ไม่มีหน่วยงานที่ใกล้ระดับถัดไปตามเกณฑ์นี้"], STYLES.note, 1);
  else
    table(
      near,
      ["หน่วยงาน", "อำเภอ", "ผลปัจจุบัน", "ระดับถัดไป", "คะแนนที่ต้องเพิ่ม (รวม)", "ตัวชี้วัดที่ต้องเพิ่ม"],
      s.nearNext.map((n) => [n.unit, n.district, n.result, n.target, n.gain, n.indicators.join(", ")]),
      { 4: SCORE_FORMAT },
    );
  stack.stack(near);

  if (duplicates.length) {
    const dup = new Block();
    dup.section("หน่วยงานที่ส่งไฟล์ซ้ำ (ชื่อและปีเดียวกัน)", W, STYLES.section);
    table(
      dup,
      ["หน่วยงาน", "ปี", "ไฟล์ที่ใช้", "ไฟล์ที่ไม่ใช้", "ตัดสินจาก"],
      duplicates.map((d) => [
        d.unit,
        String(d.year),
        d.used,
        d.ignored.join(", "),
        d.by === "data" ? "ข้อมูลในไฟล์ใหม่กว่า" : d.by === "modified" ? "วันที่แก้ไขไฟล์" : "ลำดับไฟล์",
      ]),
    );
    stack.stack(dup);
  }
  spec.columnWidths = [34, 16, 13, 13, 14, 14, 14, 14, 14];
  spec.freezeRows = 2;
  spec.print = { orientation: "landscape", fitToWidth: true };
  spec.rowHeight = ROW_HEIGHT;
  return fitRowHeights(spec);
}

/** The summary's sheets: the overview first, then the unit rows. */
export function summarySheets(s: Summary, duplicates: Duplicate[] = [], failures = 0): SheetSpec[] {
  return [overviewSheet(s, duplicates, failures), unitsSheet(s)];
}
