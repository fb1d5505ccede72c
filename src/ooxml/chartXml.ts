/**
 * DrawingML charts (ECMA-376 Part 1 §21.2) from the one ChartSpec of a SheetSpec: the same
 * three charts the Office.js adapter draws. In a workbook the series point at the generated
 * sheet's cells (c:f), with cached values so any reader shows them before recalculating;
 * in a Word document they point at the embedded workbook.
 */
import { a1, parseA1 } from "../layout/grid";
import type { ChartSpec, Grid } from "../layout/sheetSpec";
import { quoteSheet } from "./sheetXml";
import { esc, NS, XML_HEAD } from "./xml";

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  /** Formula of the series name cell and of the values, e.g. 'Sheet'!$L$5. */
  nameRef?: string;
  valuesRef?: string;
}

export interface ChartData {
  categories: string[];
  categoriesRef?: string;
  series: ChartSeries[];
}

const abs = (row: number, col: number) => a1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

/** The categories and series of a chart, read from the sheet's rows (series by columns). */
export function chartDataFromRows(spec: ChartSpec, rows: Grid, sheetName: string): ChartData {
  const [from, to = from] = spec.dataRange.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  const cell = (r: number, c: number) => rows[r]?.[c] ?? null;
  const sheet = quoteSheet(sheetName);
  const categories: string[] = [];
  for (let r = a.row + 1; r <= b.row; r++) {
    const v = cell(r, a.col);
    categories.push(v === null ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  }
  const series: ChartSeries[] = [];
  for (let c = a.col + 1; c <= b.col; c++) {
    const values: (number | null)[] = [];
    for (let r = a.row + 1; r <= b.row; r++) {
      const v = cell(r, c);
      values.push(typeof v === "number" && Number.isFinite(v) ? v : null);
    }
    series.push({
      name: String(cell(a.row, c) ?? ""),
      values,
      nameRef: `${sheet}!${abs(a.row, c)}`,
      valuesRef: `${sheet}!${abs(a.row + 1, c)}:${abs(b.row, c)}`,
    });
  }
  return {
    categories,
    categoriesRef: `${sheet}!${abs(a.row + 1, a.col)}:${abs(b.row, a.col)}`,
    series,
  };
}

export interface ChartStyle {
  font: string;
  /** Text size in points. */
  size: number;
  /** Relationship id of the embedded workbook (Word charts). */
  externalDataRelId?: string;
}

/** Series colours: scores blue, the pass line red; the trend's total dark blue; pie slices by status. */
const SERIES_COLORS = ["2E75B6", "C00000", "ED7D31", "70AD47", "FFC000", "7030A0"];
const TREND_COLORS = ["1F4E79", "ED7D31", "70AD47", "FFC000", "7030A0"];
const PIE_COLORS = ["C00000", "FFC000", "70AD47", "A6A6A6", "2E75B6", "7030A0"];

function runProps(style: ChartStyle, size: number, bold: boolean): string {
  return (
    `sz="${Math.round(size * 100)}" b="${bold ? 1 : 0}">` +
    `<a:solidFill><a:srgbClr val="262626"/></a:solidFill>` +
    `<a:latin typeface="${esc(style.font)}"/><a:cs typeface="${esc(style.font)}"/>`
  );
}

function textProps(style: ChartStyle, size: number, bold = false): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${runProps(style, size, bold)}</a:defRPr></a:pPr><a:endParaRPr lang="th-TH"/></a:p></c:txPr>`;
}

function titleXml(text: string, style: ChartStyle, size: number, bold: boolean): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${runProps(style, size, bold)}</a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="th-TH" ${runProps(style, size, bold)}</a:rPr><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

function strRef(ref: string | undefined, values: string[]): string {
  const cache =
    `<c:ptCount val="${values.length}"/>` +
    values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join("");
  return ref
    ? `<c:strRef><c:f>${esc(ref)}</c:f><c:strCache>${cache}</c:strCache></c:strRef>`
    : `<c:strLit>${cache}</c:strLit>`;
}

function numRef(ref: string | undefined, values: (number | null)[]): string {
  const cache =
    `<c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return ref
    ? `<c:numRef><c:f>${esc(ref)}</c:f><c:numCache>${cache}</c:numCache></c:numRef>`
    : `<c:numLit>${cache}</c:numLit>`;
}

function fill(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
}

