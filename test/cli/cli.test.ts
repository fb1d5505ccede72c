/**
 * End-to-end tests of the CLI on the bundled sample workbook: real files in, real files out,
 * the written .xlsx read back with ExcelJS. They run what users run: the esbuild bundle
 * (dist/ita-analyzer.js, built here first) and bin/ita-analyzer.js as a real process.
 */
import { execFile, execFileSync } from "node:child_process";
import { promises as fs, readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import type { main as Main } from "../../src/cli";
import { templateSheets } from "../../src/layout/template";
import { createWorkbook } from "../../src/xlsx";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "ita-sample.xlsx");
const BIN = path.join(ROOT, "bin", "ita-analyzer.js");
let dir: string;
let main: typeof Main;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  main = require(path.join(ROOT, "dist", "ita-analyzer.js")).main;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ita-cli-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function values(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
}

describe("ita-analyzer analyze on the sample workbook", () => {
  let code: number;
  let result: ReturnType<typeof capture>;
  const outXlsx = () => path.join(dir, "sample.analysis.xlsx");
  const outJson = () => path.join(dir, "sample.json");
  const outDocx = () => path.join(dir, "sample.docx");

  let sampleBefore: Buffer;
  beforeAll(async () => {
    sampleBefore = await fs.readFile(SAMPLE);
    result = capture();
    code = await main(["analyze", SAMPLE, "--out", outXlsx(), "--json", outJson(), "--docx", outDocx()], result.io);
  });

  test("exits 0 and prints a Thai summary", () => {
    expect(result.err).toEqual([]);
    expect(code).toBe(0);
    const text = result.out.join("\n");
    expect(text).toContain("ผลการประเมิน ITA ปีงบประมาณ 2569: องค์การบริหารส่วนตำบลบ้านตัวอย่าง");
    // from 2566 the rating comes first; the letter only as the old scheme's comparison
    expect(result.out[1]).toBe("  ผลการประเมิน: ผ่าน  คะแนนรวม 86.89  (ระดับตามเกณฑ์เดิม A เพื่อเปรียบเทียบ)");
    expect(text).toContain("IIT 94.21  EIT 77.93  OIT 88.13");
    expect(text).toContain("เทียบกับปี 2568: คะแนนรวม -4.50 (IIT +0.17, EIT -0.67, OIT -4.00) เปลี่ยนมากที่สุด: OIT");
    expect(text).toContain("ยังไม่ได้ ผ่านดี เพราะ EIT 77.93 < 85");
    expect(text).toContain("เส้นทางสู่ ผ่านดี: เพิ่มรวม 21.19 คะแนน (7: 78.40→84.24, 8: 68.90→84.25)");
  });

  test("the JSON holds the contract's fields and the sample's figures", async () => {
    const j = JSON.parse(await fs.readFile(outJson(), "utf8"));
    expect(j.unit).toEqual({ name: "องค์การบริหารส่วนตำบลบ้านตัวอย่าง", district: "เมืองตัวอย่าง", province: "ขอนแก่น" });
    expect(j.year).toBe(2569);
    expect(j.framework.id).toBe("ITA-2567-2569");
    expect(j.tools).toEqual({ IIT: 94.21, EIT: 77.93, OIT: 88.13 });
    expect([j.total, j.grade, j.rating, j.pass]).toEqual([86.89, "A", "ผ่าน", true]);
    expect(j.urgent).toEqual([8]);
    expect(j.improve).toEqual([7, 10]);
    expect(j.declined).toEqual([10, 8]); // 10: −18.75, 8: −6.30
    expect(j.lowestPerTool).toEqual({ IIT: 4, EIT: 8, OIT: 10 });
    expect(j.measures).toEqual({
      count: 4,
      byStatus: { notStarted: 1, inProgress: 2, done: 1, unknown: 0 },
      uncovered: [8],
    });
    expect(j.indicators.find((i: { no: number }) => i.no === 10)).toMatchObject({
      score: 81.25,
      change: -18.75,
      class: "improve",
    });
    expect(j.warnings.map((w: { code: string }) => w.code)).toEqual(["WEIGHTS_ASSUMED"]);
  });

  test("the written workbook keeps the input sheets as they were and adds the generated sheets", async () => {
    const before = await load(SAMPLE);
    const after = await load(outXlsx());
    const names = after.worksheets.map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(["คะแนน ITA", "มาตรการ", "ตั้งค่า"]);
    expect(names).toEqual(expect.arrayContaining(["ผลวิเคราะห์ ITA", "แนวโน้ม ITA", "รายงาน ITA"]));
    for (const name of ["คะแนน ITA", "มาตรการ", "ตั้งค่า"])
      expect(values(after.getWorksheet(name)!)).toEqual(values(before.getWorksheet(name)!));
    const analysis = values(after.getWorksheet("ผลวิเคราะห์ ITA")!);
    const flat = analysis.flat();
    expect(flat).toContain(86.89);
    expect(flat).toContain("ผ่าน");
    // the ranked table: header then indicators best first
    const header = analysis.findIndex((r) => r && r[0] === "อันดับ");
    expect(header).toBeGreaterThan(0);
    expect(analysis.slice(header + 1, header + 11).map((r) => r[1])).toEqual([1, 5, 9, 2, 3, 4, 6, 10, 7, 8]);
    // the input file itself is untouched, byte for byte
    expect((await fs.readFile(SAMPLE)).equals(sampleBefore)).toBe(true);
  });

  test("running again replaces the generated sheets whole (no duplicates)", async () => {
    const again = path.join(dir, "again.xlsx");
    const c = capture();
    expect(await main(["analyze", outXlsx(), "--out", again, "--year", "2568", "--quiet"], c.io)).toBe(0);
    const wb = await load(again);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => n === "ผลวิเคราะห์ ITA")).toHaveLength(1);
    expect(values(wb.getWorksheet("ผลวิเคราะห์ ITA")!)[0][0]).toContain("2568");
  });

  test("the .docx was written: the memo to the head first, then the two documents", async () => {
    const bytes = await fs.readFile(outDocx());
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const lines = (await mammoth.extractRawText({ buffer: bytes })).value
      .replace(/\u00a0/g, " ")
      .split("\n")
      .filter((l) => l.trim());
    expect(lines[0].trim()).toBe("บันทึกข้อความ");
    const closing = lines.findIndex((l) => l.includes("จึงเรียนมาเพื่อโปรดพิจารณา"));
    const analysis = lines.findIndex((l) => l.trim() === "รายงานการวิเคราะห์ผลการประเมิน");
    expect(closing).toBeGreaterThan(0);
    expect(analysis).toBeGreaterThan(closing);
  });
});

