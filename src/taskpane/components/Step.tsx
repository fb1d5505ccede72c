import type * as React from "react";
import type { Styles } from "./styles";

/** A titled step of the pane: a section labelled by its heading. */
export function Step(props: { styles: Styles; id: string; title: string; children: React.ReactNode }) {
  return (
    <section className={props.styles.section} aria-labelledby={props.id}>
      <h2 id={props.id} className={props.styles.h2}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
