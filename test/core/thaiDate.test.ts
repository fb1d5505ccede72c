/** The settings-date reader: Excel dates (Date or serial) and Thai text, B.E. years, invalid days. */
import {
  compareThaiDate,
  daysInMonth,
  fiscalYearEnd,
  fiscalYearMiddle,
  fiscalYearStart,
  inFiscalYear,
  readThaiDate,
  thaiDateOfSerial,
} from "../../src/core/thaiDate";

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe("readThaiDate: Thai text", () => {
  it.each([
    ["๑๕ มีนาคม ๒๕๖๙", d(2569, 3, 15)],
    ["15 มีนาคม 2569", d(2569, 3, 15)],
    ["15 มี.ค. 69", d(2569, 3, 15)],
    ["15มี.ค.69", d(2569, 3, 15)],
    ["15 มีค 2569", d(2569, 3, 15)],
    ["15/3/2569", d(2569, 3, 15)],
    ["๑๕/๓/๒๕๖๙", d(2569, 3, 15)],
    ["15-03-69", d(2569, 3, 15)],
    ["15.3.2569", d(2569, 3, 15)],
    ["2569-03-15", d(2569, 3, 15)],
    ["วันที่ 1 ตุลาคม พ.ศ. 2568", d(2568, 10, 1)],
    ["วันพุธที่ 30 ก.ย. 2569", d(2569, 9, 30)],
    ["  30 กันยายน 2569  ", d(2569, 9, 30)],
    ["29 ก.พ. 2567", d(2567, 2, 29)], // 2024: a leap year
  ])("%s", (text, date) => {
    expect(readThaiDate(text)).toEqual({ ok: true, date });
  });

  it("reads a C.E. year as B.E. and says so", () => {
    expect(readThaiDate("15 มีนาคม 2026")).toEqual({ ok: true, date: d(2569, 3, 15), ceYear: 2026 });
    expect(readThaiDate("15/3/2026")).toEqual({ ok: true, date: d(2569, 3, 15), ceYear: 2026 });
    expect(readThaiDate("15 มี.ค. ค.ศ. 26")).toEqual({ ok: true, date: d(2569, 3, 15), ceYear: 2026 });
  });

  it("refuses days that do not exist", () => {
    expect(readThaiDate("31 ก.พ. 2569")).toEqual({ ok: false, reason: "noSuchDay" });
    expect(readThaiDate("29 กุมภาพันธ์ 2568")).toEqual({ ok: false, reason: "noSuchDay" }); // 2025
    expect(readThaiDate("31/4/2569")).toEqual({ ok: false, reason: "noSuchDay" });
  });

  it("refuses what is not a date", () => {
    for (const t of ["พรุ่งนี้", "15 มีนาคม", "มีนาคม 2569", "15 Brumaire 2569", "13/13/2569", "2569", "0/3/2569"])
      expect(readThaiDate(t)).toEqual({ ok: false, reason: "notDate" });
    expect(readThaiDate(true)).toEqual({ ok: false, reason: "notDate" });
  });

  it("returns null for a blank cell", () => {
    expect(readThaiDate(null)).toBeNull();
    expect(readThaiDate("   ")).toBeNull();
  });
});

describe("readThaiDate: Excel dates", () => {
  it("reads a Date by its UTC day (as the readers give Excel dates)", () => {
    expect(readThaiDate(new Date(Date.UTC(2026, 2, 15)))).toEqual({ ok: true, date: d(2569, 3, 15) });
  });

  it("reads a B.E. date typed into a Gregorian Excel (year 2569 C.E.) as the B.E. date meant", () => {
    expect(readThaiDate(new Date(Date.UTC(2569, 2, 15)))).toEqual({ ok: true, date: d(2569, 3, 15) });
    // 29 Feb 2568 exists in 2568 C.E. but not in 2568 B.E. (2025)
    expect(readThaiDate(new Date(Date.UTC(2568, 1, 29)))).toEqual({ ok: false, reason: "noSuchDay" });
  });

  it("reads serial numbers of the 1900 date system, with its fictitious 29 Feb 1900", () => {
    expect(thaiDateOfSerial(1)).toEqual(d(2443, 1, 1)); // 1 Jan 1900
    expect(thaiDateOfSerial(59)).toEqual(d(2443, 2, 28)); // 28 Feb 1900
    expect(thaiDateOfSerial(60)).toBeNull(); // 29 Feb 1900 never was
    expect(thaiDateOfSerial(61)).toEqual(d(2443, 3, 1)); // 1 Mar 1900
    expect(thaiDateOfSerial(46096)).toEqual(d(2569, 3, 15)); // 15 Mar 2026
    expect(thaiDateOfSerial(46096.75)).toEqual(d(2569, 3, 15)); // the time of day is dropped
    expect(thaiDateOfSerial(0)).toBeNull();
    expect(readThaiDate(60)).toEqual({ ok: false, reason: "noSuchDay" });
    expect(readThaiDate(46096)).toEqual({ ok: true, date: d(2569, 3, 15) });
    expect(readThaiDate(-5)).toEqual({ ok: false, reason: "notDate" });
  });
});

describe("fiscal years", () => {
  it("runs from 1 ต.ค. of the year before to 30 ก.ย.", () => {
    expect(fiscalYearStart(2569)).toEqual(d(2568, 10, 1));
    expect(fiscalYearEnd(2569)).toEqual(d(2569, 9, 30));
    expect(fiscalYearMiddle(2569)).toEqual(d(2569, 4, 1));
    expect(inFiscalYear(d(2568, 10, 1), 2569)).toBe(true);
    expect(inFiscalYear(d(2569, 9, 30), 2569)).toBe(true);
    expect(inFiscalYear(d(2568, 9, 30), 2569)).toBe(false);
    expect(inFiscalYear(d(2569, 10, 1), 2569)).toBe(false);
    expect(compareThaiDate(d(2569, 1, 31), d(2569, 2, 1))).toBe(-1);
    expect(daysInMonth(2543, 2)).toBe(29); // 2000: divisible by 400
    expect(daysInMonth(2443, 2)).toBe(28); // 1900: not a leap year
  });
});
