/**
 * The task pane's consolidation run without a browser: the worker pool with in-process workers
 * that run the worker's own step (analyseTask.ts, the CLI's per-file step) on real generated
 * unit workbooks. A worker that dies (error event), answers unreadably (messageerror) or hangs
 * costs its file only: that file becomes a failure row with its name, a new worker takes the
 * rest, and the rows equal the per-unit analyses. Cancel stops every worker.
 */
import { runPipeline } from "../../src/pipeline";
import { finishConsolidation, type FileOutcome } from "../../src/consolidate";
import { readWorkbook } from "../../src/xlsx";
import { analyse } from "../../src/taskpane/consolidate/analyseTask";
import { FRESH_DEATHS_LIMIT, WorkerStartError, type WorkerLike } from "../../src/taskpane/consolidate/pool";
import type { WorkerTask } from "../../src/taskpane/consolidate/protocol";
import { chosenFiles, consolidateFiles, type ChosenFile } from "../../src/taskpane/consolidate/run";
import { rng } from "../helpers/frameworks";
import { randomUnit, unitWorkbook } from "../helpers/unitWorkbooks";

type Behaviour = "ok" | "crash" | "messageerror" | "hang";

/** An in-process worker: answers through the real analyse step, or misbehaves for chosen files. */
function fakeWorkers(behaviour: (name: string) => Behaviour) {
  const made: FakeWorker[] = [];
  class FakeWorker implements WorkerLike {
    terminated = false;
    files: string[] = [];
    private listeners: Record<string, Array<(e: unknown) => void>> = {};
    addEventListener(type: string, l: (e: never) => void): void {
      (this.listeners[type] ??= []).push(l as (e: unknown) => void);
    }
    private emit(type: string, e: unknown) {
      if (!this.terminated) for (const l of this.listeners[type] ?? []) l(e);
    }
    postMessage(task: WorkerTask): void {
      if (this.terminated) throw new Error("posted to a terminated worker");
      this.files.push(task.display);
      const b = behaviour(task.file.name);
      setTimeout(() => {
        if (b === "crash")
          this.emit("error", { type: "error", message: "Uncaught RangeError: out of memory", preventDefault() {} });
        else if (b === "messageerror") this.emit("messageerror", { type: "messageerror" });
        else if (b === "ok") void analyse(task).then((o: FileOutcome) => this.emit("message", { data: o }));
      }, 1);
    }
    terminate(): void {
      this.terminated = true;
    }
  }
  return {
    made,
    spawn: () => {
      const w = new FakeWorker();
      made.push(w);
      return w;
    },
  };
}

const rand = rng(2626);
const units = Array.from({ length: 6 }, (_, k) => randomUnit(rand, k));
let files: ChosenFile[];

beforeAll(async () => {
  const list: File[] = [];
  for (const [k, u] of units.entries())
    list.push(
      new File([(await unitWorkbook(u)) as BlobPart], `unit-${k}.xlsx`, { lastModified: 1_700_000_000_000 + k }),
    );
  // a copy of unit 0 that kills its worker, in the middle; a file that is no workbook, at the end
  list.splice(3, 0, new File([(await unitWorkbook(units[0])) as BlobPart], "crash.xlsx"));
  list.push(new File([new TextEncoder().encode("not a workbook")], "broken.xlsx"));
  files = chosenFiles(list, false);
}, 60_000);

it("takes every file chosen one by one; from a folder, .xlsx only and no lock files, in path order", () => {
  const mk = (name: string, rel: string) => Object.assign(new File(["x"], name), { webkitRelativePath: rel });
  const picked = chosenFiles(
    [mk("b.xlsx", "d/b.xlsx"), mk("~$b.xlsx", "d/~$b.xlsx"), mk("note.txt", "d/note.txt"), mk("a.XLSX", "d/x/a.XLSX")],
    true,
  );
  expect(picked.map((f) => f.display)).toEqual(["d/b.xlsx", "d/x/a.XLSX"]);
  expect(chosenFiles([new File(["x"], "~$a.xlsx")], false).map((f) => f.display)).toEqual(["~$a.xlsx"]);
});

