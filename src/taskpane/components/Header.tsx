import { Button } from "@fluentui/react-components";
import type { Lang } from "../../core/types";
import type { Strings } from "../strings";
import type { Styles } from "./styles";

/** Title and the language switch (its accessible name starts with its visible text). */
export function Header(props: { styles: Styles; t: Strings; lang: Lang; onToggleLang: () => void }) {
  const { styles, t, lang } = props;
  const other = lang === "th" ? "en" : "th";
  return (
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
        lang={other}
        onClick={props.onToggleLang}
      >
        {t.language}
      </Button>
    </header>
  );
}
