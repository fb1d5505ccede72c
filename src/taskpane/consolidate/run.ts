/**
 * A consolidation in the task pane, from chosen files to rows: which files count (folders as
 * the CLI takes them), the worker pool, progress (count, files/s, errors so far), results put
 * back in the files' order so a run gives the same summary every time.
 */
import type { Failure, FileOutcome, UnitRow } from "../../consolidate";
import { runPool, type WorkerLike } from "./pool";
import type { WorkerTask } from "./protocol";

export interface ChosenFile {
  file: File;
  /** The name shown: the path inside the chosen folder, or the file's name. */
  display: string;
}

/** Files chosen one by one are all taken; from a folder, .xlsx only and no lock files (~$…), as the CLI. */
export function chosenFiles(files: ArrayLike<File>, fromFolder: boolean): ChosenFile[] {
  const out: ChosenFile[] = [];
  for (const file of Array.from(files)) {
    const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath || "";
    if (fromFolder && (!/\.xlsx$/i.test(file.name) || file.name.startsWith("~$"))) continue;
    out.push({ file, display: rel || file.name });
  }
  if (fromFolder) out.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return out;
}

export interface Progress {
  done: number;
  total: number;
  /** Files that gave no unit row. */
  errors: number;
  filesPerSecond: number;
}

export interface RunResult {
  rows: UnitRow[];
  failures: Failure[];
  /** Files that gave at least one row. */
  analysed: number;
  cancelled: boolean;
  seconds: number;
  workersStarted: number;
}

export async function consolidateFiles(
  files: ChosenFile[],
  options: {
    spawn: () => WorkerLike;
    year?: number;
    workers?: number;
    timeoutMs?: number;
    signal?: AbortSignal;
    onProgress?: (p: Progress) => void;
    now?: () => number;
  },
): Promise<RunResult> {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const tasks: WorkerTask[] = files.map((f, id) => ({ id, file: f.file, display: f.display, year: options.year }));
  const outcomes: Array<FileOutcome | undefined> = new Array(tasks.length);
  let done = 0;
  let errors = 0;
  const pool = await runPool(tasks, {
    spawn: options.spawn,
    workers: options.workers,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    onOutcome: (o) => {
      outcomes[o.id] = o;
      done++;
      if (o.rows.length === 0) errors++;
      const secs = Math.max(0.001, (now() - t0) / 1000);
      options.onProgress?.({ done, total: tasks.length, errors, filesPerSecond: done / secs });
    },
  });
  const rows: UnitRow[] = [];
  const failures: Failure[] = [];
  let analysed = 0;
  for (const o of outcomes) {
    if (!o) continue;
    if (o.rows.length) analysed++;
    rows.push(...o.rows);
    failures.push(...o.failures);
  }
  return {
    rows,
    failures,
    analysed,
    cancelled: pool.cancelled,
    seconds: (now() - t0) / 1000,
    workersStarted: pool.started,
  };
}
