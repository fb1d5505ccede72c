import { ALL_CAPABILITIES, detectCapabilities, missingExtras } from "../../src/excel/capabilities";
import { createTemplate, readLayout, selectCell, TEMP_PREFIX, writeGeneratedSheets } from "../../src/excel/adapter";
import { OPTIONAL_SHEETS, SHEETS } from "../../src/layout/names";
import { runPipeline } from "../../src/pipeline";
import type { SheetSpec } from "../../src/layout/sheetSpec";
import { OIT_TEMPLATE, templateSheets } from "../../src/layout/template";
import { FakeWorkbook, installExcelEnums } from "./fakeExcel";
import { inputGrids } from "./fixtures";

const INPUT_SHEETS = [SHEETS.scores, SHEETS.measures, SHEETS.settings, OPTIONAL_SHEETS.oit, OPTIONAL_SHEETS.framework];

beforeAll(installExcelEnums);

/** One analysis run as the task pane does it: read, pipeline, write. */
async function run(wb: FakeWorkbook, options: Parameters<typeof writeGeneratedSheets>[2] = {}) {
  const read = await readLayout(wb.context);
  const result = runPipeline(read.sheets, {});
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const report = await writeGeneratedSheets(wb.context, result.sheets, options);
  return { read, result, report };
}

describe("readLayout", () => {
  it("reads the three layout sheets in one sync, placing used ranges at their offset", async () => {
    const wb = new FakeWorkbook({ Other: [["x"]] });
    wb.addSheet(SHEETS.scores, [[], [null, null, "B?"], [null, "a", 1, null, 2]]);
    wb.addSheet(SHEETS.settings, []);
    const sync = jest.spyOn(wb.context, "sync");
    const { sheets, names } = await readLayout(wb.context);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(names).toEqual(["Other", SHEETS.scores, SHEETS.settings]);
    expect(Object.keys(sheets).sort()).toEqual([SHEETS.scores, SHEETS.settings].sort());
    expect(sheets[SHEETS.scores]).toEqual([[], [null, null, "B?"], [null, "a", 1, null, 2]]);
    expect(sheets[SHEETS.settings]).toEqual([]);
  });

  it("reads the optional sheets OIT and กรอบการประเมิน in the same sync: the add-in analyses with them", async () => {
    const grids = inputGrids(2, 0);
    // the self-check: O8 missing, everything else present; the framework switched on with 20/30/50
    const oit = grids[OPTIONAL_SHEETS.oit];
    for (let r = OIT_TEMPLATE.firstItemRow - 1; r < oit.length; r++) oit[r][3] = oit[r][0] === "O8" ? "ไม่มี" : "มี";
    const fw = grids[OPTIONAL_SHEETS.framework];
    fw[4][1] = "ใช้";
    fw[7][1] = 20;
    fw[9][1] = 50;
    const wb = new FakeWorkbook(grids);
    const sync = jest.spyOn(wb.context, "sync");
    const { result } = await run(wb);
    expect(sync).toHaveBeenCalledTimes(4); // 1 read + 2 write + 1 best-effort for the extras
    const a = result.analysis!;
    expect(a.framework.origin).toBe("workbook");
    expect(a.framework.weights).toEqual({ IIT: 0.2, EIT: 0.3, OIT: 0.5 });
    expect(a.oit?.missing).toEqual(["O8"]);
    const text = [...wb.get(SHEETS.analysis).cells.values()].join("\n");
    expect(text).toContain("กรอบการประเมินที่กำหนดในสมุดงาน (ชีต 'กรอบการประเมิน' แทนกรอบการประเมินในโปรแกรม)");
    expect(text).toContain("OIT (ประมาณการ)");
  });

  it("finds a sheet named with other spacing in a second sync", async () => {
    const wb = new FakeWorkbook({ คะแนนITA: [["ชื่อหน่วยงาน", "อบต."]] });
    const sync = jest.spyOn(wb.context, "sync");
    const { sheets } = await readLayout(wb.context);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(sheets["คะแนนITA"]).toEqual([["ชื่อหน่วยงาน", "อบต."]]);
  });
});

