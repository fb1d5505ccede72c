/**
 * Builds the two published documents (ITA items O42 / O43) from an analysis:
 *  - the analysis of the year's ITA result with its measures (analysisDoc);
 *  - the report of the measures carried out (measuresDoc).
 * Pure: the same model feeds the .docx writer and the print sheet.
 */
import type { Analysis, IndicatorResult } from "../core/analysis";
import { diff2 } from "../core/decimal";
import { TOOL_NAMES } from "../core/frameworks";
import { TOOL_IDS, type Measure, type MeasureStatus, type Settings, type ToolId } from "../core/types";
import { STATUS_LABELS } from "../layout/names";
import { reportCharts, withCharts } from "./charts";
import { recommendationFor } from "./recommendations";
import {
  applyDigits,
  applyDigitsToText,
  formatChange,
  formatPercent,
  formatPlain,
  formatScore,
  formatThaiDate,
  formatThaiMonthYear,
  formatYear,
  joinThai,
  type Digits,
} from "./thaiFormat";
import type {
  Block,
  BulletsBlock,
  ListItem,
  ParagraphBlock,
  ReportDocument,
  ReportModel,
  Signer,
  TableBlock,
  TableCell,
  TableRow,
  TitleBlock,
} from "./types";

export const ANALYSIS_TITLE = ["รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส", "ในการดำเนินงานของหน่วยงานภาครัฐ (ITA)"];
export const MEASURES_TITLE = ["รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม", "และความโปร่งใสภายในหน่วยงาน"];

/** The sentence of the measures report when the workbook records no measures. */
export const NO_MEASURES_TEXT = "ยังไม่มีการบันทึกมาตรการในแผ่นงาน “มาตรการ” จึงยังไม่มีผลการดำเนินการตามมาตรการที่จะรายงาน";

/** The mark written in the status column of a measure. */
export const STATUS_MARK = "✓";

const CLASS_LABELS = { strength: "จุดแข็ง", improve: "ควรพัฒนา", urgent: "ต้องแก้ไขเร่งด่วน" } as const;
const DOTS_NAME = `(${".".repeat(40)})`;
const DOTS_POSITION = `ตำแหน่ง ${".".repeat(34)}`;

export interface BuildOptions {
  /** Date of the report when the settings give none (default: today). */
  date?: Date;
}

/** The fiscal year in which the measures set from the analysis of `year` are carried out. */
export function measuresFiscalYear(analysis: Analysis): number {
  return analysis.year + 1;
}

/** Indicators the recommendations address: urgent and improve (weakest first), then declined ones. */
export function focusIndicators(analysis: Analysis): number[] {
  const weak = [...analysis.urgent, ...analysis.improve];
  const extra = analysis.declined.filter((n) => !weak.includes(n));
  return [...weak, ...extra];
}

/** "อำเภอเมืองสกลนคร จังหวัดสกลนคร" from the unit's district and province as typed. */
export function placeLine(district?: string, province?: string): string {
  const parts: string[] = [];
  const d = district?.trim();
  const p = province?.trim();
  if (d) parts.push(/^(อำเภอ|เขต|อ\.)/.test(d) ? d : `อำเภอ${d}`);
  if (p) parts.push(/^(จังหวัด|จ\.)/.test(p) || p === "กรุงเทพมหานคร" ? p : `จังหวัด${p}`);
  return parts.join(" ");
}

class Writer {
  readonly blocks: Block[] = [];
  private section = 0;
  private sub = 0;
  constructor(private readonly digits: Digits) {}

  d(text: string): string {
    return applyDigits(text, this.digits);
  }
  heading(text: string): void {
    this.section++;
    this.sub = 0;
    this.blocks.push({ kind: "heading", level: 1, text: this.d(`${this.section}. ${text}`) });
  }
  subheading(text: string): void {
    this.sub++;
    this.blocks.push({ kind: "heading", level: 2, text: this.d(`${this.section}.${this.sub} ${text}`) });
  }
  para(text: string, extra: Partial<ParagraphBlock> = {}): void {
    this.blocks.push({ kind: "paragraph", runs: [{ text }], indent: true, ...extra });
  }
  note(text: string): void {
    this.blocks.push({ kind: "paragraph", runs: [{ text }], note: true });
  }
  list(items: ListItem[]): void {
    if (items.length) this.blocks.push({ kind: "bullets", items } satisfies BulletsBlock);
  }
  numbered(texts: string[]): void {
    this.list(texts.map((text, i) => ({ marker: this.d(`(${i + 1})`), text })));
  }
  bullets(texts: string[]): void {
    this.list(texts.map((text) => ({ marker: "•", text })));
  }
  table(t: TableBlock): void {
    const sum = t.widths.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > 0.01) throw new RangeError(`table ${t.id}: widths sum to ${sum}`);
    this.blocks.push(t);
  }
}

