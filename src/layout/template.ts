/**
 * The blank workbook layout: the input sheets คะแนน ITA, มาตรการ and ตั้งค่า, and the optional
 * sheets OIT (the year's item list) and กรอบการประเมิน (the built-in framework of the year as a
 * starting point, switched off), as SheetSpecs. The add-in adds them to the open workbook; the CLI
 * writes them to a new .xlsx.
 */
import { numberRanges } from "../core/cells";
import { frameworkForYear, RATING_RULES_2566, TOOL_NAMES } from "../core/frameworks";
import { OIT_ITEMS_2563, OIT_LIST_SOURCE, OIT_SUB_INDICATORS } from "../core/oitItems";

/** Where the starting OIT list comes from, in one short line (shared/oit-items.md). */
const OIT_SOURCE_LINE = "รายการ O1–O43 ตามการจัดกลุ่มปี 2563–2565 ที่หน่วยงานระดับจังหวัดแห่งหนึ่งเผยแพร่สำหรับปี 2567";
import { DEFAULT_THRESHOLDS, TOOL_IDS, type Framework } from "../core/types";
import { a1Range } from "./grid";
import { STATUS_LABELS } from "../core/labels";
import {
  DIGIT_CHOICES,
  FRAMEWORK_LABELS,
  MEASURE_COLUMNS,
  OIT_COLUMNS,
  OIT_STATUS,
  OPTIONAL_SHEETS,
  SCORE_LABELS,
  SETTINGS_LABELS,
  SHEETS,
  type MeasureField,
} from "./names";
import { emptySheet, type SheetSpec } from "./sheetSpec";
import { fitRowHeights } from "./rowHeights";
import { HEADER_HEIGHT, PALETTE, ROW_HEIGHT, SHEET_FONT, STYLES, TITLE_HEIGHT } from "./style";

/** Template year columns: the five latest fiscal years with published results. */
export function templateYears(latest = 2569): number[] {
  return [latest - 4, latest - 3, latest - 2, latest - 1, latest];
}

/** Rows of the score sheet template (used by docs and tests to find cells). */
export const SCORE_TEMPLATE = { headerRow: 8, firstIndicatorRow: 9, publishedRow: 19 } as const;

/** "ตัวชี้วัดที่ 1–5 IIT, 6–8 EIT, 9–10 OIT" for a framework. */
function toolsLine(fw: Framework): string {
  return TOOL_IDS.map((t) => `${numberRanges(fw.indicators.filter((d) => d.tool === t).map((d) => d.no))} ${t}`).join(
    ", ",
  );
}

export function scoreTemplate(
  years: number[] = templateYears(),
  fw: Framework = frameworkForYear(years[years.length - 1]).framework,
): SheetSpec {
  const s = emptySheet(SHEETS.scores, "input");
  const indicators = fw.indicators;
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
    [`หมายเหตุ: เพิ่มปีได้โดยเพิ่มคอลัมน์ทางขวา หัวคอลัมน์เป็นปี พ.ศ. เช่น 2570 เครื่องมือ: ตัวชี้วัดที่ ${toolsLine(fw)}`],
  ];
  s.columnWidths = [16, 36, ...years.map(() => 11)];
  const h = SCORE_TEMPLATE.headerRow - 1;
  const first = SCORE_TEMPLATE.firstIndicatorRow - 1;
  const pub = first + indicators.length;
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

/** The columns of the template's measures sheet, in order (the analysis sheet's proposals use the same). */
export const MEASURE_TEMPLATE_FIELDS: readonly MeasureField[] = [
  "seq",
  "indicators",
  "title",
  "steps",
  "period",
  "owner",
  "monitoring",
  "status",
  "output",
  "outcome",
  "evidence",
  "note",
];