describe("writeGeneratedSheets", () => {
  it.each([
    [1, 0],
    [10, 50],
    [50, 500],
  ])(
    "a run with %i years and %i measures costs 3 syncs (1 read + 2 write) + 1 best-effort",
    async (years, measures) => {
      const wb = new FakeWorkbook(inputGrids(years, measures));
      const sync = jest.spyOn(wb.context, "sync");
      const { report, result } = await run(wb);
      expect(sync).toHaveBeenCalledTimes(4);
      expect(report.requests).toBe(1);
      expect(report.extraRequests).toBe(1);
      expect(report.rejected).toEqual([]);
      expect(report.written).toEqual(result.sheets.map((s) => s.name));
      expect(wb.names()).toEqual([...INPUT_SHEETS, ...result.sheets.map((s) => s.name)]);
    },
  );

  it("writes values, formats, merges, charts by columns, conditional fills, freeze, tab colour and print setup", async () => {
    const wb = new FakeWorkbook(inputGrids(5, 6));
    const { result } = await run(wb);
    const spec = result.sheets[0];
    const sheet = wb.get(spec.name);
    // values
    spec.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        const key = `${String.fromCharCode(65 + c)}${r + 1}`;
        expect([key, sheet.cells.get(key)]).toEqual([key, v instanceof Date ? expect.any(Number) : v]);
      }),
    );
    const log = sheet.log.join("\n");
    for (const m of spec.merges) expect(log).toContain(`range(${m}).merge(false)`);
    for (const c of spec.charts) {
      expect(log).toContain(
        `charts.add(${JSON.stringify(c.kind === "barClustered" ? "BarClustered" : c.kind === "line" ? "Line" : c.kind === "pie" ? "Pie" : "ColumnClustered")}, range(${c.dataRange}), "Columns")`,
      );
      expect(log).toContain(`.title.text = ${JSON.stringify(c.title)}`);
      expect(log).toContain(`.setPosition("${c.topLeft}", "${c.bottomRight}")`);
      for (const i of c.lineSeries ?? []) expect(log).toContain(`.series.getItemAt(${i}).chartType = "Line"`);
    }
    if (spec.conditionalFills.length) expect(log).toContain(`conditionalFormats.add("CellValue")`);
    if (spec.freezeRows) expect(log).toContain(`freezePanes.freezeRows(${spec.freezeRows})`);
    if (spec.tabColor) expect(log).toContain(`tabColor = #${spec.tabColor}`);
    if (spec.print) expect(log).toContain(`pageLayout.orientation`);
    expect(log).toMatch(/numberFormat = "0\.00"/);
    // every generated sheet with a chart in the spec has it
    const charts = result.sheets.flatMap((s) => s.charts.map((c) => [s.name, c.id] as const));
    for (const [name, id] of charts) expect(wb.get(name).log.join("\n")).toContain(`.name = "${id}"`);
    expect(charts.length).toBeGreaterThanOrEqual(3);
    expect(wb.active).toBe(spec.name);
  });

  it("replaces the previous analysis and leaves the input sheets as they were", async () => {
    const wb = new FakeWorkbook(inputGrids(3, 4));
    await run(wb);
    const inputBefore = wb.snapshot().filter((s) => INPUT_SHEETS.includes(s.name as never));
    wb.get(SHEETS.analysis).cells.set("Z99", "old marker");
    const { result } = await run(wb);
    expect(wb.get(SHEETS.analysis).cells.has("Z99")).toBe(false);
    expect(wb.names().filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);
    expect(wb.names()).toEqual([...INPUT_SHEETS, ...result.sheets.map((s) => s.name)]);
    const inputAfter = wb.snapshot().filter((s) => inputBefore.some((b) => b.name === s.name));
    expect(inputAfter).toEqual(inputBefore);
  });

  it.each([
    ["a command fails in the middle of the write (a chart)", { failOn: /charts\.add/ }],
    ["the swap's rename fails", { failOn: /rename\(/ }],
    ["the write request is lost (sync rejects)", { failSync: 3 }],
  ])("when %s the previous analysis and the input stay untouched", async (_label, failure) => {
    const wb = new FakeWorkbook(inputGrids(3, 4));
    await run(wb);
    wb.get(SHEETS.analysis).cells.set("Z99", "old marker");
    const before = wb.snapshot();
    wb.failOn = (failure as { failOn?: RegExp }).failOn ?? null;
    wb.failSync = (failure as { failSync?: number }).failSync === undefined ? null : wb.syncCount + 3;
    await expect(run(wb)).rejects.toThrow();
    // the temporary sheets were removed; everything else is as before
    expect(wb.snapshot()).toEqual(before);
  });

  it("splits writes above the request budget into several requests and swaps in with the last", async () => {
    const wb = new FakeWorkbook(inputGrids(10, 500));
    const sync = jest.spyOn(wb.context, "sync");
    const { report } = await run(wb, { budget: 20_000 });
    expect(report.requests).toBeGreaterThan(2);
    expect(sync).toHaveBeenCalledTimes(2 + report.requests + report.extraRequests);
    expect(wb.names().filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);
  });

  it("a failure in a later chunk leaves the previous analysis", async () => {
    const wb = new FakeWorkbook(inputGrids(10, 500));
    await run(wb);
    const before = wb.snapshot();
    wb.failSync = wb.syncCount + 4; // the 2nd content request
    await expect(run(wb, { budget: 20_000 })).rejects.toThrow();
    expect(wb.snapshot()).toEqual(before);
  });

  it("removes temporary sheets left by an interrupted run", async () => {
    const wb = new FakeWorkbook(inputGrids(2, 1));
    wb.addSheet(`${TEMP_PREFIX}0-old`, [["half"]]);
    await run(wb);
    expect(wb.names().some((n) => n.startsWith(TEMP_PREFIX))).toBe(false);
  });

  it("refuses to overwrite an input sheet", async () => {
    const wb = new FakeWorkbook(inputGrids(2, 1));
    const bad: SheetSpec = { ...templateSheets()[0], kind: "generated" };
    await expect(writeGeneratedSheets(wb.context, [bad])).rejects.toThrow(/input sheet/);
  });

  it("on an older Excel skips colours, dropdowns, freeze and print, and says so", async () => {
    const wb = new FakeWorkbook(inputGrids(3, 4));
    const caps = detectCapabilities((_n, v) => Number(v?.split(".")[1]) <= 5);
    expect(missingExtras(caps)).toEqual([
      "dropdowns",
      "colours",
      "freeze",
      "tabColor",
      "lineSeries",
      "print",
      "filter",
    ]);
    const { report } = await run(wb, { caps });
    const log = wb.sheets.flatMap((s) => s.log).join("\n");
    expect(log).not.toMatch(/conditionalFormats|freezePanes|pageLayout|tabColor|series\.getItemAt/);
    expect(report.skipped).toEqual(expect.arrayContaining(["colours"]));
    expect(wb.queue).toEqual([]);
  });
});

