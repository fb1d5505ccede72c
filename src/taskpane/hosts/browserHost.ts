/**
 * The Host in an ordinary browser (no Office): the user opens an .xlsx, the analysis is
 * written into a copy with ExcelJS, and the copy is downloaded. ExcelJS is a lazy chunk,
 * loaded the first time a file is opened.
 */
import { templateSheets } from "../../layout/template";
import { downloadBytes, MIME, safeFileName } from "../download";
import { fail, type Host, type HostResult } from "../host";

type XlsxModule = typeof import("../../xlsx");

function detail(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function browserHost(
  loadXlsx: () => Promise<XlsxModule> = () => import(/* webpackChunkName: "xlsx" */ "../../xlsx"),
): Host {
  let file: { name: string; bytes: Uint8Array } | null = null;
  let analysed: Uint8Array | null = null;

  async function xlsx(): Promise<HostResult<XlsxModule>> {
    try {
      return { ok: true, value: await loadXlsx() };
    } catch (err) {
      return fail("LOAD_FAILED", { detail: detail(err) });
    }
  }
  function save(bytes: Uint8Array, name: string, mime: string): HostResult<string> {
    try {
      downloadBytes(bytes, name, mime);
      return { ok: true, value: name };
    } catch (err) {
      return fail("DOWNLOAD_FAILED", { detail: detail(err) });
    }
  }
  const prefersDark =
    typeof window !== "undefined" &&
    typeof window.matchMedia === "function" &&
    window.matchMedia("(prefers-color-scheme: dark)").matches;

  return {
    capabilities: {
      kind: "browser",
      canDownload: true,
      canSelectCell: false,
      missingExtras: [],
      theme: prefersDark ? "dark" : "light",
    },
    async openFile(f: File) {
      const lib = await xlsx();
      if (!lib.ok) return lib;
      const bytes = new Uint8Array(await f.arrayBuffer());
      if (!lib.value.looksLikeXlsx(bytes)) {
        // the reader names what the file is (.xls, password-protected, .csv, …)
        const r = await lib.value.readWorkbook(bytes, f.name);
        return r.ok ? fail("FILE_NOT_XLSX", { path: f.name }) : { ok: false, issue: r.issue };
      }
      file = { name: f.name, bytes };
      analysed = null;
      return { ok: true, value: { name: f.name } };
    },
    async readSheets() {
      if (!file) return fail("NO_FILE");
      const lib = await xlsx();
      if (!lib.ok) return lib;
      const r = await lib.value.readWorkbook(file.bytes, file.name);
      return r.ok ? { ok: true, value: { sheets: r.sheets, facts: r.facts } } : { ok: false, issue: r.issue };
    },
    async writeSheets(specs) {
      if (!file) return fail("NO_FILE");
      const lib = await xlsx();
      if (!lib.ok) return lib;
      try {
        analysed = await lib.value.writeGeneratedSheets(file.bytes, specs);
      } catch (err) {
        return fail("WRITE_FAILED", { path: file.name, detail: detail(err) });
      }
      // the .xlsx writer draws the charts natively: nothing is skipped
      return { ok: true, value: { written: specs.map((s) => s.name), skipped: [] } };
    },
    async createTemplate() {
      const lib = await xlsx();
      if (!lib.ok) return lib;
      const specs = templateSheets();
      const name = "ITA-template.xlsx";
      const saved = save(await lib.value.createWorkbook(specs), name, MIME.xlsx);
      if (!saved.ok) return saved;
      return { ok: true, value: { created: specs.map((s) => s.name), existing: [], skipped: [], downloaded: name } };
    },
    async selectCell() {
      return { ok: true, value: false };
    },
    async downloadWorkbook() {
      if (!file || !analysed) return fail("NOTHING_TO_DOWNLOAD");
      const base = file.name.replace(/\.xlsx$/i, "");
      return save(analysed, safeFileName(`${base}.analysis.xlsx`), MIME.xlsx);
    },
    async saveReport(bytes, name) {
      return save(bytes, name, MIME.docx);
    },
  };
}
