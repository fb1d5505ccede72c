/**
 * Issue 12, "no table of dashes", on real files: a workbook shaped like seed 004 (two years of
 * scores, four measures, some blank cells) written with ExcelJS and read with the product's
 * reader; the check's warnings with their cells; the .docx read back (no "-" in the measures
 * tables, the defaults, the proposed measures, the evidence link); the analysis sheet's block
 * of proposed measures in the written .xlsx.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as path from "node:path";
import { promises as fs } from "node:fs";
import { describeIssue, type Issue } from "../../src/core/messages";
import { reportDocx } from "../../src/docx";
import { MEASURE_COLUMNS, MEASURE_DEFAULTS, SHEETS } from "../../src/layout/names";
import { parseWorkbook } from "../../src/layout/parse";
import type { Grid } from "../../src/layout/sheetSpec";
import { MEASURE_TEMPLATE_FIELDS, measuresTemplate } from "../../src/layout/template";
import { runPipeline, type PipelineDone } from "../../src/pipeline";
import { buildReportModel, recommendationFor, type TableBlock } from "../../src/report";
import { readWorkbook, writeGeneratedSheets } from "../../src/xlsx";
import { analysisOf, inputOf, measure, paramsOf, SEED_004_2567, SEED_004_2568 } from "../helpers/input";

const NAMES = [
  "การปฏิบัติหน้าที่",
  "การใช้งบประมาณ",
  "การใช้อำนาจ",
  "การใช้ทรัพย์สินของราชการ",
  "การแก้ไขปัญหาการทุจริต",
  "คุณภาพการดำเนินงาน",
  "ประสิทธิภาพการสื่อสาร",
  "การปรับปรุงการทำงาน",
  "การเปิดเผยข้อมูล",
  "การป้องกันการทุจริต",
];

const LINK = "https://www.dongkhwang.go.th/ita/2569/o12-discretion-check-report-round-6.pdf";

/** Seed 004's columns (its own order and words), with the indicators, status and evidence columns. */
const MEASURE_HEADER = [
  "ลำดับ",
  "ตัวชี้วัดที่เกี่ยวข้อง",
  "มาตรการ",
  "ขั้นตอน/วิธีการปฏิบัติ",
  "ผู้รับผิดชอบ",
  "การกำกับติดตาม",
  "ระยะเวลา",
  "สถานะ",
  "ผลผลิต",
  "ผลลัพธ์",
  "หลักฐาน / ลิงก์",
  "หมายเหตุ",
];

/** Four measures like seed 004's (our own wording), rows 4–7, with blank cells. */
const MEASURE_ROWS: (string | null)[][] = [
  [
    "1",
    "1",
    "มาตรการกำกับการใช้ดุลพินิจของเจ้าหน้าที่",
    "1. จัดทำหลักเกณฑ์การใช้ดุลพินิจ 2. ประกาศให้บุคลากรทราบ",
    "สำนักปลัด",
    null, // monitoring blank → default
    "เม.ย. 2569",
    "ดำเนินการเสร็จเรียบร้อยแล้ว",
    "ประกาศหลักเกณฑ์การใช้ดุลพินิจ 1 ฉบับ",
    "การใช้ดุลพินิจเป็นไปตามหลักเกณฑ์เดียวกัน",
    `รายงานผล ${LINK}`,
    null,
  ],
  [
    "2",
    "9",
    "มาตรการเปิดเผยข้อมูลสาธารณะบนเว็บไซต์",
    "ตรวจสอบและปรับปรุงข้อมูลบนเว็บไซต์ทุกเดือน",
    "งานประชาสัมพันธ์",
    "รายงานผลรอบ 6 เดือน และรอบ 12 เดือน",
    null, // period blank → default
    "อยู่ระหว่างดำเนินการ",
    "ข้อมูลครบตามรายการ O1–O36",
    "ประชาชนตรวจสอบข้อมูลได้สะดวก",
    null,
    null,
  ],
  [
    "3",
    "5",
    "ประกาศเจตจำนงสุจริตของผู้บริหาร",
    null, // steps blank → warning, no dash
    "สำนักปลัด",
    "รายงานผลรอบ 12 เดือน",
    "ต.ค. 2568",
    "ดำเนินการเสร็จเรียบร้อยแล้ว",
    null, // output blank on a done measure → warning
    "บุคลากรรับทราบเจตจำนงของผู้บริหาร",
    null,
    null,
  ],
  [
    "4",
    "2",
    "มาตรการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง",
    "เผยแพร่แผนและผลการจัดซื้อจัดจ้างทุกเดือน",
    "กองคลัง",
    "รายงานผลรอบ 6 เดือน",
    "ต.ค. 2568 – ก.ย. 2569",
    "ยังไม่ดำเนินการ",
    null, // not started: no output yet, no warning
    null,
    null,
    null,
  ],
];

