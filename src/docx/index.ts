/**
 * Writes the report model (src/report) as a .docx with the `docx` package, set as Thai
 * official documents are: A4, TH Sarabun New 16 pt (complex-script size too), bold headings,
 * landscape sections only for wide tables, grouped (orientationRuns), column widths from the
 * content (src/report/tableLayout.ts), repeated table header rows, rows that do not split, group
 * and total rows kept with the next row, introductions kept with their tables, and page numbers
 * "- ๒ -" at the top from the second page of each document.
 * Works in Node and in a browser bundle (Packer.toArrayBuffer exists in both).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  HeightRule,
  ImageRun,
  LeaderType,
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
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from "docx";
import {
  memoFieldText,
  rulingLines,
  blockHeight,
  orientationRuns,
  PAGE,
  signerLines,
  tableSizePt,
  TEXT_HEIGHT,
  TEXT_WIDTH,
  type Align,
  type Block,
  type MemoField,
  type MemoHeaderBlock,
  type RulingBlock,
  type Signer,
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
const A4 = PAGE.a4;
const PORTRAIT_MARGIN = PAGE.portraitMargin;
const LANDSCAPE_MARGIN = PAGE.landscapeMargin;
const PORTRAIT_TEXT_WIDTH = TEXT_WIDTH.portrait;
const LANDSCAPE_TEXT_WIDTH = TEXT_WIDTH.landscape;
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

/** The memo's heading "บันทึกข้อความ": 29 pt bold (the correspondence rules' form). */
const MEMO_HEADING_SIZE = 58;
/** The memo's header labels (ส่วนราชการ, ที่, วันที่, เรื่อง): 20 pt bold. */
const MEMO_LABEL_SIZE = 40;
/** The emblem on a memo: 1.5 cm high, in the docx package's pixels (96 per inch). */
export const EMBLEM_HEIGHT_PX = (1.5 / 2.54) * 96;

/**
 * "พ.ศ." and "ค.ศ." stay on the line of their year: the space after them becomes a no-break space
 * (U+00A0), which Word and LibreOffice honour, so a caption never ends in "พ.ศ." with the year below.
 */
export function keepEraWithYear(text: string): string {
  return text.replace(/([พค]\.ศ\.) (?=[0-9๐-๙])/g, "$1\u00a0");
}

