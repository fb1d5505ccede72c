/**
 * The worker thread of `ita-analyzer consolidate`: takes file tasks, answers with the unit rows
 * (never the analyses). Bundled by scripts/build-cli.mjs as dist/ita-consolidate-worker.js.
 */
import { parentPort } from "node:worker_threads";
import { analyseFile, type FileTask } from "./consolidateFile";

parentPort?.on("message", (task: FileTask | null) => {
  if (task === null) {
    parentPort?.close();
    return;
  }
  analyseFile(task).then((outcome) => parentPort?.postMessage(outcome));
});