test("--docx-dir writes the two documents and the memo as three files, each with its own title", async () => {
  const out = path.join(dir, "reports");
  const c = capture();
  expect(await main(["analyze", SAMPLE, "--out", path.join(dir, "d.xlsx"), "--docx-dir", out, "--quiet"], c.io)).toBe(
    0,
  );
  const files = (await fs.readdir(out)).sort();
  expect(files).toEqual([
    "ITA-2569-บันทึกข้อความเสนอผู้บริหาร.docx",
    "ITA-2569-รายงานการวิเคราะห์.docx",
    "ITA-2569-รายงานผลการดำเนินการตามมาตรการ.docx",
  ]);
  const text = async (f: string) =>
    (await mammoth.extractRawText({ path: path.join(out, f) })).value.replace(/\u00a0/g, " ");
  const memoText = await text(files[0]);
  const analysisText = await text(files[1]);
  const measuresText = await text(files[2]);
  expect(memoText.trim().startsWith("บันทึกข้อความ")).toBe(true);
  expect(memoText).toContain("จึงเรียนมาเพื่อโปรดพิจารณา");
  expect(memoText).not.toContain("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม");
  expect(analysisText).not.toContain("จึงเรียนมาเพื่อโปรดพิจารณา");
  expect(analysisText).toMatch(
    /รายงานการวิเคราะห์ผลการประเมิน\s+คุณธรรมและความโปร่งใสในการดำเนินงาน\s+ของหน่วยงานภาครัฐ \(ITA\)/,
  );
  expect(analysisText).not.toContain("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม");
  expect(measuresText).toContain("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม");
  // Thai digits by default: the total 86.89 appears as ๘๖.๘๙
  expect(analysisText).toContain("๘๖.๘๙");
});