function cell(text: string, extra: Partial<TableCell> = {}): TableCell {
  return { text, ...extra };
}

function headerRow(labels: string[]): TableCell[] {
  return labels.map((l) => cell(l));
}

class ReportBuilder {
  private readonly digits: Digits;
  private readonly byNo: Map<number, IndicatorResult>;
  private readonly date: Date;

  constructor(
    private readonly a: Analysis,
    private readonly settings: Settings,
    options: BuildOptions,
  ) {
    this.digits = settings.digits === "arabic" ? "arabic" : "thai";
    this.byNo = new Map(a.indicators.map((i) => [i.no, i]));
    this.date = options.date ?? new Date();
  }

  // ---- formatting helpers -------------------------------------------------------------
  private d(text: string): string {
    return applyDigits(text, this.digits);
  }
  /** User-typed text: digits converted, codes such as O42 kept. */
  private u(text: string | undefined): string {
    const t = (text ?? "").replace(/\r\n?/g, "\n").trim();
    return t ? applyDigitsToText(t, this.digits) : "";
  }
  private score(n: number): string {
    return formatScore(n, this.digits);
  }
  private plain(n: number): string {
    return formatPlain(n, this.digits);
  }
  private year(y: number): string {
    return formatYear(y, this.digits);
  }
  private indicatorLabel(no: number): string {
    return this.d(`ตัวชี้วัดที่ ${no} ${this.byNo.get(no)?.name ?? ""}`).trim();
  }
  private indicatorWithScore(no: number): string {
    const i = this.byNo.get(no);
    return i ? `${this.indicatorLabel(no)} (${this.score(i.score)} คะแนน)` : this.indicatorLabel(no);
  }
  private toolLabel(tool: ToolId): string {
    return `${TOOL_NAMES[tool].th} (${tool})`;
  }
  private levelText(): string {
    const a = this.a;
    if (a.framework.usesRating && a.rating) return `ระดับ “${a.rating}” (เทียบเป็นระดับตัวอักษรได้ระดับ ${a.grade})`;
    return `ระดับ ${a.grade}`;
  }
  private get unit(): string {
    return this.u(this.a.unit.name) || "หน่วยงาน";
  }
  private reportDateLong(): string {
    return this.settings.reportDate?.trim() ? this.u(this.settings.reportDate) : formatThaiDate(this.date, this.digits);
  }
  private reportMonthYear(): string {
    return this.settings.reportDate?.trim()
      ? this.u(this.settings.reportDate)
      : formatThaiMonthYear(this.date, this.digits);
  }
  private title(lines: string[], fiscalYear: number): TitleBlock {
    return {
      lines: [...lines, `ประจำปีงบประมาณ พ.ศ. ${this.year(fiscalYear)}`],
      unit: this.unit,
      place: this.u(placeLine(this.a.unit.district, this.a.unit.province)),
      date: this.reportMonthYear(),
    };
  }
  private signer(role: string, name?: string, position?: string, extra: Partial<Signer> = {}): Signer {
    return {
      role,
      name: name?.trim() ? `(${this.u(name)})` : DOTS_NAME,
      position: position?.trim() ? `ตำแหน่ง ${this.u(position)}` : DOTS_POSITION,
      ...extra,
    };
  }
  private indicatorsOf(m: Measure): string {
    const nos = [...new Set(m.indicators)].sort((x, y) => x - y);
    return nos.length ? this.d(`ตัวชี้วัดที่ ${nos.join(", ")}`) : "";
  }

