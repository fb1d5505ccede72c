import { arabicDigits, thaiDigits } from "../../src/core/digits";
import { STATUS_LABELS } from "../../src/core/labels";
import {
  RECOMMENDATIONS,
  buildReportModel,
  focusIndicators,
  recommendationFor,
  NO_MEASURES_TEXT,
  STATUS_MARK,
} from "../../src/report";
import { analysisOf, inputOf, SEED_002_2565, THARAE } from "../helpers/input";
import { SAMPLE_MEASURES, SEED_002_ITAS_RANKING } from "./fixtures";
import { docText, hasTable, headings, table } from "./helpers";

const DATE = new Date(2022, 9, 31);

function seed002(opts: { digits?: "thai" | "arabic"; measures?: typeof SAMPLE_MEASURES; withPrevious?: boolean } = {}) {
  const inp = inputOf(
    opts.withPrevious
      ? { 2564: [97.1, 96.5, 97.9, 95.2, 97.4, 88.6, 87.9, 80.1, 96.2, 92.5], 2565: SEED_002_2565 }
      : { 2565: SEED_002_2565 },
    {
      unit: THARAE,
      measures: opts.measures ?? [],
      settings: {
        digits: opts.digits ?? "thai",
        preparerName: "นางสาวสมใจ ตั้งใจดี",
        preparerPosition: "หัวหน้าสำนักปลัดเทศบาล",
      },
    },
  );
  const analysis = analysisOf(inp);
  return { analysis, model: buildReportModel(analysis, inp.settings, { date: DATE }) };
}

describe("golden: seed 002 (ทต.ท่าแร่, ITA 2565)", () => {
  it("reproduces the published tool scores, total and level", () => {
    const { analysis, model } = seed002();
    expect(analysis.tools).toEqual({ IIT: 97.88, EIT: 82.88, OIT: 100 });
    expect(analysis.total).toBe(94.23);
    const text = docText(model.analysisDoc);
    expect(text).toContain("ได้คะแนนรวม ๙๔.๒๓ คะแนน อยู่ในระดับ A");
    const tools = table(model.analysisDoc, "tools").rows.map((r) => r.cells[r.cells.length - 1].text);
    expect(tools).toEqual(["๙๗.๘๘", "๘๒.๘๘", "๑๐๐.๐๐", "๙๔.๒๓"]);
  });

  it("prints the ranking table exactly as the ITAS system (Arabic digits setting)", () => {
    const { model } = seed002({ digits: "arabic" });
    const t = table(model.analysisDoc, "ranking");
    expect(t.header).toEqual([[{ text: "อันดับ" }, { text: "ตัวชี้วัด" }, { text: "คะแนน" }]]);
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual(SEED_002_ITAS_RANKING);
  });

  it("prints the same ranking with Thai digits by default", () => {
    const { model } = seed002();
    const rows = table(model.analysisDoc, "ranking").rows.map((r) => r.cells.map((c) => c.text));
    expect(rows).toEqual(SEED_002_ITAS_RANKING.map((r) => r.map(thaiDigits)));
    expect(rows.flat().join("")).not.toMatch(/[0-9]/);
  });

  it("classifies as the seed does: strengths ≥ 85, 7 and 8 to improve, the weakest of each tool", () => {
    const { model } = seed002();
    const text = docText(model.analysisDoc);
    const doc = model.analysisDoc;
    const strengthsAt = doc.blocks.findIndex((b) => b.kind === "heading" && b.text.includes("จุดแข็ง"));
    const strengthList = doc.blocks[strengthsAt + 1];
    expect(strengthList.kind).toBe("bullets");
    if (strengthList.kind !== "bullets") return;
    expect(strengthList.items.map((i) => arabicDigits(i.text).match(/ตัวชี้วัดที่ (\d+)/)?.[1])).toEqual([
      "9",
      "10",
      "1",
      "5",
      "3",
      "2",
      "4",
      "6",
    ]);
    expect(text).toContain("ไม่มีตัวชี้วัดที่ได้คะแนนต่ำกว่า ๗๐ คะแนน");
    expect(text).toContain("ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร (๘๑.๒๒ คะแนน)");
    expect(text).toContain("ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน (๘๒.๐๕ คะแนน)");
    expect(text).toMatch(/\(IIT\) ได้ ๙๗\.๘๘ คะแนน: ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ \(๙๖\.๓๐ คะแนน\)/);
    expect(text).toMatch(/\(EIT\) ได้ ๘๒\.๘๘ คะแนน: ตัวชี้วัดที่ ๗/);
    expect(text).toMatch(/\(OIT\) ได้ ๑๐๐\.๐๐ คะแนน: ตัวชี้วัดที่ ๙ /);
    expect(text).toContain("ไม่มีผลคะแนนของปีก่อนหน้าสำหรับเปรียบเทียบ");
  });

  it("lists every indicator with its score, grouped by tool", () => {
    const { model, analysis } = seed002();
    const t = table(model.analysisDoc, "indicators");
    const body = t.rows.filter((r) => !r.group);
    expect(body).toHaveLength(10);
    for (const i of analysis.indicators) {
      const row = body.find((r) => r.cells[0].text === thaiDigits(String(i.no)));
      expect(row?.cells[1].text).toBe(i.name);
      expect(row?.cells[2].text).toBe(thaiDigits(i.score.toFixed(2)));
    }
    expect(t.rows.filter((r) => r.group).map((r) => r.cells[0].text)).toEqual([
      expect.stringContaining("(IIT) คะแนน ๙๗.๘๘"),
      expect.stringContaining("(EIT) คะแนน ๘๒.๘๘"),
      expect.stringContaining("(OIT) คะแนน ๑๐๐.๐๐"),
    ]);
  });
});

