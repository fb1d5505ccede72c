/** The analysis of the year's ITA result with its measures (ITA item O42). */
import type { Analysis } from "../core/analysis";
import { add, diff2, fromNumber, mul, roundHalfUp, ZERO } from "../core/decimal";
import { FRAMEWORKS } from "../core/frameworks";
import { CLASS_LABELS } from "../core/labels";
import { TOOL_IDS } from "../core/types";
import type { ReportFormat } from "./format";
import { focusIndicators, measuresFiscalYear } from "./policy";
import { recommendationFor } from "./recommendations";
import { monitoringOf, periodOf, proposedMeasures, PROPOSED_MARK, stepsText } from "./measureRows";
import { indicatorTable, measuresPlanTable, rankingTable, toolsTable, type PlannedMeasure } from "./tables";
import { joinThai } from "./thaiFormat";
import type { ReportDocument } from "./types";
import { BlockWriter } from "./writer";

/** The title in three lines, each within the text width at the title size (18 pt bold). */
export const ANALYSIS_TITLE = [
  "รายงานการวิเคราะห์ผลการประเมิน",
  "คุณธรรมและความโปร่งใสในการดำเนินงาน",
  "ของหน่วยงานภาครัฐ (ITA)",
];

export function analysisDocument(f: ReportFormat): ReportDocument {
  const a = f.analysis;
  const w = new BlockWriter(f.digits);
  const nextYear = measuresFiscalYear(a, f.settings);
  const th = a.thresholds;

  preface(f, w, nextYear);
  w.heading("หลักการและเหตุผล");
  w.para(
    `สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) เป็นประจำทุกปี เพื่อให้หน่วยงานภาครัฐทราบสถานะของตนเองและนำผลไปปรับปรุงการดำเนินงานให้โปร่งใส ตรวจสอบได้ และเกิดประโยชน์ต่อประชาชน`,
  );
  w.para(
    `${f.unit}จึงจัดทำรายงานฉบับนี้เพื่อวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${f.year(a.year)} ระบุ${CLASS_LABELS.strength} ${CLASS_LABELS.urgent} และ${CLASS_LABELS.improve} พร้อมทั้งกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานสำหรับปีงบประมาณ พ.ศ. ${f.year(nextYear)}`,
  );

  overallSection(f, w);

  w.heading("ผลคะแนนรายเครื่องมือและรายตัวชี้วัด");
  w.para(
    `การประเมินประกอบด้วยเครื่องมือ ${f.count(TOOL_IDS.length)} ประเภท รวม ${f.count(a.indicators.length)} ตัวชี้วัด โดยมีผลคะแนนรายตัวชี้วัด ดังนี้`,
  );
  w.table(indicatorTable(f));

  w.heading("ลำดับคะแนนรายตัวชี้วัด");
  w.para(`เมื่อเรียงลำดับคะแนนรายตัวชี้วัดจากมากไปน้อยตามรูปแบบที่ระบบ ITAS แสดงผล ได้ดังนี้`);
  w.table(rankingTable(f));
  const scoreOf = (no: number) => f.indicator(no)?.score;
  const top = a.ranking.filter((n) => scoreOf(n) === scoreOf(a.ranking[0]));
  const lowScore = scoreOf(a.ranking[a.ranking.length - 1]);
  const bottom = a.ranking.filter((n) => scoreOf(n) === lowScore);
  w.para(
    `ตัวชี้วัดที่ได้คะแนนสูงที่สุด คือ ${joinThai(top.map((n) => f.indicatorLabel(n)))} (${f.score(scoreOf(top[0]) ?? 0)} คะแนน) และตัวชี้วัดที่ได้คะแนนต่ำที่สุด คือ ${joinThai(bottom.map((n) => f.indicatorLabel(n)))} (${f.score(lowScore ?? 0)} คะแนน)`,
  );

  w.heading("การวิเคราะห์ผลการประเมิน");
  w.subheading(`${CLASS_LABELS.strength} (ตัวชี้วัดที่ได้คะแนนตั้งแต่ ${f.plain(th.strength)} คะแนนขึ้นไป)`);
  if (a.strengths.length) w.bullets(a.strengths.map((n) => f.indicatorWithScore(n)));
  else w.para(`ไม่มีตัวชี้วัดที่ได้คะแนนตั้งแต่ ${f.plain(th.strength)} คะแนนขึ้นไป`);
  w.subheading(`${CLASS_LABELS.urgent} (ตัวชี้วัดที่ได้คะแนนต่ำกว่า ${f.plain(th.urgent)} คะแนน)`);
  if (a.urgent.length) w.bullets(a.urgent.map((n) => f.indicatorWithScore(n)));
  else w.para(`ไม่มีตัวชี้วัดที่ได้คะแนนต่ำกว่า ${f.plain(th.urgent)} คะแนน`);
  w.subheading(
    `${CLASS_LABELS.improve} (ตัวชี้วัดที่ได้คะแนนตั้งแต่ ${f.plain(th.urgent)} คะแนน แต่ต่ำกว่า ${f.plain(th.strength)} คะแนน)`,
  );
  if (a.improve.length) w.bullets(a.improve.map((n) => f.indicatorWithScore(n)));
  else w.para("ไม่มีตัวชี้วัดในกลุ่มนี้");
  w.subheading("ตัวชี้วัดที่ได้คะแนนต่ำที่สุดของแต่ละเครื่องมือ");
  w.bullets(
    TOOL_IDS.map(
      (t) =>
        `${f.toolLabel(t)} ได้ ${f.score(a.tools[t])} คะแนน โดยตัวชี้วัดที่ได้คะแนนต่ำที่สุด คือ ${f.indicatorWithScore(a.lowestPerTool[t])}`,
    ),
  );
  w.subheading(`ตัวชี้วัดที่มีคะแนนลดลงจากปีก่อน (ลดลงตั้งแต่ ${f.plain(th.decline)} คะแนนขึ้นไป)`);
  if (a.previousYear === null) {
    w.para("ไม่มีผลคะแนนของปีก่อนหน้าสำหรับเปรียบเทียบ");
  } else if (a.declined.length) {
    w.bullets(
      a.declined.map((n) => {
        const i = f.indicator(n);
        return `${f.indicatorLabel(n)} คะแนนลดลง ${f.score(Math.abs(i?.change ?? 0))} คะแนน จาก ${f.score(i?.previous ?? 0)} คะแนน เหลือ ${f.score(i?.score ?? 0)} คะแนน`;
      }),
    );
  } else {
    w.para(
      `เมื่อเทียบกับปีงบประมาณ พ.ศ. ${f.year(a.previousYear)} ไม่มีตัวชี้วัดที่มีคะแนนลดลงตั้งแต่ ${f.plain(th.decline)} คะแนนขึ้นไป`,
    );
  }

  const recs = recommendationsSection(f, w);
  measuresSection(f, w, recs, nextYear);

  w.heading("การนำผลการวิเคราะห์ไปสู่การปฏิบัติ");
  w.numbered([
    "เสนอรายงานการวิเคราะห์และมาตรการต่อผู้บริหารเพื่อพิจารณาอนุมัติ",
    "แจ้งส่วนราชการผู้รับผิดชอบให้ดำเนินการตามมาตรการ และประชาสัมพันธ์ให้บุคลากรทุกคนรับทราบ",
    f.text("ติดตามความก้าวหน้าของมาตรการรอบ 6 เดือน และรายงานผลการดำเนินการรอบ 12 เดือน ต่อผู้บริหาร"),
    "เผยแพร่รายงานฉบับนี้และรายงานผลการดำเนินการตามมาตรการบนเว็บไซต์ของหน่วยงาน",
  ]);

  w.push(f.signatures("ผู้จัดทำรายงาน", "ผู้อนุมัติ"));

  return {
    id: "analysis",
    shortTitle: f.text(`รายงานการวิเคราะห์ผลการประเมิน ITA ปี ${a.year}`),
    title: f.title(ANALYSIS_TITLE, a.year),
    blocks: w.blocks,
  };
}

