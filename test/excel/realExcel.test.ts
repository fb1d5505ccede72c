/**
 * Issue 8: what real Excel would do with the add-in's writes, on the strict fake. Each
 * describe names the defect it covers.
 */
import { readLayout, writeGeneratedSheets, createTemplate, READY_PREFIX, TEMP_PREFIX } from "../../src/excel/adapter";
import { dateOfSerial, isDateFormat } from "../../src/excel/dates";
import { MEASURES_TEMPLATE } from "../../src/layout/template";
import { INPUT_SHEETS, OPTIONAL_SHEETS, SETTINGS_LABELS, SHEETS, sheetNameProblem } from "../../src/layout/names";
import { runPipeline } from "../../src/pipeline";
import { emptySheet, type SheetSpec } from "../../src/layout/sheetSpec";
import { templateSheets } from "../../src/layout/template";
import { FakeWorkbook, installExcelEnums, serialOf, type FakeSheet } from "./fakeExcel";
import { inputGrids } from "./fixtures";

beforeAll(installExcelEnums);

const INJECTION = '=HYPERLINK("http://evil.example/x","คลิก")';

async function analyse(wb: FakeWorkbook) {
  const read = await readLayout(wb.context);
  const result = runPipeline(read.sheets, { date: new Date(Date.UTC(2026, 0, 15)) });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const report = await writeGeneratedSheets(wb.context, result.sheets);
  return { read, result, report };
}

/** Every string of the spec is in the sheet as that same text; no formula anywhere. */
function expectTextAsWritten(spec: SheetSpec, sheet: FakeSheet): void {
  expect([...sheet.formulas.keys()]).toEqual([]);
  spec.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== "string" || v === "") return;
      const key = `${String.fromCharCode(65 + (c % 26)).repeat(c >= 26 ? 2 : 1)}${r + 1}`;
      if (c >= 26) return; // beyond Z: not used by the generated sheets
      expect([key, sheet.cells.get(key)]).toEqual([key, v]);
    }),
  );
}

describe("defect 1: text reaches Excel as text", () => {
  it("the change column (+๒๕.๖๘), years and a measure named like a formula stay text in every generated sheet", async () => {
    const grids = inputGrids(3, 4);
    const measures = grids[SHEETS.measures];
    measures[MEASURES_TEMPLATE.headerRow][2] = INJECTION;
    measures[MEASURES_TEMPLATE.headerRow + 1][2] = "+๒๕.๖๘ คะแนน";
    measures[MEASURES_TEMPLATE.headerRow + 2][2] = "2565";
    const wb = new FakeWorkbook(grids);
    const { result } = await analyse(wb);
    for (const spec of result.sheets) expectTextAsWritten(spec, wb.get(spec.name));
    const all = wb.sheets.flatMap((s) => [...s.cells.values()]);
    expect(all).toContain(INJECTION);
    expect(all.some((v) => typeof v === "string" && /^\+[๐-๙]/.test(v))).toBe(true);
  });

  it("a template made in Excel keeps its text labels as text", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    await createTemplate(wb.context, templateSheets([2566, 2567]));
    for (const spec of templateSheets([2566, 2567])) expectTextAsWritten(spec, wb.get(spec.name));
  });
});

describe("defect 2: trend chart categories", () => {
  it("plots the years as categories, not as a series", async () => {
    const wb = new FakeWorkbook(inputGrids(3, 2));
    await analyse(wb);
    const chart = wb.get(SHEETS.trend).charts.find((c) => c.name === "totalsTrend");
    expect(chart).toBeDefined();
    expect(chart!.categories).toEqual(["2563", "2564", "2565"]);
    expect(chart!.series).toEqual(["คะแนนรวม", "IIT", "EIT", "OIT"]);
    const scores = wb.get(SHEETS.analysis).charts.find((c) => c.name === "indicatorScores");
    expect(scores!.series).toEqual([expect.stringMatching(/^คะแนนปี/), "เกณฑ์ผ่าน"]);
  });

  it("in every generated SheetSpec a chart's first column (its categories) is text", () => {
    const grids = inputGrids(5, 6);
    const out = runPipeline(grids);
    const charts = out.sheets.flatMap((s) => s.charts.map((c) => ({ s, c })));
    expect(charts.length).toBeGreaterThanOrEqual(3);
    for (const { s, c } of charts) {
      const [from, to] = c.dataRange.split(":");
      const col = from.charCodeAt(0) - 65;
      const r0 = Number(from.slice(1));
      const r1 = Number(to.slice(1));
      for (let r = r0; r < r1; r++) expect([c.id, r, typeof s.rows[r][col]]).toEqual([c.id, r, "string"]);
    }
  });
});

describe("defect 5: cosmetic extras never sink a run", () => {
  it.each([
    ["conditional formats", /conditionalFormats\.add/, "colours"],
    ["freeze panes", /freezePanes/, "freeze"],
    ["print setup", /pageLayout/, "print"],
    ["tab colour", /tabColor/, "tabColor"],
  ])("Excel rejecting %s: the analysis is written, the extra reported as skipped", async (_l, failOn, extra) => {
    const wb = new FakeWorkbook(inputGrids(3, 4));
    await analyse(wb);
    wb.get(SHEETS.analysis).cells.set("Z99", "old marker");
    wb.failOn = failOn;
    const { result, report } = await analyse(wb);
    expect(report.rejected).toContain(extra);
    expect(wb.get(SHEETS.analysis).cells.has("Z99")).toBe(false);
    for (const spec of result.sheets) expectTextAsWritten(spec, wb.get(spec.name));
  });

  it("the dropdowns of a new template are best-effort too", async () => {
    const wb = new FakeWorkbook({ Sheet1: [] });
    wb.failOn = /dataValidation/;
    const report = await createTemplate(wb.context, templateSheets());
    expect(report.created).toEqual([
      SHEETS.scores,
      SHEETS.measures,
      SHEETS.settings,
      OPTIONAL_SHEETS.oit,
      OPTIONAL_SHEETS.framework,
    ]);
    expect(report.rejected).toContain("dropdowns");
  });
});

