/**
 * Writes the report model (src/report) as a .docx with the `docx` package, set as Thai
 * official documents are: A4, TH Sarabun New 16 pt (complex-script size too), bold headings,
 * landscape sections for wide tables, repeated table header rows, rows that do not split,
 * and page numbers "- ๒ -" at the top from the second page of each document.
 * Works in Node and in a browser bundle (Packer.toArrayBuffer exists in both).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  HeightRule,
  NumberFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from "docx";
import {
  signerLines,
  type Align,
  type Block,
  type ReportDocument,
  type ReportModel,
  type TableBlock,
  type TableCell as ModelCell,
  URL_PATTERN,
} from "../report";
import { embedCharts, markerText, type ChartPlacement } from "./charts";

export const REPORT_FONT = "TH Sarabun New";
/** Body size in half-points (16 pt). */
export const BODY_SIZE = 32;
const TITLE_SIZE = 36;
const UNIT_SIZE = 32;

/** 1 cm in twips. */
const CM = 567;
const A4 = { width: 11906, height: 16838 };
const PORTRAIT_MARGIN = {
  top: Math.round(2.5 * CM),
  bottom: 2 * CM,
  left: 3 * CM,
  right: 2 * CM,
  header: Math.round(1.2 * CM),
  footer: CM,
};
const LANDSCAPE_MARGIN = {
  top: 2 * CM,
  bottom: 2 * CM,
  left: Math.round(2.5 * CM),
  right: 2 * CM,
  header: Math.round(1 * CM),
  footer: CM,
};
const PORTRAIT_TEXT_WIDTH = A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right;
const LANDSCAPE_TEXT_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;
const FIRST_LINE_INDENT = Math.round(2.5 * CM);
const FONT = { ascii: REPORT_FONT, hAnsi: REPORT_FONT, cs: REPORT_FONT, eastAsia: REPORT_FONT };

/** Headings: body font and size, bold in both scripts. */
const HEADING_RUN = {
  font: FONT,
  size: BODY_SIZE,
  sizeComplexScript: BODY_SIZE,
  bold: true,
  boldComplexScript: true,
  color: "000000",
};
const HEADER_FILL = "D9D9D9";
const GROUP_FILL = "F2F2F2";

function alignment(a: Align | undefined) {
  return a === "center" ? AlignmentType.CENTER : a === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT;
}

/** Cell text size of landscape (wide, dense) tables: 14 pt. */
export const WIDE_TABLE_SIZE = 28;

function run(text: string, opts: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({
    text,
    bold: opts.bold,
    boldComplexScript: opts.bold,
    size: opts.size,
    sizeComplexScript: opts.size,
  });
}

function renderCellParagraphs(
  c: ModelCell,
  align: Align,
  bold: boolean,
  keepNext: boolean,
  size?: number,
): Paragraph[] {
  const lines = c.text.split("\n");
  return lines.map(
    (line) =>
      new Paragraph({
        alignment: alignment(c.align ?? align),
        keepNext,
        children: linkedRuns(line, { bold: bold || c.bold, size }),
      }),
  );
}

/** A line's runs, each web address (evidence links) a hyperlink to itself. */
function linkedRuns(line: string, opts: { bold?: boolean; size?: number }): (TextRun | ExternalHyperlink)[] {
  const out: (TextRun | ExternalHyperlink)[] = [];
  let at = 0;
  for (const u of line.matchAll(URL_PATTERN)) {
    if (u.index > at) out.push(run(line.slice(at, u.index), opts));
    const link = /^www\./i.test(u[0]) ? `http://${u[0]}` : u[0];
    out.push(
      new ExternalHyperlink({
        link,
        children: [new TextRun({ text: u[0], style: "Hyperlink", size: opts.size, sizeComplexScript: opts.size })],
      }),
    );
    at = u.index + u[0].length;
  }
  if (at < line.length || out.length === 0) out.push(run(line.slice(at), opts));
  return out;
}

/** Tables up to this many body rows are kept on one page (when they fit). */
const KEEP_TOGETHER_ROWS = 12;

