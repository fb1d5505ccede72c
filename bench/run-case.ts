/**
 * One large case in its own process, so its peak memory is its own: runs the CLI on a file and
 * prints {"ms","peakMiB","exit","first"} as JSON. Used by bench/bench.ts.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { main } from "../src/cli";
import { runPipeline } from "../src/pipeline";
import { readWorkbook } from "../src/xlsx";

/**
 * Peak RSS of this process in MiB: VmHWM belongs to this process image (getrusage's maxRSS
 * keeps the parent's peak across fork + exec on Linux).
 */
function peakMiB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

async function run(): Promise<void> {
  const [file, outDir, mode] = process.argv.slice(2);
  const lines: string[] = [];
  const t0 = performance.now();
  if (mode === "analyse") {
    // reading and the pure pipeline only (no workbook or report written)
    const read = await readWorkbook(readFileSync(file), file);
    const ok = read.ok && runPipeline(read.sheets, { facts: read.facts }).ok;
    const ms = performance.now() - t0;
    process.stdout.write(
      `${JSON.stringify({ ms: Math.round(ms), peakMiB: Math.round(peakMiB()), exit: ok ? 0 : 1, first: "" })}\n`,
    );
    return;
  }
  const exit = await main(["analyze", file, "--out", `${outDir}/out.xlsx`, "--json", `${outDir}/out.json`, "--quiet"], {
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  const ms = performance.now() - t0;
  process.stdout.write(
    `${JSON.stringify({ ms: Math.round(ms), peakMiB: Math.round(peakMiB()), exit, first: lines[0] ?? "" })}\n`,
  );
}

void run();