  // ---- the analysis document ----------------------------------------------------------
  analysisDoc(): ReportDocument {
    const a = this.a;
    const w = new Writer(this.digits);
    const nextYear = measuresFiscalYear(a);
    const focus = focusIndicators(a);
    const th = a.thresholds;

    w.heading("หลักการและเหตุผล");
    w.para(
      `สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) เป็นประจำทุกปี เพื่อให้หน่วยงานภาครัฐทราบสถานะของตนเองและนำผลไปปรับปรุงการดำเนินงานให้โปร่งใส ตรวจสอบได้ และเกิดประโยชน์ต่อประชาชน`,
    );
    w.para(
      `${this.unit} จึงจัดทำรายงานฉบับนี้เพื่อวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${this.year(a.year)} ระบุจุดแข็ง ประเด็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไขโดยเร่งด่วน และประเด็นที่จะต้องพัฒนาให้ดีขึ้น พร้อมทั้งกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานสำหรับปีงบประมาณ พ.ศ. ${this.year(nextYear)}`,
    );

    // ---- overall result
    w.heading("ผลการประเมินในภาพรวม");
    const passText = a.pass ? "ผ่านเกณฑ์การประเมิน" : "ยังไม่ผ่านเกณฑ์การประเมิน";
    let overall = `ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${this.year(a.year)} ของ${this.unit} ได้คะแนนรวม ${this.score(a.total)} คะแนน อยู่ใน${this.levelText()} ซึ่ง${passText}`;
    const prev = a.history.filter((h) => h.year < a.year).pop();
    if (prev) {
      const change = diff2(a.total, prev.total);
      const how =
        change > 0 ? `เพิ่มขึ้น ${this.score(change)} คะแนน` : change < 0 ? `ลดลง ${this.score(-change)} คะแนน` : "เท่าเดิม";
      overall += ` เมื่อเทียบกับปีงบประมาณ พ.ศ. ${this.year(prev.year)} ซึ่งได้ ${this.score(prev.total)} คะแนน คะแนนรวม${how}`;
    }
    w.para(overall);
    const toolRows: TableRow[] = TOOL_IDS.map((t, i) => ({
      cells: [
        cell(this.d(String(i + 1))),
        cell(this.toolLabel(t)),
        cell(formatPlain(Math.round(a.framework.weights[t] * 10000) / 100, this.digits)),
        cell(this.score(a.tools[t])),
      ],
    }));
    toolRows.push({
      total: true,
      cells: [cell("คะแนนรวม", { colSpan: 3, align: "center" }), cell(this.score(a.total))],
    });
    w.table({
      kind: "table",
      id: "tools",
      caption: "ผลคะแนนรายเครื่องมือการประเมิน",
      header: [headerRow(["ที่", "เครื่องมือการประเมิน", "น้ำหนัก (ร้อยละ)", "คะแนน"])],
      rows: toolRows,
      widths: [8, 60, 16, 16],
      align: ["center", "left", "center", "center"],
      landscape: false,
    });
    const weightsPct = TOOL_IDS.map(
      (t) => `${t} ร้อยละ ${formatPlain(Math.round(a.framework.weights[t] * 10000) / 100, this.digits)}`,
    ).join(" ");
    if (a.framework.weightsOverridden) {
      w.note(`หมายเหตุ: คะแนนรวมคำนวณด้วยน้ำหนักที่ผู้ใช้กำหนดในแผ่นงานตั้งค่า (${weightsPct})`);
    } else if (a.framework.confidence.weights === "low") {
      w.note(
        `หมายเหตุ: ยังไม่พบคู่มือการประเมินฉบับทางการที่ระบุน้ำหนักของปีนี้ คะแนนรวมจึงคำนวณด้วยน้ำหนักเดิม (${weightsPct}) ซึ่งเป็นค่าที่สันนิษฐาน`,
      );
    }
    if (a.publishedTotal !== null && diff2(a.publishedTotal, a.total) !== 0) {
      w.note(
        `หมายเหตุ: คะแนนรวมที่ประกาศในระบบ ITAS คือ ${this.score(a.publishedTotal)} คะแนน ซึ่งต่างจากคะแนนที่คำนวณจากคะแนนรายตัวชี้วัด (${this.score(a.total)} คะแนน) เนื่องจากการปัดเศษ`,
      );
    }

    // ---- indicator scores per tool
    w.heading("ผลคะแนนรายเครื่องมือและรายตัวชี้วัด");
    w.para(
      `การประเมินประกอบด้วยเครื่องมือ ${this.d(String(TOOL_IDS.length))} ประเภท รวม ${this.d(String(a.indicators.length))} ตัวชี้วัด ผลคะแนนของแต่ละตัวชี้วัด มีดังนี้`,
    );
    w.table(this.indicatorTable());

    // ---- ranking as ITAS prints it
    w.heading("ลำดับคะแนนรายตัวชี้วัด");
    w.para(`ลำดับคะแนนรายตัวชี้วัดจากมากไปน้อย ตามรูปแบบที่ระบบ ITAS แสดงผล มีดังนี้`);
    w.table(this.rankingTable());
    const top = a.ranking.filter((n) => this.byNo.get(n)?.score === this.byNo.get(a.ranking[0])?.score);
    const lowScore = this.byNo.get(a.ranking[a.ranking.length - 1])?.score;
    const bottom = a.ranking.filter((n) => this.byNo.get(n)?.score === lowScore);
    w.para(
      `ตัวชี้วัดที่ได้คะแนนสูงที่สุด คือ ${joinThai(top.map((n) => this.indicatorLabel(n)))} (${this.score(this.byNo.get(top[0])?.score ?? 0)} คะแนน) และตัวชี้วัดที่ได้คะแนนต่ำที่สุด คือ ${joinThai(bottom.map((n) => this.indicatorLabel(n)))} (${this.score(lowScore ?? 0)} คะแนน)`,
    );

    // ---- analysis
    w.heading("การวิเคราะห์ผลการประเมิน");
    w.subheading(`จุดแข็ง (ตัวชี้วัดที่ได้คะแนนตั้งแต่ ${this.plain(th.strength)} คะแนนขึ้นไป)`);
    if (a.strengths.length) w.bullets(a.strengths.map((n) => this.indicatorWithScore(n)));
    else w.para(`ไม่มีตัวชี้วัดที่ได้คะแนนตั้งแต่ ${this.plain(th.strength)} คะแนนขึ้นไป`);
    w.subheading(`ประเด็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไขโดยเร่งด่วน (ตัวชี้วัดที่ได้คะแนนต่ำกว่า ${this.plain(th.urgent)} คะแนน)`);
    if (a.urgent.length) w.bullets(a.urgent.map((n) => this.indicatorWithScore(n)));
    else w.para(`ไม่มีตัวชี้วัดที่ได้คะแนนต่ำกว่า ${this.plain(th.urgent)} คะแนน`);
    w.subheading(
      `ประเด็นที่จะต้องพัฒนาให้ดีขึ้น (ตัวชี้วัดที่ได้คะแนนตั้งแต่ ${this.plain(th.urgent)} คะแนน แต่ต่ำกว่า ${this.plain(th.strength)} คะแนน)`,
    );
    if (a.improve.length) w.bullets(a.improve.map((n) => this.indicatorWithScore(n)));
    else w.para("ไม่มีตัวชี้วัดในกลุ่มนี้");
    w.subheading("ตัวชี้วัดที่ได้คะแนนต่ำที่สุดของแต่ละเครื่องมือ");
    w.bullets(
      TOOL_IDS.map(
        (t) =>
          `${this.toolLabel(t)} ได้ ${this.score(a.tools[t])} คะแนน: ${this.indicatorWithScore(a.lowestPerTool[t])}`,
      ),
    );
    w.subheading(`ตัวชี้วัดที่มีคะแนนลดลงจากปีก่อน (ลดลงตั้งแต่ ${this.plain(th.decline)} คะแนนขึ้นไป)`);
    if (a.previousYear === null) {
      w.para("ไม่มีผลคะแนนของปีก่อนหน้าสำหรับเปรียบเทียบ");
    } else if (a.declined.length) {
      w.bullets(
        a.declined.map((n) => {
          const i = this.byNo.get(n) as IndicatorResult;
          return `${this.indicatorLabel(n)} ลดลงจาก ${this.score(i.previous ?? 0)} เป็น ${this.score(i.score)} คะแนน (${formatChange(i.change ?? 0, this.digits)})`;
        }),
      );
    } else {
      w.para(
        `เมื่อเทียบกับปีงบประมาณ พ.ศ. ${this.year(a.previousYear)} ไม่มีตัวชี้วัดที่มีคะแนนลดลงตั้งแต่ ${this.plain(th.decline)} คะแนนขึ้นไป`,
      );
    }

    // ---- recommendations
    w.heading("ข้อเสนอแนะเพื่อการปรับปรุงและพัฒนา");
    let recs = focus;
    if (!recs.length) {
      const lowest = a.ranking[a.ranking.length - 1];
      recs = [lowest];
      w.para(
        `ทุกตัวชี้วัดได้คะแนนตั้งแต่ ${this.plain(th.strength)} คะแนนขึ้นไป หน่วยงานควรรักษามาตรฐานการดำเนินงานไว้ และให้ความสำคัญกับตัวชี้วัดที่ได้คะแนนต่ำที่สุด ดังนี้`,
      );
    } else {
      w.para("ตัวชี้วัดที่ต้องแก้ไขหรือพัฒนา มีข้อเสนอแนะเพื่อการปรับปรุง ดังนี้");
    }
    for (const no of recs) {
      const rec = recommendationFor(no);
      w.subheading(this.indicatorWithScore(no));
      w.para(`ตัวชี้วัดนี้${rec.focus} ข้อเสนอแนะ มีดังนี้`);
      w.numbered(rec.points.map((p) => this.d(p)));
    }

    // ---- measures
    w.heading("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน");
    const items = a.measures.items;
    if (items.length) {
      w.para(
        `จากผลการวิเคราะห์ข้างต้น ${this.unit} กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${this.year(nextYear)} จำนวน ${this.d(String(items.length))} มาตรการ ดังนี้`,
      );
      w.table(
        this.measuresPlanTable(
          items.map((m) => ({
            title: this.u(m.title),
            indicators: this.indicatorsOf(m),
            steps: this.u(m.steps),
            owner: this.u(m.owner),
            period: this.u(m.period),
            monitoring: this.u(m.monitoring),
          })),
        ),
      );
      const uncovered = a.measures.uncovered;
      if (uncovered.length) {
        w.note(
          `หมายเหตุ: ยังไม่มีมาตรการที่ระบุว่ารองรับ ${joinThai(uncovered.map((n) => this.indicatorLabel(n)))} ควรพิจารณากำหนดมาตรการเพิ่มเติม เช่น ${joinThai(uncovered.map((n) => recommendationFor(n).measure.title))}`,
        );
      } else if (a.urgent.length + a.improve.length > 0) {
        w.note("มาตรการข้างต้นครอบคลุมตัวชี้วัดที่ต้องแก้ไขหรือพัฒนาทุกตัวชี้วัด");
      }
    } else {
      w.para(
        `ยังไม่มีการบันทึกมาตรการในแผ่นงาน “มาตรการ” จึงเสนอมาตรการจากผลการวิเคราะห์ สำหรับปีงบประมาณ พ.ศ. ${this.year(nextYear)} เพื่อให้ผู้บริหารพิจารณา ดังนี้`,
      );
      const period = `ปีงบประมาณ พ.ศ. ${this.year(nextYear)}`;
      w.table(
        this.measuresPlanTable(
          recs.map((no) => {
            const s = recommendationFor(no).measure;
            return {
              title: this.d(s.title),
              indicators: this.d(`ตัวชี้วัดที่ ${no}`),
              steps: s.steps.map((x, i) => this.d(`${i + 1}. ${x}`)).join("\n"),
              owner: this.d(s.owner),
              period,
              monitoring: this.d(s.monitoring),
            };
          }),
        ),
      );
    }

    // ---- putting it into practice
    w.heading("การนำผลการวิเคราะห์ไปสู่การปฏิบัติ");
    w.numbered([
      "เสนอรายงานการวิเคราะห์และมาตรการต่อผู้บริหารเพื่อพิจารณาอนุมัติ",
      "แจ้งส่วนราชการผู้รับผิดชอบให้ดำเนินการตามมาตรการ และประชาสัมพันธ์ให้บุคลากรทุกคนรับทราบ",
      this.d("ติดตามความก้าวหน้าของมาตรการรอบ 6 เดือน และรายงานผลการดำเนินการรอบ 12 เดือน ต่อผู้บริหาร"),
      "เผยแพร่รายงานฉบับนี้และรายงานผลการดำเนินการตามมาตรการบนเว็บไซต์ของหน่วยงาน",
    ]);

    w.blocks.push({
      kind: "signature",
      signers: [
        this.signer("ผู้จัดทำรายงาน", this.settings.preparerName, this.settings.preparerPosition, {
          date: `วันที่ ${this.reportDateLong()}`,
        }),
        this.signer("ผู้อนุมัติ", this.settings.approverName, this.settings.approverPosition, {
          lead: ["ความเห็นของผู้บริหาร", ".".repeat(50)],
        }),
      ],
    });

    return {
      id: "analysis",
      shortTitle: this.d(`รายงานการวิเคราะห์ผลการประเมิน ITA ปี ${a.year}`),
      title: this.title(ANALYSIS_TITLE, a.year),
      blocks: w.blocks,
    };
  }

