/** Reads the produced .docx back with independent readers: mammoth (text) and jszip (XML). */
import JSZip from "jszip";
import mammoth from "mammoth";
import { reportDocx } from "../../src/docx";
import { thaiDigits } from "../../src/core/digits";
import { STATUS_LABELS } from "../../src/core/labels";
import { buildReportModel, NO_MEASURES_TEXT, STATUS_MARK, type ReportModel } from "../../src/report";
import { analysisOf, inputOf, SEED_002_2565, THARAE } from "../helpers/input";
import { SAMPLE_MEASURES, SEED_002_ITAS_RANKING } from "./fixtures";
import { headings } from "./helpers";

function model(digits: "thai" | "arabic" = "thai", measures = SAMPLE_MEASURES): ReportModel {
  const inp = inputOf(
    { 2564: [97.1, 96.5, 97.9, 95.2, 97.4, 88.6, 87.9, 80.1, 96.2, 92.5], 2565: SEED_002_2565 },
    {
      unit: THARAE,
      measures,
      settings: { digits, preparerName: "นางสาวสมใจ ตั้งใจดี", preparerPosition: "หัวหน้าสำนักปลัดเทศบาล" },
    },
  );
  return buildReportModel(analysisOf(inp), inp.settings, { date: new Date(2022, 9, 31) });
}

async function rawText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.replace(/\u00a0/g, " ");
}

/** Non-empty lines of mammoth's raw text (one per paragraph, table cells included). */
function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Every table of a document.xml as rows of cell texts (paragraphs joined by "\n"). */
function tablesOf(xml: string): string[][][] {
  const text = (frag: string) =>
    frag
      .split(/<\/w:p>/)
      .filter((p) => p.includes("<w:p"))
      .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/\u00a0/g, " ")).join(""))
      .join("\n")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1])),
    ),
  );
}

async function xmlOf(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(path);
  if (!f) throw new Error(`${path} missing`);
  return f.async("string");
}

