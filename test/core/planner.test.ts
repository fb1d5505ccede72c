import fc from "fast-check";
import { frameworkForYear, RATING_RULES_2566 } from "../../src/core/frameworks";
import type { Framework } from "../../src/core/types";
import { meetsGoal, planExact, planFast, planFor, planRatings, type PlanGoal } from "../../src/core/planner";
import { ratingOf, scoreYear } from "../../src/core/scoring";
import type { ToolId } from "../../src/core/types";
import { customFramework, rng } from "../helpers/frameworks";
import { SEED_004_2567, SEED_004_2568 } from "../helpers/input";

const byNo = (scores: number[]) => Object.fromEntries(scores.map((s, i) => [i + 1, s]));
const FW = frameworkForYear(2568).framework;
const rule = (r: string): PlanGoal => RATING_RULES_2566.find((x) => x.rating === r)!;

/** Targets of a plan applied to the scores. */
function apply(scores: Record<number, number>, steps: Array<{ no: number; to: number }>): Record<number, number> {
  const out = { ...scores };
  for (const s of steps) out[s.no] = s.to;
  return out;
}

/**
 * Exhaustive search on the 0.01 grid: the least total gain (hundredths) up to `budget` whose
 * targets, re-scored by scoring.ts, meet the goal; null when none does. Every vector of
 * per-indicator gains with sum ≤ budget is tried, in order of its sum.
 */
function bruteForce(
  scores: Record<number, number>,
  fw: Framework,
  goal: PlanGoal,
  budget: number,
  weights = fw.weights,
): number | null {
  const nos = fw.indicators.map((d) => d.no);
  const base = nos.map((n) => Math.round(scores[n] * 100));
  const gains = nos.map(() => 0);
  const tryAll = (i: number, left: number): boolean => {
    if (i === nos.length - 1) {
      gains[i] = left; // the sum is exactly the level being searched
      if (base[i] + left > 10000) return false;
      const t: Record<number, number> = {};
      nos.forEach((n, j) => (t[n] = (base[j] + gains[j]) / 100));
      return meetsGoal(t, fw, goal, weights);
    }
    for (let g = 0; g <= left; g++) {
      if (base[i] + g > 10000) break;
      gains[i] = g;
      if (tryAll(i + 1, left - g)) return true;
    }
    return false;
  };
  for (let total = 0; total <= budget; total++) if (tryAll(0, total)) return total;
  return null;
}

