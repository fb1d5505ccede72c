import fc from "fast-check";
import { analyze } from "../../src/core/analysis";
import { frameworkForYear, RATING_RULES_2566 } from "../../src/core/frameworks";
import { analysisToJson } from "../../src/core/json";
import { issueMessage } from "../../src/core/messages";
import { estimateOit, subIndicatorOf } from "../../src/core/oit";
import { OIT_ITEMS_2563, OIT_SUB_INDICATORS } from "../../src/core/oitItems";
import { ratingOf, scoreYear } from "../../src/core/scoring";
import type { OitItem } from "../../src/core/types";
import { inputOf, SEED_002_2565, SEED_004_2567 } from "../helpers/input";

const byNo = (scores: number[]) => Object.fromEntries(scores.map((s, i) => [i + 1, s]));
const FW = frameworkForYear(2568).framework;

/** The O1–O43 list with every item present except `absent` (and `blank` not checked). */
function items(absent: string[], blank: string[] = []): OitItem[] {
  return OIT_ITEMS_2563.map((d, i) => ({
    ...d,
    present: blank.includes(d.code) ? null : !absent.includes(d.code),
    row: i + 2,
  }));
}

describe("the O1–O43 starting list", () => {
  test("43 items in 7 sub-indicators: 9 + 8 + 7 + 4 + 5 + 8 + 2", () => {
    expect(OIT_ITEMS_2563).toHaveLength(43);
    expect(OIT_SUB_INDICATORS.map((s) => [s.id, OIT_ITEMS_2563.filter((i) => i.sub === s.id).length])).toEqual([
      ["9.1", 9],
      ["9.2", 8],
      ["9.3", 7],
      ["9.4", 4],
      ["9.5", 5],
      ["10.1", 8],
      ["10.2", 2],
    ]);
    expect(OIT_ITEMS_2563.map((i) => i.code)).toEqual(Array.from({ length: 43 }, (_, k) => `O${k + 1}`));
  });
  test("sub-indicator ids", () => {
    expect(subIndicatorOf("9.1")).toBe(9);
    expect(subIndicatorOf(" 10.2 ")).toBe(10);
    expect(subIndicatorOf("9")).toBeNull();
    expect(subIndicatorOf("x.1")).toBeNull();
  });
});

