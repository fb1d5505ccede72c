/** The settings sheet's rows of issue 12 (years, dates, round, memo, showGrade), on grids. */
import { SETTINGS_LABELS, SHEETS } from "../../src/layout/names";
import { parseRound, parseWorkbook, parseYesNo } from "../../src/layout/parse";
import { reportDateWarnings } from "../../src/layout/reportDates";
import type { Cell, Grid } from "../../src/layout/sheetSpec";
import { SCORE_TEMPLATE, settingsTemplate, templateSheets } from "../../src/layout/template";
import { DEFAULT_SETTINGS } from "../../src/core/types";
import { SEED_004_2568 } from "../helpers/input";

/** The template's score sheet with 2568 filled, and a settings sheet of the given rows. */
function grids(settingsRows: Cell[][]): Record<string, Grid> {
  const scores = templateSheets([2568])[0].rows.map((r) => [...r]);
  scores[2][1] = "เทศบาลตำบลทดสอบ";
  for (let i = 0; i < 10; i++) scores[SCORE_TEMPLATE.firstIndicatorRow - 1 + i][2] = SEED_004_2568[i];
  return { [SHEETS.scores]: scores, [SHEETS.settings]: settingsRows };
}

function parseSettings(rows: Cell[][]) {
  const p = parseWorkbook(grids(rows));
  return { p, settings: p.input?.settings };
}

describe("settings rows of years, dates and rounds", () => {
  it("reads every new row, with its label typed as the template writes it", () => {
    const L = SETTINGS_LABELS;
    const { p, settings } = parseSettings([
      [L.measuresYear, "พ.ศ. ๒๕๖๙"],
      [L.reportRound, "รอบ ๖ เดือน"],
      [L.analysisDate, "15 ต.ค. 68"],
      [L.measuresReportDate, "๑ เมษายน ๒๕๖๙"],
      [L.dataAsOf, "31/3/2569"],
      [L.memoOffice, "สำนักปลัด เทศบาลตำบลทดสอบ โทร. ๐ ๔๒๑๒ ๓๔๕๖"],
      [L.memoNumber, "สน ๗๓๑๐๑/๑๒๓"],
      [L.memoDate, "10 ต.ค. 2568"],
      [L.memoTo, "นายกเทศมนตรีตำบลทดสอบ"],
      [L.showGrade, "ใช่"],
    ]);
    expect(p.errors).toEqual([]);
    expect(settings).toMatchObject({
      measuresYear: 2569,
      reportRound: 6,
      analysisDate: { year: 2568, month: 10, day: 15 },
      measuresReportDate: { year: 2569, month: 4, day: 1 },
      dataAsOf: { year: 2569, month: 3, day: 31 },
      memoOffice: "สำนักปลัด เทศบาลตำบลทดสอบ โทร. ๐ ๔๒๑๒ ๓๔๕๖",
      memoNumber: "สน ๗๓๑๐๑/๑๒๓",
      memoDate: { year: 2568, month: 10, day: 10 },
      memoTo: "นายกเทศมนตรีตำบลทดสอบ",
      showGrade: true,
    });
    expect(p.settingsAt?.cells).toMatchObject({ measuresYear: "B1", analysisDate: "B3", memoTo: "B9" });
  });

  it("reads labels typed without the bracketed code, and keeps prefixes apart", () => {
    const { p, settings } = parseSettings([
      ["วันที่รายงานการวิเคราะห์", "1/10/2568"],
      ["วันที่รายงานผลการดำเนินการ:", "30/9/2569"],
      ["วันที่ในรายงาน", "ตุลาคม ๒๕๖๘"],
      ["ที่", "สน 1/2"],
      ["ที่มา", "ไม่ใช่เลขที่หนังสือ"], // after "ที่": read as ที่, it would replace the number
    ]);
    expect(p.errors).toEqual([]);
    expect(settings).toMatchObject({
      analysisDate: { year: 2568, month: 10, day: 1 },
      measuresReportDate: { year: 2569, month: 9, day: 30 },
      reportDate: "ตุลาคม ๒๕๖๘",
      memoNumber: "สน 1/2",
    });
  });

  it.each([
    ["รอบ 6 เดือน", 6],
    ["รอบ ๑๒ เดือน", 12],
    ["6", 6],
    [12, 12],
    ["6 เดือน", 6],
    ["๑๒", 12],
    ["รอบที่ 6", 6],
    ["9", null],
    ["ครึ่งปี", null],
  ])("reads the round %s as %s", (v, want) => {
    expect(parseRound(v)).toBe(want);
  });

  it("reads yes and no", () => {
    expect(parseYesNo("ใช่")).toBe(true);
    expect(parseYesNo("ไม่ใช่")).toBe(false);
    expect(parseYesNo(true)).toBe(true);
    expect(parseYesNo("บางที")).toBeNull();
  });

  it("refuses a round, a year, a yes/no or a date it cannot read, naming the cell", () => {
    const L = SETTINGS_LABELS;
    const { p } = parseSettings([
      [L.reportRound, "ไตรมาส"],
      [L.measuresYear, "ปีหน้า"],
      [L.showGrade, "บางที"],
      [L.memoDate, "30 ก.พ. 2569"],
      [L.dataAsOf, 60], // serial 60: Excel's 29 Feb 1900, no such day
      [L.analysisDate, 1000], // a serial in 1902: no report date
    ]);
    expect(p.errors.map((e) => [e.code, e.cell])).toEqual([
      ["SETTING_INVALID", "B1"],
      ["SETTING_INVALID", "B2"],
      ["SETTING_INVALID", "B3"],
      ["SETTING_DATE_NO_SUCH_DAY", "B4"],
      ["SETTING_DATE_NO_SUCH_DAY", "B5"],
      ["SETTING_DATE_UNLIKELY", "B6"],
    ]);
  });

  it("reads a C.E. year with a warning", () => {
    const { p, settings } = parseSettings([
      [SETTINGS_LABELS.measuresYear, 2026],
      [SETTINGS_LABELS.analysisDate, "15/10/2025"],
    ]);
    expect(settings).toMatchObject({ measuresYear: 2569, analysisDate: { year: 2568, month: 10, day: 15 } });
    expect(p.warnings.filter((w) => w.code === "SETTING_CE_CONVERTED").map((w) => w.cell)).toEqual(["B1", "B2"]);
  });

  it("parses the template's settings sheet without errors, every new row found", () => {
    const { p } = parseSettings(settingsTemplate().rows);
    expect(p.errors).toEqual([]);
    const cells = p.settingsAt?.cells ?? {};
    for (const k of Object.keys(SETTINGS_LABELS)) expect(cells).toHaveProperty(k);
  });
});

