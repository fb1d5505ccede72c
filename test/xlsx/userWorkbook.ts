/**
 * A workbook like the ones users bring: the sample layout sheets plus what people keep around
 * them. ExcelJS (a common spreadsheet library) writes an image, comments, data validation,
 * conditional formats, a defined name and a hidden sheet; then parts ExcelJS cannot write are
 * added to the package as Excel lays them out: a pivot table with its cache, a chart on a
 * sheet of the user's, and custom XML.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { chartXml, drawingXml } from "../../src/ooxml/chartXml";
import { attrs, parseRels, relsPartOf, relsXml, resolveTarget, setOverride, REL } from "../../src/ooxml/xml";
import { ZipPackage } from "../../src/ooxml/zip";

export const SAMPLE = path.join(__dirname, "..", "..", "samples", "ita-sample.xlsx");

/** A 2×2 PNG (red, green / blue, white). */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAAMIM/4EAAB/uBfsL2WiLAAAAAElFTkSuQmCC",
  "base64",
);

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Part name of a sheet by its name. */
export function sheetPart(pkg: ZipPackage, name: string): string {
  const wb = pkg.readText("xl/workbook.xml")!;
  const rels = parseRels(pkg.readText("xl/_rels/workbook.xml.rels"));
  const tag = [...wb.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => attrs(m[0])).find((a) => a.name === name);
  if (!tag) throw new Error(`no sheet ${name}`);
  return resolveTarget("xl/workbook.xml", rels.find((r) => r.id === tag["r:id"])!.target);
}

/** The layout sheets only, written by ExcelJS with the user's extras (what the reader can read today). */
export async function excelJsPart(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);

  const extra = wb.addWorksheet("ข้อมูลเพิ่มเติม");
  extra.getCell("A1").value = "รายการ";
  extra.getCell("B1").value = "ประเภท";
  extra.getCell("C1").value = "งบประมาณ";
  [
    ["อบรมคุณธรรม", "อบรม", 12000],
    ["ปรับปรุงเว็บไซต์", "จัดซื้อ", 35000],
    ["แผ่นพับ", "จัดซื้อ", 4500],
    ["สำรวจความพึงพอใจ", "สำรวจ", 8000],
  ].forEach((r, i) => (extra.getRow(i + 2).values = r));
  extra.getCell("A1").note = "หมายเหตุของผู้ใช้: ตัวเลขประมาณการ";
  extra.getCell("B2").dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: ['"อบรม,จัดซื้อ,สำรวจ"'],
  };
  extra.addConditionalFormatting({
    ref: "C2:C5",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: [10000],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  });
  extra.getCell("C6").value = { formula: "SUM(C2:C5)", result: 59500 };
  wb.definedNames.add("'ข้อมูลเพิ่มเติม'!$C$2:$C$5", "งบประมาณรวม");
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  extra.addImage(image, { tl: { col: 4, row: 1 }, ext: { width: 64, height: 64 } });

  const hidden = wb.addWorksheet("ข้อมูลซ่อน", { state: "hidden" });
  hidden.getCell("A1").value = "ข้อมูลที่ผู้ใช้ซ่อนไว้";

  const pivotData = wb.addWorksheet("สรุปสาขา");
  pivotData.getRow(1).values = ["หมวด", "ค่า"];
  pivotData.getRow(2).values = ["ก", 1];
  pivotData.getRow(3).values = ["ข", 2];
  pivotData.getRow(1).getCell(4).value = "Row Labels";
  pivotData.getRow(1).getCell(5).value = "Sum of ค่า";
  pivotData.getRow(2).getCell(4).value = "ก";
  pivotData.getRow(2).getCell(5).value = 1;
  pivotData.getRow(3).getCell(4).value = "ข";
  pivotData.getRow(3).getCell(5).value = 2;
  pivotData.getRow(4).getCell(4).value = "Grand Total";
  pivotData.getRow(4).getCell(5).value = 3;

  const charts = wb.addWorksheet("กราฟของฉัน");
  charts.getRow(1).values = ["เดือน", "ผู้มาติดต่อ"];
  ["ต.ค.", "พ.ย.", "ธ.ค."].forEach((m, i) => (charts.getRow(i + 2).values = [m, 40 + i * 5]));

  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function addToWorksheet(pkg: ZipPackage, part: string, element: string): void {
  const xml = pkg.readText(part)!;
  pkg.write(part, xml.replace(/(<tableParts\b|<extLst>|<\/worksheet>)/, `${element}$1`));
}

function addRel(pkg: ZipPackage, source: string, type: string, targetPart: string, relative: string): string {
  const relsPart = relsPartOf(source);
  const rels = parseRels(pkg.readText(relsPart));
  const id = `rIdU${rels.length + 1}`;
  rels.push({ id, type, target: relative });
  pkg.write(relsPart, relsXml(rels));
  void targetPart;
  return id;
}

