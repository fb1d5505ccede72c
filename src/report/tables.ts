/**
 * The tables of both documents: their cells. Column widths, orientation and cell size come from
 * the content (tableLayout.ts, applied by BlockWriter.table).
 */
import type { IndicatorResult } from "../core/analysis";
import { CLASS_LABELS, STATUS_LABELS, STATUS_UNKNOWN_LABEL } from "../core/labels";
import { TOOL_IDS, type Measure, type MeasureStatus } from "../core/types";
import type { ReportFormat } from "./format";
import type { TableInput, TableRow } from "./types";
import { cell, headerRow } from "./writer";

/** The mark written in the status column of a measure. */
export const STATUS_MARK = "✓";

/** A measure as the plan table prints it (all text final). */
export interface PlannedMeasure {
  title: string;
  indicators: string;
  steps: string;
  owner: string;
  period: string;
  monitoring: string;
}

export function toolsTable(f: ReportFormat): TableInput {
  const a = f.analysis;
  const rows: TableRow[] = TOOL_IDS.map((t, i) => ({
    cells: [cell(f.count(i + 1)), cell(f.toolLabel(t)), cell(f.weightPercent(t)), cell(f.score(a.tools[t]))],
  }));
  rows.push({
    total: true,
    cells: [cell("คะแนนรวม", { colSpan: 3, align: "center" }), cell(f.score(a.total))],
  });
  return {
    kind: "table",
    id: "tools",
    caption: "ผลคะแนนรายเครื่องมือการประเมิน",
    header: [headerRow(["ที่", "เครื่องมือการประเมิน", "น้ำหนัก (ร้อยละ)", "คะแนน"])],
    rows,
    align: ["center", "left", "center", "center"],
  };
}

/** Indicator scores grouped by tool, with the previous year and the change when there is one. */
export function indicatorTable(f: ReportFormat): TableInput {
  const a = f.analysis;
  const withPrev = a.previousYear !== null;
  const header = withPrev
    ? headerRow([
        "ที่",
        "ตัวชี้วัด",
        f.text(`คะแนนปี ${a.previousYear}`),
        f.text(`คะแนนปี ${a.year}`),
        "เปลี่ยนแปลง",
        "ผลการวิเคราะห์",
      ])
    : headerRow(["ที่", "ตัวชี้วัด", f.text(`คะแนนปี ${a.year}`), "ผลการวิเคราะห์"]);
  const cols = header.length;
  const rows: TableRow[] = [];
  TOOL_IDS.forEach((tool, ti) => {
    rows.push({
      group: true,
      cells: [
        cell(f.text(`${ti + 1}. ${f.toolLabel(tool)} คะแนน ${f.score(a.tools[tool])} คะแนน`), {
          colSpan: cols,
          align: "left",
        }),
      ],
    });
    for (const i of a.indicators.filter((x) => x.tool === tool)) {
      const cells = [cell(f.count(i.no)), cell(i.name)];
      if (withPrev) {
        cells.push(cell(i.previous === null ? "-" : f.score(i.previous)));
        cells.push(cell(f.score(i.score)));
        cells.push(cell(i.change === null ? "-" : f.change(i.change)));
      } else {
        cells.push(cell(f.score(i.score)));
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
    align: withPrev
      ? ["center", "left", "center", "center", "center", "center"]
      : ["center", "left", "center", "center"],
  };
}

/** The ranking as the ITAS system prints it: อันดับ | ตัวชี้วัด | คะแนน, best first. */
export function rankingTable(f: ReportFormat): TableInput {
  const rows: TableRow[] = f.analysis.ranking.map((no, idx) => {
    const i = f.indicator(no) as IndicatorResult;
    return { cells: [cell(f.count(idx + 1)), cell(i.name), cell(f.score(i.score))] };
  });
  return {
    kind: "table",
    id: "ranking",
    caption: f.text(`คะแนนสูงสุดรายตัวชี้วัด ปี ${f.analysis.year} (ระบบ ITAS)`),
    header: [headerRow(["อันดับ", "ตัวชี้วัด", "คะแนน"])],
    rows,
    align: ["center", "left", "center"],
  };
}

export function measuresPlanTable(f: ReportFormat, items: PlannedMeasure[]): TableInput {
  return {
    kind: "table",
    id: "measures",
    caption: "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    header: [headerRow(["ที่", "มาตรการ", "ขั้นตอนหรือวิธีการ", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"])],
    rows: items.map((m, i) => ({
      cells: [
        cell(f.count(i + 1)),
        cell(m.indicators ? `${m.title}\n(${m.indicators})` : m.title),
        cell(m.steps || "-"),
        cell(m.owner || "-"),
        cell(m.period || "-"),
        cell(m.monitoring || "-"),
      ],
    })),
    align: ["center", "left", "left", "left", "left", "left"],
  };
}

