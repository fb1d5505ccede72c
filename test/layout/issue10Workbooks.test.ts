/**
 * Issue 10's wiring on real .xlsx files: workbooks made with the project's template, filled as a
 * user would, written with ExcelJS, read back, analysed, and the generated sheets written into
 * the file and read back again.
 */
import { analysisToJson, errorsToJson } from "../../src/core/json";
import { describeIssue } from "../../src/core/messages";
import { OPTIONAL_SHEETS, SHEETS } from "../../src/layout/names";
import type { Grid, SheetSpec } from "../../src/layout/sheetSpec";
import { OIT_TEMPLATE, SCORE_TEMPLATE, templateSheets } from "../../src/layout/template";
import { runPipeline, type PipelineOptions } from "../../src/pipeline";
import { createWorkbook, readWorkbook, writeGeneratedSheets } from "../../src/xlsx";
import { SEED_002_2565, paramsOf } from "../helpers/input";

/* eslint-disable @typescript-eslint/no-explicit-any */

type Sheets = Record<string, SheetSpec>;

/** The template's sheets for `years`, by name, with the unit's name filled. */
function template(years: number[]): Sheets {
  const out: Sheets = {};
  for (const s of templateSheets(years)) out[s.name] = s;
  out[SHEETS.scores].rows[2][1] = "เทศบาลตำบลทดสอบ";
  return out;
}

/** Fills the score column of `year` (the i-th template year) from indicator 1 on. */
function fillScores(s: Sheets, yearIndex: number, scores: Array<number | null>): void {
  scores.forEach((v, i) => {
    s[SHEETS.scores].rows[SCORE_TEMPLATE.firstIndicatorRow - 1 + i][2 + yearIndex] = v;
  });
}

/** Writes the sheets to a real .xlsx, reads it back, runs the pipeline, writes the generated sheets and reads them back. */
async function roundTrip(s: Sheets, options: PipelineOptions = {}) {
  const bytes = await createWorkbook(Object.values(s));
  const read = await readWorkbook(bytes);
  if (!read.ok) throw new Error(read.issue.code);
  const run = runPipeline(read.sheets, { ...options, facts: read.facts });
  let back: Record<string, Grid> = {};
  if (run.ok) {
    const written = await readWorkbook(await writeGeneratedSheets(bytes, run.sheets), "w.xlsx", undefined, () => true);
    if (!written.ok) throw new Error(written.issue.code);
    back = written.sheets;
  }
  return { run, back };
}

const textOf = (grid: Grid | undefined): string =>
  (grid ?? []).map((r) => r.map((c) => (c === null || c === undefined ? "" : String(c))).join(" | ")).join("\n");

/** The value right of a label in the analysis sheet's summary (label in A, value in D). */
function summaryValue(grid: Grid, label: string): unknown {
  const row = grid.find((r) => r[0] === label);
  return row ? row[3] : undefined;
}

describe("a 2565–2566 workbook: 2566 is rated, the letter is only the old scheme's comparison", () => {
  test("summary rows of the analysis sheet and the trend", async () => {
    const s = template([2565, 2566]);
    fillScores(s, 0, SEED_002_2565);
    fillScores(
      s,
      1,
      SEED_002_2565.map((v, i) => (i >= 5 && i <= 7 ? Math.min(100, v + 5) : v)),
    );
    const { run, back } = await roundTrip(s);
    expect(run.errors).toEqual([]);
    const sheet = back[SHEETS.analysis];
    expect(summaryValue(sheet, "ผลการประเมิน (ผลอย่างเป็นทางการ ตั้งแต่ปี 2566)")).toBe("ผ่านดี");
    expect(summaryValue(sheet, "คะแนนรวม")).toBe(95.73);
    expect(summaryValue(sheet, "ระดับตามเกณฑ์เดิม (AA–F) เพื่อเปรียบเทียบเท่านั้น")).toBe("AA");
    // the rating row comes before the total and the letter
    const labels = sheet.map((r) => r[0]);
    expect(labels.indexOf("ผลการประเมิน (ผลอย่างเป็นทางการ ตั้งแต่ปี 2566)")).toBeLessThan(labels.indexOf("คะแนนรวม"));
    const text = textOf(sheet);
    expect(text).toContain("ผลการประเมินเทียบกับปีก่อน (ปี 2565 → ปี 2566)");
    expect(text).toContain("คะแนนรวม 94.23 → 95.73 เปลี่ยนแปลง +1.50 คะแนน");
    expect(text).toContain("เครื่องมือที่ทำให้คะแนนรวมเปลี่ยนมากที่สุด: EIT (+1.50 คะแนน)");
    expect(text).toContain("• ยังไม่ได้ ผ่านดีเยี่ยม เพราะ EIT ได้ 87.88 ต่ำกว่าเกณฑ์ 95");
    expect(text).toContain("(ปี 2566: ตัวชี้วัด IIT ตัวละ 6% EIT ตัวละ 10% OIT ตัวละ 20%)");
    expect(text).toContain("เป้าหมาย: ผ่านดีเยี่ยม (คะแนนรวมตั้งแต่ 95 และทุกเครื่องมือตั้งแต่ 95)");
    expect(text).toContain(
      "เพิ่มคะแนนรวมทุกตัวชี้วัด 21.34 คะแนน → คะแนนรวม 97.86 (IIT 97.88 EIT 95.00 OIT 100.00) ผลการประเมิน ผ่านดีเยี่ยม",
    );
    // the trend: 2565 lettered only, 2566 rated
    const trend = back[SHEETS.trend].filter((r) => r[0] === "2565" || r[0] === "2566").map((r) => [r[0], r[5], r[6]]);
    expect(trend).toEqual([
      ["2565", "A", "ผ่านเกณฑ์"],
      ["2566", "AA", "ผ่านดี"],
    ]);
  });
});

