/**
 * Real browser: the production build served on 127.0.0.1, Debian's chromium driven by
 * playwright-core. Browser mode loads an .xlsx through the file input, shows the total and
 * level, and the downloaded workbook holds the generated sheets. Screenshots go to test-results/.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import type { Server } from "http";
import { tmpdir } from "os";
import { join, sep } from "path";
import { chromium, type BrowserContext } from "playwright-core";
import * as ts from "typescript";
import { GENERATED_SHEETS, SHEETS } from "../../src/layout/names";
import { runPipeline } from "../../src/pipeline";
import { templateSheets } from "../../src/layout/template";
import { issueMessage } from "../../src/core/messages";
import { rawEntry, ZipPackage } from "../../src/ooxml/zip";
import { createWorkbook, DEFAULT_LIMITS, readWorkbook } from "../../src/xlsx";
import { hostileCases } from "../fixtures/hostile/corpus";
import { ARGS, CHROMIUM, dist, ensureBuild, root, serve } from "./harness";
import { inputGrids } from "../excel/fixtures";

const OFFICE_CDN_DIR = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_CDN = `${OFFICE_CDN_DIR}office.js`;
/** The office.js of the @microsoft/office-js package, served in place of the CDN. */
const OFFICE_PACKAGE = join(root, "node_modules/@microsoft/office-js/dist");

let server: Server;
let base: string;
let context: BrowserContext;
let profile: string;
let work: string;
let sample: string;
const outside: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error("chromium is missing: apt-get install -y --no-install-recommends chromium fonts-thai-tlwg");
  ensureBuild();
  ({ server, url: base } = await serve(dist));
  work = mkdtempSync(join(tmpdir(), "ita-e2e-"));
  sample = join(root, "samples/ita-sample.xlsx");
  if (!existsSync(sample)) {
    // until the lead's sample exists: the template filled with the ท่าแร่ 2565 scores
    const grids = inputGrids(3, 6);
    const specs = templateSheets([2563, 2564, 2565]).map((s) => ({ ...s, rows: grids[s.name] }));
    sample = join(work, "ita-sample.xlsx");
    writeFileSync(sample, await createWorkbook(specs));
  }
  profile = mkdtempSync(join(tmpdir(), "ita-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 350, height: 900 },
    acceptDownloads: true,
    locale: "th-TH",
  });
  // no network beyond our server; Office's CDN is answered from @microsoft/office-js's own
  // files, so the real library's start-up runs when the page asks for it (and is recorded)
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    outside.push(url);
    if (url.startsWith(OFFICE_CDN_DIR)) {
      const file = join(OFFICE_PACKAGE, url.slice(OFFICE_CDN_DIR.length).split("?")[0]);
      if (file.startsWith(OFFICE_PACKAGE + sep) && existsSync(file))
        return route.fulfill({ body: readFileSync(file), contentType: "text/javascript; charset=utf-8" });
      return route.fulfill({ status: 404, body: "" });
    }
    return route.abort();
  });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  for (const d of [profile, work]) if (d) rmSync(d, { recursive: true, force: true });
});

