/**
 * The short Thai summary report of many units (.docx through src/docx, the same conventions as
 * the unit reports: numbered headings, Thai digits, tables with captions, native charts):
 * "สรุปผลการประเมิน ITA ของหน่วยงานในพื้นที่/ในสังกัด ประจำปีงบประมาณ …", the tables of the
 * summary and a paragraph per finding.
 */
import { TOOL_IDS } from "../core/types";
import {
  formatNumber,
  formatPercent,
  formatScore,
  formatThaiMonthYear,
  formatYear,
  joinThai,
  applyDigits,
  type Digits,
} from "../report/thaiFormat";
import type { ReportChart, ReportDocument, TableInput } from "../report/types";
import { BlockWriter, cell, headerRow } from "../report/writer";
import type { Duplicate, Summary } from "./summary";

export const SUMMARY_TITLE = ["สรุปผลการประเมิน ITA ของหน่วยงานในพื้นที่/ในสังกัด"];

const RESULT_COLORS = ["1F4E79", "2E75B6", "70AD47", "FFC000", "C00000", "7F6000", "7030A0"];

export interface SummaryDocOptions {
  /** The receiving office, printed under the title (e.g. "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น"). */
  office?: string;
  date?: Date;
  digits?: Digits;
}

export function summaryDocument(s: Summary, duplicates: Duplicate[], options: SummaryDocOptions = {}): ReportDocument {
  const digits = options.digits ?? "thai";
  const d = (t: string) => applyDigits(t, digits);
  const n = (x: number) => formatNumber(x, digits, 0);
  const score = (x: number) => formatScore(x, digits);
  const pct = (x: number) => formatPercent(x, digits);
  const w = new BlockWriter(digits);
  const year = formatYear(s.year, digits);
  let tableNo = 0;
  const caption = (text: string) => d(`ตารางที่ ${++tableNo} ${text}`);

  w.heading("ภาพรวม");
  w.para(
    `ในปีงบประมาณ พ.ศ. ${year} มีหน่วยงานที่นำมาสรุปผลทั้งสิ้น ${n(s.units)} หน่วยงาน คะแนนรวมเฉลี่ย ${score(s.meanTotal)} คะแนน ` +
      `(IIT ${score(s.meanTools.IIT)} EIT ${score(s.meanTools.EIT)} OIT ${score(s.meanTools.OIT)}) ` +
      `ผ่านเกณฑ์ ${n(s.passMark)} คะแนนขึ้นไป ${n(s.passed)} หน่วยงาน คิดเป็นร้อยละ ${pct(s.units ? s.passed / s.units : 0)}`,
  );
  const results: TableInput = {
    kind: "table",
    id: "summaryResults",
    caption: caption(s.usesRating ? "จำนวนหน่วยงานตามผลการประเมิน" : "จำนวนหน่วยงานตามระดับผลการประเมิน"),
    header: [headerRow(["ผลการประเมิน", "จำนวนหน่วยงาน", "ร้อยละ"])],
    rows: [
      ...s.results.map((label, i) => ({
        cells: [cell(label), cell(n(s.byResult[i])), cell(pct(s.units ? s.byResult[i] / s.units : 0))],
      })),
      { cells: [cell("รวม"), cell(n(s.units)), cell(pct(s.units ? 1 : 0))], total: true },
    ],
    align: ["left", "right", "right"],
  };
  w.table(results);

  w.heading("ผลการประเมินรายอำเภอและรายประเภทหน่วยงาน");
  const groupTable = (id: string, label: string, groups: Summary["byDistrict"]): TableInput => ({
    kind: "table",
    id,
    caption: caption(`จำนวนหน่วยงานตามผลการประเมิน ราย${label}`),
    header: [headerRow([label, ...s.results, "รวม", "คะแนนเฉลี่ย"])],
    rows: groups.map((g) => ({
      cells: [cell(g.name), ...g.byResult.map((x) => cell(n(x))), cell(n(g.units)), cell(score(g.meanTotal))],
    })),
    align: ["left", ...s.results.map(() => "right" as const), "right", "right"],
  });
  w.table(groupTable("summaryDistricts", "อำเภอ", s.byDistrict));
  w.table(groupTable("summaryTypes", "ประเภทหน่วยงาน", s.byType));

  w.heading("คะแนนเฉลี่ยรายตัวชี้วัด");
  const ind: TableInput = {
    kind: "table",
    id: "summaryIndicators",
    caption: caption("คะแนนเฉลี่ยรายตัวชี้วัด และหน่วยงานที่ได้คะแนนต่ำกว่าเกณฑ์"),
    header: [headerRow(["ตัวชี้วัด", "เครื่องมือ", "คะแนนเฉลี่ย", "หน่วยงานที่ต่ำกว่าเกณฑ์", "ร้อยละ"])],
    rows: [
      ...s.indicators.map((i) => ({
        cells: [
          cell(d(`${i.no}. ${i.name}`)),
          cell(i.tool),
          cell(score(i.mean)),
          cell(n(i.weak)),
          cell(pct(i.weakShare)),
        ],
      })),
      ...TOOL_IDS.map((t) => ({
        cells: [cell(`เฉลี่ย ${t}`), cell(t), cell(score(s.meanTools[t])), cell(""), cell("")],
        total: true,
      })),
    ],
    align: ["left", "center", "right", "right", "right"],
  };
  w.table(ind);
  if (s.mostOftenWeak.length) {
    const byNo = new Map(s.indicators.map((i) => [i.no, i]));
    w.para(
      `ตัวชี้วัดที่หน่วยงานได้คะแนนต่ำกว่าเกณฑ์มากที่สุด ได้แก่ ${joinThai(
        s.mostOftenWeak.map((no) => {
          const i = byNo.get(no)!;
          return `ตัวชี้วัดที่ ${d(String(no))} ${i.name} (${n(i.weak)} หน่วยงาน ร้อยละ ${pct(i.weakShare)})`;
        }),
      )} ควรเป็นประเด็นที่ส่งเสริมและพัฒนาร่วมกันในปีถัดไป`,
    );
  } else w.para("ไม่มีตัวชี้วัดใดที่หน่วยงานได้คะแนนต่ำกว่าเกณฑ์");

  w.heading("หน่วยงานที่ผลการประเมินลดลง");
  if (!s.declined.length)
    w.para("ไม่มีหน่วยงานที่ผลการประเมินลดลง หรือคะแนนรวมลดลงตั้งแต่ ๕ คะแนนเมื่อเทียบกับปีก่อน".replace("๕", d("5")));
  else {
    w.para(
      `มีหน่วยงานที่ผลการประเมินลดลง หรือคะแนนรวมลดลงตั้งแต่ ${d("5")} คะแนนเมื่อเทียบกับปีก่อน จำนวน ${n(s.declined.length)} หน่วยงาน ควรติดตามสาเหตุและให้คำแนะนำ`,
    );
    w.table({
      kind: "table",
      id: "summaryDeclined",
      caption: caption("หน่วยงานที่ผลการประเมินหรือคะแนนลดลง"),
      header: [headerRow(["หน่วยงาน", "อำเภอ", "คะแนนปีก่อน", "คะแนนปีนี้", "เปลี่ยนแปลง", "ผลปีก่อน", "ผลปีนี้"])],
      rows: s.declined.map((x) => ({
        cells: [
          cell(x.unit),
          cell(x.district ?? "-"),
          cell(score(x.previousTotal)),
          cell(score(x.total)),
          cell(formatNumber(x.change, digits, 2)),
          cell(x.previousResult),
          cell(x.result),
        ],
      })),
      align: ["left", "left", "right", "right", "right", "center", "center"],
    });
  }

  w.heading("หน่วยงานที่ใกล้ผลการประเมินระดับถัดไป");
  if (!s.nearNext.length) w.para(d("ไม่มีหน่วยงานที่เพิ่มคะแนนตัวชี้วัดรวมไม่เกิน 5 คะแนนแล้วจะได้ผลการประเมินระดับถัดไป"));
  else {
    w.para(
      d(
        `มีหน่วยงาน ${s.nearNext.length} หน่วยงานที่หากเพิ่มคะแนนตัวชี้วัดรวมกันไม่เกิน 5 คะแนน จะได้ผลการประเมินระดับถัดไป (คำนวณด้วยเส้นทางที่ใช้คะแนนน้อยที่สุด)`,
      ),
    );
    w.table({
      kind: "table",
      id: "summaryNearNext",
      caption: caption("หน่วยงานที่ใกล้ผลการประเมินระดับถัดไป"),
      header: [headerRow(["หน่วยงาน", "อำเภอ", "ผลปัจจุบัน", "ระดับถัดไป", "คะแนนที่ต้องเพิ่ม", "ตัวชี้วัด"])],
      rows: s.nearNext.map((x) => ({
        cells: [
          cell(x.unit),
          cell(x.district ?? "-"),
          cell(x.result),
          cell(x.target),
          cell(score(x.gain)),
          cell(d(x.indicators.join(", "))),
        ],
      })),
      align: ["left", "left", "center", "center", "right", "center"],
    });
  }
  if (duplicates.length)
    w.note(
      d(
        `หมายเหตุ: มีหน่วยงานที่ส่งข้อมูลซ้ำ (ชื่อหน่วยงานและปีเดียวกัน) ${duplicates.length} รายการ ใช้ข้อมูลจากไฟล์ที่ใหม่กว่า รายละเอียดอยู่ในชีต 'สรุปภาพรวม'`,
      ),
    );

  const charts: ReportChart[] = [
    {
      id: "ratingsByDistrict",
      afterTable: "summaryDistricts",
      kind: "columnStacked",
      title: "ผลการประเมินรายอำเภอ (จำนวนหน่วยงาน)",
      categories: s.byDistrict.map((g) => g.name),
      series: s.results.map((label, i) => ({ name: label, values: s.byDistrict.map((g) => g.byResult[i]) })),
      valueAxis: { min: 0, title: "จำนวนหน่วยงาน" },
      seriesColors: RESULT_COLORS,
    },
    {
      id: "indicatorMeans",
      afterTable: "summaryIndicators",
      kind: "columnClustered",
      title: d(`คะแนนเฉลี่ยรายตัวชี้วัด เทียบเกณฑ์ผ่าน ${s.passMark} คะแนน`),
      categories: s.indicators.map((i) => d(String(i.no))),
      series: [
        { name: "คะแนนเฉลี่ย", values: s.indicators.map((i) => i.mean) },
        { name: "เกณฑ์ผ่าน", values: s.indicators.map(() => s.passMark) },
      ],
      lineSeries: [1],
      valueAxis: { min: 0, max: 100, title: "คะแนน" },
      categoryAxisTitle: "ตัวชี้วัดที่",
    },
  ];
  const provinces = [...new Set(s.ranked.map((r) => r.province).filter((p): p is string => !!p))];
  return {
    id: "summary",
    shortTitle: d(`สรุปผล ITA ${s.year}`),
    title: {
      lines: [...SUMMARY_TITLE, d(`ประจำปีงบประมาณ พ.ศ. ${s.year}`)],
      unit: options.office ?? d(`หน่วยงานจำนวน ${s.units} หน่วยงาน`),
      place: provinces.length === 1 ? `จังหวัด${provinces[0]}` : "",
      date: formatThaiMonthYear(options.date ?? new Date(), digits),
    },
    blocks: w.blocks,
    charts: s.units ? charts : [],
  };
}