/** The preface (คำนำ): why the report exists and what it holds, signed by the unit. */
function preface(f: ReportFormat, w: BlockWriter, nextYear: number): void {
  const a = f.analysis;
  w.push({ kind: "paragraph", runs: [{ text: "คำนำ", bold: true }], align: "center" });
  w.para(
    `การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) เป็นเครื่องมือที่สำนักงาน ป.ป.ช. ใช้กระตุ้นให้หน่วยงานภาครัฐทบทวนการดำเนินงานของตนเอง เพื่อป้องกันการทุจริตและยกระดับการบริหารงานให้เป็นไปตามหลักธรรมาภิบาล`,
  );
  w.para(
    `${f.unit}จัดทำรายงานฉบับนี้ขึ้นเพื่อวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${f.year(a.year)} ของหน่วยงาน โดยนำเสนอผลคะแนนในภาพรวม รายเครื่องมือ และรายตัวชี้วัด การวิเคราะห์${CLASS_LABELS.strength} ${CLASS_LABELS.urgent} และ${CLASS_LABELS.improve} ตลอดจนข้อเสนอแนะและมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${f.year(nextYear)}`,
  );
  w.para(
    `${f.unit}หวังว่ารายงานฉบับนี้จะเป็นประโยชน์ต่อผู้บริหารและบุคลากรในการปรับปรุงการปฏิบัติงานให้โปร่งใส ตรวจสอบได้ และเป็นที่เชื่อมั่นของประชาชน`,
  );
  w.push({ kind: "paragraph", runs: [{ text: f.unit }], align: "right" });
  w.push({ kind: "paragraph", runs: [{ text: f.monthYearText("analysis") }], align: "right" });
}

