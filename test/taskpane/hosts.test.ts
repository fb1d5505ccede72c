import { browserHost } from "../../src/taskpane/hosts/browserHost";
import { officeHost, officeThemeKind, type ExcelRun } from "../../src/taskpane/hosts/officeHost";
import { SHEETS } from "../../src/layout/names";
import { runPipeline } from "../../src/pipeline";
import { templateSheets } from "../../src/layout/template";
import * as xlsx from "../../src/xlsx";
import { FakeWorkbook, installExcelEnums } from "../excel/fakeExcel";
import { inputGrids } from "../excel/fixtures";
import { emptySheet } from "../../src/layout/sheetSpec";
import { message } from "../../src/taskpane/strings";

beforeAll(installExcelEnums);

function office(opts: { sets: string; platform: string; bg: string }): typeof Office {
  const max = Number(opts.sets.split(".")[1]);
  // Office.context is the Common API (plain properties, no load/sync), so a plain object,
  // not an OfficeMockObject (which would hide unloaded properties behind an error string)
  return {
    context: {
      requirements: {
        isSetSupported: (name: string, v?: string) => name === "ExcelApi" && Number(v?.split(".")[1]) <= max,
      },
      diagnostics: { platform: opts.platform },
      officeTheme: { bodyBackgroundColor: opts.bg },
    },
  } as unknown as typeof Office;
}

describe("officeHost", () => {
  it("reads, analyses and writes through one Excel.run per action: a fixed number of syncs per run", async () => {
    const wb = new FakeWorkbook(inputGrids(10, 50));
    const sync = jest.spyOn(wb.context, "sync");
    let runs = 0;
    const run: ExcelRun = (batch) => (runs++, wb.run(batch));
    const host = officeHost(office({ sets: "1.9", platform: "PC", bg: "#ffffff" }), run);
    expect(host.capabilities).toMatchObject({ kind: "office", canDownload: true, missingExtras: [], theme: "light" });
    const read = await host.readSheets();
    if (!read.ok) throw new Error(read.issue.code);
    const out = runPipeline(read.value.sheets);
    const w = await host.writeSheets(out.sheets);
    expect(w.ok).toBe(true);
    expect(runs).toBe(2);
    // 1 read + 1 listing the settings sheet's shapes (ExcelApi 1.9: a picture there is the memo's
    // emblem; none here, so no request for its image) + 2 write + 1 best-effort request for the extras
    expect(sync).toHaveBeenCalledTimes(5);
  });

  it("turns an Excel failure into an EXCEL_FAILED issue, never an exception", async () => {
    const wb = new FakeWorkbook(inputGrids(2, 0));
    const host = officeHost(office({ sets: "1.9", platform: "OfficeOnline", bg: "#ffffff" }), (b) => wb.run(b));
    const out = runPipeline((await readOk(host)).sheets);
    wb.failSync = wb.syncCount + 2;
    const w = await host.writeSheets(out.sheets);
    expect(w).toEqual({
      ok: false,
      issue: expect.objectContaining({ code: "EXCEL_FAILED", params: { detail: "GeneralException: Network error" } }),
    });
  });

  it("on Excel for Mac with ExcelApi 1.5, dark theme: no downloads, extras reported", async () => {
    const host = officeHost(office({ sets: "1.5", platform: "Mac", bg: "#262626" }), (b) =>
      b(new FakeWorkbook().context),
    );
    expect(host.capabilities.canDownload).toBe(false);
    expect(host.capabilities.theme).toBe("dark");
    expect(host.capabilities.missingExtras).toContain("dropdowns");
    expect(await host.saveReport(new Uint8Array(1), "x.docx")).toEqual({
      ok: false,
      issue: expect.objectContaining({ code: "DOWNLOAD_UNAVAILABLE" }),
    });
  });

  it("defect 8: downloads only on Windows and the web; on iPad and Mac the pane points to the sheets", async () => {
    for (const [platform, can] of [
      ["PC", true],
      ["OfficeOnline", true],
      ["Mac", false],
      ["iOS", false],
      ["Android", false],
      ["Universal", false],
    ] as const) {
      const host = officeHost(office({ sets: "1.9", platform, bg: "#fff" }), (b) => new FakeWorkbook().run(b));
      expect([platform, host.capabilities.canDownload]).toEqual([platform, can]);
    }
    const ipad = officeHost(office({ sets: "1.9", platform: "iOS", bg: "#fff" }), (b) => new FakeWorkbook().run(b));
    const saved = await ipad.saveReport(new Uint8Array(1), "x.docx");
    if (saved.ok) throw new Error("iPad cannot download");
    expect(message(saved.issue, "th")).toContain("รายงาน ITA");
    expect(message(saved.issue, "en")).toMatch(/iPad.*print/is);
  });

  it("a sheet name Excel refuses comes back as its own issue, before Excel is asked anything", async () => {
    const wb = new FakeWorkbook(inputGrids(2, 0));
    const host = officeHost(office({ sets: "1.9", platform: "PC", bg: "#fff" }), (b) => wb.run(b));
    const w = await host.writeSheets([{ ...emptySheet("History", "generated"), rows: [["x"]] }]);
    expect(w).toEqual({ ok: false, issue: expect.objectContaining({ code: "SHEET_NAME_INVALID" }) });
    if (!w.ok) expect(message(w.issue, "th")).toContain("History");
    expect(wb.syncCount).toBe(0);
  });

  it("reports extras Excel refused as skipped, with the analysis written", async () => {
    const wb = new FakeWorkbook(inputGrids(3, 2));
    const host = officeHost(office({ sets: "1.9", platform: "PC", bg: "#fff" }), (b) => wb.run(b));
    const out = runPipeline((await readOk(host)).sheets);
    wb.failOn = /pageLayout/;
    const w = await host.writeSheets(out.sheets);
    // Excel stops the extras' request at the refused command: every extra of it may be missing
    expect(w).toEqual({ ok: true, value: expect.objectContaining({ rejected: expect.arrayContaining(["print"]) }) });
    expect(wb.get(out.sheets[0].name).cells.size).toBeGreaterThan(50);
  });

  it("reports a vanished sheet when selecting a cell", async () => {
    const host = officeHost(office({ sets: "1.9", platform: "PC", bg: "#fff" }), (b) => new FakeWorkbook().run(b));
    expect(await host.selectCell("หายไป", "A1")).toEqual({
      ok: false,
      issue: expect.objectContaining({ code: "SHEET_GONE" }),
    });
    expect(officeThemeKind({ context: {} } as unknown as typeof Office)).toBe("light");
  });
});

