/**
 * Entry of the task pane: picks the host (hosts/pickHost.ts) and renders the App. The page's
 * inline script has already checked the webview and, inside Office only, started office.js.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { pickHost } from "./hosts/pickHost";

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
