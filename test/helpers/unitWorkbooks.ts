/**
 * Generated unit workbooks in our layout, for the consolidation tests and the bench: real .xlsx
 * files written by the product's own writer (input sheets from the template, optionally with the
 * generated analysis sheets as a unit that ran the analysis would share them).
 */
import { MEASURES_TEMPLATE, SCORE_TEMPLATE, templateSheets } from "../../src/layout/template";
import { runPipeline } from "../../src/pipeline";
import { createWorkbook, readWorkbook, writeGeneratedSheets } from "../../src/xlsx";
import type { Cell } from "../../src/layout/sheetSpec";

export interface UnitSpec {
  name: string;
  district?: string;
  province?: string;
  type?: string;
  /** Scores by year header (a header may be a C.E. year or Thai digits text), ten per year. */
  years: Array<{ header: Cell; scores: Cell[] }>;
  measures?: Array<{ indicators: string; status: string }>;
  /** Add the generated analysis sheets (ผลวิเคราะห์ ITA, แนวโน้ม ITA, รายงาน ITA), as shared workbooks have. */
  analysed?: boolean;
}

export async function unitWorkbook(u: UnitSpec): Promise<Uint8Array> {
  const [scores, measures, settings] = templateSheets();
  scores.rows[2][1] = u.name;
  scores.rows[3][1] = u.district ?? null;
  scores.rows[4][1] = u.province ?? null;
  scores.rows[5][1] = u.type ?? null;
  const h = SCORE_TEMPLATE.headerRow - 1;
  scores.rows[h] = [scores.rows[h][0], scores.rows[h][1], ...u.years.map((y) => y.header)];
  for (let i = 0; i < 10; i++) {
    const r = SCORE_TEMPLATE.firstIndicatorRow - 1 + i;
    scores.rows[r] = [scores.rows[r][0], scores.rows[r][1], ...u.years.map((y) => y.scores[i])];
  }
  (u.measures ?? []).forEach((m, i) => {
    measures.rows[MEASURES_TEMPLATE.headerRow + i] = [
      i + 1,
      m.indicators,
      `มาตรการที่ ${i + 1}`,
      "ขั้นตอนการดำเนินงาน",
      "ต.ค. 2568 – ก.ย. 2569",
      "สำนักปลัด",
      "รายงานผลรอบ 6 และ 12 เดือน",
      m.status,
    ];
  });
  const bytes = await createWorkbook([scores, measures, settings]);
  if (!u.analysed) return bytes;
  const read = await readWorkbook(bytes);
  if (!read.ok) throw new Error("generated workbook unreadable");
  const run = runPipeline(read.sheets, { facts: read.facts, date: new Date(2025, 9, 1) });
  if (!run.ok) throw new Error(`generated workbook does not analyse: ${run.errors.map((e) => e.code).join(", ")}`);
  return writeGeneratedSheets(bytes, run.sheets);
}

export const DISTRICTS = ["เมืองขอนแก่น", "บ้านไผ่", "ชุมแพ", "น้ำพอง", "พล"];
export const TYPES = ["องค์การบริหารส่วนตำบล", "เทศบาลตำบล", "เทศบาลเมือง"];

/** A random unit with two years (2567, 2568) of realistic scores and a few measures. */
export function randomUnit(rand: () => number, k: number): UnitSpec {
  const score = (lo: number) => Math.round((lo + rand() * (100 - lo)) * 100) / 100;
  const statuses = ["ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการเสร็จเรียบร้อยแล้ว"];
  return {
    name: `องค์การบริหารส่วนตำบลที่ ${k + 1}`,
    district: DISTRICTS[k % DISTRICTS.length],
    province: "ขอนแก่น",
    type: TYPES[k % TYPES.length],
    years: [2567, 2568].map((y) => ({
      header: y,
      scores: Array.from({ length: 10 }, () => score(y === 2568 ? 65 : 60)),
    })),
    measures: Array.from({ length: 2 + Math.floor(rand() * 6) }, () => ({
      indicators: String(1 + Math.floor(rand() * 10)),
      status: statuses[Math.floor(rand() * 3)],
    })),
  };
}
