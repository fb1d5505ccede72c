import { parseA1 } from "../../src/layout/grid";
import { SHEETS } from "../../src/layout/names";
import { textWidth, wrapLines } from "../../src/layout/rowHeights";
import { reportSheet } from "../../src/report/sheet";
import { buildReportModel, STATUS_MARK } from "../../src/report";
import { analysisOf, inputOf, SEED_002_2565, THARAE } from "../helpers/input";
import { SAMPLE_MEASURES, SEED_002_ITAS_RANKING } from "./fixtures";
import { table } from "./helpers";

function build(measures = SAMPLE_MEASURES) {
  const inp = inputOf({ 2565: SEED_002_2565 }, { unit: THARAE, measures });
  const model = buildReportModel(analysisOf(inp), inp.settings, { date: new Date(2022, 9, 31) });
  return { model, sheet: reportSheet(model) };
}

const text = (c: unknown) => (c === null || c === undefined ? "" : String(c));

describe("reportSheet", () => {
  it("is the generated, print-ready sheet รายงาน ITA in TH Sarabun New 16", () => {
    const { sheet } = build();
    expect(sheet.name).toBe(SHEETS.report);
    expect(sheet.kind).toBe("generated");
    expect(sheet.font).toEqual({ name: "TH Sarabun New", size: 16 });
    expect(sheet.print).toMatchObject({ orientation: "landscape", fitToWidth: true });
    expect(sheet.print?.repeatRows).toMatch(/^\d+:\d+$/);
  });

  it("holds the ranking table as in the docx model, one table column per sheet column", () => {
    const { sheet } = build();
    const at = sheet.rows.findIndex((r) => text(r[0]) === "อันดับ" && text(r[1]) === "ตัวชี้วัด");
    expect(at).toBeGreaterThan(0);
    const rows = sheet.rows.slice(at + 1, at + 11).map((r) => r.slice(0, 3).map(text));
    expect(rows).toEqual(
      SEED_002_ITAS_RANKING.map((r) => r.map((c) => c.replace(/[0-9]/g, (d) => "๐๑๒๓๔๕๖๗๘๙"[Number(d)]))),
    );
  });

  it("repeats the header of the main (measures) table and merges the spanned status header", () => {
    const { sheet, model } = build();
    const [first, last] = (sheet.print?.repeatRows ?? "0:0").split(":").map(Number);
    const headerCells = sheet.rows
      .slice(first - 1, last)
      .flat()
      .map(text);
    expect(last).toBe(first);
    expect(headerCells.filter(Boolean)).toEqual(table(model.analysisDoc, "measures").header[0].map((c) => c.text));
    const statusRow = sheet.rows.findIndex(
      (r) => r.map(text).includes("สถานะการดำเนินการ") && r.map(text).includes("ระยะเวลา"),
    );
    expect(statusRow).toBeGreaterThan(0);
    expect(sheet.merges).toContain(`F${statusRow + 1}:H${statusRow + 1}`);
    expect(sheet.merges).toContain(`A${statusRow + 1}:A${statusRow + 2}`);
    const marks = sheet.rows.slice(statusRow + 2, statusRow + 5).map((r) => r.slice(5, 8).map(text));
    expect(marks).toEqual([
      ["", "", STATUS_MARK],
      ["", STATUS_MARK, ""],
      [STATUS_MARK, "", ""],
    ]);
  });

  it("keeps every merge and style inside the sheet's columns", () => {
    const { sheet } = build();
    const n = sheet.columnWidths.length;
    for (const m of sheet.merges) {
      const [a, b] = m.split(":").map(parseA1);
      expect(b.col).toBeLessThan(n);
      expect(a.row).toBeLessThanOrEqual(b.row);
    }
    for (const s of sheet.styles) for (const p of s.range.split(":")) expect(parseA1(p).col).toBeLessThan(n);
  });

  it("wraps paragraphs into lines that fit the printed width", () => {
    const { sheet } = build();
    const total = sheet.columnWidths.reduce((a, b) => a + b, 0);
    const colA = sheet.rows.filter((r) => r.length === 1).map((r) => text(r[0]));
    expect(colA.length).toBeGreaterThan(20);
    for (const l of colA) expect(textWidth(l)).toBeLessThanOrEqual(total);
  });
});

describe("wrapLines", () => {
  it("breaks at spaces and keeps every word", () => {
    const s = "หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า สิบ";
    const lines = wrapLines(s, 12);
    expect(lines.join(" ")).toBe(s);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(12);
  });
  it("does not count Thai vowel and tone marks", () => {
    expect(textWidth("ที่")).toBe(1);
    expect(textWidth("น้ำ")).toBe(2);
  });
  it("splits a long run without spaces", () => {
    const lines = wrapLines("การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ", 15);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("")).toBe("การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ");
  });
});