function run(text: string, opts: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({
    text: keepEraWithYear(text),
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

/** Tables estimated at most this share of a page are kept on one page. */
const KEEP_TOGETHER_SHARE = 0.5;

function renderTable(t: TableBlock): Table {
  // a table keeps the width it was laid out for, also on a landscape page it shares
  const textWidth = t.landscape ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
  const colWidths = t.widths.map((w) => Math.round((w / 100) * textWidth));
  const total = colWidths.reduce((a, b) => a + b, 0);
  const size = tableSizePt(t) === BODY_SIZE / 2 ? undefined : tableSizePt(t) * 2;
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
  // keep a short table on one page; a longer one may break between rows (a chain of kept rows
  // longer than the page would push the whole table, and its heading, to the next page)
  const keep =
    blockHeight(t, t.landscape) <= KEEP_TOGETHER_SHARE * (t.landscape ? TEXT_HEIGHT.landscape : TEXT_HEIGHT.portrait);
  t.rows.forEach((r, ri) => {
    // short tables stay whole; a group or total row always stays with the row after it
    const keepNext = ri < t.rows.length - 1 && (keep || !!r.group || !!r.total);
    let col = 0;
    const cells = r.cells.map((c) => {
      const span = c.colSpan ?? 1;
      const cellCol = col;
      col += span;
      return new TableCell({
        children: renderCellParagraphs(c, t.align[cellCol] ?? "left", !!(r.group || r.total), keepNext, size),
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

/** A run of dots the model uses for a blank to fill by hand (≥ 8 dots). */
const DOTTED = /^(.*?)\s*(\.{8,})$/s;

/**
 * A paragraph's text whose trailing dots are a blank to fill by hand: the dots become a tab with a
 * dot leader to `stop` (twips), so the dotted line ends at the margin in Word and LibreOffice alike.
 */
function dottedRuns(text: string, opts: { bold?: boolean; size?: number } = {}): TextRun[] {
  const m = DOTTED.exec(text);
  if (!m) return [run(text, opts)];
  return m[1] ? [run(`${m[1]} `, opts), new TextRun({ text: "\t" })] : [new TextRun({ text: "\t" })];
}

function isDotted(text: string): boolean {
  return /^\.{8,}$/.test(text);
}

/** A memo header field: its label bold at 20 pt, its value at the body size (or a tab to a dot leader). */
function fieldRuns(f: MemoField): TextRun[] {
  const label = run(f.label, { bold: true, size: MEMO_LABEL_SIZE });
  return isDotted(f.value) ? [label, run(" "), new TextRun({ text: "\t" })] : [label, run(`  ${f.value}`)];
}

function emblemRun(b: MemoHeaderBlock): ImageRun | null {
  const e = b.emblem;
  if (!e) return null;
  const ratio = e.width && e.height ? e.width / e.height : 1;
  return new ImageRun({
    type: e.type === "png" ? "png" : "jpg",
    data: e.data,
    transformation: { width: EMBLEM_HEIGHT_PX * ratio, height: EMBLEM_HEIGHT_PX },
    altText: { name: "emblem", title: "ตราครุฑ", description: "ตราครุฑ" },
  });
}

function renderMemoHeader(b: MemoHeaderBlock, textWidth: number): Paragraph[] {
  const emblem = emblemRun(b);
  const out: Paragraph[] = [
    new Paragraph({
      keepNext: true,
      spacing: { after: 120 },
      tabStops: [{ type: TabStopType.CENTER, position: Math.round(textWidth / 2) }],
      children: [
        ...(emblem ? [emblem] : []),
        new TextRun({ text: "\t" }),
        run(b.heading, { bold: true, size: MEMO_HEADING_SIZE }),
      ],
    }),
  ];
  const half = Math.round(textWidth * 0.45);
  for (const line of b.lines) {
    if (line.length === 2) {
      const [first, second] = line;
      out.push(
        new Paragraph({
          keepNext: true,
          tabStops: [
            { type: TabStopType.LEFT, position: half, leader: isDotted(first.value) ? LeaderType.DOT : undefined },
            { type: TabStopType.RIGHT, position: textWidth, leader: LeaderType.DOT },
          ],
          children: [
            ...fieldRuns(first),
            ...(isDotted(first.value) ? [] : [new TextRun({ text: "\t" })]),
            ...fieldRuns(second),
          ],
        }),
      );
    } else {
      const f = line[0];
      // a long value (เรื่อง) wraps under itself, not under the label
      const hang = Math.round(1.3 * CM);
      out.push(
        new Paragraph({
          keepNext: true,
          alignment: AlignmentType.LEFT,
          indent: { left: hang, hanging: hang },
          tabStops: [{ type: TabStopType.RIGHT, position: textWidth, leader: LeaderType.DOT }],
          children: fieldRuns(f),
        }),
      );
    }
  }
  out.push(
    new Paragraph({
      spacing: { before: 200, after: 120 },
      tabStops: [{ type: TabStopType.RIGHT, position: textWidth, leader: LeaderType.DOT }],
      children: isDotted(b.to.value)
        ? [run(`${b.to.label} `), new TextRun({ text: "\t" })]
        : [run(memoFieldText([b.to]))],
    }),
  );
  return out;
}

/** A signer's lines, centred in the right part of the page (as the signature block sets them). */
function signerParagraphs(s: Signer, textWidth: number, lines = signerLines(s), last = false): Paragraph[] {
  const left = Math.round(textWidth * 0.35);
  return lines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: { left },
        keepNext: !(last && i === lines.length - 1),
        keepLines: true,
        children: [run(line)],
      }),
  );
}

function renderRuling(b: RulingBlock, textWidth: number): Paragraph[] {
  const [title, options, ...comment] = rulingLines(b);
  const dotted = { tabStops: [{ type: TabStopType.RIGHT, position: textWidth, leader: LeaderType.DOT }] };
  // set apart by spacing rather than blank lines, so the ruling fits under a signature more often
  return [
    new Paragraph({ keepNext: true, spacing: { before: 360 }, children: [run(title, { bold: true })] }),
    new Paragraph({ keepNext: true, spacing: { before: 60, after: 60 }, children: [run(options)] }),
    ...comment.map((c) => new Paragraph({ keepNext: true, ...dotted, children: dottedRuns(c) })),
    new Paragraph({ children: [], keepNext: true, spacing: { before: 240 } }),
    ...signerParagraphs(b.signer, textWidth, signerLines(b.signer), true),
  ];
}

/**
 * `next` is the block after `b`: a paragraph that introduces a table or a list keeps with it. `memo`:
 * the block belongs to the memo (its parts are indented).
 */
function renderBlock(b: Block, textWidth: number, next?: Block, memo = false): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [
        new Paragraph({
          style: b.level === 1 ? "Heading1" : "Heading2",
          // a memo's parts (๑. เรื่องเดิม …) start at the paragraph indent
          indent: memo && b.level === 1 ? { left: FIRST_LINE_INDENT } : undefined,
          children: [run(b.text)],
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          alignment: b.align ? alignment(b.align) : AlignmentType.THAI_DISTRIBUTE,
          indent: b.indent ? { firstLine: FIRST_LINE_INDENT } : undefined,
          spacing: b.note ? { before: 120, after: 60 } : undefined,
          keepNext: b.keepNext || next?.kind === "table" || next?.kind === "bullets" ? true : undefined,
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
      out.push(renderTable(b));
      out.push(new Paragraph({ children: [], spacing: { after: 0 } }));
      return out;
    }
    case "signature": {
      const out: Paragraph[] = [];
      b.signers.forEach((s, i) => {
        out.push(new Paragraph({ children: [], keepNext: true, spacing: { before: 240 } }));
        // the block keeps together, not with what follows it (a memo's ruling may start a page)
        out.push(...signerParagraphs(s, textWidth, signerLines(s), i === b.signers.length - 1));
      });
      return out;
    }
    case "memoHeader":
      return renderMemoHeader(b, textWidth);
    case "ruling":
      return renderRuling(b, textWidth);
  }
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
  const runs = orientationRuns(doc.blocks, doc.charts);
  const sections: ISectionOptions[] = [];
  runs.forEach((r, i) => {
    const textWidth = r.landscape ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
    const children: (Paragraph | Table)[] = [];
    // a memo has no title block: its memoHeader heads it
    if (i === 0 && doc.id !== "memo") children.push(...titleParagraphs(doc));
    r.blocks.forEach((b, k) => {
      children.push(...renderBlock(b, textWidth, r.blocks[k + 1], doc.id === "memo"));
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
    });
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

/** Which documents a .docx holds: the two published ones, all three (the memo first), or one. */
export type DocxSelection = "both" | "all" | "analysis" | "measures" | "memo";

/** The documents of a selection, in the order they are written. */
export function selectedDocuments(model: ReportModel, which: DocxSelection): ReportDocument[] {
  switch (which) {
    case "both":
      return [model.analysisDoc, model.measuresDoc];
    case "all":
      return [model.memoDoc, model.analysisDoc, model.measuresDoc];
    case "analysis":
      return [model.analysisDoc];
    case "measures":
      return [model.measuresDoc];
    case "memo":
      return [model.memoDoc];
  }
}

/** The .docx of the selected documents (default: the two published ones), as bytes. */
export async function reportDocx(model: ReportModel, which: DocxSelection = "both"): Promise<Uint8Array> {
  return documentsDocx(selectedDocuments(model, which), model.digits);
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