function seriesXml(
  s: ChartSeries,
  i: number,
  data: ChartData,
  as: "bar" | "line" | "pie",
  color: string,
  dashed: boolean,
): string {
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(s.nameRef, [s.name])}</c:tx>`;
  const cat = `<c:cat>${strRef(data.categoriesRef, data.categories)}</c:cat>`;
  const val = `<c:val>${numRef(s.valuesRef, s.values)}</c:val>`;
  if (as === "bar")
    return `<c:ser>${head}<c:spPr>${fill(color)}</c:spPr><c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
  if (as === "line") {
    const line = `<c:spPr><a:ln w="28575" cap="rnd">${fill(color)}${dashed ? '<a:prstDash val="dash"/>' : ""}<a:round/></a:ln></c:spPr>`;
    const marker = dashed
      ? '<c:marker><c:symbol val="none"/></c:marker>'
      : `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${fill(color)}<a:ln>${fill(color)}</a:ln></c:spPr></c:marker>`;
    return `<c:ser>${head}${line}${marker}${cat}${val}<c:smooth val="0"/></c:ser>`;
  }
  const points = data.categories
    .map(
      (_, k) =>
        `<c:dPt><c:idx val="${k}"/><c:bubble3D val="0"/><c:spPr>${fill(PIE_COLORS[k % PIE_COLORS.length])}<a:ln w="12700">${fill("FFFFFF")}</a:ln></c:spPr></c:dPt>`,
    )
    .join("");
  const labels =
    '<c:dLbls><c:numFmt formatCode="0" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>' +
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:separator>; </c:separator><c:showLeaderLines val="1"/></c:dLbls>';
  return `<c:ser>${head}${points}${labels}${cat}${val}</c:ser>`;
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

function axesXml(spec: ChartLook, style: ChartStyle, horizontal: boolean): string {
  const va = spec.valueAxis ?? {};
  const scaling =
    '<c:scaling><c:orientation val="minMax"/>' +
    (va.max !== undefined ? `<c:max val="${va.max}"/>` : "") +
    (va.min !== undefined ? `<c:min val="${va.min}"/>` : "") +
    "</c:scaling>";
  const line = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>';
  const cat =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "l" : "b"}"/>` +
    (spec.categoryAxisTitle ? titleXml(spec.categoryAxisTitle, style, style.size, true) : "") +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    line +
    textProps(style, style.size) +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const val =
    `<c:valAx><c:axId val="${VAL_AX}"/>${scaling}<c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/>` +
    '<c:majorGridlines><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    (va.title ? titleXml(va.title, style, style.size, true) : "") +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    line +
    textProps(style, style.size) +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return cat + val;
}

/** What the chart part needs of a ChartSpec (a report chart has no cells or position). */
export type ChartLook = Pick<ChartSpec, "kind" | "title" | "lineSeries" | "valueAxis" | "categoryAxisTitle"> &
  Partial<Pick<ChartSpec, "seriesColors">>;

/** The chart part (c:chartSpace) of a spec and its data. */
export function chartXml(spec: ChartLook, data: ChartData, style: ChartStyle): string {
  const lines = new Set(spec.lineSeries ?? []);
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  let plot: string;
  if (spec.kind === "pie") {
    plot =
      '<c:pieChart><c:varyColors val="1"/>' +
      data.series.map((s, i) => seriesXml(s, i, data, "pie", "", false)).join("") +
      '<c:firstSliceAng val="0"/></c:pieChart>';
  } else if (spec.kind === "line") {
    plot =
      '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
      data.series.map((s, i) => seriesXml(s, i, data, "line", TREND_COLORS[i % TREND_COLORS.length], false)).join("") +
      `<c:marker val="1"/>${axIds}</c:lineChart>` +
      axesXml(spec, style, false);
  } else {
    const horizontal = spec.kind === "barClustered";
    const stacked = spec.kind === "columnStacked";
    const colorOf = (i: number) => spec.seriesColors?.[i] ?? SERIES_COLORS[i % SERIES_COLORS.length];
    const bars = data.series.map((s, i) => ({ s, i })).filter(({ i }) => !lines.has(i));
    const lineSeries = data.series.map((s, i) => ({ s, i })).filter(({ i }) => lines.has(i));
    plot =
      `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>` +
      bars.map(({ s, i }) => seriesXml(s, i, data, "bar", colorOf(i), false)).join("") +
      `<c:gapWidth val="60"/>${stacked ? '<c:overlap val="100"/>' : ""}${axIds}</c:barChart>` +
      (lineSeries.length
        ? '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
          lineSeries.map(({ s, i }) => seriesXml(s, i, data, "line", "C00000", true)).join("") +
          `<c:marker val="1"/>${axIds}</c:lineChart>`
        : "") +
      axesXml(spec, style, horizontal);
  }
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    '<c:date1904 val="0"/><c:lang val="th-TH"/><c:roundedCorners val="0"/>' +
    `<c:chart>${titleXml(spec.title, style, style.size + 2, true)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(style, style.size)}</c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `<c:spPr>${fill("FFFFFF")}<a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    textProps(style, style.size) +
    (style.externalDataRelId
      ? `<c:externalData r:id="${style.externalDataRelId}"><c:autoUpdate val="0"/></c:externalData>`
      : "") +
    "</c:chartSpace>"
  );
}

/** The drawing part of a sheet: one two-cell anchor per chart, from its top-left cell to the end of its bottom-right cell. */
export function drawingXml(charts: Array<{ spec: ChartSpec; relId: string }>): string {
  const anchors = charts.map(({ spec, relId }, k) => {
    const from = parseA1(spec.topLeft);
    const to = parseA1(spec.bottomRight);
    const marker = (tag: string, col: number, row: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      "<xdr:twoCellAnchor>" +
      marker("from", from.col, from.row) +
      marker("to", to.col + 1, to.row + 1) +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${esc(spec.id)}" title="${esc(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
    );
  });
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join("")}</xdr:wsDr>`;
}
