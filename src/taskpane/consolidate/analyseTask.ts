/**
 * What the consolidation worker does with one file: read it (File.arrayBuffer), then the step the
 * CLI runs (src/consolidate/file.ts). Never throws: a file that throws is a failure with its name.
 */
import { makeIssue } from "../../core/messages";
import { failedFile, outcomeOfWorkbook } from "../../consolidate/file";
import { isTableSheetName } from "../../layout/table";
import { DEFAULT_LIMITS, isLayoutSheetName, readXlsx } from "../../xlsx/read";
import type { WorkerAnswer, WorkerTask } from "./protocol";

export async function analyse(task: WorkerTask): Promise<WorkerAnswer> {
  const { id, display, file } = task;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (err) {
    const name = (err as { name?: string })?.name;
    // Chromium refuses a chosen file that changed on disk after it was chosen
    if (name === "NotReadableError" || name === "NotFoundError")
      return failedFile(task, [makeIssue("FILE_CHANGED", "error", {})]);
    return failedFile(task, [makeIssue("FILE_UNREADABLE", "error", {}, { path: display, detail: String(err) })]);
  }
  try {
    const read = await readXlsx(bytes, display, DEFAULT_LIMITS, (n) => isLayoutSheetName(n) || isTableSheetName(n));
    return outcomeOfWorkbook(read, { id, display, year: task.year, modified: file.lastModified });
  } catch (err) {
    return failedFile(task, [
      makeIssue(
        "FILE_CORRUPT",
        "error",
        {},
        { path: display, detail: err instanceof Error ? err.message : String(err) },
      ),
    ]);
  }
}
