/**
 * The memo (บันทึกข้อความ) to the head of the unit: the model, the .docx read back (text order,
 * dotted blanks, the emblem as a 1.5 cm drawing), the emblem read from a real workbook, and a
 * LibreOffice render kept as PNG for looking at (ITA_RENDER_DIR, default $TMPDIR/ita-memo-render).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import mammoth from "mammoth";
import { reportDocx } from "../../src/docx";
import type { EmblemImage, Measure, Settings } from "../../src/core/types";
import { emblemOf } from "../../src/core/emblem";
import { runPipeline } from "../../src/pipeline";
import { buildReportModel, MEMO_CLOSING, MEMO_HEADING, PROPOSED_MARK, type ReportModel } from "../../src/report";
import { reportSheet } from "../../src/report/sheet";
import { makeReport } from "../../src/taskpane/report";
import { readWorkbook } from "../../src/xlsx";
import { analysisOf, inputOf, SEED_002_2565, SEED_004_2567, SEED_004_2568, THARAE } from "../helpers/input";
import { toPdf } from "../helpers/libreoffice";
import { SAMPLE_MEASURES } from "./fixtures";
import { docText } from "./helpers";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "ita-sample.xlsx");
const RENDER_DIR = process.env.ITA_RENDER_DIR ?? path.join(os.tmpdir(), "ita-memo-render");

/** A real PNG drawn here: a gold disc with a dark ring on a transparent ground, w × h pixels. */
function emblemPng(w = 120, h = 140): Buffer {
  const raw = Buffer.alloc((w * 4 + 1) * h);
  const r = Math.min(w, h) / 2 - 2;
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const d = Math.hypot(x - w / 2, y - h / 2);
      const o = y * (w * 4 + 1) + 1 + x * 4;
      const px = d > r ? [0, 0, 0, 0] : d > r - 8 ? [120, 60, 0, 255] : [230, 170, 30, 255];
      raw.set(px, o);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const MEMO_SETTINGS: Partial<Settings> = {
  memoOffice: "สำนักปลัดเทศบาล เทศบาลตำบลท่าแร่ โทร. 0 4270 6111",
  memoNumber: "สน 52103/123",
  memoDate: { year: 2565, month: 11, day: 15 },
  memoTo: "นายกเทศมนตรีตำบลท่าแร่",
  preparerName: "นางสาวสมใจ ตั้งใจดี",
  preparerPosition: "หัวหน้าสำนักปลัดเทศบาล",
  approverName: "นายสมชาย รักษ์ถิ่น",
  approverPosition: "นายกเทศมนตรีตำบลท่าแร่",
};

/** Seed 002's unit, 2564 → 2565 (the letter scheme). */
function model2565(
  settings: Partial<Settings> = MEMO_SETTINGS,
  measures: Measure[] = SAMPLE_MEASURES,
  emblem?: EmblemImage,
): ReportModel {
  const inp = inputOf(
    { 2564: [97.1, 96.5, 97.9, 95.2, 97.4, 88.6, 87.9, 80.1, 96.2, 92.5], 2565: SEED_002_2565 },
    { unit: THARAE, measures, settings },
  );
  return buildReportModel(analysisOf(inp), inp.settings, { date: new Date(2022, 10, 15), emblem });
}

/** Seed 004's scores, 2567 → 2568 (the rating scheme): OIT fell. */
function model2568(settings: Partial<Settings> = {}) {
  const inp = inputOf(
    { 2567: SEED_004_2567, 2568: SEED_004_2568 },
    { unit: { name: "องค์การบริหารส่วนตำบลดงขวาง" }, measures: [], settings },
  );
  const analysis = analysisOf(inp);
  return { analysis, model: buildReportModel(analysis, inp.settings, { date: new Date(2025, 8, 1) }) };
}

async function rawLines(bytes: Uint8Array): Promise<string[]> {
  const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.replace(/\u00a0/g, " ");
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
}

/** Index of the first line at or after `from` that contains `s` (-1 when none). */
function indexFrom(lines: string[], s: string, from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i].includes(s)) return i;
  return -1;
}

