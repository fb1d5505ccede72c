/**
 * User-facing messages for every issue code, Thai first, English available.
 * Each template receives the issue's params; `{x}` is replaced by params.x.
 */
import type { Issue, Lang } from "./types";

type Catalog = Record<string, { th: string; en: string }>;

export const MESSAGES: Catalog = {
  // files (CLI / browser)
  FILE_NOT_FOUND: { th: "ไม่พบไฟล์ {path}", en: "File not found: {path}" },
  FILE_NOT_XLSX: {
    th: "ไฟล์ {path} ไม่ใช่ไฟล์ Excel (.xlsx) กรุณาบันทึกเป็น .xlsx แล้วลองใหม่",
    en: "{path} is not an Excel workbook (.xlsx); save it as .xlsx and try again",
  },
  FILE_CORRUPT: {
    th: "เปิดไฟล์ {path} ไม่ได้ ไฟล์อาจเสียหาย: {detail}",
    en: "Cannot open {path}; the file may be damaged: {detail}",
  },
  OUT_SAME_AS_IN: {
    th: "ไฟล์ผลลัพธ์ต้องไม่ใช่ไฟล์ต้นฉบับ ({path}) โปรแกรมจะไม่เขียนทับข้อมูลของท่าน",
    en: "The output file must differ from the input ({path}); the input is never overwritten",
  },
  WRITE_FAILED: { th: "บันทึกไฟล์ {path} ไม่ได้: {detail}", en: "Cannot write {path}: {detail}" },
  // score sheet
  SHEET_MISSING: { th: "ไม่พบชีต '{sheet}' ในสมุดงาน", en: "The workbook has no sheet '{sheet}'" },
  HEADER_NOT_FOUND: {
    th: "ไม่พบแถวหัวตารางที่มีคำว่า '{label}' ในชีต '{sheet}'",
    en: "No header row with '{label}' was found in sheet '{sheet}'",
  },
  UNIT_NAME_MISSING: {
    th: "ยังไม่ได้กรอกชื่อหน่วยงาน (แถว 'ชื่อหน่วยงาน')",
    en: "The unit's name is missing (row 'ชื่อหน่วยงาน')",
  },
  NO_YEAR_COLUMNS: {
    th: "ไม่พบคอลัมน์ปีงบประมาณ (เช่น 2565) ทางขวาของ 'ชื่อตัวชี้วัด'",
    en: "No fiscal-year column (such as 2565) right of 'ชื่อตัวชี้วัด'",
  },
  YEAR_REPEATED: {
    th: "ปี {year} ซ้ำกับคอลัมน์ {first}",
    en: "Year {year} repeats column {first}",
  },
  YEAR_CE_CONVERTED: {
    th: "หัวคอลัมน์ {from} เป็นปี ค.ศ. จึงแปลงเป็น พ.ศ. {to}",
    en: "Header {from} is a C.E. year; read as B.E. {to}",
  },
  YEAR_HEADER_UNREADABLE: {
    th: "อ่านปีจากหัวคอลัมน์ '{value}' ไม่ได้ จึงข้ามคอลัมน์นี้",
    en: "Cannot read a year from header '{value}'; the column is skipped",
  },
  SCORE_NOT_NUMBER: {
    th: "คะแนนตัวชี้วัดที่ {no} ปี {year} ไม่ใช่ตัวเลข: '{value}'",
    en: "The score of indicator {no} for {year} is not a number: '{value}'",
  },
  SCORE_OUT_OF_RANGE: {
    th: "คะแนนตัวชี้วัดที่ {no} ปี {year} ต้องอยู่ระหว่าง 0 ถึง 100 (กรอกไว้ {value})",
    en: "The score of indicator {no} for {year} must be 0 to 100 (found {value})",
  },
  INDICATOR_INVALID: {
    th: "เลขตัวชี้วัด '{value}' ไม่ถูกต้อง ต้องเป็นเลข 1 ถึง 10",
    en: "Indicator number '{value}' is not valid; it must be 1 to 10",
  },
  INDICATOR_MISSING: {
    th: "ไม่พบแถวของตัวชี้วัดที่ {no} ({name})",
    en: "The row of indicator {no} ({name}) is missing",
  },
  INDICATOR_REPEATED: {
    th: "ตัวชี้วัดที่ {no} ซ้ำ (มีอยู่แล้วที่แถว {first})",
    en: "Indicator {no} is repeated (already in row {first})",
  },
  NAME_DIFFERS: {
    th: "ชื่อตัวชี้วัดที่ {no} '{typed}' ต่างจากชื่อในกรอบการประเมิน '{expected}' (ใช้เลขตัวชี้วัดเป็นหลัก)",
    en: "Indicator {no} is named '{typed}', the framework says '{expected}' (matched by number)",
  },
  PUBLISHED_TOTAL_INVALID: {
    th: "คะแนนรวมที่ประกาศปี {year} ไม่ใช่ตัวเลข 0–100: '{value}'",
    en: "The published total for {year} is not a number from 0 to 100: '{value}'",
  },
  PUBLISHED_TOTAL_DIFFERS: {
    th: "คะแนนรวมที่ประกาศปี {year} ({published}) ต่างจากที่คำนวณได้ ({computed}) เกิน 0.01 กรุณาตรวจสอบคะแนนรายตัวชี้วัด",
    en: "The published total for {year} ({published}) differs from the computed {computed} by more than 0.01; check the indicator scores",
  },
  // years
  YEAR_ABSENT: {
    th: "ไม่มีคอลัมน์ของปี {year} ในชีต 'คะแนน ITA' (มีปี {years})",
    en: "Year {year} has no column in sheet 'คะแนน ITA' (years present: {years})",
  },
  YEAR_INCOMPLETE: {
    th: "ปี {year} ยังกรอกคะแนนไม่ครบ ขาดตัวชี้วัดที่ {missing}",
    en: "Year {year} is incomplete: indicator(s) {missing} have no score",
  },
  NO_COMPLETE_YEAR: {
    th: "ยังไม่มีปีใดที่กรอกคะแนนครบทั้ง 10 ตัวชี้วัด",
    en: "No year has all 10 indicator scores",
  },
  FRAMEWORK_BEYOND: {
    th: "ยังไม่มีกรอบการประเมินของปี {year} ในโปรแกรม จึงใช้กรอบล่าสุด ({framework}) โปรดตรวจสอบกับคู่มือของสำนักงาน ป.ป.ช.",
    en: "No framework is recorded for {year}; the latest ({framework}) is used. Check it against the NACC manual",
  },
  FRAMEWORK_BEFORE: {
    th: "ปี {year} เก่ากว่ากรอบการประเมินที่มีในโปรแกรม จึงใช้กรอบ {framework}",
    en: "Year {year} predates the recorded frameworks; {framework} is used",
  },
  WEIGHTS_ASSUMED: {
    th: "น้ำหนักเครื่องมือของปี {year} (IIT {iit}% EIT {eit}% OIT {oit}%) เป็นค่าที่สันนิษฐาน ยังไม่พบคู่มือยืนยัน แก้ไขได้ในชีต 'ตั้งค่า'",
    en: "The tool weights for {year} (IIT {iit}% EIT {eit}% OIT {oit}%) are assumed, not confirmed by a manual; override them in sheet 'ตั้งค่า'",
  },
  WEIGHTS_OVERRIDDEN: {
    th: "ใช้น้ำหนักเครื่องมือจากชีต 'ตั้งค่า': IIT {iit}% EIT {eit}% OIT {oit}%",
    en: "Tool weights from sheet 'ตั้งค่า': IIT {iit}% EIT {eit}% OIT {oit}%",
  },
  // measures sheet
  MEASURE_TITLE_MISSING: {
    th: "แถวนี้มีข้อมูลแต่ไม่มีชื่อมาตรการ (คอลัมน์ 'มาตรการ' ต้องกรอก)",
    en: "This row has data but no measure (column 'มาตรการ' is required)",
  },
  MEASURE_INDICATOR_INVALID: {
    th: "ตัวชี้วัดที่เกี่ยวข้อง '{value}' ไม่ถูกต้อง ใส่เลข 1–10 คั่นด้วยจุลภาค เช่น 7, 8",
    en: "Related indicators '{value}' are not valid; write numbers 1–10 separated by commas, e.g. 7, 8",
  },
  STATUS_UNKNOWN: {
    th: "สถานะ '{value}' ไม่ถูกต้อง ให้เลือก ยังไม่ดำเนินการ / อยู่ระหว่างดำเนินการ / ดำเนินการเสร็จเรียบร้อยแล้ว",
    en: "Status '{value}' is not valid; choose ยังไม่ดำเนินการ / อยู่ระหว่างดำเนินการ / ดำเนินการเสร็จเรียบร้อยแล้ว",
  },
  STATUS_BLANK: {
    th: "มาตรการ '{title}' ยังไม่ระบุสถานะ",
    en: "Measure '{title}' has no status",
  },
  // settings sheet
  SETTING_INVALID: {
    th: "ค่าของ '{label}' ไม่ถูกต้อง: '{value}' ({hint})",
    en: "The value of '{label}' is not valid: '{value}' ({hint})",
  },
  WEIGHTS_SUM: {
    th: "น้ำหนัก IIT + EIT + OIT ต้องรวมกันได้ 100 (ตอนนี้รวมได้ {sum})",
    en: "The IIT + EIT + OIT weights must add up to 100 (they add up to {sum})",
  },
  WEIGHTS_PARTIAL: {
    th: "ถ้ากำหนดน้ำหนักเอง ต้องกรอกให้ครบทั้ง IIT, EIT และ OIT",
    en: "When overriding weights, give all three: IIT, EIT and OIT",
  },
  THRESHOLDS_ORDER: {
    th: "เกณฑ์จุดแข็ง ({strength}) ต้องไม่ต่ำกว่าเกณฑ์เร่งด่วน ({urgent})",
    en: "The strength threshold ({strength}) must not be below the urgent threshold ({urgent})",
  },
};

