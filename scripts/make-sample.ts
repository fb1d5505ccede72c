/**
 * Builds samples/ita-sample.xlsx: the bundled sample workbook of a fictional unit, in the
 * fixed layout, made from the template so that it always matches it.
 * Run: npx tsx scripts/make-sample.ts
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { SCORE_TEMPLATE, MEASURES_TEMPLATE, templateSheets } from "../src/layout/template";
import type { SheetSpec } from "../src/layout/sheetSpec";
import { createWorkbook } from "../src/xlsx";

/** Fictional scores, indicators 1–10, by fiscal year (the 2565 column is left blank). */
export const SAMPLE_SCORES: Record<number, number[]> = {
  2566: [93.41, 90.12, 91.08, 88.6, 92.75, 84.2, 79.55, 80.02, 88.5, 95.0],
  2567: [95.02, 92.3, 93.14, 90.45, 93.8, 85.9, 80.1, 79.64, 92.75, 100.0],
  2568: [96.5, 93.85, 92.6, 90.1, 95.2, 87.35, 77.9, 75.2, 96.25, 100.0],
  2569: [96.12, 94.8, 93.5, 91.25, 95.4, 86.5, 78.4, 68.9, 95.0, 81.25],
};

/** Published totals typed by the unit for cross-checking. */
export const SAMPLE_PUBLISHED: Record<number, number> = { 2568: 91.39, 2569: 86.89 };

export const SAMPLE_MEASURES: string[][] = [
  [
    "1",
    "7",
    "มาตรการเผยแพร่ข้อมูลข่าวสารและช่องทางการติดต่อที่เข้าถึงง่าย",
    "1) ปรับปรุงหน้าเว็บไซต์และเพจให้มีข้อมูลการให้บริการครบถ้วน 2) จัดทำแผ่นพับขั้นตอนการให้บริการ 3) ประชาสัมพันธ์ช่องทางสอบถามออนไลน์",
    "ต.ค. 2569 – มี.ค. 2570",
    "สำนักปลัด",
    "รายงานผลรอบ 6 เดือนและ 12 เดือน",
    "ดำเนินการเสร็จเรียบร้อยแล้ว",
    "เว็บไซต์และแผ่นพับฉบับปรับปรุง 1 ชุด",
    "ผู้รับบริการเข้าถึงข้อมูลได้สะดวกขึ้น",
    "https://www.example.go.th/ita/2570/service-info",
    "",
  ],
  [
    "2",
    "10",
    "มาตรการป้องกันการทุจริตและเผยแพร่ผลการดำเนินงานตามแผน",
    "1) ทบทวนแผนปฏิบัติการป้องกันการทุจริต 2) รายงานผลการดำเนินงานรอบ 6 เดือน 3) เผยแพร่บนเว็บไซต์ของหน่วยงาน",
    "ต.ค. 2569 – ก.ย. 2570",
    "สำนักปลัด / กองคลัง",
    "รายงานผู้บริหารทุกไตรมาส",
    "อยู่ระหว่างดำเนินการ",
    "แผนและรายงานผลที่เผยแพร่บนเว็บไซต์",
    "ข้อมูลการป้องกันการทุจริตครบตามเกณฑ์ OIT",
    "รายงานผลรอบ 6 เดือน https://www.example.go.th/ita/2570/anti-corruption-plan-report-6-months.pdf",
    "",
  ],
  [
    "3",
    "4",
    "มาตรการควบคุมการใช้ทรัพย์สินของราชการ",
    "1) จัดทำแนวปฏิบัติการยืมและคืนทรัพย์สิน 2) ชี้แจงบุคลากรทุกส่วนราชการ",
    "ม.ค. – มี.ค. 2570",
    "กองคลัง",
    "ตรวจสอบทะเบียนการยืมทุก 6 เดือน",
    "กำลังดำเนินการ",
    "แนวปฏิบัติ 1 ฉบับ",
    "การยืมและคืนทรัพย์สินมีหลักฐานตรวจสอบได้ทุกรายการ",
    "",
    "",
  ],
  [
    "4",
    "6, 7",
    "มาตรการยกระดับคุณภาพการให้บริการประชาชน",
    "1) สำรวจความพึงพอใจผู้รับบริการ 2) ลดขั้นตอนการให้บริการ ณ จุดเดียว",
    "เม.ย. – ก.ย. 2570",
    "ทุกกอง",
    "สรุปผลการสำรวจเสนอผู้บริหาร",
    "ยังไม่ดำเนินการ",
    "",
    "",
    "",
    "รองบประมาณปี 2570",
  ],
];

export async function buildSample(): Promise<Uint8Array> {
  const [scores, measures, settings] = templateSheets();
  const years = (scores.rows[SCORE_TEMPLATE.headerRow - 1] as unknown[]).slice(2) as number[];
  scores.rows[2][1] = "องค์การบริหารส่วนตำบลบ้านตัวอย่าง";
  scores.rows[3][1] = "เมืองตัวอย่าง";
  scores.rows[4][1] = "ขอนแก่น";
  scores.rows[5][1] = "องค์การบริหารส่วนตำบล";
  years.forEach((year, k) => {
    const col = 2 + k;
    const values = SAMPLE_SCORES[year];
    if (values) values.forEach((v, i) => (scores.rows[SCORE_TEMPLATE.firstIndicatorRow - 1 + i][col] = v));
    if (SAMPLE_PUBLISHED[year] !== undefined)
      scores.rows[SCORE_TEMPLATE.publishedRow - 1][col] = SAMPLE_PUBLISHED[year];
  });
  SAMPLE_MEASURES.forEach((m, i) => (measures.rows[MEASURES_TEMPLATE.headerRow + i] = m));
  const setRow = (label: string, value: string) => {
    const row = settings.rows.find((r) => r[0] === label);
    if (row) row[1] = value;
  };
  setRow("ผู้จัดทำรายงาน", "นางสาวสมใจ ใจดี");
  setRow("ตำแหน่งผู้จัดทำ", "หัวหน้าสำนักปลัด");
  setRow("ผู้อนุมัติ", "นายสมชาย รักษ์ถิ่น");
  setRow("ตำแหน่งผู้อนุมัติ", "นายกองค์การบริหารส่วนตำบลบ้านตัวอย่าง");
  const sheets: SheetSpec[] = [scores, measures, settings];
  return createWorkbook(sheets);
}

if (require.main === module) {
  const out = path.join(__dirname, "..", "samples", "ita-sample.xlsx");
  buildSample()
    .then((bytes) => fs.writeFile(out, bytes))
    .then(() => console.log(`written ${out}`));
}
