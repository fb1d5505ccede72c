/**
 * Dates of the settings sheet, read the way Thai officers type them: a real Excel date (the
 * readers give a Date at UTC midnight, or the serial number when the cell has no date format) or
 * Thai text ("๑๕ มีนาคม ๒๕๖๙", "15 มี.ค. 69", "15/3/2569"), years in the Buddhist Era. A C.E.
 * year (2026) is read as B.E. (2569) and flagged so the caller can warn. Pure.
 */
import { arabicDigits } from "./digits";
import { normThai } from "./thaiText";
import type { ThaiDate } from "./types";

/** Offset between the Buddhist Era and the Common Era. */
const BE = 543;

/** The Thai month names, January first (read here, printed by src/report/thaiFormat.ts). */
export const THAI_MONTHS: readonly string[] = [
  "มกราคม",
  "กุมภาพันธ์",
  "มีนาคม",
  "เมษายน",
  "พฤษภาคม",
  "มิถุนายน",
  "กรกฎาคม",
  "สิงหาคม",
  "กันยายน",
  "ตุลาคม",
  "พฤศจิกายน",
  "ธันวาคม",
];
/** The abbreviated Thai month names, January first. */
export const THAI_MONTHS_SHORT: readonly string[] = [
  "ม.ค.",
  "ก.พ.",
  "มี.ค.",
  "เม.ย.",
  "พ.ค.",
  "มิ.ย.",
  "ก.ค.",
  "ส.ค.",
  "ก.ย.",
  "ต.ค.",
  "พ.ย.",
  "ธ.ค.",
];

/** What a cell says as a date. */
export type DateRead =
  /** A date; `ceYear` when the text gave a C.E. year that was read as B.E. */
  | { ok: true; date: ThaiDate; ceYear?: number }
  /** "notDate": not a date at all; "noSuchDay": a day the month does not have (31 ก.พ., serial 60 = 29 Feb 1900). */
  | { ok: false; reason: "notDate" | "noSuchDay" };

/** Days in a month of a B.E. year (the Gregorian calendar: 2567 = 2024 is a leap year). */
export function daysInMonth(yearBE: number, month: number): number {
  const ce = yearBE - BE;
  if (month === 2) return (ce % 4 === 0 && ce % 100 !== 0) || ce % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the date exists (month 1–12, day within the month). */
export function isValidThaiDate(d: ThaiDate): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

/** The date of a JS Date by its UTC fields (the readers give Excel dates at UTC midnight). */
export function thaiDateOfDate(d: Date): ThaiDate | null {
  if (Number.isNaN(d.getTime())) return null;
  return { year: d.getUTCFullYear() + BE, month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The date of an Excel serial number in the 1900 date system: 1 = 1 Jan 1900. Excel counts a
 * 29 Feb 1900 that never was (serial 60, kept for Lotus 1-2-3), so serials from 61 are one day
 * behind a plain count and serial 60 is no date (null). The time of day (fraction) is dropped.
 * https://learn.microsoft.com/office/troubleshoot/excel/wrongly-assumes-1900-is-leap-year
 */
export function thaiDateOfSerial(serial: number): ThaiDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  const days = whole < 60 ? whole - 1 : whole - 2; // days after 1 Jan 1900
  const d = new Date(Date.UTC(1900, 0, 1) + days * 86400000);
  return thaiDateOfDate(d);
}

/** The month (1–12) of a Thai month name, full or abbreviated, with or without dots. */
function monthOf(word: string): number | null {
  const w = word.replace(/\./g, "");
  for (let i = 0; i < 12; i++) {
    if (w === THAI_MONTHS[i] || w === THAI_MONTHS_SHORT[i].replace(/\./g, "")) return i + 1;
  }
  return null;
}

/** A year as typed: 4 digits B.E. (≥ 2400) or C.E. (< 2400); 2 digits are B.E. ("69" = 2569), or C.E. when marked. */
function yearOf(text: string, ceMarked: boolean): { year: number; ceYear?: number } | null {
  const n = Number(text);
  if (text.length === 4) {
    if (!ceMarked && n >= 2400) return { year: n };
    if (n >= 1900 && n < 2400) return { year: n + BE, ceYear: n };
    return null;
  }
  if (text.length === 2) return ceMarked ? { year: 2000 + n + BE, ceYear: 2000 + n } : { year: 2500 + n };
  return null;
}

function checked(year: { year: number; ceYear?: number }, month: number, day: number): DateRead {
  const date = { year: year.year, month, day };
  if (month < 1 || month > 12 || day < 1 || day > 31) return { ok: false, reason: "notDate" };
  if (!isValidThaiDate(date)) return { ok: false, reason: "noSuchDay" };
  return year.ceYear !== undefined ? { ok: true, date, ceYear: year.ceYear } : { ok: true, date };
}

/**
 * Reads a date from a cell value: a Date (an Excel date as the readers give it), a serial number
 * (1900 system), or text. Returns null for a blank cell.
 */
export function readThaiDate(v: unknown): DateRead | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === "number") {
    if (typeof v === "number" && Math.floor(v) === 60) return { ok: false, reason: "noSuchDay" };
    const d = v instanceof Date ? thaiDateOfDate(v) : thaiDateOfSerial(v);
    if (!d) return { ok: false, reason: "notDate" };
    return d.year - BE >= 2400 && d.year - BE <= 2800 ? fromBuddhistTyped(d) : { ok: true, date: d };
  }
  if (typeof v !== "string") return { ok: false, reason: "notDate" };
  const raw = arabicDigits(normThai(v))
    .replace(/[\u200b\u00a0]/g, " ")
    .trim();
  if (raw === "") return null;
  const ceMarked = /ค\.?\s?ศ\.?|\bc\.?e\.?\b|\ba\.?d\.?\b/i.test(raw);
  const s = raw
    .replace(/^วัน\S*?ที่\s*/, "") // "วันที่", "วันจันทร์ที่"
    .replace(/พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|\bb\.?e\.?\b|\bc\.?e\.?\b|\ba\.?d\.?\b/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
  // 2569-03-15 (ISO order, four-digit year first)
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) {
    const y = yearOf(m[1], ceMarked);
    return y ? checked(y, Number(m[2]), Number(m[3])) : { ok: false, reason: "notDate" };
  }
  // 15/3/2569, 15-03-69, 15.3.2569 (day first, as Thai dates are written)
  m = /^(\d{1,2})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const y = yearOf(m[3], ceMarked);
    return y ? checked(y, Number(m[2]), Number(m[1])) : { ok: false, reason: "notDate" };
  }
  // 15 มีนาคม 2569, 15 มี.ค. 69, 15มี.ค.69, 15 มีค 2569
  m = /^(\d{1,2})\s?([\u0e00-\u0e7f.]+?)\s?(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[2].replace(/\s/g, ""));
    const y = yearOf(m[3], ceMarked);
    if (month === null || !y) return { ok: false, reason: "notDate" };
    return checked(y, month, Number(m[1]));
  }
  return { ok: false, reason: "notDate" };
}