async function readOk(host: ReturnType<typeof officeHost>) {
  const r = await host.readSheets();
  if (!r.ok) throw new Error(r.issue.code);
  return r.value;
}

describe("browserHost", () => {
  it("opens an .xlsx, writes the generated sheets into a copy, and refuses other files", async () => {
    const grids = inputGrids(3, 3);
    const specs = templateSheets([2563, 2564, 2565]).map((s) => ({ ...s, rows: grids[s.name] }));
    const bytes = await xlsx.createWorkbook(specs);
    const host = browserHost(async () => xlsx);
    expect(await host.readSheets()).toEqual({ ok: false, issue: expect.objectContaining({ code: "NO_FILE" }) });
    const file = { name: "a.xlsx", arrayBuffer: async () => bytes.slice().buffer } as unknown as File;
    expect(await host.openFile!(file)).toEqual({ ok: true, value: { name: "a.xlsx" } });
    const read = await host.readSheets();
    if (!read.ok) throw new Error(read.issue.code);
    const out = runPipeline(read.value.sheets);
    expect(out.analysis?.total).toBe(94.23);
    const w = await host.writeSheets(out.sheets);
    expect(w).toEqual({ ok: true, value: { written: out.sheets.map((s) => s.name), skipped: [] } });
    const bad = { name: "b.xls", arrayBuffer: async () => new Uint8Array([1, 2, 3, 4, 5]).buffer } as unknown as File;
    expect(await host.openFile!(bad)).toEqual({ ok: false, issue: expect.objectContaining({ code: "FILE_NOT_XLSX" }) });
    expect(SHEETS.analysis).toBeTruthy();
  });

  it("says so when the ExcelJS chunk cannot load", async () => {
    const host = browserHost(() => Promise.reject(new Error("ChunkLoadError")));
    const file = { name: "a.xlsx", arrayBuffer: async () => new ArrayBuffer(8) } as unknown as File;
    expect(await host.openFile!(file)).toEqual({ ok: false, issue: expect.objectContaining({ code: "LOAD_FAILED" }) });
  });
});