function overallSection(f: ReportFormat, w: BlockWriter): void {
  const a = f.analysis;
  w.heading("ผลการประเมินในภาพรวม");
  const rated = a.framework.usesRating && a.rating !== null;
  // a rating names its own pass or fail; a letter grade says it against the pass mark
  const passText = rated
    ? ""
    : ` และ${a.pass ? "ผ่าน" : "ยังไม่ผ่าน"}เกณฑ์การประเมินที่ ${f.plain(a.framework.passMark)} คะแนน`;
  let overall = `ในการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${f.year(a.year)} ${f.unit}ได้คะแนนรวม ${f.score(a.total)} คะแนน ผลการประเมินอยู่ใน${f.levelText()}${passText}`;
  const prev = a.history.filter((h) => h.year < a.year).pop();
  if (prev) {
    const change = diff2(a.total, prev.total);
    const how =
      change > 0 ? `เพิ่มขึ้น ${f.score(change)} คะแนน` : change < 0 ? `ลดลง ${f.score(-change)} คะแนน` : "เท่ากับปีก่อน";
    overall += ` ทั้งนี้ ในปีงบประมาณ พ.ศ. ${f.year(prev.year)} หน่วยงานได้คะแนนรวม ${f.score(prev.total)} คะแนน อยู่ใน${f.yearLevelText(prev)} คะแนนรวมปีนี้จึง${how}`;
  }
  w.para(overall);
  w.table(toolsTable(f));
  const note = roundingNote(f);
  if (note) w.note(note);
  const explained = changeText(f);
  if (explained) w.para(explained);
  const blocked = blockersText(f);
  if (blocked) w.para(blocked);
}

/** The total re-added from the printed tool scores × weights, rounded to 2 decimals. */
export function readdedTotal(a: Analysis): number {
  const sum = TOOL_IDS.reduce(
    (acc, t) => add(acc, mul(fromNumber(a.framework.weights[t]), fromNumber(a.tools[t]))),
    ZERO,
  );
  return roundHalfUp(sum, 2);
}

/**
 * A footnote when the printed total differs from the one re-added from the printed tool scores
 * (the total is computed from unrounded tool scores, as ITAS computes it), or from the published total
 * by rounding only.
 */
function roundingNote(f: ReportFormat): string | null {
  const a = f.analysis;
  const readded = readdedTotal(a);
  const notes: string[] = [];
  if (diff2(readded, a.total) !== 0) {
    notes.push(
      `คะแนนรวมคำนวณจากคะแนนรายเครื่องมือก่อนปัดเศษทศนิยม ตามวิธีเดียวกับระบบ ITAS จึงต่างจากผลรวมของคะแนนรายเครื่องมือในตารางคูณน้ำหนัก (${f.score(readded)} คะแนน) อยู่ ${f.score(Math.abs(diff2(readded, a.total)))} คะแนน`,
    );
  }
  if (a.publishedTotal !== null) {
    const gap = Math.abs(diff2(a.publishedTotal, a.total));
    if (gap !== 0 && gap <= 0.01)
      notes.push(
        `คะแนนรวมที่ประกาศในระบบ ITAS เท่ากับ ${f.score(a.publishedTotal)} คะแนน ต่างจากคะแนนรวมที่คำนวณจากคะแนนรายตัวชี้วัด (${f.score(a.total)} คะแนน) เนื่องจากการปัดเศษ`,
      );
  }
  return notes.length ? `หมายเหตุ ${notes.join(" และ")}` : null;
}

