/**
 * The path to the next rating: for the current indicator scores and a goal (a rating, or a total
 * the user types), the smallest total of indicator-point gains (each indicator capped at 100) that
 * meets every condition of the goal, with the target of each indicator. Pure and exact.
 *
 * The model (all in hundredths of a point, so every target is on the 0.01 grid):
 * - a tool's score is round-half-up(S_t / n_t) with S_t the sum of its indicators, so
 *   "tool ≥ τ" ⟺ S_t ≥ ⌈n_t·(τ − 0.005)⌉;
 * - the total is round-half-up(Σ w_t·S_t / n_t), so "total ≥ θ" ⟺ Σ (w_t/n_t)·S_t ≥ θ − 0.005.
 * Both conditions depend on a tool's indicators only through their sum S_t, so only the gain per
 * tool G_t matters, and G_t can be split freely among the tool's indicators (up to 100 each).
 * The problem is then: minimise Σ G_t subject to L_t ≤ G_t ≤ room_t (L_t from the tool threshold)
 * and Σ c_t·G_t ≥ D (the total's shortfall; c_t = w_t/n_t, the weight of one point of the tool in
 * the total). Take G_t = L_t first (forced), then fill the remaining shortfall from the tool whose
 * point weighs most, then the next: with k units the largest reachable Σ c_t·G_t is exactly this
 * greedy fill, so the first k that reaches D is the minimum, on integers as well (every unit is
 * worth at most the best remaining c_t). test/core/planner.test.ts checks this against exhaustive
 * search on a 0.01 grid and with fast-check.
 *
 * Within a tool, the gain goes to its lowest indicators first (water-filling): every point of a
 * tool counts the same, and lifting the weakest indicators is what the analysis recommends.
 *
 * Scores with more than 2 decimals are planned from their value cut to 2 decimals: the plan stays
 * feasible (an unchanged indicator is at least that), a raised indicator's target is above its score.
 */
import { fromNumber, add, roundHalfUp, type Rational } from "./decimal";
import type { Framework, RatingRule } from "./types";
import { meetsRule, ratingOf, scoreYear } from "./scoring";
import { TOOL_IDS, type Rating, type ToolId } from "./types";

/** The goal of a plan: every condition a plan must meet. */
export interface PlanGoal {
  /** Least (rounded) total. */
  minTotal: number;
  /** Least (rounded) score per tool; a tool not named has no minimum. */
  minTools: Partial<Record<ToolId, number>>;
}

export interface PlanStep {
  no: number;
  from: number;
  to: number;
}

export interface PlanOutcome {
  possible: boolean;
  /** Sum of the indicator gains, in points (2 decimals); 0 when impossible. */
  totalGain: number;
  /** The indicators to raise, in number order (empty when impossible or nothing is needed). */
  indicators: PlanStep[];
  /** The plan's targets re-scored by scoring.ts (null when impossible). */
  reaches: { tools: Record<ToolId, number>; total: number; rating: Rating | null } | null;
}

export interface Plan extends PlanOutcome {
  /** A rating, or the total the user typed. */
  target: Rating | number;
}

export interface PlanOptions {
  /** Tool weights (fractions); the framework's by default. */
  weights?: Record<ToolId, number>;
  /** The indicators allowed to change; all by default. */
  only?: readonly number[];
  /** Rules used to state the rating the plan reaches (the framework's, else the 2566 rules). */
  rules?: readonly RatingRule[];
}

const CAP = 10000n; // 100 points in hundredths

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}
const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;
const ceilDiv = (a: bigint, b: bigint): bigint => (a <= 0n ? -(-a / b) : (a + b - 1n) / b); // b > 0

/** ⌈100·x⌉ for a threshold x (a threshold between grid points is the next grid point). */
function hundredthsCeil(x: number): bigint {
  const r = fromNumber(x);
  return ceilDiv(r.num * 100n, r.den);
}
/** ⌊100·x⌋ for a score x. */
function hundredthsFloor(x: number): bigint {
  const r = fromNumber(x);
  const q = (r.num * 100n) / r.den;
  return r.num < 0n && q * r.den !== r.num * 100n ? q - 1n : q;
}

