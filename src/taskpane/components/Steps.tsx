import type * as React from "react";
import { Button, Field, Input, Select } from "@fluentui/react-components";
// icons by name: webpack keeps only these few (the package is large, its modules side-effect free)
import {
  ArrowDownloadRegular,
  CheckmarkCircleRegular,
  DataBarVerticalRegular,
  DocumentArrowDownRegular,
  TableAddRegular,
} from "@fluentui/react-icons";
import type { Strings } from "../strings";
import { Step } from "./Step";
import type { Styles } from "./styles";

export function TemplateStep(props: {
  styles: Styles;
  t: Strings;
  kind: "office" | "browser";
  busy: boolean;
  primary: boolean;
  onCreate: () => void;
}) {
  const { styles, t, kind } = props;
  return (
    <Step styles={styles} id="step1" title={t.stepTemplate}>
      <p className={styles.help}>{kind === "browser" ? t.templateBrowserHelp : t.templateHelp}</p>
      <div className={styles.row}>
        <Button
          appearance={props.primary ? "primary" : "secondary"}
          disabledFocusable={props.busy}
          icon={<TableAddRegular />}
          onClick={props.onCreate}
        >
          {kind === "browser" ? t.downloadTemplate : t.createTemplate}
        </Button>
      </div>
    </Step>
  );
}

export function CheckStep(props: {
  styles: Styles;
  t: Strings;
  disabled: boolean;
  onCheck: () => void;
  children?: React.ReactNode;
}) {
  const { styles, t } = props;
  return (
    <Step styles={styles} id="step2" title={t.stepCheck}>
      <div className={styles.row}>
        <Button disabledFocusable={props.disabled} icon={<CheckmarkCircleRegular />} onClick={props.onCheck}>
          {t.checkData}
        </Button>
      </div>
      {props.children}
    </Step>
  );
}

/** A threshold input, 0–100. */
function ThresholdField(props: {
  className: string;
  label: string;
  value: string;
  valid: boolean;
  onChange: (value: string) => void;
}) {
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

export function AnalyzeStep(props: {
  styles: Styles;
  t: Strings;
  years: number[];
  completeYears: number[];
  year: string;
  strength: string;
  urgent: string;
  strengthValid: boolean;
  urgentValid: boolean;
  busy: boolean;
  disabled: boolean;
  primary: boolean;
  onYear: (y: string) => void;
  onStrength: (v: string) => void;
  onUrgent: (v: string) => void;
  onAnalyze: () => void;
}) {
  const { styles, t } = props;
  return (
    <Step styles={styles} id="step3" title={t.stepAnalyze}>
      <Field label={t.year}>
        <Select value={props.year} onChange={(_, d) => props.onYear(d.value)} disabled={props.busy}>
          <option value="">{t.yearLatest}</option>
          {[...props.years].reverse().map((y) => (
            <option key={y} value={String(y)}>
              {y} {props.completeYears.includes(y) ? "" : t.incomplete}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <ThresholdField
          className={styles.grow}
          label={t.strength}
          value={props.strength}
          valid={props.strengthValid}
          onChange={props.onStrength}
        />
        <ThresholdField
          className={styles.grow}
          label={t.urgent}
          value={props.urgent}
          valid={props.urgentValid}
          onChange={props.onUrgent}
        />
      </div>
      <div className={styles.row}>
        <Button
          appearance={props.primary ? "primary" : "secondary"}
          disabledFocusable={props.busy || props.disabled}
          icon={<DataBarVerticalRegular />}
          onClick={props.onAnalyze}
        >
          {t.analyze}
        </Button>
      </div>
    </Step>
  );
}

export function ExportStep(props: {
  styles: Styles;
  t: Strings;
  canDownloadWorkbook: boolean;
  busy: boolean;
  /** A current (not out-of-date) result exists. */
  ready: boolean;
  workbookReady: boolean;
  primary: "docx" | "xlsx" | null;
  onDocx: () => void;
  onWorkbook: () => void;
}) {
  const { styles, t } = props;
  return (
    <Step styles={styles} id="step4" title={t.stepExport}>
      <div className={styles.row}>
        <Button
          appearance={props.primary === "docx" ? "primary" : "secondary"}
          disabledFocusable={props.busy || !props.ready}
          icon={<DocumentArrowDownRegular />}
          onClick={props.onDocx}
        >
          {t.exportDocx}
        </Button>
        {props.canDownloadWorkbook && (
          <Button
            appearance={props.primary === "xlsx" ? "primary" : "secondary"}
            disabledFocusable={props.busy || !props.workbookReady}
            icon={<ArrowDownloadRegular />}
            onClick={props.onWorkbook}
          >
            {t.downloadWorkbook}
          </Button>
        )}
      </div>
    </Step>
  );
}
