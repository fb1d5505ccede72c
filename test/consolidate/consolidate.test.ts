/**
 * `ita-analyzer consolidate` on real files: a folder of generated unit workbooks with broken
 * ones, a duplicate, C.E. years, Thai digits, a lock file and a non-.xlsx file; the table
 * workbook; every figure of the summary checked against the per-unit analyses (each file run
 * through the ordinary pipeline on its own); the summary .xlsx read back with ExcelJS and its
 * chart parts; the .docx read back with mammoth. Runs the bundle users run (worker threads).
 */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import mammoth from "mammoth";
import type { main as Main } from "../../src/cli";
import { mean2 } from "../../src/consolidate";
import { tableTemplate, TABLE_SHEET } from "../../src/layout/table";
import { runPipeline } from "../../src/pipeline";
import { createWorkbook, readWorkbook } from "../../src/xlsx";
import { rng } from "../helpers/frameworks";
import { randomUnit, unitWorkbook, type UnitSpec } from "../helpers/unitWorkbooks";

const ROOT = path.join(__dirname, "..", "..");
let dir: string;
let units: string;
let main: typeof Main;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const rand = rng(1414);
const specs: Record<string, UnitSpec> = {};

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  main = require(path.join(ROOT, "dist", "ita-analyzer.js")).main;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ita-consolidate-"));
  units = path.join(dir, "units");
  await fs.mkdir(path.join(units, "อำเภอบ้านไผ่", "ตำบล"), { recursive: true });
  for (let k = 0; k < 6; k++) specs[k < 3 ? `u${k}.xlsx` : `อำเภอบ้านไผ่/u${k}.xlsx`] = randomUnit(rand, k);
  // C.E. year headers (2024, 2025 → 2567, 2568)
  specs["อำเภอบ้านไผ่/ตำบล/ce.xlsx"] = {
    ...randomUnit(rand, 6),
    years: [
      { header: 2024, scores: [90, 91, 92, 93, 94, 80, 81, 82, 95, 96] },
      { header: 2025, scores: [70, 71, 72, 73, 74, 60, 61, 62, 75, 76] },
    ],
  };
  // Thai digits: a year header "พ.ศ. ๒๕๖๘" and scores typed as text in Thai digits
  specs["thai.xlsx"] = {
    ...randomUnit(rand, 7),
    years: [
      {
        header: "พ.ศ. ๒๕๖๘",
        scores: ["๙๘.๖๘", "๙๗.๗๒", "๙๘.๑๙", "๙๖.๓๐", "๙๘.๕๐", "๘๕.๓๘", "๘๑.๒๒", "๘๒.๐๕", "๑๐๐", "๙๙.๕"],
      },
    ],
  };
  // the same unit again, newer by its own data (every measure done), analysed sheets included
  specs["u1-copy.xlsx"] = {
    ...specs["u1.xlsx"],
    years: specs["u1.xlsx"].years.map((y) => ({ ...y, scores: y.scores.map((s) => Math.min(100, Number(s) + 1)) })),
    measures: [
      { indicators: "1", status: "ดำเนินการเสร็จเรียบร้อยแล้ว" },
      { indicators: "2", status: "ดำเนินการเสร็จเรียบร้อยแล้ว" },
      { indicators: "3", status: "ดำเนินการเสร็จเรียบร้อยแล้ว" },
      { indicators: "4", status: "ดำเนินการเสร็จเรียบร้อยแล้ว" },
      { indicators: "5", status: "ดำเนินการเสร็จเรียบร้อยแล้ว" },
      { indicators: "6", status: "ดำเนินการเสร็จเรียบร้อยแล้ว" },
      { indicators: "7", status: "ดำเนินการเสร็จเรียบร้อยแล้ว" },
      { indicators: "8", status: "ดำเนินการเสร็จเรียบร้อยแล้ว" },
    ],
    analysed: true,
  };
  // a score out of range: an error with its cell
  const bad = randomUnit(rand, 9);
  bad.years[1].scores[3] = 150;
  specs["bad-score.xlsx"] = bad;
  for (const [name, spec] of Object.entries(specs))
    await fs.writeFile(path.join(units, name), await unitWorkbook(spec));
  await fs.writeFile(path.join(units, "broken.xlsx"), "this is not a workbook");
  await fs.writeFile(path.join(units, "~$u0.xlsx"), "owner lock file of Excel");
  await fs.writeFile(path.join(units, "notes.txt"), "not a workbook and not .xlsx");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The per-unit analysis of a file, by the ordinary pipeline (no consolidation code involved). */
