/**
 * The task pane: create template · check data · analyse · export. State and actions live in
 * useTaskpane; the steps and the result are components that get what they need as props.
 * Talks only to its Host; the analysis itself is the pure pipeline (src/pipeline.ts).
 */
import * as React from "react";
import { Button, FluentProvider, Spinner, tokens } from "@fluentui/react-components";
import type { Lang } from "../core/types";
import type { Host } from "./host";
import { appTheme } from "./theme";
import { useTaskpane } from "./useTaskpane";
import { FileStep } from "./components/FileStep";
import { Header } from "./components/Header";
import { IssueList } from "./components/IssueList";
import { ResultView } from "./components/ResultView";
import { StatusArea } from "./components/StatusArea";
import { AnalyzeStep, CheckStep, ExportStep, TemplateStep } from "./components/Steps";
import { useStyles } from "./components/styles";
import { Welcome } from "./components/Welcome";
import type { ConsolidateOptions } from "./consolidate/useConsolidate";

/** The consolidation mode: a chunk of its own, loaded when first chosen. */
const ConsolidateMode = React.lazy(
  () => import(/* webpackChunkName: "consolidate-mode" */ "./components/ConsolidateMode"),
);

export interface AppProps {
  host: Host;
  initialLang?: Lang;
  /** The consolidation mode's workers (tests give their own). */
  consolidate?: ConsolidateOptions;
}

export function App({ host, initialLang = "th", consolidate }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const s = useTaskpane(host, initialLang);
  const [mode, setMode] = React.useState<"unit" | "consolidate">("unit");
  /** Opened once: stays mounted (hidden) so its files and result survive a switch. */
  const [consOpened, setConsOpened] = React.useState(false);
  const [consBusy, setConsBusy] = React.useState(false);
  const cons = { busy: consBusy };
  const { caps, t, lang, actions, result, check, busy } = s;
  const fileInput = React.useRef<HTMLInputElement>(null);
  const theme = React.useMemo(() => appTheme(s.theme), [s.theme]);

  // the page behind the pane follows the theme (no white edge, no white flash on re-render)
  React.useEffect(() => {
    document.body.dataset.theme = s.theme.kind;
    document.body.style.backgroundColor = theme.colorNeutralBackground2;
    document.body.style.colorScheme = s.theme.kind;
  }, [s.theme.kind, theme]);

  const browser = caps.kind === "browser";
  const needsFile = browser && !s.file;
  const isBusy = busy !== null;
  const current = result !== null && !s.stale;
  const wroteSomething = (result?.written.length ?? 0) > 0;
  // one primary action per state
  const noLayout = !s.templateDone && (check?.errors.some((e) => e.code === "SHEET_MISSING") ?? false);
  const primary: "file" | "template" | "analyze" | "docx" | "xlsx" = needsFile
    ? "file"
    : noLayout
      ? "template"
      : current && wroteSomething
        ? browser
          ? "xlsx"
          : caps.canDownload
            ? "docx"
            : "analyze"
        : "analyze";
  const showWelcome = !result && !check && !s.file && !s.templateDone;

  return (
    <FluentProvider theme={theme} lang={lang} style={{ backgroundColor: tokens.colorNeutralBackground2 }}>
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.live} data-testid="live">
        {mode === "consolidate" ? "" : s.announcement}
      </div>
      <main className={styles.root} aria-busy={isBusy || cons.busy}>
        <Header styles={styles} t={t} lang={lang} onToggleLang={actions.toggleLang} />
        {/* the two tasks: two pressed buttons (Fluent's TabList would add ~30 KB gzipped to the first load) */}
        <div role="group" aria-label={t.modeLabel} className={styles.row}>
          <Button
            size="small"
            aria-pressed={mode === "unit"}
            appearance={mode === "unit" ? "primary" : "subtle"}
            disabledFocusable={cons.busy}
            onClick={() => setMode("unit")}
          >
            {t.modeUnit}
          </Button>
          <Button
            size="small"
            aria-pressed={mode === "consolidate"}
            appearance={mode === "consolidate" ? "primary" : "subtle"}
            disabledFocusable={isBusy}
            onClick={() => {
              setMode("consolidate");
              setConsOpened(true);
            }}
            data-testid="mode-consolidate"
          >
            {t.modeConsolidate}
          </Button>
        </div>
        {consOpened && (
          <React.Suspense fallback={<Spinner size="tiny" label={t.working} labelPosition="after" />}>
            <ConsolidateMode
              host={host}
              lang={lang}
              hidden={mode !== "consolidate"}
              options={consolidate}
              onBusy={setConsBusy}
            />
          </React.Suspense>
        )}
        {mode === "consolidate" ? null : (
          <>
            {showWelcome && <Welcome styles={styles} t={t} kind={caps.kind} />}
            {browser && (
              <FileStep
                styles={styles}
                t={t}
                lang={lang}
                file={s.file}
                busy={isBusy}
                primary={primary === "file"}
                inputRef={fileInput}
                onFile={actions.openFile}
              />
            )}
            <StatusArea
              styles={styles}
              t={t}
              lang={lang}
              kind={caps.kind}
              busy={busy}
              cancellable={busy !== "writing"}
              problem={s.problem}
              notices={s.notices}
              skipped={s.skipped}
              showSkipped={!browser || wroteSomething}
              rejected={s.rejected}
              macNote={caps.kind === "office" && !caps.canDownload}
              onCancel={actions.cancel}
              onRetry={actions.retry}
              onChooseFile={() => fileInput.current?.click()}
            />
            {check && (
              <IssueList
                styles={styles}
                t={t}
                lang={lang}
                errors={check.errors}
                warnings={check.warnings}
                canSelect={caps.canSelectCell}
                focusKey={s.errorFocus}
                onSelect={actions.goTo}
              />
            )}
            {result && (
              <ResultView
                styles={styles}
                t={t}
                lang={lang}
                analysis={result.analysis}
                stale={s.stale}
                canGoToSheet={caps.kind === "office" && wroteSomething}
                onGoToSheet={actions.goToAnalysis}
              />
            )}
            <TemplateStep
              styles={styles}
              t={t}
              kind={caps.kind}
              busy={isBusy}
              primary={primary === "template"}
              onCreate={actions.createTemplate}
            />
            <CheckStep styles={styles} t={t} disabled={isBusy || needsFile} onCheck={actions.checkData} />
            <AnalyzeStep
              styles={styles}
              t={t}
              years={check?.years ?? []}
              completeYears={check?.completeYears ?? []}
              year={s.year}
              strength={s.strength}
              urgent={s.urgent}
              strengthValid={s.strengthN !== null}
              urgentValid={s.urgentN !== null}
              busy={isBusy}
              disabled={needsFile || s.strengthN === null || s.urgentN === null}
              primary={primary === "analyze"}
              onYear={actions.setYear}
              onStrength={actions.setStrength}
              onUrgent={actions.setUrgent}
              onAnalyze={actions.analyze}
            />
            <ExportStep
              styles={styles}
              t={t}
              canDownloadWorkbook={Boolean(host.downloadWorkbook)}
              busy={isBusy}
              ready={current}
              workbookReady={current && wroteSomething}
              primary={primary === "docx" ? "docx" : primary === "xlsx" ? "xlsx" : null}
              onDocx={actions.exportDocx}
              onWorkbook={actions.downloadWorkbook}
            />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
