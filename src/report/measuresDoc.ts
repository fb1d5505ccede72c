/** The report of the measures carried out (ITA item O43). */
import { diff2 } from "../core/decimal";
import { STATUS_LABELS, STATUS_UNKNOWN_LABEL } from "../core/labels";
import type { ReportFormat } from "./format";
import { measuresFiscalYear } from "./policy";
import { measureResultsTable, measureStatusTable, STATUS_MARK, statusSummaryTable, trendTable } from "./tables";
import type { ReportDocument } from "./types";
import { BlockWriter } from "./writer";

export const MEASURES_TITLE = ["รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม", "และความโปร่งใสภายในหน่วยงาน"];

/** The sentence of the measures report when the workbook records no measures. */
export const NO_MEASURES_TEXT = "ยังไม่มีการบันทึกมาตรการในแผ่นงาน “มาตรการ” จึงยังไม่มีผลการดำเนินการตามมาตรการที่จะรายงาน";

export function measuresDocument(f: ReportFormat): ReportDocument {
  const a = f.analysis;
  const w = new BlockWriter(f.digits);
  const fy = measuresFiscalYear(a);
  const items = a.measures.items;
  const n = items.length;
  const assessed = `${f.unit} ได้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${f.year(a.year)} ซึ่งได้คะแนนรวม ${f.score(a.total)} คะแนน อยู่ใน${f.levelText()}`;

  w.heading("ความเป็นมา");
  if (n) {
    w.para(
      `${assessed} และกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน จำนวน ${f.count(n)} มาตรการ รายงานฉบับนี้สรุปผลการดำเนินการตามมาตรการดังกล่าว ประจำปีงบประมาณ พ.ศ. ${f.year(fy)}`,
    );
  } else {
    w.para(assessed);
    w.push({
      kind: "paragraph",
      indent: true,
      runs: [
        { text: NO_MEASURES_TEXT, bold: true },
        { text: " เมื่อบันทึกมาตรการและสถานะการดำเนินการแล้ว ให้จัดทำรายงานฉบับนี้ใหม่" },
      ],
    });
  }

  if (n) {
    const bs = a.measures.byStatus;
    w.heading("สรุปผลการดำเนินการ");
    let summary = `จากมาตรการทั้งหมด ${f.count(n)} มาตรการ ดำเนินการเสร็จเรียบร้อยแล้ว ${f.count(bs.done)} มาตรการ คิดเป็นร้อยละ ${f.percent(a.measures.doneShare)} อยู่ระหว่างดำเนินการ ${f.count(bs.inProgress)} มาตรการ และยังไม่ดำเนินการ ${f.count(bs.notStarted)} มาตรการ`;
    if (bs.unknown) summary += ` ไม่ระบุสถานะ ${f.count(bs.unknown)} มาตรการ`;
    w.para(summary);
    w.table(statusSummaryTable(f));

    w.heading("ผลการดำเนินการรายมาตรการ");
    w.para(`สถานะการดำเนินการของแต่ละมาตรการ (ทำเครื่องหมาย ${STATUS_MARK} ในช่องสถานะ) มีดังนี้`);
    w.table(measureStatusTable(f, items));

    const results = measureResultsTable(f, items);
    if (results) {
      w.heading("ผลผลิตและผลลัพธ์ของการดำเนินการ");
      w.table(results);
    }

    w.heading("มาตรการที่ยังไม่แล้วเสร็จ");
    const open = items.filter((m) => m.status !== "done");
    if (open.length) {
      w.para("มาตรการต่อไปนี้ยังไม่แล้วเสร็จ ผู้รับผิดชอบควรเร่งรัดการดำเนินการและรายงานความก้าวหน้าต่อผู้บริหาร");
      w.bullets(
        open.map((m) => {
          const st = m.status === "unknown" ? STATUS_UNKNOWN_LABEL : STATUS_LABELS[m.status];
          const owner = m.owner?.trim() ? ` ผู้รับผิดชอบ: ${f.userText(m.owner)}` : "";
          return `${f.userText(m.title)} (${st})${owner}`;
        }),
      );
    } else {
      w.para("ทุกมาตรการดำเนินการเสร็จเรียบร้อยแล้ว");
    }
  }

  w.heading("ผลการประเมินรายตัวชี้วัดย้อนหลัง");
  trendSection(f, w);

  w.push(f.signatures("ผู้รายงาน", "ผู้บริหาร"));

  return {
    id: "measures",
    shortTitle: f.text(`รายงานผลการดำเนินการตามมาตรการ ปี ${fy}`),
    title: f.title(MEASURES_TITLE, fy),
    blocks: w.blocks,
  };
}

function trendSection(f: ReportFormat, w: BlockWriter): void {
  const a = f.analysis;
  const sy = a.scoresByYear;
  const years = sy.years.filter((y) => y <= a.year && Object.values(sy.byIndicator).some((r) => r[y] !== undefined));
  if (years.length === 0) {
    w.para("ไม่มีผลคะแนนสำหรับแสดงแนวโน้ม");
    return;
  }
  w.para(
    `ผลคะแนนรายตัวชี้วัด คะแนนรายเครื่องมือ และคะแนนรวม ตั้งแต่ปีงบประมาณ พ.ศ. ${f.year(years[0])}${years.length > 1 ? ` ถึง พ.ศ. ${f.year(years[years.length - 1])}` : ""} มีดังนี้`,
  );
  w.table(trendTable(f, years));
  const last = a.history.filter((h) => h.year <= a.year);
  if (last.length >= 2) {
    const [p, c] = last.slice(-2);
    const ch = diff2(c.total, p.total);
    w.para(
      ch === 0
        ? `คะแนนรวมปี พ.ศ. ${f.year(c.year)} เท่ากับปี พ.ศ. ${f.year(p.year)} (${f.score(c.total)} คะแนน)`
        : `คะแนนรวมปี พ.ศ. ${f.year(c.year)} (${f.score(c.total)} คะแนน) ${ch > 0 ? "เพิ่มขึ้น" : "ลดลง"} ${f.score(Math.abs(ch))} คะแนน เมื่อเทียบกับปี พ.ศ. ${f.year(p.year)} (${f.score(p.total)} คะแนน)`,
    );
  }
}