describe("memo model", () => {
  it("is the third document of the model, headed by its memoHeader, with the head's ruling last", () => {
    const m = model2565();
    expect(m.memoDoc.id).toBe("memo");
    const kinds = m.memoDoc.blocks.map((b) => b.kind);
    expect(kinds[0]).toBe("memoHeader");
    expect(kinds[kinds.length - 1]).toBe("ruling");
    expect(kinds[kinds.length - 2]).toBe("signature");
    const head = m.memoDoc.blocks[0];
    if (head.kind !== "memoHeader") throw new Error("no header");
    expect(head.lines.map((l) => l.map((f) => f.label))).toEqual([["ส่วนราชการ"], ["ที่", "วันที่"], ["เรื่อง"]]);
    expect(head.lines[1][1].value).toBe("๑๕ พฤศจิกายน ๒๕๖๕");
    // codes keep Arabic digits; the rest follows the settings' digits
    expect(head.lines[1][0].value).toBe("สน ๕๒๑๐๓/๑๒๓");
    expect(head.to).toEqual({ label: "เรียน", value: "นายกเทศมนตรีตำบลท่าแร่" });
    expect(head.emblem).toBeUndefined();
  });

  it("states the result, last year's, the weak indicators and the measures counted, in Arabic digits when asked", () => {
    const m = model2565({ ...MEMO_SETTINGS, digits: "arabic" });
    const text = docText(m.memoDoc);
    expect(text).toContain("เทศบาลตำบลท่าแร่ได้คะแนนรวม 94.23 คะแนน อยู่ในระดับ A และผ่านเกณฑ์การประเมิน");
    expect(text).toMatch(/เมื่อเทียบกับปีงบประมาณ พ\.ศ\. 2564 ซึ่งได้คะแนนรวม \d+\.\d\d คะแนน \(ระดับ A\)/);
    expect(text).toContain("จุดแข็ง (ตัวชี้วัดที่ได้คะแนนตั้งแต่ 85 คะแนนขึ้นไป) มี 8 ตัวชี้วัด ได้แก่ ตัวชี้วัดที่ 1 2 3 4 5 6 9 และ 10");
    expect(text).toContain("ประเด็นที่ต้องพัฒนาให้ดีขึ้น");
    expect(text).toContain("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร (81.22 คะแนน)");
    // the three sample measures (no year column) are the 2566 measures; indicator 8 has none, so one is proposed
    expect(text).toMatch(/ประจำปีงบประมาณ พ\.ศ\. 2566 จำนวน 4 มาตรการ ในจำนวนนี้เป็นมาตรการที่เสนอเพิ่มเติม 1 มาตรการ/);
    expect(text).toContain(PROPOSED_MARK);
    expect(text).toContain("ข้อ O42");
    expect(text).not.toMatch(/[๐-๙]/);
  });

  it("prints blank settings as dotted lines, never dashes or guesses", () => {
    const m = model2565({});
    const head = m.memoDoc.blocks[0];
    if (head.kind !== "memoHeader") throw new Error("no header");
    expect(head.lines[0][0].value).toMatch(/^\.{20,}$/);
    expect(head.lines[1][0].value).toMatch(/^\.{20,}$/);
    expect(head.lines[1][1].value).toMatch(/^\.{20,}$/);
    expect(head.to.value).toMatch(/^\.{20,}$/);
    const text = docText(m.memoDoc);
    expect(text).not.toMatch(/(^|\s)-(\s|$)/m);
    const ruling = m.memoDoc.blocks[m.memoDoc.blocks.length - 1];
    if (ruling.kind !== "ruling") throw new Error("no ruling");
    expect(ruling.signer.name).toMatch(/^\(\.{20,}\)$/);
  });

  it("addresses the head by position when เรียน is blank but the approver's position is known", () => {
    const m = model2565({ approverPosition: "นายกเทศมนตรีตำบลท่าแร่" });
    const head = m.memoDoc.blocks[0];
    if (head.kind !== "memoHeader") throw new Error("no header");
    expect(head.to.value).toBe("นายกเทศมนตรีตำบลท่าแร่");
  });

  it("from 2566 states the rating as the result, the letter only when the settings ask for it", () => {
    const { analysis, model } = model2568();
    expect(analysis.framework.usesRating).toBe(true);
    expect(analysis.rating).not.toBeNull();
    const text = docText(model.memoDoc);
    expect(text).toContain(`อยู่ในระดับ “${analysis.rating}”`);
    expect(text).not.toContain(`เท่ากับ ${analysis.grade}`);
    expect(text).not.toMatch(new RegExp(`ระดับ ${analysis.grade}\\b`));
    const withGrade = docText(model2568({ showGrade: true }).model.memoDoc);
    expect(withGrade).toContain(`อยู่ในระดับ “${analysis.rating}” (เมื่อเทียบกับเกณฑ์แบบเดิมเท่ากับ ${analysis.grade})`);
  });

  it("says which tool moved the total, with last year's rating beside last year's total", () => {
    const { analysis, model } = model2568({ digits: "arabic" });
    const prev = analysis.history[analysis.history.length - 2];
    const text = docText(model.memoDoc);
    expect(text).toContain(`ซึ่งได้คะแนนรวม ${prev.total.toFixed(2)} คะแนน (ระดับ “${prev.rating}”)`);
    const moved = analysis.change!.drivers.find((d) => d.kind === "moved");
    expect(moved).toMatchObject({ kind: "moved", tool: "OIT" });
    const oit = analysis.change!.byTool.find((t) => t.tool === "OIT")!;
    expect(text).toContain(
      `คะแนนรวมลดลง ${Math.abs(analysis.change!.total).toFixed(2)} คะแนน ปัจจัยหลัก คือ แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ซึ่งมีคะแนนลดลง ${Math.abs(oit.change).toFixed(2)} คะแนน คิดเป็นคะแนนรวมลดลง ${Math.abs(oit.contribution).toFixed(2)} คะแนน ตามน้ำหนักร้อยละ 40`,
    );
  });

  it("before 2566 prints the letter grade as the result", () => {
    const text = docText(model2565().memoDoc);
    expect(text).toContain("อยู่ในระดับ A");
    expect(text).not.toContain("“ผ่าน");
  });
});