export function statusSummaryTable(f: ReportFormat): TableInput {
  const m = f.analysis.measures;
  const bs = m.byStatus;
  const n = m.items.length;
  const statusRows: [string, number][] = [
    [STATUS_LABELS.done, bs.done],
    [STATUS_LABELS.inProgress, bs.inProgress],
    [STATUS_LABELS.notStarted, bs.notStarted],
  ];
  if (bs.unknown) statusRows.push([STATUS_UNKNOWN_LABEL, bs.unknown]);
  const rows: TableRow[] = statusRows.map(([label, count], i) => ({
    cells: [cell(f.count(i + 1)), cell(label), cell(f.count(count)), cell(f.percent(count / n))],
  }));
  rows.push({
    total: true,
    cells: [cell("รวม", { colSpan: 2, align: "center" }), cell(f.count(n)), cell(f.percent(1))],
  });
  return {
    kind: "table",
    id: "statusSummary",
    caption: "สรุปสถานะการดำเนินการตามมาตรการ",
    header: [headerRow(["ที่", "สถานะการดำเนินการ", "จำนวน (มาตรการ)", "ร้อยละ"])],
    rows,
    align: ["center", "left", "center", "center"],
  };
}

export function measureStatusTable(f: ReportFormat, items: Measure[]): TableInput {
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
      const title = f.userText(m.title);
      const ind = f.indicatorsOf(m);
      return {
        cells: [
          cell(f.count(i + 1)),
          cell(ind ? `${title}\n(${ind})` : title),
          cell(f.userText(m.steps) || "-"),
          cell(f.userText(m.period) || "-"),
          cell(f.userText(m.owner) || "-"),
          ...order.map((s) => cell(m.status === s ? STATUS_MARK : "")),
        ],
      };
    }),
    align: ["center", "left", "left", "left", "left", "center", "center", "center"],
  };
}

export function measureResultsTable(f: ReportFormat, items: Measure[]): TableInput {
  return {
    kind: "table",
    id: "measureResults",
    caption: "ผลผลิตและผลลัพธ์ของการดำเนินการตามมาตรการ",
    header: [headerRow(["ที่", "มาตรการ", "ผลผลิต (Output)", "ผลลัพธ์ (Outcome)", "หมายเหตุ"])],
    rows: items.map((m, i) => {
      let note = f.userText(m.note);
      if (m.status === "unknown") {
        const typed = m.statusText?.trim()
          ? `${STATUS_UNKNOWN_LABEL} (${f.userText(m.statusText)})`
          : STATUS_UNKNOWN_LABEL;
        note = note ? `${note}\n${typed}` : typed;
      }
      return {
        cells: [
          cell(f.count(i + 1)),
          cell(f.userText(m.title)),
          cell(f.userText(m.output) || "-"),
          cell(f.userText(m.outcome) || "-"),
          cell(note || "-"),
        ],
      };
    }),
    align: ["center", "left", "left", "left", "left"],
  };
}

/** Indicator, tool and total scores across `years` (ascending). */
export function trendTable(f: ReportFormat, years: number[]): TableInput {
  const a = f.analysis;
  const sy = a.scoresByYear;
  const rows: TableRow[] = a.indicators.map((i) => ({
    cells: [
      cell(f.count(i.no)),
      cell(i.name),
      ...years.map((y) => {
        const v = sy.byIndicator[i.no]?.[y];
        return cell(v === undefined ? "-" : f.score(v));
      }),
    ],
  }));
  const hist = new Map(a.history.map((h) => [h.year, h]));
  const scoreOf = (y: number, pick: (h: (typeof a.history)[number]) => number) => {
    const h = hist.get(y);
    return cell(h ? f.score(pick(h)) : "-");
  };
  for (const tool of TOOL_IDS) {
    rows.push({
      total: true,
      cells: [
        cell(`คะแนน ${tool}`, { colSpan: 2, align: "left" }),
        ...years.map((y) => scoreOf(y, (h) => h.tools[tool])),
      ],
    });
  }
  rows.push({
    total: true,
    cells: [cell("คะแนนรวม", { colSpan: 2, align: "left" }), ...years.map((y) => scoreOf(y, (h) => h.total))],
  });
  return {
    kind: "table",
    id: "trend",
    caption: "ผลคะแนนรายตัวชี้วัดย้อนหลัง",
    header: [headerRow(["ที่", "ตัวชี้วัด", ...years.map((y) => f.text(`ปี ${y}`))])],
    rows,
    align: ["center", "left", ...years.map(() => "center" as const)],
  };
}
