import { analyze } from "../../src/core/analysis";
import { validateFramework, type FrameworkDraft } from "../../src/core/customFramework";
import { frameworkForYear, RATING_RULES_2566 } from "../../src/core/frameworks";
import { analysisToJson } from "../../src/core/json";
import { describeIssue, issueMessage } from "../../src/core/messages";
import { meetsGoal, planRatings } from "../../src/core/planner";
import { DEFAULT_SETTINGS, type ItaInput, type ToolId } from "../../src/core/types";
import { SEED_004_2567 } from "../helpers/input";

/** 12 indicators: IIT 1–5, EIT 6–8 and 11, OIT 9, 10 and 12; weights 25 / 35 / 40. */
const DRAFT_12: FrameworkDraft = {
  tools: [
    { name: "IIT", weight: 25 },
    { name: "EIT", weight: 35 },
    { name: "OIT", weight: 40 },
  ],
  indicators: [
    ...frameworkForYear(2568).framework.indicators.map((d) => ({ no: d.no, name: d.name, tool: d.tool as string })),
    { no: 11, name: "การรับฟังความคิดเห็น", tool: "EIT" },
    { no: 12, name: "การเปิดเผยข้อมูลการจัดซื้อจัดจ้าง", tool: " oit " },
  ],
  year: 2570,
};

function input12(byYear: Record<number, Array<number | undefined>>, draft = DRAFT_12): ItaInput {
  const v = validateFramework(draft);
  if (!v.ok) throw new Error(v.issues.map((i) => i.code).join());
  const years = Object.keys(byYear).map(Number);
  return {
    unit: { name: "หน่วยงานทดสอบ" },
    years,
    indicators: Array.from({ length: 12 }, (_, i) => ({
      no: i + 1,
      scores: Object.fromEntries(
        years.filter((y) => byYear[y][i] !== undefined).map((y) => [y, byYear[y][i] as number]),
      ),
      cells: {},
    })),
    publishedTotals: {},
    measures: [],
    hasMeasuresSheet: false,
    settings: DEFAULT_SETTINGS,
    framework: v.framework,
  };
}

describe("a framework defined in the workbook", () => {
  test("a valid 12-indicator definition becomes a framework record", () => {
    const v = validateFramework(DRAFT_12);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const fw = v.framework;
    expect(fw.origin).toBe("workbook");
    expect(fw.id).toBe("WORKBOOK");
    expect(fw.title).toBe("กรอบการประเมินที่กำหนดในสมุดงาน");
    expect(fw.weights).toEqual({ IIT: 0.25, EIT: 0.35, OIT: 0.4 });
    expect(fw.indicators.map((d) => [d.no, d.tool])).toEqual([
      [1, "IIT"],
      [2, "IIT"],
      [3, "IIT"],
      [4, "IIT"],
      [5, "IIT"],
      [6, "EIT"],
      [7, "EIT"],
      [8, "EIT"],
      [9, "OIT"],
      [10, "OIT"],
      [11, "EIT"],
      [12, "OIT"],
    ]);
    expect(fw.ratings).toEqual(RATING_RULES_2566);
    expect(fw.usesRating).toBe(true);
  });

  test("the analysis scores 12 indicators with it, plans over 12, and names it", () => {
    // IIT 5 × 90 = 90; EIT (80+80+80+84)/4 = 81; OIT (90+90+96)/3 = 92
    // total 0.25·90 + 0.35·81 + 0.4·92 = 22.5 + 28.35 + 36.8 = 87.65 → ผ่าน (EIT < 85)
    const scores = [90, 90, 90, 90, 90, 80, 80, 80, 90, 90, 84, 96];
    const out = analyze(input12({ 2569: SEED_004_2567, 2570: scores }));
    if (!out.ok) throw new Error(out.errors.map((e) => e.code).join());
    const a = out.analysis;
    expect(a.year).toBe(2570);
    expect([a.tools, a.total, a.rating]).toEqual([{ IIT: 90, EIT: 81, OIT: 92 }, 87.65, "ผ่าน"]);
    expect(a.indicators).toHaveLength(12);
    expect(a.warnings.map((w) => w.code)).toEqual([]); // no FRAMEWORK_BEYOND: the workbook names its framework
    expect(a.framework).toMatchObject({ id: "WORKBOOK", origin: "workbook", title: "กรอบการประเมินที่กำหนดในสมุดงาน" });
    // history: 2569 under the built-in record (10 indicators), 2570 under the workbook's
    expect(a.history.map((h) => [h.year, h.frameworkId])).toEqual([
      [2569, "ITA-2567-2569"],
      [2570, "WORKBOOK"],
    ]);
    // ผ่านดี: EIT sum must reach 4·84.995 = 339.98 from 324: 15.98 points, lowest first (6, 7, 8)
    const good = a.plan.find((p) => p.target === "ผ่านดี")!;
    expect(good.totalGain).toBe(15.98);
    expect(good.indicators.map((s) => s.no)).toEqual([6, 7, 8, 11]);
    expect(good.reaches).toMatchObject({ tools: { EIT: 85 }, rating: "ผ่านดี" });
    const j = analysisToJson(a) as Record<string, unknown>;
    expect(j.frameworkSource).toBe("workbook");
    expect((j.change as { byIndicator: unknown[] }).byIndicator).toHaveLength(12);
  });

  test("the planner re-scores 12-indicator plans feasibly for every rating", () => {
    const v = validateFramework(DRAFT_12);
    if (!v.ok) throw new Error();
    const scores = Object.fromEntries([55, 60, 65, 70, 75, 80, 85, 90, 95, 40, 50, 100].map((s, i) => [i + 1, s]));
    const plans = planRatings(scores, v.framework, v.framework.ratings!);
    expect(plans.map((p) => p.target)).toEqual(["ผ่าน", "ผ่านดี", "ผ่านดีเยี่ยม"]);
    for (const p of plans) {
      const t = { ...scores, ...Object.fromEntries(p.indicators.map((s) => [s.no, s.to])) };
      const rule = RATING_RULES_2566.find((r) => r.rating === p.target)!;
      expect(meetsGoal(t, v.framework, rule)).toBe(true);
    }
  });

  test("a year with only 10 scores is incomplete under a 12-indicator framework, naming 11 and 12", () => {
    const out = analyze(input12({ 2570: SEED_004_2567 }), { year: 2570 });
    expect(!out.ok && out.errors[0]).toMatchObject({ code: "YEAR_INCOMPLETE", params: { missing: "11, 12" } });
  });
});