describe("memo .docx", () => {
  it("reads back in the memo's order: heading, header lines, the three parts, the closing, the ruling", async () => {
    const m = model2565();
    const lines = await rawLines(await reportDocx(m, "memo"));
    const order = [
      MEMO_HEADING,
      "ส่วนราชการ",
      "ที่",
      "วันที่",
      "เรื่อง",
      "เรียน",
      "๑. เรื่องเดิม",
      "๒. ข้อเท็จจริง",
      "๓. ข้อพิจารณาและข้อเสนอ",
      MEMO_CLOSING,
      "(นางสาวสมใจ ตั้งใจดี)",
      "ความเห็นและข้อสั่งการของผู้บริหาร",
      "☐ ทราบ",
      "ความเห็น",
      "(นายสมชาย รักษ์ถิ่น)",
      "นายกเทศมนตรีตำบลท่าแร่",
      "วันที่",
    ];
    let at = 0;
    for (const s of order) {
      const i = indexFrom(lines, s, at);
      expect([s, i]).not.toEqual([s, -1]);
      at = i + (s === "ที่" ? 0 : 1);
    }
    // no title block: the memo starts with its heading; ที่ and วันที่ share one line
    expect(lines[0]).toBe(MEMO_HEADING);
    expect(lines.find((l) => l.startsWith("ที่"))).toMatch(/^ที่\s+สน ๕๒๑๐๓\/๑๒๓\s+วันที่\s+๑๕ พฤศจิกายน ๒๕๖๕$/);
  });

  it("sets the heading at 29 pt bold and the header labels at 20 pt bold", async () => {
    const xml = await documentXml(await reportDocx(model2565(), "memo"));
    expect(xml).toMatch(/<w:b\/>.*?<w:sz w:val="58"\/>.*?<w:t[^>]*>บันทึกข้อความ<\/w:t>/s);
    expect(xml).toMatch(/<w:sz w:val="40"\/><w:szCs w:val="40"\/><\/w:rPr><w:t[^>]*>ส่วนราชการ<\/w:t>/);
  });

  it("turns blank fields into dot leaders that end at the margin", async () => {
    const bytes = await reportDocx(model2565({}), "memo");
    const xml = await documentXml(bytes);
    const lines = await rawLines(bytes);
    expect(lines.find((l) => l.startsWith("ส่วนราชการ"))).toBe("ส่วนราชการ");
    expect((xml.match(/w:leader="dot"/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(xml).not.toContain("<w:drawing>");
  });

  it("--docx's selection 'all' puts the memo first, then the two published documents", async () => {
    const m = model2565();
    const lines = await rawLines(await reportDocx(m, "all"));
    const memo = lines.indexOf(MEMO_HEADING);
    const analysis = lines.indexOf(m.analysisDoc.title.lines[0]);
    const measures = lines.indexOf(m.measuresDoc.title.lines[0]);
    expect(memo).toBe(0);
    expect(analysis).toBeGreaterThan(memo);
    expect(measures).toBeGreaterThan(analysis);
  });
});

describe("the task pane's .docx", () => {
  it("starts with the memo, then the two documents", async () => {
    const inp = inputOf({ 2565: SEED_002_2565 }, { unit: THARAE, measures: SAMPLE_MEASURES, settings: MEMO_SETTINGS });
    const analysis = analysisOf(inp);
    const rep = await makeReport(buildReportModel(analysis, inp.settings), analysis);
    if (!rep.ok) throw new Error("no report");
    const lines = await rawLines(rep.value.bytes);
    expect(lines[0]).toBe(MEMO_HEADING);
    expect(lines.indexOf(MEMO_CLOSING)).toBeLessThan(
      lines.findIndex((l) => l.includes("รายงานการวิเคราะห์ผลการประเมินคุณธรรม")),
    );
  });
});

describe("memo in the print sheet", () => {
  it("follows the two documents, with its header lines and ruling as text rows", () => {
    const m = model2565();
    const rows = reportSheet(m).rows.map((r) =>
      r
        .filter((c) => c !== null && c !== undefined)
        .join(" ")
        .trim(),
    );
    const at = rows.indexOf(MEMO_HEADING);
    expect(at).toBeGreaterThan(rows.findIndex((r) => r.includes(m.measuresDoc.title.lines[0])));
    const after = rows.slice(at);
    expect(after.some((r) => /^ที่ สน ๕๒๑๐๓\/๑๒๓\s+วันที่ ๑๕ พฤศจิกายน ๒๕๖๕$/.test(r))).toBe(true);
    expect(after.some((r) => r.startsWith("☐ ทราบ"))).toBe(true);
    expect(after).toContain(MEMO_CLOSING);
  });
});

describe("the emblem: an image on the settings sheet", () => {
  let withImage: Uint8Array;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const id = wb.addImage({ buffer: emblemPng() as unknown as ExcelJS.Buffer, extension: "png" });
    wb.getWorksheet("ตั้งค่า")!.addImage(id, { tl: { col: 5, row: 1 }, ext: { width: 60, height: 70 } });
    withImage = new Uint8Array(await wb.xlsx.writeBuffer());
  });

  it("is read by the product's reader, with its size from the PNG header", async () => {
    const read = await readWorkbook(withImage, "emblem.xlsx");
    if (!read.ok) throw new Error(read.issue.code);
    expect(read.facts.emblem).toMatchObject({ type: "png", width: 120, height: 140 });
    expect(Buffer.from(read.facts.emblem!.data).equals(emblemPng())).toBe(true);
    expect(read.facts.warnings ?? []).toEqual([]);
  });

  it("is embedded in the memo .docx as a drawing 1.5 cm high, in proportion", async () => {
    const read = await readWorkbook(withImage, "emblem.xlsx");
    if (!read.ok) throw new Error(read.issue.code);
    const run = runPipeline(read.sheets, { facts: read.facts, date: new Date(2025, 9, 1) });
    if (!run.ok) throw new Error(JSON.stringify(run.errors));
    const bytes = await reportDocx(run.report, "memo");
    const zip = await JSZip.loadAsync(bytes);
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(Buffer.from(await zip.file(media[0])!.async("uint8array")).equals(emblemPng())).toBe(true);
    const xml = await zip.file("word/document.xml")!.async("string");
    const ext = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml);
    expect(ext).not.toBeNull();
    const [cx, cy] = [Number(ext![1]), Number(ext![2])];
    expect(Math.abs(cy - 540000)).toBeLessThan(2000); // 1.5 cm = 540 000 EMU
    expect(Math.abs(cx / cy - 120 / 140)).toBeLessThan(0.01);
    // the drawing sits in the heading's paragraph, before บันทึกข้อความ
    expect(xml.indexOf("<w:drawing>")).toBeLessThan(xml.indexOf(">บันทึกข้อความ<"));
    // the inline drawing is valid DrawingML (ECMA-376 schema, test/xsd/word-drawing.xsd)
    const inline = /<wp:inline\b[\s\S]*?<\/wp:inline>/
      .exec(xml)![0]
      .replace(
        "<wp:inline ",
        '<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
      );
    mkdirSync(RENDER_DIR, { recursive: true });
    const file = path.join(RENDER_DIR, "emblem-inline.xml");
    writeFileSync(file, inline);
    const xsd = path.join(__dirname, "..", "xsd", "word-drawing.xsd");
    execFileSync("xmllint", ["--noout", "--schema", xsd, file], { stdio: "pipe" });
  });

  it("a picture that is not a PNG or JPEG is ignored with a warning naming the sheet; the memo keeps its place empty", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const id = wb.addImage({ buffer: Buffer.from("GIF89a not really") as unknown as ExcelJS.Buffer, extension: "gif" });
    wb.getWorksheet("ตั้งค่า")!.addImage(id, { tl: { col: 5, row: 1 }, ext: { width: 60, height: 70 } });
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await readWorkbook(bytes, "gif.xlsx");
    if (!read.ok) throw new Error(read.issue.code);
    expect(read.facts.emblem).toBeUndefined();
    expect(read.facts.warnings).toEqual([
      expect.objectContaining({ code: "EMBLEM_IGNORED", severity: "warning", sheet: "ตั้งค่า" }),
    ]);
    const run = runPipeline(read.sheets, { facts: read.facts });
    expect(run.warnings.map((w) => w.code)).toContain("EMBLEM_IGNORED");
    if (!run.ok) throw new Error("analysis failed");
    expect(await documentXml(await reportDocx(run.report, "memo"))).not.toContain("<w:drawing>");
  });

  it("an image above 5 MB is not inflated: a warning, no emblem", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const big = Buffer.alloc(6 * 1024 * 1024);
    emblemPng().copy(big); // a real PNG's start, then zeros: small in the zip, 6 MB inflated
    const id = wb.addImage({ buffer: big as unknown as ExcelJS.Buffer, extension: "png" });
    wb.getWorksheet("ตั้งค่า")!.addImage(id, { tl: { col: 5, row: 1 }, ext: { width: 60, height: 70 } });
    const read = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), "big.xlsx");
    if (!read.ok) throw new Error(read.issue.code);
    expect(read.facts.emblem).toBeUndefined();
    expect(read.facts.warnings).toEqual([
      expect.objectContaining({
        code: "EMBLEM_IGNORED",
        params: expect.objectContaining({ detail: "larger than 5 MB" }),
      }),
    ]);
  });

  it("emblemOf refuses what is not an image and reads a JPEG's size", () => {
    expect(emblemOf(new Uint8Array([1, 2, 3])).ok).toBe(false);
    // a minimal JPEG header: SOI, then SOF0 with height 30 and width 20
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x1e, 0x00, 0x14, 0x03, 0, 0, 0, 0]);
    expect(emblemOf(jpeg)).toMatchObject({ ok: true, emblem: { type: "jpeg", width: 20, height: 30 } });
  });
});

