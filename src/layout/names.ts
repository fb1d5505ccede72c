import type { MeasureStatus } from "../core/types";

/** Sheet names and labels of the fixed workbook layout (docs/workbook-layout.md). */

export const SHEETS = {
  scores: "คะแนน ITA",
  measures: "มาตรการ",
  settings: "ตั้งค่า",
  analysis: "ผลวิเคราะห์ ITA",
  trend: "แนวโน้ม ITA",
  report: "รายงาน ITA",
} as const;

/** Sheets the add-in and the CLI generate; replaced whole on every run. */
export const GENERATED_SHEETS: readonly string[] = [SHEETS.analysis, SHEETS.trend, SHEETS.report];

export const SCORE_LABELS = {
  unitName: "ชื่อหน่วยงาน",
  district: "อำเภอ",
  province: "จังหวัด",
  unitType: "ประเภทหน่วยงาน",
  indicatorNo: "ตัวชี้วัดที่",
  indicatorName: "ชื่อตัวชี้วัด",
  publishedTotal: "คะแนนรวมที่ประกาศ",
} as const;

export type MeasureField =
  | "seq"
  | "indicators"
  | "title"
  | "steps"
  | "period"
  | "owner"
  | "monitoring"
  | "status"
  | "output"
  | "outcome"
  | "evidence"
  | "year"
  | "note";

