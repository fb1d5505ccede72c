/** A Host for component tests: grids in memory, every call recorded. */
import type { Host, HostCapabilities, HostResult, WriteSummary } from "../../src/taskpane/host";
import type { Grid, SheetSpec } from "../../src/layout/sheetSpec";

export interface FakeHost extends Host {
  grids: Record<string, Grid>;
  written: SheetSpec[][];
  /** The summaries saved (consolidation mode), with the name asked for. */
  summaries: Array<{ specs: SheetSpec[]; name: string }>;
  /** The .docx files saved, by name. */
  reports: string[];
  selected: Array<[string, string | undefined]>;
  failWrite: boolean;
  /** Extras Excel "refuses" in the best-effort step of the next writes. */
  rejectExtras: WriteSummary["rejected"];
}

export function fakeHost(grids: Record<string, Grid>, caps: Partial<HostCapabilities> = {}): FakeHost {
  const host: FakeHost = {
    grids,
    written: [],
    summaries: [],
    reports: [],
    selected: [],
    failWrite: false,
    rejectExtras: [],
    capabilities: {
      kind: "office",
      platform: "PC",
      canDownload: true,
      canSelectCell: true,
      missingExtras: [],
      theme: "light",
      ...caps,
    },
    async readSheets() {
      return { ok: true, value: { sheets: host.grids } };
    },
    async writeSheets(specs): Promise<HostResult<WriteSummary>> {
      if (host.failWrite)
        return {
          ok: false,
          issue: { code: "EXCEL_FAILED", severity: "error", params: { detail: "GeneralException" } },
        };
      host.written.push(specs);
      return { ok: true, value: { written: specs.map((s) => s.name), skipped: [], rejected: host.rejectExtras } };
    },
    async createTemplate() {
      return { ok: true, value: { created: ["คะแนน ITA"], existing: ["มาตรการ", "ตั้งค่า"], skipped: [] } };
    },
    async selectCell(sheet, cell) {
      host.selected.push([sheet, cell]);
      return { ok: true, value: true };
    },
    async saveSummary(specs, name) {
      host.summaries.push({ specs, name });
      return {
        ok: true,
        value: {
          written: specs.map((s) => s.name),
          skipped: [],
          ...(host.capabilities.kind === "browser" ? { downloaded: name } : {}),
        },
      };
    },
    async saveReport(_bytes, name) {
      host.reports.push(name);
      return { ok: true, value: name };
    },
  };
  return host;
}