/** Whether the tool weights of the previous year were the analysed year's (then "× weight" is exact). */
function sameWeights(a: Analysis, year: number): boolean {
  if (a.framework.weightsOverridden) return true;
  const prev = a.history.find((h) => h.year === year);
  const fw = FRAMEWORKS.find((x) => x.id === prev?.frameworkId);
  return !!fw && TOOL_IDS.every((t) => fw.weights[t] === a.framework.weights[t]);
}

/**
 * The change of the total split by tool: the tool that moved it most (in the direction of the
 * change), its own change and its part of the total, then the other tools.
 */
function changeText(f: ReportFormat): string | null {
  const a = f.analysis;
  const c = a.change;
  if (!c || c.total === 0) return null;
  const up = c.total > 0;
  const sameSign = c.byTool.filter((t) => (up ? t.contribution > 0 : t.contribution < 0));
  if (!sameSign.length) return null;
  const moved = c.drivers.find((d) => d.kind === "moved");
  const main =
    sameSign.find((t) => moved?.kind === "moved" && t.tool === moved.tool) ??
    [...sameSign].sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution))[0];
  const dir = (n: number) => (n > 0 ? "เพิ่มขึ้น" : n < 0 ? "ลดลง" : "เท่าเดิม");
  const own = (n: number) => (n === 0 ? "เท่าเดิม" : `${dir(n)} ${f.score(Math.abs(n))} คะแนน`);
  const weight = sameWeights(a, c.from) ? ` เมื่อคิดตามน้ำหนักร้อยละ ${f.weightPercent(main.tool)}` : "";
  let text = `คะแนนรวมที่${dir(c.total)} ${f.score(Math.abs(c.total))} คะแนน มาจาก${f.toolLabel(main.tool)} เป็นสำคัญ โดยคะแนน ${main.tool} ${own(main.change)}${weight} คิดเป็น ${f.score(Math.abs(main.contribution))} คะแนนของคะแนนรวมที่${dir(c.total)}`;
  const others = c.byTool
    .filter((t) => t.tool !== main.tool)
    .map((t) =>
      t.contribution === 0
        ? `คะแนน ${t.tool} ${own(t.change)} ไม่มีผลต่อคะแนนรวม`
        : `คะแนน ${t.tool} ${own(t.change)} ทำให้คะแนนรวม${dir(t.contribution)} ${f.score(Math.abs(t.contribution))} คะแนน`,
    );
  if (others.length) text += ` ส่วน${joinThai(others)}`;
  return text;
}

/** For a rating year: what keeps the unit from the next rating up. */
function blockersText(f: ReportFormat): string | null {
  const a = f.analysis;
  if (!a.framework.usesRating || !a.rating || !a.blockers.length) return null;
  const next = a.blockers[0].rating;
  const conds = a.blockers.map((b) =>
    b.tool === "total"
      ? `คะแนนรวม ${f.score(b.score)} คะแนน ยังต่ำกว่าเกณฑ์ ${f.plain(b.threshold)} คะแนน`
      : `${f.toolLabel(b.tool)} ได้ ${f.score(b.score)} คะแนน ยังต่ำกว่าเกณฑ์ ${f.plain(b.threshold)} คะแนน`,
  );
  let text = `ผลการประเมินยังไม่ถึงระดับ “${next}” เนื่องจาก${joinThai(conds)}`;
  if (a.blockers.every((b) => b.tool === "total")) {
    // the tool that cost the total most: weight × (100 − score)
    const lost = (t: (typeof TOOL_IDS)[number]) => a.framework.weights[t] * (100 - a.tools[t]);
    const worst = [...TOOL_IDS].sort((x, y) => lost(y) - lost(x))[0];
    text += ` โดยเครื่องมือที่ทำให้คะแนนรวมต่ำกว่าเกณฑ์มากที่สุด คือ ${f.toolLabel(worst)} ซึ่งได้ ${f.score(a.tools[worst])} คะแนน`;
  }
  return text;
}

