import fc from "fast-check";
import { analyze, type Analysis } from "../../src/core/analysis";
import { apportion, decomposeChange, type ScoredYear } from "../../src/core/change";
import { analysisToJson } from "../../src/core/json";
import { add, fromNumber, mean, mul, type Rational } from "../../src/core/decimal";
import { frameworkForYear, RATING_RULES_2566 } from "../../src/core/frameworks";
import type { Framework } from "../../src/core/types";
import { scoreYear } from "../../src/core/scoring";
import { TOOL_IDS, type ToolId } from "../../src/core/types";
import { customFramework } from "../helpers/frameworks";
import { inputOf, SEED_002_2565, SEED_004_2567, SEED_004_2568 } from "../helpers/input";

const byNo = (scores: number[]) => Object.fromEntries(scores.map((s, i) => [i + 1, s]));
const h = (n: number) => Math.round(n * 100);

function ok(out: ReturnType<typeof analyze>): Analysis {
  if (!out.ok) throw new Error(out.errors.map((e) => e.code).join(", "));
  return out.analysis;
}

describe("change: seed 004 อบต.ดงขวาง 2567 → 2568 (hand-computed)", () => {
  const a = ok(analyze(inputOf({ 2567: SEED_004_2567, 2568: SEED_004_2568 })));
  const c = a.change!;
  test("the total fell 12.97 (91.28 → 78.31)", () => {
    expect(c.from).toBe(2567);
    expect(c.total).toBe(-12.97);
  });
  test("by tool: exact −2.5068, +2.092, −12.558 (sum −12.9728), apportioned to the printed −12.97", () => {
    // hundredths −250.68, 209.2, −1255.8 → floors −251, 209, −1256 (−1298); one hundredth short of
    // −1297 goes to the largest remainder, IIT's 0.32
    expect(c.byTool).toEqual([
      { tool: "IIT", change: -8.35, contribution: -2.5 },
      { tool: "EIT", change: 6.97, contribution: 2.09 },
      { tool: "OIT", change: -31.4, contribution: -12.56 },
    ]);
  });
  test("by indicator: change × weight in the total (6 %, 10 %, 20 %), adding up to each tool", () => {
    expect(c.byIndicator).toEqual([
      { no: 1, change: -6.22, contribution: -0.37 },
      { no: 2, change: -4.67, contribution: -0.28 },
      { no: 3, change: -1.11, contribution: -0.06 },
      { no: 4, change: -24, contribution: -1.44 },
      { no: 5, change: -5.78, contribution: -0.35 },
      { no: 6, change: 2.09, contribution: 0.21 },
      { no: 7, change: 6.08, contribution: 0.61 },
      { no: 8, change: 12.75, contribution: 1.27 },
      { no: 9, change: -37.79, contribution: -7.56 },
      { no: 10, change: -25, contribution: -5 },
    ]);
  });
  test("drivers: OIT moved the total most; the total keeps the unit from ผ่าน", () => {
    expect(c.drivers).toEqual([
      { kind: "moved", tool: "OIT", contribution: -12.56 },
      { kind: "blocks", rating: "ผ่าน", tool: "total", score: 78.31, threshold: 85 },
    ]);
    expect(a.blockers).toEqual([{ kind: "blocks", rating: "ผ่าน", tool: "total", score: 78.31, threshold: 85 }]);
  });
  test("ผ่าน in 2567: OIT (84.65) keeps it from ผ่านดี", () => {
    const b = ok(analyze(inputOf({ 2567: SEED_004_2567 })));
    expect(b.change).toBeNull();
    expect(b.blockers).toEqual([{ kind: "blocks", rating: "ผ่านดี", tool: "OIT", score: 84.65, threshold: 85 }]);
  });
  test("in the JSON", () => {
    const j = analysisToJson(a) as { change: { from: number; total: number; byTool: unknown[] } };
    expect(j.change.from).toBe(2567);
    expect(j.change.total).toBe(-12.97);
    expect(j.change.byTool).toHaveLength(3);
  });
});

/** Exact contribution of each tool and indicator, computed independently of change.ts. */
function exactParts(cur: ScoredYear, prev: ScoredYear) {
  const part = (y: ScoredYear) => {
    const tools = new Map<ToolId, Rational>();
    const inds = new Map<number, Rational>();
    for (const t of TOOL_IDS) {
      const defs = y.framework.indicators.filter((d) => d.tool === t);
      const w = fromNumber(y.weights[t]);
      tools.set(t, mul(w, mean(defs.map((d) => fromNumber(y.scores[d.no])))));
      for (const d of defs)
        inds.set(d.no, mul({ num: w.num, den: w.den * BigInt(defs.length) }, fromNumber(y.scores[d.no])));
    }
    return { tools, inds };
  };
  const a = part(cur);
  const b = part(prev);
  const neg = (r: Rational): Rational => ({ num: -r.num, den: r.den });
  const zero = { num: 0n, den: 1n };
  return {
    tools: TOOL_IDS.map((t) => add(a.tools.get(t)!, neg(b.tools.get(t)!))),
    inds: (nos: number[]) => nos.map((n) => add(a.inds.get(n) ?? zero, neg(b.inds.get(n) ?? zero))),
  };
}

/** |printed − exact| < 0.01, i.e. the printed hundredths are the exact part rounded down or up. */
function within(printed: number, exact: Rational): boolean {
  const p = BigInt(h(printed));
  const e100 = { num: exact.num * 100n, den: exact.den };
  return (p - 1n) * e100.den < e100.num && e100.num < (p + 1n) * e100.den;
}

