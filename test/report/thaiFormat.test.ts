import {
  applyDigits,
  applyDigitsToText,
  buddhistYear,
  fiscalYearOf,
  formatChange,
  formatNumber,
  formatPercent,
  formatPlain,
  formatScore,
  formatThaiDate,
  formatThaiDateShort,
  formatThaiMonthYear,
  joinThai,
  THAI_MONTHS,
} from "../../src/report/thaiFormat";

describe("Thai digits", () => {
  it("converts both ways", () => {
    expect(applyDigits("ปี 2565 ข้อ 10", "thai")).toBe("ปี ๒๕๖๕ ข้อ ๑๐");
    expect(applyDigits("ปี ๒๕๖๕", "arabic")).toBe("ปี 2565");
    expect(applyDigits("0123456789", "thai")).toBe("๐๑๒๓๔๕๖๗๘๙");
  });
  it("keeps codes such as O42 in typed text", () => {
    expect(applyDigitsToText("เผยแพร่ตาม O42 และ O43 ภายใน 30 วัน", "thai")).toBe("เผยแพร่ตาม O42 และ O43 ภายใน ๓๐ วัน");
    expect(applyDigitsToText("รอบ ๖ เดือน", "arabic")).toBe("รอบ 6 เดือน");
  });
});

describe("numbers", () => {
  it("formats scores with two decimals", () => {
    expect(formatScore(94.23, "thai")).toBe("๙๔.๒๓");
    expect(formatScore(100, "thai")).toBe("๑๐๐.๐๐");
    expect(formatScore(96.3, "thai")).toBe("๙๖.๓๐");
    expect(formatScore(96.3, "arabic")).toBe("96.30");
    expect(formatScore(0, "arabic")).toBe("0.00");
  });
  it("rounds half up on the decimal value", () => {
    expect(formatNumber(1.005, "arabic")).toBe("1.01");
    expect(formatNumber(90.045, "arabic")).toBe("90.05");
    expect(formatNumber(-3.5, "thai", 2)).toBe("-๓.๕๐");
    expect(formatNumber(2.5, "arabic", 0)).toBe("3");
  });
  it("signs changes", () => {
    expect(formatChange(1.5, "thai")).toBe("+๑.๕๐");
    expect(formatChange(-6.68, "arabic")).toBe("-6.68");
    expect(formatChange(0, "arabic")).toBe("0.00");
    expect(formatChange(0.001, "arabic")).toBe("0.00");
  });
  it("formats thresholds and shares", () => {
    expect(formatPlain(85, "thai")).toBe("๘๕");
    expect(formatPlain(84.5, "arabic")).toBe("84.5");
    expect(formatPercent(1 / 3, "thai")).toBe("๓๓.๓๓");
    expect(formatPercent(1, "arabic")).toBe("100.00");
  });
  it("rejects non-finite numbers", () => {
    expect(() => formatScore(NaN, "thai")).toThrow(RangeError);
  });
});

describe("B.E. dates", () => {
  it("names the twelve months", () => {
    expect(THAI_MONTHS).toHaveLength(12);
    expect(THAI_MONTHS[1]).toBe("กุมภาพันธ์");
    expect(THAI_MONTHS[9]).toBe("ตุลาคม");
  });
  it("writes full, short and month-year dates", () => {
    expect(formatThaiDate(new Date(2021, 1, 2), "thai")).toBe("๒ กุมภาพันธ์ ๒๕๖๔");
    expect(formatThaiDate(new Date(2021, 1, 2), "arabic")).toBe("2 กุมภาพันธ์ 2564");
    expect(formatThaiDateShort(new Date(2022, 2, 31), "thai")).toBe("๓๑ มี.ค. ๒๕๖๕");
    expect(formatThaiMonthYear(new Date(2025, 9, 1), "thai")).toBe("ตุลาคม ๒๕๖๘");
  });
  it("computes B.E. and fiscal years", () => {
    expect(buddhistYear(new Date(2024, 11, 31))).toBe(2567);
    expect(fiscalYearOf(new Date(2024, 9, 1))).toBe(2568);
    expect(fiscalYearOf(new Date(2025, 8, 30))).toBe(2568);
    expect(fiscalYearOf(new Date(2025, 9, 1))).toBe(2569);
  });
});

describe("joinThai", () => {
  it("joins with และ", () => {
    expect(joinThai([])).toBe("");
    expect(joinThai(["ก"])).toBe("ก");
    expect(joinThai(["ก", "ข", "ค"])).toBe("ก ข และค");
  });
});
