/**
 * The tables of both documents. Column widths (percent of the text width) are kept together in
 * TABLE_WIDTHS so the geometry of every table is in one place.
 */
import type { IndicatorResult } from "../core/analysis";
import { CLASS_LABELS, STATUS_LABELS, STATUS_UNKNOWN_LABEL } from "../core/labels";
import { TOOL_IDS, type Measure, type MeasureStatus } from "../core/types";
import type { ReportFormat } from "./format";
import { evidenceOf, periodOf, PROPOSED_MARK } from "./measureRows";
import type { Align, TableBlock, TableCell, TableRow } from "./types";
import { cell, headerRow } from "./writer";

/** The mark written in the status column of a measure. */
export const STATUS_MARK = "✓";

export const TABLE_WIDTHS = {
  tools: [8, 60, 16, 16],
  indicators: [8, 50, 18, 24],
  indicatorsWithPrevious: [7, 30, 14, 14, 17, 18],
  ranking: [15, 60, 25],
  measures: [4, 22, 30, 15, 13, 16],
  statusSummary: [8, 52, 20, 20],
  measureStatus: [4, 17, 25, 11, 13, 10, 10, 10],
  measureResults: [5, 22, 22, 22, 17, 12],
  /** The trend table: number, then name, then one column per year (each at most 18, 60 in all). */
  trendNumber: 7,
  trendYearsMax: 60,
  trendYearMax: 18,
} as const;

/** A measure as the plan table prints it (all text final). */
export interface PlannedMeasure {
  title: string;
  indicators: string;
  steps: string;
  owner: string;
  period: string;
  monitoring: string;
  /** A library measure the analysis adds for a weak indicator no measure covers: marked "(เสนอเพิ่มเติม)". */
  proposed?: boolean;
}

/** Printed for a blank cell of the measures report (O43) where no default is honest. */
export const NOT_STATED = "ยังไม่ได้ระบุ";

/** A column of a measures table: kept only when some row has something to say in it. */
interface Column<T> {
  header: string;
  width: number;
  align: Align;
  keep: boolean;
  text: (item: T, index: number) => string;
}

/** The columns kept, their widths scaled back to 100 (two decimals, the last takes the rest). */
function keptColumns<T>(columns: Column<T>[]): Column<T>[] {
  const kept = columns.filter((c) => c.keep);
  const sum = kept.reduce((t, c) => t + c.width, 0);
  const widths = kept.map((c) => Math.round((c.width * 10000) / sum) / 100);
  widths[widths.length - 1] = Math.round((100 - widths.slice(0, -1).reduce((t, w) => t + w, 0)) * 100) / 100;
  return kept.map((c, i) => ({ ...c, width: widths[i] }));
}

function columnsTable<T>(
  id: string,
  caption: string,
  columns: Column<T>[],
  items: T[],
  header?: TableCell[][],
): TableBlock {
  const kept = keptColumns(columns);
  return {
    kind: "table",
    id,
    caption,
    header: header ?? [headerRow(kept.map((c) => c.header))],
    rows: items.map((m, i) => ({ cells: kept.map((c) => cell(c.text(m, i))) })),
    widths: kept.map((c) => c.width),
    align: kept.map((c) => c.align),
    landscape: true,
  };
}

export function toolsTable(f: ReportFormat): TableBlock {
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
    widths: [...TABLE_WIDTHS.tools],
    align: ["center", "left", "center", "center"],
    landscape: false,
  };
}

/** Indicator scores grouped by tool, with the previous year and the change when there is one. */
export function indicatorTable(f: ReportFormat): TableBlock {
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
    widths: [...(withPrev ? TABLE_WIDTHS.indicatorsWithPrevious : TABLE_WIDTHS.indicators)],
    align: withPrev
      ? ["center", "left", "center", "center", "center", "center"]
      : ["center", "left", "center", "center"],
    landscape: false,
  };
}

/** The ranking as the ITAS system prints it: อันดับ | ตัวชี้วัด | คะแนน, best first. */
export function rankingTable(f: ReportFormat): TableBlock {
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
    widths: [...TABLE_WIDTHS.ranking],
    align: ["center", "left", "center"],
    landscape: false,
  };
}

/**
 * The measures of the analysis (O42). Period and monitoring always have a value (the typed one or
 * the default); a column of steps or owners is left out when no measure has one, and a blank cell
 * stays empty (the check names it): never a dash.
 */
export function measuresPlanTable(f: ReportFormat, items: PlannedMeasure[]): TableBlock {
  const W = TABLE_WIDTHS.measures;
  const any = (k: "steps" | "owner") => items.some((m) => m[k]);
  const columns: Column<PlannedMeasure>[] = [
    { header: "ที่", width: W[0], align: "center", keep: true, text: (_, i) => f.count(i + 1) },
    {
      header: "มาตรการ",
      width: W[1],
      align: "left",
      keep: true,
      text: (m) =>
        [m.title, m.indicators ? `(${m.indicators})` : "", m.proposed ? PROPOSED_MARK : ""].filter(Boolean).join("\n"),
    },
    { header: "ขั้นตอนหรือวิธีการ", width: W[2], align: "left", keep: any("steps"), text: (m) => m.steps },
    { header: "ผู้รับผิดชอบ", width: W[3], align: "left", keep: any("owner"), text: (m) => m.owner },
    { header: "ระยะเวลา", width: W[4], align: "left", keep: true, text: (m) => m.period },
    { header: "การกำกับติดตาม", width: W[5], align: "left", keep: true, text: (m) => m.monitoring },
  ];
  return columnsTable("measures", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", columns, items);
}

export function statusSummaryTable(f: ReportFormat): TableBlock {
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
    widths: [...TABLE_WIDTHS.statusSummary],
    align: ["center", "left", "center", "center"],
    landscape: false,
  };
}

