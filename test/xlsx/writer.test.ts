/**
 * The .xlsx writer on a workbook like the users': the generated sheets and their native charts
 * are added or replaced, and every other part of the package is kept. "Byte for byte" here
 * means, for every zip entry of the original: an entry of the same name in the output, with the
 * same uncompressed bytes AND the same compressed bytes (the writer copies untouched entries raw).
 * The five parts the writer must edit (workbook, its rels, content types, styles, and the
 * replaced sheets) are checked to keep everything they held.
 * Real artefacts: the file is read back with ExcelJS, validated with xmllint against the
 * ECMA-376 transitional schemas in test/xsd, and converted to PDF by LibreOffice.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runPipeline } from "../../src/pipeline";
import { emptySheet, type SheetSpec } from "../../src/layout/sheetSpec";
import { templateSheets } from "../../src/layout/template";
import { readWorkbook, writeGeneratedSheets, createWorkbook } from "../../src/xlsx";
import { attrs, parseRels, relsPartOf, resolveTarget } from "../../src/ooxml/xml";
import { rawEntry, readEntry, zipEntries, ZipPackage } from "../../src/ooxml/zip";
import { sheetPart, userWorkbook } from "./userWorkbook";
import { toPdf } from "../helpers/libreoffice";

const XSD = path.join(__dirname, "..", "xsd");
const GENERATED = ["ผลวิเคราะห์ ITA", "แนวโน้ม ITA", "รายงาน ITA"];
/** Parts the writer edits (keeping what they held): checked separately below. */
const EDITED = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];

let dir: string;
let original: Uint8Array;
let specs: SheetSpec[];
let first: Uint8Array;
let second: Uint8Array;

function entriesOf(data: Uint8Array) {
  return new Map(zipEntries(data).map((e) => [e.name, e]));
}

/** Every entry of `before` is in `after` with the same compressed and uncompressed bytes, except `except`. */
function expectKept(before: Uint8Array, after: Uint8Array, except: Set<string>): number {
  const a = entriesOf(after);
  let n = 0;
  for (const e of zipEntries(before)) {
    if (except.has(e.name)) continue;
    const o = a.get(e.name);
    expect({ name: e.name, present: !!o }).toEqual({ name: e.name, present: true });
    expect(Buffer.from(readEntry(after, o!)).equals(Buffer.from(readEntry(before, e)))).toBe(true);
    expect(Buffer.from(rawEntry(after, o!)).equals(Buffer.from(rawEntry(before, e)))).toBe(true);
    n++;
  }
  return n;
}

function sheetNames(data: Uint8Array): Array<Record<string, string>> {
  const wb = new ZipPackage(data).readText("xl/workbook.xml")!;
  return [...wb.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => attrs(m[0]));
}

