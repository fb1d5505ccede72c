/**
 * The issue-10 core parts on real .xlsx files, through the existing pipeline: the bundled sample
 * (change and plan) and a 2565–2566 workbook written with ExcelJS and read back (2566 is rated).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { analysisToJson } from "../../src/core/json";
import { meetsGoal } from "../../src/core/planner";
import { frameworkForYear } from "../../src/core/frameworks";
import { runPipeline } from "../../src/pipeline";
import { SCORE_TEMPLATE, templateSheets } from "../../src/layout/template";
import { createWorkbook, readWorkbook } from "../../src/xlsx";
import { SEED_002_2565 } from "../helpers/input";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "ita-sample.xlsx");

async function run(bytes: Uint8Array) {
  const read = await readWorkbook(bytes);
  if (!read.ok) throw new Error(read.issue.code);
  const r = runPipeline(read.sheets);
  if (!r.ok || !r.analysis) throw new Error(r.errors.map((e) => e.code).join());
  return r.analysis;
}

describe("the bundled sample workbook (2569, 86.89, ผ่าน)", () => {
  let j: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  let scores: Record<number, number>;
  beforeAll(async () => {
    const a = await run(await fs.readFile(SAMPLE));
    scores = Object.fromEntries(a.indicators.map((i) => [i.no, i.score]));
    j = analysisToJson(a);
  });
  test("why it moved: −4.50 since 2568, OIT −4.00 of it (indicator 10: −18.75 × 20 %)", () => {
    expect(j.change.from).toBe(2568);
    expect(j.change.total).toBe(-4.5);
    expect(j.change.byTool).toEqual([
      { tool: "IIT", change: 0.56, contribution: 0.17 },
      { tool: "EIT", change: -2.22, contribution: -0.67 },
      { tool: "OIT", change: -10, contribution: -4 },
    ]);
    expect(j.change.byIndicator.find((i: { no: number }) => i.no === 10)).toEqual({
      no: 10,
      change: -18.75,
      contribution: -3.75,
    });
    expect(j.change.drivers).toEqual([
      { kind: "moved", tool: "OIT", contribution: -4 },
      { kind: "blocks", rating: "ผ่านดี", tool: "EIT", score: 77.93, threshold: 85 },
    ]);
  });
  test("the plan: ผ่านดี by +21.19 on indicators 7 and 8; ผ่านดีเยี่ยม by +68.84", () => {
    // EIT 86.50 + 78.40 + 68.90 = 233.80 must reach 3·84.995 = 254.985 → 254.99: +21.19,
    // lowest first: 8: 68.90 → 78.40 (9.50), then 7 and 8 share 11.69 → 84.24 / 84.25
    expect(j.plan.map((p: { target: string; totalGain: number }) => [p.target, p.totalGain])).toEqual([
      ["ผ่านดี", 21.19],
      ["ผ่านดีเยี่ยม", 68.84],
    ]);
    expect(j.plan[0].indicators).toEqual([
      { no: 7, from: 78.4, to: 84.24 },
      { no: 8, from: 68.9, to: 84.25 },
    ]);
    expect(j.plan[0].reaches).toEqual({ tools: { IIT: 94.21, EIT: 85, OIT: 88.13 }, total: 89.01, rating: "ผ่านดี" });
    const fw = frameworkForYear(2569).framework;
    for (const p of j.plan) {
      const t = { ...scores, ...Object.fromEntries(p.indicators.map((s: { no: number; to: number }) => [s.no, s.to])) };
      expect(
        meetsGoal(
          t,
          fw,
          fw.ratings!.find((r) => r.rating === p.target)!,
        ),
      ).toBe(true);
    }
    expect(j.oit).toBeNull();
    expect(j.frameworkSource).toBe("builtin");
  });
});

describe("a 2565–2566 workbook written and read back", () => {
  test("2566 is rated (ผ่านดี at 95.73 with EIT 87.88 < 95), the letter kept as grade", async () => {
    const [scoreSheet, measures, settings] = templateSheets([2565, 2566]);
    const raised = SEED_002_2565.map((s, i) => (i >= 5 && i <= 7 ? Math.min(100, s + 5) : s));
    SEED_002_2565.forEach((s, i) => {
      scoreSheet.rows[SCORE_TEMPLATE.firstIndicatorRow - 1 + i][2] = s;
      scoreSheet.rows[SCORE_TEMPLATE.firstIndicatorRow - 1 + i][3] = raised[i];
    });
    scoreSheet.rows[2][1] = "เทศบาลตำบลทดสอบ";
    const a = await run(await createWorkbook([scoreSheet, measures, settings]));
    expect([a.year, a.framework.id, a.total, a.grade, a.rating]).toEqual([2566, "ITA-2566", 95.73, "AA", "ผ่านดี"]);
    expect(a.history.map((h) => [h.year, h.rating, h.grade])).toEqual([
      [2565, null, "A"],
      [2566, "ผ่านดี", "AA"],
    ]);
    const j = analysisToJson(a) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect([j.rating, j.grade]).toEqual(["ผ่านดี", "AA"]);
    expect(j.change).toMatchObject({ from: 2565, total: 1.5 });
    expect(j.plan.map((p: { target: string }) => p.target)).toEqual(["ผ่านดีเยี่ยม"]);
  });
});
