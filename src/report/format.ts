/**
 * How the reports write the analysis: digits in the chosen system, scores, years, indicator and
 * tool labels, the level, the unit, dates, signers. One instance per report build.
 */
import type { Analysis, IndicatorResult, YearSummary } from "../core/analysis";
import { TOOL_NAMES } from "../core/frameworks";
import { placeLine } from "../core/labels";
import { compareThaiDate, fiscalYearEnd, inFiscalYear } from "../core/thaiDate";
import type { Measure, Settings, ThaiDate, ToolId } from "../core/types";
import { measuresFiscalYear } from "./policy";
import {
  applyDigits,
  applyDigitsToText,
  formatChange,
  formatPercent,
  formatPlain,
  formatScore,
  formatThaiDay,
  formatThaiDayMonthYear,
  formatYear,
  type Digits,
} from "./thaiFormat";
import type { SignatureBlock, Signer, TitleBlock } from "./types";

const DOTS_NAME = `(${".".repeat(40)})`;
const DOTS_POSITION = `ตำแหน่ง ${".".repeat(34)}`;
/** A date left to write by hand, after "วันที่": "........ เดือน .................... พ.ศ. ........". */
export const DOTS_DATE = `${".".repeat(8)} เดือน ${".".repeat(20)} พ.ศ. ${".".repeat(8)}`;
/** A month and year left to write by hand (the title's date line). */
export const DOTS_MONTH_YEAR = `เดือน ${".".repeat(20)} พ.ศ. ${".".repeat(8)}`;

/** Which published document a date or title belongs to: the analysis (O42) or the measures report (O43). */
export type DocumentKind = "analysis" | "measures";

export class ReportFormat {
  readonly digits: Digits;
  private readonly byNo: Map<number, IndicatorResult>;

  /**
   * `date` is the day the report is built, kept for file names only: no published text takes a
   * date from the computer's clock (dates come from the settings sheet, or a dotted line).
   */
  constructor(
    readonly analysis: Analysis,
    readonly settings: Settings,
    readonly date: Date,
  ) {
    this.digits = settings.digits === "arabic" ? "arabic" : "thai";
    this.byNo = new Map(analysis.indicators.map((i) => [i.no, i]));
  }

