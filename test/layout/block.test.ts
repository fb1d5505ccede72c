import { Block, rect, SheetStack } from "../../src/layout/block";
import { emptySheet } from "../../src/layout/sheetSpec";

describe("Block and SheetStack", () => {
  function tableWithChart(label: string): Block {
    const b = new Block();
    b.section(label, 3, { bold: true });
    const header = b.add(["ปี", "คะแนน"], { bold: true });
    b.add(["2567", 90]);
    b.add(["2568", 92]);
    b.merge(rect(header, 0, header, 1));
    b.fill(rect(header + 1, 1, header + 2, 1), [{ operator: "lessThan", values: [85], fill: "FFC7CE" }]);
    b.chart({
      id: label,
      kind: "line",
      title: label,
      data: rect(header, 0, header + 2, 1),
      at: rect(header, 3, header + 10, 8),
    });
    b.rowHeight(header, 44);
    return b;
  }

  it("shifts every address by the rows stacked above, so a moved section keeps its chart on its data", () => {
    const s = emptySheet("x", "generated");
    const stack = new SheetStack(s);
    const first = new Block();
    first.add(["title"]);
    first.add(["subtitle"]);
    expect(stack.stack(first)).toBe(0);
    expect(stack.stack(tableWithChart("a"))).toBe(2);
    // rows: 0 title, 1 subtitle, 2 blank, 3 section, 4 header, 5–6 data
    expect(s.rows[4]).toEqual(["ปี", "คะแนน"]);
    expect(s.merges).toEqual(["A4:C4", "A5:B5"]);
    expect(s.conditionalFills[0].range).toBe("B6:B7");
    expect(s.charts[0]).toMatchObject({ id: "a", dataRange: "A5:B7", topLeft: "D5", bottomRight: "I15" });
    expect(s.rowHeights).toEqual({ 4: 44 });

    // the same section stacked one block lower moves with its chart
    const s2 = emptySheet("y", "generated");
    const stack2 = new SheetStack(s2);
    stack2.stack(first);
    const extra = new Block();
    extra.add(["inserted"]);
    stack2.stack(extra);
    stack2.stack(tableWithChart("a"));
    expect(s2.charts[0]).toMatchObject({ dataRange: "A6:B8", topLeft: "D6", bottomRight: "I16" });
    expect(s2.rows[5]).toEqual(["ปี", "คะแนน"]);
  });

  it("places an attached block beside its table with blanks before it, and its chart may rise to a sheet row", () => {
    const s = emptySheet("x", "generated");
    const main = new Block();
    main.add(["a"]);
    const header = main.add(["h1", "h2"]);
    main.add(["r1", 1]);
    const side = new Block();
    side.add(["ตัวชี้วัด", "คะแนน"]);
    side.add(["1. x", 90]);
    side.chart({
      id: "c",
      kind: "columnClustered",
      title: "c",
      data: rect(0, 0, 1, 1),
      at: rect(0, 3, 5, 8),
      sheetTop: 0,
    });
    main.attach(side, header, 4);
    new SheetStack(s).stack(main);
    expect(s.rows[1]).toEqual(["h1", "h2", null, null, "ตัวชี้วัด", "คะแนน"]);
    expect(s.rows[2]).toEqual(["r1", 1, null, null, "1. x", 90]);
    expect(s.charts[0]).toMatchObject({ dataRange: "E2:F3", topLeft: "H1", bottomRight: "M7" });
  });
});
