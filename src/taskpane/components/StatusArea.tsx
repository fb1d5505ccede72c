import { Button, Spinner } from "@fluentui/react-components";
import type { Lang } from "../../core/types";
import type { Extra } from "../../excel/capabilities";
import { EXTRA_NAMES, fmt, message, type Strings } from "../strings";
import type { Busy, Notice, Problem } from "../useTaskpane";
import { Note } from "./Note";
import type { Styles } from "./styles";

/** Progress (with cancel), the problem of the last action (with retry), notices and extras. */
export function StatusArea(props: {
  styles: Styles;
  t: Strings;
  lang: Lang;
  kind: "office" | "browser";
  busy: Busy;
  /** Cancelling is offered except while writing (a write is whole or nothing, never stopped half-way). */
  cancellable: boolean;
  problem: Problem | null;
  notices: Notice[];
  skipped: Extra[];
  showSkipped: boolean;
  rejected: Extra[];
  macNote: boolean;
  onCancel: () => void;
  onRetry: () => void;
  onChooseFile: () => void;
}) {
  const { styles, t, lang, busy, problem } = props;
  const progressLabel = busy ? t[busy === "working" ? "working" : busy] : "";
  return (
    <>
      {busy && (
        <div className={styles.row} data-testid="progress">
          <Spinner size="tiny" label={progressLabel} labelPosition="after" />
          {props.cancellable && (
            <Button size="small" appearance="secondary" onClick={props.onCancel}>
              {t.cancel}
            </Button>
          )}
        </div>
      )}
      {problem && (
        <Note
          intent="error"
          role="alert"
          testId="problem"
          action={
            problem.retry === "again" ? (
              <Button size="small" onClick={props.onRetry}>
                {t.retry}
              </Button>
            ) : problem.retry === "chooseFile" ? (
              <Button size="small" onClick={props.onChooseFile}>
                {t.chooseAgain}
              </Button>
            ) : undefined
          }
        >
          {message(problem.issue, lang)}
        </Note>
      )}
      {props.notices.map((n, i) => (
        <Note key={i} intent="success">
          {n(t)}
        </Note>
      ))}
      {props.skipped.length > 0 && props.showSkipped && (
        <Note intent="warning">
          {fmt(t.skippedExtras, { list: props.skipped.map((e) => EXTRA_NAMES[e][lang]).join(", ") })}
        </Note>
      )}
      {props.rejected.length > 0 && (
        <Note intent="warning">
          {fmt(t.rejectedExtras, { list: props.rejected.map((e) => EXTRA_NAMES[e][lang]).join(", ") })}
        </Note>
      )}
      {props.macNote && <Note intent="info">{t.macNote}</Note>}
    </>
  );
}