/** A seed-004-shaped workbook written with ExcelJS (not with the product's writer). */
async function seed004Workbook(
  header: string[] = MEASURE_HEADER,
  rows: (string | null)[][] = MEASURE_ROWS,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet(SHEETS.scores);
  s.getRow(1).values = ["ผลคะแนน ITA"];
  s.getRow(2).values = ["ชื่อหน่วยงาน", "องค์การบริหารส่วนตำบลดงขวาง"];
  s.getRow(3).values = ["อำเภอ", "เมืองนครพนม"];
  s.getRow(4).values = ["จังหวัด", "นครพนม"];
  s.getRow(6).values = ["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", 2567, 2568];
  NAMES.forEach((n, i) => (s.getRow(7 + i).values = [i + 1, n, SEED_004_2567[i], SEED_004_2568[i]]));
  const m = wb.addWorksheet(SHEETS.measures);
  m.getRow(1).values = ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2569"];
  m.getRow(3).values = header;
  rows.forEach((r, i) => (m.getRow(4 + i).values = r.map((v) => v ?? undefined) as ExcelJS.CellValue[]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function run(bytes: Uint8Array): Promise<PipelineDone> {
  const read = await readWorkbook(bytes);
  if (!read.ok) throw new Error(read.issue.code);
  const out = runPipeline(read.sheets, { facts: read.facts, date: new Date(2026, 9, 15) });
  if (!out.ok) throw new Error(out.errors.map((e) => describeIssue(e)).join("\n"));
  return out;
}

const byCode = (issues: Issue[], code: string) => issues.filter((i) => i.code === code);

/** Every table of a document.xml as rows of cell texts (paragraphs joined by "\n"). */
function tablesOf(xml: string): string[][][] {
  const text = (frag: string) =>
    frag
      .split(/<\/w:p>/)
      .filter((p) => p.includes("<w:p"))
      .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(""))
      .join("\n")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1])),
    ),
  );
}

