/**
 * The command line: `ita-analyzer template OUT.xlsx` and `ita-analyzer analyze IN.xlsx …`.
 * Exit codes: 0 done, 1 bad input (every problem printed with sheet and cell), 2 usage.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { Analysis } from "../core/analysis";
import { analysisToJson, errorsToJson } from "../core/json";
import { describeIssue, makeIssue, type IssueCode, type ParamsArg } from "../core/messages";
import { TOOL_IDS, type Issue, type Lang } from "../core/types";
import { CLASS_LABELS, CLASS_LABELS_EN, CONFIDENCE_LABELS, STATUS_LABELS } from "../core/labels";
import { runPipeline } from "../pipeline";
import { templateSheets } from "../layout/template";
import { checkOutputs, commitOutputs, recoverInterrupted, type CommitHooks, type PlannedOutput } from "./outputs";
import { consolidateCommand, ConsolidateUsageError } from "./consolidate";
import { tableTemplate } from "../layout/table";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: Io = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

const USAGE = {
  th: `วิธีใช้:
  ita-analyzer template OUT.xlsx [--year 2569]  สร้างสมุดงานเปล่าตามรูปแบบของโปรแกรม
                       (ชีต OIT และ กรอบการประเมิน ตั้งต้นจากรายการและกรอบของปีนั้น)
  ita-analyzer analyze IN.xlsx [ตัวเลือก]     วิเคราะห์ผล ITA จากสมุดงาน
  ita-analyzer template --table OUT.xlsx     สร้างสมุดงานตารางคะแนนรายหน่วยงาน (หนึ่งแถวต่อหน่วยงานต่อปี)
  ita-analyzer consolidate PATH... --out SUMMARY.xlsx [--json S.json] [--docx S.docx] [--year 2568]
                                             [--office "ชื่อหน่วยงานผู้รวมผล"]
                                             รวมผลหลายหน่วยงาน (ไฟล์หรือโฟลเดอร์) เป็นสรุปเดียว
ตัวเลือกของ analyze:
  --year 2568          ปีที่วิเคราะห์ (ค่าปกติ: ปีล่าสุดที่กรอกคะแนนครบ)
  --target 92.5        คะแนนรวมเป้าหมาย: คำนวณคะแนนที่ต้องเพิ่มน้อยที่สุด (แทนค่าในชีตตั้งค่า)
  --out OUT.xlsx       ไฟล์ผลลัพธ์ (ค่าปกติ: IN.analysis.xlsx) ไม่เขียนทับไฟล์ต้นฉบับ
  --json OUT.json      บันทึกผลเป็น JSON
  --docx OUT.docx      บันทึกบันทึกข้อความเสนอผู้บริหารและรายงานทั้งสองฉบับเป็นไฟล์ Word ไฟล์เดียว
  --docx-dir DIR       บันทึกรายงานทั้งสองฉบับและบันทึกข้อความแยกเป็นสามไฟล์ในโฟลเดอร์ DIR
  --lang en            ข้อความภาษาอังกฤษ
  --quiet              ไม่พิมพ์สรุปผล`,
  en: `Usage:
  ita-analyzer template OUT.xlsx [--year 2569]  write a blank workbook in the fixed layout
                       (sheets OIT and กรอบการประเมิน start from that year's list and framework)
  ita-analyzer analyze IN.xlsx [options]     analyse the ITA result in a workbook
  ita-analyzer template --table OUT.xlsx     write a blank table workbook (one row per unit and year)
  ita-analyzer consolidate PATH... --out SUMMARY.xlsx [--json S.json] [--docx S.docx] [--year 2568]
                                             [--office "receiving office, printed in the report"]
                                             many units' workbooks (files or folders) in one summary
analyze options:
  --year 2568          fiscal year (default: the latest year with every indicator's score)
  --target 92.5        a total to plan for: the smallest gains that reach it (over the settings sheet)
  --out OUT.xlsx       output workbook (default: IN.analysis.xlsx); never the input
  --json OUT.json      write the result as JSON
  --docx OUT.docx      write the memo to the head and both reports into one Word file
  --docx-dir DIR       write the two reports and the memo as three Word files in DIR
  --lang en            English messages
  --quiet              do not print the summary`,
};

class UsageError extends Error {}

function issue<C extends IssueCode>(code: C, ...params: ParamsArg<C>): Issue {
  return makeIssue(code, "error", {}, ...params);
}

/** A B.E. year from an option ("2568", "๒๕๖๘"), or a usage error. */
function yearOption(value: string | undefined, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value.replace(/[๐-๙]/g, (d) => String("๐๑๒๓๔๕๖๗๘๙".indexOf(d))));
  if (!Number.isInteger(year) || year < 2400 || year > 2800)
    throw new UsageError(
      lang === "th"
        ? `--year ต้องเป็นปี พ.ศ. เช่น 2568 (ได้รับ '${value}')`
        : `--year must be a B.E. year such as 2568 (got '${value}')`,
    );
  return year;
}

