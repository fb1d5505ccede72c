/**
 * `ita-analyzer consolidate PATH... --out summary.xlsx [--json summary.json] [--docx summary.docx] [--year Y]`:
 * many units' workbooks (files or folders, recursively; .xlsx only; lock files ~$*.xlsx skipped)
 * or a table workbook → one summary. Files are analysed in worker threads over the available
 * cores; only the per-unit rows travel back and are kept (memory flat in the number of files).
 * A failing file is listed with its errors and never stops the others. Exit 0 when at least one
 * file was analysed, 1 when none, 2 on usage (and on an output that is an input).
 */
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { describeIssue, makeIssue } from "../core/messages";
import type { Issue, Lang } from "../core/types";
import {
  consolidationJson,
  finishConsolidation,
  summaryDocument,
  summarySheets,
  type Failure,
  type UnitRow,
} from "../consolidate";
import { analyseFile, type FileOutcome, type FileTask } from "./consolidateFile";
import { checkOutputs, commitOutputs, recoverInterrupted, type PlannedOutput } from "./outputs";

export interface ConsolidateIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export class ConsolidateUsageError extends Error {}

const WORKER_FILE = "ita-consolidate-worker.js";

/** Every .xlsx under the given paths (folders recursively), lock files skipped, with the name to show. */
export async function listInputs(
  paths: string[],
): Promise<{ files: Array<{ path: string; display: string }>; missing: Issue[] }> {
  const files: Array<{ path: string; display: string }> = [];
  const missing: Issue[] = [];
  const single = paths.length === 1;
  const isXlsx = (n: string) => /\.xlsx$/i.test(n) && !n.startsWith("~$");
  for (const given of paths) {
    let st;
    try {
      st = await fs.stat(given);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      missing.push(
        code === "EACCES" || code === "EPERM"
          ? makeIssue("FILE_NO_PERMISSION", "error", {}, { path: given })
          : makeIssue("FILE_NOT_FOUND", "error", {}, { path: given }),
      );
      continue;
    }
    if (!st.isDirectory()) {
      files.push({ path: given, display: given });
      continue;
    }
    const found: string[] = [];
    const walk = async (dir: string) => {
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        missing.push(makeIssue("FILE_NO_PERMISSION", "error", {}, { path: dir }));
        return;
      }
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if ((e.isFile() || e.isSymbolicLink()) && isXlsx(e.name)) found.push(p);
      }
    };
    await walk(given);
    found.sort();
    for (const p of found) {
      const rel = path.relative(given, p).split(path.sep).join("/");
      // relative to the folder given; with several paths, prefixed by that folder so names stay unique
      files.push({ path: p, display: single ? rel : `${given.replace(/[\\/]+$/, "")}/${rel}` });
    }
  }
  return { files, missing };
}

/** Runs the tasks over worker threads (or in this thread when the worker file is absent); results in any order. */
async function runAll(
  tasks: FileTask[],
  onResult: (r: FileOutcome) => void,
  threads = Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, tasks.length)),
): Promise<void> {
  const workerPath = path.join(__dirname, WORKER_FILE);
  if (!existsSync(workerPath) || process.env.ITA_ANALYZER_NO_WORKERS === "1") {
    for (const t of tasks) onResult(await analyseFile(t));
    return;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(workerPath);
      return new Promise<void>((resolve, reject) => {
        let inFlight = 0;
        const feed = () => {
          // two tasks in flight per worker: one reading the disk while the other parses
          while (inFlight < 2 && next < tasks.length) {
            worker.postMessage(tasks[next++]);
            inFlight++;
          }
          if (inFlight === 0) {
            worker.postMessage(null);
            worker.unref();
            void worker.terminate().then(() => resolve());
          }
        };
        worker.on("message", (r: FileOutcome) => {
          inFlight--;
          onResult(r);
          feed();
        });
        worker.on("error", reject);
        feed();
      });
    }),
  );
}

function parseYear(v: string | undefined, lang: Lang): number | undefined {
  if (v === undefined) return undefined;
  const y = Number(v.replace(/[๐-๙]/g, (d) => String("๐๑๒๓๔๕๖๗๘๙".indexOf(d))));
  if (!Number.isInteger(y) || y < 2400 || y > 2800)
    throw new ConsolidateUsageError(
      lang === "th"
        ? `--year ต้องเป็นปี พ.ศ. เช่น 2568 (ได้รับ '${v}')`
        : `--year must be a B.E. year such as 2568 (got '${v}')`,
    );
  return y;
}