describe("memo render (LibreOffice)", () => {
  /** The text of each page of a PDF. */
  function pagesOf(pdf: string): string[] {
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
    return text.split("\f").filter((p) => p.trim());
  }
  const pageOf = (pages: string[], s: string) => pages.findIndex((p) => p.includes(s));

  it("renders to PDF and PNG pages, with and without the emblem; the closing stays with the signature, the ruling whole", async () => {
    mkdirSync(RENDER_DIR, { recursive: true });
    const png = emblemOf(emblemPng());
    if (!png.ok) throw new Error(png.reason);
    const cases: [string, ReportModel][] = [
      ["memo-emblem", model2565(MEMO_SETTINGS, SAMPLE_MEASURES, png.emblem)],
      ["memo-blank", model2565({})],
      [
        "memo-2568",
        model2568({
          ...MEMO_SETTINGS,
          memoOffice: "สำนักปลัด องค์การบริหารส่วนตำบลดงขวาง",
          memoTo: "นายกองค์การบริหารส่วนตำบลดงขวาง",
          memoDate: { year: 2568, month: 9, day: 1 },
        }).model,
      ],
    ];
    for (const [name, model] of cases) {
      const docx = path.join(RENDER_DIR, `${name}.docx`);
      writeFileSync(docx, await reportDocx(model, "memo"));
      const pdf = toPdf(docx, RENDER_DIR);
      // pages of an earlier render of the same name would be counted with these
      for (const old of readdirSync(RENDER_DIR))
        if (old.startsWith(`${name}-`) && old.endsWith(".png")) rmSync(path.join(RENDER_DIR, old));
      execFileSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(RENDER_DIR, name)]);
      const pngs = readdirSync(RENDER_DIR).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"));
      const pages = pagesOf(pdf);
      expect(pngs).toHaveLength(pages.length);
      // Laksaman (the render's stand-in) is wider than TH Sarabun New: Word sets the memo on fewer pages
      expect(pages.length).toBeLessThanOrEqual(4);
      expect(pages[0]).toContain("บันทึกข้อความ");
      const closing = pageOf(pages, "จึงเรียนมาเพื่อโปรดพิจารณา");
      expect(closing).toBeGreaterThanOrEqual(0);
      const signer = pages.findIndex((p, i) => i >= closing && /\(ลงชื่อ\)/.test(p));
      expect(signer).toBe(closing);
      const ruling = pageOf(pages, "ความเห็นและข้อสั่งการของผู้บริหาร");
      expect(ruling).toBeGreaterThanOrEqual(closing);
      expect(pages[ruling]).toMatch(/ทราบ[\s\S]*อนุมัติ[\s\S]*ความเห็น[\s\S]*\(ลงชื่อ\)[\s\S]*วันที่ \.{10,}/);
    }
  }, 180000);
});

