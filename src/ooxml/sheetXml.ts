/**
 * A SheetSpec as worksheet XML (SpreadsheetML, ECMA-376 Part 1 §18.3). Text is written as
 * inline strings (t="inlineStr"): a user's text can never turn into a formula, and the
 * shared-string table of the workbook stays as it was.
 */
import { a1, cellsOf } from "../layout/grid";
import type { Cell, SheetSpec } from "../layout/sheetSpec";
import type { ResolvedStyle, StylesPatch } from "./styles";
import { esc, NS, XML_HEAD } from "./xml";

/** Excel date serial (1900 system) of a Date, as the Office.js writer computes it. */
export function dateSerial(d: Date): number {
  return (Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(1899, 11, 30)) / 86400000;
}

function cellXml(ref: string, v: Cell, s: number | undefined): string {
  const sAttr = s ? ` s="${s}"` : "";
  if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) return `<c r="${ref}"${sAttr}/>`;
  if (typeof v === "number") return `<c r="${ref}"${sAttr}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) return `<c r="${ref}"${sAttr}><v>${dateSerial(v)}</v></c>`;
  return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${esc(String(v))}</t></is></c>`;
}

/** Single-quoted sheet name for references: 'ผลวิเคราะห์ ITA'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "3:3" → "$3:$3". */
export function absoluteRows(rows: string): string {
  const [a, b = a] = rows.replace(/\$/g, "").split(":");
  return `$${a}:$${b}`;
}

export interface SheetXmlOptions {
  /** Relationship id of the sheet's drawing (when it has charts). */
  drawingRelId?: string;
}

/** The worksheet XML of a spec; styles are added to `styles` as needed. */
export function sheetXml(spec: SheetSpec, styles: StylesPatch, options: SheetXmlOptions = {}): string {
  // every cell's look: base font, then the styled ranges in order (later ones win per property).
  // Cells that received the same styles in the same order share one look: a cell holds a look id,
  // and applying a style to a look is memoised, so the work per cell is a map lookup.
  const base: ResolvedStyle = spec.font ? { font: spec.font.name, size: spec.font.size } : {};
  const lookList: ResolvedStyle[] = [base];
  const next = new Map<string, number>();
  const applied = (look: number, key: string, apply: (s: ResolvedStyle) => void): number => {
    const k = `${look}|${key}`;
    let id = next.get(k);
    if (id === undefined) {
      const s = { ...lookList[look] };
      apply(s);
      id = lookList.push(s) - 1;
      next.set(k, id);
    }
    return id;
  };
  const looks = new Map<number, Map<number, number>>();
  const rowOf = (r: number): Map<number, number> => {
    let row = looks.get(r);
    if (!row) looks.set(r, (row = new Map()));
    return row;
  };
  const touch = (r: number, c: number): void => {
    const row = rowOf(r);
    if (!row.has(c)) row.set(c, 0);
  };
  spec.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      touch(r, c);
      if (v instanceof Date) {
        const cells = rowOf(r);
        cells.set(
          c,
          applied(cells.get(c) ?? 0, "date", (s) => (s.date = true)),
        );
      }
    }),
  );
  spec.styles.forEach(({ range, style }, k) => {
    const apply = (s: ResolvedStyle) => {
      for (const [key, v] of Object.entries(style)) if (v !== undefined) (s as Record<string, unknown>)[key] = v;
    };
    for (const [r, c] of cellsOf(range)) {
      const cells = rowOf(r);
      cells.set(c, applied(cells.get(c) ?? 0, String(k), apply));
    }
  });
  for (const v of spec.validations) for (const [r, c] of cellsOf(v.range)) touch(r, c);
  const xfOf = new Map<number, number>();
  const xf = (look: number): number => {
    let i = xfOf.get(look);
    if (i === undefined) xfOf.set(look, (i = styles.xf(lookList[look])));
    return i;
  };

  const heights = new Map<number, number>();
  if (spec.rowHeight) for (let r = 0; r < spec.rows.length; r++) heights.set(r, spec.rowHeight);
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) heights.set(Number(r), h);

  const rowIndexes = [...new Set([...looks.keys(), ...heights.keys()])].sort((x, y) => x - y);
  let maxCol = 0;
  const rowsXml: string[] = [];
  for (const r of rowIndexes) {
    const cells = [...(looks.get(r)?.entries() ?? [])].sort((x, y) => x[0] - y[0]);
    const h = heights.get(r);
    const cellsXml = cells.map(([c, look]) => {
      maxCol = Math.max(maxCol, c);
      return cellXml(a1(r, c), spec.rows[r]?.[c] ?? null, xf(look));
    });
    rowsXml.push(`<row r="${r + 1}"${h ? ` ht="${h}" customHeight="1"` : ""}>${cellsXml.join("")}</row>`);
  }
  const lastRow = Math.max(0, ...rowIndexes);

  const out: string[] = [`${XML_HEAD}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}">`];
  const sheetPr =
    (spec.tabColor ? `<tabColor rgb="FF${spec.tabColor.toUpperCase()}"/>` : "") +
    (spec.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : "");
  if (sheetPr) out.push(`<sheetPr>${sheetPr}</sheetPr>`);
  out.push(`<dimension ref="A1:${a1(lastRow, maxCol)}"/>`);
  if (spec.freezeRows) {
    const top = `A${spec.freezeRows + 1}`;
    out.push(
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${spec.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`,
    );
  } else out.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  const cols = spec.columnWidths
    .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ""))
    .join("");
  if (cols) out.push(`<cols>${cols}</cols>`);
  out.push(rowsXml.length ? `<sheetData>${rowsXml.join("")}</sheetData>` : "<sheetData/>");
  if (spec.autoFilter) out.push(`<autoFilter ref="${spec.autoFilter.replace(/\$/g, "")}"/>`);
  if (spec.merges.length)
    out.push(
      `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`,
    );
  let priority = 1;
  for (const cf of spec.conditionalFills) {
    const rules = cf.rules.map((rule) => {
      const formulas = rule.values.map((n) => `<formula>${n}</formula>`).join("");
      return `<cfRule type="cellIs" dxfId="${styles.dxf(rule.fill, rule.color)}" priority="${priority++}" operator="${rule.operator}">${formulas}</cfRule>`;
    });
    out.push(`<conditionalFormatting sqref="${cf.range.replace(/\$/g, "")}">${rules.join("")}</conditionalFormatting>`);
  }
  if (spec.validations.length) {
    const dvs = spec.validations.map(
      (v) =>
        `<dataValidation type="list" errorStyle="stop" allowBlank="1" showErrorMessage="1"` +
        (v.errorMessage ? ` error="${esc(v.errorMessage)}"` : "") +
        ` sqref="${v.range.replace(/\$/g, "")}"><formula1>${esc(`"${v.values.join(",")}"`)}</formula1></dataValidation>`,
    );
    out.push(`<dataValidations count="${dvs.length}">${dvs.join("")}</dataValidations>`);
  }
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (spec.print)
    out.push(
      `<pageSetup paperSize="9" orientation="${spec.print.orientation}"` +
        (spec.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : "") +
        "/>",
    );
  if (options.drawingRelId) out.push(`<drawing r:id="${options.drawingRelId}"/>`);
  out.push("</worksheet>");
  return out.join("");
}
