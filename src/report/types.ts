/**
 * The report as a document model, independent of the output format: the .docx writer
 * (src/docx) and the print sheet (src/report/sheet.ts) render the same blocks.
 * All text is final: digits already in the chosen system, numbers and dates formatted.
 */
import type { EmblemImage } from "../core/types";
import type { Digits } from "./thaiFormat";

export type Align = "left" | "center" | "right";

export interface TextRun {
  text: string;
  bold?: boolean;
}

export interface HeadingBlock {
  kind: "heading";
  /** 1 = numbered section ("๑. …"), 2 = sub-section ("๑.๑ …"). */
  level: 1 | 2;
  text: string;
}

export interface ParagraphBlock {
  kind: "paragraph";
  runs: TextRun[];
  /** Indent the first line, as body paragraphs of Thai official documents are. */
  indent?: boolean;
  align?: Align;
  /** A note about the figures (set slightly apart, not indented). */
  note?: boolean;
  /** Keep on the page of the block that follows (a memo's closing line with the signature). */
  keepNext?: boolean;
}

export interface ListItem {
  /** The marker, already formatted: "(๑)", "•", "-". */
  marker: string;
  text: string;
}

export interface BulletsBlock {
  kind: "bullets";
  items: ListItem[];
}

export interface TableCell {
  /** Cell text; "\n" separates lines. */
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Overrides the column's alignment. */
  align?: Align;
  bold?: boolean;
}

export interface TableRow {
  cells: TableCell[];
  /** A group row (e.g. a tool heading inside the indicator table): shaded and bold. */
  group?: boolean;
  /** A total row: bold. */
  total?: boolean;
}

export interface TableBlock {
  kind: "table";
  /** Stable id, e.g. "ranking", "measures". */
  id: string;
  /** Caption printed above the table (e.g. "ตารางที่ ๑ …"). */
  caption?: string;
  /** Header rows, repeated on every page; cells may span columns and rows. */
  header: TableCell[][];
  rows: TableRow[];
  /**
   * Column widths in percent of the text width (portrait or landscape, as `landscape` says);
   * they sum to 100. Computed from the content by layoutTable (tableLayout.ts).
   */
  widths: number[];
  /** Alignment of each column's body cells; its length is the number of columns. */
  align: Align[];
  /** Set the table on landscape pages (computed by layoutTable). */
  landscape: boolean;
  /** Cells at 14 pt instead of 16 pt: wide tables (computed by layoutTable). */
  small?: boolean;
}

/** A table as its builder makes it: geometry (widths, orientation, size) comes from layoutTable. */
export type TableInput = Omit<TableBlock, "widths" | "landscape" | "small"> &
  Partial<Pick<TableBlock, "widths" | "landscape" | "small">>;

export interface Signer {
  /** What the signer signs as: "ผู้จัดทำรายงาน", "ผู้อนุมัติ". */
  role: string;
  /** Name in brackets, or a dotted line when unknown: "(นายสมชาย ใจดี)". */
  name: string;
  /** "ตำแหน่ง …" or a dotted line. */
  position: string;
  /** "วันที่ …", or undefined. */
  date?: string;
  /** Lines written above the signature, e.g. the approver's comment line. */
  lead?: string[];
}

export interface SignatureBlock {
  kind: "signature";
  signers: Signer[];
}

/** A labelled line of a memo's header: "ส่วนราชการ" and its value (a dotted line when unknown). */
export interface MemoField {
  label: string;
  value: string;
}

/**
 * The head of a บันทึกข้อความ (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ): the emblem's place at
 * the top left (the image when the workbook holds one, else an empty place), the heading
 * "บันทึกข้อความ", then the lines ส่วนราชการ / ที่ + วันที่ / เรื่อง (labels bold), then เรียน.
 */
export interface MemoHeaderBlock {
  kind: "memoHeader";
  /** The emblem (ครุฑ) as image bytes, printed 1.5 cm high; undefined = its place left empty. */
  emblem?: EmblemImage;
  /** "บันทึกข้อความ". */
  heading: string;
  /** Header lines; a line of two fields (ที่ … วันที่ …) shares one line. */
  lines: MemoField[][];
  /** The addressee line (เรียน …), set apart from the header lines. */
  to: MemoField;
}

/**
 * The head's ruling on a memo: tick boxes (ทราบ / อนุมัติ), a comment line (ความเห็น …),
 * then the signature, name, position and a date line.
 */
export interface RulingBlock {
  kind: "ruling";
  /** Lead line, e.g. "ความเห็นและคำสั่งของผู้บริหาร". */
  title: string;
  /** The boxes, e.g. ["ทราบ", "อนุมัติ"], printed "☐ ทราบ". */
  options: string[];
  /** Dotted comment lines, the first starting "ความเห็น". */
  comment: string[];
  signer: Signer;
}

/** The box printed before each ruling option. */
export const RULING_BOX = "☐";

export type Block =
  HeadingBlock | ParagraphBlock | BulletsBlock | TableBlock | SignatureBlock | MemoHeaderBlock | RulingBlock;

export interface TitleBlock {
  /** The report title, one or more lines (bold, larger). */
  lines: string[];
  /** Unit name. */
  unit: string;
  /** District and province, e.g. "อำเภอเมืองสกลนคร จังหวัดสกลนคร" ("" when unknown). */
  place: string;
  /** Month and year of the report, e.g. "ตุลาคม ๒๕๖๘". */
  date: string;
}

/** A native chart of a document, drawn from the analysis (src/report/charts.ts builds them). */
export interface ReportChart {
  id: "indicatorScores" | "totalsTrend" | "ratingsByDistrict" | "indicatorMeans";
  /** Id of the table the chart follows; a document without that table gets no chart. */
  afterTable: string;
  kind: "columnClustered" | "columnStacked" | "line";
  title: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Series drawn as lines over the columns (the pass mark). */
  lineSeries?: number[];
  valueAxis?: { min?: number; max?: number; title?: string };
  categoryAxisTitle?: string;
  /** Series colours ("RRGGBB") over the default palette. */
  seriesColors?: string[];
}

export interface ReportDocument {
  /**
   * The unit's two documents, the memo that sends them to the head (บันทึกข้อความ: no title
   * block, its memoHeader block heads it), or the consolidated summary of many units.
   */
  id: "analysis" | "measures" | "memo" | "summary";
  /** Short name for page headers and file names. */
  shortTitle: string;
  title: TitleBlock;
  blocks: Block[];
  /** Native charts, each after the table it draws (see charts.ts); absent when none. */
  charts?: ReportChart[];
}

export interface ReportModel {
  analysisDoc: ReportDocument;
  measuresDoc: ReportDocument;
  /** The memo (บันทึกข้อความ) proposing the analysis and the measures to the head of the unit. */
  memoDoc: ReportDocument;
  digits: Digits;
}

/** The printed lines of a memo header line: "ที่ …   วันที่ …". */
export function memoFieldText(line: readonly MemoField[]): string {
  return line.map((f) => `${f.label} ${f.value}`).join("   ");
}

/** The printed lines of a ruling, shared by every renderer (the signer's lines excluded). */
export function rulingLines(b: RulingBlock): string[] {
  return [b.title, b.options.map((o) => `${RULING_BOX} ${o}`).join("    "), ...b.comment];
}

/** The printed lines of a signer, shared by every renderer. */
export function signerLines(s: Signer): string[] {
  const lines = [...(s.lead ?? [])];
  lines.push(`(ลงชื่อ) ${".".repeat(32)}${s.role ? ` ${s.role}` : ""}`, s.name, s.position);
  if (s.date) lines.push(s.date);
  return lines;
}