it("browser mode: analyses an .xlsx chosen in the file input and downloads the analysed workbook", async () => {
  const read = await readWorkbook(readFileSync(sample), "ita-sample.xlsx");
  if (!read.ok) throw new Error(read.issue.code);
  const expected = runPipeline(read.sheets);
  if (!expected.analysis) throw new Error(JSON.stringify(expected.errors));
  const a = expected.analysis;

  outside.length = 0;
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}/taskpane.html`);
  await page.getByRole("button", { name: "เลือกไฟล์ Excel (.xlsx)" }).waitFor({ timeout: 15_000 });
  await page.setInputFiles("#file-input", sample);
  await page.getByText("ไฟล์: ita-sample.xlsx").waitFor();
  await page.getByLabel("ปีงบประมาณที่วิเคราะห์").waitFor();
  await page.waitForFunction(() => (document.querySelector("select") as HTMLSelectElement | null)?.value !== "");
  await page.getByRole("button", { name: "วิเคราะห์", exact: true }).click();
  const total = page.getByTestId("total");
  await total.waitFor({ timeout: 30_000 });
  expect(await total.textContent()).toBe(a.total.toFixed(2));
  expect(await page.getByTestId("level").textContent()).toBe(a.rating ?? a.grade);
  // browser mode writes no sheet the user sees: it says what the download holds (issue 13, defect 7)
  await page.getByText(/สมุดงานที่ดาวน์โหลดได้มีชีตเดิมของคุณ/).waitFor();

  mkdirSync(join(root, "test-results"), { recursive: true });
  await page.screenshot({ path: join(root, "test-results/addin-browser-result.png"), fullPage: true });
  // the page fits a 350 px task pane (once layout has settled)
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= 350, null, { timeout: 5000 })
    .catch(() => undefined);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
  // Thai text is set in a Thai face
  const font = await page.evaluate(() => getComputedStyle(document.querySelector("h2") as Element).fontFamily);
  expect(font).toMatch(/Leelawadee UI/);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "ดาวน์โหลดสมุดงานที่วิเคราะห์แล้ว (.xlsx)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("ita-sample.analysis.xlsx");
  const saved = join(work, "downloaded.xlsx");
  await download.saveAs(saved);
  const back = await readWorkbook(readFileSync(saved), "downloaded.xlsx", DEFAULT_LIMITS, () => true);
  if (!back.ok) throw new Error(back.issue.code);
  for (const name of [SHEETS.scores, SHEETS.analysis, SHEETS.trend]) expect(Object.keys(back.sheets)).toContain(name);
  for (const spec of expected.sheets) expect(GENERATED_SHEETS).toContain(spec.name);
  expect(back.sheets[SHEETS.scores]).toEqual(read.sheets[SHEETS.scores]);
  const analysisText = JSON.stringify(back.sheets[SHEETS.analysis]);
  expect(analysisText).toContain(String(a.total));
  // written in the page by src/ooxml: the three native charts, and the input's parts kept raw
  const downloaded = new ZipPackage(new Uint8Array(readFileSync(saved)));
  expect(downloaded.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(3);
  const input = new ZipPackage(new Uint8Array(readFileSync(sample)));
  const edited = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];
  for (const e of input.entries.filter((x) => !edited.includes(x.name))) {
    const after = downloaded.entries.find((x) => x.name === e.name)!;
    expect(Buffer.from(rawEntry(downloaded.data, after)).equals(Buffer.from(rawEntry(input.data, e)))).toBe(true);
  }

  // the .docx report: the indicator chart as a native Word chart

  // the .docx report (lazy report + docx chunks)
  const [report] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "ดาวน์โหลดรายงาน (.docx)" }).click(),
  ]);
  expect(report.suggestedFilename()).toMatch(/\.docx$/);
  const docx = join(work, "report.docx");
  await report.saveAs(docx);
  expect(readFileSync(docx).subarray(0, 2).toString("ascii")).toBe("PK");
  expect(new ZipPackage(new Uint8Array(readFileSync(docx))).has("word/charts/chart1.xml")).toBe(true);

  // English, for the second screenshot
  await page.getByRole("button", { name: "English (เปลี่ยนภาษาเป็นภาษาอังกฤษ)" }).click();
  await page.screenshot({ path: join(root, "test-results/addin-browser-en.png"), fullPage: true });

  expect(errors).toEqual([]);
  // defect 4: browser mode makes no request outside its own origin (office.js is not loaded)
  expect(outside).toEqual([]);
  await page.close();
});

describe("start-up (issue 8, defects 3 and 4)", () => {
  const hostInfo = "_host_Info=Excel$Win32$16.01$th-TH$$$$0";

  it("opened by Office: loads office.js (the package's, at the CDN address) and waits for Excel, never offering the file picker", async () => {
    outside.length = 0;
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on("console", (m) => warnings.push(m.text()));
    await page.goto(`${base}/taskpane.html?${hostInfo}`);
    await page.waitForFunction(() => typeof (window as { Office?: unknown }).Office === "object");
    // the real office.js asks for its host script; outside Office, Excel never answers
    await page.waitForTimeout(4000);
    expect(outside[0]).toBe(OFFICE_CDN);
    expect(outside).toContain(`${OFFICE_CDN_DIR}excel-win32-16.01.js`);
    expect(warnings.join("\n")).toMatch(/outside of Office client/);
    expect(await page.getByRole("button", { name: "เลือกไฟล์ Excel (.xlsx)" }).count()).toBe(0);
    expect(await page.locator("#boot").textContent()).toBe("กำลังเปิด ITA Analyzer…");
    // first paint did not wait for office.js: the start message was there from the start
    await page.close();
  });

  it("office.js outside Office: the real Office.onReady resolves with a null host and the page runs in browser mode", async () => {
    outside.length = 0;
    const page = await context.newPage();
    // the tab remembers that Office opened it (as after a reload) but office.js finds no host
    await page.addInitScript(() => sessionStorage.setItem("ita.inOffice", "1"));
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole("button", { name: "เลือกไฟล์ Excel (.xlsx)" }).waitFor({ timeout: 15_000 });
    const info = await page.evaluate(() =>
      (window as unknown as { Office: typeof Office }).Office.onReady().then((i) => ({
        host: i.host,
        platform: i.platform,
      })),
    );
    expect(info).toEqual({ host: null, platform: null });
    expect(outside[0]).toBe(OFFICE_CDN);
    expect(outside.every((u) => u.startsWith(OFFICE_CDN_DIR))).toBe(true);
    await page.close();
  });

  it("an old webview (IE11, legacy Edge) gets the supported-versions message and never the bundle", async () => {
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
    // what IE11 does with the check's modern syntax: a SyntaxError
    await page.addInitScript(() => {
      (window as unknown as { Function: unknown }).Function = function () {
        throw new SyntaxError("Expected identifier");
      };
    });
    await page.goto(`${base}/taskpane.html`);
    const box = page.locator("#unsupported");
    await box.waitFor({ state: "visible" });
    const text = (await box.textContent()) ?? "";
    expect(text).toContain("Excel รุ่นนี้เปิด ITA Analyzer ไม่ได้");
    expect(text).toMatch(/Excel 2016.*Excel 2019/s);
    expect(text).toContain("This Excel cannot run ITA Analyzer");
    expect(await page.locator("#root").isVisible()).toBe(false);
    expect(scripts).toEqual([]);
    await page.screenshot({ path: join(root, "test-results/addin-unsupported.png"), fullPage: true });
    await page.close();
  });

  it("the page's check is ES5 and covers every newer syntax the bundle uses; production loads office.js from Microsoft's CDN", () => {
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    expect(html).toContain(OFFICE_CDN);
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("\n");
    const probe = /new Function\("([^"]+)"\)/.exec(inline)?.[1];
    if (!probe) throw new Error("no syntax probe in taskpane.html");
    // ES5: no ES2015+ syntax outside string literals
    const code = inline.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
    expect(code).not.toMatch(/=>|`|\b(let|const|class)\b|\?\.|\?\?|\.\.\./);
    const kinds = (source: string) => {
      const found = new Set<string>();
      const visit = (n: ts.Node): void => {
        if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) found.add("??");
        if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken)
          found.add("??=");
        if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.BarBarEqualsToken) found.add("||=");
        if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken)
          found.add("&&=");
        if (n.kind === ts.SyntaxKind.QuestionDotToken) found.add("?.");
        if (ts.isBigIntLiteral(n)) found.add("bigint");
        if (ts.isPropertyDeclaration(n)) found.add("class field");
        if (ts.isPrivateIdentifier(n)) found.add("#private");
        if (ts.isClassStaticBlockDeclaration(n)) found.add("static block");
        n.forEachChild(visit);
      };
      visit(ts.createSourceFile("x.js", source, ts.ScriptTarget.ESNext, false, ts.ScriptKind.JS));
      return found;
    };
    const used = new Set<string>();
    for (const f of readdirSync(dist).filter((f) => f.endsWith(".js")))
      kinds(readFileSync(join(dist, f), "utf8")).forEach((k) => used.add(k));
    const checked = kinds(`function f(){${probe}}`);
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((k) => !checked.has(k))).toEqual([]);
  });
});

