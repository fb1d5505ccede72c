/**
 * The task pane's state and actions in one hook: components receive what they need from it as
 * props. Every check and analysis runs the same pipeline (src/pipeline.ts) on the workbook as it
 * is now; a result remembers what it was made from, so a later change marks it out of date.
 */
import * as React from "react";
import type { Analysis } from "../core/analysis";
import type { Issue, Lang } from "../core/types";
import type { Extra } from "../excel/capabilities";
import { SHEETS } from "../layout/names";
import type { Grid, WorkbookFacts } from "../layout/sheetSpec";
import type { PipelineResult } from "../pipeline";
import type { ReportModel } from "../report";
import { fail, type Host, type HostResult, type ThemeInfo } from "./host";
import { makeReport } from "./report";
import { byImportance, fmt, message, RATING_EN, STRINGS, type Strings } from "./strings";

export type Busy = null | "reading" | "analysing" | "writing" | "exporting" | "opening" | "working";

export interface CheckState {
  errors: Issue[];
  warnings: Issue[];
  years: number[];
  completeYears: number[];
}

export interface ResultState {
  analysis: Analysis;
  report: ReportModel;
  /** What the result was made from: a later change to any of these makes it out of date. */
  made: { file: number; strength: string; urgent: string };
  /** Sheets written in Excel, or held by the workbook to download (browser). */
  written: string[];
}

/** A message that follows a language switch. */
export type Notice = (t: Strings) => string;

export interface Problem {
  issue: Issue;
  /** Offered as a button (a chunk that failed to load, a file to choose again). */
  retry?: "again" | "chooseFile";
}

export interface FileInfo {
  name: string;
  modified: number;
  /** Counts the files opened, so a result knows which one it came from. */
  serial: number;
}

type Engine = typeof import("../pipeline");
let engineLoad: Promise<Engine> | null = null;

/**
 * The engine (parse → analyse → sheets: core, layout, report model) is a lazy chunk, fetched right
 * after the first paint, so the first load stays small; a failed load is tried again next time.
 */
function loadEngine(): Promise<Engine> {
  if (!engineLoad)
    engineLoad = import(/* webpackChunkName: "engine" */ "../pipeline").catch((err: unknown) => {
      engineLoad = null;
      throw err;
    });
  return engineLoad;
}

async function engine(): Promise<HostResult<Engine>> {
  try {
    return { ok: true, value: await loadEngine() };
  } catch {
    return fail("LOAD_FAILED");
  }
}