export function measuresTemplate(fw: Framework = frameworkForYear(templateYears().at(-1)!).framework): SheetSpec {
  const s = emptySheet(SHEETS.measures, "input");
  const headers = MEASURE_TEMPLATE_FIELDS.map((f) => MEASURE_COLUMNS[f][0]);
  const last = headers.length - 1;
  const firstRow = MEASURES_TEMPLATE.headerRow;
  const lastRow = firstRow + MEASURES_TEMPLATE.rows - 1;
  s.rows = [
    ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"],
    [
      `ตัวชี้วัดที่เกี่ยวข้อง: ใส่เลข ${numberRanges(fw.indicators.map((d) => d.no))} คั่นด้วยจุลภาค เช่น 7, 8  ·  สถานะ: เลือกจากรายการ`,
    ],
    headers,
  ];
  s.columnWidths = [7, 12, 34, 40, 18, 18, 22, 22, 28, 28, 30, 16];
  s.merges = [a1Range(0, 0, 0, last), a1Range(1, 0, 1, last)];
  s.styles = [
    { range: "A1", style: STYLES.title },
    { range: "A2", style: STYLES.note },
    { range: a1Range(firstRow - 1, 0, firstRow - 1, last), style: STYLES.header },
    { range: a1Range(firstRow, 0, lastRow, last), style: { ...STYLES.table, fill: PALETTE.inputFill } },
  ];
  s.validations = [
    {
      range: a1Range(
        firstRow,
        MEASURE_TEMPLATE_FIELDS.indexOf("status"),
        lastRow,
        MEASURE_TEMPLATE_FIELDS.indexOf("status"),
      ),
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
    [L.year, null, "เว้นว่าง = ปีล่าสุดที่กรอกคะแนนครบทุกตัวชี้วัด"],
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
    [L.targetTotal, null, "ไม่บังคับ: คะแนนรวมที่ต้องการ เช่น 92.5 โปรแกรมจะคำนวณคะแนนที่ต้องเพิ่มน้อยที่สุด"],
  ];
  const last = s.rows.length;
  const digitsRow = s.rows.findIndex((r) => r[0] === L.digits) + 1;
  s.columnWidths = [34, 28, 70];
  s.merges = ["A1:C1"];
  s.styles = [
    { range: "A1", style: STYLES.title },
    { range: "A3:C3", style: STYLES.header },
    { range: `A4:C${last}`, style: STYLES.table },
    { range: `B4:B${last}`, style: STYLES.input },
    { range: `C4:C${last}`, style: STYLES.note },
  ];
  s.validations = [{ range: `B${digitsRow}`, values: [DIGIT_CHOICES.thai, DIGIT_CHOICES.arabic] }];
  s.freezeRows = 3;
  s.font = SHEET_FONT;
  s.rowHeight = ROW_HEIGHT;
  s.rowHeights = { 0: TITLE_HEIGHT };
  return fitRowHeights(s);
}

/** Rows of the OIT template (1-based): header, first item; `rows` input rows below the header. */
export const OIT_TEMPLATE = { headerRow: 5, firstItemRow: 6, rows: 80 } as const;

/** The sheet 'OIT': the year's starting item list, saying where it comes from, with a มี/ไม่มี dropdown. */
export function oitTemplate(year: number = templateYears().at(-1)!): SheetSpec {
  const s = emptySheet(OPTIONAL_SHEETS.oit, "input");
  const headers = [
    OIT_COLUMNS.code[0],
    OIT_COLUMNS.name[0],
    OIT_COLUMNS.sub[0],
    OIT_COLUMNS.status[0],
    OIT_COLUMNS.link[0],
    OIT_COLUMNS.note[0],
  ];
  const last = headers.length - 1;
  // short lines (no wrapping): where the list comes from, that it may differ for the year, how to fill it
  const caution =
    year >= 2568
      ? `ปี ${year} รายการสั้นลงและต่างกันตามประเภทหน่วยงาน ต้องตรวจสอบกับคู่มือของปีนั้น`
      : year >= 2566
        ? `ปี ${year} มีการปรับรายการบางข้อ ต้องตรวจสอบกับคู่มือของปีนั้น`
        : "ตรวจสอบกับคู่มือของปีนั้น";
  s.rows = [
    [`ตรวจรายการ OIT ด้วยตนเอง ปีงบประมาณ พ.ศ. ${year} (ไม่บังคับ)`],
    [`ที่มา: ${OIT_SOURCE_LINE} (ความเชื่อมั่น${OIT_LIST_SOURCE.confidence === "low" ? "ต่ำถึงปานกลาง" : "ปานกลาง"})`],
    [`เป็นเพียงจุดเริ่มต้น: ${caution} เพิ่ม ลบ หรือแก้ชื่อรายการได้`],
    [`มี/ไม่มี: เลือกจากรายการ (เว้นว่าง = ยังไม่ได้ตรวจ) · ลิงก์ขึ้นต้นด้วย https:// · ผลที่ได้เป็นการประมาณการเท่านั้น`],
    headers,
    ...OIT_ITEMS_2563.map((i) => [i.code, i.name, i.sub, null, null, null]),
  ];
  // the sub-indicators' names, beside the list (columns H:I, outside the table the parser reads)
  const legend = OIT_TEMPLATE.headerRow - 1;
  s.rows[legend].push(null, "รหัสตัวชี้วัดย่อย", "ชื่อตัวชี้วัดย่อย");
  OIT_SUB_INDICATORS.forEach((x, i) => s.rows[legend + 1 + i].push(null, x.id, x.name));
  const first = OIT_TEMPLATE.firstItemRow - 1;
  const lastRow = OIT_TEMPLATE.headerRow - 1 + OIT_TEMPLATE.rows;
  s.columnWidths = [8, 58, 13, 11, 40, 24, 3, 12, 34];
  s.merges = [a1Range(0, 0, 0, last), a1Range(1, 0, 1, last), a1Range(2, 0, 2, last), a1Range(3, 0, 3, last)];
  s.styles = [
    { range: "A1", style: STYLES.title },
    { range: "A2:A4", style: STYLES.note },
    { range: a1Range(legend, 7, legend, 8), style: STYLES.header },
    { range: a1Range(legend + 1, 7, legend + OIT_SUB_INDICATORS.length, 8), style: STYLES.table },
    { range: a1Range(legend + 1, 7, legend + OIT_SUB_INDICATORS.length, 7), style: STYLES.center },
    { range: a1Range(first - 1, 0, first - 1, last), style: STYLES.header },
    { range: a1Range(first, 0, lastRow, last), style: STYLES.table },
    { range: a1Range(first, 0, lastRow, 0), style: STYLES.center },
    { range: a1Range(first, 2, lastRow, 2), style: STYLES.center },
    { range: a1Range(first, 3, lastRow, 5), style: STYLES.input },
    { range: a1Range(first, 3, lastRow, 3), style: STYLES.center },
  ];
  s.validations = [
    {
      range: a1Range(first, 3, lastRow, 3),
      values: [OIT_STATUS.present, OIT_STATUS.absent],
      errorMessage: "เลือก มี หรือ ไม่มี (เว้นว่าง = ยังไม่ได้ตรวจ)",
    },
  ];
  s.freezeRows = OIT_TEMPLATE.headerRow;
  s.print = {
    orientation: "landscape",
    fitToWidth: true,
    repeatRows: `${OIT_TEMPLATE.headerRow}:${OIT_TEMPLATE.headerRow}`,
  };
  s.tabColor = PALETTE.tab;
  s.font = SHEET_FONT;
  s.rowHeight = ROW_HEIGHT;
  s.rowHeights = { 0: TITLE_HEIGHT };
  return fitRowHeights(s);
}

/**
 * The sheet 'กรอบการประเมิน', pre-filled with the built-in framework of `year` and switched off
 * (ใช้กรอบการประเมินนี้ = ไม่ใช้): optional, a starting point for when the NACC changes the ITA.
 */
export function frameworkTemplate(year: number = templateYears().at(-1)!): SheetSpec {
  const s = emptySheet(OPTIONAL_SHEETS.framework, "input");
  const L = FRAMEWORK_LABELS;
  const fw = frameworkForYear(year).framework;
  const rules = fw.ratings ?? RATING_RULES_2566;
  const pct = (w: number) => Math.round(w * 10000) / 100;
  s.rows = [
    ["กรอบการประเมินที่กำหนดเอง (ไม่บังคับ)"],
    [`ไม่บังคับ: ลบชีตนี้ หรือปล่อย '${L.useNo}' ไว้ = ใช้กรอบการประเมินในโปรแกรม · เลือก '${L.useYes}' เมื่อ ป.ป.ช. เปลี่ยนกรอบ`],
    [`ค่าเริ่มต้น: ${fw.title} (${fw.id}) · เครื่องมือ IIT, EIT, OIT น้ำหนักรวม 100`],
    [`เพิ่มหรือลบแถวตัวชี้วัดได้ (เลขไม่ซ้ำ) แล้วกรอกคะแนนของทุกตัวชี้วัดในชีต '${SHEETS.scores}'`],
    [L.use, L.useNo, "เลือก ใช้ / ไม่ใช้"],
    [],
    [L.toolName, L.toolWeight, "ชื่อเครื่องมือ"],
    ...TOOL_IDS.map((t) => [t, pct(fw.weights[t]), TOOL_NAMES[t].th]),
    [],
    [L.rating, L.ratingMinTotal, L.ratingMinTool],
    ...rules.map((r) => {
      const tool = Object.values(r.minTools);
      return [r.rating, r.minTotal, tool.length ? Math.max(...tool) : null];
    }),
    [],
    [L.indicatorNo, L.indicatorName, L.indicatorTool],
    ...fw.indicators.map((d) => [d.no, d.name, d.tool]),
  ];
  const switchRow = 4;
  const toolsHeader = 6;
  const ratingsHeader = toolsHeader + TOOL_IDS.length + 2;
  const indHeader = ratingsHeader + rules.length + 2;
  const indLast = indHeader + fw.indicators.length + 10; // room to add indicators
  s.columnWidths = [26, 40, 52];
  s.merges = [a1Range(0, 0, 0, 2), a1Range(1, 0, 1, 2), a1Range(2, 0, 2, 2), a1Range(3, 0, 3, 2)];
  s.styles = [
    { range: "A1", style: STYLES.title },
    { range: "A2:A4", style: STYLES.note },
    { range: a1Range(switchRow, 0, switchRow, 0), style: STYLES.label },
    { range: a1Range(switchRow, 1, switchRow, 1), style: { ...STYLES.input, bold: true } },
    { range: a1Range(switchRow, 2, switchRow, 2), style: STYLES.note },
    ...[toolsHeader, ratingsHeader, indHeader].map((r) => ({ range: a1Range(r, 0, r, 2), style: STYLES.header })),
    { range: a1Range(toolsHeader + 1, 0, toolsHeader + TOOL_IDS.length, 1), style: STYLES.input },
    { range: a1Range(toolsHeader + 1, 2, toolsHeader + TOOL_IDS.length, 2), style: STYLES.note },
    { range: a1Range(ratingsHeader + 1, 0, ratingsHeader + rules.length, 2), style: STYLES.input },
    { range: a1Range(indHeader + 1, 0, indLast, 2), style: STYLES.input },
    { range: a1Range(indHeader + 1, 0, indLast, 0), style: STYLES.center },
  ];
  s.validations = [
    { range: a1Range(switchRow, 1, switchRow, 1), values: [L.useNo, L.useYes], errorMessage: "เลือก ใช้ หรือ ไม่ใช้" },
    { range: a1Range(indHeader + 1, 2, indLast, 2), values: [...TOOL_IDS], errorMessage: "เลือก IIT, EIT หรือ OIT" },
  ];
  s.print = { orientation: "portrait", fitToWidth: true };
  s.tabColor = PALETTE.tab;
  s.font = SHEET_FONT;
  s.rowHeight = ROW_HEIGHT;
  s.rowHeights = { 0: TITLE_HEIGHT };
  return fitRowHeights(s);
}

/**
 * The sheets of a new workbook, in tab order: the input sheets, then the optional OIT list and
 * framework of `year` (default: the last template year).
 */
export function templateSheets(years?: number[], year?: number): SheetSpec[] {
  const y = year ?? (years && years.length ? years[years.length - 1] : templateYears().at(-1)!);
  const fw = frameworkForYear(y).framework;
  return [scoreTemplate(years, fw), measuresTemplate(fw), settingsTemplate(), oitTemplate(y), frameworkTemplate(y)];
}
