/** Shared look of the sheets we write: one font, one palette, one number format. */
import type { CellStyle } from "./sheetSpec";

export const SHEET_FONT = { name: "TH Sarabun New", size: 16 };

export const PALETTE = {
  title: "1F4E79",
  headerFill: "DDEBF7",
  sectionFill: "F2F2F2",
  strengthFill: "C6EFCE",
  strengthText: "006100",
  improveFill: "FFEB9C",
  improveText: "7F6000",
  urgentFill: "FFC7CE",
  urgentText: "9C0006",
  inputFill: "FFF9E5",
  tab: "2E75B6",
} as const;

export const SCORE_FORMAT = "0.00";

/** Row heights in points for TH Sarabun New 16 (Excel's default 15 pt clips Thai vowels and tone marks). */
export const ROW_HEIGHT = 24;
export const TITLE_HEIGHT = 32;
/** Header rows whose labels wrap onto two lines. */
export const HEADER_HEIGHT = 44;

export const STYLES = {
  title: { bold: true, size: 20, color: PALETTE.title } as CellStyle,
  subtitle: { bold: true, size: 16 } as CellStyle,
  section: { bold: true, size: 17, color: PALETTE.title } as CellStyle,
  header: {
    bold: true,
    fill: PALETTE.headerFill,
    border: true,
    wrap: true,
    hAlign: "center",
    vAlign: "middle",
  } as CellStyle,
  table: { border: true, vAlign: "top", wrap: true } as CellStyle,
  score: { numberFormat: SCORE_FORMAT, hAlign: "right" } as CellStyle,
  center: { hAlign: "center" } as CellStyle,
  label: { bold: true } as CellStyle,
  input: { fill: PALETTE.inputFill, border: true } as CellStyle,
  note: { italic: true, color: "595959" } as CellStyle,
};
