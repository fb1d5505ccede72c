/** The Office.js path: a date typed in ตั้งค่า reaches the documents as that date (issue 12). */
import { readLayout } from "../../src/excel/adapter";
import { SETTINGS_LABELS, SHEETS } from "../../src/layout/names";
import { runPipeline } from "../../src/pipeline";
import { FakeWorkbook, installExcelEnums, serialOf } from "./fakeExcel";
import { inputGrids } from "./fixtures";

beforeAll(installExcelEnums);

describe("document dates typed as Excel dates in the workbook", () => {
  it("a date-formatted serial (Range.values gives numbers for dates) becomes the O42 date; a Thai-calendar format too", async () => {
    const grids = inputGrids(2, 1);
    const wb = new FakeWorkbook(grids);
    const settings = wb.get(SHEETS.settings);
    const rowOf = (k: keyof typeof SETTINGS_LABELS) =>
      grids[SHEETS.settings].findIndex((r) => r[0] === SETTINGS_LABELS[k]) + 1;
    settings.cells.set(`B${rowOf("analysisDate")}`, serialOf(2022, 10, 20));
    settings.formats.set(`B${rowOf("analysisDate")}`, "d/m/yyyy");
    settings.cells.set(`B${rowOf("measuresReportDate")}`, serialOf(2023, 4, 3));
    settings.formats.set(`B${rowOf("measuresReportDate")}`, "[$-th-TH]d mmmm bbbb");
    const read = await readLayout(wb.context);
    const run = runPipeline(read.sheets, { facts: read.facts });
    if (!run.ok) throw new Error(JSON.stringify(run.errors));
    expect(run.parse.input?.settings).toMatchObject({
      analysisDate: { year: 2565, month: 10, day: 20 },
      measuresReportDate: { year: 2566, month: 4, day: 3 },
    });
    expect(run.warnings.map((w) => w.code)).not.toContain("REPORT_DATE_BLANK");
    const sig = run.report.analysisDoc.blocks.at(-1);
    expect(sig?.kind === "signature" && sig.signers[0].date).toBe("วันที่ ๒๐ ตุลาคม ๒๕๖๕");
    expect(run.report.measuresDoc.title.date).toBe("เมษายน ๒๕๖๖");
  });
});
