import { analyze } from "../../src/core/analysis";
import { FRAMEWORKS, frameworkForYear, RATING_RULES_2566 } from "../../src/core/frameworks";
import { issueMessage } from "../../src/core/messages";
import { gradeOf, ratingOf, scoreYear } from "../../src/core/scoring";
import { inputOf, SEED_002_2565, SEED_004_2567, SEED_004_2568 } from "../helpers/input";

const byNo = (scores: number[]) => Object.fromEntries(scores.map((s, i) => [i + 1, s]));

describe("frameworks registry", () => {
  test("covers every year from 2562 to the latest without gaps", () => {
    for (let y = 2562; y <= FRAMEWORKS[FRAMEWORKS.length - 1].toYear; y++) {
      const c = frameworkForYear(y);
      expect(c.beyondRegistry || c.beforeRegistry).toBe(false);
      expect(c.framework.fromYear).toBeLessThanOrEqual(y);
      expect(c.framework.toYear).toBeGreaterThanOrEqual(y);
    }
  });
  test("a year newer than the registry uses the latest record and says so", () => {
    const c = frameworkForYear(2575);
    expect(c.beyondRegistry).toBe(true);
    expect(c.framework).toBe(FRAMEWORKS[FRAMEWORKS.length - 1]);
    const input = inputOf({ 2575: SEED_002_2565 });
    const out = analyze(input);
    expect(out.ok && out.analysis.warnings.map((w) => w.code)).toContain("FRAMEWORK_BEYOND");
    const w = out.ok ? out.analysis.warnings.find((x) => x.code === "FRAMEWORK_BEYOND")! : null;
    expect(w && issueMessage(w)).toBe(
      "ยังไม่มีกรอบการประเมินของปี 2575 ในโปรแกรม จึงใช้กรอบล่าสุด (ITA-2567-2569) โปรดตรวจสอบกับคู่มือของสำนักงาน ป.ป.ช.",
    );
    // the year keeps working: scored and rated under the assumed framework
    expect(out.ok && [out.analysis.framework.id, out.analysis.total, out.analysis.rating]).toEqual([
      "ITA-2567-2569",
      94.23,
      "ผ่าน",
    ]);
  });
  test("every record has 10 indicators, weights summing to 1 and a tool per indicator", () => {
    for (const f of FRAMEWORKS) {
      expect(f.ratings !== null).toBe(f.usesRating);
      expect(f.origin).toBe("builtin");
      expect(f.indicators.map((d) => d.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(f.weights.IIT + f.weights.EIT + f.weights.OIT).toBeCloseTo(1, 12);
    }
  });
});

describe("worked examples, one per framework record", () => {
  test("2563–2565: seed 002 ทต.ท่าแร่ 2565 matches the published ITAS figures", () => {
    const fw = frameworkForYear(2565).framework;
    expect(fw.id).toBe("ITA-2563-2565");
    const r = scoreYear(byNo(SEED_002_2565), fw);
    expect(r.tools).toEqual({ IIT: 97.88, EIT: 82.88, OIT: 100 });
    expect(r.total).toBe(94.23);
    expect(r.grade).toBe("A");
    expect(r.pass).toBe(true);
    expect(r.rating).toBeNull();
  });
  test("2562: same weights and letter bands (hand-computed)", () => {
    // IIT (80+82+84+86+88)/5 = 84; EIT (70+75+80)/3 = 75; OIT (60+70)/2 = 65
    // total = 0.3·84 + 0.3·75 + 0.4·65 = 25.2 + 22.5 + 26 = 73.70 → C (65–74.99)
    const fw = frameworkForYear(2562).framework;
    expect(fw.id).toBe("ITA-2562");
    const r = scoreYear(byNo([80, 82, 84, 86, 88, 70, 75, 80, 60, 70]), fw);
    expect(r).toMatchObject({
      tools: { IIT: 84, EIT: 75, OIT: 65 },
      total: 73.7,
      grade: "C",
      pass: false,
      rating: null,
    });
  });
  test("2566: the pass-level rating applies (NACC board, 8 June 2566); letters stay as grade", () => {
    // IIT 95; EIT (95+96+97)/3 = 96; OIT (94+96)/2 = 95 → 28.5 + 28.8 + 38 = 95.30 → AA, ผ่านดีเยี่ยม
    const fw = frameworkForYear(2566).framework;
    expect(fw.id).toBe("ITA-2566");
    expect(fw.usesRating).toBe(true);
    expect(fw.ratings).toBe(RATING_RULES_2566);
    expect(fw.confidence).toEqual({ indicators: "high", weights: "low", levels: "medium" });
    expect(fw.source).toMatch(/8 June 2566/);
    const r = scoreYear(byNo([95, 95, 95, 95, 95, 95, 96, 97, 94, 96]), fw);
    expect(r).toMatchObject({ tools: { IIT: 95, EIT: 96, OIT: 95 }, total: 95.3, grade: "AA", rating: "ผ่านดีเยี่ยม" });
  });
  test("2566: a total of 95.81 with a tool below 95 is ผ่านดี, not ผ่านดีเยี่ยม", () => {
    // The public broadcaster's published 2566 result was 95.81, rated ผ่านดี; its indicator scores are
    // not in our sources, so these are constructed to give the same total with a tool below 95:
    // IIT 100; EIT 90; OIT (97.05+97)/2 = 97.025 → 30 + 27 + 38.81 = 95.81
    const r = scoreYear(byNo([100, 100, 100, 100, 100, 90, 90, 90, 97.05, 97]), frameworkForYear(2566).framework);
    expect(r).toMatchObject({ tools: { IIT: 100, EIT: 90, OIT: 97.03 }, total: 95.81, grade: "AA", rating: "ผ่านดี" });
  });
  test("2565 and before: the letter level is the result, no rating", () => {
    for (const y of [2562, 2563, 2565]) {
      const fw = frameworkForYear(y).framework;
      expect(fw.usesRating).toBe(false);
      expect(scoreYear(byNo(SEED_002_2565), fw).rating).toBeNull();
    }
  });
  test("2567+: seed 004 อบต.ดงขวาง 2567 → ผ่าน only, because OIT 84.645 rounds to 84.65 < 85", () => {
    // IIT 497.11/5 = 99.422; EIT 276/3 = 92; OIT 169.29/2 = 84.645 (exactly half: rounds up)
    // total = 29.8266 + 27.6 + 33.858 = 91.2846 → 91.28
    const fw = frameworkForYear(2567).framework;
    expect(fw.usesRating).toBe(true);
    const r = scoreYear(byNo(SEED_004_2567), fw);
    expect(r.tools).toEqual({ IIT: 99.42, EIT: 92, OIT: 84.65 });
    expect(r.total).toBe(91.28);
    expect(r.rating).toBe("ผ่าน");
  });
  test("2567+: seed 004 อบต.ดงขวาง 2568 → ต้องปรับปรุง (78.31)", () => {
    // IIT 455.33/5 = 91.066; EIT 296.92/3 = 98.9733…; OIT 106.5/2 = 53.25
    // total = 27.3198 + 29.692 + 21.3 = 78.3118 → 78.31
    const r = scoreYear(byNo(SEED_004_2568), frameworkForYear(2568).framework);
    expect(r).toMatchObject({ tools: { IIT: 91.07, EIT: 98.97, OIT: 53.25 }, total: 78.31, grade: "B", pass: false });
    expect(r.rating).toBe("ต้องปรับปรุง");
  });
});

describe("levels are decided on the rounded figures", () => {
  const fw = frameworkForYear(2565).framework;
  test.each([
    [100, "AA"],
    [95, "AA"],
    [94.99, "A"],
    [85, "A"],
    [84.99, "B"],
    [75, "B"],
    [74.99, "C"],
    [65, "C"],
    [64.99, "D"],
    [55, "D"],
    [54.99, "E"],
    [50, "E"],
    [49.99, "F"],
    [0, "F"],
  ])("%p → %p", (score, grade) => expect(gradeOf(score, fw)).toBe(grade));

  test("84.995 rounds to 85.00, which is A and a pass", () => {
    // all indicators 84.995: every tool mean and the total are 84.995 exactly
    const r = scoreYear(byNo(Array(10).fill(84.995)), fw);
    expect(r.total).toBe(85);
    expect(r.grade).toBe("A");
    expect(r.pass).toBe(true);
  });
  test("the rating uses the rounded tool scores", () => {
    expect(ratingOf(95, { IIT: 95, EIT: 95, OIT: 95 })).toBe("ผ่านดีเยี่ยม");
    expect(ratingOf(96, { IIT: 99, EIT: 94.99, OIT: 96 })).toBe("ผ่านดี");
    expect(ratingOf(94.64, { IIT: 99, EIT: 84.99, OIT: 99 })).toBe("ผ่าน");
    expect(ratingOf(85, { IIT: 85, EIT: 85, OIT: 85 })).toBe("ผ่านดี");
    expect(ratingOf(84.99, { IIT: 90, EIT: 90, OIT: 80 })).toBe("ต้องปรับปรุง");
    expect(ratingOf(70, { IIT: 70, EIT: 70, OIT: 70 })).toBe("ต้องปรับปรุง");
    expect(ratingOf(69.99, { IIT: 70, EIT: 70, OIT: 70 })).toBe("ต้องปรับปรุงโดยด่วน");
    expect(ratingOf(95.81, { IIT: 100, EIT: 90, OIT: 97.03 })).toBe("ผ่านดี");
  });
  test("weights from the settings sheet override the framework's", () => {
    const r = scoreYear(byNo(SEED_002_2565), fw, { IIT: 0.2, EIT: 0.2, OIT: 0.6 });
    // 0.2·97.878 + 0.2·82.8833… + 0.6·100 = 19.5756 + 16.57666… + 60 = 96.15226… → 96.15
    expect(r.total).toBe(96.15);
  });
});