describe("change: properties (fast-check)", () => {
  const grid = fc.integer({ min: 0, max: 10000 }).map((x) => x / 100);
  const fine = fc.integer({ min: 0, max: 1000000 }).map((x) => x / 10000); // 4 decimals
  const weightsArb = fc.constantFrom<Record<ToolId, number>>(
    { IIT: 0.3, EIT: 0.3, OIT: 0.4 },
    { IIT: 0.3333, EIT: 0.3333, OIT: 0.3334 },
    { IIT: 0.25, EIT: 0.35, OIT: 0.4 },
  );

  const check = (
    fw: Framework,
    prevFw: Framework,
    cur: number[],
    prev: number[],
    w: Record<ToolId, number>,
    pw: Record<ToolId, number>,
  ) => {
    const cy: ScoredYear = { year: 2568, scores: byNo(cur), framework: fw, weights: w };
    const py: ScoredYear = { year: 2567, scores: byNo(prev), framework: prevFw, weights: pw };
    const rc = scoreYear(cy.scores, fw, w);
    const rp = scoreYear(py.scores, prevFw, pw);
    const c = decomposeChange(cy, py, { cur: rc, prev: rp }, RATING_RULES_2566);
    // the printed total change is the difference of the printed totals
    expect(h(c.total)).toBe(h(rc.total) - h(rp.total));
    // tools and indicators add up exactly to it
    expect(c.byTool.reduce((s, t) => s + h(t.contribution), 0)).toBe(h(c.total));
    expect(c.byIndicator.reduce((s, t) => s + h(t.contribution), 0)).toBe(h(c.total));
    // each printed part is its exact part rounded down or up
    const ex = exactParts(cy, py);
    c.byTool.forEach((t, i) => expect(within(t.contribution, ex.tools[i])).toBe(true));
    const parts = ex.inds(c.byIndicator.map((i) => i.no));
    c.byIndicator.forEach((t, i) => expect(within(t.contribution, parts[i])).toBe(true));
    return c;
  };

  test("same framework: sums exact, each part within 0.01 of the exact, indicators add up to their tool", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(grid, fine), { minLength: 10, maxLength: 10 }),
        fc.array(fc.oneof(grid, fine), { minLength: 10, maxLength: 10 }),
        weightsArb,
        (cur, prev, w) => {
          const fw = frameworkForYear(2568).framework;
          const c = check(fw, fw, cur, prev, w, w);
          for (const t of c.byTool) {
            const nos = fw.indicators.filter((d) => d.tool === t.tool).map((d) => d.no);
            const s = c.byIndicator.filter((i) => nos.includes(i.no)).reduce((a, i) => a + h(i.contribution), 0);
            expect(s).toBe(h(t.contribution));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  test("a 12-indicator framework against a 10-indicator year with other weights still adds up", () => {
    const fw12 = customFramework(["IIT", "IIT", "IIT", "IIT", "IIT", "EIT", "EIT", "EIT", "OIT", "OIT", "OIT", "EIT"], {
      IIT: 0.25,
      EIT: 0.35,
      OIT: 0.4,
    });
    fc.assert(
      fc.property(
        fc.array(grid, { minLength: 12, maxLength: 12 }),
        fc.array(grid, { minLength: 10, maxLength: 10 }),
        (cur, prev) => {
          const fw10 = frameworkForYear(2567).framework;
          const c = check(fw12, fw10, cur, prev, fw12.weights, fw10.weights);
          expect(c.byIndicator.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
          expect(c.byIndicator[10].change).toBeNull(); // 11 was not scored the year before
        },
      ),
      { numRuns: 200 },
    );
  });

  test("apportion: largest remainder, ties in order", () => {
    const r = (n: number, d: number): Rational => ({ num: BigInt(n), den: BigInt(d) });
    // 1/3 + 1/3 + 1/3 of a hundredth each, to 1 hundredth: the first gets it
    expect(apportion([r(1, 300), r(1, 300), r(1, 300)], 1n)).toEqual([1n, 0n, 0n]);
    // −1/3 each to −1: floors −1, −1, −1; the two hundredths left go to the first two
    expect(apportion([r(-1, 300), r(-1, 300), r(-1, 300)], -1n)).toEqual([0n, 0n, -1n]);
    // seed 004's tools: −2.5068, 2.092, −12.558 to −12.97
    expect(apportion([r(-25068, 10000), r(2092, 1000), r(-12558, 1000)], -1297n)).toEqual([-250n, 209n, -1256n]);
    expect(() => apportion([r(1, 1)], 500n)).toThrow();
  });

  test("the analysis of seed 002 alone has no change; 2565 → 2566 uses the 2566 rating for the drivers", () => {
    expect(ok(analyze(inputOf({ 2565: SEED_002_2565 }))).change).toBeNull();
    const raised = SEED_002_2565.map((s, i) => (i >= 5 && i <= 7 ? Math.min(100, s + 5) : s));
    const a = ok(analyze(inputOf({ 2565: SEED_002_2565, 2566: raised })));
    expect(a.rating).toBe("ผ่านดี");
    expect(a.change!.drivers[0]).toEqual({ kind: "moved", tool: "EIT", contribution: 1.5 });
    expect(a.change!.total).toBe(1.5);
  });
});