/** The message of an issue in a language, without its location. */
export function issueMessage(issue: Issue, lang: Lang = "th"): string {
  const entry = MESSAGES[issue.code];
  const template = entry ? entry[lang] : issue.code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = issue.params?.[k];
    return v === undefined ? `{${k}}` : String(v);
  });
}

/** Where an issue is, for people: "ชีต 'คะแนน ITA' เซลล์ C7". */
export function issueLocation(issue: Issue, lang: Lang = "th"): string {
  if (!issue.sheet) return "";
  if (lang === "th") return `ชีต '${issue.sheet}'${issue.cell ? ` เซลล์ ${issue.cell}` : ""}`;
  return `sheet '${issue.sheet}'${issue.cell ? ` cell ${issue.cell}` : ""}`;
}

/** One line for people: location, then message. */
export function describeIssue(issue: Issue, lang: Lang = "th"): string {
  const where = issueLocation(issue, lang);
  const label =
    issue.severity === "error" ? (lang === "th" ? "ข้อผิดพลาด" : "Error") : lang === "th" ? "คำเตือน" : "Warning";
  return `${label}: ${where ? `${where}: ` : ""}${issueMessage(issue, lang)}`;
}

/** The cell reference used in JSON output: "คะแนน ITA!C7", or null. */
export function issueCellRef(issue: Issue): string | null {
  if (!issue.sheet) return null;
  return issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
}