describe("defect 6: re-running keeps the user's references", () => {
  it("a user formula ='ผลวิเคราะห์ ITA'!A2 in an input sheet still evaluates after a second run", async () => {
    const wb = new FakeWorkbook(inputGrids(3, 4));
    await analyse(wb);
    const identity = wb.get(SHEETS.analysis).id;
    wb.setFormula(SHEETS.settings, "F1", `='${SHEETS.analysis}'!A2`);
    expect(wb.valueAt(wb.get(SHEETS.settings), "F1")).toBe("เทศบาลตำบลท่าแร่");
    await analyse(wb);
    expect(wb.get(SHEETS.analysis).id).toBe(identity);
    expect(wb.valueAt(wb.get(SHEETS.settings), "F1")).toBe("เทศบาลตำบลท่าแร่");
    // and the sheet holds only the new content: one set of charts, no leftovers
    expect(
      wb
        .get(SHEETS.analysis)
        .charts.map((c) => c.name)
        .sort(),
    ).toEqual(["indicatorScores", "measuresByStatus"]);
    expect(wb.names().filter((n) => n.startsWith(TEMP_PREFIX) || n.startsWith(READY_PREFIX))).toEqual([]);
  });

  it("a failure while drawing in place swaps in the complete new copy: never a half-written analysis", async () => {
    const wb = new FakeWorkbook(inputGrids(3, 4));
    await analyse(wb);
    wb.failOn = /^clear\(/;
    const { result, report } = await analyse(wb);
    // the first in-place draw failed, so every sheet takes its complete copy
    expect(report.swapped).toEqual(result.sheets.map((s) => s.name));
    for (const spec of result.sheets) expectTextAsWritten(spec, wb.get(spec.name));
    expect(wb.names()).toEqual([...INPUT_SHEETS, ...result.sheets.map((s) => s.name)]);
  });
});

describe("defect 7: dates typed as dates", () => {
  it("a report date typed in ตั้งค่า arrives as a Date, not a serial number", async () => {
    const grids = inputGrids(2, 1);
    const wb = new FakeWorkbook(grids);
    const settings = wb.get(SHEETS.settings);
    const row = grids[SHEETS.settings].findIndex((r) => r[0] === SETTINGS_LABELS.reportDate);
    expect(row).toBeGreaterThan(0);
    settings.cells.set(`B${row + 1}`, serialOf(2026, 3, 31));
    settings.formats.set(`B${row + 1}`, "d/m/yyyy");
    const { sheets } = await readLayout(wb.context);
    expect(sheets[SHEETS.settings][row][1]).toEqual(new Date(Date.UTC(2026, 2, 31)));
    // a plain number stays a number
    expect(sheets[SHEETS.scores].flat().some((v) => v === 98.68)).toBe(true);
  });

  it("knows date formats and both date systems", () => {
    for (const f of ["d/m/yyyy", "[$-th-TH]d mmmm bbbb", "yyyy-mm-dd", "dd-mmm-yy", "[$-101041E]d mmm yy;@"])
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of ["General", "0.00", "@", "0.00;[Red]-0.00", '"day" 0', "#,##0"])
      expect([f, isDateFormat(f)]).toEqual([f, false]);
    expect(dateOfSerial(1)).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(dateOfSerial(61)).toEqual(new Date(Date.UTC(1900, 2, 1)));
    expect(dateOfSerial(45658)).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(dateOfSerial(0, true)).toEqual(new Date(Date.UTC(1904, 0, 1)));
  });
});

describe("defect 9: sheet names follow Excel's rules", () => {
  it("the product's names are valid; invalid ones are refused before anything is sent", async () => {
    for (const n of Object.values(SHEETS)) expect([n, sheetNameProblem(n)]).toEqual([n, null]);
    for (const bad of ["History", "history", "a:b", "a/b", "a\\b", "a?", "a*", "[x]", "'x", "", "ก".repeat(32)])
      expect([bad, sheetNameProblem(bad)]).not.toEqual([bad, null]);
    const wb = new FakeWorkbook(inputGrids(2, 1));
    for (const name of ["History", "ผลวิเคราะห์: ITA", "ผลวิเคราะห์ ITA ปีงบประมาณ 2568 ฉบับเต็ม"]) {
      const spec: SheetSpec = { ...emptySheet(name, "generated"), rows: [["x"]] };
      await expect(writeGeneratedSheets(wb.context, [spec])).rejects.toMatchObject({ code: "SHEET_NAME_INVALID" });
    }
    const twice = [emptySheet("ผลวิเคราะห์ ITA", "generated"), emptySheet("ผลวิเคราะห์ ita", "generated")];
    await expect(writeGeneratedSheets(wb.context, twice)).rejects.toMatchObject({ code: "SHEET_NAME_INVALID" });
    expect(wb.syncCount).toBe(0);
  });
});
