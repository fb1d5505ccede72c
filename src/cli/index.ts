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
import { CONFIDENCE_LABELS, STATUS_LABELS } from "../core/labels";
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
  ita-analyzer template OUT.xlsx             สร้างสมุดงานเปล่าตามรูปแบบของโปรแกรม
  ita-analyzer analyze IN.xlsx [ตัวเลือก]     วิเคราะห์ผล ITA จากสมุดงาน
  ita-analyzer template --table OUT.xlsx     สร้างสมุดงานตารางคะแนนรายหน่วยงาน (หนึ่งแถวต่อหน่วยงานต่อปี)
  ita-analyzer consolidate PATH... --out SUMMARY.xlsx [--json S.json] [--docx S.docx] [--year 2568]
                                             [--office "ชื่อหน่วยงานผู้รวมผล"]
                                             รวมผลหลายหน่วยงาน (ไฟล์หรือโฟลเดอร์) เป็นสรุปเดียว
ตัวเลือกของ analyze:
  --year 2568          ปีที่วิเคราะห์ (ค่าปกติ: ปีล่าสุดที่กรอกคะแนนครบ)
  --out OUT.xlsx       ไฟล์ผลลัพธ์ (ค่าปกติ: IN.analysis.xlsx) ไม่เขียนทับไฟล์ต้นฉบับ
  --json OUT.json      บันทึกผลเป็น JSON
  --docx OUT.docx      บันทึกรายงานทั้งสองฉบับเป็นไฟล์ Word ไฟล์เดียว
  --docx-dir DIR       บันทึกรายงานแยกเป็นสองไฟล์ในโฟลเดอร์ DIR
  --lang en            ข้อความภาษาอังกฤษ
  --quiet              ไม่พิมพ์สรุปผล`,
  en: `Usage:
  ita-analyzer template OUT.xlsx             write a blank workbook in the fixed layout
  ita-analyzer analyze IN.xlsx [options]     analyse the ITA result in a workbook
  ita-analyzer template --table OUT.xlsx     write a blank table workbook (one row per unit and year)
  ita-analyzer consolidate PATH... --out SUMMARY.xlsx [--json S.json] [--docx S.docx] [--year 2568]
                                             [--office "receiving office, printed in the report"]
                                             many units' workbooks (files or folders) in one summary
analyze options:
  --year 2568          fiscal year (default: the latest year with all 10 scores)
  --out OUT.xlsx       output workbook (default: IN.analysis.xlsx); never the input
  --json OUT.json      write the result as JSON
  --docx OUT.docx      write both reports into one Word file
  --docx-dir DIR       write the two reports as two Word files in DIR
  --lang en            English messages
  --quiet              do not print the summary`,
};

class UsageError extends Error {}

function issue<C extends IssueCode>(code: C, ...params: ParamsArg<C>): Issue {
  return makeIssue(code, "error", {}, ...params);
}

function summary(a: Analysis, lang: Lang): string[] {
  const th = lang === "th";
  const name = (no: number) => `${no} ${a.indicators.find((i) => i.no === no)!.name}`;
  const list = (nos: number[]) => (nos.length ? nos.map(name).join(", ") : th ? "ไม่มี" : "none");
  const f2 = (n: number) => n.toFixed(2);
  const place = [a.unit.district && `อ.${a.unit.district}`, a.unit.province && `จ.${a.unit.province}`]
    .filter(Boolean)
    .join(" ");
  const lines = [
    th
      ? `ผลการประเมิน ITA ปีงบประมาณ ${a.year}: ${a.unit.name}${place ? ` ${place}` : ""}`
      : `ITA result for fiscal year ${a.year}: ${a.unit.name}${place ? ` ${place}` : ""}`,
    th
      ? `  คะแนนรวม ${f2(a.total)}  ระดับ ${a.grade}  ${a.rating ? `ผลการประเมิน: ${a.rating}` : a.pass ? "ผ่านเกณฑ์ 85" : "ไม่ผ่านเกณฑ์ 85"}`
      : `  Total ${f2(a.total)}  level ${a.grade}  ${a.rating ? `rating: ${a.rating}` : a.pass ? "passed (≥ 85)" : "not passed (< 85)"}`,
    `  ${TOOL_IDS.map((t) => `${t} ${f2(a.tools[t])}`).join("  ")}`,
    th
      ? `  กรอบการประเมิน ${a.framework.id} (ความเชื่อมั่นของน้ำหนัก: ${CONFIDENCE_LABELS[a.framework.confidence.weights]})`
      : `  Framework ${a.framework.id} (weights confidence: ${a.framework.confidence.weights})`,
    `  ${th ? "จุดแข็ง" : "Strengths"}: ${list(a.strengths)}`,
    `  ${th ? "ต้องแก้ไขโดยเร่งด่วน" : "Urgent"}: ${list(a.urgent)}`,
    `  ${th ? "ควรพัฒนาให้ดีขึ้น" : "To improve"}: ${list(a.improve)}`,
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
function docxDirFiles(dir: string, year: number): { analysis: string; measures: string } {
  return {
    analysis: path.join(dir, `ITA-${year}-รายงานการวิเคราะห์.docx`),
    measures: path.join(dir, `ITA-${year}-รายงานผลการดำเนินการตามมาตรการ.docx`),
  };
}

async function analyzeCommand(args: string[], lang: Lang, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      year: { type: "string" },
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
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year.replace(/[๐-๙]/g, (d) => String("๐๑๒๓๔๕๖๗๘๙".indexOf(d))));
    if (!Number.isInteger(year) || year < 2400 || year > 2800)
      throw new UsageError(
        lang === "th"
          ? `--year ต้องเป็นปี พ.ศ. เช่น 2568 (ได้รับ '${values.year}')`
          : `--year must be a B.E. year such as 2568 (got '${values.year}')`,
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
  const run = runPipeline(read.sheets, { year, lang, facts: read.facts });
  if (!run.ok) return fail(run.errors, run.warnings);
  const analysis = run.analysis;
  const model = run.report;
  const sheets = run.sheets;

  const planned: PlannedOutput[] = [];
  const dirFiles = values["docx-dir"] ? docxDirFiles(values["docx-dir"], analysis.year) : null;
  const allPaths = [...early, ...(dirFiles ? [dirFiles.analysis, dirFiles.measures] : [])];
  const lateProblem = pathProblem(await checkOutputs(input, allPaths), lang);
  if (lateProblem) throw lateProblem;
  let failedPath = out;
  try {
    const { writeGeneratedSheets } = await import("../xlsx");
    planned.push({ path: out, data: await writeGeneratedSheets(bytes, sheets) });
    if (values.json)
      planned.push({ path: values.json, data: JSON.stringify(analysisToJson(analysis, lang), null, 2) + "\n" });
    // the Word writer (and its library) is loaded only when a .docx is asked for
    const { reportDocx } = values.docx || dirFiles ? await import("../docx") : { reportDocx: null };
    if (values.docx && reportDocx) {
      failedPath = values.docx;
      planned.push({ path: values.docx, data: await reportDocx(model, "both") });
    }
    if (dirFiles && reportDocx) {
      failedPath = values["docx-dir"]!;
      planned.push({ path: dirFiles.analysis, data: await reportDocx(model, "analysis") });
      planned.push({ path: dirFiles.measures, data: await reportDocx(model, "measures") });
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
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { lang: { type: "string" }, table: { type: "boolean" } },
  });
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
  await commitOutputs([{ path: out, data: await createWorkbook(values.table ? [tableTemplate()] : templateSheets()) }]);
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
