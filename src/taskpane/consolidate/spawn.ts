/**
 * Starts the consolidation worker. webpack 5 turns `new Worker(new URL(…, import.meta.url))`
 * into a chunk of its own (docs: https://webpack.js.org/guides/web-workers/). Loaded only when a
 * consolidation starts, never under jest (tests give the pool their own workers).
 */
import type { WorkerLike } from "./pool";

export function spawnWorker(): WorkerLike {
  // @ts-expect-error import.meta: the pane is bundled as ES modules by webpack; tsc checks as CommonJS
  return new Worker(new URL("./consolidate.worker.ts", import.meta.url), { name: "ita-consolidate" });
}
