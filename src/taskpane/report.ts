/**
 * The .docx report, written on first use by the docx writer (a lazy chunk): the memo to the head
 * of the unit first, then the analysis and the measures report (as the CLI's --docx writes them).
 */
import type { Analysis } from "../core/analysis";
import type { ReportModel } from "../report";
import { fail, type HostResult } from "./host";
import { safeFileName } from "./download";

export async function makeReport(
  model: ReportModel,
  analysis: Analysis,
): Promise<HostResult<{ bytes: Uint8Array; name: string }>> {
  let docx: typeof import("../docx");
  try {
    docx = await import(/* webpackChunkName: "report" */ "../docx");
  } catch {
    return fail("LOAD_FAILED");
  }
  try {
    const bytes = await docx.reportDocx(model, "all");
    return { ok: true, value: { bytes, name: safeFileName(`รายงาน ITA ${analysis.year} ${analysis.unit.name}.docx`) } };
  } catch (err) {
    return fail("REPORT_FAILED", { detail: err instanceof Error ? err.message : String(err) });
  }
}