async function analysisOf(file: string) {
  const read = await readWorkbook(await fs.readFile(file));
  if (!read.ok) throw new Error(`${file}: ${read.issue.code}`);
  const run = runPipeline(read.sheets, { facts: read.facts, year: 2568 });
  if (!run.ok) throw new Error(`${file}: ${run.errors.map((e) => e.code)}`);
  return run.analysis;
}

describe("consolidate a folder of unit workbooks", () => {
  let code: number;
  let result: ReturnType<typeof capture>;
  let json: {
    year: number;
    units: Array<Record<string, unknown> & { unit: string; file: string; total: number }>;
    failures: Array<{ file: string; errors: Array<{ code: string; message: string; cell: string | null }> }>;
    duplicates: Array<{ unit: string; year: number; used: string; ignored: string[] }>;
    summary: Record<string, unknown> & {
      units: number;
      meanTotal: number;
      meanTools: Record<string, number>;
      byResult: Record<string, number>;
      indicators: Array<{ no: number; mean: number; weak: number }>;
      byDistrict: Array<{ district: string; units: number; byResult: Record<string, number> }>;
    };
  };
  const out = () => path.join(dir, "summary.xlsx");
  const jsonPath = () => path.join(dir, "summary.json");
  const docx = () => path.join(dir, "summary.docx");

  beforeAll(async () => {
    result = capture();
    code = await main(
      ["consolidate", units, "--out", out(), "--json", jsonPath(), "--docx", docx(), "--year", "2568"],
      result.io,
    );
    json = JSON.parse(await fs.readFile(jsonPath(), "utf8"));
  });

  test("exits 0, lists the failing files with file, sheet and cell, and never reads the lock file", () => {
    expect(code).toBe(0);
    expect(json.year).toBe(2568);
    const failed = json.failures.map((f) => f.file).sort();
    expect(failed).toEqual(["bad-score.xlsx", "broken.xlsx"]);
    const bad = json.failures.find((f) => f.file === "bad-score.xlsx")!;
    expect(bad.errors[0]).toMatchObject({ code: "SCORE_OUT_OF_RANGE", cell: "คะแนน ITA!D12" });
    expect(json.failures.find((f) => f.file === "broken.xlsx")!.errors[0].code).toBe("FILE_NOT_XLSX");
    const all = JSON.stringify(json);
    expect(all).not.toContain("~$");
    expect(all).not.toContain("notes.txt");
    expect(result.err.join("\n")).toContain("bad-score.xlsx: ข้อผิดพลาด: ชีต 'คะแนน ITA' เซลล์ D12");
  });

  test("the duplicate is reported and the copy newer by its own data is used", () => {
    expect(json.duplicates).toEqual([
      { unit: specs["u1.xlsx"].name, year: 2568, used: "u1-copy.xlsx", ignored: ["u1.xlsx"], by: "data" },
    ]);
    expect(json.units.filter((u) => u.unit === specs["u1.xlsx"].name).map((u) => u.file)).toEqual(["u1-copy.xlsx"]);
  });

  test("file paths are relative to the folder given; C.E. years and Thai digits are read", () => {
    const files = json.units.map((u) => u.file).sort();
    expect(files).toEqual(
      [
        "u0.xlsx",
        "u1-copy.xlsx",
        "u2.xlsx",
        "อำเภอบ้านไผ่/u3.xlsx",
        "อำเภอบ้านไผ่/u4.xlsx",
        "อำเภอบ้านไผ่/u5.xlsx",
        "อำเภอบ้านไผ่/ตำบล/ce.xlsx",
        "thai.xlsx",
      ].sort(),
    );
    const thai = json.units.find((u) => u.file === "thai.xlsx")!;
    expect(thai.indicators).toEqual([98.68, 97.72, 98.19, 96.3, 98.5, 85.38, 81.22, 82.05, 100, 99.5]);
    const ce = json.units.find((u) => u.file.endsWith("ce.xlsx"))!;
    expect(ce.year).toBe(2568);
    expect(ce.change).not.toBeNull(); // 2024 → 2567 is its previous year
  });

  test("every unit's figures equal its own analysis, and the summary equals the figures recomputed from them", async () => {
    const analyses = await Promise.all(json.units.map((u) => analysisOf(path.join(units, u.file))));
    json.units.forEach((u, k) => {
      const a = analyses[k];
      expect([u.unit, u.total, u.rating, u.grade, u.tools]).toEqual([a.unit.name, a.total, a.rating, a.grade, a.tools]);
    });
    // ranked by total
    const totals = json.units.map((u) => u.total);
    expect(totals).toEqual([...totals].sort((x, y) => y - x));
    const s = json.summary;
    expect(s.units).toBe(analyses.length);
    // means from the per-unit analyses, by plain arithmetic on hundredths
    const mean = (xs: number[]) => Math.round(xs.reduce((t, x) => t + Math.round(x * 100), 0) / xs.length) / 100;
    expect(s.meanTotal).toBe(mean(analyses.map((a) => a.total)));
    expect(s.meanTools.OIT).toBe(mean(analyses.map((a) => a.tools.OIT)));
    for (const ind of s.indicators) {
      expect(ind.mean).toBe(mean(analyses.map((a) => a.indicators[ind.no - 1].score)));
      expect(ind.weak).toBe(analyses.filter((a) => a.indicators[ind.no - 1].score < 85).length);
    }
    for (const [label, n] of Object.entries(s.byResult))
      expect(n).toBe(analyses.filter((a) => a.rating === label).length);
    const perDistrict = s.byDistrict.reduce((t, d) => t + d.units, 0);
    expect(perDistrict).toBe(analyses.length);
    expect(s.passed).toBe(analyses.filter((a) => a.pass).length);
  });

  test("the summary workbook: Thai sheets, the filterable unit table, native charts (stacked ratings per district)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["สรุปภาพรวม", "สรุปรายหน่วยงาน"]);
    const ws = wb.getWorksheet("สรุปรายหน่วยงาน")!;
    const header = ws.getRow(3).values as unknown[];
    expect(header.slice(1, 5)).toEqual(["อันดับ", "หน่วยงาน", "คะแนนรวม", "ผลการประเมิน"]);
    expect(ws.getRow(4).getCell(2).value).toBe(json.units[0].unit);
    expect(ws.getRow(4).getCell(3).value).toBe(json.units[0].total);
    const zip = await JSZip.loadAsync(await fs.readFile(out()));
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /worksheets\/sheet\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async("string")),
    );
    expect(sheets.some((x) => new RegExp(`<autoFilter ref="A3:AA${3 + json.units.length}"/>`).test(x))).toBe(true);
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /charts\/chart\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async("string")),
    );
    expect(charts).toHaveLength(3);
    // schema-valid SpreadsheetML and DrawingML (ECMA-376 schemas in test/xsd; xml:space is outside sml.xsd)
    const xsd = (name: string, xml: string) =>
      execFileSync("xmllint", ["--noout", "--schema", path.join(ROOT, "test", "xsd", name), "-"], {
        input: xml,
        stdio: ["pipe", "pipe", "pipe"],
      });
    for (const x of sheets) expect(() => xsd("sml.xsd", x.replace(/ xml:space="preserve"/g, ""))).not.toThrow();
    for (const c of charts) expect(() => xsd("dml-chart.xsd", c)).not.toThrow();
    expect(charts.some((c) => c.includes('<c:grouping val="stacked"/>') && c.includes('<c:overlap val="100"/>'))).toBe(
      true,
    );
    // the pass line at the framework's pass mark beside the indicator means
    expect(charts.some((c) => c.includes("เกณฑ์ผ่าน 85") && c.includes("<c:lineChart>"))).toBe(true);
  });

  test("the Thai summary report (.docx) reads back with the title and the checked figures", async () => {
    const value = (await mammoth.extractRawText({ path: docx() })).value.replace(/\u00a0/g, " ");
    expect(value).toContain("สรุปผลการประเมิน ITA ของหน่วยงานในพื้นที่/ในสังกัด");
    expect(value).toContain("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘");
    const th = (s: string) => s.replace(/[0-9]/g, (d) => "๐๑๒๓๔๕๖๗๘๙"[Number(d)]);
    expect(value).toContain(`หน่วยงานที่นำมาสรุปผลทั้งสิ้น ${th(String(json.summary.units))} หน่วยงาน`);
    expect(value).toContain(`คะแนนรวมเฉลี่ย ${th(json.summary.meanTotal.toFixed(2))} คะแนน`);
    const zip = await JSZip.loadAsync(await fs.readFile(docx()));
    expect(Object.keys(zip.files).filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(2);
  });

  test("an output that is one of the inputs is refused (exit 2) and nothing is written", async () => {
    const c = capture();
    const target = path.join(units, "u0.xlsx");
    const before = await fs.readFile(target);
    expect(await main(["consolidate", units, "--out", target], c.io)).toBe(2);
    expect((await fs.readFile(target)).equals(before)).toBe(true);
  });

  test("no file analysed: exit 1, the failures listed", async () => {
    const only = path.join(dir, "only-broken");
    await fs.mkdir(only);
    await fs.writeFile(path.join(only, "x.xlsx"), "nope");
    const c = capture();
    expect(await main(["consolidate", only, "--out", path.join(dir, "none.xlsx")], c.io)).toBe(1);
    expect(c.err.join("\n")).toContain("x.xlsx");
    await expect(fs.stat(path.join(dir, "none.xlsx"))).rejects.toThrow();
  });
});

