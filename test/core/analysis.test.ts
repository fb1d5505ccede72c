import { analyze, type Analysis } from "../../src/core/analysis";
import { analysisToJson } from "../../src/core/json";
import { describeIssue, issueMessage, MESSAGES } from "../../src/core/messages";
import { inputOf, measure, SEED_002_2565, SEED_004_2567, SEED_004_2568 } from "../helpers/input";

function ok(out: ReturnType<typeof analyze>): Analysis {
  if (!out.ok) throw new Error(`analysis failed: ${out.errors.map((e) => e.code).join(", ")}`);
  return out.analysis;
}

describe("analysis of seed 002 (ทต.ท่าแร่ 2565)", () => {
  const a = ok(analyze(inputOf({ 2565: SEED_002_2565 })));
  test("ranking matches the ITAS table (ties by indicator number)", () => {
    expect(a.ranking).toEqual([9, 10, 1, 5, 3, 2, 4, 6, 8, 7]);
    expect(a.indicators.map((i) => i.rank)).toEqual([3, 6, 5, 7, 4, 8, 10, 9, 1, 2]);
  });
  test("classes: strengths best first, weak ones weakest first", () => {
    expect(a.strengths).toEqual([9, 10, 1, 5, 3, 2, 4, 6]);
    expect(a.improve).toEqual([7, 8]);
    expect(a.urgent).toEqual([]);
  });
  test("lowest per tool", () => {
    expect(a.lowestPerTool).toEqual({ IIT: 4, EIT: 7, OIT: 9 });
  });
  test("no previous year: change is null and nothing declined", () => {
    expect(a.previousYear).toBeNull();
    expect(a.indicators.every((i) => i.change === null)).toBe(true);
    expect(a.declined).toEqual([]);
  });
  test("indicator levels", () => {
    expect(a.indicators.find((i) => i.no === 7)!.grade).toBe("B");
    expect(a.indicators.find((i) => i.no === 9)!.grade).toBe("AA");
  });
});

describe("two years (seed 004 อบต.ดงขวาง 2567 → 2568)", () => {
  const a = ok(analyze(inputOf({ 2567: SEED_004_2567, 2568: SEED_004_2568 })));
  test("the latest complete year is analysed by default", () => expect(a.year).toBe(2568));
  test("change against the previous year, rounded exactly", () => {
    expect(a.previousYear).toBe(2567);
    expect(a.indicators.find((i) => i.no === 4)!.change).toBe(-24);
    expect(a.indicators.find((i) => i.no === 9)!.change).toBe(-37.79);
    expect(a.indicators.find((i) => i.no === 7)!.change).toBe(6.08);
  });
  test("declined: dropped at least 5 points, largest drop first", () => {
    // 9: −37.79, 10: −25, 4: −24, 1: −6.22, 5: −5.78; 2: −4.67 is not enough
    expect(a.declined).toEqual([9, 10, 4, 1, 5]);
  });
  test("urgent and improve", () => {
    expect(a.urgent).toEqual([9, 10]);
    expect(a.improve).toEqual([4]);
    expect(a.rating).toBe("ต้องปรับปรุง");
  });
  test("history holds every complete year", () => {
    expect(a.history.map((h) => [h.year, h.total, h.rating])).toEqual([
      [2567, 91.28, "ผ่าน"],
      [2568, 78.31, "ต้องปรับปรุง"],
    ]);
  });
  test("an earlier year can be chosen", () => {
    const b = ok(analyze(inputOf({ 2567: SEED_004_2567, 2568: SEED_004_2568 }), { year: 2567 }));
    expect(b.total).toBe(91.28);
    expect(b.previousYear).toBeNull();
  });
});

