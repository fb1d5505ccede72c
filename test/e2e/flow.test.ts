/**
 * Issue 13 in a real browser (browser mode, 320 px): the seven flow defects, axe-core on every
 * state, a keyboard-only walk-through, and the 320 px screenshots kept in docs/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Page } from "playwright-core";
import { SHEETS } from "../../src/layout/names";
import { SCORE_TEMPLATE, templateSheets } from "../../src/layout/template";
import { runPipeline } from "../../src/pipeline";
import { createWorkbook, readWorkbook } from "../../src/xlsx";
import { inputGrids } from "../excel/fixtures";
import { axe, openBrowser, root, type Browser } from "./harness";

let browser: Browser;
let work: string;

async function xlsx(name: string, edit?: (g: ReturnType<typeof inputGrids>) => void, years = 3): Promise<string> {
  const grids = inputGrids(years, 6);
  edit?.(grids);
  const yrs = Array.from({ length: years }, (_, i) => 2565 - years + 1 + i);
  const specs = templateSheets(yrs).map((s) => ({ ...s, rows: grids[s.name] }));
  const path = join(work, name);
  writeFileSync(path, await createWorkbook(specs));
  return path;
}
const scoreRow = (i: number) => SCORE_TEMPLATE.firstIndicatorRow - 1 + i;

async function open(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${browser.base}/taskpane.html`);
  await page.getByRole("button", { name: "เลือกไฟล์ Excel (.xlsx)" }).first().waitFor({ timeout: 15_000 });
  return page;
}
async function choose(page: Page, path: string): Promise<void> {
  await page.setInputFiles("#file-input", path);
  await page.getByText(`ไฟล์: ${path.split("/").pop()}`).waitFor();
  await page.waitForFunction(() => !document.querySelector("main")?.getAttribute("aria-busy")?.includes("true"));
}
const analyze = (page: Page) => page.getByRole("button", { name: "วิเคราะห์", exact: true }).click();
const check = (page: Page) => page.getByRole("button", { name: "ตรวจข้อมูล", exact: true }).click();
/** The pane at rest after an action (main's aria-busy back to false). */
async function idle(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  await page.waitForFunction(() => document.querySelector("main")?.getAttribute("aria-busy") === "false");
}
const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "ita-flow-"));
  browser = await openBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("flow defects (issue 13)", () => {
  it("1. a file changed on disk is re-read (or the pane asks to choose it again), never judged on old bytes; its modified time is shown", async () => {
    const path = await xlsx("changing.xlsx", (g) => {
      g[SHEETS.scores][scoreRow(2)][4] = "abc";
    });
    utimesSync(path, new Date("2026-01-15T09:30:00Z"), new Date("2026-01-15T09:30:00Z"));
    const page = await open();
    await choose(page, path);
    await check(page);
    await page.getByText(/ไม่ใช่ตัวเลข: 'abc'/).waitFor();
    // the user fixes the workbook in Excel and saves it
    writeFileSync(path, readFileSync(await xlsx("fixed.xlsx")));
    await check(page);
    await idle(page);
    // never judged on the old bytes
    expect(await mainText(page)).not.toContain("ไม่ใช่ตัวเลข: 'abc'");
    expect(await mainText(page)).toContain("ไฟล์ถูกแก้ไขแล้ว กรุณาเลือกไฟล์อีกครั้ง");
    expect(await page.getByRole("button", { name: "เลือกไฟล์อีกครั้ง" }).count()).toBe(1);
    await choose(page, path);
    await check(page);
    await page
      .locator("main")
      .getByText(/ข้อมูลพร้อมวิเคราะห์/)
      .waitFor();
    expect(await page.getByTestId("file-modified").textContent()).toMatch(/แก้ไขล่าสุด .*2569/);
    await page.close();
  });

  it("2. check runs the whole validation analyse runs and lists every error at once (blank template, no complete year)", async () => {
    // the template with the unit's name and no score: parses, but analyse has no year to use
    const blank = join(work, "blank.xlsx");
    const specs = templateSheets();
    specs[0].rows[2][1] = "เทศบาลตำบลท่าแร่";
    writeFileSync(blank, await createWorkbook(specs));
    const page = await open();
    await choose(page, blank);
    await check(page);
    await idle(page);
    expect(await mainText(page)).not.toContain("ข้อมูลพร้อมวิเคราะห์");
    expect(await mainText(page)).toContain("ยังไม่มีปีใดที่กรอกคะแนนครบทั้ง 10 ตัวชี้วัด");
    // every error of the run at once: two bad cells and the year they break
    const two = await xlsx("two-errors.xlsx", (g) => {
      g[SHEETS.scores][scoreRow(1)][4] = "abc";
      g[SHEETS.scores][scoreRow(5)][4] = 120;
    });
    const read = await readWorkbook(readFileSync(two), "two-errors.xlsx");
    if (!read.ok) throw new Error(read.issue.code);
    const expected = runPipeline(read.sheets);
    expect(expected.errors.length).toBeGreaterThanOrEqual(2);
    await choose(page, two);
    await check(page);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="errors"] li').length === n,
      expected.errors.length,
    );
    await page.close();
  });

  it("3. an explicitly chosen incomplete year is an error (check and analyse agree); pipeline warnings come first, most important first", async () => {
    const path = await xlsx("incomplete.xlsx", (g) => {
      g[SHEETS.scores][scoreRow(2)][4] = null;
    });
    const page = await open();
    await choose(page, path);
    // the latest complete year is chosen by default, the incomplete one is marked
    expect(await page.getByLabel("ปีงบประมาณที่วิเคราะห์").inputValue()).toBe("2564");
    await page.getByLabel("ปีงบประมาณที่วิเคราะห์").selectOption("2565");
    await check(page);
    await idle(page);
    expect(await mainText(page)).not.toContain("ข้อมูลพร้อมวิเคราะห์");
    expect(await mainText(page)).toContain("ปี 2565 ยังกรอกคะแนนไม่ครบ ขาดตัวชี้วัดที่ 3");
    await page.close();
  });

  it("4. analyse with errors moves focus to the announced error list; each error names its cell", async () => {
    const path = await xlsx("bad.xlsx", (g) => {
      g[SHEETS.scores][scoreRow(2)][4] = "abc";
    });
    const page = await open();
    await choose(page, path);
    await analyze(page);
    await page.getByText(/ไม่ใช่ตัวเลข: 'abc'/).waitFor();
    await idle(page);
    // the focus is on the error list (it holds the message), not left on the button
    const focused = await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      text: document.activeElement?.textContent ?? "",
    }));
    expect(focused.tag).not.toBe("BODY");
    expect(focused.text).toContain("ไม่ใช่ตัวเลข: 'abc'");
    expect(await page.getByTestId("errors").textContent()).toContain("คะแนน ITA!E11");
    await page.waitForFunction(() =>
      [...document.querySelectorAll("[aria-live]")].some((e) => /ข้อผิดพลาด 1 รายการ/.test(e.textContent ?? "")),
    );
    await page.close();
  });

  it("5. after the thresholds or year change the result and the exports are marked out of date", async () => {
    const path = await xlsx("ok.xlsx");
    const page = await open();
    await choose(page, path);
    await analyze(page);
    await page.getByTestId("total").waitFor();
    await idle(page);
    const docx = page.getByRole("button", { name: "ดาวน์โหลดรายงาน (.docx)" });
    expect(await docx.isEnabled()).toBe(true);
    await page.getByLabel("เกณฑ์จุดแข็ง (ตั้งแต่)").fill("90");
    await page.waitForTimeout(200);
    // the export no longer matches what the pane would analyse: unavailable, and the result says why
    expect(await docx.isEnabled()).toBe(false);
    expect(await mainText(page)).toContain("ผลนี้ไม่ตรงกับปี เกณฑ์ หรือไฟล์");
    await analyze(page);
    await page.getByTestId("stale").waitFor({ state: "detached" });
    await page.getByText(/สมุดงานที่ดาวน์โหลดได้/).waitFor();
    expect(await docx.getAttribute("aria-disabled")).not.toBe("true");
    await page.close();
  });

  it("6. a lazy chunk that fails to load gives Thai with a retry (no webpack English); long work can be cancelled", async () => {
    const path = await xlsx("chunk.xlsx");
    const page = await open();
    let block = true;
    await page.route(/xlsx.*\.chunk\.js/, (route) => (block ? route.abort() : route.continue()));
    await page.setInputFiles("#file-input", path);
    await page
      .locator("main")
      .getByText(/โหลดส่วนประกอบของโปรแกรมไม่สำเร็จ/)
      .waitFor();
    expect(await page.locator("main").textContent()).not.toMatch(/Loading chunk|ChunkLoadError/i);
    block = false;
    await page.getByRole("button", { name: "ลองใหม่" }).click();
    await page.getByText("ไฟล์: chunk.xlsx").waitFor();
    await page.close();

    // cancel: the chunk is slow, the user gives up
    const slow = await open();
    await slow.route(/xlsx.*\.chunk\.js/, async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue().catch(() => undefined);
    });
    await slow.setInputFiles("#file-input", path);
    await slow.getByRole("button", { name: "ยกเลิก" }).click();
    await slow
      .locator("main")
      .getByText(/ยกเลิกแล้ว/)
      .waitFor();
    await slow.waitForTimeout(3500);
    expect(await slow.getByText("ไฟล์: chunk.xlsx").count()).toBe(0);
    await slow.close();
  });

  it("7. browser mode never says it wrote to sheets: it says what the download holds", async () => {
    const path = await xlsx("written.xlsx");
    const page = await open();
    await choose(page, path);
    await analyze(page);
    await page.getByTestId("total").waitFor();
    await idle(page);
    expect(await mainText(page)).not.toContain("เขียนผลลงชีตแล้ว");
    expect(await mainText(page)).toMatch(/สมุดงานที่ดาวน์โหลดได้มีชีตเดิมของคุณ \(ไม่แก้ไข\) และชีตใหม่: ผลวิเคราะห์ ITA/);
    await page.close();
  });
});