describe("the table workbook (one row per unit and year)", () => {
  test("template --table writes it; consolidate reads its rows, lists a bad row by its cell, converts a C.E. year", async () => {
    const tpl = path.join(dir, "table-template.xlsx");
    const c = capture();
    expect(await main(["template", "--table", tpl], c.io)).toBe(0);
    const read = await readWorkbook(await fs.readFile(tpl), "t", undefined, () => true);
    expect(read.ok && Object.keys(read.sheets)).toEqual([TABLE_SHEET]);

    const sheet = tableTemplate();
    const row = (unit: string, district: string, year: unknown, scores: unknown[], published: number | null = null) => [
      unit,
      district,
      "ขอนแก่น",
      "เทศบาลตำบล",
      year,
      ...scores,
      published,
    ];
    const s1 = [90, 91, 92, 93, 94, 80, 81, 82, 95, 96];
    const s0 = [95, 95, 95, 95, 95, 95, 95, 95, 95, 95];
    sheet.rows.push(
      row("เทศบาลตำบลหนึ่ง", "ชุมแพ", 2567, s0) as never,
      row("เทศบาลตำบลหนึ่ง", "ชุมแพ", 2568, s1, 89.3) as never,
      row("เทศบาลตำบลสอง", "พล", "2025", ["๘๕", 85, 85, 85, 85, 85, 85, 85, 85, 85]) as never,
      row("เทศบาลตำบลสาม", "พล", 2568, [85, 85, "ไม่มี", 85, 85, 85, 85, 85, 85, 85]) as never,
    );
    const file = path.join(dir, "table.xlsx");
    await fs.writeFile(file, await createWorkbook([sheet]));
    const r = capture();
    const json = path.join(dir, "table.json");
    expect(await main(["consolidate", file, "--out", path.join(dir, "table-summary.xlsx"), "--json", json], r.io)).toBe(
      0,
    );
    const j = JSON.parse(await fs.readFile(json, "utf8"));
    expect(j.year).toBe(2568);
    expect(j.units.map((u: { unit: string }) => u.unit).sort()).toEqual(["เทศบาลตำบลสอง", "เทศบาลตำบลหนึ่ง"]);
    const one = j.units.find((u: { unit: string }) => u.unit === "เทศบาลตำบลหนึ่ง");
    // IIT 92, EIT 81, OIT 95.5 → 0.3·92 + 0.3·81 + 0.4·95.5 = 90.1
    expect([one.total, one.tools, one.change, one.file, one.row]).toEqual([
      90.1,
      { IIT: 92, EIT: 81, OIT: 95.5 },
      -4.9,
      file,
      5,
    ]);
    expect(j.failures).toEqual([
      {
        file: `${file} แถว 7`,
        errors: [expect.objectContaining({ code: "SCORE_NOT_NUMBER", cell: `${TABLE_SHEET}!H7` })],
      },
    ]);
    expect(j.summary.meanTotal).toBe(mean2([90.1, 85]));
  });
});
