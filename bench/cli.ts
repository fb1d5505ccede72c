/**
 * The CLI's start-up figure: the whole-process time of `ita-analyzer analyze` on a two-year
 * workbook with measures, writing the analysed copy and the JSON, divided by the time `node`
 * takes merely to load the same file with ExcelJS. Runs alternate (CLI, baseline, CLI, …) so
 * both see the same machine load; the ratio is of the medians. Goal ≤ 1.3 (issue 11).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { MEASURES_TEMPLATE, SCORE_TEMPLATE, templateSheets } from "../src/layout/template";
import { createWorkbook } from "../src/xlsx";

const ROOT = path.join(__dirname, "..");
const RUNS = 11;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timed(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr.toString()}`);
  return ms;
}

export async function cliFigures(): Promise<Array<[string, string]>> {
  // measure the current code: rebuild the bundle users run
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT });
  const dir = mkdtempSync(path.join(os.tmpdir(), "ita-bench-cli-"));
  try {
    // a two-year workbook with measures, from the template
    const [scores, measures, settings] = templateSheets();
    scores.rows[2][1] = "องค์การบริหารส่วนตำบลทดสอบ";
    // the template's last two year columns
    const width = scores.rows[SCORE_TEMPLATE.headerRow - 1].length;
    for (let i = 0; i < 10; i++)
      for (const col of [width - 2, width - 1])
        scores.rows[SCORE_TEMPLATE.firstIndicatorRow - 1 + i][col] = 70 + ((i * 7 + col * 3) % 30);
    for (let m = 0; m < 6; m++)
      measures.rows[MEASURES_TEMPLATE.headerRow + m] = [
        m + 1,
        String((m % 10) + 1),
        `มาตรการที่ ${m + 1}`,
        "ขั้นตอน",
        "ต.ค. 2569 – ก.ย. 2570",
        "สำนักปลัด",
        "",
        "อยู่ระหว่างดำเนินการ",
      ];
    const file = path.join(dir, "two-years.xlsx");
    writeFileSync(file, await createWorkbook([scores, measures, settings]));
    const loader = path.join(dir, "load-exceljs.js");
    writeFileSync(
      loader,
      `const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});\n` +
        `new ExcelJS.Workbook().xlsx.readFile(process.argv[2]).then(() => {});\n`,
    );
    const bin = path.join(ROOT, "bin", "ita-analyzer.js");
    const cliArgs = [
      bin,
      "analyze",
      file,
      "--out",
      path.join(dir, "out.xlsx"),
      "--json",
      path.join(dir, "out.json"),
      "--quiet",
    ];
    // warm the file cache once each, then alternate
    timed(cliArgs);
    timed([loader, file]);
    const cli: number[] = [];
    const base: number[] = [];
    const help: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      cli.push(timed(cliArgs));
      base.push(timed([loader, file]));
      help.push(timed([bin, "--help"]));
    }
    const c = median(cli);
    const b = median(base);
    return [
      ["cli: analyze 2-year workbook → .xlsx + JSON (median)", `${c.toFixed(0)} ms (${RUNS} runs)`],
      ["cli: node loading the same file with ExcelJS (median)", `${b.toFixed(0)} ms`],
      ["cli: ratio analyze / ExcelJS load (goal ≤ 1.3)", (c / b).toFixed(2)],
      ["cli: --help (median)", `${median(help).toFixed(0)} ms`],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module)
  cliFigures().then((rows) => {
    for (const [l, v] of rows) console.log(`  ${l}  ${v}`);
  });