/**
 * Each measure's status (O43). The period and the monitoring take their defaults; a column of
 * steps or owners is left out when no measure has one, and a blank cell says "ยังไม่ได้ระบุ".
 */
export function measureStatusTable(f: ReportFormat, items: Measure[]): TableBlock {
  const order: Exclude<MeasureStatus, "unknown">[] = ["notStarted", "inProgress", "done"];
  const W = TABLE_WIDTHS.measureStatus;
  const any = (k: "steps" | "owner") => items.some((m) => m[k]?.trim());
  const stated = (t: string | undefined) => f.userText(t) || NOT_STATED;
  const columns: Column<Measure>[] = [
    { header: "ที่", width: W[0], align: "center", keep: true, text: (_, i) => f.count(i + 1) },
    {
      header: "มาตรการ",
      width: W[1],
      align: "left",
      keep: true,
      text: (m) => {
        const title = f.userText(m.title);
        const ind = f.indicatorsOf(m);
        return ind ? `${title}\n(${ind})` : title;
      },
    },
    { header: "ขั้นตอนหรือวิธีการ", width: W[2], align: "left", keep: any("steps"), text: (m) => stated(m.steps) },
    { header: "ระยะเวลา", width: W[3], align: "left", keep: true, text: (m) => periodOf(f, m) },
    { header: "ผู้รับผิดชอบ", width: W[4], align: "left", keep: any("owner"), text: (m) => stated(m.owner) },
    ...order.map((s, k): Column<Measure> => ({
      header: STATUS_LABELS[s],
      width: W[5 + k],
      align: "center",
      keep: true,
      text: (m) => (m.status === s ? STATUS_MARK : ""),
    })),
  ];
  const kept = keptColumns(columns).length;
  const header = [
    [
      ...keptColumns(columns)
        .slice(0, kept - order.length)
        .map((c) => cell(c.header, { rowSpan: 2 })),
      cell("สถานะการดำเนินการ", { colSpan: order.length }),
    ],
    order.map((s) => cell(STATUS_LABELS[s])),
  ];
  return columnsTable("measureStatus", "สถานะการดำเนินการตามมาตรการ", columns, items, header);
}

/** What the results table prints for a blank output or outcome: the status says why there is none yet. */
function resultOf(f: ReportFormat, m: Measure, typed: string | undefined): string {
  const t = f.userText(typed);
  if (t) return t;
  if (m.status === "notStarted") return "ยังไม่เริ่มดำเนินการ";
  if (m.status === "inProgress") return "อยู่ระหว่างดำเนินการ";
  return NOT_STATED;
}

/**
 * Outputs, outcomes, evidence and notes (O43), or null when no measure has any of them. Each of
 * the four columns is left out when empty for every measure; a blank output or outcome says why.
 */
export function measureResultsTable(f: ReportFormat, items: Measure[]): TableBlock | null {
  const W = TABLE_WIDTHS.measureResults;
  const noteOf = (m: Measure) => {
    let note = f.userText(m.note);
    if (m.status === "unknown") {
      const typed = m.statusText?.trim()
        ? `${STATUS_UNKNOWN_LABEL} (${f.userText(m.statusText)})`
        : STATUS_UNKNOWN_LABEL;
      note = note ? `${note}\n${typed}` : typed;
    }
    return note;
  };
  const any = (k: "output" | "outcome" | "evidence") => items.some((m) => m[k]?.trim());
  const columns: Column<Measure>[] = [
    { header: "ที่", width: W[0], align: "center", keep: true, text: (_, i) => f.count(i + 1) },
    { header: "มาตรการ", width: W[1], align: "left", keep: true, text: (m) => f.userText(m.title) },
    {
      header: "ผลผลิต (Output)",
      width: W[2],
      align: "left",
      keep: any("output"),
      text: (m) => resultOf(f, m, m.output),
    },
    {
      header: "ผลลัพธ์ (Outcome)",
      width: W[3],
      align: "left",
      keep: any("outcome"),
      text: (m) => resultOf(f, m, m.outcome),
    },
    { header: "หลักฐาน / ลิงก์", width: W[4], align: "left", keep: any("evidence"), text: (m) => evidenceOf(f, m) },
    { header: "หมายเหตุ", width: W[5], align: "left", keep: items.some((m) => noteOf(m)), text: noteOf },
  ];
  if (columns.slice(2).every((c) => !c.keep)) return null;
  return columnsTable("measureResults", "ผลผลิตและผลลัพธ์ของการดำเนินการตามมาตรการ", columns, items);
}

/** Indicator, tool and total scores across `years` (ascending). */
export function trendTable(f: ReportFormat, years: number[]): TableBlock {
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
  const W = TABLE_WIDTHS;
  const yearShare = Math.min(W.trendYearMax, W.trendYearsMax / years.length);
  const nameShare = 100 - W.trendNumber - yearShare * years.length;
  return {
    kind: "table",
    id: "trend",
    caption: "ผลคะแนนรายตัวชี้วัดย้อนหลัง",
    header: [headerRow(["ที่", "ตัวชี้วัด", ...years.map((y) => f.text(`ปี ${y}`))])],
    rows,
    widths: [W.trendNumber, nameShare, ...years.map(() => yearShare)],
    align: ["center", "left", ...years.map(() => "center" as const)],
    landscape: years.length > 5,
  };
}