describe("analysis document", () => {
  it("has its sections in order", () => {
    const { model } = seed002({ measures: SAMPLE_MEASURES });
    const h = headings(model.analysisDoc).map((x) => x.replace(/^[๐-๙.]+ /, ""));
    const order = [
      "หลักการและเหตุผล",
      "ผลการประเมินในภาพรวม",
      "ผลคะแนนรายเครื่องมือและรายตัวชี้วัด",
      "ลำดับคะแนนรายตัวชี้วัด",
      "การวิเคราะห์ผลการประเมิน",
      "ข้อเสนอแนะเพื่อการปรับปรุงและพัฒนา",
      "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
      "การนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
    ];
    const positions = order.map((o) => h.indexOf(o));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(model.analysisDoc.title.lines[model.analysisDoc.title.lines.length - 1]).toBe("ประจำปีงบประมาณ พ.ศ. ๒๕๖๕");
    expect(model.analysisDoc.title.place).toBe("อำเภอเมืองสกลนคร จังหวัดสกลนคร");
    expect(model.analysisDoc.title.date).toBe("ตุลาคม ๒๕๖๕");
  });

  it("writes library recommendations for each weak indicator, weakest first", () => {
    const { model, analysis } = seed002();
    expect(focusIndicators(analysis)).toEqual([7, 8]);
    const text = docText(model.analysisDoc);
    for (const no of [7, 8]) for (const p of recommendationFor(no).points) expect(text).toContain(thaiDigits(p));
    expect(text.indexOf(recommendationFor(7).points[0])).toBeLessThan(text.indexOf(recommendationFor(8).points[0]));
    expect(text).not.toContain(recommendationFor(4).points[0]);
  });

  it("suggests library measures when none are recorded", () => {
    const { model } = seed002();
    const t = table(model.analysisDoc, "measures");
    expect(t.header[0].map((c) => c.text)).toEqual([
      "ที่",
      "มาตรการ",
      "ขั้นตอนหรือวิธีการ",
      "ผู้รับผิดชอบ",
      "ระยะเวลา",
      "การกำกับติดตาม",
    ]);
    expect(t.landscape).toBe(true);
    expect(t.rows.map((r) => r.cells[1].text.split("\n")[0])).toEqual([
      recommendationFor(7).measure.title,
      recommendationFor(8).measure.title,
    ]);
    // the whole measures fiscal year 2566: 1 Oct 2565 – 30 Sep 2566
    expect(t.rows[0].cells[4].text).toBe("ต.ค. ๒๕๖๕ – ก.ย. ๒๕๖๖");
    expect(docText(model.analysisDoc)).toContain("เสนอมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน");
    expect(docText(model.analysisDoc)).not.toContain("แผ่นงาน");
  });

  it("shows recorded measures and proposes the library's for the weak indicators they leave uncovered", () => {
    const { model, analysis } = seed002({ measures: SAMPLE_MEASURES });
    expect(analysis.measures.uncovered).toEqual([8]);
    const t = table(model.analysisDoc, "measures");
    expect(t.rows).toHaveLength(4);
    expect(t.rows[0].cells.map((c) => c.text)).toEqual([
      "๑",
      "มาตรการเพิ่มช่องทางการสื่อสารกับประชาชน\n(ตัวชี้วัดที่ ๗)",
      "๑. จัดทำแผนประชาสัมพันธ์ประจำปี\n๒. เผยแพร่ข่าวสารผ่านเว็บไซต์และเพจของหน่วยงานทุกสัปดาห์",
      "สำนักปลัด (งานประชาสัมพันธ์)",
      "ต.ค. ๒๕๖๕ – ก.ย. ๒๕๖๖",
      "รายงานรอบ ๖ เดือนและ ๑๒ เดือน",
    ]);
    expect(t.rows[2].cells[1].text).toBe("มาตรการเผยแพร่ข้อมูลตามแบบตรวจ O1–O43");
    // a blank monitoring cell takes the default, not a dash
    expect(t.rows[2].cells[5].text).toBe("รายงานผลรอบ ๖ เดือน และรอบ ๑๒ เดือน");
    const lib = recommendationFor(8).measure;
    expect(t.rows[3].cells[1].text).toBe(`${lib.title}\n(ตัวชี้วัดที่ ๘)\n(เสนอเพิ่มเติม)`);
    expect(t.rows[3].cells[3].text).toBe(lib.owner);
    expect(t.rows[3].cells[4].text).toBe("ต.ค. ๒๕๖๕ – ก.ย. ๒๕๖๖");
    for (const r of t.rows.slice(0, 3)) expect(r.cells[1].text).not.toContain("เสนอเพิ่มเติม");
    const text = docText(model.analysisDoc);
    expect(text).toContain("และเสนอมาตรการเพิ่มเติมสำหรับตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน ซึ่งยังไม่มีมาตรการรองรับ อีก ๑ มาตรการ");
    expect(text).not.toContain("ควรพิจารณา");
  });

  it("reports change and decline against the previous year", () => {
    const { model } = seed002({ withPrevious: true });
    const text = docText(model.analysisDoc);
    expect(text).toContain("เมื่อเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๔");
    expect(text).toContain("ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร ลดลงจาก ๘๗.๙๐ เป็น ๘๑.๒๒ คะแนน (-๖.๖๘)");
    const t = table(model.analysisDoc, "indicators");
    expect(t.header[0].map((c) => c.text)).toEqual([
      "ที่",
      "ตัวชี้วัด",
      "คะแนนปี ๒๕๖๔",
      "คะแนนปี ๒๕๖๕",
      "เปลี่ยนแปลง",
      "ผลการวิเคราะห์",
    ]);
    const row7 = t.rows.find((r) => r.cells[0].text === "๗");
    expect(row7?.cells.map((c) => c.text)).toEqual([
      "๗",
      "ประสิทธิภาพการสื่อสาร",
      "๘๗.๙๐",
      "๘๑.๒๒",
      "-๖.๖๘",
      "ควรพัฒนาให้ดีขึ้น",
    ]);
  });

  it("uses the 2567 rating and flags assumed weights", () => {
    const inp = inputOf({ 2567: [99, 99, 99, 99, 99, 90, 80, 82, 97, 96] }, { unit: THARAE });
    const a = analysisOf(inp);
    const text = docText(buildReportModel(a, inp.settings, { date: DATE }).analysisDoc);
    expect(a.rating).toBe("ผ่าน");
    expect(text).toContain(`อยู่ในระดับ “ผ่าน” (เทียบเป็นระดับตัวอักษรได้ระดับ ${a.grade})`);
    expect(text).toContain("ซึ่งเป็นค่าที่สันนิษฐาน");
  });

  it("recommends for the lowest indicator when every indicator is a strength", () => {
    const inp = inputOf({ 2565: [99, 99, 99, 99, 99, 95, 96, 90, 100, 100] }, { unit: THARAE });
    const model = buildReportModel(analysisOf(inp), inp.settings, { date: DATE });
    const text = docText(model.analysisDoc);
    expect(text).toContain("หน่วยงานควรรักษามาตรฐานการดำเนินงานไว้");
    expect(text).toContain(recommendationFor(8).points[0]);
  });

  it("puts names, positions and the date in the signature block", () => {
    const { model } = seed002();
    const sig = model.analysisDoc.blocks[model.analysisDoc.blocks.length - 1];
    expect(sig.kind).toBe("signature");
    if (sig.kind !== "signature") return;
    expect(sig.signers[0]).toMatchObject({
      role: "ผู้จัดทำรายงาน",
      name: "(นางสาวสมใจ ตั้งใจดี)",
      position: "ตำแหน่ง หัวหน้าสำนักปลัดเทศบาล",
      date: "วันที่ ๓๑ ตุลาคม ๒๕๖๕",
    });
    expect(sig.signers[1].name).toMatch(/^\(\.+\)$/);
    expect(sig.signers[1].role).toBe("ผู้อนุมัติ");
  });

  it("uses the report date typed in the settings", () => {
    const inp = inputOf({ 2565: SEED_002_2565 }, { unit: THARAE, settings: { reportDate: "15 มีนาคม 2566" } });
    const model = buildReportModel(analysisOf(inp), inp.settings, { date: DATE });
    expect(model.analysisDoc.title.date).toBe("๑๕ มีนาคม ๒๕๖๖");
  });

  it("writes no Arabic digit in Thai mode except in codes, and no Thai digit in Arabic mode", () => {
    const thai = seed002({ measures: SAMPLE_MEASURES, withPrevious: true }).model;
    for (const d of [thai.analysisDoc, thai.measuresDoc])
      expect(docText(d).replace(/[A-Za-z]+[0-9]+/g, "")).not.toMatch(/[0-9]/);
    const arabic = seed002({ digits: "arabic", measures: SAMPLE_MEASURES, withPrevious: true }).model;
    expect(arabic.digits).toBe("arabic");
    for (const d of [arabic.analysisDoc, arabic.measuresDoc]) expect(docText(d)).not.toMatch(/[๐-๙]/);
  });
});