/** Output paths that are one of the inputs (same file by device and inode, links followed), or two outputs that are one file. */
async function outputProblem(inputs: string[], outputs: string[], lang: Lang): Promise<string | null> {
  const ids = new Map<string, string>();
  for (const i of inputs) {
    try {
      const st = await fs.stat(i);
      ids.set(`${st.dev}:${st.ino}`, i);
    } catch {
      // unreadable: listed as a failure later
    }
  }
  for (const o of outputs) {
    try {
      const st = await fs.stat(o);
      const input = ids.get(`${st.dev}:${st.ino}`);
      if (input) return describeIssue(makeIssue("OUT_SAME_AS_IN", "error", {}, { path: o, input }), lang);
    } catch {
      // does not exist yet: cannot be an input
    }
  }
  // outputs among themselves (and against the first input, by real path and case)
  if (inputs.length) {
    const p = await checkOutputs(inputs[0], outputs);
    if (p)
      return p.code === "OUT_SAME_AS_IN"
        ? describeIssue(makeIssue("OUT_SAME_AS_IN", "error", {}, { path: p.path, input: p.input }), lang)
        : describeIssue(makeIssue("OUT_DUPLICATE", "error", {}, { path: p.path, other: p.other }), lang);
  }
  return null;
}

class Progress {
  private done = 0;
  private errors = 0;
  private readonly t0 = Date.now();
  private lastDraw = 0;
  private lastPlain = 0;
  constructor(
    private readonly total: number,
    private readonly tty: boolean,
    private readonly io: ConsolidateIo,
    private readonly lang: Lang,
    private readonly write: (s: string) => void,
  ) {}
  private line(): string {
    const secs = Math.max(0.001, (Date.now() - this.t0) / 1000);
    const rate = (this.done / secs).toFixed(1);
    return this.lang === "th"
      ? `รวมผล ${this.done}/${this.total} ไฟล์ · ${rate} ไฟล์/วินาที · ผิดพลาด ${this.errors}`
      : `Consolidating ${this.done}/${this.total} files · ${rate} files/s · errors ${this.errors}`;
  }
  tick(failed: boolean): void {
    this.done++;
    if (failed) this.errors++;
    const now = Date.now();
    if (this.tty) {
      if (now - this.lastDraw > 100 || this.done === this.total) {
        this.lastDraw = now;
        const width = 30;
        const filled = Math.round((this.done / this.total) * width);
        this.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.line()}`);
        if (this.done === this.total) this.write("\n");
      }
    } else {
      // plain lines: every tenth of the way (and the last)
      const step = Math.max(1, Math.ceil(this.total / 10));
      if (this.done === this.total || this.done - this.lastPlain >= step) {
        this.lastPlain = this.done;
        this.io.err(this.line());
      }
    }
  }
}

export async function consolidateCommand(args: string[], lang: Lang, io: ConsolidateIo, tty = false): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      json: { type: "string" },
      docx: { type: "string" },
      year: { type: "string" },
      office: { type: "string" },
      lang: { type: "string" },
      quiet: { type: "boolean" },
    },
  });
  const th = lang === "th";
  if (!positionals.length)
    throw new ConsolidateUsageError(th ? "ต้องระบุไฟล์หรือโฟลเดอร์อย่างน้อยหนึ่งรายการ" : "give at least one file or folder");
  if (!values.out) throw new ConsolidateUsageError(th ? "ต้องระบุ --out ไฟล์สรุป .xlsx" : "give --out, the summary .xlsx");
  const year = parseYear(values.year, lang);
  const outputs = [values.out, values.json, values.docx].filter((x): x is string => !!x);

  const { files, missing } = await listInputs(positionals);
  const problem = await outputProblem(
    files.map((f) => f.path),
    outputs,
    lang,
  );
  if (problem) throw new ConsolidateUsageError(problem);
  await recoverInterrupted(outputs);
  if (!files.length) {
    for (const m of missing) io.err(describeIssue(m, lang));
    io.err(describeIssue(makeIssue("CONSOLIDATE_NO_FILES", "error", {}, { paths: positionals.join(", ") }), lang));
    return 1;
  }

  const failures: Failure[] = missing.map((m) => ({ file: String((m.params as { path: string }).path), errors: [m] }));
  const rows: UnitRow[] = [];
  const order = new Map<number, number>();
  const progress = new Progress(files.length, tty, io, lang, (s) => process.stderr.write(s));
  const tasks: FileTask[] = files.map((f, id) => ({ id, path: f.path, display: f.display, year }));
  tasks.forEach((t, k) => order.set(t.id, k));
  const fileFailures: Array<{ k: number; f: Failure[] }> = [];
  const rowsOf: Array<{ k: number; rows: UnitRow[] }> = [];
  await runAll(tasks, (r) => {
    const k = order.get(r.id)!;
    if (r.rows.length) rowsOf.push({ k, rows: r.rows });
    if (r.failures.length) fileFailures.push({ k, f: r.failures });
    progress.tick(r.rows.length === 0);
  });
  // results come back in any order: put them in file order, so the output is the same every run
  rowsOf.sort((a, b) => a.k - b.k);
  fileFailures.sort((a, b) => a.k - b.k);
  for (const r of rowsOf) rows.push(...r.rows);
  for (const f of fileFailures) failures.push(...f.f);

  const analysed = rowsOf.length;
  const finished = finishConsolidation(rows, failures, year);
  if (finished === null) {
    for (const f of failures) for (const e of f.errors) io.err(`${f.file}: ${describeIssue(e, lang)}`);
    io.err(describeIssue(makeIssue("CONSOLIDATE_NOTHING", "error", {}), lang));
    return 1;
  }
  const c = finished.consolidation;
  const y = c.year;
  failures.splice(0, failures.length, ...finished.failures);

  const planned: PlannedOutput[] = [];
  let failedPath = values.out;
  try {
    const { createWorkbook } = await import("../xlsx");
    planned.push({
      path: values.out,
      data: await createWorkbook(summarySheets(c.summary, c.duplicates, failures.length)),
    });
    if (values.json)
      planned.push({ path: values.json, data: JSON.stringify(consolidationJson(c, failures, lang), null, 2) + "\n" });
    if (values.docx) {
      failedPath = values.docx;
      const { documentsDocx } = await import("../docx");
      const doc = summaryDocument(c.summary, c.duplicates, { office: values.office });
      planned.push({ path: values.docx, data: await documentsDocx([doc], "thai") });
    }
    await commitOutputs(planned);
  } catch (e) {
    const at = (e as { outputPath?: string }).outputPath ?? failedPath;
    io.err(describeIssue(makeIssue("WRITE_FAILED", "error", {}, { path: at, detail: (e as Error).message }), lang));
    io.err(describeIssue(makeIssue("OUTPUTS_UNCHANGED", "warning", {}), lang));
    return 1;
  }

  for (const f of failures) for (const e of f.errors) io.err(`${f.file}: ${describeIssue(e, lang)}`);
  if (!values.quiet) {
    const s = c.summary;
    io.out(
      th
        ? `สรุปผล ITA ปี ${y}: ${s.units} หน่วยงาน จาก ${files.length} ไฟล์ (วิเคราะห์ได้ ${analysed} ไฟล์, ไม่สำเร็จหรือไม่นำมารวม ${failures.length} รายการ, ซ้ำ ${c.duplicates.length} รายการ)`
        : `ITA summary ${y}: ${s.units} units from ${files.length} files (${analysed} analysed, ${failures.length} failed or left out, ${c.duplicates.length} duplicates)`,
    );
    io.out(
      th
        ? `  คะแนนรวมเฉลี่ย ${s.meanTotal.toFixed(2)}  ผ่านเกณฑ์ ${s.passMark}: ${s.passed} หน่วยงาน`
        : `  Mean total ${s.meanTotal.toFixed(2)}  passed (≥ ${s.passMark}): ${s.passed} units`,
    );
    for (const d of c.duplicates)
      io.out(
        th
          ? `  ซ้ำ: ${d.unit} ปี ${d.year} ใช้ ${d.used} ไม่ใช้ ${d.ignored.join(", ")}`
          : `  Duplicate: ${d.unit} ${d.year}: used ${d.used}, ignored ${d.ignored.join(", ")}`,
      );
    io.out(th ? `บันทึกแล้ว: ${outputs.join(", ")}` : `Written: ${outputs.join(", ")}`);
  }
  return analysed > 0 ? 0 : 1;
}