function xmllint(schema: string, xml: string): void {
  const file = path.join(dir, `check-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  execFileSync("xmllint", ["--noout", "--schema", path.join(XSD, schema), file], { stdio: "pipe" });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ita-writer-"));
  const user = await userWorkbook();
  original = user.full;
  const read = await readWorkbook(user.layoutOnly);
  if (!read.ok) throw new Error("the layout sheets do not read");
  const run = runPipeline(read.sheets, { date: new Date(2026, 9, 1) });
  expect(run.ok).toBe(true);
  specs = run.sheets;
  expect(specs.map((s) => s.name)).toEqual(GENERATED);
  first = await writeGeneratedSheets(original, specs);
  second = await writeGeneratedSheets(first, specs);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the user's workbook is preserved", () => {
  test("every part of the original is kept byte for byte (charts, image, pivot, comments, custom XML…)", () => {
    const kept = expectKept(original, first, new Set(EDITED));
    const names = zipEntries(original).map((e) => e.name);
    for (const p of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing9.xml",
      "xl/media/image1.png",
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/pivotCache/pivotCacheRecords1.xml",
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
    ])
      expect(names).toContain(p);
    expect(names.some((n) => /comments\d*\.xml$/.test(n))).toBe(true);
    expect(kept).toBe(names.length - EDITED.length);
  });

  test("the edited parts keep what they held: sheets, defined names, pivot caches, relationships, content types, styles", () => {
    const before = new ZipPackage(original);
    const after = new ZipPackage(first);
    // sheets: the user's in their order with their state (the hidden one stays hidden), ours after
    const b = sheetNames(original);
    const a = sheetNames(first);
    expect(a.slice(0, b.length)).toEqual(b);
    expect(b.find((s) => s.name === "ข้อมูลซ่อน")!.state).toBe("hidden");
    expect(a.slice(b.length).map((s) => s.name)).toEqual(GENERATED);
    const wbBefore = before.readText("xl/workbook.xml")!;
    const wbAfter = after.readText("xl/workbook.xml")!;
    for (const m of wbBefore.matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>|<pivotCaches>[\s\S]*?<\/pivotCaches>/g))
      expect(wbAfter).toContain(m[0]);
    expect(wbAfter).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${a.findIndex((s) => s.name === "รายงาน ITA")}">`,
    );
    // relationships and content types: all the old ones, unchanged
    const relsAfter = parseRels(after.readText("xl/_rels/workbook.xml.rels"));
    for (const r of parseRels(before.readText("xl/_rels/workbook.xml.rels"))) expect(relsAfter).toContainEqual(r);
    const ctAfter = after.readText("[Content_Types].xml")!;
    for (const m of before.readText("[Content_Types].xml")!.matchAll(/<(Default|Override)\b[^>]*\/>/g))
      expect(ctAfter).toContain(m[0]);
    // styles: appended, never renumbered: every old font, fill, border, xf, dxf at its index
    const sBefore = before.readText("xl/styles.xml")!;
    const sAfter = after.readText("xl/styles.xml")!;
    for (const [section, child] of [
      ["fonts", "font"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellXfs", "xf"],
      ["dxfs", "dxf"],
      ["numFmts", "numFmt"],
    ]) {
      const inner = (s: string) => new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`).exec(s)?.[1] ?? "";
      const items = (s: string) =>
        inner(s)
          .split(new RegExp(`(?=<${child}\\b)`))
          .filter(Boolean);
      const old = items(sBefore);
      expect(items(sAfter).slice(0, old.length)).toEqual(old);
    }
  });

  test("running again on the analysed copy replaces the generated sheets, and keeps the user's parts", () => {
    expect(sheetNames(second)).toEqual(sheetNames(first));
    // every user part of the original is still there, raw
    expectKept(original, second, new Set(EDITED));
    // no part is left behind: every part but the package's own is the target of a relationship
    const pkg = new ZipPackage(second);
    const targets = new Set<string>();
    for (const n of pkg.names())
      if (n.endsWith(".rels")) {
        const source = n.replace(/_rels\/([^/]*)\.rels$/, "$1");
        for (const r of parseRels(pkg.readText(n))) if (!r.external) targets.add(resolveTarget(source, r.target));
      }
    const orphans = pkg
      .names()
      .filter((n) => !n.endsWith("/") && !n.endsWith(".rels") && n !== "[Content_Types].xml" && !targets.has(n));
    expect(orphans).toEqual([]);
    // one chart of the user's and our three, each with a content type
    const charts = pkg.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(4);
    const ct = pkg.readText("[Content_Types].xml")!;
    for (const c of charts) expect(ct).toContain(`PartName="/${c}"`);
    for (const m of ct.matchAll(/PartName="\/([^"]+)"/g)) expect(pkg.has(m[1])).toBe(true);
  });

  test("ExcelJS reads the analysed copy back: values, merges, widths, heights, validation, conditional fills, print setup", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(second.slice().buffer as ArrayBuffer);
    expect(wb.getWorksheet("ข้อมูลซ่อน")!.state).toBe("hidden");
    expect(wb.getWorksheet("ข้อมูลเพิ่มเติม")!.getCell("A1").note).toBeDefined();
    const spec = specs[0];
    const ws = wb.getWorksheet(spec.name)!;
    spec.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) expect(ws.getCell(r + 1, c + 1).value).toEqual(v);
      }),
    );
    for (const m of spec.merges) expect(ws.getCell(m.split(":")[0]).isMerged).toBe(true);
    spec.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
    expect(ws.getRow(1).height).toBe(spec.rowHeights![0]);
    expect(ws.getRow(2).height).toBe(spec.rowHeight);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: spec.freezeRows });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    const font = ws.getCell("A1").font;
    expect(font).toMatchObject({ name: "TH Sarabun New", bold: true, size: 20 });
    const score = spec.styles.find((s) => s.style.numberFormat === "0.00")!;
    expect(ws.getCell(score.range.split(":")[0]).numFmt).toBe("0.00");
    const cf = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: unknown[] }> })
      .conditionalFormattings;
    expect(cf.map((c) => c.ref)).toEqual(spec.conditionalFills.map((c) => c.range));
    const report = wb.getWorksheet("รายงาน ITA")!;
    expect(report.pageSetup.printTitlesRow).toBe(specs[2].print!.repeatRows!.replace(/\$/g, ""));
  });
});

describe("native charts", () => {
  /** The drawing part of a sheet and its chart parts. */
  function partsOf(pkg: ZipPackage, sheet: string): { drawing: string; charts: string[] } {
    const part = sheetPart(pkg, sheet);
    const drawingRel = parseRels(pkg.readText(relsPartOf(part))).find((r) => r.type.endsWith("/drawing"))!;
    const drawing = resolveTarget(part, drawingRel.target);
    return {
      drawing,
      charts: parseRels(pkg.readText(relsPartOf(drawing))).map((r) => resolveTarget(drawing, r.target)),
    };
  }
  function chartsOf(data: Uint8Array, sheet: string): string[] {
    const pkg = new ZipPackage(data);
    return partsOf(pkg, sheet).charts.map((c) => pkg.readText(c)!);
  }

  test("the three charts of the spec, bound to the generated sheets' cells, with the cells' values cached", () => {
    const analysis = chartsOf(first, "ผลวิเคราะห์ ITA");
    const trend = chartsOf(first, "แนวโน้ม ITA");
    expect(analysis).toHaveLength(2);
    expect(trend).toHaveLength(1);
    const [indicators, measures] = analysis;
    // indicators: columns for the scores, a line for the pass mark, both from the sheet's cells
    expect(indicators).toMatch(/<c:barChart><c:barDir val="col"\/>/);
    expect(indicators).toMatch(/<c:lineChart>[\s\S]*เกณฑ์ผ่าน[\s\S]*<\/c:lineChart>/);
    const spec = specs[0].charts.find((c) => c.id === "indicatorScores")!;
    const [from] = spec.dataRange.split(":");
    const col = from.replace(/\d+/, "");
    const refs = [...indicators.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);
    expect(refs).toContain(
      `'ผลวิเคราะห์ ITA'!$${col}$${Number(from.replace(/\D+/, "")) + 1}:$${col}$${Number(from.replace(/\D+/, "")) + 10}`,
    );
    const scores = [...indicators.matchAll(/<c:numCache>([\s\S]*?)<\/c:numCache>/g)][0][1];
    const cached = [...scores.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]));
    expect(cached).toEqual([96.12, 94.8, 93.5, 91.25, 95.4, 86.5, 78.4, 68.9, 95.0, 81.25]);
    expect(indicators).toContain('<c:max val="100"/><c:min val="0"/>');
    expect(measures).toContain("<c:pieChart>");
    expect(trend[0]).toContain("<c:lineChart>");
    expect(trend[0]).toContain("ปีงบประมาณ");
    for (const c of [...analysis, ...trend]) expect(c).toContain('<a:cs typeface="TH Sarabun New"/>');
  });

  test("chart, drawing and sheet XML validate against the ECMA-376 schemas", () => {
    const pkg = new ZipPackage(first);
    const ours = ["ผลวิเคราะห์ ITA", "แนวโน้ม ITA"].flatMap((s) => {
      const p = partsOf(pkg, s);
      return [p.drawing, ...p.charts];
    });
    expect(ours.length).toBe(5);
    for (const n of ours)
      xmllint(n.includes("/charts/") ? "dml-chart.xsd" : "dml-spreadsheetDrawing.xsd", pkg.readText(n)!);
    // the transitional schema types <t> as a plain string, so it has no xml:space attribute,
    // which Excel itself writes on <t>; it is removed before validating
    for (const name of GENERATED)
      xmllint("sml.xsd", pkg.readText(sheetPart(pkg, name))!.replace(/ xml:space="preserve"/g, ""));
    // the package parts we rewrote or added: content types and every relationships part
    xmllint("opc-contentTypes.xsd", pkg.readText("[Content_Types].xml")!);
    for (const n of pkg.names().filter((x) => x.endsWith(".rels"))) xmllint("opc-relationships.xsd", pkg.readText(n)!);
  });

  test("a new workbook (the template) is valid SpreadsheetML: workbook, styles and sheets", async () => {
    const bytes = await createWorkbook(specs);
    const pkg = new ZipPackage(bytes);
    xmllint("sml.xsd", pkg.readText("xl/workbook.xml")!);
    xmllint("sml.xsd", pkg.readText("xl/styles.xml")!);
    const read = await readWorkbook(bytes, "template.xlsx", undefined, () => true);
    expect(read.ok && Object.keys(read.sheets)).toEqual(GENERATED);
  });
});

test("text is written as inline strings: a user's text never becomes a formula", async () => {
  const spec = emptySheet("ทดสอบ", "generated");
  spec.rows = [["=1+1", "@SUM(A1)", "+5", 'ข้อความ <ไทย> & "อัญประกาศ"', 3.5, true]];
  const bytes = await createWorkbook([spec]);
  const xml = new ZipPackage(bytes).readText("xl/worksheets/sheet1.xml")!;
  expect(xml).not.toContain("<f>");
  expect(xml).toContain('t="inlineStr"><is><t xml:space="preserve">=1+1</t></is>');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  expect((wb.getWorksheet("ทดสอบ")!.getRow(1).values as unknown[]).slice(1)).toEqual(spec.rows[0]);
});

test("LibreOffice opens the analysed copy: every sheet and the charts are drawn", () => {
  const file = path.join(dir, "analysed.xlsx");
  writeFileSync(file, second);
  const pdf = toPdf(file, dir);
  // pdftotext splits Thai marks from their letters on these fonts: compare without marks and spaces
  const plain = (s: string) => s.replace(/[\s\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g, "");
  const all = plain(execFileSync("pdftotext", [pdf, "-"]).toString());
  // the user's sheets (pivot output, chart data, hidden sheets are not printed) and ours
  for (const t of ["งบประมาณ", "Sum of ค่า", "ผู้มาติดต่อรายเดือน", "ผลการวิเคราะห์การประเมินคุณธรรม", "แนวโน้มผลการประเมิน"])
    expect(all).toContain(plain(t));
  // chart titles exist only in the charts
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())![1]);
  const pageOf = (needle: string) => {
    for (let p = 1; p <= pages; p++)
      if (
        plain(execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"]).toString()).includes(
          plain(needle),
        )
      )
        return p;
    return -1;
  };
  const indicatorsPage = pageOf("คะแนนรายตัวชี้วัด ปี 2569");
  expect(indicatorsPage).toBeGreaterThan(0);
  expect(pageOf("มาตรการจำแนกตามสถานะการดำเนินการ")).toBeGreaterThan(0);
  expect(pageOf("คะแนนรวมและคะแนนเครื่องมือ IIT / EIT / OIT รายปี")).toBeGreaterThan(0);
  // the indicator chart's columns are drawn: count its blue (2E75B6) pixels on the page
  const base = path.join(dir, "page");
  execFileSync("pdftoppm", ["-f", String(indicatorsPage), "-l", String(indicatorsPage), "-r", "40", pdf, base]);
  const ppm = readFileSync(`${base}-${String(indicatorsPage).padStart(String(pages).length, "0")}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 50).toString("latin1"))!;
  const pixels = ppm.subarray(header[0].length);
  let blue = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3)
    if (Math.abs(pixels[i] - 0x2e) < 24 && Math.abs(pixels[i + 1] - 0x75) < 24 && Math.abs(pixels[i + 2] - 0xb6) < 24)
      blue++;
  expect(blue).toBeGreaterThan(200);
});

