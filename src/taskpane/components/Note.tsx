import * as React from "react";
import { MessageBar, MessageBarActions, MessageBarBody, type MessageBarProps } from "@fluentui/react-components";

/** A MessageBar without a title: labelled by its own body, so aria-labelledby names an existing id. */
export function Note(props: {
  intent: MessageBarProps["intent"];
  role?: string;
  testId?: string;
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  const id = React.useId();
  return (
    <MessageBar
      intent={props.intent}
      role={props.role}
      aria-labelledby={id}
      data-testid={props.testId}
      layout="multiline"
    >
      <MessageBarBody id={id}>{props.children}</MessageBarBody>
      {props.action && <MessageBarActions>{props.action}</MessageBarActions>}
    </MessageBar>
  );
}
