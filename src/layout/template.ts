/**
 * The blank workbook layout: the input sheets คะแนน ITA, มาตรการ and ตั้งค่า as SheetSpecs.
 * The add-in adds them to the open workbook; the CLI writes them to a new .xlsx.
 */
import { FRAMEWORKS } from "../core/frameworks";
import { DEFAULT_THRESHOLDS } from "../core/types";
import { a1Range } from "./grid";
import { STATUS_LABELS } from "../core/labels";
import { DIGIT_CHOICES, MEASURE_COLUMNS, SCORE_LABELS, SETTINGS_LABELS, SHEETS } from "./names";
import { emptySheet, type SheetSpec } from "./sheetSpec";
import { fitRowHeights } from "./rowHeights";
import { HEADER_HEIGHT, PALETTE, ROW_HEIGHT, SHEET_FONT, STYLES, TITLE_HEIGHT } from "./style";

/** Template year columns: the five latest fiscal years with published results. */
export function templateYears(latest = 2569): number[] {
  return [latest - 4, latest - 3, latest - 2, latest - 1, latest];
}

/** Rows of the score sheet template (used by docs and tests to find cells). */
export const SCORE_TEMPLATE = { headerRow: 8, firstIndicatorRow: 9, publishedRow: 19 } as const;

export function scoreTemplate(years: number[] = templateYears()): SheetSpec {
  const s = emptySheet(SHEETS.scores, "input");
  const indicators = FRAMEWORKS[FRAMEWORKS.length - 1].indicators;
  const lastCol = 1 + years.length;
  s.rows = [
    ["คะแนนผลการประเมินคุณธรรมและความโปร่งใส (ITA) รายตัวชี้วัด"],
    ["กรอกข้อมูลในช่องสีเหลือง คะแนน 0–100 ตามที่ประกาศในระบบ ITAS (ทศนิยม 2 ตำแหน่ง)"],
    [SCORE_LABELS.unitName, null],
    [SCORE_LABELS.district, null],
    [SCORE_LABELS.province, null],
    [SCORE_LABELS.unitType, null],
    [],
    [SCORE_LABELS.indicatorNo, SCORE_LABELS.indicatorName, ...years],
    ...indicators.map((d) => [d.no, d.name, ...years.map(() => null)]),
    [SCORE_LABELS.publishedTotal, "(ไม่บังคับ ใช้ตรวจทานผลรวม)", ...years.map(() => null)],
    [],
    ["หมายเหตุ: เพิ่มปีได้โดยเพิ่มคอลัมน์ทางขวา หัวคอลัมน์เป็นปี พ.ศ. เช่น 2570 เครื่องมือ: ตัวชี้วัดที่ 1–5 IIT, 6–8 EIT, 9–10 OIT"],
  ];
  s.columnWidths = [16, 36, ...years.map(() => 11)];
  const h = SCORE_TEMPLATE.headerRow - 1;
  const first = SCORE_TEMPLATE.firstIndicatorRow - 1;
  const pub = SCORE_TEMPLATE.publishedRow - 1;
  s.merges = [
    a1Range(0, 0, 0, lastCol),
    a1Range(1, 0, 1, lastCol),
    ...[2, 3, 4, 5].map((r) => a1Range(r, 1, r, lastCol)),
  ];
  s.styles = [
    { range: "A1", style: STYLES.title },
    { range: "A2", style: STYLES.note },
    { range: "A3:A6", style: STYLES.label },
    { range: a1Range(2, 1, 5, lastCol), style: STYLES.input },
    { range: a1Range(h, 0, h, lastCol), style: STYLES.header },
    { range: a1Range(first, 0, pub, 1), style: STYLES.table },
    { range: a1Range(first, 0, pub - 1, 0), style: STYLES.center },
    { range: a1Range(first, 2, pub, lastCol), style: { ...STYLES.input, ...STYLES.score } },
    { range: a1Range(pub, 0, pub, 1), style: { bold: true, border: true } },
    { range: a1Range(pub + 2, 0, pub + 2, 0), style: STYLES.note },
  ];
  s.freezeRows = SCORE_TEMPLATE.headerRow;
  s.tabColor = PALETTE.tab;
  s.font = SHEET_FONT;
  s.rowHeight = ROW_HEIGHT;
  s.rowHeights = { 0: TITLE_HEIGHT };
  return fitRowHeights(s);
}

export const MEASURES_TEMPLATE = { headerRow: 3, rows: 200 } as const;

