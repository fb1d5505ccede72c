import { fitRowHeights, textWidth, wrapLines } from "../../src/layout/rowHeights";
import { emptySheet } from "../../src/layout/sheetSpec";

describe("row heights for Thai text", () => {
  test("Thai vowel and tone marks take no width", () => {
    expect(textWidth("ที่")).toBe(1);
    expect(textWidth("คุณภาพ")).toBe(5);
  });
  test("a wrapped cell that needs three lines gets three lines' height; others keep the base", () => {
    const s = emptySheet("x", "generated");
    s.columnWidths = [12, 12];
    s.rowHeight = 24;
    const long = "มาตรการเผยแพร่ข้อมูลข่าวสาร และช่องทางการติดต่อ ที่เข้าถึงง่าย";
    s.rows = [[long], [long], ["สั้น"], [long, null]];
    s.styles = [
      { range: "A1:A4", style: { wrap: true } },
      { range: "A2", style: { wrap: false } },
    ];
    s.merges = ["A4:B4"];
    fitRowHeights(s);
    expect(s.rowHeights![0]).toBeGreaterThanOrEqual(3 * 21);
    expect(s.rowHeights![1]).toBeUndefined(); // not wrapped
    expect(s.rowHeights![2]).toBeUndefined(); // fits on one line
    // the merged cell is twice as wide: fewer lines than the single-column cell
    expect(s.rowHeights![3]).toBeLessThan(s.rowHeights![0]);
  });
});

describe("row heights stay linear and bounded", () => {
  const word = "การประเมินคุณธรรมและความโปร่งใส";
  const long = (n: number) => word.repeat(Math.ceil(n / word.length)).slice(0, n);

  test("a Thai run without spaces wraps into lines no wider than asked, losing no character", () => {
    const text = long(5000);
    const lines = wrapLines(text, 40);
    expect(lines.join("")).toBe(text);
    expect(Math.max(...lines.map(textWidth))).toBeLessThanOrEqual(40);
    // words are kept whole across the segmenter's windows: every line starts a word (or a word's part) of the run
    const starts = ["การ", "ประเมิน", "คุณ", "ธรรม", "และ", "ความ", "โปร่ง", "ใส"];
    expect(lines.filter((l) => !starts.some((w) => l.startsWith(w)))).toEqual([]);
  });

  test("maxLines stops wrapping early", () => {
    expect(wrapLines(long(32767), 40, 20)).toHaveLength(20);
  });

  test("Excel's maximum cell (32,767 characters) gets Excel's highest row, 409 pt", () => {
    const s = emptySheet("x", "generated");
    s.columnWidths = [40];
    s.rows = [[long(32767)], ["สั้น"]];
    s.styles = [{ range: "A1:A2", style: { wrap: true } }];
    fitRowHeights(s);
    expect(s.rowHeights![0]).toBe(409);
    expect(s.rowHeights![1]).toBeUndefined();
  });
});
