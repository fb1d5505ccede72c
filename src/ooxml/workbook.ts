/**
 * The analysed copy, written by patching the user's package: each generated sheet (with its
 * drawing and native charts) is added, or replaces the sheet of the same name whole; the
 * workbook, its relationships, content types, defined names and styles get only what those
 * sheets need. Every other entry of the zip is copied raw (see zip.ts): the user's charts,
 * images, pivot tables, comments, custom XML… stay exactly as they were.
 * No Node APIs: this runs in the browser too.
 */
import { emptySheet, type Grid, type SheetSpec } from "../layout/sheetSpec";
import { chartDataFromRows, chartXml, drawingXml } from "./chartXml";
import { absoluteRows, quoteSheet, sheetXml } from "./sheetXml";
import { StylesPatch } from "./styles";
import {
  attrs,
  CONTENT_TYPE,
  esc,
  freeRelId,
  NS,
  parseRels,
  REL,
  relsPartOf,
  relsXml,
  removeOverride,
  resolveTarget,
  setOverride,
  XML_HEAD,
  type Relationship,
} from "./xml";
import { ZipPackage } from "./zip";

/** Font of the chart text (the sheets' font). */
const CHART_FONT = "TH Sarabun New";

interface SheetEntry {
  tag: string;
  name: string;
  sheetId: number;
  relId: string;
}

function sheetEntries(wbXml: string, rPrefix: string): SheetEntry[] {
  const sheets = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(wbXml);
  if (!sheets) return [];
  return [...sheets[1].matchAll(/<sheet\b[^>]*\/?>/g)].map((m) => {
    const a = attrs(m[0]);
    return { tag: m[0], name: a.name, sheetId: Number(a.sheetId), relId: a[`${rPrefix}:id`] };
  });
}

function relativeTo(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

function freePart(pkg: ZipPackage, taken: Set<string>, prefix: string, ext = ".xml"): string {
  const lower = new Set([...pkg.names(), ...taken].map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = `${prefix}${n}${ext}`;
    if (!lower.has(name.toLowerCase())) {
      taken.add(name);
      return name;
    }
  }
}

/** Parts owned by a sheet (drawings, their charts, comments, printer settings…), found through its rels. */
function ownedParts(pkg: ZipPackage, part: string, seen = new Set<string>()): string[] {
  const relsPart = relsPartOf(part);
  const rels = parseRels(pkg.readText(relsPart));
  const out: string[] = [];
  if (pkg.has(relsPart)) out.push(relsPart);
  for (const r of rels) {
    if (r.external) continue;
    const target = resolveTarget(part, r.target);
    if (seen.has(target) || !pkg.has(target)) continue;
    seen.add(target);
    out.push(target, ...ownedParts(pkg, target, seen));
  }
  return out;
}

/** Removes parts, except those still referenced by a relationship elsewhere in the package. */
function removeUnshared(pkg: ZipPackage, parts: string[], ct: { xml: string }): void {
  const removing = new Set(parts);
  const stillUsed = new Set<string>();
  for (const name of pkg.names()) {
    if (!name.endsWith(".rels") || removing.has(name)) continue;
    const source = name.replace(/_rels\/([^/]*)\.rels$/, "$1");
    for (const r of parseRels(pkg.readText(name))) if (!r.external) stillUsed.add(resolveTarget(source, r.target));
  }
  for (const p of parts) {
    if (stillUsed.has(p) && !p.endsWith(".rels")) continue;
    pkg.remove(p);
    ct.xml = removeOverride(ct.xml, p);
  }
}

/** Adds a defined name (print titles) to workbook.xml, creating <definedNames> where the schema wants it. */
function addDefinedName(wbXml: string, nameXml: string): string {
  if (/<definedNames\b[^>]*\/>/.test(wbXml))
    return wbXml.replace(/<definedNames\b[^>]*\/>/, `<definedNames>${nameXml}</definedNames>`);
  if (/<\/definedNames>/.test(wbXml)) return wbXml.replace(/<\/definedNames>/, `${nameXml}</definedNames>`);
  for (const after of ["</externalReferences>", "</functionGroups>", "</sheets>"]) {
    const i = wbXml.indexOf(after);
    if (i >= 0) {
      const at = i + after.length;
      return `${wbXml.slice(0, at)}<definedNames>${nameXml}</definedNames>${wbXml.slice(at)}`;
    }
  }
  return wbXml;
}

/** Removes the defined names scoped to a sheet (its print titles and the like). */
function removeSheetNames(wbXml: string, localSheetId: number): string {
  return wbXml
    .replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (all, a: string) =>
      attrs(a).localSheetId === String(localSheetId) ? "" : all,
    )
    .replace(/<definedNames>\s*<\/definedNames>/, "");
}

