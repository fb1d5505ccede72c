/** The sheet แนวโน้ม ITA: total and tool scores by year with their chart, indicator scores by year. */
import type { Analysis } from "../core/analysis";
import { Block, rect, SheetStack } from "./block";
import { OPTIONAL_SHEETS, SHEETS } from "./names";
import { fitRowHeights } from "./rowHeights";
import { emptySheet, type SheetSpec } from "./sheetSpec";
import { HEADER_HEIGHT, PALETTE, ROW_HEIGHT, SHEET_FONT, STYLES, TITLE_HEIGHT } from "./style";
import { CHANGE_FORMAT, classRules } from "./sheetParts";

/** Years with any indicator score, up to the analysed year. */
function trendYears(a: Analysis): number[] {
  const { years, byIndicator } = a.scoresByYear;
  return years.filter((y) => y <= a.year && Object.values(byIndicator).some((s) => s[y] !== undefined));
}

/** Total and tool scores by complete year, with the line chart drawn from them right of `chartCol`. */
function totalsSection(a: Analysis, chartCol: number): Block {
  const b = new Block();
  b.section("คะแนนรวมและคะแนนรายเครื่องมือ", 7, STYLES.section);
  const header = b.add(["ปีงบประมาณ", "คะแนนรวม", "IIT", "EIT", "OIT", "ระดับ", "ผลการประเมิน"], STYLES.header);
  b.rowHeight(header, HEADER_HEIGHT);
  for (const h of a.history) {
    b.add([
      String(h.year),
      h.total,
      h.tools.IIT,
      h.tools.EIT,
      h.tools.OIT,
      h.grade,
      h.rating ?? (h.pass ? "ผ่านเกณฑ์" : "ไม่ผ่านเกณฑ์"),
    ]);
  }
  const last = b.height - 1;
  if (a.history.length > 0) {
    b.style(rect(header + 1, 0, last, 6), STYLES.table);
    b.style(rect(header + 1, 0, last, 0), STYLES.center);
    b.style(rect(header + 1, 1, last, 4), STYLES.score);
    b.fill(rect(header + 1, 1, last, 4), classRules(a.thresholds.strength, a.thresholds.urgent));
  }
  if (a.history.length >= 2) {
    b.chart({
      id: "totalsTrend",
      kind: "line",
      title: "คะแนนรวมและคะแนนเครื่องมือ IIT / EIT / OIT รายปี",
      data: rect(header, 0, last, 4),
      at: rect(header, chartCol, header + 16, chartCol + 7),
      valueAxis: { title: "คะแนน" },
      categoryAxisTitle: "ปีงบประมาณ",
    });
  }
  return b;
}

function indicatorsByYearSection(a: Analysis, years: number[], width: number): Block {
  const { byIndicator } = a.scoresByYear;
  const b = new Block();
  b.section("คะแนนรายตัวชี้วัดรายปี", width, STYLES.section);
  const header = b.add(
    ["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", ...years.map(String), a.previousYear !== null ? "เปลี่ยนแปลง" : ""],
    STYLES.header,
  );
  b.rowHeight(header, HEADER_HEIGHT);
  for (const i of a.indicators) b.add([i.no, i.name, ...years.map((y) => byIndicator[i.no]?.[y] ?? null), i.change]);
  const last = b.height - 1;
  b.style(rect(header + 1, 0, last, width - 1), STYLES.table);
  b.style(rect(header + 1, 0, last, 0), STYLES.center);
  b.style(rect(header + 1, 2, last, width - 2), STYLES.score);
  b.style(rect(header + 1, width - 1, last, width - 1), { numberFormat: CHANGE_FORMAT });
  b.fill(rect(header + 1, 2, last, width - 2), classRules(a.thresholds.strength, a.thresholds.urgent));
  return b;
}

export function trendSheet(a: Analysis): SheetSpec | null {
  const years = trendYears(a);
  if (years.length < 2) return null;
  const s = emptySheet(SHEETS.trend, "generated");
  s.font = SHEET_FONT;
  s.tabColor = PALETTE.title;
  const width = 2 + years.length + 1;
  s.columnWidths = [14, 32, ...years.map(() => 11), 13, 3, 12, 12, 12, 12, 12];
  // column G holds the rating text of the totals table ("ต้องปรับปรุงโดยด่วน")
  s.columnWidths[6] = Math.max(s.columnWidths[6], 22);

  const title = new Block();
  title.add([`แนวโน้มผลการประเมิน ITA ปี ${years[0]}–${years[years.length - 1]}`], STYLES.title, 1);
  title.merge(rect(0, 0, 0, Math.max(width, 7) - 1));
  title.rowHeight(0, TITLE_HEIGHT);
  title.add([a.unit.name], STYLES.subtitle, 1);
  if (a.framework.origin === "workbook")
    title.add(
      [`ปี ${a.year} ใช้${a.framework.title} (ชีต '${OPTIONAL_SHEETS.framework}') ปีอื่นใช้กรอบการประเมินในโปรแกรม`],
      STYLES.note,
      1,
    );

  const stack = new SheetStack(s);
  stack.stack(title);
  // the chart goes right of the widest table (the indicators-by-year table grows with the years)
  stack.stack(totalsSection(a, Math.max(8, width + 1)));
  stack.stack(indicatorsByYearSection(a, years, width));
  s.freezeRows = 2;
  s.print = { orientation: "landscape", fitToWidth: true };
  s.rowHeight = ROW_HEIGHT;
  return fitRowHeights(s);
}
