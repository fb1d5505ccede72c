/**
 * Layout that survives Word: column widths from the measured content, portrait/landscape rules,
 * grouped landscape pages, rows and headings kept with what follows, captions that do not repeat
 * headings; and a LibreOffice render in Sarabun (the metric stand-in for TH Sarabun New).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { keepEraWithYear, reportDocx } from "../../src/docx";
import {
  BODY_PT,
  blockHeight,
  buildReportModel,
  captionRepeats,
  fitColumns,
  orientationRuns,
  SMALL_PT,
  TEXT_HEIGHT,
  TEXT_WIDTH,
  textWidth,
  type Block,
  type ReportModel,
  type TableBlock,
} from "../../src/report";
import { BlockWriter, cell, headerRow } from "../../src/report/writer";
import { fontWidthsData } from "../../scripts/font-widths";
import { FONT_WIDTHS } from "../../src/report/fontWidths";
import { toPdf } from "../helpers/libreoffice";
import { analysisOf, inputOf, SEED_002_2565, THARAE } from "../helpers/input";
import { SAMPLE_MEASURES } from "./fixtures";
import { table } from "./helpers";

const PREVIOUS = [97.1, 96.5, 97.9, 95.2, 97.4, 88.6, 87.9, 80.1, 96.2, 92.5];
const LONGEST_NAME = "การใช้ทรัพย์สินของราชการ";
/** Left and right cell margins of the .docx tables (twips). */
const CELL_MARGINS = 160;

function model(years: Record<number, number[]>, measures = SAMPLE_MEASURES): ReportModel {
  const inp = inputOf(years, { unit: THARAE, measures, settings: { digits: "thai" } });
  return buildReportModel(analysisOf(inp), inp.settings, { date: new Date(2022, 9, 31) });
}

/** Column widths of a model table in twips. */
function twips(t: TableBlock): number[] {
  const w = t.landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
  return t.widths.map((p) => (p / 100) * w);
}

describe("font widths", () => {
  it("are the committed table generated from the Sarabun TTFs in test/fonts", () => {
    expect(fontWidthsData()).toEqual(JSON.parse(JSON.stringify(FONT_WIDTHS)));
    expect(readFileSync(path.join(__dirname, "../../src/report/fontWidths.ts"), "utf8")).toContain("do not edit");
  });

  it("give Thai combining marks no width and bold a wider text", () => {
    expect(textWidth("กิ่", BODY_PT)).toBe(textWidth("ก", BODY_PT));
    expect(textWidth(LONGEST_NAME, BODY_PT, true)).toBeGreaterThan(textWidth(LONGEST_NAME, BODY_PT));
  });
});

describe("column widths from content", () => {
  it("gives the indicator name column the longest name on one line, at 16 pt with one year", () => {
    const t = table(model({ 2565: SEED_002_2565 }).analysisDoc, "indicators");
    expect(t.small).toBe(false);
    expect(twips(t)[1] - CELL_MARGINS).toBeGreaterThanOrEqual(textWidth(LONGEST_NAME, BODY_PT));
  });

  it("keeps the name on one line with the previous year's columns too (at the table's size)", () => {
    const t = table(model({ 2564: PREVIOUS, 2565: SEED_002_2565 }).analysisDoc, "indicators");
    expect(t.landscape).toBe(false);
    const pt = t.small ? SMALL_PT : BODY_PT;
    expect(twips(t)[1] - CELL_MARGINS).toBeGreaterThanOrEqual(textWidth(LONGEST_NAME, pt));
  });

  it("keeps number columns narrow and gives the width to the text", () => {
    const t = table(model({ 2565: SEED_002_2565 }).analysisDoc, "tools");
    const [no, name, weight, score] = twips(t);
    expect(no).toBeLessThan(0.08 * TEXT_WIDTH.portrait);
    expect(score).toBeLessThan(0.18 * TEXT_WIDTH.portrait);
    expect(weight).toBeLessThan(0.18 * TEXT_WIDTH.portrait);
    expect(name).toBeGreaterThan(0.55 * TEXT_WIDTH.portrait);
    // widths follow the content: a longer name makes its column wider than the fixed share it had
    expect(t.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 5);
  });

  it("sizes a made-up table from its text, not from fixed shares", () => {
    const w = new BlockWriter("arabic");
    const long = "ขั้นตอนการดำเนินงานที่มีรายละเอียดยาวมากและต้องตัดบรรทัดหลายครั้งในตาราง ".repeat(3);
    w.table({
      kind: "table",
      id: "x",
      header: [headerRow(["ที่", "รายละเอียด", "คะแนน"])],
      rows: [1, 2, 3].map((i) => ({ cells: [cell(String(i)), cell(long), cell("100.00")] })),
      align: ["center", "left", "center"],
    });
    const t = w.blocks[0] as TableBlock;
    const [no, text, score] = twips(t);
    expect(text).toBeGreaterThan(no + score);
    expect(score - CELL_MARGINS).toBeGreaterThanOrEqual(textWidth("100.00", BODY_PT));
    expect(score).toBeLessThan(textWidth("100.00", BODY_PT) + 600);
  });
});

