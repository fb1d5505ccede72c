import { Link } from "@fluentui/react-components";
import type { Strings } from "../strings";
import { Step } from "./Step";
import type { Styles } from "./styles";

/** First run: what the add-in does, that the data stays in the workbook, where help is. */
export function Welcome(props: { styles: Styles; t: Strings; kind: "office" | "browser" }) {
  const { styles, t } = props;
  return (
    <Step styles={styles} id="welcome-h" title={t.appSubtitle}>
      <p className={styles.help} data-testid="welcome">
        {t.welcome}
      </p>
      <p className={styles.help}>{props.kind === "browser" ? t.welcomeBrowser : t.welcomeOffice}</p>
      <Link className={styles.link} href="help.html" target="_blank" rel="noopener">
        {t.help}
      </Link>
    </Step>
  );
}
