/**
 * Defect 4: start-up. Browser mode only when Office is undefined; with office.js present the
 * pane waits for Office.onReady however long it takes (a slow Excel on the web must never be
 * offered the file picker).
 */
import type { Host } from "../../src/taskpane/host";
import { pickHost, type StartEnv } from "../../src/taskpane/hosts/pickHost";
import { FakeWorkbook, installExcelEnums } from "../excel/fakeExcel";

beforeAll(installExcelEnums);

const browser = { capabilities: { kind: "browser" } } as unknown as Host;

function officeReadyAfter(ms: number, host: string | null): typeof Office {
  return {
    HostType: { Excel: "Excel", Word: "Word" },
    onReady: () => new Promise((ok) => setTimeout(() => ok({ host, platform: host ? "OfficeOnline" : null }), ms)),
    context: {
      requirements: { isSetSupported: () => true },
      diagnostics: { platform: "OfficeOnline" },
      officeTheme: { bodyBackgroundColor: "#ffffff" },
    },
  } as unknown as typeof Office;
}

function env(office: typeof Office | undefined, officeScript?: Promise<unknown>): StartEnv {
  return { office: () => office, officeScript, excelRun: (b) => new FakeWorkbook().run(b), browser: () => browser };
}

describe("pickHost", () => {
  afterEach(() => jest.useRealTimers());

  it("no Office at all: browser mode at once", async () => {
    expect(await pickHost(env(undefined))).toBe(browser);
  });

  it("office.js present and Excel slow to answer: waits (no file picker after 3 s, 30 s), then the Office host", async () => {
    jest.useFakeTimers();
    let host: Host | undefined;
    void pickHost(env(officeReadyAfter(45_000, "Excel"))).then((h) => (host = h));
    await jest.advanceTimersByTimeAsync(3_500);
    expect(host).toBeUndefined();
    await jest.advanceTimersByTimeAsync(30_000);
    expect(host).toBeUndefined();
    await jest.advanceTimersByTimeAsync(15_000);
    expect(host?.capabilities.kind).toBe("office");
  });

  it("office.js outside Office (onReady with a null host): browser mode", async () => {
    expect(await pickHost(env(officeReadyAfter(10, null)))).toBe(browser);
  });

  it("waits for the page's office.js script before looking for Office", async () => {
    const page: { office?: typeof Office; loaded?: () => void } = {};
    const script = new Promise<void>((ok) => (page.loaded = ok));
    const e: StartEnv = { ...env(undefined, script), office: () => page.office };
    const picked = pickHost(e);
    // office.js defines Office only once it has loaded
    page.office = officeReadyAfter(1, "Excel");
    page.loaded!();
    expect((await picked).capabilities.kind).toBe("office");
  });
});