const f2 = (n: number) => n.toFixed(2);
const signed = (n: number) => `${n > 0 ? "+" : ""}${n.toFixed(2)}`;

/** The change since the previous year and the next-rating plans, briefly. */
function changeAndPlan(a: Analysis, lang: Lang): string[] {
  const th = lang === "th";
  const lines: string[] = [];
  const c = a.change;
  if (c) {
    const tools = c.byTool.map((t) => `${t.tool} ${signed(t.contribution)}`).join(", ");
    const moved = c.drivers.find((d) => d.kind === "moved");
    lines.push(
      th
        ? `  เทียบกับปี ${c.from}: คะแนนรวม ${signed(c.total)} (${tools})${moved ? ` เปลี่ยนมากที่สุด: ${moved.tool}` : ""}`
        : `  Since ${c.from}: total ${signed(c.total)} (${tools})${moved ? `; moved most: ${moved.tool}` : ""}`,
    );
  }
  for (const d of a.blockers)
    lines.push(
      th
        ? `  ยังไม่ได้ ${d.rating} เพราะ ${d.tool === "total" ? "คะแนนรวม" : d.tool} ${f2(d.score)} < ${d.threshold}`
        : `  Not yet ${d.rating}: ${d.tool} ${f2(d.score)} < ${d.threshold}`,
    );
  for (const p of a.plan) {
    const target =
      typeof p.target === "number" ? (th ? `คะแนนรวม ${f2(p.target)}` : `total ${f2(p.target)}`) : p.target;
    if (!p.possible) {
      lines.push(th ? `  เส้นทางสู่ ${target}: เป็นไปไม่ได้` : `  Path to ${target}: not possible`);
      continue;
    }
    const steps = p.indicators.map((s) => `${s.no}: ${f2(s.from)}→${f2(s.to)}`).join(", ");
    lines.push(
      th
        ? `  เส้นทางสู่ ${target}: เพิ่มรวม ${f2(p.totalGain)} คะแนน${steps ? ` (${steps})` : ""}`
        : `  Path to ${target}: ${f2(p.totalGain)} points in all${steps ? ` (${steps})` : ""}`,
    );
  }
  const o = a.oit;
  if (o) {
    const e = o.estimated;
    lines.push(
      th
        ? `  OIT ตรวจด้วยตนเอง (ประมาณการ): OIT ${f2(e.oit)} คะแนนรวม ${f2(e.total)} ${e.rating} · ยังไม่มี ${o.missing.length} รายการ${o.missing.length ? `: ${o.missing.join(", ")}` : ""}`
        : `  OIT self-check (estimate): OIT ${f2(e.oit)}, total ${f2(e.total)}, ${e.rating}; ${o.missing.length} item(s) missing${o.missing.length ? `: ${o.missing.join(", ")}` : ""}`,
    );
  }
  return lines;
}

