import { fitRowHeights, textWidth } from "../../src/layout/rowHeights";
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