describe("accessibility, theme and screenshots", () => {
  const shots = join(root, "docs/img");

  it("axe-core finds no violation in any state: initial, errors, analysed, dark, English", async () => {
    mkdirSync(shots, { recursive: true });
    const results: Record<string, unknown[]> = {};
    const page = await open();
    results.initial = await axe(page);
    await choose(
      page,
      await xlsx("axe-bad.xlsx", (g) => {
        g[SHEETS.scores][scoreRow(2)][4] = "abc";
      }),
    );
    await analyze(page);
    await page
      .locator("main")
      .getByText(/ไม่ใช่ตัวเลข: 'abc'/)
      .waitFor();
    results.errors = await axe(page);
    await choose(page, await xlsx("axe-ok.xlsx"));
    await analyze(page);
    await page.getByTestId("total").waitFor();
    await idle(page);
    results.analyzed = await axe(page);
    await page.screenshot({ path: join(shots, "taskpane-320-light.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => document.body.dataset.theme === "dark");
    results.dark = await axe(page);
    await page.screenshot({ path: join(shots, "taskpane-320-dark.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });
    await page.getByRole("button", { name: /English/ }).click();
    await page.getByRole("heading", { name: "3. Analyse" }).waitFor();
    results.english = await axe(page);
    await page.screenshot({ path: join(shots, "taskpane-320-en.png"), fullPage: true });
    expect(results).toEqual({ initial: [], errors: [], analyzed: [], dark: [], english: [] });
    expect(Object.keys(results)).toEqual(["initial", "errors", "analyzed", "dark", "english"]);
    await page.close();
  });

  it("dark mode paints dark from the first frame (no white flash)", async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.route(/\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue().catch(() => undefined);
    });
    await page.goto(`${browser.base}/taskpane.html`, { waitUntil: "domcontentloaded" });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe("rgb(255, 255, 255)");
    expect(bg).not.toBe("rgba(0, 0, 0, 0)");
    await page.close();
  });

  it("keyboard only: Tab reaches every action in order, focus is visible, Enter works, focus never drops to body", async () => {
    const page = await open();
    await choose(page, await xlsx("keys.xlsx"));
    const names: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      const f = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        return {
          name: (e.getAttribute("aria-label") ?? e.textContent ?? "").trim(),
          tag: e.tagName,
          visible: e.hasAttribute("data-fui-focus-visible") || getComputedStyle(e).outlineStyle !== "none",
        };
      });
      expect(f.tag).not.toBe("BODY");
      expect(f.visible).toBe(true);
      names.push(f.name);
    }
    const at = (re: RegExp) => names.findIndex((n) => re.test(n));
    expect(at(/เลือกไฟล์/)).toBeGreaterThanOrEqual(0);
    expect(at(/^ตรวจข้อมูล$/)).toBeGreaterThan(at(/เลือกไฟล์/));
    expect(at(/^วิเคราะห์$/)).toBeGreaterThan(at(/^ตรวจข้อมูล$/));
    // Enter on วิเคราะห์: focus stays on the (busy) button, never on body, and the result comes
    while (!/^วิเคราะห์$/.test(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ""))) {
      await page.keyboard.press("Shift+Tab");
    }
    await page.keyboard.press("Enter");
    await page.getByTestId("total").waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("BODY");
    await page.close();
  });
});