it("browser mode: a hostile file gives the same Thai message as the CLI", async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}/taskpane.html`);
  await page.getByRole("button", { name: "เลือกไฟล์ Excel (.xlsx)" }).waitFor({ timeout: 15_000 });
  const cases = hostileCases().filter((c) => ["protected.xlsx", "crc.xlsx", "formula.xlsx"].includes(c.file));
  expect(cases).toHaveLength(3);
  for (const c of cases) {
    const file = join(work, c.file);
    const bytes = await c.make();
    writeFileSync(file, bytes);
    // the message the CLI prints for the same bytes (the same reader and parser)
    const read = await readWorkbook(bytes, c.file);
    const issue = read.ok ? runPipeline(read.sheets, { facts: read.facts }).errors[0] : read.issue;
    expect(issue.code).toBe(c.code);
    await page.setInputFiles("#file-input", file);
    // a file the reader refuses is said on choosing it; a readable one with bad cells on checking it
    if (read.ok) await page.getByRole("button", { name: "ตรวจข้อมูล", exact: true }).click();
    await page.getByText(issueMessage(issue, "th"), { exact: false }).first().waitFor({ timeout: 15_000 });
  }
  await page.screenshot({ path: join(root, "test-results/addin-browser-hostile.png"), fullPage: true });
  expect(errors).toEqual([]);
});