/** Raises `values` (hundredths) by `gain` in total, lowest first, none above CAP. Returns new values. */
function waterFill(values: bigint[], gain: bigint): bigint[] {
  const order = values
    .map((v, i) => i)
    .sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : a - b));
  const out = [...values];
  let left = gain;
  // raise the k lowest together to the next level, k = 1, 2, …
  let k = 0;
  while (left > 0n) {
    k++;
    const level = out[order[k - 1]];
    const next = k < order.length ? out[order[k]] : CAP;
    const need = (next - level) * BigInt(k); // to bring the k lowest up to `next`
    if (need >= left || k === order.length) {
      const each = left / BigInt(k);
      let extra = left - each * BigInt(k);
      for (let j = 0; j < k; j++) {
        out[order[j]] = level + each + (extra > 0n ? 1n : 0n);
        if (extra > 0n) extra--;
      }
      left = 0n;
    } else {
      for (let j = 0; j < k; j++) out[order[j]] = next;
      left -= need;
    }
  }
  return out;
}

/**
 * The cheapest plan that meets `goal` from `scores` (indicator number → score), exactly.
 * Every indicator of the framework must have a score. Uses the integer fast path when it applies
 * (scores and thresholds with at most 2 decimals, small weight denominators), else BigInt.
 */
export function planFor(
  scores: Record<number, number>,
  fw: Framework,
  goal: PlanGoal,
  options: PlanOptions = {},
): PlanOutcome {
  return planFast(scores, fw, goal, options) ?? planExact(scores, fw, goal, options);
}

interface FastModel {
  tools: Array<{ tool: ToolId; nos: number[]; n: number; coef: number }>;
  /** The common multiple: Σ coef_t·S_t ≥ m·θ − m/2 is the total's condition. */
  m: number;
}
const fastModels = new WeakMap<Framework, Map<string, FastModel | null>>();

/** The integer model of a framework and weights, or null when its numbers are too large. */
function fastModel(fw: Framework, weights: Record<ToolId, number>): FastModel | null {
  let byWeights = fastModels.get(fw);
  if (!byWeights) fastModels.set(fw, (byWeights = new Map()));
  const key = TOOL_IDS.map((t) => weights[t]).join("|");
  const cached = byWeights.get(key);
  if (cached !== undefined) return cached;
  const parts = TOOL_IDS.map((tool) => {
    const nos = fw.indicators.filter((d) => d.tool === tool).map((d) => d.no);
    return { tool, nos, n: BigInt(nos.length), w: fromNumber(weights[tool]) };
  });
  let m = 2n;
  for (const p of parts) if (p.n > 0n) m = lcm(m, p.w.den * p.n);
  const coefs = parts.map((p) => (p.n > 0n ? (m * p.w.num) / (p.w.den * p.n) : 0n));
  // with m, coef ≤ 2^26, |θ| ≤ 10^7 hundredths and scores ≤ 100 (S_t ≤ 10^4·n_t), every product
  // and sum below stays under 2^53 for frameworks of up to ~10^4 indicators
  const LIMIT = 2n ** 26n;
  const model =
    m > LIMIT || coefs.some((c) => c > LIMIT || c < 0n)
      ? null
      : {
          m: Number(m),
          tools: parts.map((p, i) => ({ tool: p.tool, nos: p.nos, n: p.nos.length, coef: Number(coefs[i]) })),
        };
  byWeights.set(key, model);
  return model;
}

/** x·100 when x has at most 2 decimals (and is not huge), else null. */
function gridHundredths(x: number): number | null {
  const h = Math.round(x * 100);
  return h / 100 === x && Math.abs(h) <= 1e7 ? h : null;
}

