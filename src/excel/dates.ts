/**
 * Dates read through Office.js: Range.values gives a date as its serial number; the cell's
 * number format says it is a date. https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 * (values are "Number" for dates), date systems:
 * https://support.microsoft.com/office/date-systems-in-excel-e7fe7167-48a9-4b96-bb53-5612a800b487
 * Office.js has no member that tells the 1904 date system (Mac workbooks of old): the 1900
 * system is assumed, and `date1904` is there for when a caller can tell.
 */

/** True when an Excel number format code shows a date (d, m with d/y, y, or the Thai/Buddhist year b). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string") return false;
  const code = format
    .replace(/"[^"]*"/g, "") // quoted text
    .replace(/\\./g, "") // escaped characters
    .replace(/\[(?!\$-)[^\]]*\]/g, "") // colours and conditions; keep [$-th-TH] locale tags out below
    .replace(/\[\$-[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  if (/^(general|@)?$/i.test(code.trim())) return false;
  return /[dyb]/i.test(code) || /m{3,}/i.test(code);
}

/** The date of an Excel serial: 1900 system (with its fictitious 29 Feb 1900) or 1904. UTC, as ExcelJS reads dates. */
export function dateOfSerial(serial: number, date1904 = false): Date | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return null;
  const days = date1904 ? serial + 1462 : serial < 61 ? serial + 1 : serial;
  return new Date(Date.UTC(1899, 11, 30) + Math.round(days * 86400000));
}