export function measuresTemplate(): SheetSpec {
  const s = emptySheet(SHEETS.measures, "input");
  const headers = [
    MEASURE_COLUMNS.seq[0],
    MEASURE_COLUMNS.indicators[0],
    MEASURE_COLUMNS.title[0],
    MEASURE_COLUMNS.steps[0],
    MEASURE_COLUMNS.period[0],
    MEASURE_COLUMNS.owner[0],
    MEASURE_COLUMNS.monitoring[0],
    MEASURE_COLUMNS.status[0],
    MEASURE_COLUMNS.output[0],
    MEASURE_COLUMNS.outcome[0],
    MEASURE_COLUMNS.note[0],
  ];
  const last = headers.length - 1;
  const firstRow = MEASURES_TEMPLATE.headerRow;
  const lastRow = firstRow + MEASURES_TEMPLATE.rows - 1;
  s.rows = [
    ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"],
    ["ตัวชี้วัดที่เกี่ยวข้อง: ใส่เลข 1–10 คั่นด้วยจุลภาค เช่น 7, 8  ·  สถานะ: เลือกจากรายการ"],
    headers,
  ];
  s.columnWidths = [7, 12, 34, 40, 18, 18, 22, 22, 28, 28, 16];
  s.merges = [a1Range(0, 0, 0, last), a1Range(1, 0, 1, last)];
  s.styles = [
    { range: "A1", style: STYLES.title },
    { range: "A2", style: STYLES.note },
    { range: a1Range(firstRow - 1, 0, firstRow - 1, last), style: STYLES.header },
    { range: a1Range(firstRow, 0, lastRow, last), style: { ...STYLES.table, fill: PALETTE.inputFill } },
  ];
  s.validations = [
    {
      range: a1Range(firstRow, 7, lastRow, 7),
      values: [STATUS_LABELS.notStarted, STATUS_LABELS.inProgress, STATUS_LABELS.done],
      errorMessage: "เลือกสถานะจากรายการ: ยังไม่ดำเนินการ / อยู่ระหว่างดำเนินการ / ดำเนินการเสร็จเรียบร้อยแล้ว",
    },
  ];
  s.freezeRows = MEASURES_TEMPLATE.headerRow;
  s.tabColor = PALETTE.tab;
  s.font = SHEET_FONT;
  s.rowHeight = ROW_HEIGHT;
  s.rowHeights = { 0: TITLE_HEIGHT, [MEASURES_TEMPLATE.headerRow - 1]: HEADER_HEIGHT };
  return s;
}

export function settingsTemplate(): SheetSpec {
  const s = emptySheet(SHEETS.settings, "input");
  const L = SETTINGS_LABELS;
  s.rows = [
    ["ตั้งค่าการวิเคราะห์และรายงาน (เว้นว่างได้ทุกช่อง จะใช้ค่าปกติ)"],
    [],
    ["รายการ", "ค่า", "คำอธิบาย"],
    [L.year, null, "เว้นว่าง = ปีล่าสุดที่กรอกคะแนนครบ 10 ตัวชี้วัด"],
    [L.strength, DEFAULT_THRESHOLDS.strength, "ตัวชี้วัดที่ได้คะแนนตั้งแต่ค่านี้ถือเป็นจุดแข็ง"],
    [L.urgent, DEFAULT_THRESHOLDS.urgent, "ตัวชี้วัดที่ได้คะแนนต่ำกว่าค่านี้ต้องแก้ไขโดยเร่งด่วน"],
    [L.decline, DEFAULT_THRESHOLDS.decline, "คะแนนลดลงจากปีก่อนตั้งแต่ค่านี้ถือว่าลดลงอย่างมีนัยสำคัญ"],
    [L.weightIIT, null, "เว้นว่าง = ตามกรอบการประเมินของปีนั้น (30) ถ้ากำหนดเอง ต้องกรอกครบ 3 ช่องและรวมกันได้ 100"],
    [L.weightEIT, null, "เว้นว่าง = ตามกรอบการประเมิน (30)"],
    [L.weightOIT, null, "เว้นว่าง = ตามกรอบการประเมิน (40)"],
    [L.preparerName, null, "ชื่อผู้จัดทำรายงาน เช่น นางสาวสมใจ ใจดี"],
    [L.preparerPosition, null, "เช่น หัวหน้าสำนักปลัด"],
    [L.approverName, null, "ชื่อผู้บริหารผู้อนุมัติรายงาน"],
    [L.approverPosition, null, "เช่น นายกองค์การบริหารส่วนตำบล..."],
    [L.digits, DIGIT_CHOICES.thai, "เลขไทย หรือ เลขอารบิก"],
    [L.reportDate, null, "เว้นว่าง = วันที่สร้างรายงาน"],
  ];
  s.columnWidths = [34, 28, 70];
  s.merges = ["A1:C1"];
  s.styles = [
    { range: "A1", style: STYLES.title },
    { range: "A3:C3", style: STYLES.header },
    { range: "A4:C16", style: STYLES.table },
    { range: "B4:B16", style: STYLES.input },
    { range: "C4:C16", style: STYLES.note },
  ];
  s.validations = [{ range: "B15", values: [DIGIT_CHOICES.thai, DIGIT_CHOICES.arabic] }];
  s.freezeRows = 3;
  s.font = SHEET_FONT;
  s.rowHeight = ROW_HEIGHT;
  s.rowHeights = { 0: TITLE_HEIGHT };
  return fitRowHeights(s);
}

/** The input sheets of a new workbook, in tab order. */
export function templateSheets(years?: number[]): SheetSpec[] {
  return [scoreTemplate(years), measuresTemplate(), settingsTemplate()];
}