describe("check: blank measure cells are warnings naming their cells", () => {
  let warnings: Issue[];
  beforeAll(async () => {
    warnings = (await run(await seed004Workbook())).warnings;
  });

  test("blank steps: one warning with the cell, saying the report leaves it empty", () => {
    const [w] = byCode(warnings, "MEASURE_CELLS_BLANK");
    expect(w).toMatchObject({ sheet: SHEETS.measures, cell: "D6", severity: "warning" });
    expect(paramsOf(w)).toMatchObject({ column: MEASURE_COLUMNS.steps[0], count: 1, cells: "D6" });
    expect(byCode(warnings, "MEASURE_CELLS_BLANK")).toHaveLength(1);
  });

  test("blank period and monitoring: the default the report uses, with the cell", () => {
    const used = byCode(warnings, "MEASURE_DEFAULT_USED");
    expect(used.map((w) => [w.cell, paramsOf(w).column, paramsOf(w).value])).toEqual([
      ["G5", MEASURE_COLUMNS.period[0], MEASURE_DEFAULTS.period],
      ["F4", MEASURE_COLUMNS.monitoring[0], MEASURE_DEFAULTS.monitoring],
    ]);
    expect(describeIssue(used[1])).toContain("รายงานใช้ค่าเริ่มต้น “รายงานผลรอบ 6 เดือน และรอบ 12 เดือน”");
  });

  test("a blank output matters for a measure done, not for one not started", () => {
    const res = byCode(warnings, "MEASURE_RESULT_BLANK");
    expect(res.map((w) => [w.cell, paramsOf(w).column])).toEqual([["I6", MEASURE_COLUMNS.output[0]]]);
    // the measure not started (row 7) has blank output and outcome: no warning names it
    expect(warnings.some((w) => w.sheet === SHEETS.measures && /7$/.test(w.cell ?? ""))).toBe(false);
  });

  test("a missing column is one warning on the header row, not one per measure", async () => {
    const drop = (names: string[]) => {
      const keep = MEASURE_HEADER.map((h, i) => (names.includes(h) ? -1 : i)).filter((i) => i >= 0);
      return {
        header: keep.map((i) => MEASURE_HEADER[i]),
        rows: MEASURE_ROWS.map((r) => keep.map((i) => r[i])),
      };
    };
    const { header, rows } = drop(["การกำกับติดตาม", "ผลผลิต", "ขั้นตอน/วิธีการปฏิบัติ"]);
    const out = await run(await seed004Workbook(header, rows));
    const missing = [
      ...byCode(out.warnings, "MEASURE_COLUMN_MISSING"),
      ...byCode(out.warnings, "MEASURE_COLUMN_DEFAULT"),
    ];
    expect(missing.map((w) => [w.cell, paramsOf(w).column])).toEqual([
      ["A3:I3", MEASURE_COLUMNS.steps[0]],
      ["A3:I3", MEASURE_COLUMNS.output[0]],
      ["A3:I3", MEASURE_COLUMNS.monitoring[0]],
    ]);
    expect(byCode(out.warnings, "MEASURE_CELLS_BLANK")).toHaveLength(0);
    // the status report has no steps column (no measure has steps), and the plan the default
    // monitoring for every measure of the officer (the proposed ones keep the library's steps)
    const tableOf = (doc: "analysisDoc" | "measuresDoc", id: string) => {
      const t = out.report[doc].blocks.find((b) => b.kind === "table" && b.id === id);
      if (t?.kind !== "table") throw new Error(`no table ${id}`);
      return t;
    };
    expect(tableOf("measuresDoc", "measureStatus").header[0].map((c) => c.text)).toEqual([
      "ที่",
      "มาตรการ",
      "ระยะเวลา",
      "ผู้รับผิดชอบ",
      "สถานะการดำเนินการ",
    ]);
    const plan = tableOf("analysisDoc", "measures");
    expect(plan.rows.slice(0, 4).map((r) => r.cells[5].text)).toEqual(
      Array(4).fill("รายงานผลรอบ ๖ เดือน และรอบ ๑๒ เดือน"),
    );
    expect(plan.rows.slice(0, 4).map((r) => r.cells[2].text)).toEqual(["", "", "", ""]);
  });

  test("5,000 measures with blank steps give one warning, its cells capped", () => {
    const rows: Grid = [MEASURE_HEADER];
    for (let i = 0; i < 5000; i++)
      rows.push([String(i + 1), "9", `มาตรการที่ ${i + 1}`, null, "สำนักปลัด", "x", "y", "ยังไม่ดำเนินการ"]);
    const scores: Grid = [
      ["ชื่อหน่วยงาน", "หน่วยงานทดสอบ"],
      ["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", 2568],
      ...NAMES.map((n, i) => [i + 1, n, SEED_004_2568[i]]),
    ];
    const parsed = parseWorkbook({ [SHEETS.scores]: scores, [SHEETS.measures]: rows });
    const mine = parsed.warnings.filter((w) => w.code.startsWith("MEASURE_"));
    expect(mine).toHaveLength(1);
    expect(mine[0].cell).toBe("D2");
    expect(paramsOf(mine[0]).count).toBe(5000);
    expect(String(paramsOf(mine[0]).cells)).toBe("D2, D3, D4, D5, D6, D7, D8, D9, … (5000)");
  });
});

