/**
 * Thai formatting for the published reports: Thai or Arabic digits, scores with two decimals,
 * Buddhist-Era dates with Thai month names. Pure: no Node, DOM or Excel.
 */
import type { ThaiDate } from "../core/types";
import { arabicDigits, thaiDigits } from "../core/digits";
import { THAI_MONTHS, THAI_MONTHS_SHORT } from "../core/thaiDate";

export type Digits = "thai" | "arabic";

// the month names live with the date reader (src/core/thaiDate.ts): one list for reading and printing
export { THAI_MONTHS, THAI_MONTHS_SHORT };

/** Offset between the Buddhist Era and the Common Era. */
export const BE_OFFSET = 543;

/** Writes every digit of a text in the chosen system (Thai ๐–๙ or Arabic 0–9). */
export function applyDigits(text: string, digits: Digits): string {
  return digits === "thai" ? thaiDigits(text) : arabicDigits(text);
}

/**
 * Digits of free text typed by the user: like applyDigits, but digits that follow a Latin
 * letter (codes such as O42 or ITA2567, which are written with Arabic digits) stay as typed.
 */
export function applyDigitsToText(text: string, digits: Digits): string {
  if (digits === "arabic") return arabicDigits(text);
  return text.replace(/([A-Za-z]?)([0-9]+)/g, (m, letter: string, num: string) => (letter ? m : thaiDigits(num)));
}

/**
 * A number with a fixed number of decimals (half up, as published), without thousands
 * separators: 94.23 → "๙๔.๒๓", 100 → "๑๐๐.๐๐", -3.5 → "-๓.๕๐".
 */
export function formatNumber(value: number, digits: Digits, decimals = 2): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const scale = 10 ** decimals;
  // round half away from zero on the decimal value (toFixed rounds 1.005 down)
  const abs = Math.abs(value);
  const shifted = Math.round(Number(`${abs}e${decimals}`));
  const rounded = Number.isFinite(shifted) ? shifted / scale : abs;
  let text = rounded.toFixed(decimals);
  if (value < 0 && rounded !== 0) text = `-${text}`;
  return applyDigits(text, digits);
}

/** A score as published: two decimals. */
export function formatScore(value: number, digits: Digits): string {
  return formatNumber(value, digits, 2);
}

/** A signed change with two decimals: +1.50 → "+๑.๕๐", −5 → "-๕.๐๐", 0 → "๐.๐๐". */
export function formatChange(value: number, digits: Digits): string {
  const text = formatNumber(value, digits, 2);
  return value > 0 && !/^[0๐.]+$/.test(text) ? `+${text}` : text;
}

/** An integer (or a threshold such as 85 or 84.5) with no forced decimals: 85 → "๘๕". */
export function formatPlain(value: number, digits: Digits): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  return applyDigits(text, digits);
}

/** A share 0–1 as a percentage with two decimals: 0.5 → "๕๐.๐๐". */
export function formatPercent(share: number, digits: Digits): string {
  return formatNumber(share * 100, digits, 2);
}

/** The Buddhist-Era year of a date (local calendar). */
export function buddhistYear(date: Date): number {
  return date.getFullYear() + BE_OFFSET;
}

/** The Thai fiscal year (B.E.) a date falls in: 1 Oct 2024 – 30 Sep 2025 is 2568. */
export function fiscalYearOf(date: Date): number {
  return buddhistYear(date) + (date.getMonth() >= 9 ? 1 : 0);
}

/** A full Thai date: "๒ กุมภาพันธ์ ๒๕๖๔". */
export function formatThaiDate(date: Date, digits: Digits): string {
  return applyDigits(`${date.getDate()} ${THAI_MONTHS[date.getMonth()]} ${buddhistYear(date)}`, digits);
}

/** A short Thai date: "๒ ก.พ. ๒๕๖๔". */
export function formatThaiDateShort(date: Date, digits: Digits): string {
  return applyDigits(`${date.getDate()} ${THAI_MONTHS_SHORT[date.getMonth()]} ${buddhistYear(date)}`, digits);
}

/** Month and year: "ตุลาคม ๒๕๖๘". */
export function formatThaiMonthYear(date: Date, digits: Digits): string {
  return applyDigits(`${THAI_MONTHS[date.getMonth()]} ${buddhistYear(date)}`, digits);
}

/** A B.E. year: 2565 → "๒๕๖๕". */
export function formatYear(year: number, digits: Digits): string {
  return applyDigits(String(year), digits);
}

/** A list joined the Thai way: "ก", "ก และ ข", "ก ข และ ค". */
export function joinThai(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(" ")} และ${items[items.length - 1]}`;
}

/** A settings date in full: { year: 2569, month: 3, day: 15 } → "๑๕ มีนาคม ๒๕๖๙". */
export function formatThaiDay(d: ThaiDate, digits: Digits): string {
  return applyDigits(`${d.day} ${THAI_MONTHS[d.month - 1]} ${d.year}`, digits);
}

/** A settings date, short: "๑๕ มี.ค. ๒๕๖๙". */
export function formatThaiDayShort(d: ThaiDate, digits: Digits): string {
  return applyDigits(`${d.day} ${THAI_MONTHS_SHORT[d.month - 1]} ${d.year}`, digits);
}

/** A settings date's month and year: "มีนาคม ๒๕๖๙". */
export function formatThaiDayMonthYear(d: ThaiDate, digits: Digits): string {
  return applyDigits(`${THAI_MONTHS[d.month - 1]} ${d.year}`, digits);
}

/** The fiscal year (B.E.) a date falls in: October starts the next fiscal year. */
export function fiscalYearOfDay(d: ThaiDate): number {
  return d.month >= 10 ? d.year + 1 : d.year;
}
