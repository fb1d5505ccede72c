/**
 * One file of a consolidation in Node: read it (bounded) from disk, then the shared pure step
 * (src/consolidate/file.ts, the same the task pane's Web Worker runs). Runs in a worker thread
 * (consolidateWorker.ts) or in the main thread when no worker file is there. Never throws.
 */
import { promises as fs } from "node:fs";
import { makeIssue } from "../core/messages";
import type { Issue } from "../core/types";
import { failedFile, outcomeOfWorkbook, type FileOutcome } from "../consolidate/file";
import { isTableSheetName } from "../layout/table";
import { DEFAULT_LIMITS, isLayoutSheetName, readWorkbook } from "../xlsx";

export type { FileOutcome } from "../consolidate/file";

export interface FileTask {
  id: number;
  path: string;
  /** The name shown and written in the JSON. */
  display: string;
  year?: number;
}

function readIssue(e: NodeJS.ErrnoException, path: string): Issue {
  const code = e.code;
  if (code === "EACCES" || code === "EPERM") return makeIssue("FILE_NO_PERMISSION", "error", {}, { path });
  if (code === "EISDIR") return makeIssue("FILE_IS_FOLDER", "error", {}, { path });
  if (code === "ENOENT" || code === "ENOTDIR") return makeIssue("FILE_NOT_FOUND", "error", {}, { path });
  return makeIssue("FILE_UNREADABLE", "error", {}, { path, detail: e.message });
}

export async function analyseFile(task: FileTask): Promise<FileOutcome> {
  const { id, display } = task;
  let bytes: Uint8Array;
  let modified = 0;
  try {
    const st = await fs.stat(task.path);
    modified = st.mtimeMs;
    bytes = await fs.readFile(task.path);
  } catch (e) {
    return failedFile(task, [readIssue(e as NodeJS.ErrnoException, display)]);
  }
  try {
    const read = await readWorkbook(bytes, display, DEFAULT_LIMITS, (n) => isLayoutSheetName(n) || isTableSheetName(n));
    return outcomeOfWorkbook(read, { id, display, year: task.year, modified });
  } catch (e) {
    return failedFile(task, [makeIssue("FILE_CORRUPT", "error", {}, { path: display, detail: (e as Error).message })]);
  }
}