/** The same plan as planExact on safe integers (a property test checks they agree); null when it does not apply. */
export function planFast(
  scores: Record<number, number>,
  fw: Framework,
  goal: PlanGoal,
  options: PlanOptions = {},
): PlanOutcome | null {
  const weights = options.weights ?? fw.weights;
  const model = fastModel(fw, weights);
  if (model === null || fw.indicators.length > 10000) return null;
  const theta = gridHundredths(goal.minTotal);
  if (theta === null) return null;
  const only = options.only ? new Set(options.only) : null;
  const k = model.tools.length;
  const base: number[][] = [];
  const free: boolean[][] = [];
  const sums: number[] = [];
  const rooms: number[] = [];
  const gains: number[] = [];
  for (let t = 0; t < k; t++) {
    const tm = model.tools[t];
    const b: number[] = [];
    const f: boolean[] = [];
    let sum = 0;
    let room = 0;
    for (const no of tm.nos) {
      const v = scores[no];
      if (v === undefined) throw new RangeError(`missing score for indicator ${no}`);
      const h = gridHundredths(v);
      if (h === null) return null;
      const isFree = only === null || only.has(no);
      b.push(h);
      f.push(isFree);
      sum += h;
      if (isFree && h < 10000) room += 10000 - h;
    }
    base.push(b);
    free.push(f);
    sums.push(sum);
    rooms.push(room);
    const min = goal.minTools[tm.tool];
    let g = 0;
    if (min !== undefined) {
      const tau = gridHundredths(min);
      if (tau === null) return null;
      g = Math.max(0, Math.ceil((tm.n * (2 * tau - 1)) / 2) - sum);
    }
    if (g > room) return { possible: false, totalGain: 0, indicators: [], reaches: null };
    gains.push(g);
  }
  let short = model.m * theta - model.m / 2;
  for (let t = 0; t < k; t++) short -= model.tools[t].coef * (sums[t] + gains[t]);
  const order = model.tools.map((_x, i) => i).sort((a, b) => model.tools[b].coef - model.tools[a].coef || a - b);
  for (const t of order) {
    if (short <= 0) break;
    const c = model.tools[t].coef;
    if (c <= 0) continue;
    let take = Math.floor(short / c);
    while (take * c < short) take++; // exact ceiling on integers
    while (take > 0 && (take - 1) * c >= short) take--;
    const g = Math.min(take, rooms[t] - gains[t]);
    gains[t] += g;
    short -= g * c;
  }
  if (short > 0) return { possible: false, totalGain: 0, indicators: [], reaches: null };

  const targets: Record<number, number> = { ...scores };
  const steps: PlanStep[] = [];
  let gainH = 0;
  for (let t = 0; t < k; t++) {
    if (gains[t] === 0) continue;
    const idx = base[t].map((_v, i) => i).filter((i) => free[t][i]);
    const filled = waterFillNumber(
      idx.map((i) => base[t][i]),
      gains[t],
    );
    idx.forEach((i, j) => {
      if (filled[j] === base[t][i]) return;
      const no = model.tools[t].nos[i];
      const to = filled[j] / 100;
      targets[no] = to;
      steps.push({ no, from: scores[no], to });
      gainH += filled[j] - base[t][i];
    });
  }
  steps.sort((a, b) => a.no - b.no);
  const r = scoreYear(targets, fw, weights);
  const rules = options.rules ?? fw.ratings ?? undefined;
  return {
    possible: true,
    totalGain: gainH / 100,
    indicators: steps,
    reaches: { tools: r.tools, total: r.total, rating: ratingOf(r.total, r.tools, rules) },
  };
}