describe("createTemplate", () => {
  it("adds only the missing layout sheets, with dropdowns, widths and frozen headers, in 2 syncs + 1 best-effort", async () => {
    const wb = new FakeWorkbook({ [SHEETS.measures]: [["mine"]] });
    const sync = jest.spyOn(wb.context, "sync");
    const report = await createTemplate(wb.context, templateSheets(), { caps: ALL_CAPABILITIES });
    expect(sync).toHaveBeenCalledTimes(3);
    expect(report.created).toEqual([SHEETS.scores, SHEETS.settings, OPTIONAL_SHEETS.oit, OPTIONAL_SHEETS.framework]);
    expect(report.existing).toEqual([SHEETS.measures]);
    expect([...wb.get(SHEETS.measures).cells.entries()]).toEqual([["A1", "mine"]]);
    const log = wb.get(SHEETS.settings).log.join("\n");
    expect(log).toContain(`dataValidation.rule = {"list":{"inCellDropDown":true,"source":"เลขไทย,เลขอารบิก"}}`);
    expect(log).toContain("freezePanes.freezeRows(3)");
    expect(log).toMatch(/range\(A:A\)\.format\.columnWidth = /);
    expect(wb.get(SHEETS.scores).cells.get("A1")).toMatch(/ITA/);
    // the optional sheets: the OIT list with its มี/ไม่มี dropdown, the framework switched off
    expect(wb.get(OPTIONAL_SHEETS.oit).cells.get("A6")).toBe("O1");
    expect(wb.get(OPTIONAL_SHEETS.oit).log.join("\n")).toContain(
      `dataValidation.rule = {"list":{"inCellDropDown":true,"source":"มี,ไม่มี"}}`,
    );
    expect(wb.get(OPTIONAL_SHEETS.framework).cells.get("B5")).toBe("ไม่ใช้");
  });

  it("does nothing when the layout sheets exist", async () => {
    const wb = new FakeWorkbook(inputGrids(1, 0));
    const sync = jest.spyOn(wb.context, "sync");
    const report = await createTemplate(wb.context, templateSheets());
    expect(report.created).toEqual([]);
    expect(sync).toHaveBeenCalledTimes(1);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell", async () => {
    const wb = new FakeWorkbook(inputGrids(1, 0));
    expect(await selectCell(wb.context, SHEETS.scores, "C9")).toBe(true);
    expect(wb.selection).toBe(`${SHEETS.scores}!C9`);
    expect(wb.active).toBe(SHEETS.scores);
    expect(await selectCell(wb.context, "nope", "A1")).toBe(false);
  });
});
