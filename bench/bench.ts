/**
 * npm run bench: speed and size figures, printed (never asserted in tests).
 * - core analyses per second on 8,300 synthetic units (the national count);
 * - the planner (path to each higher rating) for the same 8,300 units, every plan re-scored;
 * - .xlsx files parsed and analysed per second on 200 generated workbooks;
 * - the CLI's whole-process time over ExcelJS's load time (bench/cli.ts);
 * - consolidation (bench/consolidate.ts): files/s and peak RSS for 100 and 1,000 unit workbooks,
 *   8,300 with `--full`;
 * - peak memory;
 * - the large and hostile cases of issue 7 (5,000 and 20,000 measures, 32,767-character cells, a
 *   million-row sheet, zip bombs): time and peak RSS, each in its own process (bench/large.ts;
 *   `npm run bench -- --quick` leaves them out);
 * - the add-in's figures (bundle size, context.sync calls per run) from bench/addin.ts.
 */
import { performance } from "node:perf_hooks";
import { analyze } from "../src/core/analysis";
import { frameworkForYear } from "../src/core/frameworks";
import { meetsGoal, planRatings } from "../src/core/planner";
import { DEFAULT_SETTINGS, type ItaInput } from "../src/core/types";
import { runPipeline } from "../src/pipeline";
import { MEASURES_TEMPLATE, SCORE_TEMPLATE, templateSheets } from "../src/layout/template";
import { createWorkbook, readWorkbook } from "../src/xlsx";
import { cliFigures } from "./cli";
import { rng } from "../test/helpers/frameworks";

const YEARS = [2565, 2566, 2567, 2568, 2569];

function syntheticUnit(rand: () => number, k: number): ItaInput {
  const score = () => Math.round((55 + rand() * 45) * 100) / 100;
  return {
    unit: { name: `หน่วยงานที่ ${k}` },
    years: YEARS,
    indicators: Array.from({ length: 10 }, (_, i) => ({
      no: i + 1,
      scores: Object.fromEntries(YEARS.map((y) => [y, score()])),
      cells: {},
    })),
    publishedTotals: {},
    measures: Array.from({ length: 1 + Math.floor(rand() * 8) }, (_, m) => ({
      row: m + 4,
      title: `มาตรการ ${m + 1}`,
      indicators: [1 + Math.floor(rand() * 10)],
      status: (["notStarted", "inProgress", "done", "unknown"] as const)[Math.floor(rand() * 4)],
    })),
    hasMeasuresSheet: true,
    settings: DEFAULT_SETTINGS,
  };
}

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