/** Recommendations for the focus indicators (or the lowest one when all are strengths); returns them. */
function recommendationsSection(f: ReportFormat, w: BlockWriter): number[] {
  const a = f.analysis;
  w.heading("ข้อเสนอแนะเพื่อการปรับปรุงและพัฒนา");
  let recs = focusIndicators(a);
  if (!recs.length) {
    recs = [a.ranking[a.ranking.length - 1]];
    w.para(
      `ทุกตัวชี้วัดได้คะแนนตั้งแต่ ${f.plain(a.thresholds.strength)} คะแนนขึ้นไป ${f.unit}จะรักษามาตรฐานการดำเนินงานไว้ และพัฒนาตัวชี้วัดที่ได้คะแนนต่ำที่สุดต่อไป ดังนี้`,
    );
  } else {
    const declinedOnly = recs.some((n) => !a.urgent.includes(n) && !a.improve.includes(n));
    w.para(
      declinedOnly
        ? "ข้อเสนอแนะเพื่อการปรับปรุงตัวชี้วัดที่ต้องแก้ไขหรือพัฒนา และตัวชี้วัดที่มีคะแนนลดลงจากปีก่อน มีดังนี้"
        : "ข้อเสนอแนะเพื่อการปรับปรุงตัวชี้วัดที่ต้องแก้ไขหรือพัฒนา มีดังนี้",
    );
  }
  for (const no of recs) {
    const rec = recommendationFor(no, f.indicator(no)?.name);
    w.subheading(f.indicatorWithScore(no));
    w.para(`ตัวชี้วัดนี้${rec.focus} ข้อเสนอแนะเพื่อการปรับปรุงมีดังนี้`);
    w.numbered(rec.points.map((p) => f.text(p)));
  }
  return recs;
}

/**
 * The measures for the next fiscal year: the workbook's, with the library's measure proposed
 * (marked "(เสนอเพิ่มเติม)") for each weak indicator none of them covers; or, when the workbook
 * has none, the library's for `recs`. Blank periods and monitoring take their defaults.
 */
function measuresSection(f: ReportFormat, w: BlockWriter, recs: number[], nextYear: number): void {
  const a = f.analysis;
  w.heading("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน");
  const items = a.measures.items;
  const library = (nos: number[], proposed: boolean): PlannedMeasure[] =>
    proposedMeasures(a, nos).map((p) => ({
      title: f.text(p.title),
      indicators: f.indicatorNumbers([p.indicator]),
      steps: f.text(stepsText(p.steps)),
      owner: f.text(p.owner),
      period: f.text(p.period),
      monitoring: f.text(p.monitoring),
      proposed,
    }));
  if (items.length) {
    const uncovered = a.measures.uncovered;
    const extra = library(uncovered, true);
    const more = extra.length
      ? ` และเสนอมาตรการเพิ่มเติมสำหรับ${joinThai(uncovered.map((n) => f.indicatorLabel(n)))} ซึ่งยังไม่มีมาตรการรองรับ อีก ${f.count(extra.length)} มาตรการ (ระบุ “${PROPOSED_MARK}” ไว้ในตาราง)`
      : "";
    w.para(
      `จากผลการวิเคราะห์ข้างต้น ${f.unit}กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${f.year(nextYear)} จำนวน ${f.count(items.length)} มาตรการ${more} ดังนี้`,
    );
    w.table(
      measuresPlanTable(f, [
        ...items.map((m) => ({
          title: f.userText(m.title),
          indicators: f.indicatorsOf(m),
          steps: f.userText(m.steps),
          owner: f.userText(m.owner),
          period: periodOf(f, m),
          monitoring: monitoringOf(f, m),
        })),
        ...extra,
      ]),
    );
    if (!extra.length && a.urgent.length + a.improve.length > 0)
      w.note("มาตรการข้างต้นครอบคลุมตัวชี้วัดที่ต้องแก้ไขหรือพัฒนาทุกตัวชี้วัด");
    return;
  }
  w.para(
    `จากผลการวิเคราะห์ข้างต้น ${f.unit}เสนอมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${f.year(nextYear)} เพื่อให้ผู้บริหารพิจารณา ดังนี้`,
  );
  w.table(measuresPlanTable(f, library(recs, false)));
}