/** Measure columns: the template header first, then accepted variants. */
export const MEASURE_COLUMNS: Record<MeasureField, string[]> = {
  seq: ["ลำดับ", "ลำดับที่", "ที่", "no."],
  indicators: ["ตัวชี้วัดที่เกี่ยวข้อง", "ตัวชี้วัด", "ตัวชี้วัดที่", "indicators"],
  title: ["มาตรการ", "ชื่อมาตรการ", "measure"],
  steps: ["ขั้นตอนหรือวิธีการปฏิบัติ", "ขั้นตอนหรือวิธีการ", "ขั้นตอน/วิธีการปฏิบัติ", "ขั้นตอน/วิธีการ", "วิธีการปฏิบัติ", "ขั้นตอน", "steps"],
  period: ["ระยะเวลาดำเนินการ", "ระยะเวลา", "ช่วงเวลา", "period"],
  owner: ["ผู้รับผิดชอบ", "รับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "owner"],
  monitoring: ["การกำกับติดตาม", "การติดตาม", "การกำกับติดตามผล", "monitoring"],
  status: ["สถานะ", "สถานะการดำเนินการ", "ผลการดำเนินการ", "status"],
  output: ["ผลผลิต (Output)", "ผลผลิต", "output"],
  outcome: ["ผลลัพธ์ (Outcome)", "ผลลัพธ์", "outcome"],
  evidence: ["หลักฐาน / ลิงก์", "หลักฐาน/ลิงก์", "หลักฐาน", "ลิงก์", "ลิงค์", "evidence"],
  year: ["ปีงบประมาณ", "ปีงบประมาณของมาตรการ", "ปี", "fiscal year"],
  note: ["หมายเหตุ", "note"],
};

export const SETTINGS_LABELS = {
  year: "ปีที่วิเคราะห์",
  strength: "เกณฑ์จุดแข็ง (คะแนนตั้งแต่)",
  urgent: "เกณฑ์แก้ไขเร่งด่วน (คะแนนต่ำกว่า)",
  decline: "เกณฑ์คะแนนลดลง (คะแนน)",
  weightIIT: "น้ำหนัก IIT (%)",
  weightEIT: "น้ำหนัก EIT (%)",
  weightOIT: "น้ำหนัก OIT (%)",
  preparerName: "ผู้จัดทำรายงาน",
  preparerPosition: "ตำแหน่งผู้จัดทำ",
  approverName: "ผู้อนุมัติ",
  approverPosition: "ตำแหน่งผู้อนุมัติ",
  digits: "ตัวเลขในรายงาน",
  reportDate: "วันที่ในรายงาน",
  targetTotal: "คะแนนรวมเป้าหมาย",
} as const;

export const DIGIT_CHOICES = { thai: "เลขไทย", arabic: "เลขอารบิก" } as const;

/** Optional sheets of issue 10: the OIT self-check and a framework defined in the workbook. */
export const OPTIONAL_SHEETS = {
  oit: "OIT",
  framework: "กรอบการประเมิน",
} as const;

export type OitField = "code" | "name" | "sub" | "status" | "link" | "note";

/** Columns of the sheet 'OIT': the template header first, then accepted variants. */
export const OIT_COLUMNS: Record<OitField, string[]> = {
  code: ["ข้อ", "รายการที่", "ข้อที่", "item"],
  name: ["ชื่อรายการ", "รายการ", "ชื่อ", "name"],
  sub: ["ตัวชี้วัดย่อย", "ตัวชี้วัดย่อยที่", "sub-indicator", "subindicator"],
  status: ["มี/ไม่มี", "มีหรือไม่มี", "สถานะ", "present"],
  link: ["ลิงก์", "ลิงค์", "ลิงก์ (URL)", "URL", "link"],
  note: ["หมายเหตุ", "note"],
};

/** Status words of the sheet 'OIT' (blank = not checked yet). */
export const OIT_STATUS = { present: "มี", absent: "ไม่มี" } as const;
export const OIT_STATUS_WORDS: { present: string[]; absent: string[] } = {
  present: ["มี", "✓", "✔", "yes", "present"],
  absent: ["ไม่มี", "✗", "✘", "no", "absent"],
};

/** Labels of the sheet 'กรอบการประเมิน' (docs/workbook-layout.md). */
export const FRAMEWORK_LABELS = {
  /** The switch row: whether the sheet replaces the built-in framework. */
  use: "ใช้กรอบการประเมินนี้",
  useYes: "ใช้",
  useNo: "ไม่ใช้",
  toolName: "เครื่องมือ",
  toolWeight: "น้ำหนัก (%)",
  indicatorNo: "ตัวชี้วัดที่",
  indicatorName: "ชื่อตัวชี้วัด",
  indicatorTool: "เครื่องมือ",
  rating: "ผลการประเมิน",
  ratingMinTotal: "คะแนนรวมตั้งแต่",
  ratingMinTool: "ทุกเครื่องมือตั้งแต่",
} as const;

/** Every sheet the user fills (the adapters read these; never written by an analysis). */
export const INPUT_SHEETS: readonly string[] = [
  SHEETS.scores,
  SHEETS.measures,
  SHEETS.settings,
  OPTIONAL_SHEETS.oit,
  OPTIONAL_SHEETS.framework,
];
/**
 * Why Excel would refuse `name` as a sheet name, or null when it is acceptable: Excel allows at
 * most 31 characters, none of : \ / ? * [ ], no apostrophe at either end, not blank and not
 * "History" (reserved). https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
export function sheetNameProblem(name: string): string | null {
  if (!name.trim()) return "blank";
  if ([...name].length > 31 || name.length > 31) return "longer than 31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "contains one of : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "begins or ends with an apostrophe";
  if (sheetKey(name) === "history") return "History is a reserved name";
  return null;
}

/** The key Excel compares sheet names by: case-insensitive (Thai has no case; NFC so that composed and decomposed vowels match). */
export function sheetKey(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("en-US");
}

/** Status words users type, by status (compared after normLabel): the template's first, then variants. */
export const STATUS_WORDS: ReadonlyArray<[MeasureStatus, string[]]> = [
  ["notStarted", ["ยังไม่ดำเนินการ", "ยังไม่ได้ดำเนินการ", "ไม่ได้ดำเนินการ", "ยังไม่เริ่ม", "notstarted", "not started"]],
  [
    "inProgress",
    ["อยู่ระหว่างดำเนินการ", "ระหว่างดำเนินการ", "กำลังดำเนินการ", "อยู่ระหว่างการดำเนินการ", "inprogress", "in progress"],
  ],
  [
    "done",
    [
      "ดำเนินการเสร็จเรียบร้อยแล้ว",
      "ดำเนินการเรียบร้อยแล้ว",
      "ดำเนินการแล้วเสร็จ",
      "ดำเนินการเสร็จแล้ว",
      "ดำเนินการแล้ว",
      "เสร็จเรียบร้อยแล้ว",
      "เสร็จเรียบร้อย",
      "เสร็จสิ้น",
      "เสร็จแล้ว",
      "แล้วเสร็จ",
      "เสร็จ",
      "done",
      "completed",
    ],
  ],
];

/**
 * What the reports print for a measure's blank cell when an honest default exists (issue 12):
 * the period is the whole fiscal year of the measure (written by the report with its years), the
 * monitoring the two rounds every unit reports. Digits are Arabic here; the report converts them.
 */
export const MEASURE_DEFAULTS = {
  /** Said in check messages; the report prints the year itself, e.g. "ต.ค. 2568 – ก.ย. 2569". */
  period: "ตลอดปีงบประมาณของมาตรการ (ต.ค. – ก.ย.)",
  monitoring: "รายงานผลรอบ 6 เดือน และรอบ 12 เดือน",
} as const;
