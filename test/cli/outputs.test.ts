/**
 * Output safety on real files: no output may be the input (same name, symbolic link, hard link,
 * linked folder, case variant on a case-insensitive disk) or another output; outputs are written
 * whole or not at all (injected write failure, a full tmpfs when this machine lets us mount one,
 * SIGKILL of the real CLI process at several points).
 */
import { execFileSync, spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkOutputs, commitOutputs } from "../../src/cli/outputs";
import { runCli } from "../helpers/cli";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "ita-sample.xlsx");
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ita-out-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const run = runCli;

/** A fresh folder holding a copy of the sample as in.xlsx. */
async function fresh(): Promise<{ d: string; input: string; bytes: Buffer }> {
  const d = await fs.mkdtemp(path.join(dir, "c-"));
  const input = path.join(d, "in.xlsx");
  await fs.copyFile(SAMPLE, input);
  return { d, input, bytes: await fs.readFile(input) };
}

async function ls(d: string): Promise<string[]> {
  return (await fs.readdir(d)).sort();
}

describe("an output that is the input is refused with exit 2, the input untouched", () => {
  test.each([
    ["--json equal to the input", (i: string) => ["--json", i]],
    ["--docx equal to the input", (i: string) => ["--docx", i]],
    ["--out equal to the input", (i: string) => ["--out", i]],
    ["--out spelled with ./ and ..", (i: string) => ["--out", path.join(path.dirname(i), ".", "x", "..", "in.xlsx")]],
  ])("%s", async (_n, extra) => {
    const { d, input, bytes } = await fresh();
    const r = await run(["analyze", input, ...extra(input)]);
    expect(r.code).toBe(2);
    expect(r.text).toContain("คือไฟล์ต้นฉบับ");
    expect(await fs.readFile(input)).toEqual(bytes);
    expect(await ls(d)).toEqual(["in.xlsx"]);
  });

  test("--json equal to the input of a workbook with errors (checked before reading)", async () => {
    const { d, input } = await fresh();
    await fs.writeFile(input, "ไม่ใช่สมุดงาน,1\n");
    const bytes = await fs.readFile(input);
    const r = await run(["analyze", input, "--json", input]);
    expect(r.code).toBe(2);
    expect(await fs.readFile(input)).toEqual(bytes);
    expect(await ls(d)).toEqual(["in.xlsx"]);
  });

  test("--out through a symbolic link to the input", async () => {
    const { d, input, bytes } = await fresh();
    await fs.symlink(input, path.join(d, "link.xlsx"));
    const r = await run(["analyze", input, "--out", path.join(d, "link.xlsx")]);
    expect(r.code).toBe(2);
    expect(await fs.readFile(input)).toEqual(bytes);
  });

  test("--out as a hard link to the input", async () => {
    const { d, input, bytes } = await fresh();
    await fs.link(input, path.join(d, "hard.xlsx"));
    const r = await run(["analyze", input, "--out", path.join(d, "hard.xlsx")]);
    expect(r.code).toBe(2);
    expect(await fs.readFile(input)).toEqual(bytes);
  });

  test("--out through a linked folder, and the input given through a link", async () => {
    const { d, input, bytes } = await fresh();
    await fs.symlink(d, path.join(dir, `alias-${path.basename(d)}`));
    const viaAlias = path.join(dir, `alias-${path.basename(d)}`, "in.xlsx");
    expect((await run(["analyze", input, "--out", viaAlias])).code).toBe(2);
    expect((await run(["analyze", viaAlias, "--json", input])).code).toBe(2);
    expect(await fs.readFile(input)).toEqual(bytes);
  });

  test("a case variant of the input on a case-insensitive disk (probe stands in for the disk)", async () => {
    const { d, input } = await fresh();
    const upper = path.join(d, "IN.XLSX");
    expect(await checkOutputs(input, [upper], { caseInsensitive: async () => true })).toEqual({
      code: "OUT_SAME_AS_IN",
      path: upper,
      input,
    });
    // this disk is case-sensitive: the same names are two files here
    expect(await checkOutputs(input, [upper])).toBeNull();
  });
});

describe("two outputs that are one file are refused with exit 2", () => {
  test("--docx equal to --out", async () => {
    const { d, input } = await fresh();
    const o = path.join(d, "o.xlsx");
    const r = await run(["analyze", input, "--out", o, "--docx", o]);
    expect(r.code).toBe(2);
    expect(r.text).toContain("เป็นไฟล์เดียวกัน");
    expect(await ls(d)).toEqual(["in.xlsx"]);
  });

  test("--json equal to a report --docx-dir will write", async () => {
    const { d, input } = await fresh();
    const clash = path.join(d, "reports", "ITA-2569-รายงานการวิเคราะห์.docx");
    const r = await run([
      "analyze",
      input,
      "--out",
      path.join(d, "o.xlsx"),
      "--json",
      clash,
      "--docx-dir",
      path.join(d, "reports"),
    ]);
    expect(r.code).toBe(2);
    expect(await ls(d)).toEqual(["in.xlsx"]);
  });
});

