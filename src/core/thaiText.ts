/** Thai text for comparisons (pure: used by core and layout). */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Order of Thai marks after a base character: below vowels, above vowels, tone marks, other signs. */
function thaiMarkRank(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 0x0e38 && c <= 0x0e3a) return 1; // ุ ู ฺ
  if (c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e37) || c === 0x0e47) return 2; // ั ิ ี ึ ื ็
  if (c >= 0x0e48 && c <= 0x0e4b) return 3; // ่ ้ ๊ ๋
  if (c >= 0x0e4c && c <= 0x0e4e) return 4; // ์ ํ ๎
  return 0;
}

/**
 * Thai text in one canonical form, for comparisons only (outputs keep the text as typed):
 * NFC, zero-width characters removed, nikhahit + sara aa composed to sara am (ํ + า → ำ, also
 * with a tone mark between them), and the marks on one base character in a fixed order (below
 * vowel, above vowel, tone mark, other signs), so `ต้ัง` (tone before vowel) equals `ตั้ง`.
 */
export function normThai(s: string): string {
  let t = s.normalize("NFC").replace(ZERO_WIDTH, "");
  if (!/[\u0e00-\u0e7f]/.test(t)) return t;
  t = t.replace(/\u0e4d([\u0e48-\u0e4b]?)\u0e32/g, "$1\u0e33").replace(/\u0e33([\u0e48-\u0e4b])/g, "$1\u0e33");
  return t.replace(/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]{2,}/g, (marks) =>
    [...marks].sort((a, b) => thaiMarkRank(a) - thaiMarkRank(b)).join(""),
  );
}