function summary(a: Analysis, lang: Lang): string[] {
  const th = lang === "th";
  const name = (no: number) => `${no} ${a.indicators.find((i) => i.no === no)!.name}`;
  const list = (nos: number[]) => (nos.length ? nos.map(name).join(", ") : th ? "ไม่มี" : "none");
  const place = [a.unit.district && `อ.${a.unit.district}`, a.unit.province && `จ.${a.unit.province}`]
    .filter(Boolean)
    .join(" ");
  const lines = [
    th
      ? `ผลการประเมิน ITA ปีงบประมาณ ${a.year}: ${a.unit.name}${place ? ` ${place}` : ""}`
      : `ITA result for fiscal year ${a.year}: ${a.unit.name}${place ? ` ${place}` : ""}`,
    // from 2566 the rating is the official result, printed first; the letter only for comparison
    a.rating
      ? th
        ? `  ผลการประเมิน: ${a.rating}  คะแนนรวม ${f2(a.total)}  (ระดับตามเกณฑ์เดิม ${a.grade} เพื่อเปรียบเทียบ)`
        : `  Rating: ${a.rating}  total ${f2(a.total)}  (old-scheme level ${a.grade}, for comparison)`
      : th
        ? `  คะแนนรวม ${f2(a.total)}  ระดับ ${a.grade}  ${a.pass ? `ผ่านเกณฑ์ ${a.framework.passMark}` : `ไม่ผ่านเกณฑ์ ${a.framework.passMark}`}`
        : `  Total ${f2(a.total)}  level ${a.grade}  ${a.pass ? `passed (≥ ${a.framework.passMark})` : `not passed (< ${a.framework.passMark})`}`,
    `  ${TOOL_IDS.map((t) => `${t} ${f2(a.tools[t])}`).join("  ")}`,
    a.framework.origin === "workbook"
      ? th
        ? `  กรอบการประเมินที่กำหนดในสมุดงาน (ชีต 'กรอบการประเมิน') ${a.indicators.length} ตัวชี้วัด`
        : `  Framework defined in the workbook (sheet 'กรอบการประเมิน'), ${a.indicators.length} indicators`
      : th
        ? `  กรอบการประเมิน ${a.framework.id} (ความเชื่อมั่นของน้ำหนัก: ${CONFIDENCE_LABELS[a.framework.confidence.weights]})`
        : `  Framework ${a.framework.id} (weights confidence: ${a.framework.confidence.weights})`,
    ...changeAndPlan(a, lang),
    `  ${(th ? CLASS_LABELS : CLASS_LABELS_EN).strength}: ${list(a.strengths)}`,
    `  ${(th ? CLASS_LABELS : CLASS_LABELS_EN).urgent}: ${list(a.urgent)}`,
    `  ${(th ? CLASS_LABELS : CLASS_LABELS_EN).improve}: ${list(a.improve)}`,
    `  ${th ? "ต่ำสุดของแต่ละเครื่องมือ" : "Lowest per tool"}: ${TOOL_IDS.map((t) => `${t} → ${a.lowestPerTool[t]}`).join(", ")}`,
  ];
  if (a.previousYear !== null)
    lines.push(`  ${th ? `คะแนนลดลงจากปี ${a.previousYear}` : `Declined since ${a.previousYear}`}: ${list(a.declined)}`);
  const m = a.measures;
  lines.push(
    th
      ? `  มาตรการ ${m.count} รายการ: ${STATUS_LABELS.done} ${m.byStatus.done}, ${STATUS_LABELS.inProgress} ${m.byStatus.inProgress}, ${STATUS_LABELS.notStarted} ${m.byStatus.notStarted}${m.byStatus.unknown ? `, ไม่ระบุ ${m.byStatus.unknown}` : ""}`
      : `  Measures ${m.count}: done ${m.byStatus.done}, in progress ${m.byStatus.inProgress}, not started ${m.byStatus.notStarted}${m.byStatus.unknown ? `, unknown ${m.byStatus.unknown}` : ""}`,
    `  ${th ? "ตัวชี้วัดที่ยังไม่มีมาตรการรองรับ" : "Weak indicators with no measure"}: ${list(m.uncovered)}`,
  );
  return lines;
}

/**
 * Test hook: ITA_ANALYZER_STALL_AT=<point> makes the process print "STALL <point>" on stderr and
 * wait there (the SIGKILL tests kill it at that point). Points: read, temp, staged, rename (before
 * the first rename), renamed (after the first rename, before the next).
 */
function stallHooks(): CommitHooks & { point(name: string): Promise<void> } {
  const want = process.env.ITA_ANALYZER_STALL_AT;
  const point = async (name: string) => {
    if (want !== name) return;
    process.stderr.write(`STALL ${name}\n`);
    await new Promise<never>(() => setInterval(() => undefined, 1000));
  };
  return { point, at: (name) => point(name) };
}