/** The full user workbook: ExcelJS's parts plus a pivot table, a chart and custom XML. */
export async function userWorkbook(): Promise<{ full: Uint8Array; layoutOnly: Uint8Array }> {
  const layoutOnly = await excelJsPart();
  const pkg = new ZipPackage(layoutOnly);
  let ct = pkg.readText("[Content_Types].xml")!;

  // custom XML, related from the workbook as Excel does
  pkg.write("customXml/item1.xml", '<?xml version="1.0" encoding="UTF-8"?><หน่วยงาน รหัส="12345">อบต.ตัวอย่าง</หน่วยงาน>');
  pkg.write(
    "customXml/itemProps1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6C1A3F9E-2B7D-4E51-9A0C-3D8E1F2A4B5C}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>',
  );
  pkg.write(
    "customXml/_rels/item1.xml.rels",
    relsXml([{ id: "rId1", type: `${R}/customXmlProps`, target: "itemProps1.xml" }]),
  );
  ct = setOverride(
    ct,
    "customXml/itemProps1.xml",
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  );
  addRel(pkg, "xl/workbook.xml", `${R}/customXml`, "customXml/item1.xml", "../customXml/item1.xml");

  // a pivot table on 'สรุปสาขา' (source A1:B3, output D1:E4)
  const pivotSheet = sheetPart(pkg, "สรุปสาขา");
  pkg.write(
    "xl/pivotCache/pivotCacheDefinition1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshedBy="ผู้ใช้" refreshedDate="45000" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="2">` +
      '<cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="สรุปสาขา"/></cacheSource>' +
      '<cacheFields count="2"><cacheField name="หมวด" numFmtId="0"><sharedItems count="2"><s v="ก"/><s v="ข"/></sharedItems></cacheField>' +
      '<cacheField name="ค่า" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="2"/></cacheField></cacheFields>' +
      "</pivotCacheDefinition>",
  );
  pkg.write(
    "xl/pivotCache/pivotCacheRecords1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheRecords xmlns="${MAIN}" xmlns:r="${R}" count="2"><r><x v="0"/><n v="1"/></r><r><x v="1"/><n v="2"/></r></pivotCacheRecords>`,
  );
  pkg.write(
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
    relsXml([{ id: "rId1", type: `${R}/pivotCacheRecords`, target: "pivotCacheRecords1.xml" }]),
  );
  pkg.write(
    "xl/pivotTables/pivotTable1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1">` +
      '<location ref="D1:E4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>' +
      '<pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>' +
      '<rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems>' +
      '<colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of ค่า" fld="1" baseField="0" baseItem="0"/></dataFields>' +
      "</pivotTableDefinition>",
  );
  pkg.write(
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    relsXml([{ id: "rId1", type: `${R}/pivotCacheDefinition`, target: "../pivotCache/pivotCacheDefinition1.xml" }]),
  );
  addRel(pkg, pivotSheet, `${R}/pivotTable`, "xl/pivotTables/pivotTable1.xml", "../pivotTables/pivotTable1.xml");
  const cacheRel = addRel(
    pkg,
    "xl/workbook.xml",
    `${R}/pivotCacheDefinition`,
    "xl/pivotCache/pivotCacheDefinition1.xml",
    "pivotCache/pivotCacheDefinition1.xml",
  );
  const wbXml = pkg.readText("xl/workbook.xml")!;
  pkg.write(
    "xl/workbook.xml",
    wbXml.replace(/<\/workbook>/, `<pivotCaches><pivotCache cacheId="1" r:id="${cacheRel}"/></pivotCaches></workbook>`),
  );
  ct = setOverride(
    ct,
    "xl/pivotCache/pivotCacheDefinition1.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
  );
  ct = setOverride(
    ct,
    "xl/pivotCache/pivotCacheRecords1.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
  );
  ct = setOverride(
    ct,
    "xl/pivotTables/pivotTable1.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
  );

  // the user's own chart on 'กราฟของฉัน'
  const chartSheet = sheetPart(pkg, "กราฟของฉัน");
  const spec = {
    id: "myChart",
    kind: "columnClustered" as const,
    title: "ผู้มาติดต่อรายเดือน",
    dataRange: "A1:B4",
    topLeft: "D2",
    bottomRight: "K16",
  };
  pkg.write(
    "xl/charts/chart1.xml",
    chartXml(
      spec,
      {
        categories: ["ต.ค.", "พ.ย.", "ธ.ค."],
        categoriesRef: "'กราฟของฉัน'!$A$2:$A$4",
        series: [
          { name: "ผู้มาติดต่อ", values: [40, 45, 50], nameRef: "'กราฟของฉัน'!$B$1", valuesRef: "'กราฟของฉัน'!$B$2:$B$4" },
        ],
      },
      { font: "Calibri", size: 10 },
    ),
  );
  pkg.write("xl/drawings/drawing9.xml", drawingXml([{ spec, relId: "rId1" }]));
  pkg.write(
    "xl/drawings/_rels/drawing9.xml.rels",
    relsXml([{ id: "rId1", type: REL.chart, target: "../charts/chart1.xml" }]),
  );
  const drawingRel = addRel(pkg, chartSheet, REL.drawing, "xl/drawings/drawing9.xml", "../drawings/drawing9.xml");
  addToWorksheet(pkg, chartSheet, `<drawing r:id="${drawingRel}"/>`);
  ct = setOverride(ct, "xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
  ct = setOverride(ct, "xl/drawings/drawing9.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");

  pkg.write("[Content_Types].xml", ct);
  return { full: pkg.toBytes(), layoutOnly };
}

/** Writes the user workbook to a file (for looking at it by hand). */
export async function writeUserWorkbook(file: string): Promise<void> {
  await fs.writeFile(file, (await userWorkbook()).full);
}