describe("memo fields typed on the settings sheet (end to end)", () => {
  it("ส่วนราชการ, ที่, วันที่บันทึกข้อความ and เรียน reach the memo's header", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.getWorksheet("ตั้งค่า")!;
    const rows: [string, string | Date][] = [
      ["ส่วนราชการ", "สำนักปลัด องค์การบริหารส่วนตำบลบ้านตัวอย่าง"],
      ["ที่", "ตย 0023.1/45"],
      ["วันที่บันทึกข้อความ", "15 ตุลาคม 2568"],
      ["เรียน", "นายกองค์การบริหารส่วนตำบลบ้านตัวอย่าง"],
    ];
    const base = ws.rowCount + 1;
    rows.forEach(([label, value], i) => {
      ws.getCell(base + i, 1).value = label;
      ws.getCell(base + i, 2).value = value;
    });
    const read = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), "memo.xlsx");
    if (!read.ok) throw new Error(read.issue.code);
    const run = runPipeline(read.sheets, { facts: read.facts });
    if (!run.ok) throw new Error(JSON.stringify(run.errors));
    const lines = await rawLines(await reportDocx(run.report, "memo"));
    expect(lines).toContain("ส่วนราชการ  สำนักปลัด องค์การบริหารส่วนตำบลบ้านตัวอย่าง");
    expect(lines.find((l) => l.startsWith("ที่"))).toMatch(/^ที่\s+ตย ๐๐๒๓\.๑\/๔๕\s+วันที่\s+๑๕ ตุลาคม ๒๕๖๘$/);
    expect(lines).toContain("เรียน นายกองค์การบริหารส่วนตำบลบ้านตัวอย่าง");
  });
});
