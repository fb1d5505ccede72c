import * as React from "react";
import { Button, Field, Input, ProgressBar, Spinner } from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import type { Lang } from "../../core/types";
import type { useConsolidate } from "../consolidate/useConsolidate";
import { cellRef, fmt, message, RATING_EN } from "../strings";
import { Note } from "./Note";
import { Step } from "./Step";
import type { Styles } from "./styles";

const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The "รวมผลหลายหน่วยงาน" mode: choose many unit workbooks (files or a folder), consolidate them
 * in a worker with progress and cancel, then the summary: written into the open workbook
 * (Office) or downloaded (browser), and the summary report (.docx).
 */
export function ConsolidateView(props: {
  styles: Styles;
  lang: Lang;
  kind: "office" | "browser";
  canDownload: boolean;
  state: ReturnType<typeof useConsolidate>;
}) {
  const { styles, lang, kind, canDownload, state } = props;
  const { t, chosen, phase, progress, result, problem, busy, actions } = state;
  const files = React.useRef<HTMLInputElement>(null);
  const folder = React.useRef<HTMLInputElement>(null);
  const yearId = React.useId();
  const c = result?.consolidation ?? null;
  const number = (x: number, d = 2) =>
    x.toLocaleString(lang === "th" ? "th-TH" : "en-GB", { minimumFractionDigits: d, maximumFractionDigits: d });
  const resultLabel = (r: string) => (lang === "en" ? (RATING_EN[r] ?? r) : r);

  return (
    <>
      <Step styles={styles} id="c-files-h" title={t.cStepFiles}>
        <p className={styles.help}>{t.cHelp}</p>
        <input
          ref={files}
          type="file"
          multiple
          accept={XLSX_ACCEPT}
          className={styles.hidden}
          tabIndex={-1}
          aria-hidden="true"
          data-testid="c-files"
          onChange={(e) => {
            actions.choose(e.target.files, false);
            e.target.value = "";
          }}
        />
        <input
          ref={folder}
          type="file"
          multiple
          className={styles.hidden}
          tabIndex={-1}
          aria-hidden="true"
          data-testid="c-folder"
          {...{ webkitdirectory: "" }}
          onChange={(e) => {
            actions.choose(e.target.files, true);
            e.target.value = "";
          }}
        />
        <div className={styles.row}>
          <Button
            appearance={chosen.length ? "secondary" : "primary"}
            disabledFocusable={busy}
            onClick={() => files.current?.click()}
          >
            {t.cChooseFiles}
          </Button>
          <Button icon={<FolderOpenRegular />} disabledFocusable={busy} onClick={() => folder.current?.click()}>
            {t.cChooseFolder}
          </Button>
        </div>
        <p className={styles.help} data-testid="c-chosen">
          {chosen.length ? fmt(t.cChosen, { n: chosen.length }) : t.cNoneChosen}
        </p>
        <Field
          label={t.cYear}
          hint={t.cYearHint}
          validationState={state.yearValid ? "none" : "error"}
          validationMessage={state.yearValid ? undefined : t.cYearInvalid}
        >
          <Input
            id={yearId}
            inputMode="numeric"
            value={state.year}
            disabled={busy}
            onChange={(_, d) => actions.setYear(d.value)}
          />
        </Field>
      </Step>

      <Step styles={styles} id="c-run-h" title={t.cStepRun}>
        <p className={styles.help}>{kind === "office" ? t.cRunHelpOffice : t.cRunHelpBrowser}</p>
        <div className={styles.row}>
          <Button
            appearance={chosen.length && !c ? "primary" : "secondary"}
            disabledFocusable={busy || !chosen.length || !state.yearValid}
            onClick={() => void actions.run()}
          >
            {t.cRun}
          </Button>
        </div>
        {progress && phase === "running" && (
          <div data-testid="c-progress" className={styles.errorBox}>
            <Field label={t.cProgressLabel} validationMessage={undefined}>
              <ProgressBar value={progress.total ? progress.done / progress.total : 0} thickness="large" />
            </Field>
            <div className={styles.row}>
              <span className={styles.help} data-testid="c-progress-text">
                {fmt(t.cProgress, {
                  done: progress.done,
                  total: progress.total,
                  rate: number(progress.filesPerSecond, 1),
                  errors: progress.errors,
                })}
              </span>
              <Button size="small" onClick={actions.cancel}>
                {t.cancel}
              </Button>
            </div>
          </div>
        )}
        {(phase === "summarising" || phase === "writing") && (
          <Spinner size="tiny" labelPosition="after" label={phase === "writing" ? t.cWriting : t.cSummarising} />
        )}
        {phase === "cancelled" && <Note intent="info">{t.cCancelled}</Note>}
      </Step>

      {problem && (
        <Note intent="error" role="alert" testId="c-problem">
          {message(problem, lang)}
        </Note>
      )}

      {result && (
        <section className={styles.section} aria-labelledby="c-result-h" data-testid="c-result">
          <h2 id="c-result-h" className={styles.h2}>
            {c ? fmt(t.cResult, { year: c.year }) : t.result}
          </h2>
          {!c && <Note intent="error">{t.cNothing}</Note>}
          {c && (
            <>
              <dl className={styles.tools}>
                <div className={styles.tool}>
                  <dd className={styles.toolScore} data-testid="c-units">
                    {c.summary.units}
                  </dd>
                  <dt className={styles.toolChange}>{t.cUnits}</dt>
                </div>
                <div className={styles.tool}>
                  <dd className={styles.toolScore} data-testid="c-mean">
                    {number(c.summary.meanTotal)}
                  </dd>
                  <dt className={styles.toolChange}>{t.cMean}</dt>
                </div>
                <div className={styles.tool}>
                  <dd className={styles.toolScore} data-testid="c-passed">
                    {c.summary.passed}
                  </dd>
                  <dt className={styles.toolChange}>{fmt(t.cPassed, { mark: c.summary.passMark })}</dt>
                </div>
              </dl>
              <p className={styles.help}>
                {fmt(t.cSummaryLine, {
                  units: c.summary.units,
                  files: result.files,
                  analysed: result.analysed,
                  secs: number(result.seconds, 1),
                })}
              </p>
              <ul className={styles.list} aria-label={t.rating}>
                {c.summary.results.map((r, i) => (
                  <li key={r}>
                    {resultLabel(r)}: {c.summary.byResult[i]}
                  </li>
                ))}
              </ul>
              {result.written.length > 0 && (
                <Note intent="success">{fmt(t.cWritten, { names: result.written.join(", ") })}</Note>
              )}
              {result.downloaded && <Note intent="success">{fmt(t.cDownloaded, { name: result.downloaded })}</Note>}
              <div className={styles.row}>
                {kind === "office" && result.written.length > 0 && (
                  <Button onClick={() => void actions.goToSheet()}>{t.cGoToSheet}</Button>
                )}
                {kind === "browser" && (
                  <Button
                    appearance="primary"
                    icon={<ArrowDownloadRegular />}
                    onClick={() => void actions.downloadXlsx()}
                  >
                    {t.cDownloadXlsx}
                  </Button>
                )}
                {canDownload && (
                  <Button icon={<ArrowDownloadRegular />} onClick={() => void actions.downloadDocx()}>
                    {t.cDownloadDocx}
                  </Button>
                )}
              </div>
              {c.duplicates.length > 0 && (
                <>
                  <h3 className={styles.h3}>{fmt(t.cDuplicates, { n: c.duplicates.length })}</h3>
                  <ul className={styles.list} data-testid="c-duplicates">
                    {c.duplicates.map((d, i) => (
                      <li key={i}>
                        {fmt(t.cDuplicate, { unit: d.unit, year: d.year, used: d.used, ignored: d.ignored.join(", ") })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
          {result.failures.length > 0 && (
            <>
              <h3 className={styles.h3}>{fmt(t.cFailures, { n: result.failures.length })}</h3>
              <ul className={styles.issues} data-testid="c-failures">
                {result.failures.map((f, i) => (
                  <li key={i} className={styles.issue}>
                    <strong>{f.file}</strong>
                    {f.errors.map((e, k) => (
                      <span key={k}>
                        {message(e, lang)}
                        {cellRef(e) && <span className={styles.where}> ({cellRef(e)})</span>}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