describe("measures document", () => {
  it("marks each measure's status in exactly one of the three columns", () => {
    const { model } = seed002({ measures: SAMPLE_MEASURES });
    const t = table(model.measuresDoc, "measureStatus");
    expect(t.header[1].map((c) => c.text)).toEqual([
      STATUS_LABELS.notStarted,
      STATUS_LABELS.inProgress,
      STATUS_LABELS.done,
    ]);
    const marks = t.rows.map((r) => r.cells.slice(5).map((c) => c.text));
    expect(marks).toEqual([
      ["", "", STATUS_MARK],
      ["", STATUS_MARK, ""],
      [STATUS_MARK, "", ""],
    ]);
    expect(t.rows[1].cells.slice(2, 5).map((c) => c.text)).toEqual([
      "ปรับปรุงแบบคำขอยืมและทะเบียนคุมทรัพย์สิน",
      "ไตรมาส ๑–๒",
      "กองคลัง",
    ]);
  });

  it("reports outputs, outcomes, notes and the share done", () => {
    const { model } = seed002({ measures: SAMPLE_MEASURES });
    const r = table(model.measuresDoc, "measureResults");
    // no evidence typed: no evidence column; a blank result says where the measure stands
    expect(r.header[0].map((c) => c.text)).toEqual(["ที่", "มาตรการ", "ผลผลิต (Output)", "ผลลัพธ์ (Outcome)", "หมายเหตุ"]);
    expect(r.rows.map((x) => x.cells.slice(2).map((c) => c.text))).toEqual([
      ["สื่อประชาสัมพันธ์ ๔๘ ชิ้น", "ประชาชนเข้าถึงข้อมูลข่าวสารได้สะดวกขึ้น", ""],
      ["ทะเบียนคุมทรัพย์สินฉบับปรับปรุง", "อยู่ระหว่างดำเนินการ", "รอประกาศใช้"],
      ["ยังไม่เริ่มดำเนินการ", "ยังไม่เริ่มดำเนินการ", ""],
    ]);
    const text = docText(model.measuresDoc);
    expect(text).toContain("ดำเนินการเสร็จเรียบร้อยแล้ว ๑ มาตรการ คิดเป็นร้อยละ ๓๓.๓๓");
    expect(model.measuresDoc.title.lines[model.measuresDoc.title.lines.length - 1]).toBe("ประจำปีงบประมาณ พ.ศ. ๒๕๖๖");
    const summary = table(model.measuresDoc, "statusSummary");
    expect(summary.rows.map((x) => x.cells[x.cells.length - 1].text)).toEqual(["๓๓.๓๓", "๓๓.๓๓", "๓๓.๓๓", "๑๐๐.๐๐"]);
  });

  it("notes a measure whose status is not one of the three", () => {
    const m = [{ ...SAMPLE_MEASURES[0], status: "unknown" as const, statusText: "กำลังทำ" }];
    const { model } = seed002({ measures: m });
    const t = table(model.measuresDoc, "measureStatus");
    expect(t.rows[0].cells.slice(5).map((c) => c.text)).toEqual(["", "", ""]);
    expect(table(model.measuresDoc, "measureResults").rows[0].cells[4].text).toBe("ไม่ระบุสถานะ (กำลังทำ)");
  });

  it("says clearly that no measures are recorded", () => {
    const { model } = seed002();
    const text = docText(model.measuresDoc);
    expect(text).toContain(NO_MEASURES_TEXT);
    expect(hasTable(model.measuresDoc, "measureStatus")).toBe(false);
    expect(hasTable(model.measuresDoc, "trend")).toBe(true);
  });

  it("tabulates the indicator, tool and total scores across years", () => {
    const { model, analysis } = seed002({ withPrevious: true });
    const t = table(model.measuresDoc, "trend");
    expect(t.header[0].map((c) => c.text)).toEqual(["ที่", "ตัวชี้วัด", "ปี ๒๕๖๔", "ปี ๒๕๖๕"]);
    expect(t.rows[6].cells.map((c) => c.text)).toEqual(["๗", "ประสิทธิภาพการสื่อสาร", "๘๗.๙๐", "๘๑.๒๒"]);
    const total = t.rows[t.rows.length - 1];
    expect(total.cells.map((c) => c.text)).toEqual([
      "คะแนนรวม",
      thaiDigits(analysis.history[0].total.toFixed(2)),
      "๙๔.๒๓",
    ]);
  });
});

