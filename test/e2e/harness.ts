/**
 * Shared by the browser tests: the production build served on 127.0.0.1 and Debian's chromium
 * driven by playwright-core, with no network beyond that server.
 */
import { execFileSync } from "child_process";
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "fs";
import { createServer, type Server } from "http";
import { tmpdir } from "os";
import { extname, join, resolve, sep } from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const root = resolve(__dirname, "../..");
export const dist = join(root, "dist/addin");
export const CHROMIUM = "/usr/bin/chromium";
/** Debian chromium as root, with no background network (toolchain-notes.md). */
export const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain",
};

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the production bundle when it is missing or older than its sources. */
export function ensureBuild(): void {
  const html = join(dist, "taskpane.html");
  const sources = Math.max(
    newest(join(root, "src")),
    newest(join(root, "assets")),
    statSync(join(root, "manifest.xml")).mtimeMs,
    statSync(join(root, "webpack.config.js")).mtimeMs,
  );
  if (existsSync(html) && statSync(html).mtimeMs >= sources) return;
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: root,
    stdio: "pipe",
  });
}

export function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const file = resolve(dir, `.${path === "/" ? "/taskpane.html" : path}`);
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () =>
      ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }),
    ),
  );
}

export interface Browser {
  context: BrowserContext;
  base: string;
  close(): Promise<void>;
}

/** The built pane served and a fresh chromium profile; requests outside the server are aborted. */
export async function openBrowser(viewport = { width: 320, height: 900 }): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error("chromium is missing: apt-get install -y --no-install-recommends chromium fonts-thai-tlwg");
  ensureBuild();
  const { server, url } = await serve(dist);
  const profile = mkdtempSync(join(tmpdir(), "ita-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport,
    acceptDownloads: true,
    locale: "th-TH",
  });
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(url) || u.startsWith("blob:") || u.startsWith("data:")) return route.continue();
    return route.abort();
  });
  return {
    context,
    base: url,
    async close() {
      await context.close();
      await new Promise((ok) => server.close(ok));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's WCAG 2.0/2.1 A and AA rules (and best practices) on the page as it is now. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // the page at rest: no work in progress, no colour transition half-way
  await page.waitForFunction(() => document.querySelector("main")?.getAttribute("aria-busy") !== "true");
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const r = await a.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return (
      r.violations as Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: string[]; failureSummary?: string }>;
      }>
    ).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map(
        (n) => `${n.target.join(" ")}: ${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 160)}`,
      ),
    }));
  });
}
