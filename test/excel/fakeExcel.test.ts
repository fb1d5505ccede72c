/**
 * The fake's own rules (each documented by Microsoft; pages cited in fakeExcel.ts): if the
 * fake were lenient, the adapter tests could not catch what real Excel refuses.
 */
import { FakeWorkbook, installExcelEnums, serialOf, typedEntry, WEB_PAYLOAD_LIMIT } from "./fakeExcel";

beforeAll(installExcelEnums);

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
}

const ws = (wb: FakeWorkbook, name = "S") => wb.context.workbook.worksheets.getItem(name);

describe("the strict Excel fake", () => {
  it("parses strings written to General cells like typing, and keeps them as text under @", async () => {
    expect(typedEntry("2565")).toEqual({ value: 2565 });
    expect(typedEntry("1,234.5")).toEqual({ value: 1234.5 });
    expect(typedEntry("12%")).toEqual({ value: 0.12 });
    expect(typedEntry("-3")).toEqual({ value: -3 });
    expect(typedEntry("true")).toEqual({ value: true });
    expect(typedEntry("2026-03-31")).toEqual({ value: serialOf(2026, 3, 31) });
    expect(typedEntry("=SUM(A1:A3)")).toEqual({ formula: "=SUM(A1:A3)" });
    expect(typedEntry("+A1")).toEqual({ formula: "=+A1" });
    expect(codeOf(() => typedEntry("+๒๕.๖๘"))).toBe("InvalidArgument");
    expect(typedEntry("ตัวชี้วัดที่ 1")).toEqual({ value: "ตัวชี้วัดที่ 1" });

    const wb = new FakeWorkbook({ S: [] });
    const r = ws(wb).getRange("A1:C1");
    r.values = [["2565", '=HYPERLINK("x")', "TRUE"]];
    await wb.context.sync();
    const s = wb.get("S");
    expect(s.cells.get("A1")).toBe(2565);
    expect(s.formulas.get("B1")?.text).toBe('=HYPERLINK("x")');
    expect(s.cells.get("C1")).toBe(true);
    const t = ws(wb).getRange("A2:C2");
    t.numberFormat = [["@", "@", "@"]];
    t.values = [["2565", '=HYPERLINK("x")', "TRUE"]];
    await wb.context.sync();
    expect([s.cells.get("A2"), s.cells.get("B2"), s.cells.get("C2")]).toEqual(["2565", '=HYPERLINK("x")', "TRUE"]);
    expect(s.formulas.has("B2")).toBe(false);
  });

  it("refuses arrays of the wrong shape and unknown enum values with InvalidArgument, stopping the request", async () => {
    const wb = new FakeWorkbook({ S: [] });
    ws(wb).getRange("A1:B2").values = [[1, 2]];
    await expect(wb.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    const f = ws(wb).getRange("A1").format as unknown as Record<string, unknown>;
    f.horizontalAlignment = "Middle";
    ws(wb).getRange("B1").values = [[1]];
    await expect(wb.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(wb.get("S").cells.has("B1")).toBe(false); // after the failing command: never ran
    const charts = ws(wb).charts as unknown as { add(t: string, r: unknown, s: string): unknown };
    charts.add("Column", ws(wb).getRange("A1:B2"), "Columns");
    await expect(wb.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("applies Excel's sheet-name rules and keeps one visible sheet", async () => {
    const wb = new FakeWorkbook({ S: [] });
    const sheets = wb.context.workbook.worksheets;
    for (const bad of ["History", "a/b", "x".repeat(32), "'q"]) {
      sheets.add(bad);
      await expect(wb.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    sheets.add("s");
    await expect(wb.context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    ws(wb).delete();
    await expect(wb.context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    sheets.getItem("nope").activate();
    await expect(wb.context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    const n = sheets.getItemOrNullObject("nope");
    await wb.context.sync();
    expect(n.isNullObject).toBe(true);
  });

  it("refuses proxies used after their Excel.run, and requests above 5 MB", async () => {
    const wb = new FakeWorkbook({ S: [] });
    const kept = await wb.run(async (context) => context.workbook.worksheets.getItem("S"));
    expect(codeOf(() => kept.activate())).toBe("InvalidObjectPath");
    const big = "ก".repeat(1000);
    const rows = Math.ceil(WEB_PAYLOAD_LIMIT / 3000) + 10;
    ws(wb).getRange(`A1:A${rows}`).values = Array.from({ length: rows }, () => [big]);
    await expect(wb.context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(wb.get("S").cells.size).toBe(0);
  });

  it("binds references to the sheet: a rename follows it, a delete shows #REF!", async () => {
    const wb = new FakeWorkbook({ S: [], T: [["x"]] });
    wb.setFormula("S", "A1", "='T'!A1");
    ws(wb, "T").name = "U";
    await wb.context.sync();
    expect(wb.valueAt(wb.get("S"), "A1")).toBe("x");
    ws(wb, "U").delete();
    await wb.context.sync();
    expect(wb.valueAt(wb.get("S"), "A1")).toBe("#REF!");
  });
});