describe("orientation", () => {
  const m = model({ 2564: PREVIOUS, 2565: SEED_002_2565 });
  const tables = [...m.analysisDoc.blocks, ...m.measuresDoc.blocks].filter((b): b is TableBlock => b.kind === "table");

  it("sets tables of up to six columns portrait and wider ones landscape", () => {
    for (const id of ["tools", "indicators", "ranking", "statusSummary", "measureResults", "trend"]) {
      const t = tables.find((x) => x.id === id)!;
      expect([id, t.align.length <= 6, t.landscape]).toEqual([id, true, false]);
    }
    expect(table(m.measuresDoc, "measureStatus").align).toHaveLength(8);
    expect(table(m.measuresDoc, "measureStatus").landscape).toBe(true);
    expect(table(m.measuresDoc, "measureStatus").small).toBe(true);
  });

  it("sets a six-column table of long text landscape on a measured need", () => {
    const plan = table(m.analysisDoc, "measures");
    expect(plan.align).toHaveLength(6);
    expect(plan.landscape).toBe(true);
    // portrait, even at 14 pt, would leave its text columns almost no room beyond their longest words
    const portrait = fitColumns(plan, TEXT_WIDTH.portrait, SMALL_PT);
    expect(portrait.room).toBeLessThan(0.15);
    // a short six-column table of short text stays portrait
    const w = new BlockWriter("arabic");
    w.table({
      kind: "table",
      id: "short",
      header: [headerRow(["ที่", "ชื่อ", "ก", "ข", "ค", "ง"])],
      rows: [{ cells: ["1", "ชื่อสั้น", "1", "2", "3", "4"].map((x) => cell(x)) }],
      align: ["center", "left", "center", "center", "center", "center"],
    });
    expect((w.blocks[0] as TableBlock).landscape).toBe(false);
  });

  it("sets a long trend (eight columns) landscape", () => {
    const years: Record<number, number[]> = {};
    for (let y = 2560; y <= 2565; y++) years[y] = SEED_002_2565;
    expect(table(model(years).measuresDoc, "trend").landscape).toBe(true);
  });

  it("groups consecutive landscape tables in one run and fills the last landscape page", () => {
    const wide = table(m.measuresDoc, "measureStatus");
    const blocks: Block[] = [
      { kind: "heading", level: 1, text: "๑. ก" },
      { kind: "paragraph", runs: [{ text: "ข้อความนำ" }], indent: true },
      { kind: "heading", level: 1, text: "๒. ข" },
      wide,
      { kind: "heading", level: 1, text: "๓. ค" },
      { ...wide, id: "second" },
      { kind: "heading", level: 1, text: "๔. ง" },
      { kind: "paragraph", runs: [{ text: "ข้อความท้าย ".repeat(60) }], indent: true },
    ];
    const runs = orientationRuns(blocks);
    const landscape = runs.filter((r) => r.landscape);
    expect(landscape).toHaveLength(1);
    const ids = landscape[0].blocks.filter((b): b is TableBlock => b.kind === "table").map((t) => t.id);
    expect(ids).toEqual([wide.id, "second"]);
    const h = landscape[0].blocks.reduce((s, b) => s + blockHeight(b, true), 0);
    const fill = h / TEXT_HEIGHT.landscape - Math.floor(h / TEXT_HEIGHT.landscape);
    expect(fill === 0 || fill >= 0.25).toBe(true);
    // the headings of both tables are on the landscape pages; the short text after them too,
    // so the last landscape page is not left almost empty
    const headingTexts = landscape[0].blocks
      .filter((b) => b.kind === "heading")
      .map((b) => (b as { text: string }).text);
    expect(headingTexts).toEqual(expect.arrayContaining(["๒. ข", "๓. ค"]));
    expect(headingTexts).not.toContain("๑. ก");
  });
});