function renderTable(t: TableBlock, textWidth: number): Table {
  const colWidths = t.widths.map((w) => Math.round((w / 100) * textWidth));
  const total = colWidths.reduce((a, b) => a + b, 0);
  const size = t.landscape ? WIDE_TABLE_SIZE : undefined;
  const spanWidth = (start: number, span: number) => colWidths.slice(start, start + span).reduce((a, b) => a + b, 0);

  const rows: TableRow[] = [];
  // header rows: track columns taken by row spans from the rows above
  const taken: number[] = new Array(t.widths.length).fill(0);
  for (const hr of t.header) {
    const cells: TableCell[] = [];
    let col = 0;
    for (const c of hr) {
      while (taken[col] > 0) col++;
      const span = c.colSpan ?? 1;
      cells.push(
        new TableCell({
          children: renderCellParagraphs(c, "center", true, true, size),
          columnSpan: span > 1 ? span : undefined,
          rowSpan: c.rowSpan && c.rowSpan > 1 ? c.rowSpan : undefined,
          width: { size: spanWidth(col, span), type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          shading: { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL },
        }),
      );
      if (c.rowSpan && c.rowSpan > 1) for (let k = 0; k < span; k++) taken[col + k] = c.rowSpan;
      col += span;
    }
    rows.push(new TableRow({ children: cells, tableHeader: true, cantSplit: true }));
    for (let k = 0; k < taken.length; k++) if (taken[k] > 0) taken[k]--;
  }
  const keep = !t.landscape && t.rows.length <= KEEP_TOGETHER_ROWS;
  t.rows.forEach((r, ri) => {
    let col = 0;
    const cells = r.cells.map((c) => {
      const span = c.colSpan ?? 1;
      const cellCol = col;
      col += span;
      return new TableCell({
        children: renderCellParagraphs(
          c,
          t.align[cellCol] ?? "left",
          !!(r.group || r.total),
          keep && ri < t.rows.length - 1,
          size,
        ),
        columnSpan: span > 1 ? span : undefined,
        width: { size: spanWidth(cellCol, span), type: WidthType.DXA },
        shading: r.group ? { type: ShadingType.CLEAR, color: "auto", fill: GROUP_FILL } : undefined,
      });
    });
    rows.push(new TableRow({ children: cells, cantSplit: true, height: { value: 0, rule: HeightRule.AUTO } }));
  });
  return new Table({
    rows,
    width: { size: total, type: WidthType.DXA },
    columnWidths: colWidths,
    layout: TableLayoutType.FIXED,
    margins: { left: 80, right: 80, top: 20, bottom: 20 },
    borders: {
      top: { style: BorderStyle.SINGLE, size: 4, color: "000000" },
      bottom: { style: BorderStyle.SINGLE, size: 4, color: "000000" },
      left: { style: BorderStyle.SINGLE, size: 4, color: "000000" },
      right: { style: BorderStyle.SINGLE, size: 4, color: "000000" },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: "000000" },
      insideVertical: { style: BorderStyle.SINGLE, size: 4, color: "000000" },
    },
  });
}

function renderBlock(b: Block, textWidth: number): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ style: b.level === 1 ? "Heading1" : "Heading2", children: [run(b.text)] })];
    case "paragraph":
      return [
        new Paragraph({
          alignment: b.align ? alignment(b.align) : AlignmentType.THAI_DISTRIBUTE,
          indent: b.indent ? { firstLine: FIRST_LINE_INDENT } : undefined,
          spacing: b.note ? { before: 120, after: 60 } : undefined,
          children: b.runs.map((r) => run(r.text, { bold: r.bold })),
        }),
      ];
    case "bullets":
      return b.items.map(
        (it) =>
          new Paragraph({
            alignment: AlignmentType.LEFT,
            indent: { left: Math.round(1.25 * CM) + 567, hanging: 567 },
            tabStops: [{ type: "left", position: Math.round(1.25 * CM) + 567 }],
            children: [run(`${it.marker}\t${it.text}`)],
          }),
      );
    case "table": {
      const out: (Paragraph | Table)[] = [];
      if (b.caption)
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            spacing: { before: 120, after: 60 },
            children: [run(b.caption, { bold: true })],
          }),
        );
      out.push(renderTable(b, textWidth));
      out.push(new Paragraph({ children: [], spacing: { after: 0 } }));
      return out;
    }
    case "signature": {
      const out: Paragraph[] = [];
      const left = Math.round(textWidth * 0.35);
      for (const s of b.signers) {
        out.push(new Paragraph({ children: [], keepNext: true, spacing: { before: 240 } }));
        for (const line of signerLines(s))
          out.push(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              indent: { left },
              keepNext: true,
              keepLines: true,
              children: [run(line)],
            }),
          );
      }
      return out;
    }
  }
}

/** Splits a document's blocks into runs of portrait and landscape pages: a heading's section
 * goes landscape, whole, when it holds a landscape table, so its heading stays with the table. */