describe("the documents of a seed-004-shaped workbook, read back from the .docx", () => {
  let out: PipelineDone;
  let tables: string[][][];
  let xml: string;
  let rels: string;
  beforeAll(async () => {
    out = await run(await seed004Workbook());
    const zip = await JSZip.loadAsync(await reportDocx(out.report, "both"));
    xml = await zip.file("word/document.xml")!.async("string");
    rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
    tables = tablesOf(xml);
  });

  /** The .docx table whose first header row is `header`. */
  const find = (first: string, second: string) => {
    const t = tables.filter((x) => x[0][1] === first && x[0][2] === second);
    if (t.length !== 1) throw new Error(`${t.length} tables ${first} | ${second}`);
    return t[0];
  };

  test("no cell of the measures tables is a dash", () => {
    // the O42 plan, the O43 status and the O43 results
    const measureTables = tables.filter((x) => x[0][1] === "มาตรการ");
    expect(measureTables).toHaveLength(3);
    for (const t of measureTables) for (const row of t) for (const c of row) expect(c.trim()).not.toMatch(/^[-–]$/);
  });

  test("the analysis proposes the library's measure for each uncovered weak indicator, marked, and only for them", () => {
    expect(out.analysis.urgent).toEqual([9, 10]);
    expect(out.analysis.improve).toEqual([4]);
    expect(out.analysis.measures.uncovered).toEqual([10, 4]);
    const plan = tables.find((x) => x[0].join("|") === "ที่|มาตรการ|ขั้นตอนหรือวิธีการ|ผู้รับผิดชอบ|ระยะเวลา|การกำกับติดตาม")!;
    const body = plan.slice(1);
    expect(body).toHaveLength(6);
    const marked = body.filter((r) => r[1].includes("(เสนอเพิ่มเติม)"));
    expect(marked.map((r) => r[1].split("\n")[0])).toEqual([
      recommendationFor(10).measure.title,
      recommendationFor(4).measure.title,
    ]);
    expect(marked.map((r) => r[1].split("\n")[1])).toEqual(["(ตัวชี้วัดที่ ๑๐)", "(ตัวชี้วัดที่ ๔)"]);
    // the officer's four measures (covering 1, 9, 5, 2) are not marked
    expect(body.slice(0, 4).every((r) => !r[1].includes("เสนอเพิ่มเติม"))).toBe(true);
    expect(xml).not.toContain("ควรพิจารณากำหนดมาตรการเพิ่มเติม");
  });

  test("blank period and monitoring print the defaults of the measures year 2569", () => {
    const plan = tables.find((x) => x[0].join("|") === "ที่|มาตรการ|ขั้นตอนหรือวิธีการ|ผู้รับผิดชอบ|ระยะเวลา|การกำกับติดตาม")!;
    expect(plan[1][5]).toBe("รายงานผลรอบ ๖ เดือน และรอบ ๑๒ เดือน");
    expect(plan[2][4]).toBe("ต.ค. ๒๕๖๘ – ก.ย. ๒๕๖๙");
    expect(plan[3][2]).toBe(""); // blank steps: an empty cell (the check names it), not a dash
    // proposed measures run over the whole measures year
    expect(plan[5][4]).toBe("ต.ค. ๒๕๖๘ – ก.ย. ๒๕๖๙");
    const status = tables.find((x) => x[0][1] === "มาตรการ" && x[0].includes("สถานะการดำเนินการ"))!;
    // two header rows, then the measures
    expect(status[3][3]).toBe("ต.ค. ๒๕๖๘ – ก.ย. ๒๕๖๙");
    expect(status[4][2]).toBe("ยังไม่ได้ระบุ");
  });

  test("results: a blank output says why; the evidence column shows the typed link, as a hyperlink", () => {
    const results = find("มาตรการ", "ผลผลิต (Output)");
    expect(results[0]).toEqual(["ที่", "มาตรการ", "ผลผลิต (Output)", "ผลลัพธ์ (Outcome)", "หลักฐาน / ลิงก์"]);
    expect(results[1][4]).toBe(`รายงานผล ${LINK}`);
    expect(results[3][2]).toBe("ยังไม่ได้ระบุ"); // done, output blank
    expect(results[4].slice(2, 4)).toEqual(["ยังไม่เริ่มดำเนินการ", "ยังไม่เริ่มดำเนินการ"]);
    expect(results[4][4]).toBe("");
    // the link is a w:hyperlink whose relationship targets the typed address
    const rid = /<w:hyperlink [^>]*r:id="([^"]+)"/.exec(xml)?.[1];
    expect(rid).toBeDefined();
    expect(rels).toContain(`Id="${rid}"`);
    expect(rels).toContain(`Target="${LINK}"`);
  });
});