describe("OIT estimate (hand-computed)", () => {
  test("O8, O9, O42 missing, IIT/EIT of seed 002: a mean of sub-indicators, not of items", () => {
    // 9.1: 7/9 = 77.78; 9.2–9.5: 100 → ind 9 = (77.777… + 400)/5 = 95.555… → 95.56
    // 10.1: 100; 10.2: 1/2 = 50 → ind 10 = 75 (a mean over items would give 9/10 = 90)
    // OIT (95.56 + 75)/2 = 85.28; total 29.3634 + 24.865 + 34.112 = 88.3404 → 88.34; EIT 82.88 → ผ่าน
    const e = estimateOit(items(["O8", "O9", "O42"]), byNo(SEED_002_2565), FW, RATING_RULES_2566);
    expect(e.subIndicators).toEqual([
      { id: "9.1", indicator: 9, present: 7, items: 9, score: 77.78 },
      { id: "9.2", indicator: 9, present: 8, items: 8, score: 100 },
      { id: "9.3", indicator: 9, present: 7, items: 7, score: 100 },
      { id: "9.4", indicator: 9, present: 4, items: 4, score: 100 },
      { id: "9.5", indicator: 9, present: 5, items: 5, score: 100 },
      { id: "10.1", indicator: 10, present: 8, items: 8, score: 100 },
      { id: "10.2", indicator: 10, present: 1, items: 2, score: 50 },
    ]);
    expect(e.estimated).toEqual({
      ind9: 95.56,
      ind10: 75,
      byIndicator: { 9: 95.56, 10: 75 },
      oit: 85.28,
      total: 88.34,
      rating: "ผ่าน",
    });
    expect(e.missing).toEqual(["O8", "O9", "O42"]);
    // ผ่านดี needs EIT ≥ 85: no OIT item can give it
    expect(e.gap).toEqual({ target: "ผ่านดี", possible: false, items: [], reaches: null });
  });

  test("the fewest items to the next rating: O42 alone lifts OIT over 85 (seed 004 2567's IIT/EIT)", () => {
    // missing O8, O9, O42, O43: ind 9 95.56, ind 10 (100 + 0)/2 = 50 → OIT 72.78;
    // total 29.8266 + 27.6 + 29.112 = 86.5386 → 86.54, ผ่าน (OIT < 85).
    // One 10.2 item is worth 25 points of indicator 10 (100/2/2), one 9.1 item 2.22 of indicator 9.
    const e = estimateOit(items(["O8", "O9", "O42", "O43"]), byNo(SEED_004_2567), FW, RATING_RULES_2566);
    expect(e.estimated).toMatchObject({ ind9: 95.56, ind10: 50, oit: 72.78, total: 86.54, rating: "ผ่าน" });
    expect(e.gap).toMatchObject({ target: "ผ่านดี", possible: true, items: ["O42"] });
    expect(e.gap!.reaches).toMatchObject({ ind10: 75, oit: 85.28, total: 91.54, rating: "ผ่านดี" });
  });

  test("items not checked count as absent and are listed; a sub-indicator outside OIT is a warning", () => {
    const list = items(["O1"], ["O2"]);
    list.push({ code: "X1", name: "อื่น ๆ", sub: "6.1", present: true, row: 46 });
    const e = estimateOit(list, byNo(SEED_004_2567), FW, RATING_RULES_2566);
    expect(e.missing).toEqual(["O1", "O2"]);
    expect(e.unchecked).toEqual(["O2"]);
    expect(e.subIndicators[0]).toMatchObject({ id: "9.1", present: 7, items: 9 });
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0].at).toEqual({ index: 43 });
    expect(issueMessage(e.issues[0])).toBe("รายการ X1 ระบุตัวชี้วัดย่อย '6.1' ที่ไม่อยู่ในตัวชี้วัดของ OIT (9, 10) จึงไม่นำมาประมาณการ");
  });

  test("in the analysis and its JSON; null without an OIT sheet", () => {
    const input = { ...inputOf({ 2567: SEED_004_2567 }), oitItems: items(["O8", "O9", "O42", "O43"]) };
    const out = analyze(input);
    if (!out.ok) throw new Error("analysis failed");
    const j = analysisToJson(out.analysis) as { oit: Record<string, unknown> };
    expect(j.oit).toEqual({
      subIndicators: expect.arrayContaining([{ id: "10.2", present: 0, items: 2, score: 0 }]),
      estimated: { ind9: 95.56, ind10: 50, oit: 72.78, total: 86.54, rating: "ผ่าน" },
      missing: ["O8", "O9", "O42", "O43"],
      missingItems: [
        { code: "O8", name: "Q&A (ถาม-ตอบ)", sub: "9.1" },
        { code: "O9", name: "Social Network", sub: "9.1" },
        { code: "O42", name: "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", sub: "10.2" },
        { code: "O43", name: "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส", sub: "10.2" },
      ],
      unchecked: [],
      gap: { target: "ผ่านดี", possible: true, items: ["O42"], estimated: { total: 91.54, oit: 85.28, rating: "ผ่านดี" } },
    });
    const plain = analyze(inputOf({ 2567: SEED_004_2567 }));
    expect(plain.ok && analysisToJson(plain.analysis).oit).toBeNull();
  });
});

describe("the fewest items: against every subset (fast-check)", () => {
  // small lists: up to 10 items over 9.1, 9.2, 10.1, 10.2, random presence and IIT/EIT
  const itemArb = fc.record({
    sub: fc.constantFrom("9.1", "9.2", "10.1", "10.2"),
    present: fc.boolean(),
  });
  test("no smaller set of missing items reaches the target, and the set found does", () => {
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 2, maxLength: 10 }),
        fc.array(
          fc.integer({ min: 8000, max: 10000 }).map((x) => x / 100),
          { minLength: 8, maxLength: 8 },
        ),
        (raw, others) => {
          const list: OitItem[] = raw.map((r, i) => ({
            code: `O${i + 1}`,
            name: "",
            sub: r.sub,
            present: r.present,
            row: i + 2,
          }));
          const base = byNo([...others, 0, 0]);
          const e = estimateOit(list, base, FW, RATING_RULES_2566);
          if (!e.gap) return;
          const rank = (r: string) => RATING_RULES_2566.findIndex((x) => x.rating === r);
          const reaches = (codes: Set<string>) => {
            const l = list.map((it) => (codes.has(it.code) ? { ...it, present: true } : it));
            const f = estimateOit(l, base, FW, RATING_RULES_2566).estimated;
            const r = scoreYear({ ...base, ...f.byIndicator }, FW);
            return rank(ratingOf(r.total, r.tools)) <= rank(e.gap!.target);
          };
          const missing = list.filter((i) => !i.present).map((i) => i.code);
          let best: number | null = null;
          for (let mask = 0; mask < 1 << missing.length; mask++) {
            const set = new Set(missing.filter((_c, k) => mask & (1 << k)));
            if ((best === null || set.size < best) && reaches(set)) best = set.size;
          }
          if (best === null) expect(e.gap.possible).toBe(false);
          else {
            expect(e.gap.possible).toBe(true);
            expect(e.gap.items.length).toBe(best);
            expect(reaches(new Set(e.gap.items))).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
