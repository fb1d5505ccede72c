/**
 * What the published documents say, read back from the .docx (mammoth): no internal caveats, the
 * rating as the result from 2566, the change explained by tool, formal Thai, one set of class
 * labels, the completed อำเภอเมือง, the คำนำ.
 */
import mammoth from "mammoth";
import { thaiDigits } from "../../src/core/digits";
import { FRAMEWORKS } from "../../src/core/frameworks";
import { CLASS_LABELS, CLASS_LABELS_EN, placeLine } from "../../src/core/labels";
import type { ItaInput, Settings } from "../../src/core/types";
import { reportDocx } from "../../src/docx";
import { analysisSheets } from "../../src/layout/output";
import { buildReportModel, RECOMMENDATIONS } from "../../src/report";
import { STRINGS } from "../../src/taskpane/strings";
import { analysisOf, inputOf, measure, SEED_004_2567, SEED_004_2568, THARAE } from "../helpers/input";
import { SAMPLE_MEASURES } from "./fixtures";

const DATE = new Date(2025, 10, 20);
const DONGKHWANG = { name: "องค์การบริหารส่วนตำบลดงขวาง", district: "เมือง", province: "นครพนม" };

/** Seed 004's two years (2567, 2568), one measure done of two. */
function seed004(settings: Partial<Settings> = {}): ItaInput {
  return inputOf(
    { 2567: SEED_004_2567, 2568: SEED_004_2568 },
    {
      unit: DONGKHWANG,
      measures: [measure("มาตรการเผยแพร่ข้อมูลสาธารณะ", [9, 2], "done"), measure("มาตรการป้องกันการทุจริต", [2, 5, 10])],
      settings,
    },
  );
}

