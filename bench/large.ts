/**
 * The large and hostile cases of issue 7, each analysed by the CLI in its own process
 * (bench/run-case.ts): time of the run and peak RSS of the process (module loading included).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MEASURES_TEMPLATE, templateSheets } from "../src/layout/template";
import { createWorkbook } from "../src/xlsx";
import { hostileCases } from "../test/fixtures/hostile/corpus";
import { readFileSync } from "node:fs";
import { strToU8, unzipSync, zipSync } from "fflate";

const SAMPLE_SCORES: number[][] = Array.from({ length: 10 }, (_, i) => [88 + (i % 5), 90 - (i % 3)]);

/** A two-year workbook with `n` measures; each text cell `chars` long when given. */
export async function measuresWorkbook(n: number, chars = 0): Promise<Uint8Array> {
  const [scores, measures, settings] = templateSheets();
  scores.rows[2][1] = "องค์การบริหารส่วนตำบลทดสอบ";
  const header = scores.rows.findIndex((r) => r[0] === "ตัวชี้วัดที่");
  scores.rows[header] = [scores.rows[header][0], scores.rows[header][1], 2568, 2569];
  SAMPLE_SCORES.forEach((s, i) => (scores.rows[header + 1 + i] = [i + 1, scores.rows[header + 1 + i][1], ...s]));
  const word = "การประเมินคุณธรรมและความโปร่งใส";
  const big = (k: number) => (chars ? `${k} ${word.repeat(Math.ceil(chars / word.length))}`.slice(0, chars) : "");
  measures.rows.length = MEASURES_TEMPLATE.headerRow;
  for (let i = 0; i < n; i++)
    measures.rows.push([
      i + 1,
      String(1 + (i % 10)),
      chars ? big(i) : `มาตรการที่ ${i + 1} ส่งเสริมความโปร่งใสในการปฏิบัติงาน`,
      chars ? big(i + 1) : "1) ประชุมชี้แจง 2) ติดตามผล 3) รายงานผล",
      "ต.ค. 2568 – ก.ย. 2569",
      "สำนักปลัด",
      "รายงานทุกไตรมาส",
      ["ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการเสร็จเรียบร้อยแล้ว"][i % 3],
    ]);
  return createWorkbook([scores, measures, settings]);
}

/** The sample with a score sheet of `rows` rows. */
function millionRows(rows: number): Uint8Array {
  const parts: string[] = [
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  // compact rows (no cell references), so the sheet stays under the 50 MB part limit and the row limit speaks
  for (let r = 1; r <= rows; r++) parts.push(`<row><c><v>${r % 10}</v></c></row>`);
  parts.push("</sheetData></worksheet>");
  const f = unzipSync(new Uint8Array(readFileSync(path.join(__dirname, "..", "samples", "ita-sample.xlsx"))));
  f["xl/worksheets/sheet1.xml"] = strToU8(parts.join(""));
  return zipSync(f, { level: 6 });
}

export async function largeFigures(): Promise<Array<[string, string]>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ita-bench-"));
  const out: Array<[string, string]> = [];
  const cases: Array<[string, () => Promise<Uint8Array>, string?]> = [
    ["5,000 measures, read + analyse", () => measuresWorkbook(5000), "analyse"],
    ["20,000 measures, read + analyse", () => measuresWorkbook(20000), "analyse"],
    ["5,000 measures, whole CLI run (analysed copy + JSON)", () => measuresWorkbook(5000)],
    ["10 measures of 32,767-character cells", () => measuresWorkbook(10, 32767)],
    ["million-row score sheet", async () => millionRows(1_000_000)],
    ...hostileCases(true)
      .filter((c) => ["bomb-sheet.xlsx", "bomb-lying.xlsx", "media-bomb.xlsx"].includes(c.file))
      .map((c) => [`${c.file}: ${c.what}`, c.make] as [string, () => Promise<Uint8Array>]),
  ];
  try {
    for (const [label, make, mode] of cases) {
      const file = path.join(dir, "in.xlsx");
      const bytes = await make();
      writeFileSync(file, bytes);
      const res = execFileSync(
        process.execPath,
        ["--import", "tsx", path.join(__dirname, "run-case.ts"), file, dir, mode ?? "cli"],
        {
          cwd: path.join(__dirname, ".."),
          maxBuffer: 1 << 24,
        },
      ).toString();
      const r = JSON.parse(res.trim().split("\n").pop()!) as {
        ms: number;
        peakMiB: number;
        exit: number;
        first: string;
      };
      out.push([
        `large: ${label} (${(bytes.length / 1024).toFixed(0)} KB)`,
        `exit ${r.exit} in ${r.ms} ms, peak RSS ${r.peakMiB} MiB${r.exit ? ` — ${r.first.slice(0, 90)}` : ""}`,
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (require.main === module) {
  void largeFigures().then((rows) => {
    for (const [l, v] of rows) console.log(`  ${l}  ${v}`);
  });
}