describe("reportDocx", () => {
  let thai: ReportModel;
  let both: Uint8Array;
  let text: string;
  beforeAll(async () => {
    thai = model();
    both = await reportDocx(thai, "both");
    text = await rawText(both);
  });

  it("is a zip (.docx) returned as Uint8Array", () => {
    expect(both).toBeInstanceOf(Uint8Array);
    expect(Array.from(both.slice(0, 2))).toEqual([0x50, 0x4b]);
  });

  it("has both documents' titles and headings in order", () => {
    const ls = lines(text);
    const expected = [
      ...thai.analysisDoc.title.lines,
      ...headings(thai.analysisDoc),
      ...thai.measuresDoc.title.lines,
      ...headings(thai.measuresDoc),
    ];
    let at = -1;
    for (const h of expected) {
      const i = ls.indexOf(h, at + 1);
      expect({ h, found: i > at }).toEqual({ h, found: true });
      at = i;
    }
  });

  it("contains the ranking table rows in order, as ITAS prints them", () => {
    const ls = lines(text);
    const start = ls.indexOf("อันดับ");
    expect(start).toBeGreaterThan(0);
    expect(ls.slice(start, start + 3)).toEqual(["อันดับ", "ตัวชี้วัด", "คะแนน"]);
    expect(ls.slice(start + 3, start + 33)).toEqual(SEED_002_ITAS_RANKING.flat().map(thaiDigits));
  });

  it("contains every indicator with its score", () => {
    for (const [, name, score] of SEED_002_ITAS_RANKING) {
      expect(text).toContain(name);
      expect(text).toContain(thaiDigits(score));
    }
    expect(text).toContain("๙๔.๒๓");
    expect(text).not.toMatch(/\b94\.23\b/);
  });

  it("marks each measure's status in its column (table read from document.xml)", async () => {
    const tables = tablesOf(await xmlOf(both, "word/document.xml"));
    const status = tables.find((t) => t.flat().includes(STATUS_LABELS.inProgress) && t.flat().includes(STATUS_MARK));
    expect(status).toBeDefined();
    if (!status) return;
    expect(status[0].slice(0, 3)).toEqual(["ที่", "มาตรการ", "ขั้นตอนหรือวิธีการ"]);
    // the second header row: the row-spanned cells continue (empty), then the three status columns
    expect(status[1].slice(-3)).toEqual([STATUS_LABELS.notStarted, STATUS_LABELS.inProgress, STATUS_LABELS.done]);
    const body = status.slice(2);
    expect(body.map((r) => r[1].split("\n")[0])).toEqual(SAMPLE_MEASURES.map((m) => m.title));
    expect(body.map((r) => r.slice(5))).toEqual([
      ["", "", STATUS_MARK],
      ["", STATUS_MARK, ""],
      [STATUS_MARK, "", ""],
    ]);
    // the header rows repeat on every page
    const xml = await xmlOf(both, "word/document.xml");
    const tbl =
      [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
        .map((m) => m[0])
        .find((t) => t.includes(STATUS_LABELS.inProgress) && t.includes(STATUS_MARK)) ?? "";
    const trs = tbl.split("<w:tr>").slice(1);
    expect(trs.slice(0, 2).every((tr) => tr.includes("<w:tblHeader/>"))).toBe(true);
    expect(trs.slice(2).some((tr) => tr.includes("<w:tblHeader/>"))).toBe(false);
    expect(trs.every((tr) => tr.includes("<w:cantSplit/>"))).toBe(true);
  });

  it("sets TH Sarabun New 16 pt (complex script too) and bold headings in the styles", async () => {
    const styles = await xmlOf(both, "word/styles.xml");
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? "";
    for (const attr of ["ascii", "hAnsi", "cs", "eastAsia"]) expect(defaults).toContain(`w:${attr}="TH Sarabun New"`);
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toContain('<w:szCs w:val="32"/>');
    const h1 = /<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? "";
    expect(h1).toContain("<w:b/>");
    expect(h1).toContain("<w:bCs/>");
  });

  it("uses A4, landscape sections, repeated header rows, unsplit rows and Thai page numbers", async () => {
    const doc = await xmlOf(both, "word/document.xml");
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(doc).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(doc).toContain("<w:tblHeader/>");
    expect(doc).toContain("<w:cantSplit/>");
    expect(doc).toMatch(/<w:pgNumType w:start="1" w:fmt="thaiNumbers"\/>/);
    // a new numbering start for each of the two documents
    expect(doc.match(/<w:pgNumType w:start="1"/g)).toHaveLength(2);
    const zip = await JSZip.loadAsync(both);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    expect(headers.some((h) => /- <\/w:t>[\s\S]*PAGE[\s\S]*<w:t[^>]*> -</.test(h))).toBe(true);
  });

  it("writes one document when asked, with decimal page numbers in Arabic mode", async () => {
    const m = model("arabic");
    const one = await reportDocx(m, "measures");
    const t = await rawText(one);
    expect(t).toContain(m.measuresDoc.title.lines[0]);
    // the measures report cites the analysis by title, but has none of its sections
    expect(t).not.toContain("หลักการและเหตุผล");
    expect(t).toContain("33.33");
    expect(t).not.toMatch(/[๐-๙]/);
    const doc = await xmlOf(one, "word/document.xml");
    expect(doc).toContain('w:fmt="decimal"');
    const analysisOnly = await rawText(await reportDocx(m, "analysis"));
    expect(analysisOnly).toContain("1\nการเปิดเผยข้อมูล".replace("\n", "\n\n"));
    expect(analysisOnly).not.toContain(m.measuresDoc.title.lines[0]);
  });

  it("renders the no-measures report", async () => {
    const t = await rawText(await reportDocx(model("thai", []), "measures"));
    expect(t).toContain(NO_MEASURES_TEXT);
  });
});