async function docxText(inp: ItaInput, which: "analysis" | "measures" = "analysis"): Promise<string> {
  const model = buildReportModel(analysisOf(inp), inp.settings, { date: DATE });
  const bytes = await reportDocx(model, which);
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.replace(/\u00a0/g, " ");
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

describe("no internal caveats in the published documents", () => {
  it("leaves the assumed-weights caveat and advice to the officer out, and keeps the caveat in the analysis", async () => {
    const inp = seed004();
    const a = analysisOf(inp);
    // 2568 weights are assumed (no manual): the analysis warns, the pane, the CLI and the sheet show it
    expect(a.framework.confidence.weights).toBe("low");
    expect(a.warnings.map((w) => w.code)).toContain("WEIGHTS_ASSUMED");
    const sheetText = analysisSheets(a)
      .flatMap((s) => s.rows.flat())
      .join("\n");
    expect(sheetText).toContain("สันนิษฐาน");
    // indicator 8 is not weak here; make one uncovered weak indicator: 4 has no measure
    expect(a.measures.uncovered).toContain(4);
    for (const which of ["analysis", "measures"] as const) {
      const text = await docxText(inp, which);
      expect(text).not.toContain("สันนิษฐาน");
      expect(text).not.toContain("ยังไม่พบคู่มือ");
      expect(text).not.toContain("ควรพิจารณา");
      expect(text).not.toContain("ยังไม่มีมาตรการที่ระบุว่ารองรับ");
      expect(text).not.toContain("แผ่นงาน");
      expect(text).not.toContain("ทำเครื่องหมาย");
    }
  });
});

describe("the official result: the rating from 2566, the letter grade up to 2565", () => {
  it("prints the 2568 rating without the letter, and last year's rating beside last year's total", async () => {
    const text = await docxText(seed004());
    expect(text).toContain(
      "องค์การบริหารส่วนตำบลดงขวางได้คะแนนรวม ๗๘.๓๑ คะแนน ผลการประเมินอยู่ในระดับ “ต้องปรับปรุง” ทั้งนี้ ในปีงบประมาณ พ.ศ. ๒๕๖๗ หน่วยงานได้คะแนนรวม ๙๑.๒๘ คะแนน อยู่ในระดับ “ผ่าน” คะแนนรวมปีนี้จึงลดลง ๑๒.๙๗ คะแนน",
    );
    // 78.31 is a B on the old scale: not printed
    expect(text).not.toMatch(/ระดับ [A-F]\b|เกณฑ์แบบเดิม/);
  });

  it("adds the letter grade for comparison when the settings ask for it", async () => {
    const text = await docxText(seed004({ showGrade: true }));
    expect(text).toContain("ผลการประเมินอยู่ในระดับ “ต้องปรับปรุง” (เมื่อเทียบกับเกณฑ์แบบเดิมเท่ากับ B)");
  });

  it("prints the letter grade as the result up to 2565, with the pass mark, and last year's grade", async () => {
    const inp = inputOf(
      {
        2564: [97.1, 96.5, 97.9, 95.2, 97.4, 88.6, 87.9, 80.1, 96.2, 92.5],
        2565: [98.68, 97.72, 98.19, 96.3, 98.5, 85.38, 81.22, 82.05, 100, 100],
      },
      { unit: THARAE },
    );
    const text = await docxText(inp);
    expect(text).toContain(
      "เทศบาลตำบลท่าแร่ได้คะแนนรวม ๙๔.๒๓ คะแนน ผลการประเมินอยู่ในระดับ A และผ่านเกณฑ์การประเมินที่ ๘๕ คะแนน ทั้งนี้ ในปีงบประมาณ พ.ศ. ๒๕๖๔ หน่วยงานได้คะแนนรวม",
    );
    expect(text).toMatch(/พ\.ศ\. ๒๕๖๔ หน่วยงานได้คะแนนรวม [๐-๙.]+ คะแนน อยู่ในระดับ A /);
    expect(text).not.toContain("“");
    // no rating, so nothing on what keeps the unit from the next one
    expect(text).not.toContain("ยังไม่ถึงระดับ");
  });
});

describe("the change of the total explained by tool", () => {
  it("names the tool that moved the total, with its change, weight and share (figures computed by hand)", async () => {
    // 2567 tools: IIT 497.11/5 = 99.422 → 99.42, EIT 276/3 = 92.00, OIT 169.29/2 = 84.645 → 84.65;
    // total 29.8266 + 27.6 + 33.858 = 91.2846 → 91.28.
    // 2568 tools: IIT 455.33/5 = 91.066 → 91.07, EIT 296.92/3 = 98.9733 → 98.97, OIT 106.5/2 = 53.25;
    // total 27.3198 + 29.692 + 21.3 = 78.3118 → 78.31. Printed change 78.31 − 91.28 = −12.97.
    // Exact parts: IIT 0.3 × (91.066 − 99.422) = −2.5068, EIT 0.3 × 6.97333 = +2.092,
    // OIT 0.4 × (53.25 − 84.645) = −12.558. In hundredths, rounded down: −251, +209, −1256 (sum −1298);
    // the one hundredth missing goes to the largest remainder (IIT, .32): −2.50, +2.09, −12.56.
    const text = await docxText(seed004());
    expect(text).toContain(
      "คะแนนรวมที่ลดลง ๑๒.๙๗ คะแนน มาจากแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) เป็นสำคัญ โดยคะแนน OIT ลดลง ๓๑.๔๐ คะแนน เมื่อคิดตามน้ำหนักร้อยละ ๔๐ คิดเป็น ๑๒.๕๖ คะแนนของคะแนนรวมที่ลดลง ส่วนคะแนน IIT ลดลง ๘.๓๕ คะแนน ทำให้คะแนนรวมลดลง ๒.๕๐ คะแนน และคะแนน EIT เพิ่มขึ้น ๖.๙๗ คะแนน ทำให้คะแนนรวมเพิ่มขึ้น ๒.๐๙ คะแนน",
    );
  });

  it("says which condition keeps the unit from the next rating, and the tool behind it", async () => {
    const text = await docxText(seed004());
    expect(text).toContain(
      "ผลการประเมินยังไม่ถึงระดับ “ผ่าน” เนื่องจากคะแนนรวม ๗๘.๓๑ คะแนน ยังต่ำกว่าเกณฑ์ ๘๕ คะแนน โดยเครื่องมือที่ทำให้คะแนนรวมต่ำกว่าเกณฑ์มากที่สุด คือ แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ซึ่งได้ ๕๓.๒๕ คะแนน",
    );
    // ผ่าน (total ≥ 85) held back from ผ่านดี by one tool below 85
    const inp = inputOf({ 2567: [99, 99, 99, 99, 99, 90, 80, 82, 97, 96] }, { unit: THARAE });
    expect(analysisOf(inp).rating).toBe("ผ่าน");
    expect(await docxText(inp)).toContain(
      "ผลการประเมินยังไม่ถึงระดับ “ผ่านดี” เนื่องจากแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) ได้ ๘๔.๐๐ คะแนน ยังต่ำกว่าเกณฑ์ ๘๕ คะแนน",
    );
  });

  it("footnotes the total computed from unrounded tool scores when, and only when, re-adding differs by 0.01", async () => {
    // IIT 485.6/5 = 97.12, EIT 254.52/3 = 84.84, OIT 146.83/2 = 73.415 (printed 73.42).
    // Total from the unrounded OIT: 29.136 + 25.452 + 29.366 = 83.954 → 83.95;
    // re-added from the printed tools: 29.136 + 25.452 + 29.368 = 83.956 → 83.96.
    const inp = inputOf({ 2568: [98.26, 97.69, 97.12, 96.55, 95.98, 85.41, 84.84, 84.27, 73.7, 73.13] });
    const a = analysisOf(inp);
    expect(a.tools).toEqual({ IIT: 97.12, EIT: 84.84, OIT: 73.42 });
    expect(a.total).toBe(83.95);
    const text = await docxText(inp);
    expect(text).toContain(
      "หมายเหตุ คะแนนรวมคำนวณจากคะแนนรายเครื่องมือก่อนปัดเศษทศนิยม ตามวิธีเดียวกับระบบ ITAS จึงต่างจากผลรวมของคะแนนรายเครื่องมือในตารางคูณน้ำหนัก (๘๓.๙๖ คะแนน) อยู่ ๐.๐๑ คะแนน",
    );
    // seed 004's 2568: 27.321 + 29.691 + 21.3 = 78.312 → 78.31, the printed total: no footnote
    expect(await docxText(seed004())).not.toContain("ก่อนปัดเศษ");
  });
});

describe("formal Thai", () => {
  it("lists indicator numbers with และ, never with commas", async () => {
    const text = await docxText(seed004());
    expect(text).toContain("(ตัวชี้วัดที่ ๒ และ ๙)");
    expect(text).toContain("(ตัวชี้วัดที่ ๒ ๕ และ ๑๐)");
    expect(text).not.toMatch(/ตัวชี้วัดที่ [๐-๙]+,/);
  });

  it("lets ลดลง carry the sign: no minus sign after it, and none in the sentences", async () => {
    const text = await docxText(seed004());
    expect(text).toContain("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล คะแนนลดลง ๓๗.๗๙ คะแนน จาก ๗๙.๒๙ คะแนน เหลือ ๔๑.๕๐ คะแนน");
    expect(text).not.toMatch(/ลดลง\s*(จาก\s*)?[-−]/);
    expect(text).not.toMatch(/\([-−][๐-๙]/);
    // the signed change stays in its table column only
    expect(text.split("-๓๗.๗๙").length - 1).toBe(1);
  });

  it("writes no English-style colon after Thai words", async () => {
    for (const inp of [
      seed004(),
      inputOf({ 2565: [98, 97, 98, 96, 98, 85, 81, 82, 100, 100] }, { unit: THARAE, measures: SAMPLE_MEASURES }),
    ])
      for (const which of ["analysis", "measures"] as const) {
        const text = await docxText(inp, which);
        expect(text).not.toMatch(/[\u0E00-\u0E7F)]\s?:\s/);
      }
  });

  it("names each tool row and group in Thai, heads the change column เพิ่มขึ้น/ลดลง, and dates captions by fiscal year", async () => {
    const analysis = await docxText(seed004());
    expect(analysis).toContain("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) ๙๑.๐๗ คะแนน");
    expect(analysis).not.toMatch(/\(IIT\) คะแนน/);
    expect(lines(analysis)).toContain("เพิ่มขึ้น/ลดลง");
    expect(analysis).toContain("ลำดับคะแนนรายตัวชี้วัด ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (ตามระบบ ITAS)");
    const measures = lines(await docxText(seed004(), "measures"));
    expect(measures).toContain("แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)");
    expect(measures).not.toContain("คะแนน OIT");
    expect(measures).toContain("ผลคะแนนย้อนหลัง ปีงบประมาณ พ.ศ. ๒๕๖๗–๒๕๖๘");
  });

  it("prints a whole percentage without decimals and keeps two otherwise", async () => {
    const half = await docxText(seed004(), "measures");
    expect(half).toContain("คิดเป็นร้อยละ ๕๐");
    expect(half).not.toContain("๕๐.๐๐");
    const third = await docxText(
      inputOf({ 2565: [98, 97, 98, 96, 98, 85, 81, 82, 100, 100] }, { unit: THARAE, measures: SAMPLE_MEASURES }),
      "measures",
    );
    expect(third).toContain("คิดเป็นร้อยละ ๓๓.๓๓");
  });

  it("recommends for each indicator without naming another indicator, in the forms an officer writes", () => {
    const defs = FRAMEWORKS[FRAMEWORKS.length - 1].indicators;
    for (const r of RECOMMENDATIONS) {
      const text = [r.focus, ...r.points, r.measure.title, ...r.measure.steps, r.measure.monitoring].join(" ");
      for (const d of defs.filter((x) => x.no !== r.no))
        for (const name of [d.name, ...d.aliases])
          expect({ no: r.no, names: text.includes(name) ? name : null }).toEqual({ no: r.no, names: null });
    }
    const all = JSON.stringify(RECOMMENDATIONS);
    expect(all).toContain("การยืม-คืน");
    expect(all).toContain("โดยปกปิดตัวตนของผู้แจ้ง");
    expect(all).not.toMatch(/การยืมคืน|ปกปิดตัวผู้แจ้ง|ไม่เปิดเผยตัวผู้แจ้ง/);
  });
});

describe("one set of class labels", () => {
  it("names the classes the same in the pane, the analysis sheet and the .docx", async () => {
    expect(STRINGS.th.strengths).toBe(CLASS_LABELS.strength);
    expect(STRINGS.th.urgentList).toBe(CLASS_LABELS.urgent);
    expect(STRINGS.th.improveList).toBe(CLASS_LABELS.improve);
    expect(STRINGS.en.urgentList).toBe(CLASS_LABELS_EN.urgent);
    expect(STRINGS.en.improveList).toBe(CLASS_LABELS_EN.improve);
    expect(CLASS_LABELS).toEqual({
      strength: "จุดแข็ง",
      improve: "ประเด็นที่ต้องพัฒนาให้ดีขึ้น",
      urgent: "ประเด็นที่ต้องแก้ไขโดยเร่งด่วน",
    });
    const inp = seed004();
    const a = analysisOf(inp);
    const sheet = analysisSheets(a)
      .flatMap((s) => s.rows.flat())
      .map((v) => String(v ?? ""));
    const docx = await docxText(inp);
    for (const label of Object.values(CLASS_LABELS)) {
      expect(sheet.some((v) => v.startsWith(label))).toBe(true);
      expect(docx).toContain(label);
    }
    for (const old of ["ควรพัฒนาให้ดีขึ้น", "ต้องแก้ไขเร่งด่วน", "ประเด็นข้อบกพร่องหรือจุดอ่อน"]) {
      expect(sheet.join("\n")).not.toContain(old);
      expect(docx).not.toContain(old);
    }
  });
});

describe("the place line", () => {
  it("completes อำเภอเมือง with the province when the province is known", () => {
    expect(placeLine("เมือง", "นครพนม")).toBe("อำเภอเมืองนครพนม จังหวัดนครพนม");
    expect(placeLine("อำเภอเมือง", "จังหวัดนครพนม")).toBe("อำเภอเมืองนครพนม จังหวัดนครพนม");
    expect(placeLine("อ.เมือง", "จ.นครพนม")).toBe("อำเภอเมืองนครพนม จ.นครพนม");
    // already complete, another district, or no province: as typed
    expect(placeLine("เมืองสกลนคร", "สกลนคร")).toBe("อำเภอเมืองสกลนคร จังหวัดสกลนคร");
    expect(placeLine("อำเภอเมืองสกลนคร", "สกลนคร")).toBe("อำเภอเมืองสกลนคร จังหวัดสกลนคร");
    expect(placeLine("เมืองปาน", "ลำปาง")).toBe("อำเภอเมืองปาน จังหวัดลำปาง");
    expect(placeLine("เมือง")).toBe("อำเภอเมือง");
  });

  it("prints the completed district under the unit's name", async () => {
    expect(lines(await docxText(seed004()))).toContain("อำเภอเมืองนครพนม จังหวัดนครพนม");
  });
});

describe("the คำนำ", () => {
  it("opens the analysis report before หลักการและเหตุผล, signed by the unit with the report's month and year", async () => {
    const inp = seed004();
    const model = buildReportModel(analysisOf(inp), inp.settings, { date: DATE });
    const l = lines(await docxText(inp));
    const at = l.indexOf("คำนำ");
    const principle = l.indexOf(thaiDigits("1. หลักการและเหตุผล"));
    expect(at).toBeGreaterThan(0);
    expect(principle).toBeGreaterThan(at + 3);
    const preface = l.slice(at + 1, principle);
    expect(preface.join(" ")).toContain("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘");
    expect(preface.slice(-2)).toEqual([DONGKHWANG.name, model.analysisDoc.title.date]);
    // the measures report has none
    expect(lines(await docxText(inp, "measures"))).not.toContain("คำนำ");
  });
});
