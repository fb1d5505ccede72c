/**
 * The bounded .xlsx reader on real and hand-made packages: only the parts the analysis needs are
 * inflated, limits and CRCs hold, cell facts are right; and a fuzz test (mutated zips, random
 * grids) with a fixed seed: the reader and the parser never throw, whatever the bytes.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { strToU8, unzipSync, zipSync } from "fflate";
import { parseWorkbook } from "../../src/layout/parse";
import { runPipeline } from "../../src/pipeline";
import type { Cell, Grid } from "../../src/layout/sheetSpec";
import { DEFAULT_LIMITS, readWorkbook } from "../../src/xlsx";
import { lieAboutSize, rezip } from "../fixtures/hostile/corpus";

const SAMPLE = new Uint8Array(readFileSync(path.join(__dirname, "..", "..", "samples", "ita-sample.xlsx")));
const text = (u: Uint8Array) => new TextDecoder().decode(u);
const ab = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

async function ok(bytes: Uint8Array, limits = DEFAULT_LIMITS) {
  const r = await readWorkbook(bytes, "t.xlsx", limits);
  if (!r.ok) throw new Error(`${r.issue.code} ${JSON.stringify(r.issue.params)}`);
  return r;
}

describe("only the parts the analysis needs are inflated", () => {
  test("a drawing whose part is missing (ExcelJS: 'reading anchors') does not stop the reader", async () => {
    const broken = rezip(SAMPLE, (f) => {
      f["xl/worksheets/_rels/sheet1.xml.rels"] = strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
      );
      f["xl/worksheets/sheet1.xml"] = strToU8(
        text(f["xl/worksheets/sheet1.xml"]).replace(
          "</worksheet>",
          '<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId9"/></worksheet>',
        ),
      );
    });
    // what the previous reader (ExcelJS) does with it
    await expect(new ExcelJS.Workbook().xlsx.load(ab(broken))).rejects.toThrow(/anchors/);
    const r = await ok(broken);
    expect(runPipeline(r.sheets, { facts: r.facts }).ok).toBe(true);
  });

  test("a damaged chart, pivot table, comment and media part are never read", async () => {
    const junk = new Uint8Array(4096).fill(0x3c); // "<<<<": not XML
    const z = rezip(SAMPLE, (f) => {
      f["xl/charts/chart1.xml"] = junk;
      f["xl/pivotTables/pivotTable1.xml"] = junk;
      f["xl/comments1.xml"] = junk;
      f["xl/media/image1.png"] = junk;
      f["xl/worksheets/sheet9.xml"] = junk; // a sheet the workbook lists but the layout does not use
    });
    // a wrong CRC in an unread part is not looked at either
    const files = unzipSync(z);
    expect(Object.keys(files)).toContain("xl/media/image1.png");
    await ok(lieAboutSize(z, "xl/media/image1.png", 1900 * 1024 * 1024));
  });

  test("declared sizes beyond the limits stop before inflating; an entry larger than declared is corrupt", async () => {
    const small = { ...DEFAULT_LIMITS, partBytes: 20_000 };
    const honest = await readWorkbook(SAMPLE, "t.xlsx", small);
    expect(honest).toMatchObject({ ok: false, issue: { code: "FILE_PART_TOO_LARGE" } });
    const lying = await readWorkbook(lieAboutSize(SAMPLE, "xl/sharedStrings.xml", 100), "t.xlsx");
    expect(lying).toMatchObject({
      ok: false,
      issue: { code: "FILE_CORRUPT_ENTRY", params: { part: "xl/sharedStrings.xml" } },
    });
    const total = await readWorkbook(SAMPLE, "t.xlsx", { ...DEFAULT_LIMITS, totalBytes: 30_000 });
    expect(total).toMatchObject({ ok: false, issue: { code: "FILE_TOO_LARGE_TOTAL" } });
  });

  test("row, column and cell limits of a layout sheet", async () => {
    expect(await readWorkbook(SAMPLE, "t.xlsx", { ...DEFAULT_LIMITS, rows: 10 })).toMatchObject({
      ok: false,
      issue: { code: "SHEET_TOO_MANY_ROWS", sheet: "คะแนน ITA", params: { cell: "A11" } },
    });
    expect(await readWorkbook(SAMPLE, "t.xlsx", { ...DEFAULT_LIMITS, columns: 3 })).toMatchObject({
      ok: false,
      issue: { code: "SHEET_TOO_MANY_COLUMNS" },
    });
    expect(await readWorkbook(SAMPLE, "t.xlsx", { ...DEFAULT_LIMITS, cells: 50 })).toMatchObject({
      ok: false,
      issue: { code: "SHEET_TOO_LARGE" },
    });
  });
});

describe("values and facts", () => {
  test("the same grids as ExcelJS gives for the sample (every layout sheet, every cell)", async () => {
    const r = await ok(SAMPLE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ab(SAMPLE));
    for (const name of ["คะแนน ITA", "มาตรการ", "ตั้งค่า"]) {
      const ws = wb.getWorksheet(name)!;
      const cells: Array<[string, unknown]> = [];
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.isMerged && c.master.address !== c.address) return;
          if (c.value !== null && c.value !== "") cells.push([c.address, c.value]);
        }),
      );
      const grid = r.sheets[name];
      for (const [addr, v] of cells) {
        const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
        const col = m[1].charCodeAt(0) - 65;
        expect([addr, grid[Number(m[2]) - 1][col]]).toEqual([addr, v]);
      }
      expect(grid.flat().filter((x) => x !== null).length).toBe(cells.length);
    }
  });

  test("percent and date formats, formulas with and without values, inline and rich strings, booleans, hidden sheets", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("คะแนน ITA");
    ws.getCell("A1").value = 0.9868;
    ws.getCell("A1").numFmt = "0.00%";
    ws.getCell("B1").value = 98.68;
    ws.getCell("C1").value = new Date(Date.UTC(2026, 0, 15));
    ws.getCell("D1").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    ws.getCell("E1").value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
    ws.getCell("F1").value = { richText: [{ text: "ตัวชี้" }, { text: "วัด", font: { bold: true } }] };
    ws.getCell("G1").value = true;
    wb.addWorksheet("มาตรการ", { state: "hidden" }).getCell("A1").value = "x";
    wb.addWorksheet("อื่น ๆ").getCell("A1").value = "not read";
    const r = await ok(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.sheets["คะแนน ITA"][0]).toEqual([0.9868, 98.68, new Date(Date.UTC(2026, 0, 15)), 2, null, "ตัวชี้วัด", true]);
    expect(r.facts.sheets["คะแนน ITA"]).toEqual({ state: "visible", percent: ["A1"], formulaNoValue: ["E1"] });
    expect(r.facts.sheets["มาตรการ"].state).toBe("hidden");
    expect(Object.keys(r.sheets)).toEqual(["คะแนน ITA", "มาตรการ"]);
    expect(r.facts.order).toEqual(["คะแนน ITA", "มาตรการ", "อื่น ๆ"]);
  });
});

describe("fuzz (fixed seed, bounded budget)", () => {
  const base = zipSync(unzipSync(SAMPLE), { level: 0 }); // stored: mutations reach the XML itself

  test("mutated packages: the reader answers a value (ok or an Issue), never throws, in bounded time", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.boolean(),
        async (edits, truncate) => {
          const b = base.slice(0, truncate ? Math.max(1, edits[0][0]) : base.length);
          for (const [at, v] of edits) if (at < b.length) b[at] = v;
          const t0 = Date.now();
          const r = await readWorkbook(b, "fuzz.xlsx");
          expect(Date.now() - t0).toBeLessThan(5000);
          if (r.ok) parseWorkbook(r.sheets, r.facts);
          else expect(typeof r.issue.code).toBe("string");
        },
      ),
      { seed: 20261125, numRuns: 150 },
    );
  });

  test("mutated XML inside a valid zip: the same", async () => {
    const files = unzipSync(SAMPLE);
    const sheet = files["xl/worksheets/sheet1.xml"];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.nat({ max: sheet.length - 1 }), fc.constantFrom(..."<>/\"'&=;:#xX0123456789 abc!?".split(""))),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        async (edits) => {
          const s = sheet.slice();
          for (const [at, ch] of edits) s[at] = ch.charCodeAt(0);
          const r = await readWorkbook(zipSync({ ...files, "xl/worksheets/sheet1.xml": s }), "fuzz.xlsx");
          if (r.ok) runPipeline(r.sheets, { facts: r.facts });
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });

  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fc.constant(null),
    fc.double({ noNaN: false }),
    fc.integer({ min: -5, max: 3000 }),
    fc.constantFrom("ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "2569", "ปี 69", "98.68%", "ต\u0e49\u0e31งค่า", "มาตรการ", "สถานะ", "เสร็จ", ""),
    fc.string({ maxLength: 12 }),
    fc.boolean(),
  );
  const grid: fc.Arbitrary<Grid> = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 25 });
  const a1 = fc
    .tuple(fc.constantFrom("A", "B", "C", "G", "H"), fc.integer({ min: 1, max: 30 }))
    .map(([c, r]) => `${c}${r}`);

  test("random grids and facts: the parser and pipeline never throw", () => {
    fc.assert(
      fc.property(
        grid,
        grid,
        fc.array(a1, { maxLength: 4 }),
        fc.array(
          fc.tuple(a1, a1).map(([a, b]) => `${a}:${b}`),
          { maxLength: 3 },
        ),
        fc.constantFrom("visible", "hidden", "veryHidden") as fc.Arbitrary<"visible" | "hidden" | "veryHidden">,
        (scores, measures, percent, merges, state) => {
          const sheets = { "คะแนน ITA": scores, "คะแนน ITA ": scores, มาตรการ: measures };
          const facts = {
            sheets: {
              "คะแนน ITA": { state, percent, merges, formulaNoValue: percent.slice(0, 1) },
              มาตรการ: { merges },
            },
          };
          const p = parseWorkbook(sheets, facts);
          expect(Array.isArray(p.errors)).toBe(true);
          runPipeline({ "คะแนน ITA": scores, มาตรการ: measures }, { facts });
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