describe("what the writer refuses or cleans up", () => {
  test("input sheets are never written into a user's workbook", async () => {
    const input = { ...specs[0], name: "คะแนน ITA", kind: "input" as const };
    await expect(writeGeneratedSheets(original, [input])).rejects.toThrow(/input sheet/);
  });

  test("a formula the user typed in a generated sheet: the calculation chain is dropped with the old sheet", async () => {
    // an analysed copy in which the user typed =SUM(…) into ผลวิเคราะห์ ITA, saved with a calcChain
    const pkg = new ZipPackage(first);
    const part = sheetPart(pkg, "ผลวิเคราะห์ ITA");
    pkg.write(
      part,
      pkg
        .readText(part)!
        .replace("</sheetData>", '<row r="300"><c r="A300"><f>SUM(B1:B2)</f><v>0</v></c></row></sheetData>'),
    );
    pkg.write(
      "xl/calcChain.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><calcChain xmlns="${"http://schemas.openxmlformats.org/spreadsheetml/2006/main"}"><c r="A300" i="4"/></calcChain>`,
    );
    const relsXmlText = pkg.readText("xl/_rels/workbook.xml.rels")!;
    pkg.write(
      "xl/_rels/workbook.xml.rels",
      relsXmlText.replace(
        "</Relationships>",
        '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    const ct = pkg.readText("[Content_Types].xml")!;
    pkg.write(
      "[Content_Types].xml",
      ct.replace(
        "</Types>",
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
    );
    const edited = pkg.toBytes();
    const again = new ZipPackage(await writeGeneratedSheets(edited, specs));
    expect(again.has("xl/calcChain.xml")).toBe(false);
    expect(again.readText("[Content_Types].xml")).not.toContain("calcChain");
    expect(again.readText("xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(again.readText(sheetPart(again, "ผลวิเคราะห์ ITA"))).not.toContain("<f>");
  });

  test("a workbook.xml in an unusual form (prefixed elements) is refused, not half-written", async () => {
    const pkg = new ZipPackage(original);
    const wb = pkg.readText("xl/workbook.xml")!;
    pkg.write(
      "xl/workbook.xml",
      wb
        .replace(
          /<(\/?)(workbook|sheets|sheet|definedNames|definedName|calcPr|bookViews|workbookView|workbookPr|pivotCaches|pivotCache)\b/g,
          "<$1x:$2",
        )
        .replace(
          'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
          'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        ),
    );
    await expect(writeGeneratedSheets(pkg.toBytes(), specs)).rejects.toThrow(/usual SpreadsheetML/);
  });
});

test("the template written by the same writer keeps its dropdowns (data validation) and frozen header", async () => {
  const specs = templateSheets();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await createWorkbook(specs)).slice().buffer as ArrayBuffer);
  const withLists = specs.filter((s) => s.validations.length > 0);
  expect(withLists.length).toBeGreaterThan(0);
  for (const spec of withLists)
    for (const v of spec.validations) {
      const first = v.range.split(":")[0];
      const dv = wb.getWorksheet(spec.name)!.getCell(first).dataValidation;
      expect(dv).toMatchObject({ type: "list", allowBlank: true, formulae: [`"${v.values.join(",")}"`] });
      if (v.errorMessage) expect(dv.error).toBe(v.errorMessage);
    }
  for (const spec of specs.filter((s) => s.freezeRows))
    expect(wb.getWorksheet(spec.name)!.views[0]).toMatchObject({ state: "frozen", ySplit: spec.freezeRows });
});
