/**
 * Issue 8, defect 1 on the .xlsx side: a SheetSpec string is text in the written package —
 * a shared or inline string, never a formula (<f>), whatever it looks like — and the writer
 * refuses sheet names Excel would refuse (defect 9). Checked on the package XML itself, so
 * it holds for any writer behind src/xlsx.
 */
import { strFromU8, unzipSync } from "fflate";
import { SHEETS } from "../../src/layout/names";
import { runPipeline } from "../../src/pipeline";
import { emptySheet, type SheetSpec } from "../../src/layout/sheetSpec";
import { templateSheets } from "../../src/layout/template";
import { createWorkbook, readWorkbook, writeGeneratedSheets } from "../../src/xlsx";
import { inputGrids } from "../excel/fixtures";
import { MEASURES_TEMPLATE } from "../../src/layout/template";

const RISKY = ['=HYPERLINK("http://evil.example/x","คลิก")', "+๒๕.๖๘", "-3.5", "2565", "@SUM(A1)", "TRUE", "2026-03-31"];

function sheetXml(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  return Object.keys(files)
    .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
    .map((f) => strFromU8(files[f]));
}

describe(".xlsx writer: text cells", () => {
  it("writes risky user text as strings, with no formula in the package, and reads it back unchanged", async () => {
    const spec: SheetSpec = { ...emptySheet(SHEETS.analysis, "generated"), rows: RISKY.map((v) => [v]) };
    const bytes = await createWorkbook([spec]);
    const [xml] = sheetXml(bytes);
    expect(xml).not.toMatch(/<f[\s>]/);
    RISKY.forEach((_, r) => expect(xml).toMatch(new RegExp(`<c r="A${r + 1}"[^>]*t="(s|inlineStr)"`)));
    const back = await readWorkbook(bytes, "x.xlsx", undefined, () => true);
    if (!back.ok) throw new Error(back.issue.code);
    expect(back.sheets[SHEETS.analysis].map((r) => r[0])).toEqual(RISKY);
  });

  it("a measure named like a formula stays text through a whole analysis", async () => {
    const grids = inputGrids(3, 2);
    grids[SHEETS.measures][MEASURES_TEMPLATE.headerRow][2] = RISKY[0];
    const input = await createWorkbook(templateSheets([2563, 2564, 2565]).map((s) => ({ ...s, rows: grids[s.name] })));
    const read = await readWorkbook(input, "in.xlsx");
    if (!read.ok) throw new Error(read.issue.code);
    const out = runPipeline(read.sheets);
    expect(JSON.stringify(out.sheets.map((s) => s.rows))).toContain("HYPERLINK");
    const bytes = await writeGeneratedSheets(input, out.sheets);
    for (const xml of sheetXml(bytes)) expect(xml).not.toMatch(/<f[\s>]/);
  });

  it("refuses a sheet name Excel would refuse instead of cutting it", async () => {
    await expect(createWorkbook([emptySheet("ผลวิเคราะห์ ITA ปีงบประมาณ 2568 ฉบับเต็ม", "generated")])).rejects.toThrow(
      /31/,
    );
    await expect(createWorkbook([emptySheet("History", "generated")])).rejects.toThrow(/History/);
  });
});
