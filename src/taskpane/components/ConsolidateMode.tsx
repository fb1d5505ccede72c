/**
 * The "รวมผลหลายหน่วยงาน" mode as one lazily loaded piece (its own chunk: the first load of the
 * pane stays as it was): the state (useConsolidate), its own polite live region, the view.
 * Stays mounted once opened, so switching tasks keeps the chosen files and the result.
 */
import * as React from "react";
import type { Lang } from "../../core/types";
import type { Host } from "../host";
import { useConsolidate, type ConsolidateOptions } from "../consolidate/useConsolidate";
import { ConsolidateView } from "./ConsolidateView";
import { useStyles } from "./styles";

export default function ConsolidateMode(props: {
  host: Host;
  lang: Lang;
  hidden: boolean;
  options?: ConsolidateOptions;
  onBusy: (busy: boolean) => void;
}) {
  const styles = useStyles();
  const state = useConsolidate(props.host, props.lang, props.options);
  const { onBusy } = props;
  React.useEffect(() => onBusy(state.busy), [state.busy, onBusy]);
  const caps = props.host.capabilities;
  return (
    <div hidden={props.hidden} className={styles.errorBox} data-testid="consolidate-mode">
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.live}>
        {props.hidden ? "" : state.announcement}
      </div>
      <ConsolidateView
        styles={styles}
        lang={props.lang}
        kind={caps.kind}
        canDownload={caps.canDownload}
        state={state}
      />
    </div>
  );
}
