/**
 * The task pane: create template · check data · analyse · export. Talks only to its Host;
 * the analysis itself is the pure pipeline of src/layout.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Field,
  FluentProvider,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { Analysis } from "../core/analysis";
import type { Issue, Lang, Settings } from "../core/types";
import { parseWorkbook } from "../layout/parse";
import { runPipeline } from "../pipeline";
import type { Extra } from "../excel/capabilities";
import type { Host } from "./host";
import { makeReport } from "./report";
import type { ReportModel } from "../report";
import { EXTRA_NAMES, fmt, location, message, STRINGS, type Strings } from "./strings";
import { appTheme } from "./theme";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: "12px",
    padding: "12px",
    minHeight: "100vh",
    boxSizing: "border-box",
    maxWidth: "560px",
    marginLeft: "auto",
    marginRight: "auto",
    lineHeight: "1.5",
  },
  header: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", columnGap: "8px" },
  lang: { flexShrink: 0, whiteSpace: "nowrap" },
  h1: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  subtitle: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: "8px",
    padding: "10px 12px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  h2: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  help: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
  row: { display: "flex", columnGap: "8px", flexWrap: "wrap", rowGap: "8px" },
  grow: { flexGrow: 1, minWidth: "120px" },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "12px",
    textAlign: "center",
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    rowGap: "6px",
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  issues: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "6px" },
  issue: { display: "flex", flexDirection: "column", rowGap: "2px", fontSize: tokens.fontSizeBase200 },
  where: { color: tokens.colorNeutralForeground3 },
  totalRow: { display: "flex", alignItems: "baseline", columnGap: "10px", flexWrap: "wrap" },
  total: { fontSize: "32px", fontWeight: tokens.fontWeightBold, lineHeight: "40px" },
  tools: { display: "grid", gridTemplateColumns: "repeat(3, 1fr)", columnGap: "6px", margin: 0 },
  tool: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    padding: "4px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  toolScore: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200 },
  h3: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: "4px 0 0 0" },
});

type Busy = null | "reading" | "analysing" | "writing" | "exporting" | "opening" | "working";

interface CheckState {
  errors: Issue[];
  warnings: Issue[];
  years: number[];
  completeYears: number[];
}

interface ResultState {
  analysis: Analysis;
  report: ReportModel;
}

export interface AppProps {
  host: Host;
  initialLang?: Lang;
}

const two = (n: number) => n.toFixed(2);

function validThreshold(s: string): number | null {
  const n = Number(s.trim());
  return s.trim() !== "" && Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

export function App({ host, initialLang = "th" }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const t: Strings = STRINGS[lang];
  const caps = host.capabilities;
  const [busy, setBusy] = React.useState<Busy>(null);
  const [problem, setProblem] = React.useState<Issue | null>(null);
  // notices are kept as functions of the strings, so they follow a language switch
  const [notices, setNotices] = React.useState<Array<(t: Strings) => string>>([]);
  const [check, setCheck] = React.useState<CheckState | null>(null);
  const [year, setYear] = React.useState<string>("");
  const [strength, setStrength] = React.useState("85");
  const [urgent, setUrgent] = React.useState("70");
  const [result, setResult] = React.useState<ResultState | null>(null);
  const [skipped, setSkipped] = React.useState<Extra[]>(caps.missingExtras);
  const [rejected, setRejected] = React.useState<Extra[]>([]);
  const [fileName, setFileName] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [analysed, setAnalysed] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const needsFile = caps.kind === "browser" && !fileName;
  const strengthN = validThreshold(strength);
  const urgentN = validThreshold(urgent);

  /** Runs an action with a progress label; the previous results stay on screen if it fails. */
  async function act(label: Busy, fn: () => Promise<void>): Promise<void> {
    setBusy(label);
    setProblem(null);
    setNotices([]);
    try {
      await fn();
    } catch (err) {
      // a bug, not a user error: still shown as a message, never thrown into React
      setProblem({
        code: "EXCEL_FAILED",
        severity: "error",
        params: { detail: err instanceof Error ? err.message : String(err) },
      });
    } finally {
      setBusy(null);
    }
  }

  function applyCheck(c: CheckState, settings: Settings | null, keepInputs: boolean) {
    setCheck(c);
    if (keepInputs) return;
    const preferred = settings?.year;
    const latest = c.completeYears[c.completeYears.length - 1];
    setYear(String(preferred && c.years.includes(preferred) ? preferred : (latest ?? "")));
    if (settings) {
      setStrength(String(settings.thresholds.strength));
      setUrgent(String(settings.thresholds.urgent));
    }
  }

  const checkData = () =>
    act("reading", async () => {
      const r = await host.readSheets();
      if (!r.ok) return setProblem(r.issue);
      const p = parseWorkbook(r.value.sheets, r.value.facts);
      applyCheck(p, p.input?.settings ?? null, false);
      if (!p.errors.length) setNotices([(t) => fmt(t.checkOk, { years: p.completeYears.join(", ") || "-" })]);
    });

  const analyse = () =>
    act("reading", async () => {
      const r = await host.readSheets();
      if (!r.ok) return setProblem(r.issue);
      setBusy("analysing");
      const thresholds = { strength: strengthN ?? undefined, urgent: urgentN ?? undefined };
      const out = runPipeline(r.value.sheets, {
        year: year ? Number(year) : undefined,
        thresholds: Object.fromEntries(Object.entries(thresholds).filter(([, v]) => v !== undefined)),
        lang,
        facts: r.value.facts,
      });
      applyCheck(
        { ...out.parse, errors: out.errors, warnings: out.warnings },
        out.parse.input?.settings ?? null,
        check !== null,
      );
      if (!out.ok || !out.analysis || !out.parse.input) return;
      setResult({ analysis: out.analysis, report: out.report! });
      setBusy("writing");
      const w = await host.writeSheets(out.sheets);
      if (!w.ok) return setProblem(w.issue);
      setAnalysed(true);
      setSkipped([...new Set([...caps.missingExtras, ...w.value.skipped])]);
      setRejected(w.value.rejected ?? []);
      setNotices([(t) => fmt(t.written, { names: w.value.written.join(", ") })]);
    });

  const createTemplate = () =>
    act("working", async () => {
      const r = await host.createTemplate();
      if (!r.ok) return setProblem(r.issue);
      const v = r.value;
      setRejected(v.rejected ?? []);
      const lines: Array<(t: Strings) => string> = [];
      const { downloaded } = v;
      if (downloaded) lines.push((t) => fmt(t.templateDownloaded, { name: downloaded }));
      else {
        if (v.created.length) lines.push((t) => fmt(t.templateCreated, { names: v.created.join(", ") }));
        if (v.existing.length) lines.push((t) => fmt(t.templateExisting, { names: v.existing.join(", ") }));
      }
      setNotices(lines);
    });

  const exportDocx = () =>
    act("exporting", async () => {
      if (!result) return setProblem({ code: "NO_ANALYSIS", severity: "error" });
      if (!caps.canDownload) return setProblem({ code: "DOWNLOAD_UNAVAILABLE", severity: "error" });
      const rep = await makeReport(result.report, result.analysis);
      if (!rep.ok) return setProblem(rep.issue);
      const saved = await host.saveReport(rep.value.bytes, rep.value.name);
      if (!saved.ok) return setProblem(saved.issue);
      setNotices([(t) => fmt(t.downloaded, { name: saved.value })]);
    });

  const downloadWorkbook = () =>
    act("working", async () => {
      if (!host.downloadWorkbook) return;
      const r = await host.downloadWorkbook();
      if (!r.ok) return setProblem(r.issue);
      setNotices([(t) => fmt(t.downloaded, { name: r.value })]);
    });

  const openFile = (f: File | undefined) => {
    if (!f || !host.openFile) return;
    const open = host.openFile;
    void act("opening", async () => {
      const r = await open(f);
      if (!r.ok) return setProblem(r.issue);
      setFileName(r.value.name);
      setResult(null);
      setAnalysed(false);
      setBusy("reading");
      const s = await host.readSheets();
      if (!s.ok) return setProblem(s.issue);
      const p = parseWorkbook(s.value.sheets, s.value.facts);
      applyCheck(p, p.input?.settings ?? null, false);
    });
  };

  const goTo = (issue: Issue) =>
    void (async () => {
      if (!issue.sheet) return;
      const r = await host.selectCell(issue.sheet, issue.cell);
      if (!r.ok) setProblem(r.issue);
    })();

  const disabled = busy !== null;
  const progressLabel = busy ? t[busy === "working" ? "working" : busy] : "";

  return (
    <FluentProvider theme={appTheme(caps.theme)} lang={lang}>
      <main className={styles.root} aria-busy={disabled}>
        <header className={styles.header}>
          <div>
            <h1 className={styles.h1}>{t.appTitle}</h1>
            <p className={styles.subtitle}>{t.appSubtitle}</p>
          </div>
          <Button
            className={styles.lang}
            size="small"
            appearance="subtle"
            aria-label={t.languageLabel}
            onClick={() => setLang(lang === "th" ? "en" : "th")}
          >
            {t.language}
          </Button>
        </header>

        {caps.kind === "browser" && (
          <Step styles={styles} id="file-h" title={t.chooseFile}>
            <p className={styles.help}>{t.browserMode}</p>
            <div
              className={`${styles.drop} ${dragging ? styles.dropActive : ""}`}
              data-testid="dropzone"
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                openFile(e.dataTransfer.files[0]);
              }}
            >
              <input
                ref={fileInput}
                id="file-input"
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                className={styles.hidden}
                tabIndex={-1}
                aria-hidden="true"
                onChange={(e) => {
                  openFile(e.target.files?.[0]);
                  e.target.value = "";
                }}
              />
              <Button appearance="primary" disabled={disabled} onClick={() => fileInput.current?.click()}>
                {t.chooseFile}
              </Button>
              <span className={styles.help}>{fileName ? fmt(t.fileLoaded, { name: fileName }) : t.dropHint}</span>
            </div>
          </Step>
        )}

        <div aria-live="polite" role="status">
          {busy && <Spinner size="tiny" label={progressLabel} labelPosition="after" />}
        </div>

        {problem && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{message(problem, lang)}</MessageBarBody>
          </MessageBar>
        )}
        {notices.map((n, i) => (
          <MessageBar key={i} intent="success">
            <MessageBarBody>{n(t)}</MessageBarBody>
          </MessageBar>
        ))}
        {skipped.length > 0 && (caps.kind !== "browser" || analysed) && (
          <MessageBar intent="warning">
            <MessageBarBody>
              {fmt(t.skippedExtras, { list: skipped.map((e) => EXTRA_NAMES[e][lang]).join(", ") })}
            </MessageBarBody>
          </MessageBar>
        )}
        {rejected.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              {fmt(t.rejectedExtras, { list: rejected.map((e) => EXTRA_NAMES[e][lang]).join(", ") })}
            </MessageBarBody>
          </MessageBar>
        )}
        {caps.kind === "office" && !caps.canDownload && (
          <MessageBar intent="info">
            <MessageBarBody>{t.macNote}</MessageBarBody>
          </MessageBar>
        )}

        {result && <ResultView styles={styles} t={t} analysis={result.analysis} />}

        <Step styles={styles} id="step1" title={t.stepTemplate}>
          <p className={styles.help}>{caps.kind === "browser" ? t.templateBrowserHelp : t.templateHelp}</p>
          <div className={styles.row}>
            <Button disabled={disabled} onClick={createTemplate}>
              {caps.kind === "browser" ? t.downloadTemplate : t.createTemplate}
            </Button>
          </div>
        </Step>

        <Step styles={styles} id="step2" title={t.stepCheck}>
          <div className={styles.row}>
            <Button disabled={disabled || needsFile} onClick={checkData}>
              {t.checkData}
            </Button>
          </div>
          {check && (
            <IssueList styles={styles} t={t} lang={lang} check={check} canSelect={caps.canSelectCell} onSelect={goTo} />
          )}
        </Step>

        <Step styles={styles} id="step3" title={t.stepAnalyse}>
          <Field label={t.year}>
            <Select value={year} onChange={(_, d) => setYear(d.value)} disabled={disabled}>
              <option value="">{t.yearLatest}</option>
              {[...(check?.years ?? [])].reverse().map((y) => (
                <option key={y} value={String(y)}>
                  {y} {check?.completeYears.includes(y) ? "" : t.incomplete}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.row}>
            <ThresholdField
              className={styles.grow}
              label={t.strength}
              value={strength}
              valid={strengthN !== null}
              onChange={setStrength}
            />
            <ThresholdField
              className={styles.grow}
              label={t.urgent}
              value={urgent}
              valid={urgentN !== null}
              onChange={setUrgent}
            />
          </div>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={disabled || needsFile || strengthN === null || urgentN === null}
              onClick={analyse}
            >
              {t.analyse}
            </Button>
          </div>
        </Step>

        <Step styles={styles} id="step4" title={t.stepExport}>
          <div className={styles.row}>
            <Button disabled={disabled || !result} onClick={exportDocx}>
              {t.exportDocx}
            </Button>
            {host.downloadWorkbook && (
              <Button disabled={disabled || !analysed} onClick={downloadWorkbook}>
                {t.downloadWorkbook}
              </Button>
            )}
          </div>
        </Step>
      </main>
    </FluentProvider>
  );
}

