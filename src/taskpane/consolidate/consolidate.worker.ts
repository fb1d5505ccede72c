/**
 * The task pane's consolidation worker (a Web Worker, its own chunk): reads one chosen file at
 * a time and answers with its unit rows only (analyseTask.ts), so the pane stays responsive and
 * its memory flat. A file that kills the worker is caught by the pane (pool.ts), which starts a
 * new worker for the remaining files.
 */
import { analyse } from "./analyseTask";
import type { WorkerAnswer, WorkerTask } from "./protocol";

const scope = self as unknown as {
  addEventListener(type: "message", listener: (e: MessageEvent<WorkerTask>) => void): void;
  postMessage(message: WorkerAnswer): void;
};

scope.addEventListener("message", (e) => {
  void analyse(e.data).then((answer) => scope.postMessage(answer));
});
