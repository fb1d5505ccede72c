/**
 * Runs the chosen files through consolidation workers, one file per worker at a time, and
 * hands each file's outcome back as it comes. A worker that dies (its `error` event), answers
 * with a message that cannot be read (`messageerror`) or takes longer than the time allowed is
 * ended; its file becomes a failure row with its name and a new worker takes the remaining
 * files. Cancelling ends every worker at once. Never a stuck pane, never an exception.
 */
import { makeIssue } from "../../core/messages";
import type { Issue } from "../../core/types";
import type { FileOutcome } from "../../consolidate/file";
import type { WorkerTask } from "./protocol";

/** The part of a Web Worker the pool uses (a fake one in tests). */
export interface WorkerLike {
  postMessage(task: WorkerTask): void;
  terminate(): void;
  addEventListener(type: "message", listener: (e: MessageEvent<FileOutcome>) => void): void;
  addEventListener(type: "error" | "messageerror", listener: (e: Event) => void): void;
}

export interface PoolOptions {
  /** Starts a worker (throws when the browser cannot). */
  spawn: () => WorkerLike;
  /** Workers side by side (default 1). */
  workers?: number;
  /** A file taking longer than this is given up (ms; default 120 s). */
  timeoutMs?: number;
  onOutcome: (outcome: FileOutcome) => void;
  signal?: AbortSignal;
}

/** Thrown when worker after worker dies before its first answer: the worker itself cannot run here. */
export class WorkerStartError extends Error {}

/** Fresh workers in a row that die before answering once, after which the pool gives up. */
export const FRESH_DEATHS_LIMIT = 3;

export interface PoolResult {
  cancelled: boolean;
  /** Workers started in all (more than `workers` when some died). */
  started: number;
}

/** A failed file (as src/consolidate/file.ts's failedFile; not imported, so the engine stays out of the first load). */
function failedFile(task: WorkerTask, errors: Issue[]): FileOutcome {
  return { id: task.id, rows: [], failures: [{ file: task.display, errors }] };
}

function what(e: Event): string {
  const m = (e as ErrorEvent).message;
  return m ? String(m) : e.type;
}

export async function runPool(tasks: WorkerTask[], options: PoolOptions): Promise<PoolResult> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const slots = Math.max(1, Math.min(options.workers ?? 1, tasks.length));
  let next = 0;
  let started = 0;
  let freshDeaths = 0;
  let cancelled = options.signal?.aborted ?? false;
  const live = new Set<WorkerLike>();
  const cancelWaiters = new Set<() => void>();
  /** What the worker's events go to while it has a file: its answer, or its death. */
  const waiting = new Map<WorkerLike, { answer(v: FileOutcome): void; fail(detail: string): void }>();
  const onAbort = () => {
    cancelled = true;
    for (const w of live) w.terminate();
    live.clear();
    for (const c of cancelWaiters) c();
  };
  options.signal?.addEventListener("abort", onAbort);

  /** One file on one worker: its outcome, or why the worker has to go. */
  function one(worker: WorkerLike, task: WorkerTask): Promise<{ outcome: FileOutcome; broken: boolean } | null> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (v: { outcome: FileOutcome; broken: boolean } | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        cancelWaiters.delete(onCancel);
        waiting.delete(worker);
        resolve(v);
      };
      const onCancel = () => settle(null);
      cancelWaiters.add(onCancel);
      const crashed = (detail: string) =>
        settle({
          outcome: failedFile(task, [
            makeIssue("CONSOLIDATE_WORKER_CRASHED", "error", {}, { path: task.display, detail }),
          ]),
          broken: true,
        });
      const timer = setTimeout(
        () =>
          settle({
            outcome: failedFile(task, [
              makeIssue(
                "CONSOLIDATE_TIMEOUT",
                "error",
                {},
                { path: task.display, seconds: Math.round(timeoutMs / 1000) },
              ),
            ]),
            broken: true,
          }),
        timeoutMs,
      );
      waiting.set(worker, {
        answer: (o) => (o && o.id === task.id ? settle({ outcome: o, broken: false }) : crashed("unexpected answer")),
        fail: crashed,
      });
      try {
        worker.postMessage(task);
      } catch (err) {
        crashed(err instanceof Error ? err.message : String(err));
      }
    });
  }

  function start(): WorkerLike {
    const w = options.spawn();
    started++;
    live.add(w);
    w.addEventListener("message", (e: MessageEvent<FileOutcome>) => waiting.get(w)?.answer(e.data));
    w.addEventListener("error", (e: Event) => {
      // handled here: not reported again as the page's uncaught error
      e.preventDefault?.();
      waiting.get(w)?.fail(what(e));
    });
    w.addEventListener("messageerror", (e: Event) => waiting.get(w)?.fail(what(e)));
    return w;
  }

  async function slot(): Promise<void> {
    let worker: WorkerLike | null = null;
    let answered = false;
    while (!cancelled && next < tasks.length) {
      const task = tasks[next++];
      if (!worker) {
        worker = start();
        answered = false;
      }
      const r = await one(worker, task);
      if (r === null || cancelled) break;
      options.onOutcome(r.outcome);
      if (!r.broken) {
        answered = true;
        freshDeaths = 0;
      } else if (!answered && ++freshDeaths >= FRESH_DEATHS_LIMIT) {
        // worker after worker dies before its first answer: the worker cannot run here (its
        // script did not load, or the page forbids workers); stop instead of failing every file
        onAbort();
        throw new WorkerStartError(`${freshDeaths} workers died before answering`);
      }
      if (r.broken) {
        worker.terminate();
        live.delete(worker);
        worker = null;
      }
    }
    if (worker) {
      worker.terminate();
      live.delete(worker);
    }
  }

  try {
    await Promise.all(Array.from({ length: slots }, slot));
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
  return { cancelled, started };
}
