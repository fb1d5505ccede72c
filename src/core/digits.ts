/** Thai and Arabic digits: the one conversion every layer uses. */

const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";

/** Replaces Thai digits with Arabic digits: "๒๕๖๘" → "2568". */
export function arabicDigits(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

/** Replaces Arabic digits with Thai digits: "2568" → "๒๕๖๘". */
export function thaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
}
