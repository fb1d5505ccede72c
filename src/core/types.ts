/**
 * Core data types of ITA Analyzer. Pure data: no Excel, DOM or Node here.
 */

export type ToolId = "IIT" | "EIT" | "OIT";
export const TOOL_IDS: readonly ToolId[] = ["IIT", "EIT", "OIT"];

export type Confidence = "high" | "medium" | "low";

/** Letter levels of the ITA up to 2565 (still computed, as `grade`, for comparison from 2566). */
export type Grade = "AA" | "A" | "B" | "C" | "D" | "E" | "F";

/** Pass-level rating, the official result from fiscal year 2566. */
export type Rating = "ผ่านดีเยี่ยม" | "ผ่านดี" | "ผ่าน" | "ต้องปรับปรุง" | "ต้องปรับปรุงโดยด่วน";

export type IndicatorClass = "strength" | "improve" | "urgent";

export type MeasureStatus = "notStarted" | "inProgress" | "done" | "unknown";

export type { Lang } from "./lang";
export type { Issue, IssueCode } from "./messages";

/** Thresholds for classifying indicators. */
export interface Thresholds {
  /** score >= strength → strength */
  strength: number;
  /** score < urgent → urgent */
  urgent: number;
  /** a drop of at least this many points since the previous year → declined */
  decline: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { strength: 85, urgent: 70, decline: 5 };

export interface UnitInfo {
  name: string;
  district?: string;
  province?: string;
  unitType?: string;
}

/** One indicator row of the score sheet. */
export interface IndicatorRow {
  no: number;
  /** The name as the user typed it (may differ from the framework's). */
  typedName?: string;
  /** Scores by fiscal year (B.E.); a missing year means a blank cell. */
  scores: Record<number, number>;
  /** A1 address of each score cell, by year (for messages). */
  cells: Record<number, string>;
}

export interface Measure {
  /** Row number in the measures sheet (1-based), for messages. */
  row: number;
  seq?: string;
  indicators: number[];
  title: string;
  steps?: string;
  period?: string;
  owner?: string;
  monitoring?: string;
  status: MeasureStatus;
  /** Status as typed, for display. */
  statusText?: string;
  output?: string;
  outcome?: string;
  note?: string;
  /** Evidence of the work (หลักฐาน / ลิงก์) as typed: assessors check it. */
  evidence?: string;
  /** Fiscal year (B.E.) the measure belongs to, when the sheet has a year column; undefined = the settings' measures year. */
  year?: number;
}

/** A calendar date with its year in the Buddhist Era (พ.ศ.). */
export interface ThaiDate {
  /** Year B.E., e.g. 2568. */
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

/** The months of a measures report: the six-month or the twelve-month round. */
export type ReportRound = 6 | 12;

/** User settings from the optional settings sheet. */
export interface Settings {
  thresholds: Thresholds;
  /** Tool weights as fractions (0.3, 0.3, 0.4); undefined = framework's. */
  weights?: Record<ToolId, number>;
  /** Fiscal year to analyse; undefined = latest complete year. */
  year?: number;
  preparerName?: string;
  preparerPosition?: string;
  approverName?: string;
  approverPosition?: string;
  /** Digits in the report: Thai (default) or Arabic. */
  digits: "thai" | "arabic";
  /** Report date as typed (free text), if any: the legacy setting, used for both documents when their own dates are blank. */
  reportDate?: string;
  /** Fiscal year (B.E.) of the measures set from the analysis; undefined = analysed year + 1. */
  measuresYear?: number;
  /** Round of the measures report (O43): six or twelve months; undefined = 12. */
  reportRound?: ReportRound;
  /** "ข้อมูล ณ วันที่" of the measures report. */
  dataAsOf?: ThaiDate;
  /** Date of the analysis report (O42). */
  analysisDate?: ThaiDate;
  /** Date of the measures report (O43). */
  measuresReportDate?: ThaiDate;
  /** The memo (บันทึกข้อความ): the office line (ส่วนราชการ), its number (ที่), date, and addressee (เรียน). */
  memoOffice?: string;
  memoNumber?: string;
  memoDate?: ThaiDate;
  memoTo?: string;
  /** From 2566: print the old-scheme letter grade beside the rating (a comparison the user asked for). */
  showGrade?: boolean;
  /** A total the user wants a plan for (the planner's typed target), if any. */
  targetTotal?: number;
}

export const DEFAULT_SETTINGS: Settings = { thresholds: DEFAULT_THRESHOLDS, digits: "thai" };

/** One item of the OIT self-check (optional sheet 'OIT'): one row per item. */
export interface OitItem {
  /** Item code as typed, e.g. "O8". */
  code: string;
  name: string;
  /** Sub-indicator id, e.g. "9.1": the indicator number, a dot, the sub-indicator number. */
  sub: string;
  /** มี = true, ไม่มี = false, blank (not checked yet) = null. */
  present: boolean | null;
  link?: string;
  note?: string;
  /** 1-based row in the sheet, for messages. */
  row: number;
  /** A1 address of the sub-indicator cell, for messages about it. */
  subCell?: string;
}

/** Everything parsed from the workbook: the input to the analysis. */
export interface ItaInput {
  unit: UnitInfo;
  /** Fiscal years (B.E.) that have a column, ascending. */
  years: number[];
  indicators: IndicatorRow[];
  /** Published totals typed by the user, by year, with their cells. */
  publishedTotals: Record<number, { value: number; cell: string }>;
  measures: Measure[];
  /** Whether a measures sheet exists at all. */
  hasMeasuresSheet: boolean;
  settings: Settings;
  /** The framework defined in the workbook (sheet 'กรอบการประเมิน'), replacing the built-in one for the analysed year. */
  framework?: Framework;
  /** The OIT self-check items (sheet 'OIT'), when the sheet exists. */
  oitItems?: OitItem[];
  /** The unit's emblem: an image placed on the settings sheet, when there is one (used by the memo). */
  emblem?: EmblemImage;
}

/** An image read from the workbook, as its file bytes. */
export interface EmblemImage {
  type: "png" | "jpeg";
  data: Uint8Array;
  /** Size in pixels when known (from the image header). */
  width?: number;
  height?: number;
}

// ---- frameworks (the records themselves are data in frameworks.ts)

export interface FrameworkIndicator {
  no: number;
  name: string;
  /** Other names seen in published documents, accepted without a warning. */
  aliases: string[];
  tool: ToolId;
}

export interface GradeBand {
  grade: Grade;
  /** Lowest total (inclusive) for this grade. */
  min: number;
}

/**
 * One rule of the pass-level rating: a unit gets `rating` when its (rounded) total is at least
 * `minTotal` and each tool named in `minTools` scores (rounded) at least its threshold.
 * Rules are listed best first; a unit gets the first rule it meets.
 */
export interface RatingRule {
  rating: Rating;
  minTotal: number;
  /** Minimum (rounded) score per tool; a tool not named has no minimum. */
  minTools: Partial<Record<ToolId, number>>;
}

export interface Framework {
  id: string;
  fromYear: number;
  /** Last year covered (inclusive). */
  toYear: number;
  /** Thai title shown to users. */
  title: string;
  indicators: FrameworkIndicator[];
  /** Tool weights as fractions; they sum to 1. */
  weights: Record<ToolId, number>;
  /** Letter bands, best first. */
  grades: GradeBand[];
  /** Total at or above which a unit passes. */
  passMark: number;
  /**
   * Whether the pass-level rating is the official result (from 2566, decided by the NACC board
   * on 8 June 2566); before, the letter level was. The letter level is always computed too.
   */
  usesRating: boolean;
  /** The rating rules, best first: present exactly when `usesRating`. */
  ratings: readonly RatingRule[] | null;
  confidence: { indicators: Confidence; weights: Confidence; levels: Confidence };
  source: string;
  /** Built into the program, or defined by the user in the workbook's sheet 'กรอบการประเมิน'. */
  origin: "builtin" | "workbook";
}
