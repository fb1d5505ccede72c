/// <reference types="office-js" />
/**
 * The add-in's figures for npm run bench: the task pane's first download (gzipped, without
 * the lazy chunks), the lazy chunks, and context.sync calls per run at 1, 10 and 50 years.
 * Builds the production bundle into dist/addin first, so the figures are those of the sources.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { readLayout, writeGeneratedSheets } from "../src/excel/adapter";
import { runPipeline } from "../src/pipeline";
import { FakeWorkbook, installExcelEnums } from "../test/excel/fakeExcel";
import { inputGrids } from "../test/excel/fixtures";

function findRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json"))) dir = resolve(dir, "..");
  return dir;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

function bundleFigures(root: string): Array<{ label: string; value: string }> {
  const dist = join(root, "dist/addin");
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: root,
    stdio: "pipe",
  });
  const html = readFileSync(join(dist, "taskpane.html"));
  // minified html leaves attribute values unquoted
  const initial = [...html.toString().matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2])
    .filter((s) => !/^https?:/.test(s));
  const initialGz = gz(html) + initial.reduce((s, f) => s + gz(readFileSync(join(dist, f))), 0);
  const initialRaw = html.length + initial.reduce((s, f) => s + readFileSync(join(dist, f)).length, 0);
  const rows = [
    {
      label: "add-in: task pane first load (html + js, gzipped; office.js from the CDN not counted)",
      value: `${kb(initialGz)} (${kb(initialRaw)} minified)`,
    },
  ];
  for (const f of readdirSync(dist)
    .filter((f) => f.endsWith(".chunk.js"))
    .sort()) {
    const b = readFileSync(join(dist, f));
    rows.push({
      label: `add-in: lazy chunk ${f.split(".")[0]} (gzipped)`,
      value: `${kb(gz(b))} (${kb(b.length)} minified)`,
    });
  }
  return rows;
}

async function syncsPerRun(years: number, measures: number): Promise<number> {
  const wb = new FakeWorkbook(inputGrids(years, measures));
  const read = await readLayout(wb.context);
  const out = runPipeline(read.sheets);
  if (!out.ok) throw new Error(`bench workbook does not analyse: ${JSON.stringify(out.errors)}`);
  await writeGeneratedSheets(wb.context, out.sheets);
  return wb.syncCount;
}

export async function addinFigures(): Promise<Array<{ label: string; value: string }>> {
  installExcelEnums();
  const rows = bundleFigures(findRoot());
  for (const [years, measures] of [
    [1, 10],
    [10, 100],
    [50, 500],
  ])
    rows.push({
      label: `add-in: context.sync calls per run, ${years} year(s), ${measures} measures`,
      value: String(await syncsPerRun(years, measures)),
    });
  return rows;
}
