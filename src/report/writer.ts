/** Appends blocks to a document: numbered headings, paragraphs, lists, tables. */
import { applyDigits, type Digits } from "./thaiFormat";
import { captionRepeats, layoutTable } from "./tableLayout";
import type { Block, BulletsBlock, HeadingBlock, ListItem, ParagraphBlock, TableCell, TableInput } from "./types";

export class BlockWriter {
  readonly blocks: Block[] = [];
  private section = 0;
  private sub = 0;
  constructor(private readonly digits: Digits) {}

  private withDigits(text: string): string {
    return applyDigits(text, this.digits);
  }
  heading(text: string): void {
    this.section++;
    this.sub = 0;
    this.blocks.push({ kind: "heading", level: 1, text: this.withDigits(`${this.section}. ${text}`) });
  }
  subheading(text: string): void {
    this.sub++;
    this.blocks.push({ kind: "heading", level: 2, text: this.withDigits(`${this.section}.${this.sub} ${text}`) });
  }
  para(text: string, extra: Partial<ParagraphBlock> = {}): void {
    this.blocks.push({ kind: "paragraph", runs: [{ text }], indent: true, ...extra });
  }
  note(text: string): void {
    this.blocks.push({ kind: "paragraph", runs: [{ text }], note: true });
  }
  list(items: ListItem[]): void {
    if (items.length) this.blocks.push({ kind: "bullets", items } satisfies BulletsBlock);
  }
  numbered(texts: string[]): void {
    this.list(texts.map((text, i) => ({ marker: this.withDigits(`(${i + 1})`), text })));
  }
  bullets(texts: string[]): void {
    this.list(texts.map((text) => ({ marker: "•", text })));
  }
  /**
   * Adds a table with its geometry from its content (layoutTable: widths, orientation, size);
   * a caption that repeats the heading above it is dropped.
   */
  table(input: TableInput): void {
    const t = layoutTable({ ...input, widths: [], landscape: false });
    const heading = [...this.blocks].reverse().find((b): b is HeadingBlock => b.kind === "heading");
    if (t.caption && heading && captionRepeats(t.caption, heading.text)) delete t.caption;
    const sum = t.widths.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > 0.01) throw new RangeError(`table ${t.id}: widths sum to ${sum}`);
    this.blocks.push(t);
  }
  push(block: Block): void {
    this.blocks.push(block);
  }
}

/** A table cell. */
export function cell(text: string, extra: Partial<TableCell> = {}): TableCell {
  return { text, ...extra };
}

/** A header row of plain labels. */
export function headerRow(labels: string[]): TableCell[] {
  return labels.map((l) => cell(l));
}
