/**
 * The memo (บันทึกข้อความ) that sends the analysis and the proposed measures to the head of the
 * unit: the head's ruling on it is the evidence of approval that ITA item O42 asks for.
 *
 * Set out as the government's correspondence rules (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ)
 * set out a บันทึกข้อความ: the emblem's place, the heading, ส่วนราชการ / ที่ + วันที่ / เรื่อง,
 * เรียน, the body in three parts (เรื่องเดิม, ข้อเท็จจริง, ข้อพิจารณาและข้อเสนอ), the closing
 * line, the preparer's signature, then the head's ruling. A field the settings sheet leaves blank
 * prints as a dotted line, to be filled in by hand: nothing is guessed.
 */
import { diff2 } from "../core/decimal";
import type { EmblemImage, Measure } from "../core/types";
import type { ReportFormat } from "./format";
import { PROPOSED_MARK } from "./measureRows";
import { recommendationFor } from "./recommendations";
import { formatThaiDay, joinThai } from "./thaiFormat";
import type { MemoField, ReportDocument, Signer } from "./types";
import { BlockWriter } from "./writer";

export const MEMO_HEADING = "บันทึกข้อความ";
export const MEMO_CLOSING = "จึงเรียนมาเพื่อโปรดพิจารณา";
const MEASURES_NAME = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน";
/** Marks a measure the product proposes from its library (no measure of the workbook covers the indicator). */

/** A dotted line standing for a field left blank in the settings sheet. */
export function dots(n: number): string {
  return ".".repeat(n);
}

/** The official result: the rating from 2566 (the letter only when asked for), the letter before. */
function resultText(f: ReportFormat): string {
  const a = f.analysis;
  if (a.framework.usesRating && a.rating) return `อยู่ใน${f.levelText()}`;
  return `อยู่ในระดับ ${a.grade} และ${a.pass ? "ผ่าน" : "ยังไม่ผ่าน"}เกณฑ์การประเมิน`;
}

/** Last year's total with its result, and the change, in one clause; "" without a previous year. */
function comparisonText(f: ReportFormat): string {
  const a = f.analysis;
  const prev = a.history.filter((h) => h.year < a.year).pop();
  if (!prev) return "";
  const level = f.yearLevelText(prev);
  const change = a.change?.total ?? diff2(a.total, prev.total);
  const how = change > 0 ? `เพิ่มขึ้น ${f.score(change)} คะแนน` : change < 0 ? `ลดลง ${f.score(-change)} คะแนน` : "เท่าเดิม";
  return ` เมื่อเทียบกับปีงบประมาณ พ.ศ. ${f.year(prev.year)} ซึ่งได้คะแนนรวม ${f.score(prev.total)} คะแนน (${level}) คะแนนรวม${how}`;
}

/** Which tool moved the total (from the change decomposition), in one sentence; "" when nothing moved. */
function driverText(f: ReportFormat): string {
  const ch = f.analysis.change;
  if (!ch || ch.total === 0) return "";
  const moved = ch.drivers.find((d) => d.kind === "moved");
  if (!moved || moved.kind !== "moved") return "";
  const tool = ch.byTool.find((t) => t.tool === moved.tool);
  if (!tool || moved.contribution === 0) return "";
  const dir = (n: number) => (n > 0 ? "เพิ่มขึ้น" : "ลดลง");
  return `ปัจจัยหลัก คือ ${f.toolLabel(moved.tool)} ซึ่งมีคะแนน${dir(tool.change)} ${f.score(Math.abs(tool.change))} คะแนน คิดเป็นคะแนนรวม${dir(moved.contribution)} ${f.score(Math.abs(moved.contribution))} คะแนน ตามน้ำหนักร้อยละ ${f.weightPercent(moved.tool)}`;
}

/** What keeps the unit from the next rating, in one sentence; "" at the best rating or before 2566. */
function blockerText(f: ReportFormat): string {
  const a = f.analysis;
  if (!a.framework.usesRating || !a.rating || a.blockers.length === 0) return "";
  const next = a.blockers[0].rating;
  const parts = a.blockers
    .filter((b) => b.rating === next)
    .map((b) =>
      b.tool === "total"
        ? `คะแนนรวม ${f.score(b.score)} คะแนน ต่ำกว่าเกณฑ์ ${f.plain(b.threshold)} คะแนน`
        : `${f.toolLabel(b.tool)} ได้ ${f.score(b.score)} คะแนน ต่ำกว่าเกณฑ์ ${f.plain(b.threshold)} คะแนน`,
    );
  return `หน่วยงานยังไม่ได้ระดับ “${next}” เนื่องจาก${joinThai(parts)}`;
}

