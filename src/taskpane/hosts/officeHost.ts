/** The Host inside Excel: one Excel.run per action, through the plain modules of src/excel. */
import { createTemplate, errorText, readLayout, selectCell, writeGeneratedSheets } from "../../excel/adapter";
import { detectCapabilities, missingExtras, type ExcelCapabilities } from "../../excel/capabilities";
import { templateSheets } from "../../layout/template";
import { downloadBytes, MIME } from "../download";
import { fail, type Host, type HostCapabilities, type HostResult, type ThemeInfo } from "../host";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Light or dark from Office's theme (the task pane's background colour). */
export function officeThemeKind(office: typeof Office): "light" | "dark" {
  try {
    const bg = office.context.officeTheme?.bodyBackgroundColor;
    const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bg ?? "");
    if (!m) return "light";
    const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? "dark" : "light";
  } catch {
    return "light";
  }
}

/** Office's theme: light/dark and the body colours (the grey "Colorful" theme too). */
export function officeTheme(office: typeof Office): ThemeInfo {
  const kind = officeThemeKind(office);
  try {
    const t = office.context.officeTheme;
    const hex = /^#?[0-9a-f]{6}$/i;
    if (t && hex.test(t.bodyBackgroundColor ?? "") && hex.test(t.bodyForegroundColor ?? "")) {
      const h = (c: string) => (c.startsWith("#") ? c : `#${c}`);
      return { kind, body: { background: h(t.bodyBackgroundColor), foreground: h(t.bodyForegroundColor) } };
    }
  } catch {
    // officeTheme is not available on every platform
  }
  return { kind };
}

/**
 * Where a Blob + <a download> from the task pane saves a file: Excel on Windows ("PC") and
 * on the web ("OfficeOnline"). Excel on Mac ignores it and Excel on iPad ("iOS") has no
 * downloads; unknown platforms are treated as unable (the pane then points to the sheets).
 */
export function canDownloadOn(platform: string): boolean {
  return platform === "PC" || platform === "OfficeOnline";
}

export function officeHost(office: typeof Office, run: ExcelRun): Host {
  const caps: ExcelCapabilities = detectCapabilities((name, v) => office.context.requirements.isSetSupported(name, v));
  const platform = String(office.context.diagnostics?.platform ?? "");
  const capabilities: HostCapabilities = {
    kind: "office",
    platform,
    canDownload: canDownloadOn(platform),
    canSelectCell: true,
    missingExtras: missingExtras(caps),
    theme: officeThemeKind(office),
  };
  async function attempt<T>(action: (context: Excel.RequestContext) => Promise<T>): Promise<HostResult<T>> {
    try {
      return { ok: true, value: await run(action) };
    } catch (err) {
      const e = err as { code?: string; sheet?: string; detail?: string };
      if (e?.code === "SHEET_NAME_INVALID")
        return fail("SHEET_NAME_INVALID", { sheet: e.sheet ?? "", detail: e.detail ?? "" });
      return fail("EXCEL_FAILED", { detail: errorText(err) });
    }
  }
  return {
    capabilities,
    currentTheme: () => officeTheme(office),
    // Office reports theme changes through OfficeThemeChanged where the platform supports it
    // (https://learn.microsoft.com/javascript/api/office/office.eventtype); elsewhere the
    // theme read at start stays, and a failed registration is ignored
    onThemeChange(listener) {
      const doc = office.context.document as Office.Document | undefined;
      const type = office.EventType?.OfficeThemeChanged;
      if (!doc || typeof doc.addHandlerAsync !== "function" || !type) return () => undefined;
      const handler = () => listener(officeTheme(office));
      try {
        doc.addHandlerAsync(type, handler, () => undefined);
      } catch {
        return () => undefined;
      }
      return () => {
        try {
          doc.removeHandlerAsync(type, { handler }, () => undefined);
        } catch {
          // nothing to undo
        }
      };
    },
    readSheets: () =>
      attempt(async (context) => {
        const { sheets, facts } = await readLayout(context, { caps });
        return { sheets, facts };
      }),
    writeSheets: (specs) =>
      attempt(async (context) => {
        const r = await writeGeneratedSheets(context, specs, { caps });
        return { written: r.written, skipped: r.skipped, rejected: r.rejected };
      }),
    saveSummary: (specs) =>
      attempt(async (context) => {
        const r = await writeGeneratedSheets(context, specs, { caps });
        return { written: r.written, skipped: r.skipped, rejected: r.rejected };
      }),
    createTemplate: () => attempt((context) => createTemplate(context, templateSheets(), { caps })),
    selectCell: async (sheet, cell) => {
      const r = await attempt((context) => selectCell(context, sheet, cell));
      return r.ok && !r.value ? fail("SHEET_GONE", { sheet }) : r;
    },
    saveReport: async (bytes, name) => {
      if (!capabilities.canDownload) return fail("DOWNLOAD_UNAVAILABLE");
      try {
        downloadBytes(bytes, name, MIME.docx);
        return { ok: true, value: name };
      } catch (err) {
        return fail("DOWNLOAD_FAILED", { detail: errorText(err) });
      }
    },
  };
}