describe("years", () => {
  test("a requested year that has no column is an error naming the years present", () => {
    const out = analyze(inputOf({ 2565: SEED_002_2565 }), { year: 2566 });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.errors[0].code).toBe("YEAR_ABSENT");
      expect(issueMessage(out.errors[0])).toContain("2565");
    }
  });
  test("an incomplete requested year lists the missing indicators", () => {
    const partial = [...SEED_002_2565];
    partial[6] = undefined as unknown as number;
    const out = analyze(inputOf({ 2565: SEED_002_2565, 2566: partial }), { year: 2566 });
    expect(!out.ok && out.errors[0].code).toBe("YEAR_INCOMPLETE");
    const first = !out.ok ? out.errors[0] : null;
    expect(first?.code === "YEAR_INCOMPLETE" && first.params.missing).toBe("7");
  });
  test("the default skips an incomplete latest year", () => {
    const partial = SEED_002_2565.map((s, i) => (i < 5 ? s : undefined));
    const a = ok(analyze(inputOf({ 2565: SEED_002_2565, 2566: partial })));
    expect(a.year).toBe(2565);
  });
  test("no complete year at all", () => {
    const out = analyze(inputOf({ 2565: SEED_002_2565.map((s, i) => (i ? s : undefined)) }));
    expect(!out.ok && out.errors[0].code).toBe("NO_COMPLETE_YEAR");
  });
});

describe("thresholds, published totals, measures", () => {
  test("thresholds can be overridden", () => {
    const a = ok(analyze(inputOf({ 2565: SEED_002_2565 }), { thresholds: { strength: 97, urgent: 85 } }));
    expect(a.strengths).toEqual([9, 10, 1, 5, 3, 2]);
    expect(a.improve).toEqual([6, 4]);
    expect(a.urgent).toEqual([7, 8]);
  });
  test.each([
    [94.23, false],
    [94.24, false],
    [94.22, false],
    [94.25, true],
    [94.2, true],
  ])("published total %p differs: %p", (published, warns) => {
    const a = ok(analyze(inputOf({ 2565: SEED_002_2565 }, { published: { 2565: published } })));
    expect(a.warnings.some((w) => w.code === "PUBLISHED_TOTAL_DIFFERS")).toBe(warns);
    expect(a.publishedTotal).toBe(published);
  });
  test("measures: counts by status and weak indicators no measure covers", () => {
    const a = ok(
      analyze(
        inputOf(
          { 2567: SEED_004_2567, 2568: SEED_004_2568 },
          {
            measures: [
              measure("เผยแพร่ข้อมูล", [9], "done"),
              measure("อบรม", [1, 2], "inProgress"),
              measure("อื่น ๆ", [], "unknown"),
            ],
          },
        ),
      ),
    );
    expect(a.measures.count).toBe(3);
    expect(a.measures.byStatus).toEqual({ notStarted: 0, inProgress: 1, done: 1, unknown: 1 });
    expect(a.measures.uncovered).toEqual([10, 4]);
    expect(a.measures.doneShare).toBeCloseTo(1 / 3);
  });
  test("assumed weights are flagged; overridden weights are said", () => {
    const a = ok(analyze(inputOf({ 2568: SEED_004_2568 })));
    expect(a.warnings.map((w) => w.code)).toContain("WEIGHTS_ASSUMED");
    const b = ok(
      analyze(inputOf({ 2568: SEED_004_2568 }, { settings: { weights: { IIT: 0.3, EIT: 0.3, OIT: 0.4 } } })),
    );
    expect(b.warnings.map((w) => w.code)).toEqual(["WEIGHTS_OVERRIDDEN"]);
    expect(b.framework.weightsOverridden).toBe(true);
  });
});

