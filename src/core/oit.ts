/**
 * OIT self-check: from the items a unit has (มี) or lacks (ไม่มี) on its website, an ESTIMATE of
 * the OIT indicators, the OIT score and the total if the other tools stay as given, and the fewest
 * missing items that would reach the next rating. Pure; always an estimate (ประมาณการ).
 *
 * Scoring as shared/ita-framework.md states it (high for 2564, unconfirmed after): a sub-indicator
 * scores the share of its items present × 100; an indicator is the plain mean of its
 * sub-indicators (9 = mean of 9.1–9.5, 10 = mean of 10.1–10.2), not a mean over all items.
 * Exact until the end: each estimated indicator is rounded half up to 2 decimals, as published
 * indicator scores are, then scored by scoring.ts. An item not checked yet (blank) counts as absent.
 */
import { fromNumber, mean, roundHalfUp, type Rational } from "./decimal";
import type { Framework, RatingRule } from "./types";
import { planFor } from "./planner";
import { ratingOf, scoreYear } from "./scoring";
import type { Issue, OitItem, Rating, ToolId } from "./types";

export interface OitSubIndicator {
  id: string;
  /** The indicator it belongs to (the number before the dot). */
  indicator: number;
  /** Items present. */
  present: number;
  /** Items listed. */
  items: number;
  /** present / items × 100, 2 decimals. */
  score: number;
}

export interface OitEstimateFigures {
  /** Estimated indicator 9 / 10 (null when the list has no item for it). */
  ind9: number | null;
  ind10: number | null;
  /** Every OIT indicator estimated from the items, by number. */
  byIndicator: Record<number, number>;
  oit: number;
  total: number;
  rating: Rating;
}

export interface OitGap {
  /** The next rating above the estimated one. */
  target: Rating;
  /** False when even every missing item would not reach it (another tool blocks it). */
  possible: boolean;
  /** The fewest missing items that reach it, in list order (empty when impossible). */
  items: string[];
  /** The estimate with those items present (null when impossible). */
  reaches: OitEstimateFigures | null;
}

export interface OitEstimate {
  subIndicators: OitSubIndicator[];
  estimated: OitEstimateFigures;
  /** Codes of the items not present (absent or not checked), in list order. */
  missing: string[];
  /** Codes of the items not checked yet (blank status). */
  unchecked: string[];
  /** The items not present with their names and sub-indicators, in list order (what to publish). */
  missingItems: Array<{ code: string; name: string; sub: string; unchecked: boolean }>;
  gap: OitGap | null;
  /** Items that cannot be used (their sub-indicator is not one of an OIT indicator), with their index. */
  issues: Array<Issue & { at: { index: number } }>;
}

/** The indicator number of a sub-indicator id ("9.1" → 9), or null. */
export function subIndicatorOf(id: string): number | null {
  const m = /^\s*(\d+)\.(\d+)\s*$/.exec(id);
  return m ? Number(m[1]) : null;
}

interface Group {
  no: number;
  subs: Map<string, { present: number; items: number }>;
}

function figures(
  groups: Group[],
  base: Record<number, number>,
  fw: Framework,
  weights: Record<ToolId, number>,
  rules: readonly RatingRule[],
  extra: Map<string, number> = new Map(),
): { figures: OitEstimateFigures; exactTotalKey: Rational } {
  const scores = { ...base };
  const byIndicator: Record<number, number> = {};
  for (const g of groups) {
    const subScores: Rational[] = [...g.subs.entries()].map(([id, s]) => ({
      num: BigInt(100 * (s.present + (extra.get(id) ?? 0))),
      den: BigInt(s.items),
    }));
    byIndicator[g.no] = roundHalfUp(mean(subScores), 2);
    scores[g.no] = byIndicator[g.no];
  }
  const r = scoreYear(scores, fw, weights);
  // a key to compare two estimates beyond the rounding: Σ weighted indicator scores
  let key: Rational = { num: 0n, den: 1n };
  for (const g of groups) {
    const f = fromNumber(scores[g.no]);
    key = { num: key.num * f.den + f.num * key.den, den: key.den * f.den };
  }
  return {
    figures: {
      ind9: byIndicator[9] ?? null,
      ind10: byIndicator[10] ?? null,
      byIndicator,
      oit: r.tools.OIT,
      total: r.total,
      rating: ratingOf(r.total, r.tools, rules),
    },
    exactTotalKey: key,
  };
}

/**
 * The OIT estimate. `base` holds every indicator's score (the IIT/EIT ones are kept; the OIT ones
 * with items are replaced by the estimate); `rules` decide the ratings.
 */