function validThreshold(s: string): number | null {
  const n = Number(s.trim());
  return s.trim() !== "" && Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

export function useTaskpane(host: Host, initialLang: Lang) {
  const caps = host.capabilities;
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const t: Strings = STRINGS[lang];
  const [theme, setTheme] = React.useState<ThemeInfo>(() => host.currentTheme?.() ?? { kind: caps.theme });
  const [busy, setBusy] = React.useState<Busy>(null);
  const [problem, setProblem] = React.useState<Problem | null>(null);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [check, setCheck] = React.useState<CheckState | null>(null);
  const [year, setYear] = React.useState<string>("");
  const [strength, setStrength] = React.useState("85");
  const [urgent, setUrgent] = React.useState("70");
  const [result, setResult] = React.useState<ResultState | null>(null);
  const [skipped, setSkipped] = React.useState<Extra[]>(caps.missingExtras);
  const [rejected, setRejected] = React.useState<Extra[]>([]);
  const [file, setFile] = React.useState<FileInfo | null>(null);
  const [templateDone, setTemplateDone] = React.useState(false);
  /** What the live region says (results, errors, completion). */
  const [announcement, setAnnouncement] = React.useState("");
  /** Bumped when the error list should take the focus. */
  const [errorFocus, setErrorFocus] = React.useState(0);
  const run = React.useRef(0);
  const lastAction = React.useRef<(() => void) | null>(null);

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  React.useEffect(() => host.onThemeChange?.(setTheme), [host]);
  React.useEffect(() => {
    loadEngine().catch(() => undefined);
  }, []);

  const strengthN = validThreshold(strength);
  const urgentN = validThreshold(urgent);
  const stale =
    result !== null &&
    ((file?.serial ?? 0) !== result.made.file ||
      strength !== result.made.strength ||
      urgent !== result.made.urgent ||
      (year !== "" && Number(year) !== result.analysis.year));

  /**
   * Runs an action with a progress label. `alive()` turns false when the user cancels (or a
   * newer action starts): the action then stops and nothing it still produces is shown.
   */
  async function act(
    label: Busy,
    fn: (alive: () => boolean) => Promise<Problem | void>,
    again: () => void,
  ): Promise<void> {
    const id = ++run.current;
    const alive = () => run.current === id;
    lastAction.current = again;
    setBusy(label);
    setProblem(null);
    setNotices([]);
    try {
      const p = await fn(alive);
      if (p && alive()) {
        setProblem(p);
        setAnnouncement(message(p.issue, lang));
      }
    } catch (err) {
      // a bug, not a user error: still shown as a message, never thrown into React
      if (alive())
        setProblem({
          issue: {
            code: "EXCEL_FAILED",
            severity: "error",
            params: { detail: err instanceof Error ? err.message : String(err) },
          },
        });
    } finally {
      if (alive()) setBusy(null);
    }
  }

  /** A read that failed: the issues shown came from bytes that are no longer there. */
  function readFailed(r: { issue: Issue }): Problem {
    setCheck((c) => (c ? { ...c, errors: [], warnings: [] } : c));
    // the file changed on disk: a result made from it is out of date
    if (r.issue.code === "FILE_CHANGED") setFile((f) => (f ? { ...f, serial: f.serial + 1 } : f));
    return failed(r);
  }

  const failed = (r: { issue: Issue }): Problem => ({
    issue: r.issue,
    retry: r.issue.code === "LOAD_FAILED" ? "again" : r.issue.code === "FILE_CHANGED" ? "chooseFile" : undefined,
  });

  function cancel() {
    run.current++;
    setBusy(null);
    setNotices([(t) => t.cancelled]);
    setAnnouncement(t.cancelled);
  }

  interface Inputs {
    year: string;
    strength: string;
    urgent: string;
  }
  function pipeline(
    runPipeline: Engine["runPipeline"],
    read: { sheets: Record<string, Grid>; facts?: WorkbookFacts },
    inputs: Inputs = { year, strength, urgent },
  ): PipelineResult {
    const thresholds: Record<string, number> = {};
    const sN = validThreshold(inputs.strength);
    const uN = validThreshold(inputs.urgent);
    if (sN !== null) thresholds.strength = sN;
    if (uN !== null) thresholds.urgent = uN;
    const y = inputs.year ? Number(inputs.year) : undefined;
    return runPipeline(read.sheets, { year: y, thresholds, lang, facts: read.facts });
  }

  /** Shows the run's errors and warnings (most important first); errors take the focus. */
  function showIssues(out: PipelineResult) {
    const errors = byImportance(out.errors);
    setCheck({
      errors,
      warnings: byImportance(out.warnings),
      years: out.parse.years,
      completeYears: out.parse.completeYears,
    });
    if (errors.length) {
      setAnnouncement(fmt(t.errorsAnnounce, { n: errors.length }));
      setErrorFocus((n) => n + 1);
    }
  }

  /** After a file is opened: the years it has, the year analyse would use, its settings. */
  function adoptSettings(out: PipelineResult): Inputs {
    const c = out.parse;
    const settings = c.input?.settings;
    const latest = c.completeYears[c.completeYears.length - 1];
    const preferred = settings?.year;
    const inputs: Inputs = {
      year: String(preferred && c.years.includes(preferred) ? preferred : (latest ?? "")),
      strength: settings ? String(settings.thresholds.strength) : strength,
      urgent: settings ? String(settings.thresholds.urgent) : urgent,
    };
    setYear(inputs.year);
    setStrength(inputs.strength);
    setUrgent(inputs.urgent);
    setCheck({ errors: [], warnings: [], years: c.years, completeYears: c.completeYears });
    return inputs;
  }

  const checkData = () =>
    void act(
      "reading",
      async (alive) => {
        const r = await host.readSheets();
        if (!alive()) return;
        if (!r.ok) return readFailed(r);
        const e = await engine();
        if (!alive()) return;
        if (!e.ok) return failed(e);
        const { runPipeline } = e.value;
        // the first read of the workbook (Office) takes its year and thresholds from the settings sheet
        const inputs =
          check === null ? adoptSettings(runPipeline(r.value.sheets, { lang, facts: r.value.facts })) : undefined;
        const out = pipeline(runPipeline, r.value, inputs);
        showIssues(out);
        if (out.ok && out.analysis) {
          const years = out.parse.completeYears.join(", ") || "-";
          const y = out.analysis.year;
          setNotices([(t) => fmt(t.checkOkYear, { year: y, years })]);
          setAnnouncement(fmt(STRINGS[lang].checkOkYear, { year: y, years }));
        }
      },
      checkData,
    );

  const analyze = () =>
    void act(
      "reading",
      async (alive) => {
        const r = await host.readSheets();
        if (!alive()) return;
        if (!r.ok) return readFailed(r);
        setBusy("analysing");
        const e = await engine();
        if (!alive()) return;
        if (!e.ok) return failed(e);
        const { runPipeline } = e.value;
        const inputs =
          check === null
            ? adoptSettings(runPipeline(r.value.sheets, { lang, facts: r.value.facts }))
            : { year, strength, urgent };
        const out = pipeline(runPipeline, r.value, inputs);
        showIssues(out);
        if (!out.ok || !out.analysis || !out.report) return;
        const a = out.analysis;
        if (!inputs.year) setYear(String(a.year));
        const made = { file: file?.serial ?? 0, strength: inputs.strength, urgent: inputs.urgent };
        setResult({ analysis: a, report: out.report, made, written: [] });
        setBusy("writing");
        const w = await host.writeSheets(out.sheets);
        if (!w.ok) return failed(w);
        const written = w.value.written;
        setResult({ analysis: a, report: out.report, made, written });
        setSkipped([...new Set([...caps.missingExtras, ...w.value.skipped])]);
        setRejected(w.value.rejected ?? []);
        const names = written.join(", ");
        if (written.length) setNotices([(t) => fmt(caps.kind === "browser" ? t.browserWritten : t.written, { names })]);
        const rating = a.rating ? (lang === "en" ? (RATING_EN[a.rating] ?? a.rating) : a.rating) : a.grade;
        setAnnouncement(fmt(STRINGS[lang].resultAnnounce, { total: a.total.toFixed(2), rating }));
      },
      analyze,
    );

  const createTemplate = () =>
    void act(
      "working",
      async () => {
        const r = await host.createTemplate();
        if (!r.ok) return failed(r);
        const v = r.value;
        setRejected(v.rejected ?? []);
        const lines: Notice[] = [];
        const { downloaded } = v;
        if (downloaded) lines.push((t) => fmt(t.templateDownloaded, { name: downloaded }));
        else {
          if (v.created.length) lines.push((t) => fmt(t.templateCreated, { names: v.created.join(", ") }));
          if (v.existing.length) lines.push((t) => fmt(t.templateExisting, { names: v.existing.join(", ") }));
        }
        lines.push((t) => t.templateNext);
        setTemplateDone(true);
        setNotices(lines);
        setAnnouncement(lines.map((n) => n(STRINGS[lang])).join(" "));
      },
      createTemplate,
    );

  const exportDocx = () =>
    void act(
      "exporting",
      async (alive) => {
        if (!result || stale) return { issue: { code: "NO_ANALYSIS", severity: "error" } };
        if (!caps.canDownload) return { issue: { code: "DOWNLOAD_UNAVAILABLE", severity: "error" } };
        const rep = await makeReport(result.report, result.analysis);
        if (!alive()) return;
        if (!rep.ok) return failed(rep);
        const saved = await host.saveReport(rep.value.bytes, rep.value.name);
        if (!saved.ok) return failed(saved);
        setNotices([(t) => fmt(t.downloaded, { name: saved.value })]);
        setAnnouncement(fmt(STRINGS[lang].downloaded, { name: saved.value }));
      },
      exportDocx,
    );

  const downloadWorkbook = () =>
    void act(
      "working",
      async () => {
        if (!host.downloadWorkbook || stale) return;
        const r = await host.downloadWorkbook();
        if (!r.ok) return failed(r);
        setNotices([(t) => fmt(t.downloaded, { name: r.value })]);
        setAnnouncement(fmt(STRINGS[lang].downloaded, { name: r.value }));
      },
      downloadWorkbook,
    );

  const openFile = (f: File | undefined) => {
    if (!f || !host.openFile) return;
    const open = host.openFile;
    const again = () => openFile(f);
    void act(
      "opening",
      async (alive) => {
        const r: HostResult<{ name: string; modified: number }> = await open(f);
        if (!alive()) return;
        if (!r.ok) return failed(r);
        setFile((prev) => ({ name: r.value.name, modified: r.value.modified, serial: (prev?.serial ?? 0) + 1 }));
        setBusy("reading");
        const s = await host.readSheets();
        if (!alive()) return;
        if (!s.ok) return failed(s);
        const e = await engine();
        if (!alive()) return;
        if (!e.ok) return failed(e);
        adoptSettings(e.value.runPipeline(s.value.sheets, { lang, facts: s.value.facts }));
      },
      again,
    );
  };

  const goTo = (sheet: string, cell?: string) =>
    void (async () => {
      const r = await host.selectCell(sheet, cell);
      if (!r.ok) setProblem(failed(r));
    })();

  return {
    caps,
    lang,
    t,
    theme,
    busy,
    problem,
    notices,
    check,
    year,
    strength,
    urgent,
    strengthN,
    urgentN,
    result,
    stale,
    skipped,
    rejected,
    file,
    templateDone,
    announcement,
    errorFocus,
    actions: {
      toggleLang: () => setLang(lang === "th" ? "en" : "th"),
      setYear,
      setStrength,
      setUrgent,
      checkData,
      analyze,
      createTemplate,
      exportDocx,
      downloadWorkbook,
      openFile,
      cancel,
      retry: () => lastAction.current?.(),
      goTo: (issue: Issue) => issue.sheet && goTo(issue.sheet, issue.cell),
      goToAnalysis: () => goTo(SHEETS.analysis, "A1"),
    },
  };
}

export type Taskpane = ReturnType<typeof useTaskpane>;