  /** Product text with its digits in the chosen system. */
  text(text: string): string {
    return applyDigits(text, this.digits);
  }
  /** A count or ordinal: 3 → "๓". */
  count(n: number): string {
    return applyDigits(String(n), this.digits);
  }
  /** User-typed text: line ends normalised, digits converted, codes such as O42 kept. */
  userText(text: string | undefined): string {
    const t = (text ?? "").replace(/\r\n?/g, "\n").trim();
    return t ? applyDigitsToText(t, this.digits) : "";
  }
  score(n: number): string {
    return formatScore(n, this.digits);
  }
  change(n: number): string {
    return formatChange(n, this.digits);
  }
  /** A share as a percentage: whole numbers without decimals (๕๐), others with two (๓๓.๓๓). */
  percent(share: number): string {
    const text = formatPercent(share, this.digits);
    return text.replace(/[.][0๐]{2}$/, "");
  }
  plain(n: number): string {
    return formatPlain(n, this.digits);
  }
  year(y: number): string {
    return formatYear(y, this.digits);
  }
  /** A tool's weight in percent: 0.3 → "๓๐". */
  weightPercent(tool: ToolId): string {
    return this.plain(Math.round(this.analysis.framework.weights[tool] * 10000) / 100);
  }
  indicator(no: number): IndicatorResult | undefined {
    return this.byNo.get(no);
  }
  indicatorLabel(no: number): string {
    return this.text(`ตัวชี้วัดที่ ${no} ${this.byNo.get(no)?.name ?? ""}`).trim();
  }
  indicatorWithScore(no: number): string {
    const i = this.byNo.get(no);
    return i ? `${this.indicatorLabel(no)} (${this.score(i.score)} คะแนน)` : this.indicatorLabel(no);
  }
  toolLabel(tool: ToolId): string {
    return `${TOOL_NAMES[tool].th} (${tool})`;
  }
  /**
   * The official result of the analysed year: from 2566 the rating (ระดับ “ผ่าน”), up to 2565 the
   * letter (ระดับ A). The letter of a rating year only when the settings ask for the comparison.
   */
  levelText(): string {
    const a = this.analysis;
    if (a.framework.usesRating && a.rating) {
      const grade = this.settings.showGrade ? ` (เมื่อเทียบกับเกณฑ์แบบเดิมเท่ากับ ${a.grade})` : "";
      return `ระดับ “${a.rating}”${grade}`;
    }
    return `ระดับ ${a.grade}`;
  }
  /** A past year's official result, with that year's own framework: ระดับ “ผ่านดี” or ระดับ A. */
  yearLevelText(y: YearSummary): string {
    return y.rating ? `ระดับ “${y.rating}”` : `ระดับ ${y.grade}`;
  }
  /** "ตัวชี้วัดที่ ๒", "ตัวชี้วัดที่ ๒ และ ๙", "ตัวชี้วัดที่ ๒ ๕ และ ๙" ("" when none). */
  indicatorNumbers(nos: readonly number[]): string {
    const list = [...new Set(nos)].sort((x, y) => x - y).map(String);
    if (!list.length) return "";
    const joined = list.length === 1 ? list[0] : `${list.slice(0, -1).join(" ")} และ ${list[list.length - 1]}`;
    return this.text(`ตัวชี้วัดที่ ${joined}`);
  }
  get unit(): string {
    return this.userText(this.analysis.unit.name) || "หน่วยงาน";
  }
  /** The fiscal year of the measures (ปีงบประมาณของมาตรการ, else the analysed year + 1). */
  measuresYear(): number {
    return measuresFiscalYear(this.analysis, this.settings);
  }
  /** The settings date of a document (the legacy free-text วันที่ในรายงาน stands in for both), if any. */
  private documentDate(doc: DocumentKind): ThaiDate | undefined {
    return doc === "analysis" ? this.settings.analysisDate : this.settings.measuresReportDate;
  }
  private legacyDate(): string {
    return this.settings.reportDate?.trim() ? this.userText(this.settings.reportDate) : "";
  }
  /** The date of a document in full, after "วันที่" / "ลงวันที่": its setting, the legacy text, or a dotted line. */
  documentDateText(doc: DocumentKind): string {
    const d = this.documentDate(doc);
    return d ? formatThaiDay(d, this.digits) : this.legacyDate() || DOTS_DATE;
  }
  /** "ข้อมูล ณ วันที่" of the measures report: its setting, else the report's own date, else a dotted line. */
  dataAsOfText(): string {
    const d = this.settings.dataAsOf ?? this.settings.measuresReportDate;
    return d ? formatThaiDay(d, this.digits) : this.legacyDate() || DOTS_DATE;
  }
  /** The round of the measures report: "รอบ ๖ เดือน" or "รอบ ๑๒ เดือน" (blank setting = 12). */
  roundText(): string {
    return this.text(`รอบ ${this.settings.reportRound === 6 ? 6 : 12} เดือน`);
  }
  /** Whether the measures report is dated inside the measures year; null when it has no date. */
  measuresReportInYear(): boolean | null {
    const d = this.settings.measuresReportDate;
    return d ? inFiscalYear(d, this.measuresYear()) : null;
  }
  /** Whether the measures report is dated after the measures year ended; false when it has no date. */
  measuresReportAfterYear(): boolean {
    const d = this.settings.measuresReportDate;
    return d ? compareThaiDate(d, fiscalYearEnd(this.measuresYear())) > 0 : false;
  }
  /** Month and year under a document's title: from its date, the legacy text, or a dotted line. */
  monthYearText(doc: DocumentKind): string {
    const d = this.documentDate(doc);
    return d ? formatThaiDayMonthYear(d, this.digits) : this.legacyDate() || DOTS_MONTH_YEAR;
  }
  title(lines: string[], fiscalYear: number, doc: DocumentKind = "analysis"): TitleBlock {
    return {
      lines: [...lines, `ประจำปีงบประมาณ พ.ศ. ${this.year(fiscalYear)}`],
      unit: this.unit,
      place: this.userText(placeLine(this.analysis.unit.district, this.analysis.unit.province)),
      date: this.monthYearText(doc),
    };
  }
  signer(role: string, name?: string, position?: string, extra: Partial<Signer> = {}): Signer {
    return {
      role,
      name: name?.trim() ? `(${this.userText(name)})` : DOTS_NAME,
      position: position?.trim() ? `ตำแหน่ง ${this.userText(position)}` : DOTS_POSITION,
      ...extra,
    };
  }
  /** The signature block: the preparer signs and dates, the head writes a comment and signs. */
  signatures(preparerRole: string, headRole: string, doc: DocumentKind = "analysis"): SignatureBlock {
    const s = this.settings;
    return {
      kind: "signature",
      signers: [
        this.signer(preparerRole, s.preparerName, s.preparerPosition, { date: `วันที่ ${this.documentDateText(doc)}` }),
        this.signer(headRole, s.approverName, s.approverPosition, {
          lead: ["ความเห็นของผู้บริหาร", ".".repeat(50)],
        }),
      ],
    };
  }
  /** "ตัวชี้วัดที่ ๗ และ ๘" for the indicators a measure addresses ("" when none). */
  indicatorsOf(m: Measure): string {
    return this.indicatorNumbers(m.indicators);
  }
}
