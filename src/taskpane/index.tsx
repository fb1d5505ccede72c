/**
 * Entry of the task pane. Picks the host at start: inside Excel (office.js loaded and
 * Office.onReady reports Excel) the Office host, otherwise, or when office.js could not
 * load or does not answer within a short time, the browser host.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import type { Host } from "./host";
import { browserHost } from "./hosts/browserHost";
import { officeHost } from "./hosts/officeHost";

const OFFICE_TIMEOUT_MS = 3000;

export function pickHost(): Promise<Host> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (make: () => Host) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(make());
    };
    const timer = setTimeout(() => settle(() => browserHost()), OFFICE_TIMEOUT_MS);
    const office = (globalThis as { Office?: typeof Office }).Office;
    if (!office || typeof office.onReady !== "function") return settle(() => browserHost());
    office
      .onReady()
      .then((info) => {
        if (info.host === office.HostType.Excel) settle(() => officeHost(office, (batch) => Excel.run(batch)));
        else settle(() => browserHost());
      })
      .catch(() => settle(() => browserHost()));
  });
}

void pickHost().then((host) => {
  const el = document.getElementById("root");
  if (!el) return;
  el.removeAttribute("aria-busy");
  createRoot(el).render(
    <React.StrictMode>
      <App host={host} />
    </React.StrictMode>,
  );
});