function pathProblem(p: Awaited<ReturnType<typeof checkOutputs>>, lang: Lang): UsageError | null {
  if (!p) return null;
  return new UsageError(
    p.code === "OUT_SAME_AS_IN"
      ? describeIssue(issue("OUT_SAME_AS_IN", { path: p.path, input: p.input }), lang)
      : describeIssue(issue("OUT_DUPLICATE", { path: p.path, other: p.other }), lang),
  );
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Docx file names written by --docx-dir. */
function docxDirFiles(dir: string, year: number): { analysis: string; measures: string; memo: string } {
  return {
    analysis: path.join(dir, `ITA-${year}-รายงานการวิเคราะห์.docx`),
    measures: path.join(dir, `ITA-${year}-รายงานผลการดำเนินการตามมาตรการ.docx`),
    memo: path.join(dir, `ITA-${year}-บันทึกข้อความเสนอผู้บริหาร.docx`),
  };
}

async function analyzeCommand(args: string[], lang: Lang, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      year: { type: "string" },
      target: { type: "string" },
      out: { type: "string" },
      json: { type: "string" },
      docx: { type: "string" },
      "docx-dir": { type: "string" },
      lang: { type: "string" },
      quiet: { type: "boolean" },
    },
  });
  if (positionals.length !== 1) throw new UsageError(lang === "th" ? "ต้องระบุไฟล์ .xlsx หนึ่งไฟล์" : "give one .xlsx file");
  const input = positionals[0];
  const year = yearOption(values.year, lang);
  let targetTotal: number | undefined;
  if (values.target !== undefined) {
    targetTotal = Number(values.target.replace(/[๐-๙]/g, (d) => String("๐๑๒๓๔๕๖๗๘๙".indexOf(d))));
    if (values.target.trim() === "" || !Number.isFinite(targetTotal) || targetTotal <= 0 || targetTotal > 100)
      throw new UsageError(
        lang === "th"
          ? `--target ต้องเป็นคะแนนรวมมากกว่า 0 ถึง 100 เช่น 92.5 (ได้รับ '${values.target}')`
          : `--target must be a total above 0 up to 100, such as 92.5 (got '${values.target}')`,
      );
  }
  const out = values.out ?? input.replace(/(\.xlsx)?$/i, ".analysis.xlsx");
  const hooks = stallHooks();
  // every output known before reading: none may be the input or another output (exit 2)
  const early = [out, values.json, values.docx].filter((x): x is string => !!x);
  const earlyProblem = pathProblem(await checkOutputs(input, early), lang);
  if (earlyProblem) throw earlyProblem;
  // a set of outputs a killed run had begun to rename in is completed first
  await recoverInterrupted([...early, ...(values["docx-dir"] ? [path.join(values["docx-dir"], "x")] : [])]);

  const fail = async (errors: Issue[], warnings: Issue[] = []): Promise<number> => {
    for (const e of errors) io.err(describeIssue(e, lang));
    for (const w of warnings) io.err(describeIssue(w, lang));
    if (values.json) {
      // The error JSON alone is a consistent set only when no workbook or report of an earlier
      // run is there; otherwise the earlier set is left whole and the JSON is not written.
      const dir = values["docx-dir"];
      const stale =
        (await exists(out)) ||
        (values.docx !== undefined && (await exists(values.docx))) ||
        (dir !== undefined && (await fs.readdir(dir).catch(() => [])).some((f) => /^ITA-.*\.docx$/.test(f)));
      if (stale) {
        io.err(describeIssue({ code: "JSON_NOT_WRITTEN", severity: "warning", params: { path: values.json } }, lang));
        return 1;
      }
      try {
        await commitOutputs(
          [{ path: values.json, data: JSON.stringify(errorsToJson(errors, lang), null, 2) + "\n" }],
          hooks,
        );
      } catch (e) {
        io.err(describeIssue(issue("WRITE_FAILED", { path: values.json, detail: (e as Error).message }), lang));
      }
    }
    return 1;
  };

  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(input);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM") return fail([issue("FILE_NO_PERMISSION", { path: input })]);
    if (code === "EISDIR") return fail([issue("FILE_IS_FOLDER", { path: input })]);
    if (code === "ENOENT" || code === "ENOTDIR") return fail([issue("FILE_NOT_FOUND", { path: input })]);
    return fail([issue("FILE_UNREADABLE", { path: input, detail: (e as Error).message })]);
  }
  await hooks.point("read");
  const { readWorkbook } = await import("../xlsx");
  const read = await readWorkbook(bytes, path.basename(input));
  if (!read.ok) return fail([read.issue]);
  const run = runPipeline(read.sheets, { year, targetTotal, lang, facts: read.facts });
  if (!run.ok) return fail(run.errors, run.warnings);
  const analysis = run.analysis;
  const model = run.report;
  const sheets = run.sheets;

  const planned: PlannedOutput[] = [];
  const dirFiles = values["docx-dir"] ? docxDirFiles(values["docx-dir"], analysis.year) : null;
  const allPaths = [...early, ...(dirFiles ? [dirFiles.analysis, dirFiles.measures, dirFiles.memo] : [])];
  const lateProblem = pathProblem(await checkOutputs(input, allPaths), lang);
  if (lateProblem) throw lateProblem;
  let failedPath = out;
  try {
    const { writeGeneratedSheets } = await import("../xlsx");
    planned.push({ path: out, data: await writeGeneratedSheets(bytes, sheets) });
    if (values.json)
      planned.push({ path: values.json, data: JSON.stringify(analysisToJson(analysis, lang), null, 2) + "\n" });
    // the Word writer (and its library) is loaded only when a .docx is asked for
    const { reportDocx } = model && (values.docx || dirFiles) ? await import("../docx") : { reportDocx: null };
    if (model && values.docx && reportDocx) {
      failedPath = values.docx;
      // one file: the memo to the head first, then the two documents it sends
      planned.push({ path: values.docx, data: await reportDocx(model, "all") });
    }
    if (model && dirFiles && reportDocx) {
      failedPath = values["docx-dir"]!;
      planned.push({ path: dirFiles.analysis, data: await reportDocx(model, "analysis") });
      planned.push({ path: dirFiles.measures, data: await reportDocx(model, "measures") });
      planned.push({ path: dirFiles.memo, data: await reportDocx(model, "memo") });
    }
    await commitOutputs(planned, hooks);
  } catch (e) {
    const at = (e as { outputPath?: string }).outputPath ?? failedPath;
    io.err(describeIssue(issue("WRITE_FAILED", { path: at, detail: (e as Error).message }), lang));
    io.err(describeIssue({ code: "OUTPUTS_UNCHANGED", severity: "warning" }, lang));
    return 1;
  }
  if (!values.quiet) {
    for (const line of summary(analysis, lang)) io.out(line);
    for (const w of analysis.warnings) io.out(`  ${describeIssue(w, lang)}`);
    const written = [out, values.json, values.docx, values["docx-dir"]].filter(Boolean).join(", ");
    io.out(lang === "th" ? `บันทึกแล้ว: ${written}` : `Written: ${written}`);
  }
  return 0;
}

