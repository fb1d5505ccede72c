/**
 * Years, dates and rounds end to end: a real .xlsx (the template written by the product, filled
 * with ExcelJS: real date cells with a date format, and Thai text dates), read by the product's
 * reader, run through the pipeline, and the .docx read back.
 */
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import type { Issue } from "../../src/core/messages";
import { reportDocx } from "../../src/docx";
import { MEASURE_COLUMNS, SCORE_LABELS, SETTINGS_LABELS, SHEETS } from "../../src/layout/names";
import { MEASURES_TEMPLATE, SCORE_TEMPLATE, templateSheets } from "../../src/layout/template";
import { runPipeline, type PipelineResult } from "../../src/pipeline";
import { createWorkbook, readWorkbook } from "../../src/xlsx";
import { SEED_004_2567, SEED_004_2568 } from "../helpers/input";

type SettingKey = keyof typeof SETTINGS_LABELS;
type Value = string | number | Date | null;

const DOTTED = "วันที่ ........ เดือน .................... พ.ศ. ........";
const O42_TITLE = "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)";

/** The template as the product writes it, filled in with ExcelJS like a user would in Excel. */
async function workbook(
  settings: Partial<Record<SettingKey, Value>>,
  measures: Array<{ title: string; status: string; year?: Value }> = [],
): Promise<{ bytes: Uint8Array; cellOf: (k: SettingKey) => string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await createWorkbook(templateSheets([2567, 2568]))) as unknown as ArrayBuffer);
  const scores = wb.getWorksheet(SHEETS.scores)!;
  scores.getCell("B3").value = "องค์การบริหารส่วนตำบลดงขวาง";
  expect(scores.getCell("A3").value).toBe(SCORE_LABELS.unitName);
  for (let i = 0; i < 10; i++) {
    scores.getCell(SCORE_TEMPLATE.firstIndicatorRow + i, 3).value = SEED_004_2567[i];
    scores.getCell(SCORE_TEMPLATE.firstIndicatorRow + i, 4).value = SEED_004_2568[i];
  }
  const ms = wb.getWorksheet(SHEETS.measures)!;
  const header = ms.getRow(MEASURES_TEMPLATE.headerRow);
  const titleCol = (header.values as unknown[]).indexOf(MEASURE_COLUMNS.title[0]);
  const statusCol = (header.values as unknown[]).indexOf("สถานะ");
  const yearCol = header.cellCount + 1;
  ms.getCell(MEASURES_TEMPLATE.headerRow, yearCol).value = MEASURE_COLUMNS.year[0];
  measures.forEach((m, i) => {
    const r = MEASURES_TEMPLATE.headerRow + 1 + i;
    ms.getCell(r, 2).value = "9";
    ms.getCell(r, titleCol).value = m.title;
    ms.getCell(r, statusCol).value = m.status;
    if (m.year !== undefined) ms.getCell(r, yearCol).value = m.year;
  });
  const st = wb.getWorksheet(SHEETS.settings)!;
  const rows = new Map<string, number>();
  st.eachRow((row, n) => rows.set(String(row.getCell(1).value), n));
  for (const [k, v] of Object.entries(settings) as Array<[SettingKey, Value]>) {
    const cell = st.getCell(rows.get(SETTINGS_LABELS[k])!, 2);
    cell.value = v;
    // a style of its own: after load, ExcelJS shares one style object among the cells of a style
    if (v instanceof Date) cell.style = { ...cell.style, numFmt: "d mmmm yyyy" };
  }
  const cellOf = (k: SettingKey) => `B${rows.get(SETTINGS_LABELS[k])}`;
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), cellOf };
}

async function run(bytes: Uint8Array): Promise<PipelineResult> {
  const read = await readWorkbook(bytes, "dates.xlsx");
  if (!read.ok) throw new Error(read.issue.code);
  return runPipeline(read.sheets, { facts: read.facts, date: new Date(Date.UTC(2030, 0, 1)) });
}

async function docxText(r: PipelineResult, which: "analysis" | "measures"): Promise<string> {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const bytes = await reportDocx(r.report, which);
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.replace(/\u00a0/g, " ");
}