describe("planner: worked example, seed 004 อบต.ดงขวาง 2568 (78.31, ต้องปรับปรุง)", () => {
  const scores = byNo(SEED_004_2568);
  const plans = planRatings(scores, FW, RATING_RULES_2566);
  test("one plan per higher rating, worst first", () => {
    expect(plans.map((p) => p.target)).toEqual(["ผ่าน", "ผ่านดี", "ผ่านดีเยี่ยม"]);
  });
  test("ผ่าน: 33.42 OIT points, indicator 9 lifted first", () => {
    // total 78.3118 must reach 84.995: 6.6832 / 0.2 (weight of one OIT point) = 33.416 → 33.42;
    // 9: 41.50 → 65.00 (23.50), then 9.92 shared: 69.96 and 69.96; total 84.9958 → 85.00
    expect(plans[0]).toMatchObject({
      possible: true,
      totalGain: 33.42,
      indicators: [
        { no: 9, from: 41.5, to: 69.96 },
        { no: 10, from: 65, to: 69.96 },
      ],
    });
    expect(plans[0].reaches).toEqual({ tools: { IIT: 91.07, EIT: 98.97, OIT: 69.96 }, total: 85, rating: "ผ่าน" });
    // one hundredth less is not enough
    expect(meetsGoal({ ...scores, 9: 69.96, 10: 69.95 }, FW, rule("ผ่าน"))).toBe(false);
  });
  test("ผ่านดี: OIT must reach 84.995 (sum 169.99): 63.49 points", () => {
    expect(plans[1]).toMatchObject({
      possible: true,
      totalGain: 63.49,
      indicators: [
        { no: 9, from: 41.5, to: 85 },
        { no: 10, from: 65, to: 84.99 },
      ],
    });
    expect(plans[1].reaches!.rating).toBe("ผ่านดี");
  });
  test("ผ่านดีเยี่ยม: IIT to 94.995 (+19.65) and OIT to 94.995 (+83.49)", () => {
    // IIT sum must reach 474.98 (from 455.33): 19.65 points, lowest first: 4: 75.33 → 92.89 (17.56),
    // 4 and 1 → 93.11 (0.44), then 4, 1 and 5 share 1.65 → 93.66 each; OIT sum 189.99 from 106.50: 83.49
    const p = plans[2];
    expect(p.totalGain).toBe(103.14);
    expect(p.indicators).toEqual([
      { no: 1, from: 92.89, to: 93.66 },
      { no: 4, from: 75.33, to: 93.66 },
      { no: 5, from: 93.11, to: 93.66 },
      { no: 9, from: 41.5, to: 95 },
      { no: 10, from: 65, to: 94.99 },
    ]);
    expect(p.reaches).toEqual({ tools: { IIT: 95, EIT: 98.97, OIT: 95 }, total: 96.19, rating: "ผ่านดีเยี่ยม" });
  });
  test("a typed total: 90.00", () => {
    const [p] = planRatings(scores, FW, RATING_RULES_2566, { typedTotal: 90 }).slice(-1);
    expect(p.target).toBe(90);
    // 89.995 − 78.3118 = 11.6832 → /0.2 = 58.416 → 58.42 OIT points
    expect(p.totalGain).toBe(58.42);
    expect(p.reaches!.total).toBe(90);
  });
  test("an impossible total says so", () => {
    const p = planFor(scores, FW, { minTotal: 100.01, minTools: {} });
    expect(p).toEqual({ possible: false, totalGain: 0, indicators: [], reaches: null });
  });
  test("a unit already at ผ่านดีเยี่ยม gets no rating plan; a goal already met costs nothing", () => {
    expect(planRatings(byNo(Array(10).fill(96)), FW, RATING_RULES_2566)).toEqual([]);
    expect(planFor(byNo(SEED_004_2567), FW, { minTotal: 80, minTools: {} })).toMatchObject({
      possible: true,
      totalGain: 0,
      indicators: [],
    });
  });
  test("the thresholds are read from the rules given, not assumed", () => {
    const strict = RATING_RULES_2566.map((r) => (r.rating === "ผ่าน" ? { ...r, minTotal: 86 } : r));
    const p = planRatings(scores, FW, strict)[0];
    expect(p.target).toBe("ผ่าน");
    expect(p.reaches!.total).toBe(86);
  });
  test("when the best tool is full, the next best is used", () => {
    // OIT at 100 already: the total can only rise through EIT (0.1 per point) then IIT (0.06)
    const s = byNo([80, 80, 80, 80, 80, 80, 80, 80, 100, 100]); // total 0.6·80 + 40 = 88
    const p = planFor(s, FW, { minTotal: 95, minTools: {} });
    // 94.995 − 88 = 6.995: EIT gives at most 0.1·60 = 6.0, then IIT 0.995/0.06 = 16.58… → 16.59
    expect(p.totalGain).toBe(76.59);
    expect(p.reaches!.total).toBe(95);
  });
  test("only the allowed indicators change; a blocked tool makes the goal impossible", () => {
    const p = planFor(scores, FW, rule("ผ่าน"), { only: [9, 10] });
    expect(p.indicators.map((s) => s.no)).toEqual([9, 10]);
    const blocked = planFor(byNo([80, 80, 80, 80, 80, 90, 90, 90, 60, 60]), FW, rule("ผ่านดี"), { only: [9, 10] });
    expect(blocked.possible).toBe(false);
  });
});

