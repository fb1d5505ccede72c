/**
 * styles.xml patched by appending: the workbook's own fonts, fills, borders, number formats,
 * cell formats (xf) and differential formats (dxf) keep their indexes; ours are added after
 * them, so cells of the user's sheets still point at the same styles.
 */
import type { CellStyle } from "../layout/sheetSpec";
import { esc, NS, XML_HEAD } from "./xml";

/** A cell's whole look: a base font plus the styles laid over it, in order. */
export interface ResolvedStyle extends CellStyle {
  /** A date without a number format gets the built-in date format. */
  date?: boolean;
}

/** Built-in number format ids (ECMA-376 Part 1, 18.8.30). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9 };
const DATE_FORMAT_ID = 14;

const EMPTY_STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS.main}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/** Content and child count of a section such as `<fonts count="2">…</fonts>`; null when absent. */
function section(xml: string, tag: string, child: string): { count: number } | null {
  const m = new RegExp(`<${tag}\\b[^>]*?(/>|>([\\s\\S]*?)</${tag}>)`).exec(xml);
  if (!m) return null;
  const inner = m[2] ?? "";
  return { count: (inner.match(new RegExp(`<${child}\\b`, "g")) ?? []).length };
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

export class StylesPatch {
  private readonly base: string;
  private readonly counts: Record<"fonts" | "fills" | "borders" | "cellXfs" | "dxfs", number>;
  private nextNumFmt: number;
  private readonly added = {
    numFmts: [] as string[],
    fonts: [] as string[],
    fills: [] as string[],
    borders: [] as string[],
    cellXfs: [] as string[],
    dxfs: [] as string[],
  };
  private readonly cache = new Map<string, number>();
  private readonly numFmtIds = new Map<string, number>();
  readonly created: boolean;

  constructor(xml: string | null) {
    this.created = xml === null;
    this.base = xml ?? EMPTY_STYLES;
    if (/<\w+:styleSheet\b/.test(this.base)) throw new Error("styles.xml with a namespace prefix is not supported");
    this.counts = {
      fonts: section(this.base, "fonts", "font")?.count ?? 0,
      fills: section(this.base, "fills", "fill")?.count ?? 0,
      borders: section(this.base, "borders", "border")?.count ?? 0,
      cellXfs: section(this.base, "cellXfs", "xf")?.count ?? 0,
      dxfs: section(this.base, "dxfs", "dxf")?.count ?? 0,
    };
    let max = 163;
    for (const m of this.base.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)) {
      max = Math.max(max, Number(m[1]));
    }
    this.nextNumFmt = max + 1;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmtIds.set(code, id);
      this.added.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    }
    return id;
  }

  private push(kind: "fonts" | "fills" | "borders" | "cellXfs" | "dxfs", xml: string): number {
    const key = `${kind}:${xml}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const index = this.counts[kind] + this.added[kind].length;
    this.added[kind].push(xml);
    this.cache.set(key, index);
    return index;
  }

  /** The cellXfs index of a cell style. */
  xf(s: ResolvedStyle): number {
    const font =
      "<font>" +
      (s.bold ? "<b/>" : "") +
      (s.italic ? "<i/>" : "") +
      `<sz val="${s.size ?? 11}"/>` +
      (s.color ? `<color rgb="${argb(s.color)}"/>` : "") +
      `<name val="${esc(s.font ?? "Calibri")}"/>` +
      "</font>";
    const fontId = this.push("fonts", font);
    const fillId = s.fill
      ? this.push(
          "fills",
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const side = (n: string) => `<${n} style="thin"><color rgb="FFA6A6A6"/></${n}>`;
    const borderId = s.border
      ? this.push(
          "borders",
          `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`,
        )
      : 0;
    const numFmtId = s.numberFormat !== undefined ? this.numFmtId(s.numberFormat) : s.date ? DATE_FORMAT_ID : 0;
    const align =
      s.wrap || s.hAlign || s.vAlign
        ? "<alignment" +
          (s.hAlign ? ` horizontal="${s.hAlign}"` : "") +
          (s.vAlign ? ` vertical="${s.vAlign === "middle" ? "center" : s.vAlign}"` : "") +
          (s.wrap ? ' wrapText="1"' : "") +
          "/>"
        : "";
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      ' applyFont="1"' +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (align ? ` applyAlignment="1">${align}</xf>` : "/>");
    return this.push("cellXfs", xf);
  }

  /** The dxfs index of a conditional fill (and text colour). */
  dxf(fill: string, color?: string): number {
    return this.push(
      "dxfs",
      "<dxf>" +
        (color ? `<font><color rgb="${argb(color)}"/></font>` : "") +
        `<fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill>` +
        "</dxf>",
    );
  }

  get changed(): boolean {
    return Object.values(this.added).some((a) => a.length > 0) || this.created;
  }

  toXml(): string {
    let xml = this.base;
    const append = (tag: string, items: string[], count: number, after: string[]) => {
      if (!items.length) return;
      const re = new RegExp(`<${tag}\\b([^>]*?)(/>|>([\\s\\S]*?)</${tag}>)`);
      const m = re.exec(xml);
      if (m) {
        const attrsText = m[1].replace(/\s*count="\d*"/, "");
        xml =
          xml.slice(0, m.index) +
          `<${tag}${attrsText} count="${count}">${m[3] ?? ""}${items.join("")}</${tag}>` +
          xml.slice(m.index + m[0].length);
        return;
      }
      const el = `<${tag} count="${count}">${items.join("")}</${tag}>`;
      for (const prev of after) {
        const close = new RegExp(`</${prev}>|<${prev}\\b[^>]*/>`).exec(xml);
        if (close) {
          const at = close.index + close[0].length;
          xml = xml.slice(0, at) + el + xml.slice(at);
          return;
        }
      }
      xml = xml.replace(/(<styleSheet\b[^>]*>)/, `$1${el}`);
    };
    const numFmtCount = (section(xml, "numFmts", "numFmt")?.count ?? 0) + this.added.numFmts.length;
    append("numFmts", this.added.numFmts, numFmtCount, []);
    append("fonts", this.added.fonts, this.counts.fonts + this.added.fonts.length, ["numFmts"]);
    append("fills", this.added.fills, this.counts.fills + this.added.fills.length, ["fonts"]);
    append("borders", this.added.borders, this.counts.borders + this.added.borders.length, ["fills"]);
    append("cellXfs", this.added.cellXfs, this.counts.cellXfs + this.added.cellXfs.length, ["cellStyleXfs", "borders"]);
    append("dxfs", this.added.dxfs, this.counts.dxfs + this.added.dxfs.length, ["cellStyles", "cellXfs"]);
    return xml;
  }
}
