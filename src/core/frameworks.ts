/**
 * The ITA frameworks as data: one record per range of fiscal years (B.E.).
 * Facts and confidence from shared/ita-framework.md. Change a framework here, nowhere else.
 */
import { normThai } from "./thaiText";
import type { Framework, FrameworkIndicator, GradeBand, RatingRule, ToolId } from "./types";

/**
 * The pass-level rating from 2566 (medium confidence: secondary sources and one university's tool).
 * ผ่าน is "total ≥ 85 but some tool < 85": listed after ผ่านดี, the first rule met decides.
 */
export const RATING_RULES_2566: readonly RatingRule[] = [
  { rating: "ผ่านดีเยี่ยม", minTotal: 95, minTools: { IIT: 95, EIT: 95, OIT: 95 } },
  { rating: "ผ่านดี", minTotal: 85, minTools: { IIT: 85, EIT: 85, OIT: 85 } },
  { rating: "ผ่าน", minTotal: 85, minTools: {} },
  { rating: "ต้องปรับปรุง", minTotal: 70, minTools: {} },
  { rating: "ต้องปรับปรุงโดยด่วน", minTotal: 0, minTools: {} },
];

export const TOOL_NAMES: Record<ToolId, { th: string; en: string }> = {
  IIT: { th: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", en: "Internal Integrity and Transparency Assessment" },
  EIT: { th: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", en: "External Integrity and Transparency Assessment" },
  OIT: { th: "แบบตรวจการเปิดเผยข้อมูลสาธารณะ", en: "Open Data Integrity and Transparency Assessment" },
};

const INDICATORS_2562: FrameworkIndicator[] = [
  { no: 1, name: "การปฏิบัติหน้าที่", aliases: [], tool: "IIT" },
  { no: 2, name: "การใช้งบประมาณ", aliases: [], tool: "IIT" },
  { no: 3, name: "การใช้อำนาจ", aliases: [], tool: "IIT" },
  { no: 4, name: "การใช้ทรัพย์สินของราชการ", aliases: ["การใช้ทรัพย์สินของทางราชการ"], tool: "IIT" },
  { no: 5, name: "การแก้ไขปัญหาการทุจริต", aliases: [], tool: "IIT" },
  { no: 6, name: "คุณภาพการดำเนินงาน", aliases: [], tool: "EIT" },
  { no: 7, name: "ประสิทธิภาพการสื่อสาร", aliases: [], tool: "EIT" },
  { no: 8, name: "การปรับปรุงการทำงาน", aliases: ["การปรับปรุงระบบการทำงาน"], tool: "EIT" },
  { no: 9, name: "การเปิดเผยข้อมูล", aliases: [], tool: "OIT" },
  { no: 10, name: "การป้องกันการทุจริต", aliases: [], tool: "OIT" },
];

/** The letter bands (AA … F), best first. */
export const LETTER_GRADES: GradeBand[] = [
  { grade: "AA", min: 95 },
  { grade: "A", min: 85 },
  { grade: "B", min: 75 },
  { grade: "C", min: 65 },
  { grade: "D", min: 55 },
  { grade: "E", min: 50 },
  { grade: "F", min: 0 },
];

const WEIGHTS_30_30_40: Record<ToolId, number> = { IIT: 0.3, EIT: 0.3, OIT: 0.4 };

export const FRAMEWORKS: readonly Framework[] = [
  {
    id: "ITA-2562",
    fromYear: 2562,
    toYear: 2562,
    title: "กรอบการประเมิน ITA ปี พ.ศ. 2562",
    indicators: INDICATORS_2562,
    weights: WEIGHTS_30_30_40,
    grades: LETTER_GRADES,
    passMark: 85,
    usesRating: false,
    ratings: null,
    confidence: { indicators: "medium", weights: "medium", levels: "medium" },
    source: "The 10-indicator IIT/EIT/OIT framework began in 2562; taken to match 2563–2565 (no 2562 manual checked).",
    origin: "builtin",
  },
  {
    id: "ITA-2563-2565",
    fromYear: 2563,
    toYear: 2565,
    title: "กรอบการประเมิน ITA ปี พ.ศ. 2563–2565",
    indicators: INDICATORS_2562,
    weights: WEIGHTS_30_30_40,
    grades: LETTER_GRADES,
    passMark: 85,
    usesRating: false,
    ratings: null,
    confidence: { indicators: "high", weights: "high", levels: "high" },
    source: "NACC ITA manuals 2563–2565; checked on ทต.ท่าแร่ 2565 (94.23, A).",
    origin: "builtin",
  },
  {
    id: "ITA-2566",
    fromYear: 2566,
    toYear: 2566,
    title: "กรอบการประเมิน ITA ปี พ.ศ. 2566",
    indicators: INDICATORS_2562,
    weights: WEIGHTS_30_30_40,
    grades: LETTER_GRADES,
    passMark: 85,
    usesRating: true,
    ratings: RATING_RULES_2566,
    confidence: { indicators: "high", weights: "low", levels: "medium" },
    source:
      "Indicators as 2563–2565; pass-level rating from 2566 (NACC board decision of 8 June 2566, applied from the 2566 results; national press: pass 85, excellent 95; a public broadcaster's 2566 total 95.81 was rated ผ่านดี), thresholds medium; weights 30/30/40 assumed (no 2566 manual found).",
    origin: "builtin",
  },
  {
    id: "ITA-2567-2569",
    fromYear: 2567,
    toYear: 2569,
    title: "กรอบการประเมิน ITA ปี พ.ศ. 2567 เป็นต้นไป",
    indicators: INDICATORS_2562,
    weights: WEIGHTS_30_30_40,
    grades: LETTER_GRADES,
    passMark: 85,
    usesRating: true,
    ratings: RATING_RULES_2566,
    confidence: { indicators: "medium", weights: "low", levels: "medium" },
    source:
      "Pass-level rating as from 2566 (secondary sources agree); weights 30/30/40 assumed (one university tool applies them for 2567).",
    origin: "builtin",
  },
];

export interface FrameworkChoice {
  framework: Framework;
  /** True when the year is newer than every record and the latest was used. */
  beyondRegistry: boolean;
  /** True when the year is older than every record and the oldest was used. */
  beforeRegistry: boolean;
}

/** The framework that applies to a fiscal year (B.E.). */
export function frameworkForYear(year: number): FrameworkChoice {
  const found = FRAMEWORKS.find((f) => year >= f.fromYear && year <= f.toYear);
  if (found) return { framework: found, beyondRegistry: false, beforeRegistry: false };
  const latest = FRAMEWORKS[FRAMEWORKS.length - 1];
  if (year > latest.toYear) return { framework: latest, beyondRegistry: true, beforeRegistry: false };
  return { framework: FRAMEWORKS[0], beyondRegistry: false, beforeRegistry: true };
}

/** Normalises an indicator name for comparison: no spaces, NFC. */
export function normalizeName(s: string): string {
  return normThai(s).replace(/\s+/g, "");
}

/** Whether a typed indicator name is one of the framework's names for that indicator. */
export function nameMatches(def: FrameworkIndicator, typed: string): boolean {
  const t = normalizeName(typed).replace(/^ตัวชี้วัดที่?[0-9๐-๙]+/, "");
  if (t === "") return true;
  return [def.name, ...def.aliases].some((n) => normalizeName(n) === t);
}
