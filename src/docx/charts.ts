/**
 * Native Word charts in the .docx: the `docx` package cannot write charts, so the writer leaves
 * a marker paragraph where each chart goes, and this module patches the package afterwards:
 * a DrawingML chart part (word/charts/chartN.xml, the same chart XML as the .xlsx charts) with
 * its data embedded as a small workbook (word/embeddings/…xlsx, so "Edit Data" works in Word),
 * related from the document, and the marker's run replaced by an inline drawing.
 */
import { chartXml } from "../ooxml/chartXml";
import { quoteSheet } from "../ooxml/sheetXml";
import { gridWorkbook } from "../ooxml/workbook";
import { CONTENT_TYPE, ensureDefault, esc, freeRelId, NS, parseRels, REL, relsXml, setOverride } from "../ooxml/xml";
import { ZipPackage } from "../ooxml/zip";
import type { ReportChart } from "../report";

export interface ChartPlacement {
  chart: ReportChart;
  /** Text of the marker paragraph's run. */
  marker: string;
  /** Width in twips (the text width of its page). */
  widthTwips: number;
}

/** EMU per twip (914400 per inch / 1440). */
const EMU_PER_TWIP = 635;
const WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

export function markerText(k: number): string {
  return `ITA-CHART-${k}-MARKER`;
}

/** The chart's data as a one-sheet workbook, and the references into it. */
function embedded(chart: ReportChart): { bytes: Uint8Array; refs: { cat: string; names: string[]; values: string[] } } {
  const rows = [
    ["", ...chart.series.map((s) => s.name)],
    ...chart.categories.map((c, i) => [c, ...chart.series.map((s) => s.values[i])]),
  ];
  const n = chart.categories.length;
  const col = (k: number) => String.fromCharCode(66 + k); // B, C, … (series are few)
  const q = quoteSheet("Sheet1");
  return {
    bytes: gridWorkbook("Sheet1", rows, [16, ...chart.series.map(() => 14)]),
    refs: {
      cat: `${q}!$A$2:$A$${n + 1}`,
      names: chart.series.map((_, k) => `${q}!$${col(k)}$1`),
      values: chart.series.map((_, k) => `${q}!$${col(k)}$2:$${col(k)}$${n + 1}`),
    },
  };
}

function inlineDrawing(relId: string, id: number, chart: ReportChart, widthTwips: number): string {
  const cx = Math.round(widthTwips * EMU_PER_TWIP);
  const cy = Math.round(cx * 0.62);
  return (
    `<w:r><w:drawing><wp:inline xmlns:wp="${WP}" distT="0" distB="0" distL="0" distR="0">` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${id}" name="${esc(chart.id)}" descr="${esc(chart.title)}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    "</wp:inline></w:drawing></w:r>"
  );
}

/** The .docx with each marker replaced by its chart. */
export function embedCharts(docx: Uint8Array, placements: ChartPlacement[], font: string): Uint8Array {
  if (!placements.length) return docx;
  const pkg = new ZipPackage(docx);
  const docPart = "word/document.xml";
  const relsPart = "word/_rels/document.xml.rels";
  let doc = pkg.readText(docPart);
  if (!doc) throw new Error("no word/document.xml");
  const rels = parseRels(pkg.readText(relsPart));
  let ct = pkg.readText("[Content_Types].xml") ?? "";
  ct = ensureDefault(ct, "xlsx", CONTENT_TYPE.xlsx);
  placements.forEach((p, k) => {
    const n = k + 1;
    const chartPart = `word/charts/chart${n}.xml`;
    const workbookPart = `word/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`;
    const data = embedded(p.chart);
    pkg.write(workbookPart, data.bytes);
    pkg.write(
      `word/charts/_rels/chart${n}.xml.rels`,
      relsXml([{ id: "rId1", type: REL.package, target: `../embeddings/Microsoft_Excel_Worksheet${n}.xlsx` }]),
    );
    pkg.write(
      chartPart,
      chartXml(
        p.chart,
        {
          categories: p.chart.categories,
          categoriesRef: data.refs.cat,
          series: p.chart.series.map((s, i) => ({
            name: s.name,
            values: s.values,
            nameRef: data.refs.names[i],
            valuesRef: data.refs.values[i],
          })),
        },
        { font, size: 13, externalDataRelId: "rId1" },
      ),
    );
    ct = setOverride(ct, chartPart, CONTENT_TYPE.chart);
    const relId = freeRelId(rels);
    rels.push({ id: relId, type: REL.chart, target: `charts/chart${n}.xml` });
    // the marker's run: <w:r>…<w:t …>MARKER</w:t></w:r>
    const run = new RegExp(`<w:r>(?:(?!</w:r>)[\\s\\S])*?${p.marker}(?:(?!</w:r>)[\\s\\S])*?</w:r>`);
    if (!run.test(doc!)) throw new Error(`chart marker ${p.marker} not found`);
    doc = doc!.replace(run, inlineDrawing(relId, 9000 + n, p.chart, p.widthTwips));
  });
  pkg.write(docPart, doc);
  pkg.write(relsPart, relsXml(rels));
  pkg.write("[Content_Types].xml", ct);
  return pkg.toBytes();
}