export function orientationRuns(blocks: readonly Block[]): { landscape: boolean; blocks: Block[] }[] {
  const segments: Block[][] = [];
  for (const b of blocks) {
    if (b.kind === "heading" || segments.length === 0) segments.push([]);
    segments[segments.length - 1].push(b);
  }
  const runs: { landscape: boolean; blocks: Block[] }[] = [];
  for (const seg of segments) {
    const landscape = seg.some((b) => b.kind === "table" && b.landscape);
    const last = runs[runs.length - 1];
    if (last && last.landscape === landscape) last.blocks.push(...seg);
    else runs.push({ landscape, blocks: [...seg] });
  }
  return runs;
}

function pageHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ["- ", PageNumber.CURRENT, " -"],
            language: { value: "th-TH", bidirectional: "th-TH" },
          }),
        ],
      }),
    ],
  });
}

function titleParagraphs(doc: ReportDocument): Paragraph[] {
  const t = doc.title;
  const out: Paragraph[] = t.lines.map((l) => new Paragraph({ style: "ReportTitle", children: [run(l)] }));
  out.push(new Paragraph({ children: [] }));
  out.push(
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(t.unit, { bold: true, size: UNIT_SIZE })] }),
  );
  if (t.place)
    out.push(
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(t.place, { bold: true, size: UNIT_SIZE })] }),
    );
  out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(t.date)] }));
  return out;
}

function documentSections(
  doc: ReportDocument,
  digits: ReportModel["digits"],
  charts: ChartPlacement[],
): ISectionOptions[] {
  const runs = orientationRuns(doc.blocks);
  const sections: ISectionOptions[] = [];
  runs.forEach((r, i) => {
    const textWidth = r.landscape ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
    const children: (Paragraph | Table)[] = [];
    if (i === 0) children.push(...titleParagraphs(doc));
    for (const b of r.blocks) {
      children.push(...renderBlock(b, textWidth));
      // a native chart after the table it draws: a marker paragraph here, the chart patched in after packing
      if (b.kind === "table")
        for (const chart of doc.charts ?? []) {
          if (chart.afterTable !== b.id) continue;
          const marker = markerText(charts.length);
          charts.push({ chart, marker, widthTwips: textWidth });
          children.push(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              keepLines: true,
              spacing: { before: 120, after: 240 },
              children: [new TextRun(marker)],
            }),
          );
        }
    }
    const first = i === 0;
    sections.push({
      properties: {
        titlePage: first,
        page: {
          size: {
            width: A4.width,
            height: A4.height,
            orientation: r.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: r.landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN,
          pageNumbers: {
            start: first ? 1 : undefined,
            formatType: digits === "thai" ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL,
          },
        },
      },
      headers: first
        ? { default: pageHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) }
        : { default: pageHeader() },
      children,
    });
  });
  return sections;
}

/** The .docx of one or both documents, as bytes. */
export async function reportDocx(
  model: ReportModel,
  which: "both" | "analysis" | "measures" = "both",
): Promise<Uint8Array> {
  const docs =
    which === "both"
      ? [model.analysisDoc, model.measuresDoc]
      : which === "analysis"
        ? [model.analysisDoc]
        : [model.measuresDoc];
  return documentsDocx(docs, model.digits);
}

/** The .docx of any report documents (the unit's two, or the consolidated summary), as bytes. */
export async function documentsDocx(docs: ReportDocument[], digits: ReportModel["digits"]): Promise<Uint8Array> {
  const charts: ChartPlacement[] = [];
  const document = new Document({
    creator: "ITA Analyzer",
    title: docs.map((d) => d.shortTitle).join(" / "),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, sizeComplexScript: BODY_SIZE },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        heading1: {
          run: HEADING_RUN,
          paragraph: { spacing: { before: 240, after: 60 }, keepNext: true, keepLines: true },
        },
        heading2: {
          run: HEADING_RUN,
          paragraph: {
            spacing: { before: 120, after: 0 },
            keepNext: true,
            keepLines: true,
            indent: { left: Math.round(1.25 * CM) },
          },
        },
      },
      paragraphStyles: [
        {
          id: "ReportTitle",
          name: "Report Title",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { font: FONT, size: TITLE_SIZE, sizeComplexScript: TITLE_SIZE, bold: true, boldComplexScript: true },
          paragraph: { alignment: AlignmentType.CENTER, keepNext: true },
        },
      ],
    },
    sections: docs.flatMap((d) => documentSections(d, digits, charts)),
  });
  const buffer = await Packer.toArrayBuffer(document);
  return embedCharts(new Uint8Array(buffer), charts, REPORT_FONT);
}
