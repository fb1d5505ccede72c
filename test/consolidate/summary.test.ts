/** The pure consolidation: duplicates, exact means, declines, the planner's near-next units. */
import { consolidate, dedupe, mean2, summaryYear, unitRow } from "../../src/consolidate";
import { unitKey } from "../../src/layout/table";
import { analysisOf, inputOf, SEED_004_2567, SEED_004_2568 } from "../helpers/input";

const row = (name: string, scores: Record<number, number[]>, file: string, modified = 0) =>
  unitRow(analysisOf(inputOf(scores, { unit: { name, district: "พล", province: "ขอนแก่น" } })), file, modified);

describe("consolidation (pure)", () => {
  test("mean2 rounds half up on hundredths, exactly", () => {
    expect(mean2([85.01, 85.02])).toBe(85.02); // 85.015 → 85.02
    expect(mean2([0.1, 0.2])).toBe(0.15);
    expect(mean2([94.23, 94.23, 94.24])).toBe(94.23); // 94.2333…
    expect(mean2([])).toBe(0);
  });

  test("a duplicate with the same data is decided by modified time, then by the order given", () => {
    const s = { 2568: SEED_004_2568 };
    const a = row("อบต.ดงขวาง", s, "a.xlsx", 1000);
    const b = row("อบต.ดงขวาง", s, "b.xlsx", 2000);
    const key = (r: typeof a) => unitKey(r.unit, r.district ?? undefined, r.province ?? undefined);
    expect(dedupe([a, b], key).duplicates).toEqual([
      { unit: "อบต.ดงขวาง", year: 2568, used: "b.xlsx", ignored: ["a.xlsx"], by: "modified" },
    ]);
    const c = row("อบต.ดงขวาง", s, "c.xlsx", 1000);
    expect(dedupe([a, c], key).duplicates[0]).toMatchObject({ used: "c.xlsx", by: "order" });
    // a copy that also holds a later year is newer by its own data, whatever its modified time
    const later = unitRow(
      analysisOf(
        inputOf(
          { 2568: SEED_004_2568, 2569: SEED_004_2568 },
          { unit: { name: "อบต.ดงขวาง", district: "พล", province: "ขอนแก่น" } },
        ),
      ),
      "later.xlsx",
      0,
    );
    const at2568 = { ...later, year: 2568 };
    expect(dedupe([b, at2568], key).duplicates[0]).toMatchObject({ used: "later.xlsx", by: "data" });
  });

  test("a unit that fell ≥ 5 points is listed with its previous result; the summary year is the most common", () => {
    const fell = row("อบต.ดงขวาง", { 2567: SEED_004_2567, 2568: SEED_004_2568 }, "d.xlsx");
    expect(fell.change).not.toBeNull();
    expect(fell.change!).toBeLessThanOrEqual(-5);
    const other = row("อบต.อื่น", { 2567: SEED_004_2567 }, "o.xlsx");
    expect(summaryYear([fell, other])).toBe(2568); // a tie: the later year
    const c = consolidate([fell, other], 2568);
    expect(c.otherYear.map((r) => r.file)).toEqual(["o.xlsx"]);
    expect(c.summary.declined).toEqual([
      expect.objectContaining({ unit: "อบต.ดงขวาง", change: fell.change, previousResult: fell.previousResult }),
    ]);
  });

  test("near the next rating: the planner's cheapest gain within 5 points", () => {
    // 84.9 everywhere: total 84.90, ต้องปรับปรุง; ผ่าน needs +0.10 of total
    const near = row("ใกล้", { 2568: Array(10).fill(84.9) }, "n.xlsx");
    const far = row("ไกล", { 2568: Array(10).fill(60) }, "f.xlsx");
    const s = consolidate([near, far], 2568).summary;
    expect(s.nearNext.map((n) => n.unit)).toEqual(["ใกล้"]);
    expect(s.nearNext[0].target).toBe("ผ่าน");
    expect(s.nearNext[0].gain).toBeLessThanOrEqual(5);
    expect(s.byResult).toEqual([0, 0, 0, 1, 1]);
  });
});
