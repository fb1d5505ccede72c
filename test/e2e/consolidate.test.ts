/**
 * The task pane's "รวมผลหลายหน่วยงาน" mode in a real browser (the production build, Debian's
 * chromium): several generated unit workbooks chosen in the file input, among them a file that
 * is no workbook, a second copy of a unit and a file whose worker dies (an uncaught error thrown
 * in the worker, injected into the served worker chunk: the product has no test hook). Progress
 * is shown, the run completes, the downloaded summary.xlsx is read back with ExcelJS and its
 * numbers checked against each unit's own analysis; the summary .docx is read back with mammoth.
 * A screenshot of the mode goes to docs/img. A second test prints files/s for 100 files.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import type { Page } from "playwright-core";
import { SUMMARY_SHEETS } from "../../src/consolidate";
import { runPipeline } from "../../src/pipeline";
import { readWorkbook } from "../../src/xlsx";
import { rng } from "../helpers/frameworks";
import { randomUnit, unitWorkbook, type UnitSpec } from "../helpers/unitWorkbooks";
import { axe, openBrowser, root, type Browser } from "./harness";

let b: Browser;
let work: string;
const rand = rng(1444);

/** Prepended to the worker chunk: a file named *crash* throws out of the worker, uncaught. */
const CRASH = `self.addEventListener("message", function (e) {
  if (e.data && String(e.data.display).indexOf("crash") >= 0) { e.stopImmediatePropagation(); throw new Error("test: the worker died"); }
});\n`;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "ita-e2e-cons-"));
  b = await openBrowser({ width: 320, height: 900 });
  await b.context.route(/\/ita-consolidate\.[^/]*\.js$/, async (route) => {
    const original = await route.fetch();
    await route.fulfill({ response: original, body: CRASH + (await original.text()) });
  });
}, 300_000);