describe("validation: each error names its table and row", () => {
  const codes = (d: FrameworkDraft) => {
    const v = validateFramework(d);
    return v.ok ? [] : v.issues.map((i) => [i.code, i.at.table, i.at.index]);
  };
  test("weights must add up to 100 (exactly, as decimals)", () => {
    const d = {
      ...DRAFT_12,
      tools: [
        { name: "IIT", weight: 30 },
        { name: "EIT", weight: 30 },
        { name: "OIT", weight: 39.99 },
      ],
    };
    expect(codes(d)).toEqual([["FRAMEWORK_WEIGHTS_SUM", "tools", null]]);
    const v = validateFramework(d);
    expect(!v.ok && issueMessage(v.issues[0])).toBe("น้ำหนักของเครื่องมือทั้งหมดต้องรวมกันได้ 100 (ตอนนี้รวมได้ 99.99)");
    // 33.33 + 33.33 + 33.34 = 100 exactly (not 99.99999… in floating point)
    const third = validateFramework({
      ...DRAFT_12,
      tools: [
        { name: "IIT", weight: 33.33 },
        { name: "EIT", weight: 33.33 },
        { name: "OIT", weight: 33.34 },
      ],
    });
    expect(third.ok && third.framework.weights).toEqual({ IIT: 0.3333, EIT: 0.3333, OIT: 0.3334 });
  });
  test("unknown, repeated and missing tools; weights out of range", () => {
    expect(
      codes({
        ...DRAFT_12,
        tools: [
          { name: "IIT", weight: 30 },
          { name: "XIT", weight: 30 },
          { name: "IIT", weight: 40 },
          { name: "OIT", weight: 140 },
        ],
      }),
    ).toEqual([
      ["FRAMEWORK_TOOL_UNKNOWN", "tools", 1],
      ["FRAMEWORK_TOOL_REPEATED", "tools", 2],
      ["FRAMEWORK_WEIGHT_INVALID", "tools", 3],
      ["FRAMEWORK_TOOL_MISSING", "tools", null],
      ["FRAMEWORK_INDICATOR_TOOL_UNKNOWN", "indicators", 5],
      ["FRAMEWORK_INDICATOR_TOOL_UNKNOWN", "indicators", 6],
      ["FRAMEWORK_INDICATOR_TOOL_UNKNOWN", "indicators", 7],
      ["FRAMEWORK_INDICATOR_TOOL_UNKNOWN", "indicators", 10],
    ]);
  });
  test("indicator numbers: whole, from 1, unique; each indicator a known tool and a name; each tool an indicator", () => {
    const ind = (no: number | null, tool: string, name = "ชื่อ") => ({ no, name, tool });
    expect(
      codes({
        ...DRAFT_12,
        indicators: [
          ind(1, "IIT"),
          ind(1, "EIT"),
          ind(2.5, "EIT"),
          ind(null, "EIT"),
          ind(3, "ABC"),
          ind(4, "OIT", " "),
        ],
      }),
    ).toEqual([
      ["FRAMEWORK_INDICATOR_REPEATED", "indicators", 1],
      ["FRAMEWORK_INDICATOR_NO_INVALID", "indicators", 2],
      ["FRAMEWORK_INDICATOR_NO_INVALID", "indicators", 3],
      ["FRAMEWORK_INDICATOR_TOOL_UNKNOWN", "indicators", 4],
      ["FRAMEWORK_INDICATOR_NAME_MISSING", "indicators", 5],
    ]);
    expect(codes({ ...DRAFT_12, indicators: [ind(1, "IIT"), ind(2, "EIT")] })).toEqual([
      ["FRAMEWORK_TOOL_EMPTY", "indicators", null],
    ]);
    const v = validateFramework({ ...DRAFT_12, indicators: [ind(1, "IIT"), ind(1, "EIT")] });
    expect(!v.ok && describeIssue({ ...v.issues[0], sheet: "กรอบการประเมิน", cell: "A12" })).toBe(
      "ข้อผิดพลาด: ชีต 'กรอบการประเมิน' เซลล์ A12: ตัวชี้วัดที่ 1 ซ้ำ (มีอยู่แล้วในแถวที่ 1 ของตาราง)",
    );
  });
  test("rating thresholds: known, unique, 0–100, ordered best first", () => {
    const r = (rating: string, minTotal: number | null, minTool: number | null) => ({ rating, minTotal, minTool });
    const good = [
      r("ผ่านดีเยี่ยม", 95, 95),
      r("ผ่านดี", 85, 85),
      r("ผ่าน", 85, null),
      r("ต้องปรับปรุง", 70, null),
      r("ต้องปรับปรุงโดยด่วน", 0, null),
    ];
    const v = validateFramework({ ...DRAFT_12, ratings: good });
    expect(v.ok && v.framework.ratings).toEqual(RATING_RULES_2566);
    expect(codes({ ...DRAFT_12, ratings: [r("ผ่านดีเยี่ยม", 90, 95), r("ผ่านดี", 92, 85)] })).toEqual([
      ["FRAMEWORK_THRESHOLDS_ORDER", "ratings", 1],
    ]);
    expect(codes({ ...DRAFT_12, ratings: [r("ผ่านดี", 85, 85), r("ผ่านดีเยี่ยม", 80, 80)] })).toEqual([
      ["FRAMEWORK_THRESHOLDS_ORDER", "ratings", 1],
    ]);
    expect(codes({ ...DRAFT_12, ratings: [r("ดีมาก", 95, null), r("ผ่าน", 101, null), r("ผ่าน", 80, null)] })).toEqual([
      ["FRAMEWORK_RATING_UNKNOWN", "ratings", 0],
      ["FRAMEWORK_THRESHOLD_INVALID", "ratings", 1],
      ["FRAMEWORK_RATING_REPEATED", "ratings", 2],
    ]);
    // thresholds from the workbook drive the rating and the plans
    const strict = validateFramework({
      ...DRAFT_12,
      ratings: [r("ผ่านดีเยี่ยม", 97, 97), r("ผ่านดี", 90, 90), r("ผ่าน", 90, null), r("ต้องปรับปรุง", 70, null)],
    });
    if (!strict.ok) throw new Error();
    const plans = planRatings(
      Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i + 1, 88])),
      strict.framework,
      strict.framework.ratings!,
    );
    expect(plans.map((p) => [p.target, p.reaches!.total])).toEqual([
      ["ผ่าน", 90],
      ["ผ่านดี", 90],
      ["ผ่านดีเยี่ยม", 97],
    ]);
    expect(strict.framework.passMark).toBe(90);
  });
  test("every message of the new codes exists in Thai and English", () => {
    const weights = (w: Record<ToolId, number>) => Object.entries(w).map(([name, weight]) => ({ name, weight }));
    const v = validateFramework({ tools: weights({ IIT: 1, EIT: 1, OIT: 1 }), indicators: [] });
    expect(v.ok).toBe(false);
    for (const i of v.issues) {
      expect(issueMessage(i, "th")).not.toBe(i.code);
      expect(issueMessage(i, "en")).not.toMatch(/\{\w+\}/);
    }
  });
});
