/**
 * State and actions of the "รวมผลหลายหน่วยงาน" mode: the chosen files, the run in workers
 * (progress, cancel), then the summary: written into the open workbook (Office) or offered as
 * downloads (browser), and the summary report (.docx). The consolidation code itself (summary,
 * sheets, document) is a lazy chunk, loaded when a run ends.
 */
import * as React from "react";
import { makeIssue } from "../../core/messages";
import type { Issue, Lang } from "../../core/types";
import type { Consolidation, Failure } from "../../consolidate";
import type { Extra } from "../../excel/capabilities";
import type { SheetSpec } from "../../layout/sheetSpec";
import { fail, type Host, type HostResult } from "../host";
import { safeFileName } from "../download";
import { fmt, STRINGS } from "../strings";
import { CONSOLIDATE_STRINGS } from "./strings";
import type { WorkerLike } from "./pool";
import { chosenFiles, consolidateFiles, type ChosenFile, type Progress } from "./run";

type Lib = typeof import("../../consolidate");

async function lib(): Promise<HostResult<Lib>> {
  try {
    return { ok: true, value: await import(/* webpackChunkName: "consolidate" */ "../../consolidate") };
  } catch {
    return fail("LOAD_FAILED");
  }
}

async function defaultSpawn(): Promise<() => WorkerLike> {
  // eager: spawn.ts is a few lines; the worker it starts is the chunk of its own
  return (await import(/* webpackMode: "eager" */ "./spawn")).spawnWorker;
}

export type Phase = "idle" | "running" | "summarising" | "writing" | "done" | "cancelled";

export interface ConsolidateResult {
  consolidation: Consolidation | null;
  failures: Failure[];
  files: number;
  analysed: number;
  seconds: number;
  specs: SheetSpec[];
  /** Sheets written into the open workbook (Office). */
  written: string[];
  downloaded?: string;
  skipped: Extra[];
  rejected: Extra[];
}

export interface ConsolidateOptions {
  /** Starts a worker (tests give their own); default: the bundled Web Worker. */
  spawn?: () => WorkerLike;
  workers?: number;
  timeoutMs?: number;
}

/** A B.E. year or blank; null when the text is neither. */
export function parseYearField(s: string): number | undefined | null {
  const t = s.trim().replace(/[๐-๙]/g, (d) => String("๐๑๒๓๔๕๖๗๘๙".indexOf(d)));
  if (t === "") return undefined;
  const y = Number(t);
  return Number.isInteger(y) && y >= 2400 && y <= 2800 ? y : null;
}

/** The pane's text and the mode's own. */
function texts(lang: Lang) {
  return { ...STRINGS[lang], ...CONSOLIDATE_STRINGS[lang] };
}

