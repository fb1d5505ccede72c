/**
 * Why the result moved: the change of the total from one year to the next, split exactly by tool
 * and by indicator, and what keeps the unit from the next rating. Pure.
 *
 * Exact parts: an indicator scored x this year and p last year adds c·x − c'·p to the change of
 * the exact total, where c = w_t/n_t is its weight in the total (IIT indicators 6 %, EIT 10 %,
 * OIT 20 % under 30/30/40 with 5/3/2 indicators; c = c' when the framework did not change, so the
 * part is c·(x − p)). A tool's part is w_t·T_t − w'_t·T'_t, the sum of its indicators' parts.
 * The parts add up to the exact change of the total.
 *
 * Rounding: the printed change of the total is the difference of the two printed (rounded)
 * totals; it may differ from the exact change by less than 0.01. The printed parts (2 decimals)
 * are apportioned by largest remainder: each exact part, in hundredths, is rounded down, and the
 * hundredths still missing to reach the printed change go, one each, to the parts with the largest
 * remainders (ties in tool / indicator order). So each printed part is its exact part rounded down
 * or up, and the printed parts add up exactly to the printed change. The tools are apportioned
 * first, then each tool's printed part among its indicators, so indicators also add up to their
 * tool (when an indicator moved to another tool between the two frameworks, the indicators are
 * apportioned on the change of the total directly).
 */
import { add, fromNumber, mean, mul, roundHalfUp, type Rational, ZERO } from "./decimal";
import type { Framework, RatingRule } from "./types";
import { ratingOf } from "./scoring";
import { TOOL_IDS, type Rating, type ToolId } from "./types";

/** One year as scored: its scores, framework and the weights used. */
export interface ScoredYear {
  year: number;
  scores: Record<number, number>;
  framework: Framework;
  weights: Record<ToolId, number>;
}

export interface ToolChange {
  tool: ToolId;
  /** Printed tool score this year − printed tool score last year. */
  change: number;
  /** Points of the total, 2 decimals; the tools add up to `total`. */
  contribution: number;
}

export interface IndicatorChange {
  no: number;
  /** Score this year − last year, or null when the indicator was not scored in one of them. */
  change: number | null;
  /** Points of the total, 2 decimals; the indicators add up to `total`. */
  contribution: number;
}

export type Driver =
  /** The tool that moved the total most (largest absolute part). */
  | { kind: "moved"; tool: ToolId; contribution: number }
  /** A condition of the next rating that the unit does not meet: a tool below its threshold, or the total. */
  | { kind: "blocks"; rating: Rating; tool: ToolId | "total"; score: number; threshold: number };

export interface Change {
  /** The previous year. */
  from: number;
  /** Printed total this year − printed total last year. */
  total: number;
  byTool: ToolChange[];
  byIndicator: IndicatorChange[];
  drivers: Driver[];
}

const neg = (r: Rational): Rational => ({ num: -r.num, den: r.den });
const sub = (a: Rational, b: Rational): Rational => add(a, neg(b));
const hundredths = (n: number): bigint => BigInt(Math.round(n * 100));

/** ⌊100·r⌋ and the remainder 100·r − ⌊100·r⌋ (a fraction in [0, 1)). */
function floorHundredths(r: Rational): { floor: bigint; rest: Rational } {
  const n = r.num * 100n;
  let q = n / r.den;
  if (n < 0n && q * r.den !== n) q -= 1n;
  return { floor: q, rest: { num: n - q * r.den, den: r.den } };
}

const less = (a: Rational, b: Rational): boolean => a.num * b.den < b.num * a.den;

/**
 * Largest-remainder apportionment: integers (hundredths) each equal to its exact part rounded
 * down or up, adding up to `target`. Requires |target − Σ parts·100| < 1.
 */
export function apportion(parts: Rational[], target: bigint): bigint[] {
  const f = parts.map(floorHundredths);
  let left = target - f.reduce((a, x) => a + x.floor, 0n);
  const order = parts
    .map((_p, i) => i)
    .sort((a, b) => (less(f[b].rest, f[a].rest) ? -1 : less(f[a].rest, f[b].rest) ? 1 : a - b));
  const out = f.map((x) => x.floor);
  for (const i of order) {
    if (left <= 0n) break;
    out[i] += 1n;
    left -= 1n;
  }
  if (left !== 0n) throw new RangeError("apportion: target out of reach");
  return out;
}

interface Exact {
  tools: Record<ToolId, Rational>;
  total: Rational;
  /** indicator → its term c·x in the total, and its tool */
  terms: Map<number, { term: Rational; tool: ToolId }>;
}