interface MemoMeasure {
  title: string;
  proposed: boolean;
}

/** The measures proposed for the measures year: the workbook's, then the library's for weak indicators none covers. */
function proposedMeasures(f: ReportFormat, year: number): MemoMeasure[] {
  const a = f.analysis;
  const own = a.measures.items.filter((m: Measure) => m.year === undefined || m.year === year);
  const out: MemoMeasure[] = own.map((m) => {
    const ind = f.indicatorsOf(m);
    return { title: `${f.userText(m.title)}${ind ? ` (${ind})` : ""}`, proposed: false };
  });
  let weak = [...a.urgent, ...a.improve].filter((n) => !own.some((m) => m.indicators.includes(n)));
  if (out.length === 0 && weak.length === 0) weak = [a.ranking[a.ranking.length - 1]];
  const seen = new Set<string>();
  for (const no of weak) {
    const title = recommendationFor(no, f.indicator(no)?.name).measure.title;
    if (seen.has(title)) continue;
    seen.add(title);
    out.push({ title: `${f.text(title)} (${f.text(`ตัวชี้วัดที่ ${no}`)})`, proposed: true });
  }
  // the mark sets the library's measures apart from the unit's own; with none of its own, all are proposed
  if (own.length) for (const m of out) if (m.proposed) m.title += ` ${PROPOSED_MARK}`;
  return out;
}

/** A settings field, or a dotted line of `n` dots. */
function fieldOr(f: ReportFormat, value: string | undefined, n: number): string {
  const v = f.userText(value);
  return v || dots(n);
}

