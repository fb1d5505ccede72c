import type * as React from "react";
import { Badge, Button } from "@fluentui/react-components";
import type { Analysis } from "../../core/analysis";
import type { Lang } from "../../core/types";
import { fmt, RATING_EN, type Strings } from "../strings";
import { IndicatorChart } from "./IndicatorChart";
import { Note } from "./Note";
import type { Styles } from "./styles";

const two = (n: number) => n.toFixed(2);
const signed = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n).toFixed(2)}`;

/** ▲ +1.23 / ▼ −0.50 / ▬ ±0.00, the arrow hidden from screen readers (the sign says it). */
function Delta(props: { styles: Styles; value: number | null }) {
  const { styles, value } = props;
  if (value === null) return null;
  const cls = value > 0 ? styles.up : value < 0 ? styles.down : styles.flat;
  return (
    <span className={cls}>
      <span aria-hidden="true">{value > 0 ? "▲" : value < 0 ? "▼" : "▬"}</span> {signed(value)}
    </span>
  );
}

/** Thai data inside the English UI carries lang="th". */
function Th(props: { lang: Lang; children: React.ReactNode }) {
  return props.lang === "en" ? <span lang="th">{props.children}</span> : <>{props.children}</>;
}

export function ResultView(props: {
  styles: Styles;
  t: Strings;
  lang: Lang;
  analysis: Analysis;
  stale: boolean;
  canGoToSheet: boolean;
  onGoToSheet: () => void;
}) {
  const { styles, t, lang, analysis: a } = props;
  const ind = (no: number) => a.indicators.find((i) => i.no === no);
  const line = (no: number, withChange = false) => {
    const i = ind(no);
    if (!i) return <>{String(no)}</>;
    return (
      <>
        {fmt(t.indicator, { no, name: "\u0000", score: two(i.score) })
          .split("\u0000")
          .map((part, k) =>
            k === 0 ? (
              <span key={k}>{part}</span>
            ) : (
              <span key={k}>
                <Th lang={lang}>{i.name}</Th>
                {part}
              </span>
            ),
          )}
        {withChange && i.change !== null && (
          <>
            {" "}
            <Delta styles={styles} value={i.change} />
          </>
        )}
      </>
    );
  };
  const list = (title: string, nos: number[], testId: string, withChange = false) => (
    <>
      <h3 className={styles.h3}>{title}</h3>
      <ul className={styles.list} data-testid={testId}>
        {nos.length ? nos.map((n) => <li key={n}>{line(n, withChange)}</li>) : <li>{t.none}</li>}
      </ul>
    </>
  );
  const ratingText = a.rating ? (lang === "en" ? (RATING_EN[a.rating] ?? a.rating) : a.rating) : a.grade;
  const next = a.plan.find((p) => typeof p.target === "string");
  const st = a.measures.byStatus;
  return (
    <section className={styles.section} aria-labelledby="result-h" data-testid="result">
      <h2 id="result-h" className={styles.h2}>
        {t.result}:{" "}
        {fmt(t.unitYear, { unit: "\u0000", year: a.year })
          .split("\u0000")
          .map((part, k) => (
            <span key={k}>
              {k > 0 && <Th lang={lang}>{a.unit.name || "-"}</Th>}
              {part}
            </span>
          ))}
      </h2>
      {props.stale && (
        <Note intent="warning" testId="stale">
          {t.stale}
        </Note>
      )}
      <div className={styles.totalRow}>
        <span className={styles.totalLabel}>{t.total}</span>
        <span className={styles.total} data-testid="total">
          {two(a.total)}
        </span>
        <Badge size="large" appearance="filled" color={a.pass ? "success" : "danger"} data-testid="level">
          {a.rating && lang === "en" ? <span lang="en">{ratingText}</span> : ratingText}
        </Badge>
        {a.rating && <Badge appearance="outline">{fmt(t.letterGrade, { grade: a.grade })}</Badge>}
      </div>
      <span className={styles.help} data-testid="change">
        {a.change ? (
          <>
            <Delta styles={styles} value={a.change.total} /> {fmt(t.change, { from: a.change.from })}
          </>
        ) : (
          t.noChange
        )}
      </span>
      <h3 className={styles.h3}>{t.tools}</h3>
      <dl className={styles.tools}>
        {(["IIT", "EIT", "OIT"] as const).map((tool) => {
          const c = a.change?.byTool.find((x) => x.tool === tool);
          return (
            <div key={tool} className={styles.tool}>
              <dt>{tool}</dt>
              <dd className={styles.toolScore}>{two(a.tools[tool])}</dd>
              {c && (
                <dd className={styles.toolChange}>
                  <Delta styles={styles} value={c.change} />
                </dd>
              )}
            </div>
          );
        })}
      </dl>
      {list(t.urgentList, a.urgent, "urgent", true)}
      {list(t.improveList, a.improve, "improve", true)}
      <h3 className={styles.h3}>{t.lowestPerTool}</h3>
      <ul className={styles.list} data-testid="lowest">
        {(["IIT", "EIT", "OIT"] as const).map((tool) => (
          <li key={tool}>
            {tool}: {line(a.lowestPerTool[tool])}
          </li>
        ))}
      </ul>
      <h3 className={styles.h3}>{t.measures}</h3>
      <p className={styles.help} data-testid="measures">
        {fmt(t.measuresStatus, {
          count: a.measures.count,
          done: st.done,
          inProgress: st.inProgress,
          notStarted: st.notStarted,
          unknown: st.unknown,
        })}
      </p>
      {list(t.uncovered, a.measures.uncovered, "uncovered")}
      {next && (
        <>
          <h3 className={styles.h3}>
            {fmt(t.plan, {
              target: lang === "en" ? (RATING_EN[next.target as string] ?? String(next.target)) : String(next.target),
            })}
          </h3>
          <div className={styles.help} data-testid="plan">
            {next.possible ? (
              <>
                {fmt(t.planSteps, { gain: two(next.totalGain) })}
                <ul className={styles.list}>
                  {next.indicators.map((s) => (
                    <li key={s.no}>{fmt(t.planStep, { no: s.no, from: two(s.from), to: two(s.to) })}</li>
                  ))}
                </ul>
              </>
            ) : (
              t.planImpossible
            )}
          </div>
        </>
      )}
      <IndicatorChart styles={styles} t={t} analysis={a} />
      {list(t.strengths, a.strengths, "strengths")}
      {props.canGoToSheet && (
        <div className={styles.row}>
          <Button onClick={props.onGoToSheet}>{t.goToSheet}</Button>
        </div>
      )}
    </section>
  );
}
