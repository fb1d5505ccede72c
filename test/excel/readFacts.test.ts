/**
 * The Office.js read batch hands the parser the same facts as the .xlsx reader (issue 7): sheet
 * visibility, percent-formatted cells, and every sheet matching a layout name, in at most two syncs.
 */
import { percentCells, readLayout } from "../../src/excel/adapter";
import { SHEETS } from "../../src/layout/names";
import { parseWorkbook } from "../../src/layout/parse";
import { FakeWorkbook, installExcelEnums } from "./fakeExcel";
import { inputGrids } from "./fixtures";

beforeAll(installExcelEnums);

describe("readLayout facts", () => {
  it("percent-formatted scores are read as percentages, as from an .xlsx file", async () => {
    const grids = inputGrids(1, 0);
    const wb = new FakeWorkbook(grids);
    const scores = wb.sheets.find((s) => s.name === SHEETS.scores)!;
    // the first score cell: typed 96.12% in Excel, stored 0.9612 with format "0.00%"
    const [addr, value] = [...scores.cells.entries()].find(([, v]) => typeof v === "number" && v > 1 && v <= 100)!;
    scores.cells.set(addr, (value as number) / 100);
    scores.formats = new Map([[addr, "0.00%"]]);
    const sync = jest.spyOn(wb.context, "sync");
    const read = await readLayout(wb.context);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(read.facts.sheets[SHEETS.scores]).toEqual({ state: "visible", percent: [addr] });
    const p = parseWorkbook(read.sheets, read.facts);
    expect(p.warnings).toContainEqual(expect.objectContaining({ code: "PERCENT_READ", cell: addr }));
    const withoutFacts = parseWorkbook(read.sheets);
    expect(p.input!.indicators).not.toEqual(withoutFacts.input?.indicators);
  });

  it("a hidden exact name and a visible twin are both read, and the parser names both", async () => {
    const grids = inputGrids(1, 0);
    const wb = new FakeWorkbook({ [`${SHEETS.scores} `]: grids[SHEETS.scores] });
    wb.addSheet(SHEETS.scores, [["เก่า"]]).visibility = "Hidden";
    const sync = jest.spyOn(wb.context, "sync");
    const read = await readLayout(wb.context);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(read.facts.sheets[SHEETS.scores].state).toBe("hidden");
    expect(read.facts.sheets[`${SHEETS.scores} `].state).toBe("visible");
    expect(parseWorkbook(read.sheets, read.facts).errors).toContainEqual(
      expect.objectContaining({ code: "SHEET_AMBIGUOUS" }),
    );
  });

  it("percentCells reads the format as Excel shows it (quoted and bracketed % are text)", () => {
    expect(percentCells([[0.5, 0.5, 0.5, "50%"]], [["0.00%", '0.00"%"', "[Red]0.00", "@"]], 2, 1)).toEqual(["B3"]);
  });
});