/** waterFill on safe integers. */
function waterFillNumber(values: number[], gain: number): number[] {
  const order = values.map((_v, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const out = [...values];
  let left = gain;
  let k = 0;
  while (left > 0) {
    k++;
    const level = out[order[k - 1]];
    const next = k < order.length ? out[order[k]] : 10000;
    const need = (next - level) * k;
    if (need >= left || k === order.length) {
      const each = Math.floor(left / k);
      let extra = left - each * k;
      for (let j = 0; j < k; j++) {
        out[order[j]] = level + each + (extra > 0 ? 1 : 0);
        if (extra > 0) extra--;
      }
      left = 0;
    } else {
      for (let j = 0; j < k; j++) out[order[j]] = next;
      left -= need;
    }
  }
  return out;
}

/** The plan on BigInt rationals: any finite scores, thresholds and weights. */
export function planExact(
  scores: Record<number, number>,
  fw: Framework,
  goal: PlanGoal,
  options: PlanOptions = {},
): PlanOutcome {
  const weights = options.weights ?? fw.weights;
  const only = options.only ? new Set(options.only) : null;
  const impossible: PlanOutcome = { possible: false, totalGain: 0, indicators: [], reaches: null };

  // per tool: indicators, base sum, room, weight as a rational
  type ToolState = { tool: ToolId; nos: number[]; base: bigint[]; free: boolean[]; n: bigint; w: Rational };
  const states: ToolState[] = TOOL_IDS.map((tool) => {
    const defs = fw.indicators.filter((d) => d.tool === tool);
    return {
      tool,
      nos: defs.map((d) => d.no),
      base: defs.map((d) => {
        const v = scores[d.no];
        if (v === undefined) throw new RangeError(`missing score for indicator ${d.no}`);
        return hundredthsFloor(v);
      }),
      free: defs.map((d) => only === null || only.has(d.no)),
      n: BigInt(defs.length),
      w: fromNumber(weights[tool]),
    };
  });
  // common multiple so that every c_t = w_t/n_t and the half in the rounding are integers
  let m = 2n;
  for (const s of states) if (s.n > 0n) m = lcm(m, s.w.den * s.n);
  const coef = states.map((s) => (s.n > 0n ? (m * s.w.num) / (s.w.den * s.n) : 0n));

  const sums = states.map((s) => s.base.reduce((a, b) => a + b, 0n));
  const rooms = states.map((s) => s.base.reduce((a, v, i) => a + (s.free[i] && v < CAP ? CAP - v : 0n), 0n));

  // forced gains from the tool thresholds: S_t ≥ ⌈n_t·(2τ − 1)/2⌉
  const gains = states.map((s, i) => {
    const min = goal.minTools[s.tool];
    if (min === undefined) return 0n;
    const need = ceilDiv(s.n * (2n * hundredthsCeil(min) - 1n), 2n) - sums[i];
    return need > 0n ? need : 0n;
  });
  if (gains.some((g, i) => g > rooms[i])) return impossible;

  // total: Σ coef_t·S_t ≥ m·θ − m/2
  const theta = hundredthsCeil(goal.minTotal);
  let short = m * theta - m / 2n - states.reduce((a, _s, i) => a + coef[i] * (sums[i] + gains[i]), 0n);
  const byWeight = states.map((_s, i) => i).sort((a, b) => (coef[b] > coef[a] ? 1 : coef[b] < coef[a] ? -1 : a - b));
  for (const i of byWeight) {
    if (short <= 0n) break;
    if (coef[i] <= 0n) continue;
    const take = ceilDiv(short, coef[i]);
    const room = rooms[i] - gains[i];
    const g = take < room ? take : room;
    gains[i] += g;
    short -= g * coef[i];
  }
  if (short > 0n) return impossible;

  // targets, water-filled within each tool among the free indicators
  const targets: Record<number, number> = { ...scores };
  const steps: PlanStep[] = [];
  let gainExact: Rational = { num: 0n, den: 1n };
  states.forEach((s, t) => {
    if (gains[t] === 0n) return;
    const freeIdx = s.base.map((_v, i) => i).filter((i) => s.free[i]);
    const filled = waterFill(
      freeIdx.map((i) => s.base[i]),
      gains[t],
    );
    freeIdx.forEach((i, j) => {
      if (filled[j] === s.base[i]) return;
      const no = s.nos[i];
      const to = Number(filled[j]) / 100;
      targets[no] = to;
      steps.push({ no, from: scores[no], to });
      const from = fromNumber(scores[no]);
      gainExact = add(gainExact, add({ num: filled[j], den: 100n }, { num: -from.num, den: from.den }));
    });
  });
  steps.sort((a, b) => a.no - b.no);
  const r = scoreYear(targets, fw, weights);
  const rules = options.rules ?? fw.ratings ?? undefined;
  return {
    possible: true,
    totalGain: roundHalfUp(gainExact, 2),
    indicators: steps,
    reaches: { tools: r.tools, total: r.total, rating: ratingOf(r.total, r.tools, rules) },
  };
}

/** Whether re-scored targets meet a goal (used by tests and the bench to check plans). */
export function meetsGoal(
  scores: Record<number, number>,
  fw: Framework,
  goal: PlanGoal,
  weights = fw.weights,
): boolean {
  const r = scoreYear(scores, fw, weights);
  return meetsRule(r.total, r.tools, { rating: "ผ่าน", minTotal: goal.minTotal, minTools: goal.minTools });
}

/** The ratings a plan aims at: ผ่าน and better, in the order of the rules (best first). */
export const PLAN_RATINGS: readonly Rating[] = ["ผ่าน", "ผ่านดี", "ผ่านดีเยี่ยม"];

/**
 * Plans for each rating above the current one among ผ่าน, ผ่านดี, ผ่านดีเยี่ยม (worst first),
 * then for the typed total when given. `rules` are the rating rules of the framework (the
 * thresholds are read from them, never assumed here).
 */
export function planRatings(
  scores: Record<number, number>,
  fw: Framework,
  rules: readonly RatingRule[],
  options: { weights?: Record<ToolId, number>; typedTotal?: number; only?: readonly number[] } = {},
): Plan[] {
  const weights = options.weights ?? fw.weights;
  const now = scoreYear(scores, fw, weights);
  const current = ratingOf(now.total, now.tools, rules);
  const rank = (r: Rating) => rules.findIndex((x) => x.rating === r);
  const plans: Plan[] = [];
  for (const target of PLAN_RATINGS) {
    const rule = rules.find((x) => x.rating === target);
    if (!rule || rank(target) >= rank(current)) continue;
    plans.push({ target, ...planFor(scores, fw, rule, { weights, rules, only: options.only }) });
  }
  plans.sort((a, b) => rank(b.target as Rating) - rank(a.target as Rating));
  if (options.typedTotal !== undefined)
    plans.push({
      target: options.typedTotal,
      ...planFor(scores, fw, { minTotal: options.typedTotal, minTools: {} }, { weights, rules, only: options.only }),
    });
  return plans;
}