describe("planner: optimal against exhaustive search on the 0.01 grid", () => {
  const cases: Array<{ name: string; fw: Framework; weights?: Record<ToolId, number> }> = [
    { name: "4 indicators (IIT 2, EIT 1, OIT 1)", fw: customFramework(["IIT", "IIT", "EIT", "OIT"]) },
    {
      name: "4 indicators, weights 33.33/33.33/33.34",
      fw: customFramework(["IIT", "EIT", "OIT", "OIT"], { IIT: 0.3333, EIT: 0.3333, OIT: 0.3334 }),
    },
    {
      name: "5 indicators, weights 25/35/40",
      fw: customFramework(["IIT", "IIT", "EIT", "EIT", "OIT"], { IIT: 0.25, EIT: 0.35, OIT: 0.4 }),
    },
  ];
  const BUDGET = 16;
  test.each(cases)("$name: typed totals and tool thresholds just above the scores", ({ fw }) => {
    const rand = rng(fw.indicators.length * 7919 + Math.round(fw.weights.IIT * 1e4));
    let compared = 0;
    let matched = 0;
    for (let k = 0; k < 60; k++) {
      // scores on the grid, some at or near 100 so caps bind
      const scores: Record<number, number> = {};
      for (const d of fw.indicators)
        scores[d.no] = rand() < 0.25 ? 100 - Math.floor(rand() * 4) / 100 : Math.round((80 + rand() * 20) * 100) / 100;
      const now = scoreYear(scores, fw);
      const goal: PlanGoal = {
        minTotal: Math.round((now.total + Math.floor(rand() * 6) / 100) * 100) / 100,
        minTools: {},
      };
      if (rand() < 0.5) {
        const tool = (["IIT", "EIT", "OIT"] as const)[Math.floor(rand() * 3)];
        goal.minTools[tool] = Math.min(100, Math.round((now.tools[tool] + Math.floor(rand() * 4) / 100) * 100) / 100);
      }
      const plan = planFor(scores, fw, goal);
      const best = bruteForce(scores, fw, goal, BUDGET);
      compared++;
      if (best === null) {
        // nothing within the budget: the plan must cost more, or be impossible
        expect(!plan.possible || Math.round(plan.totalGain * 100) > BUDGET).toBe(true);
      } else {
        expect(plan.possible).toBe(true);
        expect(Math.round(plan.totalGain * 100)).toBe(best);
        matched++;
      }
      if (plan.possible) expect(meetsGoal(apply(scores, plan.indicators), fw, goal)).toBe(true);
    }
    expect(compared).toBe(60);
    expect(matched).toBeGreaterThan(40); // most cases are decided inside the budget
  });

  test("10 indicators of the real framework, typed totals a few hundredths up", () => {
    const rand = rng(2568);
    let matched = 0;
    for (let k = 0; k < 25; k++) {
      const scores = byNo(
        Array.from({ length: 10 }, () => (rand() < 0.3 ? 100 : Math.round((85 + rand() * 15) * 100) / 100)),
      );
      const now = scoreYear(scores, FW);
      const goal = {
        minTotal: Math.round((now.total + 0.01 + Math.floor(rand() * 2) / 100) * 100) / 100,
        minTools: {},
      };
      const plan = planFor(scores, FW, goal);
      const best = bruteForce(scores, FW, goal, 7);
      if (best !== null) {
        expect(Math.round(plan.totalGain * 100)).toBe(best);
        matched++;
      } else expect(!plan.possible || Math.round(plan.totalGain * 100) > 7).toBe(true);
    }
    expect(matched).toBeGreaterThan(10);
  });
});

