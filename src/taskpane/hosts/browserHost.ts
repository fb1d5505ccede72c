/**
 * The Host in an ordinary browser (no Office): the user opens an .xlsx, the analysis is
 * written into a copy with ExcelJS, and the copy is downloaded. ExcelJS is a lazy chunk,
 * loaded the first time a file is opened.
 */
import { templateSheets } from "../../layout/template";
import { downloadBytes, MIME, safeFileName } from "../download";
import { fail, type Host, type HostResult } from "../host";
import type { Grid, WorkbookFacts } from "../../layout/sheetSpec";

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

type XlsxModule = typeof import("../../xlsx");

function detail(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function browserHost(
  loadXlsx: () => Promise<XlsxModule> = () => import(/* webpackChunkName: "xlsx" */ "../../xlsx"),
): Host {
  /** The chosen file: read again on every check and analysis, so a fixed workbook is judged as it is now. */
  let file: { name: string; source: File; bytes: Uint8Array } | null = null;
  let analyzed: Uint8Array | null = null;
  /** The grids of the last read, reused while the file's bytes are the same (the core never mutates them). */
  let lastRead: { bytes: Uint8Array; sheets: Record<string, Grid>; facts: WorkbookFacts } | null = null;

  async function xlsx(): Promise<HostResult<XlsxModule>> {
    try {
      return { ok: true, value: await loadXlsx() };
    } catch {
      return fail("LOAD_FAILED");
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
  const scheme =
    typeof window !== "undefined" && typeof window.matchMedia === "function"
      ? window.matchMedia("(prefers-color-scheme: dark)")
      : null;
  const prefersDark = scheme?.matches ?? false;

  /**
   * The file's bytes as they are on disk now. Chromium refuses to read a picked file that
   * changed after it was picked (NotReadableError): the user has to choose it again.
   */
  async function bytesOf(f: File): Promise<HostResult<Uint8Array>> {
    try {
      return { ok: true, value: new Uint8Array(await f.arrayBuffer()) };
    } catch (err) {
      const name = (err as { name?: string })?.name;
      if (name === "NotReadableError" || name === "NotFoundError") return fail("FILE_CHANGED");
      return fail("FILE_UNREADABLE", { path: f.name, detail: detail(err) });
    }
  }

  return {
    capabilities: {
      kind: "browser",
      canDownload: true,
      canSelectCell: false,
      missingExtras: [],
      theme: prefersDark ? "dark" : "light",
    },
    currentTheme: () => ({ kind: scheme?.matches ? "dark" : "light" }),
    onThemeChange(listener) {
      if (!scheme) return () => undefined;
      const on = () => listener({ kind: scheme.matches ? "dark" : "light" });
      scheme.addEventListener("change", on);
      return () => scheme.removeEventListener("change", on);
    },
    async openFile(f: File) {
      const lib = await xlsx();
      if (!lib.ok) return lib;
      const bytes = await bytesOf(f);
      if (!bytes.ok) return bytes;
      if (!lib.value.looksLikeXlsx(bytes.value)) {
        // the reader names what the file is (.xls, password-protected, .csv, …)
        const r = await lib.value.readWorkbook(bytes.value, f.name);
        return r.ok ? fail("FILE_NOT_XLSX", { path: f.name }) : { ok: false, issue: r.issue };
      }
      file = { name: f.name, source: f, bytes: bytes.value };
      analyzed = null;
      return { ok: true, value: { name: f.name, modified: f.lastModified } };
    },
    async readSheets() {
      if (!file) return fail("NO_FILE");
      const lib = await xlsx();
      if (!lib.ok) return lib;
      const now = await bytesOf(file.source);
      if (!now.ok) return now;
      file.bytes = now.value;
      if (lastRead && sameBytes(lastRead.bytes, now.value))
        return { ok: true, value: { sheets: lastRead.sheets, facts: lastRead.facts } };
      // other bytes: an analyzed copy made from the old ones must not be downloaded
      analyzed = null;
      const r = await lib.value.readWorkbook(file.bytes, file.name);
      if (!r.ok) return { ok: false, issue: r.issue };
      lastRead = { bytes: now.value, sheets: r.sheets, facts: r.facts };
      return { ok: true, value: { sheets: r.sheets, facts: r.facts } };
    },
    async writeSheets(specs) {
      if (!file) return fail("NO_FILE");
      const lib = await xlsx();
      if (!lib.ok) return lib;
      try {
        analyzed = await lib.value.writeGeneratedSheets(file.bytes, specs);
      } catch (err) {
        return fail("WRITE_FAILED", { path: file.name, detail: detail(err) });
      }
      // the .xlsx writer draws the charts natively: nothing is skipped
      return { ok: true, value: { written: specs.map((s) => s.name), skipped: [] } };
    },
    async saveSummary(specs, name) {
      const lib = await xlsx();
      if (!lib.ok) return lib;
      let bytes: Uint8Array;
      try {
        bytes = await lib.value.createWorkbook(specs);
      } catch (err) {
        return fail("WRITE_FAILED", { path: name, detail: detail(err) });
      }
      const saved = save(bytes, safeFileName(name), MIME.xlsx);
      if (!saved.ok) return saved;
      // the .xlsx writer draws the charts and the filter natively: nothing is skipped
      return { ok: true, value: { written: specs.map((s) => s.name), skipped: [], downloaded: saved.value } };
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
      if (!file || !analyzed) return fail("NOTHING_TO_DOWNLOAD");
      const base = file.name.replace(/\.xlsx$/i, "");
      return save(analyzed, safeFileName(`${base}.analysis.xlsx`), MIME.xlsx);
    },
    async saveReport(bytes, name) {
      return save(bytes, name, MIME.docx);
    },
  };
}