describe("2566: the rating is the official result (issue 10 §1)", () => {
  // seed 002's scores typed for 2566: EIT 82.88 < 85 → ผ่าน; the letter stays available as grade
  const a = ok(analyze(inputOf({ 2566: SEED_002_2565 })));
  test("rated, with the letter kept as grade", () => {
    expect([a.framework.id, a.framework.usesRating, a.total, a.rating, a.grade]).toEqual([
      "ITA-2566",
      true,
      94.23,
      "ผ่าน",
      "A",
    ]);
    const j = analysisToJson(a) as Record<string, unknown>;
    expect([j.rating, j.grade, j.frameworkSource]).toEqual(["ผ่าน", "A", "builtin"]);
  });
  test("the plan: ผ่านดี and ผ่านดีเยี่ยม, in the JSON shape", () => {
    const j = analysisToJson(a) as { plan: Array<Record<string, unknown>> };
    // ผ่านดี: EIT sum 248.65 must reach 3·84.995 = 254.985 → 254.99: 6.34 points, lowest first:
    // 7: 81.22 → 82.05 (0.83), then 7 and 8 share 5.51 → 84.81 and 84.80 (the odd hundredth to 7)
    expect(j.plan[0]).toEqual({
      target: "ผ่านดี",
      possible: true,
      totalGain: 6.34,
      indicators: [
        { no: 7, from: 81.22, to: 84.81 },
        { no: 8, from: 82.05, to: 84.8 },
      ],
      reaches: { tools: { IIT: 97.88, EIT: 85, OIT: 100 }, total: 94.86, rating: "ผ่านดี" },
    });
    expect(j.plan.map((p) => p.target)).toEqual(["ผ่านดี", "ผ่านดีเยี่ยม"]);
  });
  test("a typed total is planned after the ratings", () => {
    const b = ok(analyze(inputOf({ 2566: SEED_002_2565 }), { targetTotal: 96 }));
    expect(b.plan.map((p) => p.target)).toEqual(["ผ่านดี", "ผ่านดีเยี่ยม", 96]);
    expect(b.plan[2].reaches!.total).toBe(96);
    const c = ok(analyze(inputOf({ 2566: SEED_002_2565 }, { settings: { targetTotal: 95 } })));
    expect(c.plan[2].target).toBe(95);
  });
});

describe("JSON and messages", () => {
  test("the JSON has the contract's field names", () => {
    const a = ok(analyze(inputOf({ 2565: SEED_002_2565 })));
    const j = analysisToJson(a) as Record<string, unknown>;
    for (const k of [
      "unit",
      "year",
      "framework",
      "tools",
      "total",
      "grade",
      "rating",
      "pass",
      "indicators",
      "strengths",
      "improve",
      "urgent",
      "lowestPerTool",
      "declined",
      "measures",
      "warnings",
      "frameworkSource",
      "change",
      "plan",
      "oit",
    ])
      expect(j).toHaveProperty(k);
    expect(j.rating).toBeNull();
    expect((j.indicators as Array<Record<string, unknown>>)[0]).toEqual({
      no: 1,
      name: "การปฏิบัติหน้าที่",
      tool: "IIT",
      score: 98.68,
      rank: 3,
      grade: "AA",
      class: "strength",
      change: null,
    });
    expect(j.measures).toEqual({
      count: 0,
      byStatus: { notStarted: 0, inProgress: 0, done: 0, unknown: 0 },
      uncovered: [7, 8],
    });
  });
  test("every message exists in Thai and English and names its place", () => {
    for (const [code, m] of Object.entries(MESSAGES)) {
      expect(m.th).toMatch(/[ก-๙]/);
      expect(m.en).not.toMatch(/^\s*$/);
      expect(code).toMatch(/^[A-Z_]+$/);
    }
    const line = describeIssue({
      code: "SCORE_NOT_NUMBER",
      severity: "error",
      sheet: "คะแนน ITA",
      cell: "C9",
      params: { no: 1, year: 2565, value: "abc" },
    });
    expect(line).toBe("ข้อผิดพลาด: ชีต 'คะแนน ITA' เซลล์ C9: คะแนนตัวชี้วัดที่ 1 ปี 2565 ไม่ใช่ตัวเลข: 'abc'");
    expect(
      describeIssue(
        {
          code: "SCORE_NOT_NUMBER",
          severity: "error",
          sheet: "คะแนน ITA",
          cell: "C9",
          params: { no: 1, year: 2565, value: "abc" },
        },
        "en",
      ),
    ).toBe("Error: sheet 'คะแนน ITA' cell C9: The score of indicator 1 for 2565 is not a number: 'abc'");
  });
});
