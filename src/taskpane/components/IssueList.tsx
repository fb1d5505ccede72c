import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Issue, Lang } from "../../core/types";
import { cellRef, fmt, message, type Strings } from "../strings";
import type { Styles } from "./styles";

/**
 * Every error and warning of the last check or analysis, most important first, each with its
 * cell: a link that selects it in Excel, the reference itself in browser mode. The error box
 * takes the focus when `focusKey` changes (an analysis that stopped at errors).
 */
export function IssueList(props: {
  styles: Styles;
  t: Strings;
  lang: Lang;
  errors: Issue[];
  warnings: Issue[];
  canSelect: boolean;
  focusKey: number;
  onSelect: (i: Issue) => void;
}) {
  const { styles, t, lang, errors, warnings, canSelect, onSelect, focusKey } = props;
  const box = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (focusKey > 0) box.current?.focus();
  }, [focusKey]);
  const groups: Array<[string, Issue[], "error" | "warning"]> = [
    [fmt(t.errors, { n: errors.length }), errors, "error"],
    [fmt(t.warnings, { n: warnings.length }), warnings, "warning"],
  ];
  const shown = groups.filter(([, list]) => list.length > 0);
  if (!shown.length) return null;
  return (
    <div
      ref={box}
      tabIndex={-1}
      className={styles.errorBox}
      data-testid={errors.length ? "errors" : "warnings"}
      role="region"
      aria-label={shown.map(([title]) => title).join(", ")}
    >
      {shown.map(([title, list, intent]) => (
        <MessageBar key={intent} intent={intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{title}</MessageBarTitle>
            <ul className={styles.issues} aria-label={title}>
              {list.map((issue, i) => {
                const where = cellRef(issue);
                return (
                  <li key={i} className={styles.issue}>
                    <span>{message(issue, lang)}</span>
                    {where && (
                      <span className={styles.where} lang="th">
                        {canSelect ? (
                          <Button
                            size="small"
                            appearance="transparent"
                            aria-label={`${where} (${t.goToCell})`}
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
    </div>
  );
}