type Styles = ReturnType<typeof useStyles>;

/** A threshold input, 0–100. */
function ThresholdField(props: {
  className: string;
  label: string;
  value: string;
  valid: boolean;
  onChange: (value: string) => void;
}): React.JSX.Element {
  return (
    <Field className={props.className} label={props.label} validationMessage={props.valid ? undefined : "0–100"}>
      <Input
        type="number"
        inputMode="decimal"
        min={0}
        max={100}
        value={props.value}
        onChange={(_, d) => props.onChange(d.value)}
      />
    </Field>
  );
}

/** A titled step of the pane: a section labelled by its heading. */
function Step(props: { styles: Styles; id: string; title: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <section className={props.styles.section} aria-labelledby={props.id}>
      <h2 id={props.id} className={props.styles.h2}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

function IssueList(props: {
  styles: Styles;
  t: Strings;
  lang: Lang;
  check: CheckState;
  canSelect: boolean;
  onSelect: (i: Issue) => void;
}) {
  const { styles, t, lang, check, canSelect, onSelect } = props;
  const groups: Array<[string, Issue[], "error" | "warning"]> = [
    [fmt(t.errors, { n: check.errors.length }), check.errors, "error"],
    [fmt(t.warnings, { n: check.warnings.length }), check.warnings, "warning"],
  ];
  return (
    <>
      {groups
        .filter(([, list]) => list.length > 0)
        .map(([title, list, intent]) => (
          <MessageBar key={intent} intent={intent} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{title}</MessageBarTitle>
              <ul className={styles.issues} aria-label={title}>
                {list.map((issue, i) => {
                  const where = location(issue, lang);
                  return (
                    <li key={i} className={styles.issue}>
                      <span>{message(issue, lang)}</span>
                      {where && (
                        <span className={styles.where}>
                          {canSelect ? (
                            <Button
                              size="small"
                              appearance="transparent"
                              aria-label={`${t.goToCell}: ${where}`}
                              onClick={() => onSelect(issue)}
                            >
                              {where}
                            </Button>
                          ) : (
                            where
                          )}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ))}
    </>
  );
}

function ResultView({ styles, t, analysis: a }: { styles: Styles; t: Strings; analysis: Analysis }) {
  const name = (no: number) => a.indicators.find((i) => i.no === no);
  const line = (no: number) => {
    const i = name(no);
    return i ? fmt(t.indicator, { no, name: i.name, score: two(i.score) }) : String(no);
  };
  const list = (title: string, nos: number[], testId: string) => (
    <>
      <h3 className={styles.h3}>{title}</h3>
      <ul className={styles.list} data-testid={testId}>
        {nos.length ? nos.map((n) => <li key={n}>{line(n)}</li>) : <li>{t.none}</li>}
      </ul>
    </>
  );
  return (
    <section className={styles.section} aria-labelledby="result-h" data-testid="result">
      <h2 id="result-h" className={styles.h2}>
        {t.result}: {fmt(t.unitYear, { unit: a.unit.name || "-", year: a.year })}
      </h2>
      <div className={styles.totalRow}>
        <span className={styles.total} data-testid="total" aria-label={`${t.total} ${two(a.total)}`}>
          {two(a.total)}
        </span>
        <Badge
          size="large"
          appearance="filled"
          color={a.pass ? "success" : "danger"}
          data-testid="level"
          aria-label={`${t.level} ${a.rating ?? a.grade}`}
        >
          {a.rating ?? a.grade}
        </Badge>
        {a.rating && <Badge appearance="outline">{`${t.level} ${a.grade}`}</Badge>}
      </div>
      <span className={styles.help}>{a.pass ? t.passed : t.notPassed}</span>
      <h3 className={styles.h3}>{t.tools}</h3>
      <dl className={styles.tools}>
        {(["IIT", "EIT", "OIT"] as const).map((tool) => (
          <div key={tool} className={styles.tool}>
            <dt>{tool}</dt>
            <dd className={styles.toolScore} style={{ margin: 0 }}>
              {two(a.tools[tool])}
            </dd>
          </div>
        ))}
      </dl>
      {list(t.strengths, a.strengths, "strengths")}
      {list(t.urgentList, a.urgent, "urgent")}
      {list(t.improveList, a.improve, "improve")}
    </section>
  );
}
