/**
 * The consolidated summary written into the open workbook by Office.js (the task pane's
 * "รวมผลหลายหน่วยงาน" mode), on the strict fake: real unit workbooks read by the product's
 * reader, the shared per-file step, the summary sheets through the same writer as the unit
 * analysis (one write request, the swap, the best-effort extras), the AutoFilter on the unit
 * table and one colour per rating in the stacked chart.
 */
import { ALL_CAPABILITIES, detectCapabilities } from "../../src/excel/capabilities";
import { writeGeneratedSheets } from "../../src/excel/adapter";
import { rangeSize } from "../../src/excel/render";
import {
  finishConsolidation,
  outcomeOfWorkbook,
  summarySheets,
  SUMMARY_SHEETS,
  type Failure,
  type UnitRow,
} from "../../src/consolidate";
import { SHEETS } from "../../src/layout/names";
import { isTableSheetName } from "../../src/layout/table";
import { DEFAULT_LIMITS, isLayoutSheetName, readWorkbook } from "../../src/xlsx";
import { rng } from "../helpers/frameworks";
import { randomUnit, unitWorkbook } from "../helpers/unitWorkbooks";
import { FakeWorkbook, installExcelEnums } from "./fakeExcel";
import { inputGrids } from "./fixtures";

beforeAll(installExcelEnums);

let specs: ReturnType<typeof summarySheets>;
let rows: UnitRow[];

beforeAll(async () => {
  const rand = rng(1414);
  rows = [];
  const failures: Failure[] = [];
  for (let k = 0; k < 6; k++) {
    const bytes = await unitWorkbook(randomUnit(rand, k));
    const read = await readWorkbook(
      bytes,
      `u${k}.xlsx`,
      DEFAULT_LIMITS,
      (n) => isLayoutSheetName(n) || isTableSheetName(n),
    );
    const o = outcomeOfWorkbook(read, { id: k, display: `u${k}.xlsx`, modified: 0 });
    rows.push(...o.rows);
    failures.push(...o.failures);
  }
  expect(failures).toEqual([]);
  const done = finishConsolidation(rows, failures, undefined, "CONSOLIDATE_OTHER_YEAR_PANE")!;
  specs = summarySheets(done.consolidation.summary, done.consolidation.duplicates, done.failures.length);
}, 60_000);

function text(wb: FakeWorkbook, sheet: string): string {
  return [...wb.get(sheet).cells.values()].join("\n");
}

it("writes the two summary sheets next to the user's sheets, which stay as they were", async () => {
  const grids = inputGrids(3, 4);
  const wb = new FakeWorkbook(grids);
  const before = text(wb, SHEETS.scores);
  const sync = jest.spyOn(wb.context, "sync");
  const report = await writeGeneratedSheets(wb.context, specs, { caps: ALL_CAPABILITIES });
  expect(report.written).toEqual([SUMMARY_SHEETS.overview, SUMMARY_SHEETS.units]);
  expect(report.rejected).toEqual([]);
  expect(report.requests).toBe(1);
  expect(sync).toHaveBeenCalledTimes(3); // names, the write, the extras
  expect(text(wb, SHEETS.scores)).toBe(before);
  // every unit's total is in the unit table, ranked
  const units = wb.get(SUMMARY_SHEETS.units);
  const totals = [...rows].sort((a, b) => b.total - a.total).map((r) => r.total);
  const col = [...units.cells.entries()].filter(([k]) => /^C\d+$/.test(k) && typeof units.cells.get(k) === "number");
  expect(col.map(([, v]) => v)).toEqual(totals);
});

it("puts the AutoFilter on the unit table and colours the rating series (ExcelApi 1.9 / 1.1)", async () => {
  const wb = new FakeWorkbook(inputGrids(3, 4));
  await writeGeneratedSheets(wb.context, specs, { caps: ALL_CAPABILITIES });
  const unitsSpec = specs.find((s) => s.name === SUMMARY_SHEETS.units)!;
  expect(unitsSpec.autoFilter).toMatch(/^A\d+:[A-Z]+\d+$/);
  expect(wb.get(SUMMARY_SHEETS.units).autoFilter).toBe(unitsSpec.autoFilter);
  const overview = specs.find((s) => s.name === SUMMARY_SHEETS.overview)!;
  const stacked = overview.charts.find((c) => c.kind === "columnStacked")!;
  const log = wb.get(SUMMARY_SHEETS.overview).log.filter((l) => l.includes("setSolidColor"));
  // series by columns, the first column the categories: one colour per other column
  expect(log.length).toBe(Math.min(rangeSize(stacked.dataRange).cols - 1, stacked.seriesColors!.length));
  expect(log[0]).toContain(`setSolidColor("#${stacked.seriesColors![0]}")`);
  expect(wb.get(SUMMARY_SHEETS.overview).charts.map((c) => c.type)).toContain("ColumnStacked");
});

it("on an Excel before ExcelApi 1.9 skips the filter buttons and says so; the sheets are written", async () => {
  const wb = new FakeWorkbook(inputGrids(3, 4));
  const caps = detectCapabilities((_n, v) => Number(v?.split(".")[1]) <= 8);
  const report = await writeGeneratedSheets(wb.context, specs, { caps });
  expect(report.skipped).toContain("filter");
  expect(wb.get(SUMMARY_SHEETS.units).autoFilter).toBeUndefined();
  expect(text(wb, SUMMARY_SHEETS.units)).toContain(rows[0].unit);
});

it("a second run replaces the summary whole; a failing write leaves the first summary in place", async () => {
  const wb = new FakeWorkbook(inputGrids(3, 4));
  await writeGeneratedSheets(wb.context, specs, { caps: ALL_CAPABILITIES });
  const first = text(wb, SUMMARY_SHEETS.units);
  const fewer = finishConsolidation(rows.slice(0, 3), [], undefined, "CONSOLIDATE_OTHER_YEAR_PANE")!;
  const second = summarySheets(fewer.consolidation.summary);
  wb.failOn = /charts\.add/;
  await expect(writeGeneratedSheets(wb.context, second, { caps: ALL_CAPABILITIES })).rejects.toThrow();
  expect(text(wb, SUMMARY_SHEETS.units)).toBe(first);
  expect(wb.sheets.map((s) => s.name).filter((n) => n.startsWith("~ITA"))).toEqual([]);
  wb.failOn = null;
  await writeGeneratedSheets(wb.context, second, { caps: ALL_CAPABILITIES });
  const now = text(wb, SUMMARY_SHEETS.units);
  expect(now).not.toBe(first);
  for (const r of rows.slice(0, 3)) expect(now).toContain(r.unit);
  for (const r of rows.slice(3)) expect(now).not.toContain(r.unit);
});

it("the fake refuses a series the chart does not have and a malformed colour", async () => {
  const wb = new FakeWorkbook(inputGrids(3, 4));
  const overview = specs.find((s) => s.name === SUMMARY_SHEETS.overview)!;
  const tooMany = {
    ...overview,
    charts: overview.charts.map((c) => ({ ...c, dataRange: c.dataRange, seriesColors: undefined, lineSeries: [40] })),
  };
  await expect(writeGeneratedSheets(wb.context, [tooMany], { caps: ALL_CAPABILITIES })).rejects.toThrow(/series 40/);
  const badColour = {
    ...overview,
    charts: overview.charts.map((c) => ({ ...c, seriesColors: ["12345"] })),
  };
  await expect(writeGeneratedSheets(wb.context, [badColour], { caps: ALL_CAPABILITIES })).rejects.toThrow(/colour/);
});
