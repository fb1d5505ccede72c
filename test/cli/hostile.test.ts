/**
 * The hostile corpus (test/fixtures/hostile/corpus.ts) through the real CLI: each file written to
 * disk, analysed with --out and --json, and the answer checked: exit code, the issue code in the
 * JSON, a word of the Thai message, no stack trace, and no workbook written when it fails.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { hostileCases, SAMPLE } from "../fixtures/hostile/corpus";
import { runCli } from "../helpers/cli";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ita-hostile-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  const r = await runCli(args);
  return { ...r, all: r.text };
}

async function readJson(
  file: string,
): Promise<{ errors?: Array<{ code: string }>; warnings?: Array<{ code: string }>; [k: string]: unknown }> {
  return JSON.parse(await fs.readFile(file, "utf8"));
}

describe.each(hostileCases().map((c) => [c.file, c] as const))("hostile file %s", (_name, c) => {
  test(`${c.what}: exit ${c.exit}${c.code ? `, ${c.code}` : ""}`, async () => {
    const sub = await fs.mkdtemp(path.join(dir, "case-"));
    const input = path.join(sub, c.file);
    await fs.writeFile(input, await c.make());
    const before = await fs.readFile(input);
    const out = path.join(sub, "out.xlsx");
    const json = path.join(sub, "out.json");
    const r = await run(["analyze", input, "--out", out, "--json", json]);
    expect({ exit: r.code, text: r.all }).toEqual({ exit: c.exit, text: expect.any(String) });
    expect(r.all).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    if (c.th) expect(r.all).toMatch(c.th);
    const j = await readJson(json);
    if (c.exit === 0) {
      await expect(fs.stat(out)).resolves.toBeTruthy();
      if (c.code) expect(j.warnings?.map((w) => w.code)).toContain(c.code);
    } else {
      await expect(fs.stat(out)).rejects.toThrow();
      expect(j.errors?.map((e) => e.code)).toContain(c.code);
    }
    expect(Buffer.compare(await fs.readFile(input), before)).toBe(0);
  });
});

describe("what the hostile files read as", () => {
  const byName = Object.fromEntries(hostileCases().map((c) => [c.file, c]));
  async function analyse(file: string) {
    const sub = await fs.mkdtemp(path.join(dir, "read-"));
    const input = path.join(sub, file);
    await fs.writeFile(input, file === "sample.xlsx" ? await fs.readFile(SAMPLE) : await byName[file].make());
    const json = path.join(sub, "out.json");
    const r = await run(["analyze", input, "--out", path.join(sub, "o.xlsx"), "--json", json, "--quiet"]);
    return { r, j: await readJson(json) };
  }

  test("percent-formatted scores give the same analysis as the numbers, and the warning names the cells", async () => {
    const plain = await analyse("sample.xlsx");
    const pct = await analyse("percent.xlsx");
    expect(pct.j.total).toBe(plain.j.total);
    expect(pct.j.year).toBe(2569);
    const w = pct.j.warnings!.find((x) => x.code === "PERCENT_READ") as unknown as { cell: string; message: string };
    expect(w.cell).toBe("คะแนน ITA!G9");
    expect(w.message).toMatch(/G9, G10/);
  });

  test("a formula without a saved value names the cells to open and save in Excel", async () => {
    const { j } = await analyse("formula.xlsx");
    const e = j.errors!.find((x) => x.code === "FORMULA_NO_VALUE") as unknown as { message: string };
    expect(e.message).toMatch(/^เซลล์ G9, G10, G11/);
  });

  test("'ปี 69' is warned about with its cell and the previous year is analysed", async () => {
    const { j } = await analyse("year-69.xlsx");
    expect(j.year).toBe(2568);
    expect(j.warnings).toContainEqual(
      expect.objectContaining({ code: "YEAR_HEADER_UNREADABLE", cell: "คะแนน ITA!G8" }),
    );
  });

  test("Thai typed in another order still matches: the settings sheet and the district are read", async () => {
    const { j } = await analyse("thai-order.xlsx");
    expect((j.unit as { district: string }).district).toBe("เมืองตัวอย่าง");
    // strength 90 from the settings sheet: indicator 6 (86.5) is no longer a strength
    const six = (j.indicators as Array<{ no: number; class: string }>).find((i) => i.no === 6)!;
    expect(six.class).not.toBe("strength");
    const plain = await analyse("sample.xlsx");
    const sixBefore = (plain.j.indicators as Array<{ no: number; class: string }>).find((i) => i.no === 6)!;
    expect(sixBefore.class).toBe("strength");
  });

  test("a hidden twin of the score sheet: both names are given", async () => {
    const { j } = await analyse("hidden-twin.xlsx");
    const e = j.errors!.find((x) => x.code === "SHEET_AMBIGUOUS") as unknown as { message: string };
    expect(e.message).toContain("'คะแนน ITA ', 'คะแนน ITA' (ซ่อน/hidden)");
  });
});