describe("the analysis sheet lists the proposed measures with the measures sheet's columns", () => {
  test("a block the officer can copy into 'มาตรการ', in the written .xlsx", async () => {
    const bytes = await seed004Workbook();
    const out = await run(bytes);
    const written = await readWorkbook(await writeGeneratedSheets(bytes, out.sheets), "w.xlsx", undefined, () => true);
    if (!written.ok) throw new Error(written.issue.code);
    const grid = written.sheets[SHEETS.analysis];
    const headers = MEASURE_TEMPLATE_FIELDS.map((f) => MEASURE_COLUMNS[f][0]);
    // the same header as the template's measures sheet
    expect(measuresTemplate().rows[2]).toEqual(headers);
    const at = grid.findIndex((r) => headers.every((h, i) => r[i] === h));
    expect(at).toBeGreaterThan(0);
    const rows = grid.slice(at + 1, at + 3);
    const col = (f: string) => MEASURE_TEMPLATE_FIELDS.indexOf(f as never);
    expect(rows.map((r) => r[col("indicators")])).toEqual([10, 4]);
    expect(rows.map((r) => r[col("title")])).toEqual([
      recommendationFor(10).measure.title,
      recommendationFor(4).measure.title,
    ]);
    expect(rows[0][col("period")]).toBe("ต.ค. 2568 – ก.ย. 2569");
    expect(grid[at + 3]?.[col("title")] ?? null).toBeNull();

    // pasted under the officer's measures, the rows are read as measures and cover the indicators
    const measures = written.sheets[SHEETS.measures].map((r) => [...r]);
    const pasted: Grid = [
      ...measures,
      ...rows.map((r) => MEASURE_HEADER.map((h) => r[headers.indexOf(canonical(h))] ?? null)),
    ];
    const again = runPipeline({ ...written.sheets, [SHEETS.measures]: pasted });
    if (!again.ok) throw new Error("pasted workbook failed");
    expect(again.analysis.measures.uncovered).toEqual([]);
    expect(again.analysis.measures.count).toBe(6);
  });
});

/** The template header of a seed-004 header word. */
function canonical(h: string): string {
  const field = (Object.keys(MEASURE_COLUMNS) as (keyof typeof MEASURE_COLUMNS)[]).find((f) =>
    MEASURE_COLUMNS[f].includes(h),
  )!;
  return MEASURE_COLUMNS[field][0];
}

describe("template and sample", () => {
  test("the sample workbook's measures carry their evidence column", async () => {
    const bytes = await fs.readFile(path.join(__dirname, "..", "..", "samples", "ita-sample.xlsx"));
    const read = await readWorkbook(bytes);
    if (!read.ok) throw new Error(read.issue.code);
    const parsed = parseWorkbook(read.sheets, read.facts);
    expect(parsed.input?.measures[0].evidence).toBe("https://www.example.go.th/ita/2570/service-info");
    expect(read.sheets[SHEETS.measures][2]).toContain(MEASURE_COLUMNS.evidence[0]);
  });
});

describe("evidence text", () => {
  test("web addresses keep their digits as typed; the words around them take the report's digits", () => {
    const m = {
      ...measure("มาตรการทดสอบ", [9], "done"),
      evidence: "คำสั่งที่ 12/2569 https://www.example.go.th/o12/2569.pdf, www.example.go.th/2",
    };
    const inp = inputOf({ 2568: SEED_004_2568 }, { measures: [m] });
    const model = buildReportModel(analysisOf(inp), inp.settings, { date: new Date(2026, 9, 15) });
    const t = model.measuresDoc.blocks.find((b): b is TableBlock => b.kind === "table" && b.id === "measureResults");
    expect(t?.rows[0].cells[t.header[0].findIndex((c) => c.text === "หลักฐาน / ลิงก์")].text).toBe(
      "คำสั่งที่ ๑๒/๒๕๖๙ https://www.example.go.th/o12/2569.pdf, www.example.go.th/2",
    );
  });
});