export class PackageError extends Error {}

/**
 * Writes the generated sheets into a copy of the package. Sheets named like a spec are
 * replaced whole (same position); other specs are added at the end.
 */
export function patchWorkbook(original: Uint8Array, specs: SheetSpec[]): Uint8Array {
  const pkg = new ZipPackage(original);
  const rootRels = parseRels(pkg.readText("_rels/.rels"));
  const officeDoc = rootRels.find((r) => r.type === REL.officeDocument);
  if (!officeDoc) throw new PackageError("no workbook in the package (_rels/.rels)");
  const wbPart = resolveTarget("", officeDoc.target);
  let wbXml = pkg.readText(wbPart);
  if (!wbXml) throw new PackageError(`missing ${wbPart}`);
  const wbRelsPart = relsPartOf(wbPart);
  const wbRels: Relationship[] = parseRels(pkg.readText(wbRelsPart));
  const ct = { xml: pkg.readText("[Content_Types].xml") ?? "" };
  if (!ct.xml) throw new PackageError("missing [Content_Types].xml");

  const rPrefix = new RegExp(`xmlns:(\\w+)="${NS.r}"`).exec(wbXml)?.[1];
  if (!rPrefix) throw new PackageError("workbook.xml has no relationships namespace");
  // we edit workbook.xml as text: only the usual unprefixed SpreadsheetML (Excel, LibreOffice, ExcelJS…)
  if (!new RegExp(`<workbook\\b[^>]*xmlns="${NS.main}"`).test(wbXml) || !/<sheets>[\s\S]*<\/sheets>/.test(wbXml))
    throw new PackageError("workbook.xml is not in the usual SpreadsheetML form");

  // styles: append to the workbook's own
  const stylesRel = wbRels.find((r) => r.type === REL.styles);
  const stylesPart = stylesRel ? resolveTarget(wbPart, stylesRel.target) : resolveTarget(wbPart, "styles.xml");
  const styles = new StylesPatch(stylesRel ? pkg.readText(stylesPart) : null);
  if (!stylesRel) {
    wbRels.push({ id: freeRelId(wbRels), type: REL.styles, target: relativeTo(wbPart, stylesPart) });
    ct.xml = setOverride(ct.xml, stylesPart, CONTENT_TYPE.styles);
  }

  const taken = new Set<string>();
  const printTitles: Array<{ index: number; xml: string }> = [];
  for (const spec of specs) {
    const sheets = sheetEntries(wbXml, rPrefix);
    const index = sheets.findIndex((s) => s.name.toLowerCase() === spec.name.toLowerCase());
    let sheetPart: string;
    if (index >= 0) {
      const rel = wbRels.find((r) => r.id === sheets[index].relId);
      if (!rel) throw new PackageError(`sheet '${spec.name}' has no part`);
      sheetPart = resolveTarget(wbPart, rel.target);
      // formulas the user typed in the old sheet are in the calculation chain: drop the chain (a
      // cache Excel rebuilds) rather than leave it pointing at cells that no longer hold formulas
      const calc = wbRels.find((r) => r.type === REL.calcChain);
      if (calc && /<f[\s>]/.test(pkg.readText(sheetPart) ?? "")) {
        const calcPart = resolveTarget(wbPart, calc.target);
        pkg.remove(calcPart);
        ct.xml = removeOverride(ct.xml, calcPart);
        wbRels.splice(wbRels.indexOf(calc), 1);
      }
      removeUnshared(pkg, ownedParts(pkg, sheetPart), ct);
      wbXml = removeSheetNames(wbXml, index);
      // the generated sheet is shown (an earlier copy may have been hidden by the user: it is ours to replace)
      const tag = sheets[index].tag.replace(/\sstate="[^"]*"/, "");
      wbXml = wbXml.replace(sheets[index].tag, tag);
    } else {
      sheetPart = freePart(pkg, taken, `${wbPart.replace(/[^/]*$/, "")}worksheets/sheet`);
      const relId = freeRelId(wbRels);
      wbRels.push({ id: relId, type: REL.worksheet, target: relativeTo(wbPart, sheetPart) });
      const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId || 0)) + 1;
      wbXml = wbXml.replace(
        /<\/sheets>/,
        `<sheet name="${esc(spec.name)}" sheetId="${sheetId}" ${rPrefix}:id="${relId}"/></sheets>`,
      );
    }
    ct.xml = setOverride(ct.xml, sheetPart, CONTENT_TYPE.worksheet);

    let drawingRelId: string | undefined;
    if (spec.charts.length) {
      const drawingPart = freePart(pkg, taken, `${wbPart.replace(/[^/]*$/, "")}drawings/drawing`);
      const sheetRels: Relationship[] = [];
      drawingRelId = freeRelId(sheetRels);
      sheetRels.push({ id: drawingRelId, type: REL.drawing, target: relativeTo(sheetPart, drawingPart) });
      pkg.write(relsPartOf(sheetPart), relsXml(sheetRels));
      const drawingRels: Relationship[] = [];
      const anchors = spec.charts.map((chart) => {
        const chartPart = freePart(pkg, taken, `${wbPart.replace(/[^/]*$/, "")}charts/chart`);
        const relId = freeRelId(drawingRels);
        drawingRels.push({ id: relId, type: REL.chart, target: relativeTo(drawingPart, chartPart) });
        const data = chartDataFromRows(chart, spec.rows, spec.name);
        pkg.write(chartPart, chartXml(chart, data, { font: spec.font?.name ?? CHART_FONT, size: 14 }));
        ct.xml = setOverride(ct.xml, chartPart, CONTENT_TYPE.chart);
        return { spec: chart, relId };
      });
      pkg.write(drawingPart, drawingXml(anchors));
      pkg.write(relsPartOf(drawingPart), relsXml(drawingRels));
      ct.xml = setOverride(ct.xml, drawingPart, CONTENT_TYPE.drawing);
    }
    pkg.write(sheetPart, sheetXml(spec, styles, { drawingRelId }));
    if (spec.print?.repeatRows) {
      const at = sheetEntries(wbXml, rPrefix).findIndex((s) => s.name === spec.name);
      printTitles.push({
        index: at,
        xml: `<definedName name="_xlnm.Print_Titles" localSheetId="${at}">${esc(`${quoteSheet(spec.name)}!${absoluteRows(spec.print.repeatRows)}`)}</definedName>`,
      });
    }
  }
  for (const t of printTitles) wbXml = addDefinedName(wbXml, t.xml);

  pkg.write(wbPart, wbXml);
  pkg.write(wbRelsPart, relsXml(wbRels));
  if (styles.changed) pkg.write(stylesPart, styles.toXml());
  pkg.write("[Content_Types].xml", ct.xml);
  return pkg.toBytes();
}

