/**
 * The consolidation figures of issue 14: `ita-analyzer consolidate` (the bundled CLI, a real
 * process, worker threads over the available cores) on folders of 100, 1,000 and (with
 * `--full`) 8,300 generated unit workbooks of realistic size: the input sheets of two years with
 * measures and the generated analysis sheets with their charts, as units share them. Prints
 * files per second end to end (walk, parse, analyse, write the summary .xlsx + JSON) and the
 * peak RSS of the process (main thread and workers: one process). Goal: 8,300 in ≤ 120 s,
 * RSS ≤ 1 GiB, flat in the number of files.
 *
 * Files are made fast from one real analysed workbook: its score sheet's unit name and scores
 * are placeholders, replaced per file and zipped again (fflate), so each file is a different
 * unit with different scores and the rest of the package is the product's own output.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { rng } from "../test/helpers/frameworks";
import { unitWorkbook } from "../test/helpers/unitWorkbooks";

const ROOT = path.join(__dirname, "..");
const NAME = "หน่วยงานแม่แบบ";

/** Placeholder score of indicator i (0–9) in year column j (0–1): unique numbers in the XML. */
const placeholder = (j: number, i: number) => 10 + j * 10 + i / 100 + 0.001;

async function baseWorkbook(): Promise<{ entries: Record<string, Uint8Array>; sheetPart: string }> {
  const bytes = await unitWorkbook({
    name: NAME,
    district: "เมืองขอนแก่น",
    province: "ขอนแก่น",
    type: "องค์การบริหารส่วนตำบล",
    years: [0, 1].map((j) => ({ header: 2567 + j, scores: Array.from({ length: 10 }, (_, i) => placeholder(j, i)) })),
    measures: Array.from({ length: 6 }, (_, m) => ({
      indicators: String((m % 10) + 1),
      status: ["ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการเสร็จเรียบร้อยแล้ว"][m % 3],
    })),
    analysed: true,
  });
  const entries = unzipSync(bytes);
  const sheetPart = Object.keys(entries).find(
    (n) => /worksheets\/sheet\d+\.xml$/.test(n) && strFromU8(entries[n]).includes(NAME),
  );
  if (!sheetPart) throw new Error("score sheet not found in the base workbook");
  return { entries, sheetPart };
}

export async function makeFolder(dir: string, count: number, seed = 14): Promise<number> {
  const { entries, sheetPart } = await baseWorkbook();
  const xml = strFromU8(entries[sheetPart]);
  const rand = rng(seed);
  const districts = ["เมืองขอนแก่น", "บ้านไผ่", "ชุมแพ", "น้ำพอง", "พล", "หนองเรือ", "กระนวน"];
  let bytesTotal = 0;
  for (let k = 0; k < count; k++) {
    let s = xml.replace(NAME, `องค์การบริหารส่วนตำบลที่ ${k + 1}`).replace("เมืองขอนแก่น", districts[k % districts.length]);
    for (let j = 0; j < 2; j++)
      for (let i = 0; i < 10; i++)
        s = s.replace(`<v>${placeholder(j, i)}</v>`, `<v>${Math.round((60 + rand() * 40) * 100) / 100}</v>`);
    const files: Zippable = {};
    for (const [n, data] of Object.entries(entries)) files[n] = n === sheetPart ? strToU8(s) : data;
    const zipped = zipSync(files, { level: 6 });
    bytesTotal += zipped.byteLength;
    const sub = path.join(dir, `amphoe-${k % districts.length}`);
    if (k < districts.length) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `unit-${k + 1}.xlsx`), zipped);
  }
  return bytesTotal / count;
}

export async function consolidateFigures(full: boolean): Promise<Array<[string, string]>> {
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT });
  const rows: Array<[string, string]> = [];
  const sizes = full ? [100, 1000, 8300] : [100, 1000];
  for (const n of sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `ita-bench-consolidate-${n}-`));
    try {
      const units = path.join(dir, "units");
      mkdirSync(units);
      const avg = await makeFolder(units, n);
      const out = path.join(dir, "summary.xlsx");
      const json = path.join(dir, "summary.json");
      // GNU time is not everywhere: the child's peak RSS comes from its own resource usage, printed at exit
      const t0 = performance.now();
      const r = spawnSync(
        process.execPath,
        [
          "-e",
          `process.on("exit",()=>process.stderr.write("MAXRSS "+process.resourceUsage().maxRSS+"\\n"));process.argv=[process.argv[0],"x",...${JSON.stringify(["consolidate", units, "--out", out, "--json", json, "--quiet"])}];require(${JSON.stringify(path.join(ROOT, "dist", "ita-analyzer.js"))}).main(process.argv.slice(2)).then(c=>process.exitCode=c)`,
        ],
        { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      );
      const ms = performance.now() - t0;
      if (r.status !== 0) throw new Error(`consolidate of ${n} files failed (${r.status}): ${r.stderr.slice(-500)}`);
      const rss = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
      rows.push([
        `consolidate: ${n.toLocaleString("en")} unit workbooks (avg ${(avg / 1024).toFixed(1)} KB)`,
        `${(ms / 1000).toFixed(1)} s, ${(n / (ms / 1000)).toFixed(1)} files/s, peak RSS ${rss.toFixed(0)} MiB` +
          (n === 8300 ? " (goal ≤ 120 s, ≤ 1024 MiB)" : ""),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!full) rows.push(["consolidate: 8,300 files", "not run by default (about 2 minutes): npm run bench -- --full"]);
  return rows;
}

if (require.main === module) {
  consolidateFigures(process.argv.includes("--full")).then((rows) => {
    const width = Math.max(...rows.map(([l]) => l.length));
    for (const [l, v] of rows) console.log(`  ${l.padEnd(width)}  ${v}`);
  });
}