async function templateCommand(args: string[], lang: Lang, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { lang: { type: "string" }, year: { type: "string" }, table: { type: "boolean" } },
  });
  const year = yearOption(values.year, lang);
  if (positionals.length !== 1) throw new UsageError(lang === "th" ? "ต้องระบุชื่อไฟล์ที่จะสร้าง" : "give the file to write");
  const out = positionals[0];
  try {
    await fs.access(out);
    io.err(lang === "th" ? `มีไฟล์ ${out} อยู่แล้ว โปรแกรมจะไม่เขียนทับ` : `${out} exists; it is not overwritten`);
    return 1;
  } catch {
    // the file does not exist: good
  }
  const { createWorkbook } = await import("../xlsx");
  await commitOutputs([
    { path: out, data: await createWorkbook(values.table ? [tableTemplate()] : templateSheets(undefined, year)) },
  ]);
  io.out(lang === "th" ? `สร้างสมุดงานแล้ว: ${out}` : `Workbook written: ${out}`);
  return 0;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const langIndex = argv.indexOf("--lang");
  const lang: Lang = langIndex >= 0 && argv[langIndex + 1] === "en" ? "en" : "th";
  const [command, ...rest] = argv;
  try {
    if (command === "template") return await templateCommand(rest, lang, io);
    if (command === "analyze" || command === "analyse") return await analyzeCommand(rest, lang, io);
    if (command === "consolidate")
      return await consolidateCommand(rest, lang, io, io === defaultIo && !!process.stderr.isTTY);
    if (command === "--help" || command === "-h" || command === "help") {
      io.out(USAGE[lang]);
      return 0;
    }
    throw new UsageError(command ? (lang === "th" ? `ไม่รู้จักคำสั่ง '${command}'` : `unknown command '${command}'`) : "");
  } catch (e) {
    if (
      e instanceof UsageError ||
      e instanceof ConsolidateUsageError ||
      (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      if ((e as Error).message) io.err((e as Error).message);
      io.err(USAGE[lang]);
      return 2;
    }
    io.err(
      lang === "th" ? `เกิดข้อผิดพลาดที่ไม่คาดคิด: ${(e as Error).message}` : `Unexpected error: ${(e as Error).message}`,
    );
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
