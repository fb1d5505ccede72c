/** Small XML helpers for the parts we write (no DOM: the same code runs in Node and the browser). */

/** Characters XML 1.0 does not allow, even escaped. */
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text or attribute value escaped for XML. */
export function esc(s: string): string {
  return s
    .replace(INVALID, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Decodes the five predefined entities and numeric references. */
export function unesc(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e.toLowerCase()]!;
  });
}

/** The attributes of one start tag, e.g. `<sheet name="a" r:id="rId1"/>`, by qualified name. */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unesc(m[2] ?? m[3] ?? "");
  return out;
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
} as const;

export const REL = {
  worksheet: `${NS.r}/worksheet`,
  styles: `${NS.r}/styles`,
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
  package: `${NS.r}/package`,
  officeDocument: `${NS.r}/officeDocument`,
  calcChain: `${NS.r}/calcChain`,
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

export function parseRels(xml: string | null): Relationship[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    return { id: a.Id, type: a.Type, target: a.Target, external: a.TargetMode === "External" };
  });
}

export function relsXml(rels: Relationship[]): string {
  return (
    `${XML_HEAD}<Relationships xmlns="${NS.rels}">` +
    rels
      .map(
        (r) =>
          `<Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
      )
      .join("") +
    "</Relationships>"
  );
}

/** A relationship id not used yet in the list. */
export function freeRelId(rels: Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Part name of a relationship target, relative to the folder of the source part ("xl/workbook.xml"). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** The .rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Adds or replaces an Override in [Content_Types].xml. */
export function setOverride(ctXml: string, part: string, type: string): string {
  const name = `/${part}`;
  const without = removeOverride(ctXml, part);
  return without.replace(
    /<\/(\w+:)?Types>\s*$/,
    (end) => `<Override PartName="${esc(name)}" ContentType="${type}"/>${end}`,
  );
}

export function removeOverride(ctXml: string, part: string): string {
  const name = `/${part}`.toLowerCase();
  return ctXml.replace(/<(?:\w+:)?Override\b[^>]*\/>/g, (tag) =>
    (attrs(tag).PartName ?? "").toLowerCase() === name ? "" : tag,
  );
}

/** Adds a Default for an extension when missing. */
export function ensureDefault(ctXml: string, ext: string, type: string): string {
  const has = [...ctXml.matchAll(/<(?:\w+:)?Default\b[^>]*\/>/g)].some(
    (m) => (attrs(m[0]).Extension ?? "").toLowerCase() === ext.toLowerCase(),
  );
  if (has) return ctXml;
  return ctXml.replace(/(<(\w+:)?Types\b[^>]*>)/, `$1<Default Extension="${ext}" ContentType="${type}"/>`);
}