/** The template's framework sheet switched on and grown to 12 indicators (weights 25/35/40). */
function twelveIndicators(s: Sheets): void {
  const fw = s[OPTIONAL_SHEETS.framework].rows;
  expect(fw[4]).toEqual(["ใช้กรอบการประเมินนี้", "ไม่ใช้", "เลือก ใช้ / ไม่ใช้"]);
  fw[4][1] = "ใช้";
  expect(fw[6].slice(0, 2)).toEqual(["เครื่องมือ", "น้ำหนัก (%)"]);
  fw[7][1] = 25;
  fw[8][1] = 35;
  fw[9][1] = 40;
  expect(fw[18]).toEqual(["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "เครื่องมือ"]);
  expect(fw.length).toBe(29);
  fw.push([11, "การบริหารความเสี่ยงการทุจริต", "OIT"], [12, "การมีส่วนร่วมของผู้มีส่วนได้ส่วนเสีย", "EIT"]);
  // two more rows in the score sheet, above the published-total row
  const rows = s[SHEETS.scores].rows;
  const at = SCORE_TEMPLATE.firstIndicatorRow - 1 + 10;
  rows.splice(at, 0, [11, "การบริหารความเสี่ยงการทุจริต"], [12, "การมีส่วนร่วมของผู้มีส่วนได้ส่วนเสีย"]);
}

describe("a framework defined in the workbook: 12 indicators, template → fill → analyse", () => {
  let run: Awaited<ReturnType<typeof roundTrip>>["run"];
  let back: Record<string, Grid>;
  let j: Record<string, any>;
  beforeAll(async () => {
    const s = template([2568, 2569]);
    twelveIndicators(s);
    // 2568: the built-in 10 (IIT 90, EIT 80, OIT 90 → 87.00); 2569: IIT 90, EIT 80 (6–8, 12), OIT 90 90 60
    fillScores(s, 0, [90, 90, 90, 90, 90, 80, 80, 80, 90, 90]);
    fillScores(s, 1, [90, 90, 90, 90, 90, 80, 80, 80, 90, 90, 60, 80]);
    const m = s[SHEETS.measures].rows;
    m.push([1, "11, 12", "มาตรการบริหารความเสี่ยงและการมีส่วนร่วม", null, null, null, null, "ยังไม่ดำเนินการ"]);
    ({ run, back } = await roundTrip(s));
    j = run.analysis ? (analysisToJson(run.analysis) as Record<string, any>) : {};
  });

  test("the score sheet takes exactly the framework's numbers; scored with 25/35/40", () => {
    expect(run.errors).toEqual([]);
    const a = run.analysis!;
    expect(a.indicators.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(a.framework).toMatchObject({ origin: "workbook", title: "กรอบการประเมินที่กำหนดในสมุดงาน" });
    // IIT 90, EIT 80, OIT (90 + 90 + 60) / 3 = 80 → 22.5 + 28 + 32 = 82.50
    expect([a.year, a.tools, a.total, a.rating]).toEqual([2569, { IIT: 90, EIT: 80, OIT: 80 }, 82.5, "ต้องปรับปรุง"]);
    expect(a.measures.items[0].indicators).toEqual([11, 12]);
    expect(a.warnings.map((w) => w.code)).not.toContain("WEIGHTS_ASSUMED");
    // indicators the library does not know get a general recommendation written from their name
    expect(run.sheets.map((x) => x.name)).toEqual([SHEETS.analysis, SHEETS.trend, SHEETS.report]);
    expect(JSON.stringify(run.report)).toContain("สะท้อนผลการดำเนินงานด้านการบริหารความเสี่ยงการทุจริต");
  });

  test("JSON: frameworkSource workbook, the change across frameworks, the plans", () => {
    expect(j.frameworkSource).toBe("workbook");
    expect(j.indicators).toHaveLength(12);
    // 2568 (built in, 30/30/40) 87.00 → 82.50: IIT 0.25·90 − 0.30·90 = −4.5, EIT +4, OIT −4
    expect(j.change).toMatchObject({
      from: 2568,
      total: -4.5,
      byTool: [
        { tool: "IIT", change: 0, contribution: -4.5 },
        { tool: "EIT", change: 0, contribution: 4 },
        { tool: "OIT", change: -10, contribution: -4 },
      ],
    });
    expect(j.change.byIndicator.filter((i: any) => i.no >= 9)).toEqual([
      { no: 9, change: 0, contribution: -6 },
      { no: 10, change: 0, contribution: -6 },
      { no: 11, change: null, contribution: 8 },
      { no: 12, change: null, contribution: 7 },
    ]);
    // ผ่าน: the total needs 84.995 − 82.5 = 2.495 points, an OIT point weighs 0.40 / 3 → +18.72 on indicator 11
    expect(j.plan.map((p: any) => [p.target, p.totalGain])).toEqual([
      ["ผ่าน", 18.72],
      ["ผ่านดี", 34.97],
      ["ผ่านดีเยี่ยม", expect.any(Number)],
    ]);
    expect(j.plan[0].indicators).toEqual([{ no: 11, from: 60, to: 78.72 }]);
    expect(j.plan[0].reaches).toEqual({ tools: { IIT: 90, EIT: 80, OIT: 86.24 }, total: 85, rating: "ผ่าน" });
  });

  test("the analysis sheet names the workbook's framework and shows change and plan", () => {
    const text = textOf(back[SHEETS.analysis]);
    expect(text).toContain(
      "กรอบการประเมินที่กำหนดในสมุดงาน (ชีต 'กรอบการประเมิน' แทนกรอบการประเมินในโปรแกรม) · น้ำหนัก IIT 25% EIT 35% OIT 40%",
    );
    expect(summaryValue(back[SHEETS.analysis], "ผลการประเมิน (ตามเกณฑ์ในชีต 'กรอบการประเมิน')")).toBe("ต้องปรับปรุง");
    expect(text).toContain("เกณฑ์ผลการประเมินตามชีต 'กรอบการประเมิน'");
    expect(text).toContain("12 | EIT | การมีส่วนร่วมของผู้มีส่วนได้ส่วนเสีย |  | 80 |  | 7");
    expect(text).toContain("เป้าหมาย: ผ่าน (คะแนนรวมตั้งแต่ 85)");
    expect(text).toContain("11 | OIT | การบริหารความเสี่ยงการทุจริต | 60 | 78.72 | 18.72");
    expect(textOf(back[SHEETS.trend])).toContain(
      "ปี 2569 ใช้กรอบการประเมินที่กำหนดในสมุดงาน (ชีต 'กรอบการประเมิน') ปีอื่นใช้กรอบการประเมินในโปรแกรม",
    );
  });
});

describe("the OIT self-check with missing items", () => {
  test("missing items named in the sheet and the JSON; estimates labelled ประมาณการ; warnings with cells", async () => {
    const s = template([2568, 2569]);
    fillScores(s, 0, SEED_002_2565);
    fillScores(s, 1, SEED_002_2565);
    const oit = s[OPTIONAL_SHEETS.oit].rows;
    const first = OIT_TEMPLATE.firstItemRow - 1;
    expect(oit[first - 1].slice(0, 6)).toEqual(["ข้อ", "ชื่อรายการ", "ตัวชี้วัดย่อย", "มี/ไม่มี", "ลิงก์", "หมายเหตุ"]);
    for (let r = first; r < oit.length; r++) {
      const code = oit[r][0];
      oit[r][3] = code === "O8" || code === "O9" ? "ไม่มี" : code === "O42" ? null : "มี";
    }
    oit[first][4] = "https://www.example.go.th/structure";
    oit[first + 1][4] = "www.example.go.th/executives"; // not http(s): a warning at E7
    const { run, back } = await roundTrip(s);
    expect(run.errors).toEqual([]);
    const a = run.analysis!;
    const w = a.warnings.filter((x) => x.code.startsWith("OIT_"));
    expect(w.map((x) => [x.code, x.sheet, x.cell])).toEqual([
      ["OIT_LINK_INVALID", "OIT", "E7"],
      ["OIT_STATUS_BLANK", "OIT", "D47"],
    ]);
    expect(describeIssue(w[1])).toBe(
      "คำเตือน: ชีต 'OIT' เซลล์ D47: ยังไม่ได้ระบุ มี/ไม่มี 1 รายการ (เซลล์ D47) การประมาณการนับเป็นไม่มี",
    );
    const j = analysisToJson(a) as Record<string, any>;
    // 9.1: 7 of 9 → 77.78; indicator 9 = mean(77.78, 100 × 4) = 95.56
    expect(j.oit.missing).toEqual(["O8", "O9", "O42"]);
    expect(j.oit.unchecked).toEqual(["O42"]);
    expect(j.oit.subIndicators.find((x: any) => x.id === "9.1")).toEqual({
      id: "9.1",
      present: 7,
      items: 9,
      score: 77.78,
    });
    // 10.2: O43 of O42–O43 → 50; indicator 10 = mean(100, 50) = 75; OIT = (95.56 + 75) / 2 = 85.28
    expect(j.oit.estimated).toMatchObject({ ind9: 95.56, ind10: 75, oit: 85.28 });
    expect(j.warnings.map((x: any) => x.cell)).toEqual(expect.arrayContaining(["OIT!E7", "OIT!D47"]));
    const text = textOf(back[SHEETS.analysis]);
    expect(text).toContain("ตรวจรายการ OIT ด้วยตนเอง (ประมาณการ จากชีต 'OIT')");
    expect(text).toContain("OIT (ประมาณการ) |  |  | 85.28 | 100");
    expect(text).toContain("รายการที่ยังไม่มี ต้องเผยแพร่บนเว็บไซต์ (3 รายการ):");
    expect(text).toContain("O8 | 9.1 | Q&A (ถาม-ตอบ) |  |  |  | ไม่มี");
    expect(text).toContain("O42 | 10.2 | มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน |  |  |  | ยังไม่ได้ตรวจ");
    // every estimate row is labelled
    for (const row of back[SHEETS.analysis].filter((r) => r[3] === 85.28 || r[3] === j.oit.estimated.total))
      expect(String(row[0])).toContain("ประมาณการ");
  });

  test("a list left as the template made it is not in use: no estimate, no warning", async () => {
    const s = template([2569]);
    fillScores(s, 0, SEED_002_2565);
    const { run } = await roundTrip(s);
    expect(run.analysis!.oit).toBeNull();
    expect(run.warnings.filter((w) => w.code.startsWith("OIT_"))).toEqual([]);
  });
});

describe("a broken framework sheet: every error with its sheet and cell", () => {
  test("weights, a repeated number, an unknown tool, thresholds out of order", async () => {
    const s = template([2569]);
    fillScores(s, 0, SEED_002_2565);
    const fw = s[OPTIONAL_SHEETS.framework].rows;
    fw[4][1] = "ใช้";
    fw[9][1] = 30; // OIT 30: 30 + 30 + 30 = 90
    expect(fw[12][0]).toBe("ผ่านดีเยี่ยม");
    fw[13][1] = 96; // ผ่านดี asks a higher total than ผ่านดีเยี่ยม
    fw[20][0] = 1; // indicator 2's row says 1 again
    fw[23][2] = "XIT"; // indicator 5
    const { run } = await roundTrip(s);
    expect(run.ok).toBe(false);
    expect(run.errors.map((e) => [e.code, e.sheet, e.cell])).toEqual([
      ["FRAMEWORK_WEIGHTS_SUM", "กรอบการประเมิน", "B7"],
      ["FRAMEWORK_INDICATOR_REPEATED", "กรอบการประเมิน", "A21"],
      ["FRAMEWORK_INDICATOR_TOOL_UNKNOWN", "กรอบการประเมิน", "C24"],
      ["FRAMEWORK_THRESHOLDS_ORDER", "กรอบการประเมิน", "A14"],
    ]);
    expect(errorsToJson(run.errors).errors.map((e) => e.cell)).toEqual([
      "กรอบการประเมิน!B7",
      "กรอบการประเมิน!A21",
      "กรอบการประเมิน!C24",
      "กรอบการประเมิน!A14",
    ]);
    expect(describeIssue(run.errors[0])).toBe(
      "ข้อผิดพลาด: ชีต 'กรอบการประเมิน' เซลล์ B7: น้ำหนักของเครื่องมือทั้งหมดต้องรวมกันได้ 100 (ตอนนี้รวมได้ 90)",
    );
  });

  test("a switch that is neither ใช้ nor ไม่ใช้; a sheet left switched off is never read", async () => {
    const s = template([2569]);
    fillScores(s, 0, SEED_002_2565);
    const fw = s[OPTIONAL_SHEETS.framework].rows;
    fw[9][1] = "สี่สิบ"; // broken, but the sheet is switched off
    expect((await roundTrip(s)).run.analysis!.framework.origin).toBe("builtin");
    fw[4][1] = "อาจจะ";
    const { run } = await roundTrip(s);
    expect(run.errors.map((e) => [e.code, e.cell])).toEqual([["FRAMEWORK_USE_INVALID", "B5"]]);
  });
});

describe("the typed total: the settings row คะแนนรวมเป้าหมาย", () => {
  test("a plan for it after the ratings; an invalid value is an error at its cell", async () => {
    const s = template([2569]);
    fillScores(s, 0, SEED_002_2565);
    const rows = s[SHEETS.settings].rows;
    const at = rows.findIndex((r) => r[0] === "คะแนนรวมเป้าหมาย");
    expect(at).toBeGreaterThan(0);
    rows[at][1] = "๙๖.๕";
    const { run, back } = await roundTrip(s);
    expect(run.analysis!.plan.map((p) => p.target)).toEqual(["ผ่านดี", "ผ่านดีเยี่ยม", 96.5]);
    expect(textOf(back[SHEETS.analysis])).toContain("เป้าหมาย: คะแนนรวม 96.50 (ที่กำหนดไว้)");
    rows[at][1] = 120;
    const bad = await roundTrip(s);
    expect(bad.run.errors.map((e) => [e.code, e.sheet, e.cell])).toEqual([["SETTING_INVALID", "ตั้งค่า", `B${at + 1}`]]);
  });
});

describe("blank score cells are named", () => {
  function partial() {
    const s = template([2568, 2569]);
    fillScores(s, 0, SEED_002_2565);
    fillScores(s, 1, [...SEED_002_2565.slice(0, 8), null, null]);
    return s;
  }
  test("the latest year incomplete: 2568 is analysed, with a warning naming D17:D18", async () => {
    const { run } = await roundTrip(partial());
    expect(run.analysis!.year).toBe(2568);
    const w = run.warnings.find((x) => x.code === "YEAR_SKIPPED_INCOMPLETE")!;
    expect([w.sheet, w.cell]).toEqual(["คะแนน ITA", "D17"]);
    expect(describeIssue(w)).toBe(
      "คำเตือน: ชีต 'คะแนน ITA' เซลล์ D17: ปี 2569 ยังกรอกคะแนนไม่ครบ ขาดตัวชี้วัดที่ 9, 10 (เซลล์ว่าง: D17:D18) จึงวิเคราะห์ปี 2568 ซึ่งเป็นปีล่าสุดที่กรอกครบแทน",
    );
    expect(analysisToJson(run.analysis!).warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "YEAR_SKIPPED_INCOMPLETE", cell: "คะแนน ITA!D17" })]),
    );
  });
  test("a requested incomplete year is an error naming every blank cell", async () => {
    const { run } = await roundTrip(partial(), { year: 2569 });
    expect(run.errors).toEqual([
      expect.objectContaining({
        code: "YEAR_INCOMPLETE",
        cell: "D17",
        params: expect.objectContaining({ cells: "D17:D18" }),
      }),
    ]);
    expect(describeIssue(run.errors[0], "en")).toBe(
      "Error: sheet 'คะแนน ITA' cell D17: Year 2569 is incomplete: indicator(s) 9, 10 have no score (blank cells: D17:D18)",
    );
  });
  test("no complete year: the blank cells of the latest typed year", async () => {
    const s = partial();
    s[SHEETS.scores].rows[SCORE_TEMPLATE.firstIndicatorRow - 1 + 2][2] = null; // 2568, indicator 3: C11
    const { run } = await roundTrip(s);
    expect(run.errors.map((e) => [e.code, e.cell, paramsOf(e).cells, paramsOf(e).count])).toEqual([
      ["NO_COMPLETE_YEAR", "D17", "D17:D18", 10],
    ]);
  });
  test("a year column left wholly blank (the template's next year) is no warning", async () => {
    const s = template([2568, 2569]);
    fillScores(s, 0, SEED_002_2565);
    const { run } = await roundTrip(s);
    expect(run.analysis!.year).toBe(2568);
    expect(run.warnings.map((w) => w.code)).not.toContain("YEAR_SKIPPED_INCOMPLETE");
  });
});