describe("reportDateWarnings", () => {
  const s = { ...DEFAULT_SETTINGS };
  const at = { settingsAt: { sheet: "ตั้งค่า", cells: { analysisDate: "B20", measuresReportDate: "B21" } } };

  it("is quiet when the legacy free-text date stands in for both documents", () => {
    expect(reportDateWarnings({ ...s, reportDate: "ตุลาคม 2568" }, [], 2568, at)).toEqual([]);
  });

  it("warns about an O42 dated before the analysed year began, and an O43 before the measures year", () => {
    const w = reportDateWarnings(
      {
        ...s,
        analysisDate: { year: 2567, month: 9, day: 30 },
        measuresReportDate: { year: 2568, month: 9, day: 30 },
      },
      [],
      2568,
      at,
    );
    expect(w.map((x) => [x.code, x.cell])).toEqual([
      ["ANALYSIS_DATE_BEFORE_YEAR", "B20"],
      ["MEASURES_REPORT_BEFORE_YEAR", "B21"],
    ]);
  });

  it("names the settings sheet without a cell when the row is missing", () => {
    const w = reportDateWarnings(s, [], 2568);
    expect(w.map((x) => [x.code, x.sheet, x.cell])).toEqual([
      ["REPORT_DATE_BLANK", SHEETS.settings, undefined],
      ["REPORT_DATE_BLANK", SHEETS.settings, undefined],
    ]);
  });
});

describe("the legacy วันที่ในรายงาน", () => {
  it("a whole date (a date cell or text) stands in for both documents' dates, at its own cell", () => {
    const { p, settings } = parseSettings([
      [SETTINGS_LABELS.analysisDate, null],
      [SETTINGS_LABELS.reportDate, new Date(Date.UTC(2025, 9, 15))],
    ]);
    expect(settings).toMatchObject({
      analysisDate: { year: 2568, month: 10, day: 15 },
      measuresReportDate: { year: 2568, month: 10, day: 15 },
    });
    expect(settings?.reportDate).toBeUndefined(); // never printed as "2025-10-15"
    expect(p.settingsAt?.cells.analysisDate).toBe("B2");
  });

  it("a document's own date wins over it; free text stays text", () => {
    const { settings } = parseSettings([
      [SETTINGS_LABELS.reportDate, "15 มีนาคม 2569"],
      [SETTINGS_LABELS.measuresReportDate, "1/4/2569"],
    ]);
    expect(settings).toMatchObject({
      analysisDate: { year: 2569, month: 3, day: 15 },
      measuresReportDate: { year: 2569, month: 4, day: 1 },
    });
    expect(parseSettings([[SETTINGS_LABELS.reportDate, "ตุลาคม ๒๕๖๘"]]).settings?.reportDate).toBe("ตุลาคม ๒๕๖๘");
  });
});