/**
 * An Excel date whose year is 2400–2800: the officer typed a B.E. date ("15/3/2569") into an
 * Excel on the Gregorian calendar, which took the year as C.E. The year is the B.E. year meant;
 * the day is checked again in that year (29/2/2568 is a date in 2568 C.E., not in 2568 B.E.).
 */
function fromBuddhistTyped(d: ThaiDate): DateRead {
  const date = { year: d.year - BE, month: d.month, day: d.day };
  return isValidThaiDate(date) ? { ok: true, date } : { ok: false, reason: "noSuchDay" };
}

/** −1, 0 or 1 as `a` is before, the same day as, or after `b`. */
export function compareThaiDate(a: ThaiDate, b: ThaiDate): number {
  const ka = a.year * 10000 + a.month * 100 + a.day;
  const kb = b.year * 10000 + b.month * 100 + b.day;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The first day of a fiscal year: 1 ต.ค. of the year before (fiscal 2569 starts 1 ต.ค. 2568). */
export function fiscalYearStart(fiscalYear: number): ThaiDate {
  return { year: fiscalYear - 1, month: 10, day: 1 };
}

/** The last day of a fiscal year: 30 ก.ย. (fiscal 2569 ends 30 ก.ย. 2569). */
export function fiscalYearEnd(fiscalYear: number): ThaiDate {
  return { year: fiscalYear, month: 9, day: 30 };
}

/** The day six months of a fiscal year have passed: 1 เม.ย. (fiscal 2569: 1 เม.ย. 2569). */
export function fiscalYearMiddle(fiscalYear: number): ThaiDate {
  return { year: fiscalYear, month: 4, day: 1 };
}

/** True when a date falls inside a fiscal year (both ends included). */
export function inFiscalYear(d: ThaiDate, fiscalYear: number): boolean {
  return compareThaiDate(d, fiscalYearStart(fiscalYear)) >= 0 && compareThaiDate(d, fiscalYearEnd(fiscalYear)) <= 0;
}

/** The fiscal year of the measures set from the analysis of `analysedYear`: the settings' year, else the next year. */
export function measuresYearFor(analysedYear: number, settings: { measuresYear?: number }): number {
  return settings.measuresYear ?? analysedYear + 1;
}

/** A date for messages, the same in Thai and English: "15/3/2569" (B.E.). */
export function dateForMessage(d: ThaiDate): string {
  return `${d.day}/${d.month}/${d.year}`;
}
