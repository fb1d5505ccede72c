/** Test helpers: plain text of model blocks, tables by id. */
import {
  memoFieldText,
  rulingLines,
  signerLines,
  type Block,
  type ReportDocument,
  type TableBlock,
} from "../../src/report";

export function blockText(b: Block): string {
  switch (b.kind) {
    case "heading":
      return b.text;
    case "paragraph":
      return b.runs.map((r) => r.text).join("");
    case "bullets":
      return b.items.map((i) => `${i.marker} ${i.text}`).join("\n");
    case "table":
      return [
        b.caption ?? "",
        ...b.header.map((r) => r.map((c) => c.text).join(" | ")),
        ...b.rows.map((r) => r.cells.map((c) => c.text).join(" | ")),
      ].join("\n");
    case "signature":
      return b.signers.map((s) => [s.role, s.name, s.position, s.date ?? ""].join("\n")).join("\n");
    case "memoHeader":
      return [b.heading, ...b.lines.map((l) => memoFieldText(l)), memoFieldText([b.to])].join("\n");
    case "ruling":
      return [...rulingLines(b), ...signerLines(b.signer)].join("\n");
  }
}

export function docText(d: ReportDocument): string {
  return [...d.title.lines, d.title.unit, d.title.place, d.title.date, ...d.blocks.map(blockText)].join("\n");
}

export function table(d: ReportDocument, id: string): TableBlock {
  const t = d.blocks.find((b): b is TableBlock => b.kind === "table" && b.id === id);
  if (!t) throw new Error(`no table ${id} in ${d.id}`);
  return t;
}

export function hasTable(d: ReportDocument, id: string): boolean {
  return d.blocks.some((b) => b.kind === "table" && b.id === id);
}

export function headings(d: ReportDocument): string[] {
  return d.blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text);
}