export function memoDocument(f: ReportFormat, emblem?: EmblemImage): ReportDocument {
  const a = f.analysis;
  const s = f.settings;
  const w = new BlockWriter(f.digits);
  const mYear = f.measuresYear();
  const itaShort = `การประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${f.year(a.year)}`;
  const subject = `ขออนุมัติรายงานการวิเคราะห์ผล${itaShort} และ${MEASURES_NAME}`;
  const head = f.userText(s.memoTo) || f.userText(s.approverPosition);
  const date = s.memoDate ? formatThaiDay(s.memoDate, f.digits) : "";

  const lines: MemoField[][] = [
    [{ label: "ส่วนราชการ", value: fieldOr(f, s.memoOffice, 90) }],
    [
      { label: "ที่", value: fieldOr(f, s.memoNumber, 40) },
      { label: "วันที่", value: date || dots(40) },
    ],
    [{ label: "เรื่อง", value: subject }],
  ];
  w.push({ kind: "memoHeader", emblem, heading: MEMO_HEADING, lines, to: { label: "เรียน", value: head || dots(60) } });

  w.heading("เรื่องเดิม");
  w.para(
    `สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) เป็นประจำทุกปี ในการนี้ แบบตรวจการเปิดเผยข้อมูลสาธารณะ ข้อ O42 ${MEASURES_NAME} กำหนดให้หน่วยงานวิเคราะห์ผลการประเมินของปีที่ผ่านมา กำหนดมาตรการเพื่อแก้ไขและพัฒนา เสนอผู้บริหารให้ความเห็นชอบ และเผยแพร่บนเว็บไซต์ของหน่วยงาน`,
  );

  w.heading("ข้อเท็จจริง");
  let result = `ใน${itaShort} ${f.unit}ได้คะแนนรวม ${f.score(a.total)} คะแนน ${resultText(f)}${comparisonText(f)}`;
  const driver = driverText(f);
  if (driver) result += ` ${driver}`;
  w.para(result);
  const blocker = blockerText(f);
  if (blocker) w.para(blocker);
  const th = a.thresholds;
  const nos = (list: number[]) =>
    f.text(`ตัวชี้วัดที่ ${list.length > 1 ? `${list.slice(0, -1).join(" ")} และ ${list[list.length - 1]}` : list.join("")}`);
  w.para(
    a.strengths.length
      ? `จุดแข็ง (ตัวชี้วัดที่ได้คะแนนตั้งแต่ ${f.plain(th.strength)} คะแนนขึ้นไป) มี ${f.count(a.strengths.length)} ตัวชี้วัด ได้แก่ ${nos([...a.strengths].sort((x, y) => x - y))}`
      : `ยังไม่มีตัวชี้วัดที่เป็นจุดแข็ง (ได้คะแนนตั้งแต่ ${f.plain(th.strength)} คะแนนขึ้นไป)`,
  );
  if (a.urgent.length) {
    w.para(
      `ประเด็นที่ต้องแก้ไขโดยเร่งด่วน (ตัวชี้วัดที่ได้คะแนนต่ำกว่า ${f.plain(th.urgent)} คะแนน) มี ${f.count(a.urgent.length)} ตัวชี้วัด ดังนี้`,
    );
    w.bullets(a.urgent.map((n) => f.indicatorWithScore(n)));
  } else {
    w.para(`ไม่มีประเด็นที่ต้องแก้ไขโดยเร่งด่วน (ตัวชี้วัดที่ได้คะแนนต่ำกว่า ${f.plain(th.urgent)} คะแนน)`);
  }
  if (a.improve.length) {
    w.para(
      `ประเด็นที่ต้องพัฒนาให้ดีขึ้น (ตัวชี้วัดที่ได้คะแนนตั้งแต่ ${f.plain(th.urgent)} คะแนน แต่ต่ำกว่า ${f.plain(th.strength)} คะแนน) มี ${f.count(a.improve.length)} ตัวชี้วัด ดังนี้`,
    );
    w.bullets(a.improve.map((n) => f.indicatorWithScore(n)));
  } else {
    w.para("ไม่มีประเด็นที่ต้องพัฒนาให้ดีขึ้น");
  }
  const measures = proposedMeasures(f, mYear);
  const extra = measures.filter((m) => m.proposed).length;
  w.para(
    `จากผลการวิเคราะห์ดังกล่าว ${extra === measures.length ? "จึงเสนอ" : "ได้จัดทำ"}${MEASURES_NAME} ประจำปีงบประมาณ พ.ศ. ${f.year(mYear)} จำนวน ${f.count(measures.length)} มาตรการ${extra && extra < measures.length ? ` ในจำนวนนี้เป็นมาตรการที่เสนอเพิ่มเติม ${f.count(extra)} มาตรการ` : ""} ดังนี้`,
  );
  w.numbered(measures.map((m) => m.title));
  w.para("รายละเอียดปรากฏตามรายงานการวิเคราะห์ผลการประเมินและมาตรการที่แนบมาพร้อมนี้");

  w.heading("ข้อพิจารณาและข้อเสนอ");
  w.para("เพื่อให้เป็นไปตามเกณฑ์การประเมินดังกล่าว เห็นควรดำเนินการ ดังนี้");
  w.numbered([
    `อนุมัติรายงานการวิเคราะห์ผล${itaShort} และ${MEASURES_NAME} ประจำปีงบประมาณ พ.ศ. ${f.year(mYear)} ตามที่เสนอ`,
    `แจ้งส่วนราชการผู้รับผิดชอบดำเนินการตามมาตรการ และรายงานผลการดำเนินการต่อผู้บริหารในรอบ ${f.count(6)} เดือน และรอบ ${f.count(12)} เดือน`,
    "เผยแพร่รายงานและมาตรการดังกล่าวบนเว็บไซต์ของหน่วยงาน ตามแบบตรวจ ข้อ O42",
  ]);
  w.para(MEMO_CLOSING, { keepNext: true });

  w.push({ kind: "signature", signers: [memoSigner(f, s.preparerName, s.preparerPosition)] });
  w.push({
    kind: "ruling",
    title: "ความเห็นและข้อสั่งการของผู้บริหาร",
    options: ["ทราบ", "อนุมัติ"],
    comment: [`ความเห็น ${dots(100)}`, dots(120)],
    signer: { ...memoSigner(f, s.approverName, s.approverPosition), date: `วันที่ ${dots(40)}` },
  });

  return {
    id: "memo",
    shortTitle: f.text(`บันทึกข้อความเสนอผลการวิเคราะห์ ITA ปี ${a.year}`),
    title: {
      lines: [MEMO_HEADING],
      unit: f.unit,
      place: "",
      date,
    },
    blocks: w.blocks,
  };
}

/** A memo signer: the name in brackets and the position as typed (no "ตำแหน่ง"), dotted when blank. */
function memoSigner(f: ReportFormat, name: string | undefined, position: string | undefined): Signer {
  return {
    role: "",
    name: `(${fieldOr(f, name, 40)})`,
    position: fieldOr(f, position, 40),
  };
}