const codes = (issues: Issue[]) => issues.map((i) => i.code);
const find = (issues: Issue[], code: string) => issues.filter((i) => i.code === code);
/** Day d of month m, year y C.E., as a date cell holds it. */
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("dates from the settings sheet of a real .xlsx", () => {
  it("prints real Excel dates and Thai text dates, the round, the data date and the O42 citation", async () => {
    const { bytes } = await workbook(
      {
        analysisDate: utc(2025, 10, 15), // a date cell: 15 ต.ค. 2568
        measuresReportDate: "๓๐ ก.ย. ๖๙", // Thai text
        dataAsOf: utc(2026, 9, 25),
        reportRound: "รอบ ๑๒ เดือน",
      },
      [
        { title: "มาตรการเปิดเผยข้อมูลสาธารณะ", status: "อยู่ระหว่างดำเนินการ" },
        { title: "มาตรการป้องกันการรับสินบน", status: "ดำเนินการเสร็จเรียบร้อยแล้ว", year: 2569 },
      ],
    );
    const r = await run(bytes);
    expect(r.errors).toEqual([]);
    expect(r.parse.input?.settings).toMatchObject({
      analysisDate: { year: 2568, month: 10, day: 15 },
      measuresReportDate: { year: 2569, month: 9, day: 30 },
      dataAsOf: { year: 2569, month: 9, day: 25 },
      reportRound: 12,
    });
    // read as dates, not as ISO text with a C.E. year
    expect(codes(r.warnings)).not.toContain("SETTING_CE_CONVERTED");
    // nothing to warn about: every date is inside the year it speaks of
    expect(codes(r.warnings).filter((c) => /DATE|REPORT|AS_OF|YEAR_NOT|OTHER_YEAR/.test(c))).toEqual([]);

    const o42 = await docxText(r, "analysis");
    expect(o42).toContain("ตุลาคม ๒๕๖๘"); // title month
    expect(o42).toContain("วันที่ ๑๕ ตุลาคม ๒๕๖๘"); // signature
    expect(o42).toContain("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙");
    expect(o42).not.toContain("๒๕๗๓"); // the build date (2030) is nowhere

    const o43 = await docxText(r, "measures");
    expect(o43).toContain("ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ รอบ ๑๒ เดือน");
    expect(o43).toContain("ข้อมูล ณ วันที่ ๒๕ กันยายน ๒๕๖๙");
    expect(o43).toContain(`ตาม${O42_TITLE} ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ลงวันที่ ๑๕ ตุลาคม ๒๕๖๘`);
    expect(o43).toContain("วันที่ ๓๐ กันยายน ๒๕๖๙"); // signature
    expect(o43).toContain("สถานะการดำเนินการตามมาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙");
    // dated inside the measures year: the open measure is to be hurried
    expect(o43).toContain("เร่งรัด");
  });

  it("prints a dotted line for a blank date and warns, naming the cell", async () => {
    const { bytes, cellOf } = await workbook({}, [{ title: "มาตรการเปิดเผยข้อมูลสาธารณะ", status: "ยังไม่ดำเนินการ" }]);
    const r = await run(bytes);
    const blank = find(r.warnings, "REPORT_DATE_BLANK");
    expect(blank.map((w) => [w.sheet, w.cell])).toEqual([
      [SHEETS.settings, cellOf("analysisDate")],
      [SHEETS.settings, cellOf("measuresReportDate")],
    ]);
    const o42 = await docxText(r, "analysis");
    expect(o42).toContain(DOTTED);
    expect(o42).toContain("เดือน .................... พ.ศ. ........");
    const o43 = await docxText(r, "measures");
    expect(o43).toContain(DOTTED);
    expect(o43).toContain(`ลงวันที่ ........ เดือน`);
    expect(o43).toContain("รอบ ๑๒ เดือน"); // blank round: twelve months, as the template says
    // no date: neither hurried nor carried over
    expect(o43).not.toContain("เร่งรัด");
  });

  it("warns when the O42 is dated after the end of its own plan year", async () => {
    const { bytes, cellOf } = await workbook({ analysisDate: "1 พ.ย. 2569", measuresReportDate: utc(2026, 9, 30) });
    const r = await run(bytes);
    const w = find(r.warnings, "ANALYSIS_DATE_AFTER_PLAN_YEAR");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ sheet: SHEETS.settings, cell: cellOf("analysisDate") });
    expect(w[0].params).toMatchObject({ measuresYear: 2569, end: "30/9/2569" });
    // and the O43 is then dated before the O42
    expect(codes(r.warnings)).toContain("MEASURES_REPORT_BEFORE_ANALYSIS");
  });

  it("warns about a six-month report dated before 1 เม.ย., and data dated after the report", async () => {
    const { bytes, cellOf } = await workbook({
      reportRound: "6",
      measuresReportDate: utc(2026, 3, 15),
      dataAsOf: "20/3/2569",
    });
    const r = await run(bytes);
    expect(find(r.warnings, "MEASURES_REPORT_ROUND_EARLY")[0]).toMatchObject({ cell: cellOf("measuresReportDate") });
    expect(find(r.warnings, "DATA_AS_OF_AFTER_REPORT")[0]).toMatchObject({ cell: cellOf("dataAsOf") });
    const o43 = await docxText(r, "measures");
    expect(o43).toContain("รอบ ๖ เดือน");
  });

  it("says open measures carry over when the report is dated after the year ended", async () => {
    const { bytes } = await workbook({ measuresReportDate: "15 ตุลาคม 2569", analysisDate: "1/10/2568" }, [
      { title: "มาตรการเปิดเผยข้อมูลสาธารณะ", status: "อยู่ระหว่างดำเนินการ" },
    ]);
    const r = await run(bytes);
    const o43 = await docxText(r, "measures");
    expect(o43).not.toContain("เร่งรัด");
    expect(o43).toContain("ยังไม่แล้วเสร็จเมื่อสิ้นปีงบประมาณ พ.ศ. ๒๕๖๙ จึงยกไปดำเนินการต่อในปีงบประมาณ พ.ศ. ๒๕๗๐");
  });

  it("never relabels another year's measures as the measures year's", async () => {
    const { bytes } = await workbook({ measuresYear: "2569", analysisDate: "1/10/2568" }, [
      { title: "มาตรการของปีนี้", status: "ยังไม่ดำเนินการ", year: "๒๕๖๙" },
      { title: "มาตรการของปีที่แล้ว", status: "ดำเนินการเสร็จเรียบร้อยแล้ว", year: 2568 },
    ]);
    const r = await run(bytes);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const other = find(r.warnings, "MEASURE_OTHER_YEAR");
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({ sheet: SHEETS.measures, params: { year: 2568, measuresYear: 2569 } });
    expect(other[0].cell).toMatch(/^[A-Z]+5$/);
    expect(r.analysis.measures.items.map((m) => m.title)).toEqual(["มาตรการของปีนี้"]);
    for (const which of ["analysis", "measures"] as const) {
      const t = await docxText(r, which);
      expect(t).toContain("มาตรการของปีนี้");
      expect(t).not.toContain("มาตรการของปีที่แล้ว");
    }
  });

  it("refuses a day that does not exist and text that is not a date, naming the cell", async () => {
    const { bytes, cellOf } = await workbook({ analysisDate: "31 ก.พ. 2569", measuresReportDate: "ปลายปี" });
    const r = await run(bytes);
    expect(r.ok).toBe(false);
    expect(find(r.errors, "SETTING_DATE_NO_SUCH_DAY")[0]).toMatchObject({ cell: cellOf("analysisDate") });
    expect(find(r.errors, "SETTING_DATE_INVALID")[0]).toMatchObject({ cell: cellOf("measuresReportDate") });
  });

  it("warns when the measures year is not after the analysed year", async () => {
    const { bytes, cellOf } = await workbook({ measuresYear: 2568 });
    const r = await run(bytes);
    expect(find(r.warnings, "MEASURES_YEAR_NOT_AFTER")[0]).toMatchObject({
      cell: cellOf("measuresYear"),
      params: { measuresYear: 2568, year: 2568, next: 2569 },
    });
  });
});