it.each<[Behaviour]>([["crash"], ["messageerror"], ["hang"]])(
  "a worker that %s on one file: that file is a failure row, a new worker reads the rest",
  async (bad) => {
    const w = fakeWorkers((name) => (name === "crash.xlsx" ? bad : "ok"));
    const progress: number[] = [];
    const r = await consolidateFiles(files, {
      spawn: w.spawn,
      workers: 1,
      timeoutMs: bad === "hang" ? 300 : 60_000,
      onProgress: (p) => progress.push(p.done),
    });
    expect(r.cancelled).toBe(false);
    expect(progress).toEqual(files.map((_, i) => i + 1));
    expect(r.analysed).toBe(units.length);
    expect(r.rows.map((x) => x.unit)).toEqual(units.map((u) => u.name));
    const crash = r.failures.find((f) => f.file === "crash.xlsx")!;
    expect(crash.errors[0].code).toBe(bad === "hang" ? "CONSOLIDATE_TIMEOUT" : "CONSOLIDATE_WORKER_CRASHED");
    expect(r.failures.find((f) => f.file === "broken.xlsx")!.errors[0].severity).toBe("error");
    // the broken worker was ended and a new one read the rest
    expect(w.made).toHaveLength(2);
    expect(w.made[0].files).toEqual(["unit-0.xlsx", "unit-1.xlsx", "unit-2.xlsx", "crash.xlsx"]);
    expect(w.made[1].files).toEqual(["unit-3.xlsx", "unit-4.xlsx", "unit-5.xlsx", "broken.xlsx"]);
    expect(w.made.every((x) => x.terminated)).toBe(true);
  },
);

it("rows equal each unit's own analysis, and the summary counts them once", async () => {
  const w = fakeWorkers(() => "ok");
  const r = await consolidateFiles(files, { spawn: w.spawn, workers: 2 });
  for (const [k, u] of units.entries()) {
    const read = await readWorkbook(await files.find((f) => f.display === `unit-${k}.xlsx`)!.file.arrayBuffer());
    if (!read.ok) throw new Error("unreadable");
    const run = runPipeline(read.sheets, { facts: read.facts });
    const row = r.rows.find((x) => x.unit === u.name)!;
    expect(row.total).toBe(run.analysis!.total);
    expect(row.year).toBe(run.analysis!.year);
  }
  // crash.xlsx is unit 0 again (same name, district and province): a duplicate, reported
  const done = finishConsolidation(r.rows, r.failures, undefined, "CONSOLIDATE_OTHER_YEAR_PANE")!;
  expect(done.consolidation.summary.units).toBe(units.length);
  expect(done.consolidation.duplicates).toHaveLength(1);
  expect(done.consolidation.duplicates[0].unit).toBe(units[0].name);
});

it("a worker that cannot run at all (every fresh worker dies) stops the run instead of failing every file", async () => {
  const w = fakeWorkers(() => "crash");
  const seen: number[] = [];
  await expect(
    consolidateFiles(files, { spawn: w.spawn, workers: 1, onProgress: (p) => seen.push(p.done) }),
  ).rejects.toBeInstanceOf(WorkerStartError);
  expect(w.made).toHaveLength(FRESH_DEATHS_LIMIT);
  expect(seen).toEqual([1, 2, 3]);
  expect(w.made.every((x) => x.terminated)).toBe(true);
});

it("cancel ends every worker and reports a cancelled run", async () => {
  const w = fakeWorkers(() => "hang");
  const controller = new AbortController();
  const run = consolidateFiles(files, { spawn: w.spawn, workers: 2, signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  const r = await run;
  expect(r.cancelled).toBe(true);
  expect(r.rows).toEqual([]);
  expect(w.made.length).toBe(2);
  expect(w.made.every((x) => x.terminated)).toBe(true);
});