describe("template", () => {
  test("writes a blank workbook that the analyser then reports as incomplete, in Thai, with cells", async () => {
    const file = path.join(dir, "blank.xlsx");
    const c = capture();
    expect(await main(["template", file], c.io)).toBe(0);
    const wb = await load(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["คะแนน ITA", "มาตรการ", "ตั้งค่า", "OIT", "กรอบการประเมิน"]);
    expect(wb.getWorksheet("มาตรการ")!.getCell("H4").dataValidation).toMatchObject({ type: "list" });
    // the OIT list with its มี/ไม่มี dropdown, and the framework switched off
    const oit = wb.getWorksheet("OIT")!;
    expect([oit.getCell("A6").value, oit.getCell("C6").value, oit.getCell("A48").value]).toEqual(["O1", "9.1", "O43"]);
    expect(oit.getCell("D6").dataValidation).toMatchObject({ type: "list", formulae: ['"มี,ไม่มี"'] });
    expect(String(oit.getCell("A2").value)).toContain("ที่มา: รายการ O1–O43");
    expect(String(oit.getCell("A3").value)).toContain("เป็นเพียงจุดเริ่มต้น: ปี 2569 รายการสั้นลงและต่างกันตามประเภทหน่วยงาน");
    expect([oit.getCell("H5").value, oit.getCell("H6").value, oit.getCell("I6").value]).toEqual([
      "รหัสตัวชี้วัดย่อย",
      "9.1",
      "ข้อมูลพื้นฐาน",
    ]);
    const fw = wb.getWorksheet("กรอบการประเมิน")!;
    expect([fw.getCell("A5").value, fw.getCell("B5").value]).toEqual(["ใช้กรอบการประเมินนี้", "ไม่ใช้"]);
    const again = capture();
    expect(await main(["template", file], again.io)).toBe(1);
    const r = capture();
    const json = path.join(dir, "blank.json");
    expect(await main(["analyze", file, "--json", json], r.io)).toBe(1);
    expect(r.err.join("\n")).toContain("ชีต 'คะแนน ITA' เซลล์ B3: ยังไม่ได้กรอกชื่อหน่วยงาน");
    const j = JSON.parse(await fs.readFile(json, "utf8"));
    expect(j.errors).toEqual([expect.objectContaining({ code: "UNIT_NAME_MISSING", cell: "คะแนน ITA!B3" })]);
  });
});

describe("--target and template --year", () => {
  test("--target 92.5 adds a plan for that total to the summary and the JSON", async () => {
    const c = capture();
    const json = path.join(dir, "target.json");
    const out = path.join(dir, "target.xlsx");
    expect(await main(["analyze", SAMPLE, "--target", "92.5", "--out", out, "--json", json], c.io)).toBe(0);
    expect(c.out.join("\n")).toContain(
      "เส้นทางสู่ คะแนนรวม 92.50: เพิ่มรวม 32.26 คะแนน (8: 68.90→77.41, 9: 95.00→100.00, 10: 81.25→100.00)",
    );
    const j = JSON.parse(await fs.readFile(json, "utf8"));
    expect(j.plan.map((p: { target: unknown }) => p.target)).toEqual(["ผ่านดี", "ผ่านดีเยี่ยม", 92.5]);
    expect(j.plan[2]).toMatchObject({ possible: true, totalGain: 32.26, reaches: { total: 92.5 } });
    const bad = capture();
    expect(await main(["analyze", SAMPLE, "--target", "101", "--out", out], bad.io)).toBe(2);
    expect(bad.err[0]).toContain("--target ต้องเป็นคะแนนรวมมากกว่า 0 ถึง 100");
  });
  test("template --year 2565 starts the framework sheet from the 2563–2565 framework", async () => {
    const file = path.join(dir, "t2565.xlsx");
    expect(await main(["template", file, "--year", "2565"], capture().io)).toBe(0);
    const fw = (await load(file)).getWorksheet("กรอบการประเมิน")!;
    expect(String(fw.getCell("A3").value)).toContain("ITA-2563-2565");
    expect(String((await load(file)).getWorksheet("OIT")!.getCell("A1").value)).toContain("2565");
  });
});

describe("a framework defined in the workbook (12 indicators)", () => {
  async function twelve(): Promise<string> {
    const specs = templateSheets([2569]);
    const [scores, , , , fw] = specs;
    scores.rows[2][1] = "เทศบาลตำบลทดสอบ";
    scores.rows.splice(18, 0, [11, "ตัวชี้วัดใหม่"], [12, "ตัวชี้วัดใหม่อีกตัว"]);
    [90, 90, 90, 90, 90, 80, 80, 80, 90, 90, 60, 80].forEach((v, i) => (scores.rows[8 + i][2] = v));
    fw.rows[4][1] = "ใช้";
    fw.rows.push([11, "ตัวชี้วัดใหม่", "OIT"], [12, "ตัวชี้วัดใหม่อีกตัว", "EIT"]);
    const file = path.join(dir, "twelve.xlsx");
    await fs.writeFile(file, await createWorkbook(specs));
    return file;
  }
  test("the summary names it; --docx writes the report, with general advice for the indicators the library does not know", async () => {
    const file = await twelve();
    const c = capture();
    const out = path.join(dir, "twelve.analysis.xlsx");
    expect(await main(["analyze", file, "--out", out], c.io)).toBe(0);
    expect(c.out.join("\n")).toContain("กรอบการประเมินที่กำหนดในสมุดงาน (ชีต 'กรอบการประเมิน') 12 ตัวชี้วัด");
    // 30/30/40 from the pre-filled tools table: 0.3·90 + 0.3·80 + 0.4·80 = 83.00
    expect(c.out[1]).toBe("  ผลการประเมิน: ต้องปรับปรุง  คะแนนรวม 83.00  (ระดับตามเกณฑ์เดิม B เพื่อเปรียบเทียบ)");
    const d = capture();
    const out2 = path.join(dir, "twelve2.analysis.xlsx");
    const docx = path.join(dir, "twelve.docx");
    expect(await main(["analyze", file, "--out", out2, "--docx", docx], d.io)).toBe(0);
    await expect(fs.access(out2)).resolves.toBeUndefined();
    await expect(fs.access(docx)).resolves.toBeUndefined();
  });
});