async function main(): Promise<void> {
  const rows: Array<[string, string]> = [];
  const rand = rng(2569);

  // 1. core
  const units = Array.from({ length: 8300 }, (_, k) => syntheticUnit(rand, k));
  let t0 = performance.now();
  let passed = 0;
  for (const u of units) {
    const out = analyze(u);
    if (out.ok && out.analysis.pass) passed++;
  }
  let ms = performance.now() - t0;
  sample();
  rows.push(["core: units analysed", `${units.length} in ${ms.toFixed(0)} ms`]);
  rows.push(["core: analyses per second", `${Math.round(units.length / (ms / 1000)).toLocaleString("en")}`]);
  rows.push(["core: units passing (synthetic)", `${passed}`]);

  // 1b. the planner alone, on every unit's latest year (goal: < 1 s for 8,300 units)
  const fw = frameworkForYear(2569).framework;
  const rules = fw.ratings!;
  const latest = units.map((u) => Object.fromEntries(u.indicators.map((r) => [r.no, r.scores[2569]])));
  t0 = performance.now();
  const plans = latest.map((s) => planRatings(s, fw, rules, { typedTotal: 90 }));
  ms = performance.now() - t0;
  sample();
  const count = plans.reduce((n, p) => n + p.length, 0);
  let met = 0;
  plans.forEach((ps, k) =>
    ps.forEach((p) => {
      const goal =
        typeof p.target === "number" ? { minTotal: p.target, minTools: {} } : rules.find((r) => r.rating === p.target)!;
      const t = { ...latest[k], ...Object.fromEntries(p.indicators.map((s) => [s.no, s.to])) };
      if (p.possible && meetsGoal(t, fw, goal)) met++;
    }),
  );
  rows.push([
    "planner: units planned (ratings + total 90)",
    `${units.length} units, ${count} plans in ${ms.toFixed(0)} ms (goal < 1000 ms)`,
  ]);
  rows.push(["planner: plans meeting their goal, re-scored", `${met}/${count}`]);

  // 2. .xlsx files
  const files: Uint8Array[] = [];
  for (let k = 0; k < 200; k++) {
    const [scores, measures, settings] = templateSheets();
    const u = units[k];
    scores.rows[2][1] = u.unit.name;
    u.indicators.forEach((ind, i) =>
      YEARS.forEach((y, j) => (scores.rows[SCORE_TEMPLATE.firstIndicatorRow - 1 + i][2 + j] = ind.scores[y])),
    );
    u.measures.forEach((m, i) => {
      measures.rows[MEASURES_TEMPLATE.headerRow + i] = [
        i + 1,
        String(m.indicators[0]),
        m.title,
        "ขั้นตอน",
        "",
        "สำนักปลัด",
        "",
        "อยู่ระหว่างดำเนินการ",
      ];
    });
    files.push(await createWorkbook([scores, measures, settings]));
  }
  sample();
  const avgKb = files.reduce((s, f) => s + f.byteLength, 0) / files.length / 1024;
  t0 = performance.now();
  let ok = 0;
  for (const f of files) {
    const read = await readWorkbook(f);
    if (read.ok && runPipeline(read.sheets).ok) ok++;
    sample();
  }
  ms = performance.now() - t0;
  rows.push([
    "xlsx: workbooks parsed and analysed",
    `${ok}/${files.length} in ${ms.toFixed(0)} ms (avg ${avgKb.toFixed(1)} KB each)`,
  ]);
  rows.push(["xlsx: workbooks per second", (files.length / (ms / 1000)).toFixed(1)]);

  // 3. the CLI's start-up ratio (bundled CLI, whole process)
  try {
    for (const row of await cliFigures()) rows.push(row);
  } catch (e) {
    rows.push(["cli figures", `not measured: ${(e as Error).message.split("\n")[0]}`]);
  }
  sample();
  // 3b. consolidation (issue 14): the bundled CLI on folders of generated unit workbooks
  try {
    const { consolidateFigures } = await import("./consolidate");
    rows.push(...(await consolidateFigures(process.argv.includes("--full"))));
  } catch (e) {
    rows.push(["consolidate figures", `not measured: ${(e as Error).message.split("\n")[0]}`]);
  }
  sample();
  // 4. the large and hostile cases of issue 7, each in its own process
  if (!process.argv.includes("--quick")) {
    const { largeFigures } = await import("./large");
    rows.push(...(await largeFigures()));
  }

  // 5. the add-in's figures, when its bench module is present
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const addin = require("./addin") as { addinFigures?: () => Promise<Array<{ label: string; value: string }>> };
    if (addin.addinFigures) for (const f of await addin.addinFigures()) rows.push([f.label, f.value]);
  } catch (e) {
    rows.push(["add-in figures", `not measured: ${(e as Error).message.split("\n")[0]}`]);
  }
  sample();
  rows.push([
    "peak memory (RSS)",
    `${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024).toFixed(0)} MiB`,
  ]);

  const width = Math.max(...rows.map(([l]) => l.length));
  console.log(`ITA Analyzer benchmark (node ${process.version}, ${new Date().toISOString()})`);
  for (const [l, v] of rows) console.log(`  ${l.padEnd(width)}  ${v}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