function exactYear(y: ScoredYear): Exact {
  const tools = {} as Record<ToolId, Rational>;
  const terms = new Map<number, { term: Rational; tool: ToolId }>();
  let total = ZERO;
  for (const tool of TOOL_IDS) {
    const defs = y.framework.indicators.filter((d) => d.tool === tool);
    const w = fromNumber(y.weights[tool]);
    tools[tool] = mean(defs.map((d) => fromNumber(y.scores[d.no])));
    total = add(total, mul(w, tools[tool]));
    const c: Rational = { num: w.num, den: w.den * BigInt(defs.length) };
    for (const d of defs) terms.set(d.no, { term: mul(c, fromNumber(y.scores[d.no])), tool });
  }
  return { tools, total, terms };
}

const toNumber = (h: bigint): number => Number(h) / 100;

/** The conditions of the rating above `current` that the scores do not meet. */
export function blockers(
  total: number,
  tools: Record<ToolId, number>,
  rules: readonly RatingRule[],
): Extract<Driver, { kind: "blocks" }>[] {
  const current = ratingOf(total, tools, rules);
  const idx = rules.findIndex((r) => r.rating === current);
  if (idx <= 0) return [];
  // the next rating up whose conditions differ from the current rating's
  const next = rules[idx - 1];
  const out: Extract<Driver, { kind: "blocks" }>[] = [];
  if (total < next.minTotal)
    out.push({ kind: "blocks", rating: next.rating, tool: "total", score: total, threshold: next.minTotal });
  for (const tool of TOOL_IDS) {
    const min = next.minTools[tool];
    if (min !== undefined && tools[tool] < min)
      out.push({ kind: "blocks", rating: next.rating, tool, score: tools[tool], threshold: min });
  }
  return out;
}

/**
 * The change from `prev` to `cur`. `printed` are the two years' printed totals and tool scores
 * (as scoring.ts rounds them); `rules` decide the next rating.
 */
export function decomposeChange(
  cur: ScoredYear,
  prev: ScoredYear,
  printed: {
    cur: { total: number; tools: Record<ToolId, number> };
    prev: { total: number; tools: Record<ToolId, number> };
  },
  rules: readonly RatingRule[],
): Change {
  const a = exactYear(cur);
  const b = exactYear(prev);
  const totalH = hundredths(printed.cur.total) - hundredths(printed.prev.total);

  const toolParts = TOOL_IDS.map((t) =>
    sub(mul(fromNumber(cur.weights[t]), a.tools[t]), mul(fromNumber(prev.weights[t]), b.tools[t])),
  );
  const toolPrinted = apportion(toolParts, totalH);

  // indicators: every number in either year, in number order
  const nos = [...new Set([...a.terms.keys(), ...b.terms.keys()])].sort((x, y) => x - y);
  const toolOf = (no: number): ToolId | null => {
    const ta = a.terms.get(no)?.tool;
    const tb = b.terms.get(no)?.tool;
    return ta && tb && ta !== tb ? null : (ta ?? tb ?? null);
  };
  const indParts = nos.map((no) => sub(a.terms.get(no)?.term ?? ZERO, b.terms.get(no)?.term ?? ZERO));
  const indPrinted = new Array<bigint>(nos.length).fill(0n);
  if (nos.every((no) => toolOf(no) !== null)) {
    TOOL_IDS.forEach((t, ti) => {
      const idx = nos.map((no, i) => (toolOf(no) === t ? i : -1)).filter((i) => i >= 0);
      const got = apportion(
        idx.map((i) => indParts[i]),
        toolPrinted[ti],
      );
      idx.forEach((i, j) => (indPrinted[i] = got[j]));
    });
  } else apportion(indParts, totalH).forEach((v, i) => (indPrinted[i] = v));

  const byTool: ToolChange[] = TOOL_IDS.map((tool, i) => ({
    tool,
    change: toNumber(hundredths(printed.cur.tools[tool]) - hundredths(printed.prev.tools[tool])),
    contribution: toNumber(toolPrinted[i]),
  }));
  const byIndicator: IndicatorChange[] = nos.map((no, i) => {
    const x = cur.scores[no];
    const p = prev.scores[no];
    return {
      no,
      change: a.terms.has(no) && b.terms.has(no) ? roundHalfUp(sub(fromNumber(x), fromNumber(p)), 2) : null,
      contribution: toNumber(indPrinted[i]),
    };
  });

  const drivers: Driver[] = [];
  // the tool that moved the total most, on the exact parts (ties: tool order)
  let most = -1;
  toolParts.forEach((p, i) => {
    const abs = p.num < 0n ? neg(p) : p;
    if (abs.num === 0n) return;
    const best = most < 0 ? null : toolParts[most].num < 0n ? neg(toolParts[most]) : toolParts[most];
    if (best === null || less(best, abs)) most = i;
  });
  if (most >= 0) drivers.push({ kind: "moved", tool: TOOL_IDS[most], contribution: byTool[most].contribution });
  drivers.push(...blockers(printed.cur.total, printed.cur.tools, rules));

  return { from: prev.year, total: toNumber(totalH), byTool, byIndicator, drivers };
}