describe("planner: properties (fast-check)", () => {
  const score = fc.integer({ min: 0, max: 10000 }).map((h) => h / 100);
  const scoresArb = fc.array(score, { minLength: 10, maxLength: 10 }).map(byNo);
  const goalArb = fc.record({
    minTotal: fc.integer({ min: 5000, max: 10050 }).map((h) => h / 100),
    tool: fc.option(
      fc.integer({ min: 5000, max: 10000 }).map((h) => h / 100),
      { nil: undefined },
    ),
  });

  test("every possible plan, re-scored by scoring.ts, meets its goal; targets on the grid, ≤ 100, raised only", () => {
    fc.assert(
      fc.property(scoresArb, goalArb, (scores, g) => {
        const goal: PlanGoal = {
          minTotal: g.minTotal,
          minTools: g.tool === undefined ? {} : { IIT: g.tool, EIT: g.tool, OIT: g.tool },
        };
        const p = planFor(scores, FW, goal);
        const allMax = meetsGoal(byNo(Array(10).fill(100)), FW, goal);
        expect(p.possible).toBe(allMax); // impossible exactly when even 100 everywhere fails
        if (!p.possible) return;
        const t = apply(scores, p.indicators);
        expect(meetsGoal(t, FW, goal)).toBe(true);
        let sum = 0;
        for (const s of p.indicators) {
          expect(s.to).toBeGreaterThan(s.from);
          expect(s.to).toBeLessThanOrEqual(100);
          expect(Math.round(s.to * 100) / 100).toBe(s.to);
          sum += Math.round(s.to * 100) - Math.round(s.from * 100);
        }
        expect(Math.round(p.totalGain * 100)).toBe(sum);
      }),
      { numRuns: 400 },
    );
  });

  test("no cheaper plan: one hundredth less on any raised indicator fails, and random cheaper plans fail", () => {
    fc.assert(
      fc.property(scoresArb, goalArb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (scores, g, seed) => {
        const goal: PlanGoal = { minTotal: g.minTotal, minTools: g.tool === undefined ? {} : { OIT: g.tool } };
        const p = planFor(scores, FW, goal);
        if (!p.possible || p.totalGain === 0) return;
        const t = apply(scores, p.indicators);
        for (const s of p.indicators)
          expect(meetsGoal({ ...t, [s.no]: Math.round(s.to * 100 - 1) / 100 }, FW, goal)).toBe(false);
        // random plans with one hundredth less in total, spread over random indicators
        const rand = rng(seed);
        const budget = Math.round(p.totalGain * 100) - 1;
        for (let k = 0; k < 30; k++) {
          const x = { ...scores };
          let left = budget;
          for (let guard = 0; left > 0 && guard < 200; guard++) {
            const no = 1 + Math.floor(rand() * 10);
            const room = 10000 - Math.round(x[no] * 100);
            const add = Math.min(room, left, 1 + Math.floor(rand() * Math.max(1, left)));
            x[no] = (Math.round(x[no] * 100) + add) / 100;
            left -= add;
          }
          expect(meetsGoal(x, FW, goal)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("scores with more than 2 decimals: the plan stays feasible", () => {
    const scores = byNo([84.645, 90.001, 88.8888, 70.3333, 99.999, 84.995, 84.994, 77.7777, 50.505, 60.0001]);
    for (const r of ["ผ่าน", "ผ่านดี", "ผ่านดีเยี่ยม"]) {
      const p = planFor(scores, FW, rule(r));
      expect(p.possible).toBe(true);
      const t = apply(scores, p.indicators);
      const s = scoreYear(t, FW);
      const rank = (x: string) => RATING_RULES_2566.findIndex((y) => y.rating === x);
      expect(rank(ratingOf(s.total, s.tools))).toBeLessThanOrEqual(rank(r));
      expect(meetsGoal(t, FW, rule(r))).toBe(true);
      for (const step of p.indicators) expect(step.to).toBeGreaterThan(step.from);
    }
  });
});

describe("planner: the integer fast path agrees with the BigInt path", () => {
  test("same plans on random 2-decimal inputs, weights and goals (fast-check)", () => {
    const weightsArb = fc.constantFrom<Record<ToolId, number>>(
      { IIT: 0.3, EIT: 0.3, OIT: 0.4 },
      { IIT: 0.3333, EIT: 0.3333, OIT: 0.3334 },
      { IIT: 0.25, EIT: 0.35, OIT: 0.4 },
      { IIT: 0, EIT: 0.5, OIT: 0.5 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 10, maxLength: 10 }),
        weightsArb,
        fc.integer({ min: 0, max: 10100 }),
        fc.option(fc.integer({ min: 0, max: 10000 }), { nil: undefined }),
        fc.option(fc.subarray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { minLength: 1 }), { nil: undefined }),
        (hs, weights, total, tool, only) => {
          const scores = byNo(hs.map((x) => x / 100));
          const goal: PlanGoal = {
            minTotal: total / 100,
            minTools: tool === undefined ? {} : { EIT: tool / 100, OIT: tool / 100 },
          };
          const fast = planFast(scores, FW, goal, { weights, only });
          expect(fast).not.toBeNull();
          expect(fast).toEqual(planExact(scores, FW, goal, { weights, only }));
        },
      ),
      { numRuns: 500 },
    );
  });
  test("inputs off the grid go to the BigInt path", () => {
    const scores = byNo([84.645, 90, 90, 90, 90, 90, 90, 90, 90, 90]);
    expect(planFast(scores, FW, { minTotal: 95, minTools: {} })).toBeNull();
    expect(planFast(byNo(Array(10).fill(90)), FW, { minTotal: 95.005, minTools: {} })).toBeNull();
    expect(planFor(scores, FW, { minTotal: 95, minTools: {} }).possible).toBe(true);
  });
});