describe("recommendation library", () => {
  it("covers the 10 indicators with 2–4 points and a complete measure each", () => {
    expect(RECOMMENDATIONS.map((r) => r.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const r of RECOMMENDATIONS) {
      expect(r.points.length).toBeGreaterThanOrEqual(2);
      expect(r.points.length).toBeLessThanOrEqual(4);
      expect(r.focus).toMatch(/^สะท้อน/);
      expect(r.measure.title).toMatch(/^มาตรการ/);
      expect(r.measure.steps.length).toBeGreaterThanOrEqual(2);
      expect(r.measure.owner).toMatch(/สำนักปลัด|กองคลัง/);
      expect(r.measure.monitoring).toMatch(/รายงาน|ตรวจสอบ/);
    }
    expect(new Set(RECOMMENDATIONS.map((r) => r.measure.title)).size).toBe(10);
    // an indicator the library does not know, or a built-in number renamed by a workbook framework
    expect(recommendationFor(11).focus).toContain("ตัวชี้วัดที่ 11");
    expect(recommendationFor(3, "การบริหารความเสี่ยง").measure.title).toBe("มาตรการพัฒนาผลการดำเนินงานด้านการบริหารความเสี่ยง");
    expect(recommendationFor(4, "การใช้ทรัพย์สินของทางราชการ")).toBe(RECOMMENDATIONS[3]);
  });
});
