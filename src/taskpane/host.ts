/**
 * What the task pane needs from where it runs. React components get a Host as a prop and
 * never call Office.js or ExcelJS themselves: officeHost wraps src/excel (Excel.run),
 * browserHost wraps src/xlsx (ExcelJS, loaded on first use). Failures come back as values.
 */
import type { Extra } from "../excel/capabilities";
import { makeIssue, type Issue, type IssueCode, type ParamsArg } from "../core/messages";
import type { Grid, SheetSpec, WorkbookFacts } from "../layout/sheetSpec";

export type HostResult<T> = { ok: true; value: T } | { ok: false; issue: Issue };

export interface HostCapabilities {
  kind: "office" | "browser";
  /** Office.context.diagnostics.platform ("PC", "Mac", "OfficeOnline", …) in Office. */
  platform?: string;
  /** Blob + <a download> works here: Excel on Windows and on the web, browsers; not Mac or iPad. */
  canDownload: boolean;
  /** Clicking an issue can select its cell. */
  canSelectCell: boolean;
  /** Extras this Excel lacks (older requirement sets); empty in the browser. */
  missingExtras: Extra[];
  theme: "light" | "dark";
}

/** The theme the pane paints with: light/dark, and Office's own colours where Office gives them. */
export interface ThemeInfo {
  kind: "light" | "dark";
  /** Office.context.officeTheme's body colours (e.g. the grey "Colorful" theme); absent in browsers. */
  body?: { background: string; foreground: string };
}

export interface WriteSummary {
  written: string[];
  /** Extras skipped while writing (this Excel lacks their requirement set). */
  skipped: Extra[];
  /** Extras Excel refused in the best-effort step; the analysis itself is written. */
  rejected?: Extra[];
}

export interface TemplateSummary {
  created: string[];
  existing: string[];
  skipped: Extra[];
  /** Extras Excel refused in the best-effort step (the sheets are created). */
  rejected?: Extra[];
  /** Browser: the file name the template was downloaded as. */
  downloaded?: string;
}

export interface Host {
  capabilities: HostCapabilities;
  /** The layout sheets' cells (sheet name → grid), with what the reader knows beyond values. */
  readSheets(): Promise<HostResult<{ sheets: Record<string, Grid>; facts?: WorkbookFacts }>>;
  /** Writes (replaces) the generated sheets. */
  writeSheets(specs: SheetSpec[]): Promise<HostResult<WriteSummary>>;
  /** Adds the input sheets that are missing (Office) or downloads a blank workbook (browser). */
  createTemplate(): Promise<HostResult<TemplateSummary>>;
  selectCell(sheet: string, cell?: string): Promise<HostResult<boolean>>;
  /**
   * The consolidated summary's sheets: written into the open workbook (Office, same swap and
   * request rules as the analysis) or downloaded as a new workbook named `name` (browser).
   */
  saveSummary(specs: SheetSpec[], name: string): Promise<HostResult<WriteSummary & { downloaded?: string }>>;
  /** Browser: downloads the analysed workbook. */
  downloadWorkbook?(): Promise<HostResult<string>>;
  saveReport(bytes: Uint8Array, name: string): Promise<HostResult<string>>;
  /** Browser: takes the workbook the user chose or dropped (read again on every readSheets). */
  openFile?(file: File): Promise<HostResult<{ name: string; modified: number }>>;
  /** Calls back when the theme changes (Office's theme event where reported; the browser's colour scheme); returns the unsubscribe. */
  onThemeChange?(listener: (theme: ThemeInfo) => void): () => void;
  /** The theme now (start-up); capabilities.theme when absent. */
  currentTheme?(): ThemeInfo;
}

export function fail<T, C extends IssueCode = IssueCode>(code: C, ...params: ParamsArg<C>): HostResult<T> {
  return { ok: false, issue: makeIssue(code, "error", {}, ...params) };
}
