/**
 * Which host the task pane runs on. Browser mode only when there is no Office at all (the
 * page did not load office.js because Office did not open it, or office.js could not load);
 * otherwise wait for Office.onReady, however long a slow Excel on the web takes: it resolves
 * with a null host outside Office. https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in
 */
import type { Host } from "../host";
import { browserHost } from "./browserHost";
import { officeHost, type ExcelRun } from "./officeHost";

export interface StartEnv {
  /** Settles when the page's office.js script has loaded or failed (absent: not loaded). */
  officeScript?: Promise<unknown>;
  office(): typeof Office | undefined;
  excelRun: ExcelRun;
  browser(): Host;
}

export function pageEnv(): StartEnv {
  const g = globalThis as { Office?: typeof Office; __itaOfficeJs?: Promise<unknown> };
  return {
    officeScript: g.__itaOfficeJs,
    office: () => g.Office,
    excelRun: (batch) => Excel.run(batch),
    browser: () => browserHost(),
  };
}

export async function pickHost(env: StartEnv = pageEnv()): Promise<Host> {
  await env.officeScript;
  const office = env.office();
  if (!office || typeof office.onReady !== "function") return env.browser();
  const info = await office.onReady();
  return info.host === office.HostType.Excel ? officeHost(office, env.excelRun) : env.browser();
}