export function estimateOit(
  items: readonly OitItem[],
  base: Record<number, number>,
  fw: Framework,
  rules: readonly RatingRule[],
  weights: Record<ToolId, number> = fw.weights,
): OitEstimate {
  const issues: OitEstimate["issues"] = [];
  const oitNos = new Set(fw.indicators.filter((d) => d.tool === "OIT").map((d) => d.no));
  const groups = new Map<number, Group>();
  const subOrder: string[] = [];
  const usable: Array<{ item: OitItem; id: string }> = [];
  items.forEach((item, index) => {
    const id = item.sub.trim();
    const no = subIndicatorOf(id);
    if (no === null || !oitNos.has(no)) {
      issues.push({
        code: "OIT_SUB_UNKNOWN",
        severity: "warning",
        params: { item: item.code, sub: item.sub, indicators: [...oitNos].join(", ") },
        at: { index },
      });
      return;
    }
    let g = groups.get(no);
    if (!g) groups.set(no, (g = { no, subs: new Map() }));
    let s = g.subs.get(id);
    if (!s) {
      g.subs.set(id, (s = { present: 0, items: 0 }));
      subOrder.push(id);
    }
    s.items++;
    if (item.present === true) s.present++;
    usable.push({ item, id });
  });
  const groupList = [...groups.values()].sort((a, b) => a.no - b.no);
  const subIndicators: OitSubIndicator[] = subOrder
    .map((id) => {
      const no = subIndicatorOf(id) as number;
      const s = groups.get(no)!.subs.get(id)!;
      return {
        id,
        indicator: no,
        present: s.present,
        items: s.items,
        score: roundHalfUp({ num: BigInt(100 * s.present), den: BigInt(s.items) }, 2),
      };
    })
    .sort((a, b) => a.indicator - b.indicator || Number(a.id.split(".")[1]) - Number(b.id.split(".")[1]));
  const now = figures(groupList, base, fw, weights, rules);
  const missingItems = usable.filter((u) => u.item.present !== true);

  // the next rating up, and the fewest missing items that reach it
  let gap: OitGap | null = null;
  const idx = rules.findIndex((r) => r.rating === now.figures.rating);
  if (idx > 0 && groupList.length > 0) {
    const rule = rules[idx - 1];
    const scores = { ...base, ...now.figures.byIndicator };
    // all items present = every estimated indicator at 100, the planner's cap: same feasibility
    const feasible = planFor(scores, fw, rule, { weights, only: groupList.map((g) => g.no) }).possible;
    gap = { target: rule.rating, possible: false, items: [], reaches: null };
    if (feasible) gap = { ...gap, ...fewestItems(groupList, missingItems, base, fw, weights, rules, rule.rating) };
  }

  return {
    subIndicators,
    estimated: now.figures,
    missing: missingItems.map((u) => u.item.code),
    unchecked: usable.filter((u) => u.item.present === null).map((u) => u.item.code),
    missingItems: missingItems.map((u) => ({
      code: u.item.code,
      name: u.item.name,
      sub: u.id,
      unchecked: u.item.present === null,
    })),
    gap,
    issues,
  };
}

/**
 * The fewest missing items reaching `target`. Within one indicator, an item of a sub-indicator
 * with fewer items is worth more (100 / items / sub-indicators), so the k best items of an
 * indicator give its highest estimate; for each count k = 1, 2, …, every split of k among the
 * indicators is tried with the best items of each (the rounding of each indicator is monotone),
 * so the first k that reaches the target is the minimum. Among splits of that k, the one with the
 * highest estimate wins.
 */
function fewestItems(
  groups: Group[],
  missing: Array<{ item: OitItem; id: string }>,
  base: Record<number, number>,
  fw: Framework,
  weights: Record<ToolId, number>,
  rules: readonly RatingRule[],
  target: Rating,
): Pick<OitGap, "possible" | "items" | "reaches"> {
  const rank = (r: Rating) => rules.findIndex((x) => x.rating === r);
  const perGroup = groups.map((g) =>
    missing
      .map((m, order) => ({ ...m, order }))
      .filter((m) => subIndicatorOf(m.id) === g.no)
      .sort((a, b) => {
        const va = g.subs.get(a.id)!.items;
        const vb = g.subs.get(b.id)!.items;
        return va - vb || a.order - b.order; // fewer items in the sub-indicator = worth more
      }),
  );
  const total = perGroup.reduce((a, g) => a + g.length, 0);
  const split = new Array<number>(groups.length).fill(0);
  for (let k = 1; k <= total; k++) {
    let best: { key: Rational; figures: OitEstimateFigures; chosen: number[] } | null = null;
    const visit = (gi: number, left: number): void => {
      if (gi === groups.length - 1) {
        if (left > perGroup[gi].length) return;
        split[gi] = left;
        const extra = new Map<string, number>();
        const chosen: number[] = [];
        perGroup.forEach((list, j) =>
          list.slice(0, split[j]).forEach((m) => {
            extra.set(m.id, (extra.get(m.id) ?? 0) + 1);
            chosen.push(m.order);
          }),
        );
        const f = figures(groups, base, fw, weights, rules, extra);
        if (rank(f.figures.rating) > rank(target)) return;
        const better = best === null || f.exactTotalKey.num * best.key.den > best.key.num * f.exactTotalKey.den;
        if (better) best = { key: f.exactTotalKey, figures: f.figures, chosen };
        return;
      }
      for (let n = 0; n <= Math.min(left, perGroup[gi].length); n++) {
        split[gi] = n;
        visit(gi + 1, left - n);
      }
    };
    visit(0, k);
    if (best !== null) {
      const b = best as { figures: OitEstimateFigures; chosen: number[] };
      return {
        possible: true,
        items: b.chosen.sort((x, y) => x - y).map((i) => missing[i].item.code),
        reaches: b.figures,
      };
    }
  }
  return { possible: false, items: [], reaches: null };
}
