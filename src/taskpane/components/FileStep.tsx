import * as React from "react";
import { Button } from "@fluentui/react-components";
import { FolderOpenRegular } from "@fluentui/react-icons";
import type { Lang } from "../../core/types";
import { fmt, type Strings } from "../strings";
import type { FileInfo } from "../useTaskpane";
import { Step } from "./Step";
import type { Styles } from "./styles";

/** Browser mode: choose or drop the workbook; its name and modified time. */
export function FileStep(props: {
  styles: Styles;
  t: Strings;
  lang: Lang;
  file: FileInfo | null;
  busy: boolean;
  primary: boolean;
  inputRef: React.RefObject<HTMLInputElement | null>;
  onFile: (f: File | undefined) => void;
}) {
  const { styles, t, file, lang, busy, primary, inputRef, onFile } = props;
  const [dragging, setDragging] = React.useState(false);
  const when = file
    ? new Date(file.modified).toLocaleString(lang === "th" ? "th-TH" : "en-GB", {
        dateStyle: "medium",
        timeStyle: "short",
      })
    : "";
  return (
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
          onFile(e.dataTransfer.files[0]);
        }}
      >
        <input
          ref={inputRef}
          id="file-input"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.hidden}
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            onFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        <Button
          appearance={primary ? "primary" : "secondary"}
          disabledFocusable={busy}
          icon={<FolderOpenRegular />}
          onClick={() => inputRef.current?.click()}
        >
          {t.chooseFile}
        </Button>
        {file ? (
          <span className={styles.help}>
            {fmt(t.fileLoaded, { name: file.name })}{" "}
            <span data-testid="file-modified">({fmt(t.fileModified, { time: when })})</span>
          </span>
        ) : (
          <span className={styles.help}>{t.dropHint}</span>
        )}
      </div>
    </Step>
  );
}