  private indicatorTable(): TableBlock {
    const a = this.a;
    const withPrev = a.previousYear !== null;
    const header = withPrev
      ? headerRow([
          "ที่",
          "ตัวชี้วัด",
          this.d(`คะแนนปี ${a.previousYear}`),
          this.d(`คะแนนปี ${a.year}`),
          "เปลี่ยนแปลง",
          "ผลการวิเคราะห์",
        ])
      : headerRow(["ที่", "ตัวชี้วัด", this.d(`คะแนนปี ${a.year}`), "ผลการวิเคราะห์"]);
    const cols = header.length;
    const rows: TableRow[] = [];
    TOOL_IDS.forEach((tool, ti) => {
      rows.push({
        group: true,
        cells: [
          cell(this.d(`${ti + 1}. ${this.toolLabel(tool)} คะแนน ${this.score(a.tools[tool])} คะแนน`), {
            colSpan: cols,
            align: "left",
          }),
        ],
      });
      for (const i of a.indicators.filter((x) => x.tool === tool)) {
        const cells = [cell(this.d(String(i.no))), cell(i.name)];
        if (withPrev) {
          cells.push(cell(i.previous === null ? "-" : this.score(i.previous)));
          cells.push(cell(this.score(i.score)));
          cells.push(cell(i.change === null ? "-" : formatChange(i.change, this.digits)));
        } else {
          cells.push(cell(this.score(i.score)));
        }
        cells.push(cell(CLASS_LABELS[i.class]));
        rows.push({ cells });
      }
    });
    return {
      kind: "table",
      id: "indicators",
      caption: "ผลคะแนนรายตัวชี้วัด จำแนกตามเครื่องมือการประเมิน",
      header: [header],
      rows,
      widths: withPrev ? [7, 30, 14, 14, 17, 18] : [8, 50, 18, 24],
      align: withPrev
        ? ["center", "left", "center", "center", "center", "center"]
        : ["center", "left", "center", "center"],
      landscape: false,
    };
  }