/** The smallest package a workbook can start from: no sheet yet (patchWorkbook adds them). */
function emptyPackage(): Uint8Array {
  const pkg = new ZipPackage(EMPTY_ZIP);
  pkg.write(
    "[Content_Types].xml",
    `${XML_HEAD}<Types xmlns="${NS.ct}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  );
  pkg.write("_rels/.rels", relsXml([{ id: "rId1", type: REL.officeDocument, target: "xl/workbook.xml" }]));
  pkg.write(
    "xl/workbook.xml",
    `${XML_HEAD}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><bookViews><workbookView/></bookViews><sheets></sheets></workbook>`,
  );
  pkg.write("xl/_rels/workbook.xml.rels", relsXml([]));
  return pkg.toBytes();
}

/** An empty zip: just the end-of-central-directory record. */
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);

/** A new workbook made of the given sheets, written by the same writer. */
export function newWorkbook(specs: SheetSpec[]): Uint8Array {
  return patchWorkbook(emptyPackage(), specs);
}

/** A one-sheet workbook of plain values (the data embedded in a Word chart). */
export function gridWorkbook(name: string, rows: Grid, columnWidths: number[] = []): Uint8Array {
  const sheet = emptySheet(name, "generated");
  sheet.rows = rows;
  sheet.columnWidths = columnWidths;
  return newWorkbook([sheet]);
}