export function useConsolidate(host: Host, lang: Lang, options: ConsolidateOptions = {}) {
  const [chosen, setChosen] = React.useState<ChosenFile[]>([]);
  const [year, setYear] = React.useState("");
  const [phase, setPhase] = React.useState<Phase>("idle");
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [result, setResult] = React.useState<ConsolidateResult | null>(null);
  const [problem, setProblem] = React.useState<Issue | null>(null);
  const [announcement, setAnnouncement] = React.useState("");
  const abort = React.useRef<AbortController | null>(null);
  const t = React.useMemo(() => texts(lang), [lang]);
  const yearN = parseYearField(year);
  const office = host.capabilities.kind === "office";

  const choose = React.useCallback((files: FileList | null, fromFolder: boolean) => {
    if (!files) return;
    setChosen(chosenFiles(files, fromFolder));
    setResult(null);
    setProblem(null);
    setProgress(null);
    setPhase("idle");
  }, []);

  const run = React.useCallback(async () => {
    if (!chosen.length || yearN === null || abort.current) return;
    const controller = new AbortController();
    abort.current = controller;
    setProblem(null);
    setResult(null);
    setPhase("running");
    setProgress({ done: 0, total: chosen.length, errors: 0, filesPerSecond: 0 });
    try {
      let spawn = options.spawn;
      if (!spawn) {
        try {
          spawn = await defaultSpawn();
        } catch {
          setProblem(makeIssue("LOAD_FAILED", "error", {}));
          setPhase("idle");
          return;
        }
      }
      // progress at most ten times a second, and the last
      let last = 0;
      const workers =
        options.workers ?? Math.max(1, Math.min(4, ((globalThis.navigator?.hardwareConcurrency as number) || 2) - 1));
      let r;
      try {
        r = await consolidateFiles(chosen, {
          spawn,
          year: yearN,
          workers,
          timeoutMs: options.timeoutMs,
          signal: controller.signal,
          onProgress: (p) => {
            const now = Date.now();
            if (p.done === p.total || now - last > 100) {
              last = now;
              setProgress(p);
            }
          },
        });
      } catch {
        // the browser could not start a worker
        setProblem(makeIssue("LOAD_FAILED", "error", {}));
        setPhase("idle");
        return;
      }
      if (r.cancelled) {
        setPhase("cancelled");
        setAnnouncement(texts(lang).cCancelled);
        return;
      }
      setPhase("summarising");
      const l = await lib();
      if (!l.ok) {
        setProblem(l.issue);
        setPhase("idle");
        return;
      }
      const done = l.value.finishConsolidation(r.rows, r.failures, yearN, "CONSOLIDATE_OTHER_YEAR_PANE");
      const base: ConsolidateResult = {
        consolidation: done?.consolidation ?? null,
        failures: done?.failures ?? r.failures,
        files: chosen.length,
        analysed: r.analysed,
        seconds: r.seconds,
        specs: [],
        written: [],
        skipped: [],
        rejected: [],
      };
      if (!done) {
        setResult(base);
        setPhase("done");
        setAnnouncement(texts(lang).cNothing);
        return;
      }
      const c = done.consolidation;
      base.specs = l.value.summarySheets(c.summary, c.duplicates, done.failures.length);
      if (office) {
        setPhase("writing");
        const w = await host.saveSummary(base.specs, "");
        if (!w.ok) setProblem(w.issue);
        else {
          base.written = w.value.written;
          base.skipped = w.value.skipped;
          base.rejected = w.value.rejected ?? [];
        }
      }
      setResult(base);
      setPhase("done");
      setAnnouncement(fmt(texts(lang).cDone, { units: c.summary.units, failures: done.failures.length }));
    } finally {
      abort.current = null;
    }
  }, [chosen, yearN, options.spawn, options.workers, options.timeoutMs, office, host, lang]);

  const cancel = React.useCallback(() => abort.current?.abort(), []);

  const downloadXlsx = React.useCallback(async () => {
    if (!result?.consolidation) return;
    const name = safeFileName(`สรุปผล ITA ${result.consolidation.year}.xlsx`);
    const w = await host.saveSummary(result.specs, name);
    if (!w.ok) return setProblem(w.issue);
    setProblem(null);
    setResult({ ...result, downloaded: w.value.downloaded });
    setAnnouncement(fmt(texts(lang).cDownloaded, { name: w.value.downloaded ?? name }));
  }, [host, result, lang]);

  const downloadDocx = React.useCallback(async () => {
    const c = result?.consolidation;
    if (!c) return;
    const l = await lib();
    if (!l.ok) return setProblem(l.issue);
    let bytes: Uint8Array;
    try {
      const docx = await import(/* webpackChunkName: "report" */ "../../docx");
      bytes = await docx.documentsDocx([l.value.summaryDocument(c.summary, c.duplicates)], "thai");
    } catch (err) {
      setProblem(makeIssue("REPORT_FAILED", "error", {}, { detail: err instanceof Error ? err.message : String(err) }));
      return;
    }
    const name = safeFileName(`รายงานสรุปผล ITA ${c.year}.docx`);
    const saved = await host.saveReport(bytes, name);
    if (!saved.ok) return setProblem(saved.issue);
    setProblem(null);
    setAnnouncement(fmt(texts(lang).downloaded, { name }));
  }, [host, result, lang]);

  const goToSheet = React.useCallback(async () => {
    const first = result?.written[0];
    if (first) await host.selectCell(first, "A1");
  }, [host, result]);

  return {
    t,
    chosen,
    year,
    yearValid: yearN !== null,
    phase,
    busy: phase === "running" || phase === "summarising" || phase === "writing",
    progress,
    result,
    problem,
    announcement,
    actions: { choose, setYear, run, cancel, downloadXlsx, downloadDocx, goToSheet },
  };
}