describe("captions", () => {
  it("drops a caption that repeats the heading above it, keeps those that add to it", () => {
    expect(captionRepeats("มาตรการส่งเสริมคุณธรรม", "๗. มาตรการส่งเสริมคุณธรรม")).toBe(true);
    expect(captionRepeats("มาตรการ", "๗. มาตรการส่งเสริมคุณธรรม")).toBe(true);
    expect(captionRepeats("มาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", "มาตรการส่งเสริมคุณธรรม")).toBe(false);
    const m = model({ 2564: PREVIOUS, 2565: SEED_002_2565 });
    // the measures caption adds the measures' fiscal year to its heading: kept
    expect(table(m.analysisDoc, "measures").caption).toBe(
      "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
    );
    expect(table(m.analysisDoc, "tools").caption).toBe("ผลคะแนนรายเครื่องมือการประเมิน ประจำปีงบประมาณ พ.ศ. ๒๕๖๕");
  });
});

describe("the era stays with its year", () => {
  it("joins พ.ศ./ค.ศ. to a following year with a no-break space, nothing else", () => {
    expect(keepEraWithYear("ประจำปีงบประมาณ พ.ศ. ๒๕๖๕")).toBe("ประจำปีงบประมาณ พ.ศ.\u00a0๒๕๖๕");
    expect(keepEraWithYear("ค.ศ. 2026 และ พ.ศ. 2569")).toBe("ค.ศ.\u00a02026 และ พ.ศ.\u00a02569");
    expect(keepEraWithYear("พ.ศ. ........")).toBe("พ.ศ. ........");
  });

  it("writes the no-break space into the .docx captions", async () => {
    const bytes = await reportDocx(model({ 2564: PREVIOUS, 2565: SEED_002_2565 }), "both");
    const doc = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    expect(doc).toContain("ผลคะแนนรายเครื่องมือการประเมิน ประจำปีงบประมาณ พ.ศ.\u00a0๒๕๖๕");
    // in every text run (a chart's own title is drawn by the chart, not wrapped by Word's line breaking)
    const runs = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(runs.filter((t) => /พ\.ศ\. [๐-๙]/.test(t))).toEqual([]);
  });
});

