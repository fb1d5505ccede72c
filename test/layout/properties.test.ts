/** Property-based tests: the parser never throws, and the analysis keeps its invariants. */
import fc from "fast-check";
import { analyze } from "../../src/core/analysis";
import { parseWorkbook } from "../../src/layout/parse";
import { runPipeline } from "../../src/pipeline";
import { scoreExact, scoreFast } from "../../src/core/scoring";
import type { Cell, Grid } from "../../src/layout/sheetSpec";
import { inputOf } from "../helpers/input";

const labels = [
  "ตัวชี้วัดที่",
  "ชื่อตัวชี้วัด",
  "ชื่อหน่วยงาน",
  "คะแนนรวมที่ประกาศ",
  "มาตรการ",
  "สถานะ",
  "ตัวชี้วัดที่เกี่ยวข้อง",
  "2565",
  "ปี 2566",
  "พ.ศ. ๒๕๖๗",
  "ดำเนินการแล้ว",
  "7, 8",
  "๑๒",
  "น้ำหนัก IIT (%)",
];

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...labels),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 3000 }),
  fc.double({ min: -200, max: 200, noNaN: false }),
  fc.boolean(),
);
const grid: fc.Arbitrary<Grid> = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 });

/** A grid shaped like a score sheet with random cells in the score area. */
const scoreLike: fc.Arbitrary<Grid> = fc
  .tuple(
    fc.array(fc.constantFrom<Cell>(2565, "2566", "ปี 2567", 2022, "x", null), { minLength: 1, maxLength: 4 }),
    fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 10, maxLength: 10 }),
  )
  .map(([years, scores]) => [
    ["ชื่อหน่วยงาน", "หน่วยงาน"],
    ["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", ...years],
    ...scores.map((row, i) => [i + 1, "ชื่อ", ...row]),
  ]);

describe("the parser never throws", () => {
  test("on any grid of strings, numbers and blanks", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("คะแนน ITA", "มาตรการ", "ตั้งค่า", "อื่น"), grid), (sheets) => {
        const p = parseWorkbook(sheets);
        // either an input or errors, never both missing
        expect(p.input !== null || p.errors.length > 0).toBe(true);
        for (const e of [...p.errors, ...p.warnings]) expect(typeof e.code).toBe("string");
      }),
      { numRuns: 400 },
    );
  });
  test("on grids shaped like a score sheet, and the whole pipeline too", () => {
    fc.assert(
      fc.property(scoreLike, (g) => {
        const r = runPipeline({ "คะแนน ITA": g });
        expect(r.ok ? r.sheets.length > 0 : r.errors.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

const score = fc.integer({ min: 0, max: 10000 }).map((n) => n / 100);
const year = fc.integer({ min: 2562, max: 2572 });

describe("analysis invariants", () => {
  test("ranks are a permutation of 1..10 and the ranking is sorted", () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 10, maxLength: 10 }), year, (scores, y) => {
        const out = analyze(inputOf({ [y]: scores }));
        if (!out.ok) throw new Error("complete input must analyse");
        const a = out.analysis;
        expect([...a.indicators.map((i) => i.rank)].sort((p, q) => p - q)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        const ranked = a.ranking.map((n) => scores[n - 1]);
        for (let k = 1; k < ranked.length; k++) expect(ranked[k - 1]).toBeGreaterThanOrEqual(ranked[k]);
        // classes partition the indicators
        expect([...a.strengths, ...a.improve, ...a.urgent].sort((p, q) => p - q)).toEqual([
          1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
        ]);
      }),
      { numRuns: 500 },
    );
  });
  test("the total lies between the lowest and highest tool score", () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 10, maxLength: 10 }), year, (scores, y) => {
        const out = analyze(inputOf({ [y]: scores }));
        if (!out.ok) throw new Error("complete input must analyse");
        const t = out.analysis.tools;
        expect(out.analysis.total).toBeGreaterThanOrEqual(Math.min(t.IIT, t.EIT, t.OIT));
        expect(out.analysis.total).toBeLessThanOrEqual(Math.max(t.IIT, t.EIT, t.OIT));
        // every figure has at most 2 decimals
        for (const v of [out.analysis.total, t.IIT, t.EIT, t.OIT])
          expect(Math.abs(v * 100 - Math.round(v * 100))).toBeLessThan(1e-6);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the fast integer scoring path agrees with the exact rational path", () => {
  const two = fc.integer({ min: 0, max: 10000 }).map((n) => n / 100);
  const any = fc.double({ min: 0, max: 100, noNaN: true });
  const pct = fc.integer({ min: 0, max: 100 });
  test("on 2-decimal scores and whole-percent weights", () => {
    fc.assert(
      fc.property(fc.array(two, { minLength: 10, maxLength: 10 }), pct, pct, (s, a, b) => {
        fc.pre(a + b <= 100);
        const groups = { IIT: s.slice(0, 5), EIT: s.slice(5, 8), OIT: s.slice(8) };
        const w = { IIT: a / 100, EIT: b / 100, OIT: (100 - a - b) / 100 };
        const fast = scoreFast(groups, w);
        expect(fast).not.toBeNull();
        expect(fast).toEqual(scoreExact(groups, w));
      }),
      { numRuns: 2000 },
    );
  });
  test("declines scores with more decimals, which the exact path handles", () => {
    fc.assert(
      fc.property(fc.array(any, { minLength: 10, maxLength: 10 }), (s) => {
        const groups = { IIT: s.slice(0, 5), EIT: s.slice(5, 8), OIT: s.slice(8) };
        const w = { IIT: 0.3, EIT: 0.3, OIT: 0.4 };
        const fast = scoreFast(groups, w);
        if (fast) expect(fast).toEqual(scoreExact(groups, w));
      }),
      { numRuns: 500 },
    );
  });
});