  /** The ranking as the ITAS system prints it: อันดับ | ตัวชี้วัด | คะแนน, best first. */
  private rankingTable(): TableBlock {
    const rows: TableRow[] = this.a.ranking.map((no, idx) => {
      const i = this.byNo.get(no) as IndicatorResult;
      return { cells: [cell(this.d(String(idx + 1))), cell(i.name), cell(this.score(i.score))] };
    });
    return {
      kind: "table",
      id: "ranking",
      caption: this.d(`คะแนนสูงสุดรายตัวชี้วัด ปี ${this.a.year} (ระบบ ITAS)`),
      header: [headerRow(["อันดับ", "ตัวชี้วัด", "คะแนน"])],
      rows,
      widths: [15, 60, 25],
      align: ["center", "left", "center"],
      landscape: false,
    };
  }

  private measuresPlanTable(
    items: { title: string; indicators: string; steps: string; owner: string; period: string; monitoring: string }[],
  ): TableBlock {
    return {
      kind: "table",
      id: "measures",
      caption: "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
      header: [headerRow(["ที่", "มาตรการ", "ขั้นตอนหรือวิธีการ", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"])],
      rows: items.map((m, i) => ({
        cells: [
          cell(this.d(String(i + 1))),
          cell(m.indicators ? `${m.title}\n(${m.indicators})` : m.title),
          cell(m.steps || "-"),
          cell(m.owner || "-"),
          cell(m.period || "-"),
          cell(m.monitoring || "-"),
        ],
      })),
      widths: [4, 22, 30, 15, 13, 16],
      align: ["center", "left", "left", "left", "left", "left"],
      landscape: true,
    };
  }

  // ---- the measures document ----------------------------------------------------------
  measuresDoc(): ReportDocument {
    const a = this.a;
    const w = new Writer(this.digits);
    const fy = measuresFiscalYear(a);
    const items = a.measures.items;
    const n = items.length;

    w.heading("ความเป็นมา");
    if (n) {
      w.para(
        `${this.unit} ได้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${this.year(a.year)} ซึ่งได้คะแนนรวม ${this.score(a.total)} คะแนน อยู่ใน${this.levelText()} และกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน จำนวน ${this.d(String(n))} มาตรการ รายงานฉบับนี้สรุปผลการดำเนินการตามมาตรการดังกล่าว ประจำปีงบประมาณ พ.ศ. ${this.year(fy)}`,
      );
    } else {
      w.para(
        `${this.unit} ได้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${this.year(a.year)} ซึ่งได้คะแนนรวม ${this.score(a.total)} คะแนน อยู่ใน${this.levelText()}`,
      );
      w.blocks.push({
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
      let summary = `จากมาตรการทั้งหมด ${this.d(String(n))} มาตรการ ดำเนินการเสร็จเรียบร้อยแล้ว ${this.d(String(bs.done))} มาตรการ คิดเป็นร้อยละ ${formatPercent(a.measures.doneShare, this.digits)} อยู่ระหว่างดำเนินการ ${this.d(String(bs.inProgress))} มาตรการ และยังไม่ดำเนินการ ${this.d(String(bs.notStarted))} มาตรการ`;
      if (bs.unknown) summary += ` ไม่ระบุสถานะ ${this.d(String(bs.unknown))} มาตรการ`;
      w.para(summary);
      const statusRows: [string, number][] = [
        [STATUS_LABELS.done, bs.done],
        [STATUS_LABELS.inProgress, bs.inProgress],
        [STATUS_LABELS.notStarted, bs.notStarted],
      ];
      if (bs.unknown) statusRows.push(["ไม่ระบุสถานะ", bs.unknown]);
      const rows: TableRow[] = statusRows.map(([label, count], i) => ({
        cells: [
          cell(this.d(String(i + 1))),
          cell(label),
          cell(this.d(String(count))),
          cell(formatPercent(count / n, this.digits)),
        ],
      }));
      rows.push({
        total: true,
        cells: [
          cell("รวม", { colSpan: 2, align: "center" }),
          cell(this.d(String(n))),
          cell(formatPercent(1, this.digits)),
        ],
      });
      w.table({
        kind: "table",
        id: "statusSummary",
        caption: "สรุปสถานะการดำเนินการตามมาตรการ",
        header: [headerRow(["ที่", "สถานะการดำเนินการ", "จำนวน (มาตรการ)", "ร้อยละ"])],
        rows,
        widths: [8, 52, 20, 20],
        align: ["center", "left", "center", "center"],
        landscape: false,
      });

      w.heading("ผลการดำเนินการรายมาตรการ");
      w.para(`สถานะการดำเนินการของแต่ละมาตรการ (ทำเครื่องหมาย ${STATUS_MARK} ในช่องสถานะ) มีดังนี้`);
      w.table(this.statusTable(items));

      w.heading("ผลผลิตและผลลัพธ์ของการดำเนินการ");
      w.table(this.resultsTable(items));

      w.heading("มาตรการที่ยังไม่แล้วเสร็จ");
      const open = items.filter((m) => m.status !== "done");
      if (open.length) {
        w.para("มาตรการต่อไปนี้ยังไม่แล้วเสร็จ ผู้รับผิดชอบควรเร่งรัดการดำเนินการและรายงานความก้าวหน้าต่อผู้บริหาร");
        w.bullets(
          open.map((m) => {
            const st = m.status === "unknown" ? "ไม่ระบุสถานะ" : STATUS_LABELS[m.status];
            const owner = m.owner?.trim() ? ` ผู้รับผิดชอบ: ${this.u(m.owner)}` : "";
            return `${this.u(m.title)} (${st})${owner}`;
          }),
        );
      } else {
        w.para("ทุกมาตรการดำเนินการเสร็จเรียบร้อยแล้ว");
      }
    }

    w.heading("ผลการประเมินรายตัวชี้วัดย้อนหลัง");
    this.trendSection(w);

    w.blocks.push({
      kind: "signature",
      signers: [
        this.signer("ผู้รายงาน", this.settings.preparerName, this.settings.preparerPosition, {
          date: `วันที่ ${this.reportDateLong()}`,
        }),
        this.signer("ผู้บริหาร", this.settings.approverName, this.settings.approverPosition, {
          lead: ["ความเห็นของผู้บริหาร", ".".repeat(50)],
        }),
      ],
    });

    return {
      id: "measures",
      shortTitle: this.d(`รายงานผลการดำเนินการตามมาตรการ ปี ${fy}`),
      title: this.title(MEASURES_TITLE, fy),
      blocks: w.blocks,
    };
  }

  private statusTable(items: Measure[]): TableBlock {
    const order: Exclude<MeasureStatus, "unknown">[] = ["notStarted", "inProgress", "done"];
    return {
      kind: "table",
      id: "measureStatus",
      caption: "สถานะการดำเนินการตามมาตรการ",
      header: [
        [
          cell("ที่", { rowSpan: 2 }),
          cell("มาตรการ", { rowSpan: 2 }),
          cell("ขั้นตอนหรือวิธีการ", { rowSpan: 2 }),
          cell("ระยะเวลา", { rowSpan: 2 }),
          cell("ผู้รับผิดชอบ", { rowSpan: 2 }),
          cell("สถานะการดำเนินการ", { colSpan: 3 }),
        ],
        order.map((s) => cell(STATUS_LABELS[s])),
      ],
      rows: items.map((m, i) => {
        const title = this.u(m.title);
        const ind = this.indicatorsOf(m);
        return {
          cells: [
            cell(this.d(String(i + 1))),
            cell(ind ? `${title}\n(${ind})` : title),
            cell(this.u(m.steps) || "-"),
            cell(this.u(m.period) || "-"),
            cell(this.u(m.owner) || "-"),
            ...order.map((s) => cell(m.status === s ? STATUS_MARK : "")),
          ],
        };
      }),
      widths: [4, 17, 25, 11, 13, 10, 10, 10],
      align: ["center", "left", "left", "left", "left", "center", "center", "center"],
      landscape: true,
    };
  }

  private resultsTable(items: Measure[]): TableBlock {
    return {
      kind: "table",
      id: "measureResults",
      caption: "ผลผลิตและผลลัพธ์ของการดำเนินการตามมาตรการ",
      header: [headerRow(["ที่", "มาตรการ", "ผลผลิต (Output)", "ผลลัพธ์ (Outcome)", "หมายเหตุ"])],
      rows: items.map((m, i) => {
        let note = this.u(m.note);
        if (m.status === "unknown") {
          const typed = m.statusText?.trim() ? `ไม่ระบุสถานะ (${this.u(m.statusText)})` : "ไม่ระบุสถานะ";
          note = note ? `${note}\n${typed}` : typed;
        }
        return {
          cells: [
            cell(this.d(String(i + 1))),
            cell(this.u(m.title)),
            cell(this.u(m.output) || "-"),
            cell(this.u(m.outcome) || "-"),
            cell(note || "-"),
          ],
        };
      }),
      widths: [5, 25, 28, 28, 14],
      align: ["center", "left", "left", "left", "left"],
      landscape: true,
    };
  }

  private trendSection(w: Writer): void {
    const a = this.a;
    const sy = a.scoresByYear;
    const years = sy.years.filter((y) => y <= a.year && Object.values(sy.byIndicator).some((r) => r[y] !== undefined));
    if (years.length === 0) {
      w.para("ไม่มีผลคะแนนสำหรับแสดงแนวโน้ม");
      return;
    }
    w.para(
      `ผลคะแนนรายตัวชี้วัด คะแนนรายเครื่องมือ และคะแนนรวม ตั้งแต่ปีงบประมาณ พ.ศ. ${this.year(years[0])}${years.length > 1 ? ` ถึง พ.ศ. ${this.year(years[years.length - 1])}` : ""} มีดังนี้`,
    );
    const rows: TableRow[] = a.indicators.map((i) => ({
      cells: [
        cell(this.d(String(i.no))),
        cell(i.name),
        ...years.map((y) => {
          const v = sy.byIndicator[i.no]?.[y];
          return cell(v === undefined ? "-" : this.score(v));
        }),
      ],
    }));
    const hist = new Map(a.history.map((h) => [h.year, h]));
    for (const tool of TOOL_IDS) {
      rows.push({
        total: true,
        cells: [
          cell(`คะแนน ${tool}`, { colSpan: 2, align: "left" }),
          ...years.map((y) => {
            const h = hist.get(y);
            return cell(h ? this.score(h.tools[tool]) : "-");
          }),
        ],
      });
    }
    rows.push({
      total: true,
      cells: [
        cell("คะแนนรวม", { colSpan: 2, align: "left" }),
        ...years.map((y) => {
          const h = hist.get(y);
          return cell(h ? this.score(h.total) : "-");
        }),
      ],
    });
    const yearShare = Math.min(18, 60 / years.length);
    const nameShare = 100 - 7 - yearShare * years.length;
    const widths = [7, nameShare, ...years.map(() => yearShare)];
    w.table({
      kind: "table",
      id: "trend",
      caption: "ผลคะแนนรายตัวชี้วัดย้อนหลัง",
      header: [headerRow(["ที่", "ตัวชี้วัด", ...years.map((y) => this.d(`ปี ${y}`))])],
      rows,
      widths,
      align: ["center", "left", ...years.map(() => "center" as const)],
      landscape: years.length > 5,
    });
    const last = a.history.filter((h) => h.year <= a.year);
    if (last.length >= 2) {
      const [p, c] = last.slice(-2);
      const ch = diff2(c.total, p.total);
      w.para(
        ch === 0
          ? `คะแนนรวมปี พ.ศ. ${this.year(c.year)} เท่ากับปี พ.ศ. ${this.year(p.year)} (${this.score(c.total)} คะแนน)`
          : `คะแนนรวมปี พ.ศ. ${this.year(c.year)} (${this.score(c.total)} คะแนน) ${ch > 0 ? "เพิ่มขึ้น" : "ลดลง"} ${this.score(Math.abs(ch))} คะแนน เมื่อเทียบกับปี พ.ศ. ${this.year(p.year)} (${this.score(p.total)} คะแนน)`,
      );
    }
  }
}

/** Builds both documents from an analysis and the user's settings. */
export function buildReportModel(analysis: Analysis, settings: Settings, options: BuildOptions = {}): ReportModel {
  const b = new ReportBuilder(analysis, settings, options);
  const digits = settings.digits === "arabic" ? "arabic" : "thai";
  const charts = reportCharts(analysis, digits);
  return {
    analysisDoc: withCharts(b.analysisDoc(), charts),
    measuresDoc: withCharts(b.measuresDoc(), charts),
    digits,
  };
}