describe("outputs are written whole or not at all", () => {
  /** Writes the sample's full output set; returns the files' bytes. */
  async function goodSet(d: string, input: string) {
    const paths = { out: path.join(d, "o.xlsx"), json: path.join(d, "o.json"), docx: path.join(d, "o.docx") };
    const r = await run(["analyze", input, "--out", paths.out, "--json", paths.json, "--docx", paths.docx]);
    expect(r.code).toBe(0);
    const bytes = {
      out: await fs.readFile(paths.out),
      json: await fs.readFile(paths.json),
      docx: await fs.readFile(paths.docx),
    };
    return { paths, bytes };
  }
  const args = (input: string, p: { out: string; json: string; docx: string }) => [
    "analyze",
    input,
    "--out",
    p.out,
    "--json",
    p.json,
    "--docx",
    p.docx,
  ];

  test("a write failure on the last file leaves the previous set and no temporary file", async () => {
    const { d, input } = await fresh();
    const { paths, bytes } = await goodSet(d, input);
    const files = (await ls(d)).join();
    let n = 0;
    const planned = [
      { path: paths.out, data: "new workbook" },
      { path: paths.json, data: "new json" },
      { path: paths.docx, data: "new docx" },
    ];
    await expect(
      commitOutputs(planned, {
        write: async (h, data) => {
          if (++n === 3) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
          await h.writeFile(data);
        },
      }),
    ).rejects.toThrow("ENOSPC");
    expect(await fs.readFile(paths.out)).toEqual(bytes.out);
    expect(await fs.readFile(paths.json)).toEqual(bytes.json);
    expect(await fs.readFile(paths.docx)).toEqual(bytes.docx);
    expect((await ls(d)).join()).toBe(files);
  });

  test("a rename failing half-way puts back the files already replaced", async () => {
    const { d, input } = await fresh();
    const { paths, bytes } = await goodSet(d, input);
    const files = (await ls(d)).join();
    let renames = 0;
    await expect(
      commitOutputs(
        [
          { path: paths.out, data: "new workbook" },
          { path: paths.json, data: "new json" },
          { path: paths.docx, data: "new docx" },
        ],
        {
          at: (point) => {
            if ((point === "rename" || point === "renamed") && ++renames === 3) throw new Error("EIO: simulated");
          },
        },
      ),
    ).rejects.toThrow("EIO");
    expect(await fs.readFile(paths.out)).toEqual(bytes.out);
    expect(await fs.readFile(paths.json)).toEqual(bytes.json);
    expect(await fs.readFile(paths.docx)).toEqual(bytes.docx);
    expect((await ls(d)).join()).toBe(files);
  });

  test("an input-error run keeps an earlier good set whole (its JSON is not rewritten)", async () => {
    const { d, input } = await fresh();
    const { paths, bytes } = await goodSet(d, input);
    await fs.writeFile(input, "");
    const r = await run(args(input, paths));
    expect(r.code).toBe(1);
    expect(r.text).toContain("เก็บชุดไฟล์เดิมไว้ทั้งชุด");
    expect(await fs.readFile(paths.json)).toEqual(bytes.json);
    expect(await fs.readFile(paths.out)).toEqual(bytes.out);
  });

  test("an input-error run with no earlier outputs writes the error JSON", async () => {
    const { d, input } = await fresh();
    await fs.writeFile(input, "");
    const json = path.join(d, "e.json");
    const r = await run(["analyze", input, "--out", path.join(d, "o.xlsx"), "--json", json]);
    expect(r.code).toBe(1);
    expect(JSON.parse(await fs.readFile(json, "utf8")).errors[0].code).toBe("FILE_EMPTY");
  });

  describe("on a full disk (a 300 KB tmpfs)", () => {
    let mnt: string | null = null;
    beforeAll(async () => {
      const m = await fs.mkdtemp(path.join(os.tmpdir(), "ita-full-"));
      try {
        execFileSync("mount", ["-t", "tmpfs", "-o", "size=300k", "tmpfs", m], { stdio: "ignore" });
        mnt = m;
      } catch {
        await fs.rm(m, { recursive: true, force: true });
      }
    });
    afterAll(() => {
      if (mnt) execFileSync("umount", [mnt]);
    });
    test("the earlier set stays, nothing is left half-written (skipped where mounting is not allowed)", async () => {
      if (!mnt) {
        console.warn("tmpfs mount not permitted here: full-disk case covered by the injected ENOSPC test only");
        return;
      }
      const { input } = await fresh();
      const { paths, bytes } = await goodSet(mnt, input);
      // fill the disk, leaving less than the new set needs
      const { size } = await fs.stat(paths.out);
      const free = Number(execFileSync("df", ["-B1", "--output=avail", mnt]).toString().split("\n")[1]);
      await fs.writeFile(path.join(mnt, "filler"), Buffer.alloc(Math.max(0, free - size - 4096)));
      const files = (await ls(mnt)).join();
      const r = await run(args(input, paths));
      expect(r.code).toBe(1);
      expect(r.text).toMatch(/ENOSPC|no space/i);
      expect(r.text).toContain("ไม่ได้บันทึกไฟล์ใดเลย");
      expect(await fs.readFile(paths.out)).toEqual(bytes.out);
      expect(await fs.readFile(paths.json)).toEqual(bytes.json);
      expect(await fs.readFile(paths.docx)).toEqual(bytes.docx);
      expect((await ls(mnt)).join()).toBe(files);
    });
  });

  describe("SIGKILL of the CLI process", () => {
    /** Runs the real CLI (node + tsx) until it reports the stall point, then kills it with SIGKILL. */
    function killAt(point: string, argv: string[]): Promise<void> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src", "cli", "index.ts"), ...argv], {
          cwd: ROOT,
          env: { ...process.env, ITA_ANALYZER_STALL_AT: point },
          stdio: ["ignore", "ignore", "pipe"],
        });
        let err = "";
        child.stderr.on("data", (b: Buffer) => {
          err += b.toString();
          if (err.includes(`STALL ${point}`)) child.kill("SIGKILL");
        });
        child.on("exit", (_code, signal) =>
          signal === "SIGKILL" ? resolve() : reject(new Error(`did not reach ${point}: ${err}`)),
        );
      });
    }

    test.each(["read", "temp", "staged", "rename"])("killed at '%s': the old set is on disk, whole", async (point) => {
      const { d, input } = await fresh();
      const { paths, bytes } = await goodSet(d, input);
      const visible = async () => (await ls(d)).filter((f) => !f.startsWith("."));
      const before = await visible();
      await killAt(point, args(input, paths));
      expect(await visible()).toEqual(before);
      expect(await fs.readFile(paths.out)).toEqual(bytes.out);
      expect(await fs.readFile(paths.json)).toEqual(bytes.json);
      expect(await fs.readFile(paths.docx)).toEqual(bytes.docx);
      // the next run removes what the killed one left, and writes the new set
      const r = await run(args(input, paths));
      expect(r.code).toBe(0);
      expect((await ls(d)).filter((f) => f.startsWith("."))).toEqual([]);
    });

    test("killed between two renames: the next run completes the interrupted set before anything else", async () => {
      const { d, input } = await fresh();
      const { paths, bytes } = await goodSet(d, input);
      // the new run analyses another year, so its whole set differs from the old one
      await killAt("renamed", [...args(input, paths), "--year", "2568"]);
      // the window the journal covers: the first output is new, the others still old
      expect(await fs.readFile(paths.out)).not.toEqual(bytes.out);
      expect(await fs.readFile(paths.json)).toEqual(bytes.json);
      // any next run, even one stopped by input errors, finishes the interrupted set first
      const broken = path.join(d, "broken.xlsx");
      await fs.writeFile(broken, "");
      const r = await run(["analyze", broken, ...args(input, paths).slice(2)]);
      expect(r.code).toBe(1);
      expect(JSON.parse(await fs.readFile(paths.json, "utf8")).year).toBe(2568);
      expect(await fs.readFile(paths.docx)).not.toEqual(bytes.docx);
      expect((await ls(d)).filter((f) => f.startsWith("."))).toEqual([]);
    });
  });
});

describe("an input that cannot be read", () => {
  test("no permission says permission, not 'not found' (exit 1, no stack)", async () => {
    // root reads any file here, so the refusal the system gives an ordinary user is injected
    const { d, input } = await fresh();
    const spy = jest
      .spyOn(fs, "readFile")
      .mockRejectedValueOnce(
        Object.assign(new Error(`EACCES: permission denied, open '${input}'`), { code: "EACCES" }),
      );
    const r = await run(["analyze", input, "--out", path.join(d, "o.xlsx")]);
    spy.mockRestore();
    expect(r.code).toBe(1);
    expect(r.text).toContain("ไม่มีสิทธิ์อ่านไฟล์");
    expect(r.text).not.toContain("ไม่พบไฟล์");
  });

  test("a missing file says not found; a folder says folder", async () => {
    const { d } = await fresh();
    expect((await run(["analyze", path.join(d, "nope.xlsx")])).text).toContain("ไม่พบไฟล์");
    expect((await run(["analyze", d, "--out", path.join(d, "o.xlsx")])).text).toContain("เป็นโฟลเดอร์");
  });
});