afterAll(async () => {
  await b?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const p = join(work, name);
  writeFileSync(p, bytes);
  return p;
}

async function openMode(page: Page): Promise<void> {
  await page.goto(`${b.base}/taskpane.html`);
  await page.getByRole("button", { name: "รวมผลหลายหน่วยงาน" }).click();
  await page.getByRole("button", { name: "เลือกไฟล์ (.xlsx)" }).waitFor({ timeout: 15_000 });
}

/** Records every progress text shown, from before the run starts. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid="c-progress-text"]')?.textContent;
      if (t && seen[seen.length - 1] !== t) seen.push(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

it("consolidates chosen unit workbooks in a worker: a broken file, a duplicate and a dying worker, then downloads", async () => {
  const units: UnitSpec[] = Array.from({ length: 6 }, (_, k) => randomUnit(rand, k));
  const paths: string[] = [];
  for (const [k, u] of units.entries()) paths.push(await write(`unit-${k + 1}.xlsx`, await unitWorkbook(u)));
  // a later copy of unit 1 with the analysis sheets, as a unit shares it
  paths.push(await write("unit-1-copy.xlsx", await unitWorkbook({ ...units[0], analysed: true })));
  paths.push(await write("broken.xlsx", new TextEncoder().encode("this is not a workbook")));
  paths.splice(3, 0, await write("crash-unit.xlsx", await unitWorkbook(randomUnit(rand, 99))));

  const page = await b.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await openMode(page);
  await page.getByTestId("c-files").setInputFiles(paths);
  await page.getByText(`เลือกแล้ว ${paths.length} ไฟล์`).waitFor();
  await recordProgress(page);
  await page.getByRole("button", { name: "รวมผล", exact: true }).click();
  await page.getByTestId("c-result").waitFor({ timeout: 60_000 });
  const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  expect(progress.length).toBeGreaterThan(0);
  expect(
    progress.every((p) => new RegExp(`^อ่านแล้ว \\d+/${paths.length} ไฟล์ · [\\d.]+ ไฟล์/วินาที · ผิดพลาด \\d+$`).test(p)),
  ).toBe(true);

  // the figures shown: six units (the copy counted once)
  expect(await page.getByTestId("c-units").textContent()).toBe("6");
  const failures = await page.getByTestId("c-failures").textContent();
  expect(failures).toContain("broken.xlsx");
  expect(failures).toContain("crash-unit.xlsx");
  expect(failures).toContain("ตัวประมวลผลหยุดทำงานขณะอ่านไฟล์ crash-unit.xlsx");
  const dups = await page.getByTestId("c-duplicates").textContent();
  expect(dups).toContain(units[0].name);
  expect(dups).toMatch(/unit-1(-copy)?\.xlsx/);

  mkdirSync(join(root, "docs/img"), { recursive: true });
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  await page.screenshot({ path: join(root, "docs/img/taskpane-320-consolidate.png"), fullPage: true });
  expect(await axe(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // the summary workbook, downloaded and read back with ExcelJS
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "ดาวน์โหลดสมุดงานสรุป (.xlsx)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^สรุปผล ITA 25\d\d\.xlsx$/);
  const saved = join(work, "summary.xlsx");
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const ws = wb.getWorksheet(SUMMARY_SHEETS.units)!;
  expect(ws).toBeDefined();
  expect(ws.autoFilter).toBeTruthy();
  const totals = new Map<string, number>();
  ws.eachRow((row) => {
    const name = row.getCell(2).value;
    const total = row.getCell(3).value;
    if (typeof name === "string" && typeof total === "number") totals.set(name, total);
  });
  // every unit's total is its own analysis's total
  for (const [k, u] of units.entries()) {
    const read = await readWorkbook(readFileSync(join(work, `unit-${k + 1}.xlsx`)));
    if (!read.ok) throw new Error(read.issue.code);
    const run = runPipeline(read.sheets, { facts: read.facts });
    expect(totals.get(u.name)).toBe(run.analysis!.total);
  }
  expect(totals.size).toBe(6);

  // the summary report (.docx)
  const [report] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "ดาวน์โหลดรายงานสรุป (.docx)" }).click(),
  ]);
  const docx = join(work, "summary.docx");
  await report.saveAs(docx);
  const text = (await mammoth.extractRawText({ path: docx })).value.replace(/\u00a0/g, " ");
  expect(text).toContain("สรุปผลการประเมิน ITA");
  // the report writes Thai digits (as the unit reports): the mean total shown in the pane is in it
  const mean = (await page.getByTestId("c-mean").textContent())!;
  expect(text).toContain(mean.replace(/\d/g, (d) => "๐๑๒๓๔๕๖๗๘๙"[Number(d)]));

  // English
  await page.getByRole("button", { name: /^English/ }).click();
  await page.getByRole("heading", { name: /^Summary, fiscal year/ }).waitFor();
  expect(await axe(page)).toEqual([]);

  expect(errors).toEqual([]);
  await page.close();
}, 180_000);

it("cancel stops the run: nothing is summarised; a new run completes", async () => {
  const paths: string[] = [];
  for (let k = 0; k < 12; k++) paths.push(await write(`c-${k}.xlsx`, await unitWorkbook(randomUnit(rand, k))));
  const page = await b.context.newPage();
  await openMode(page);
  await page.getByTestId("c-files").setInputFiles(paths);
  await page.getByRole("button", { name: "รวมผล", exact: true }).click();
  await page.getByTestId("c-progress").getByRole("button", { name: "ยกเลิก" }).click();
  await page.getByText("ยกเลิกการรวมผลแล้ว").first().waitFor();
  expect(await page.getByTestId("c-result").count()).toBe(0);
  await page.getByRole("button", { name: "รวมผล", exact: true }).click();
  await page.getByTestId("c-result").waitFor({ timeout: 60_000 });
  expect(await page.getByTestId("c-units").textContent()).toBe("12");
  await page.close();
}, 180_000);

it("prints files/s for 100 generated unit workbooks in the browser worker (a figure, not a limit)", async () => {
  const paths: string[] = [];
  for (let k = 0; k < 100; k++)
    paths.push(await write(`bench-${k}.xlsx`, await unitWorkbook({ ...randomUnit(rand, k), analysed: k % 2 === 0 })));
  const page = await b.context.newPage();
  await openMode(page);
  await page.getByTestId("c-files").setInputFiles(paths);
  const t0 = Date.now();
  await page.getByRole("button", { name: "รวมผล", exact: true }).click();
  await page.getByTestId("c-result").waitFor({ timeout: 300_000 });
  const secs = (Date.now() - t0) / 1000;
  expect(await page.getByTestId("c-units").textContent()).toBe("100");
  const line = await page.getByTestId("c-result").locator("p").first().textContent();
  console.log(
    `browser worker: 100 files in ${secs.toFixed(1)} s end to end (${(100 / secs).toFixed(1)} files/s); pane says: ${line}`,
  );
  await page.close();
}, 600_000);
