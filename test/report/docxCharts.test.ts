/**
 * Native charts in the .docx: chart parts with embedded workbooks, read back from the package
 * (our zip reader and ExcelJS for the embedded data), validated against the DrawingML chart
 * schema (test/xsd) and rendered by LibreOffice.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { reportDocx } from "../../src/docx";
import { parseRels, resolveTarget } from "../../src/ooxml/xml";
import { ZipPackage } from "../../src/ooxml/zip";
import { buildReportModel, type ReportModel } from "../../src/report";
import { analysisOf, inputOf, SEED_002_2565 as SEED_002_SCORES, THARAE } from "../helpers/input";
import { SAMPLE_MEASURES } from "./fixtures";
import { toPdf } from "../helpers/libreoffice";

const XSD = path.join(__dirname, "..", "xsd");
const FIRST_YEAR = [97.1, 96.5, 97.9, 95.2, 97.4, 88.6, 87.9, 80.1, 96.2, 92.5];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ita-docx-charts-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function model(years: number[]): ReportModel {
  const scores: Record<number, number[]> = { 2564: FIRST_YEAR, 2565: SEED_002_SCORES };
  const inp = inputOf(Object.fromEntries(years.map((y) => [y, scores[y]])), {
    unit: THARAE,
    measures: SAMPLE_MEASURES,
    settings: { digits: "thai" },
  });
  return buildReportModel(analysisOf(inp), inp.settings, { date: new Date(2022, 9, 31) });
}

/** Chart parts related from the document, in document order, with their embedded workbook. */
function charts(bytes: Uint8Array): Array<{ xml: string; workbook: Uint8Array }> {
  const pkg = new ZipPackage(bytes);
  const doc = pkg.readText("word/document.xml")!;
  const rels = parseRels(pkg.readText("word/_rels/document.xml.rels"));
  return [...doc.matchAll(/<c:chart\b[^>]*r:id="([^"]+)"/g)].map((m) => {
    const part = resolveTarget("word/document.xml", rels.find((r) => r.id === m[1])!.target);
    const xml = pkg.readText(part)!;
    const chartRels = parseRels(pkg.readText(part.replace(/charts\/(chart\d+\.xml)$/, "charts/_rels/$1.rels")));
    const embedded = chartRels.find((r) => r.type.endsWith("/package"))!;
    expect(xml).toContain(`<c:externalData r:id="${embedded.id}">`);
    return { xml, workbook: pkg.read(resolveTarget(part, embedded.target))! };
  });
}

test("the analysis report holds the indicator chart, with the scores embedded as a workbook", async () => {
  const bytes = await reportDocx(model([2564, 2565]), "analysis");
  const found = charts(bytes);
  expect(found).toHaveLength(1);
  const [chart] = found;
  expect(chart.xml).toContain("<c:barChart>");
  expect(chart.xml).toMatch(/<c:lineChart>[\s\S]*เกณฑ์ ๘๕ คะแนน/);
  expect(chart.xml).toContain('<a:cs typeface="TH Sarabun New"/>');
  expect(chart.xml).toContain("คะแนนรายตัวชี้วัด ปีงบประมาณ พ.ศ. ๒๕๖๕");
  // the cached values are the scores, and so is the embedded workbook Word edits
  const cached = [.../<c:numCache>([\s\S]*?)<\/c:numCache>/.exec(chart.xml)![1].matchAll(/<c:v>([^<]*)</g)].map((m) =>
    Number(m[1]),
  );
  expect(cached).toEqual(SEED_002_SCORES);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(chart.workbook.slice().buffer as ArrayBuffer);
  const ws = wb.getWorksheet("Sheet1")!;
  expect(Array.from({ length: 10 }, (_, i) => ws.getCell(i + 2, 2).value)).toEqual(SEED_002_SCORES);
  expect(ws.getCell("C2").value).toBe(85);
  // no marker left behind, and the package declares what it holds
  const pkg = new ZipPackage(bytes);
  expect(pkg.readText("word/document.xml")).not.toContain("ITA-CHART-");
  const ct = pkg.readText("[Content_Types].xml")!;
  expect(ct).toContain('PartName="/word/charts/chart1.xml"');
  expect(ct).toMatch(/Default Extension="xlsx"/);
  // schemas: the chart part, the inline drawing in the document, the package's content types and rels
  const inline = /<wp:inline\b[\s\S]*?<\/wp:inline>/.exec(pkg.readText("word/document.xml")!)![0];
  for (const [schema, xml] of [
    ["dml-chart.xsd", chart.xml],
    ["word-drawing.xsd", inline],
    ["opc-contentTypes.xsd", ct],
    ["opc-relationships.xsd", pkg.readText("word/_rels/document.xml.rels")!],
    ["opc-relationships.xsd", pkg.readText("word/charts/_rels/chart1.xml.rels")!],
  ]) {
    const file = path.join(dir, "check.xml");
    writeFileSync(file, xml);
    execFileSync("xmllint", ["--noout", "--schema", path.join(XSD, schema), file], { stdio: "pipe" });
  }
});

test("the trend chart comes with two years or more, in the measures report after the trend table", async () => {
  const two = charts(await reportDocx(model([2564, 2565]), "both"));
  expect(two).toHaveLength(2);
  expect(two[1].xml).toContain("<c:lineChart>");
  expect(two[1].xml).toContain("<c:v>๒๕๖๔</c:v>");
  const one = charts(await reportDocx(model([2565]), "both"));
  expect(one).toHaveLength(1);
  expect(model([2565]).measuresDoc.charts).toBeUndefined();
});

test("LibreOffice renders the chart: its title and its blue columns are on the page", () => {
  const m = model([2564, 2565]);
  const file = path.join(dir, "report.docx");
  return reportDocx(m, "analysis").then((bytes) => {
    writeFileSync(file, bytes);
    const pdf = toPdf(file, dir);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())![1]);
    const plain = (s: string) => s.replace(/[\s\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g, "");
    let page = -1;
    for (let p = 1; p <= pages && page < 0; p++)
      if (
        plain(execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"]).toString()).includes(
          plain("คะแนนรายตัวชี้วัด ปีงบประมาณ พ.ศ. ๒๕๖๕ เทียบกับเกณฑ์"),
        )
      )
        page = p;
    expect(page).toBeGreaterThan(0);
    const base = path.join(dir, "page");
    execFileSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "40", pdf, base]);
    const ppm = readFileSync(`${base}-${String(page).padStart(String(pages).length, "0")}.ppm`);
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 50).toString("latin1"))!;
    const px = ppm.subarray(header[0].length);
    let blue = 0;
    for (let i = 0; i + 2 < px.length; i += 3)
      if (Math.abs(px[i] - 0x2e) < 24 && Math.abs(px[i + 1] - 0x75) < 24 && Math.abs(px[i + 2] - 0xb6) < 24) blue++;
    expect(blue).toBeGreaterThan(200);
  });
});