describe("keep with next in the .docx", () => {
  let doc: string;
  let styles: string;
  beforeAll(async () => {
    const bytes = await reportDocx(model({ 2564: PREVIOUS, 2565: SEED_002_2565 }), "both");
    const zip = await JSZip.loadAsync(bytes);
    doc = await zip.file("word/document.xml")!.async("string");
    styles = await zip.file("word/styles.xml")!.async("string");
  });

  /** The rows of the table whose text contains `marker`. */
  function rowsOf(...markers: string[]): string[] {
    const tbl = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
      .map((x) => x[0])
      .find((t) => markers.every((m) => t.includes(m)));
    const marker = markers.join(" + ");
    if (!tbl) throw new Error(`no table with ${marker}`);
    return [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((x) => x[0]);
  }

  it("keeps group rows (the tool rows of the indicator table) with the next row", () => {
    const rows = rowsOf("๑. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)");
    const groups = rows.filter((r) => r.includes("F2F2F2"));
    expect(groups).toHaveLength(3);
    for (const g of groups) expect(g).toContain("<w:keepNext/>");
    // the last row does not pull the table onto the next paragraph
    expect(rows[rows.length - 1]).not.toContain("<w:keepNext/>");
  });

  it("keeps total rows with the next row in a long table (the trend's tool rows)", () => {
    // the trend table: indicator names and the total, with a row per tool (named in Thai)
    const rows = rowsOf("การปฏิบัติหน้าที่", "คะแนนรวม");
    const totals = rows.filter((r) => /\((IIT|EIT|OIT)\)/.test(r));
    expect(totals).toHaveLength(3);
    for (const r of totals) expect(r).toContain("<w:keepNext/>");
  });

  it("keeps headings, captions and the paragraph that introduces a table with it", () => {
    for (const id of ["Heading1", "Heading2"]) {
      const style = styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))?.[0] ?? "";
      expect(style).toContain("<w:keepNext/>");
    }
    const paras = doc.split("</w:p>");
    const intro = paras.find((p) => p.includes("โดยมีผลคะแนนรายตัวชี้วัด ดังนี้"));
    expect(intro).toContain("<w:keepNext/>");
    const caption = paras.find((p) => p.includes("ผลคะแนนรายตัวชี้วัด จำแนกตามเครื่องมือการประเมิน"));
    expect(caption).toContain("<w:keepNext/>");
  });
});

describe("render in Sarabun (LibreOffice)", () => {
  let dir: string;
  let pdf: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "layout-"));
    const file = path.join(dir, "report.docx");
    writeFileSync(file, await reportDocx(model({ 2564: PREVIOUS, 2565: SEED_002_2565 }), "both"));
    pdf = toPdf(file, dir);
  }, 180000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("embeds Sarabun for TH Sarabun New, not a Thai fallback", () => {
    const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .map((l) => l.split(/\s+/)[0])
      .filter(Boolean);
    expect(fonts.some((f) => /\+Sarabun-Regular$/.test(f))).toBe(true);
    expect(fonts.some((f) => /\+Sarabun-Bold$/.test(f))).toBe(true);
    // the only other font allowed is the symbol fallback for ✓ (neither Sarabun nor TH Sarabun New has it)
    expect(fonts.filter((f) => !/Sarabun|DejaVu/.test(f))).toEqual([]);
  });

  it("measures text as LibreOffice sets it in Sarabun (within 2 %)", () => {
    const bbox = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 26 });
    // the longest indicator name in the ranking table: a left-aligned cell at 16 pt (body
    // paragraphs are Thai-distributed, which spaces letters out)
    const widths = [
      ...bbox.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)<\/word>/g),
    ]
      .filter((m) => m[3] === LONGEST_NAME)
      .map((m) => Number(m[2]) - Number(m[1]));
    expect(widths.length).toBeGreaterThan(0);
    const measured = textWidth(LONGEST_NAME, BODY_PT) / 20;
    const closest = Math.min(...widths.map((w) => Math.abs(w - measured) / measured));
    expect(closest).toBeLessThan(0.02);
  });

  it("leaves no landscape page three-quarters empty", () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    const bbox = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 26 });
    const pageXml = bbox.split("<page ").slice(1);
    expect(pageXml).toHaveLength(pages);
    let landscapePages = 0;
    for (const p of pageXml) {
      const [w, h] = [/width="([\d.]+)"/, /height="([\d.]+)"/].map((re) => Number(re.exec(p)![1]));
      if (w <= h) continue;
      landscapePages++;
      // words below the page number: the text's extent from the top margin
      const ys = [...p.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => [+m[1], +m[2]]);
      const body = ys.filter(([y0]) => y0 > 50);
      const top = Math.min(...body.map(([y0]) => y0));
      const bottom = Math.max(...body.map(([, y1]) => y1));
      expect((bottom - top) / (h - 2 * 56.7)).toBeGreaterThanOrEqual(0.25);
    }
    expect(landscapePages).toBeGreaterThan(0);
  });
});
