/** The analysis of the year's ITA result with its measures (ITA item O42). */
import { diff2 } from "../core/decimal";
import { TOOL_IDS } from "../core/types";
import type { ReportFormat } from "./format";
import { focusIndicators, measuresFiscalYear } from "./policy";
import { recommendationFor } from "./recommendations";
import { monitoringOf, periodOf, proposedMeasures, PROPOSED_MARK, stepsText } from "./measureRows";
import { indicatorTable, measuresPlanTable, rankingTable, toolsTable, type PlannedMeasure } from "./tables";
import { joinThai } from "./thaiFormat";
import type { ReportDocument } from "./types";
import { BlockWriter } from "./writer";

export const ANALYSIS_TITLE = ["รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส", "ในการดำเนินงานของหน่วยงานภาครัฐ (ITA)"];

export function analysisDocument(f: ReportFormat): ReportDocument {
  const a = f.analysis;
  const w = new BlockWriter(f.digits);
  const nextYear = measuresFiscalYear(a);
  const th = a.thresholds;

  w.heading("หลักการและเหตุผล");
  w.para(
    `สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) เป็นประจำทุกปี เพื่อให้หน่วยงานภาครัฐทราบสถานะของตนเองและนำผลไปปรับปรุงการดำเนินงานให้โปร่งใส ตรวจสอบได้ และเกิดประโยชน์ต่อประชาชน`,
  );
  w.para(
    `${f.unit} จึงจัดทำรายงานฉบับนี้เพื่อวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${f.year(a.year)} ระบุจุดแข็ง ประเด็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไขโดยเร่งด่วน และประเด็นที่จะต้องพัฒนาให้ดีขึ้น พร้อมทั้งกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานสำหรับปีงบประมาณ พ.ศ. ${f.year(nextYear)}`,
  );

  overallSection(f, w);

  w.heading("ผลคะแนนรายเครื่องมือและรายตัวชี้วัด");
  w.para(
    `การประเมินประกอบด้วยเครื่องมือ ${f.count(TOOL_IDS.length)} ประเภท รวม ${f.count(a.indicators.length)} ตัวชี้วัด ผลคะแนนของแต่ละตัวชี้วัด มีดังนี้`,
  );
  w.table(indicatorTable(f));

  w.heading("ลำดับคะแนนรายตัวชี้วัด");
  w.para(`ลำดับคะแนนรายตัวชี้วัดจากมากไปน้อย ตามรูปแบบที่ระบบ ITAS แสดงผล มีดังนี้`);
  w.table(rankingTable(f));
  const scoreOf = (no: number) => f.indicator(no)?.score;
  const top = a.ranking.filter((n) => scoreOf(n) === scoreOf(a.ranking[0]));
  const lowScore = scoreOf(a.ranking[a.ranking.length - 1]);
  const bottom = a.ranking.filter((n) => scoreOf(n) === lowScore);
  w.para(
    `ตัวชี้วัดที่ได้คะแนนสูงที่สุด คือ ${joinThai(top.map((n) => f.indicatorLabel(n)))} (${f.score(scoreOf(top[0]) ?? 0)} คะแนน) และตัวชี้วัดที่ได้คะแนนต่ำที่สุด คือ ${joinThai(bottom.map((n) => f.indicatorLabel(n)))} (${f.score(lowScore ?? 0)} คะแนน)`,
  );

  w.heading("การวิเคราะห์ผลการประเมิน");
  w.subheading(`จุดแข็ง (ตัวชี้วัดที่ได้คะแนนตั้งแต่ ${f.plain(th.strength)} คะแนนขึ้นไป)`);
  if (a.strengths.length) w.bullets(a.strengths.map((n) => f.indicatorWithScore(n)));
  else w.para(`ไม่มีตัวชี้วัดที่ได้คะแนนตั้งแต่ ${f.plain(th.strength)} คะแนนขึ้นไป`);
  w.subheading(`ประเด็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไขโดยเร่งด่วน (ตัวชี้วัดที่ได้คะแนนต่ำกว่า ${f.plain(th.urgent)} คะแนน)`);
  if (a.urgent.length) w.bullets(a.urgent.map((n) => f.indicatorWithScore(n)));
  else w.para(`ไม่มีตัวชี้วัดที่ได้คะแนนต่ำกว่า ${f.plain(th.urgent)} คะแนน`);
  w.subheading(
    `ประเด็นที่จะต้องพัฒนาให้ดีขึ้น (ตัวชี้วัดที่ได้คะแนนตั้งแต่ ${f.plain(th.urgent)} คะแนน แต่ต่ำกว่า ${f.plain(th.strength)} คะแนน)`,
  );
  if (a.improve.length) w.bullets(a.improve.map((n) => f.indicatorWithScore(n)));
  else w.para("ไม่มีตัวชี้วัดในกลุ่มนี้");
  w.subheading("ตัวชี้วัดที่ได้คะแนนต่ำที่สุดของแต่ละเครื่องมือ");
  w.bullets(
    TOOL_IDS.map(
      (t) => `${f.toolLabel(t)} ได้ ${f.score(a.tools[t])} คะแนน: ${f.indicatorWithScore(a.lowestPerTool[t])}`,
    ),
  );
  w.subheading(`ตัวชี้วัดที่มีคะแนนลดลงจากปีก่อน (ลดลงตั้งแต่ ${f.plain(th.decline)} คะแนนขึ้นไป)`);
  if (a.previousYear === null) {
    w.para("ไม่มีผลคะแนนของปีก่อนหน้าสำหรับเปรียบเทียบ");
  } else if (a.declined.length) {
    w.bullets(
      a.declined.map((n) => {
        const i = f.indicator(n);
        return `${f.indicatorLabel(n)} ลดลงจาก ${f.score(i?.previous ?? 0)} เป็น ${f.score(i?.score ?? 0)} คะแนน (${f.change(i?.change ?? 0)})`;
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

function overallSection(f: ReportFormat, w: BlockWriter): void {
  const a = f.analysis;
  w.heading("ผลการประเมินในภาพรวม");
  const passText = a.pass ? "ผ่านเกณฑ์การประเมิน" : "ยังไม่ผ่านเกณฑ์การประเมิน";
  let overall = `ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${f.year(a.year)} ของ${f.unit} ได้คะแนนรวม ${f.score(a.total)} คะแนน อยู่ใน${f.levelText()} ซึ่ง${passText}`;
  const prev = a.history.filter((h) => h.year < a.year).pop();
  if (prev) {
    const change = diff2(a.total, prev.total);
    const how =
      change > 0 ? `เพิ่มขึ้น ${f.score(change)} คะแนน` : change < 0 ? `ลดลง ${f.score(-change)} คะแนน` : "เท่าเดิม";
    overall += ` เมื่อเทียบกับปีงบประมาณ พ.ศ. ${f.year(prev.year)} ซึ่งได้ ${f.score(prev.total)} คะแนน คะแนนรวม${how}`;
  }
  w.para(overall);
  w.table(toolsTable(f));
  const weightsPct = TOOL_IDS.map((t) => `${t} ร้อยละ ${f.weightPercent(t)}`).join(" ");
  if (a.framework.weightsOverridden) {
    w.note(`หมายเหตุ: คะแนนรวมคำนวณด้วยน้ำหนักที่ผู้ใช้กำหนดในแผ่นงานตั้งค่า (${weightsPct})`);
  } else if (a.framework.confidence.weights === "low") {
    w.note(
      `หมายเหตุ: ยังไม่พบคู่มือการประเมินฉบับทางการที่ระบุน้ำหนักของปีนี้ คะแนนรวมจึงคำนวณด้วยน้ำหนักเดิม (${weightsPct}) ซึ่งเป็นค่าที่สันนิษฐาน`,
    );
  }
  if (a.publishedTotal !== null && diff2(a.publishedTotal, a.total) !== 0) {
    w.note(
      `หมายเหตุ: คะแนนรวมที่ประกาศในระบบ ITAS คือ ${f.score(a.publishedTotal)} คะแนน ซึ่งต่างจากคะแนนที่คำนวณจากคะแนนรายตัวชี้วัด (${f.score(a.total)} คะแนน) เนื่องจากการปัดเศษ`,
    );
  }
}

/** Recommendations for the focus indicators (or the lowest one when all are strengths); returns them. */
function recommendationsSection(f: ReportFormat, w: BlockWriter): number[] {
  const a = f.analysis;
  w.heading("ข้อเสนอแนะเพื่อการปรับปรุงและพัฒนา");
  let recs = focusIndicators(a);
  if (!recs.length) {
    recs = [a.ranking[a.ranking.length - 1]];
    w.para(
      `ทุกตัวชี้วัดได้คะแนนตั้งแต่ ${f.plain(a.thresholds.strength)} คะแนนขึ้นไป หน่วยงานควรรักษามาตรฐานการดำเนินงานไว้ และให้ความสำคัญกับตัวชี้วัดที่ได้คะแนนต่ำที่สุด ดังนี้`,
    );
  } else {
    w.para("ตัวชี้วัดที่ต้องแก้ไขหรือพัฒนา มีข้อเสนอแนะเพื่อการปรับปรุง ดังนี้");
  }
  for (const no of recs) {
    const rec = recommendationFor(no, f.indicator(no)?.name);
    w.subheading(f.indicatorWithScore(no));
    w.para(`ตัวชี้วัดนี้${rec.focus} ข้อเสนอแนะ มีดังนี้`);
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
      indicators: f.text(`ตัวชี้วัดที่ ${p.indicator}`),
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
      `จากผลการวิเคราะห์ข้างต้น ${f.unit} กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${f.year(nextYear)} จำนวน ${f.count(items.length)} มาตรการ${more} ดังนี้`,
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
    `จากผลการวิเคราะห์ข้างต้น ${f.unit} เสนอมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${f.year(nextYear)} เพื่อให้ผู้บริหารพิจารณา ดังนี้`,
  );
  w.table(measuresPlanTable(f, library(recs, false)));
}