describe("bad input and usage", () => {
  test("not an .xlsx: exit 1, Thai message, JSON errors", async () => {
    const file = path.join(dir, "scores.xlsx");
    await fs.writeFile(file, "ไม่ใช่ไฟล์ Excel");
    const json = path.join(dir, "bad.json");
    const c = capture();
    expect(await main(["analyze", file, "--json", json], c.io)).toBe(1);
    expect(c.err[0]).toContain("ไม่ใช่ไฟล์ Excel (.xlsx)");
    expect(JSON.parse(await fs.readFile(json, "utf8")).errors[0].code).toBe("FILE_NOT_XLSX");
  });
  test("a missing file, in English with --lang en", async () => {
    const c = capture();
    expect(await main(["analyze", path.join(dir, "nope.xlsx"), "--lang", "en"], c.io)).toBe(1);
    expect(c.err[0]).toMatch(/^Error: File not found/);
  });
  test("a year that is not in the workbook", async () => {
    const c = capture();
    expect(await main(["analyze", SAMPLE, "--year", "2560", "--out", path.join(dir, "x.xlsx")], c.io)).toBe(1);
    expect(c.err[0]).toContain("ไม่มีคอลัมน์ของปี 2560");
  });
  test("an incomplete year", async () => {
    const c = capture();
    expect(await main(["analyze", SAMPLE, "--year", "2565", "--out", path.join(dir, "x.xlsx")], c.io)).toBe(1);
    expect(c.err[0]).toContain("ปี 2565 ยังกรอกคะแนนไม่ครบ");
  });
  test.each([
    [[]],
    [["analyze"]],
    [["analyze", SAMPLE, "--bogus"]],
    [["frobnicate"]],
    [["analyze", SAMPLE, "--year", "abc"]],
  ])("usage error %p exits 2", async (argv) => {
    const c = capture();
    expect(await main(argv as string[], c.io)).toBe(2);
    expect(c.err.join("\n")).toContain("วิธีใช้");
  });
  test("the output may not be the input", async () => {
    const c = capture();
    expect(await main(["analyze", SAMPLE, "--out", SAMPLE], c.io)).toBe(2);
  });
  test("as a real process: exit code 1 and no stack trace", async () => {
    const run = promisify(execFile);
    const bad = path.join(dir, "bad.xlsx");
    await fs.writeFile(bad, "x");
    const err = await run(process.execPath, [BIN, "analyze", bad]).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toContain("ไม่ใช่ไฟล์ Excel");
    expect((err as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });
});

describe("the bundled CLI loads only what a command needs", () => {
  /** Files the process required (a preload hook records them), and its exit code. */
  function loaded(args: string[]): { code: number; files: string[] } {
    const log = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
    const hook = path.join(dir, "hook.js");
    writeFileSync(
      hook,
      `const M = require("module"); const seen = [];
       const orig = M._load; M._load = function (req, parent, isMain) { const f = M._resolveFilename(req, parent, isMain); seen.push(f); return orig.apply(this, arguments); };
       process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(log)}, seen.join("\\n")));`,
    );
    let code = 0;
    try {
      execFileSync(process.execPath, ["-r", hook, BIN, ...args], { stdio: "pipe" });
    } catch (e) {
      code = (e as { status: number }).status;
    }
    return { code, files: readFileSync(log, "utf8").split("\n") };
  }

  test("one bundle file: no module of node_modules or src is loaded", () => {
    const { code, files } = loaded(["analyze", SAMPLE, "--out", path.join(dir, "b1.xlsx"), "--quiet"]);
    expect(code).toBe(0);
    expect(files.filter((f) => f.includes("node_modules") || f.includes(`${path.sep}src${path.sep}`))).toEqual([]);
    expect(files.some((f) => f.endsWith(path.join("dist", "ita-analyzer.js")))).toBe(true);
  });

  test("the Word writer is loaded only with --docx", () => {
    const without = loaded(["analyze", SAMPLE, "--out", path.join(dir, "b2.xlsx"), "--quiet"]);
    expect(without.files.some((f) => f.endsWith("ita-docx.js"))).toBe(false);
    const withDocx = loaded([
      "analyze",
      SAMPLE,
      "--out",
      path.join(dir, "b3.xlsx"),
      "--docx",
      path.join(dir, "b3.docx"),
      "--quiet",
    ]);
    expect(withDocx.code).toBe(0);
    expect(withDocx.files.some((f) => f.endsWith(path.join("dist", "ita-docx.js")))).toBe(true);
  });
});
