/**
 * The layer table of docs/architecture.md is enforced by ESLint (eslint.config.mjs): these tests
 * show the rule refuses imports against the direction, and that the source has no import cycle.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.join(__dirname, "..", "..");

/**
 * Lints each probe as if it were the named file, in one ESLint process (its config loads once);
 * returns, per probe, the messages of no-restricted-imports.
 */
async function restricted(probes: [string, string][]): Promise<string[][]> {
  const script = `
    import { ESLint } from "eslint";
    const probes = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const [file, code] of probes) {
      const [result] = await eslint.lintText(code, { filePath: file });
      out.push(result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message));
    }
    process.stdout.write(JSON.stringify(out));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(probes)], {
    cwd: root,
  });
  return JSON.parse(stdout) as string[][];
}

describe("layer direction (ESLint)", () => {
  const cases: [string, string, boolean][] = [
    ["src/layout/probe.ts", `import { buildReportModel } from "../report/model";`, true],
    ["src/core/probe.ts", `import { a1 } from "../layout/grid";`, true],
    ["src/report/probe.ts", `import { runPipeline } from "../pipeline";`, true],
    ["src/excel/probe.ts", `import { readWorkbook } from "../xlsx";`, true],
    ["src/xlsx/probe.ts", `import { reportDocx } from "../docx";`, true],
    ["src/layout/probe.ts", `import * as fs from "node:fs";`, true],
    ["src/report/probe.ts", `import { a1 } from "../layout/grid";`, false],
    ["src/cli/probe.ts", `import { runPipeline } from "../pipeline";`, false],
    ["src/taskpane/hosts/probe.ts", `import { writeGeneratedSheets } from "../../excel/adapter";`, false],
    ["src/ooxml/probe.ts", `import { readWorkbook } from "../xlsx";`, true],
    ["src/ooxml/probe.ts", `import * as fs from "node:fs";`, true],
    ["src/ooxml/probe.ts", `import { zipSync } from "fflate";`, false],
    ["src/xlsx/probe.ts", `import { promises } from "node:fs";`, true],
    ["src/docx/probe.ts", `import { ZipPackage } from "../ooxml/zip";`, false],
    ["src/docx/probe.ts", `import { emptySheet } from "../layout/sheetSpec";`, true],
    ["src/pipeline.ts", `import { ZipPackage } from "./ooxml/zip";`, true],
    ["src/consolidate/probe.ts", `import { readWorkbook } from "../xlsx";`, true],
    ["src/consolidate/probe.ts", `import * as fs from "node:fs";`, true],
    ["src/consolidate/probe.ts", `import { BlockWriter } from "../report/writer";`, false],
    ["src/layout/probe.ts", `import { summarize } from "../consolidate/summary";`, true],
    ["src/cli/probe.ts", `import { summarize } from "../consolidate/summary";`, false],
  ];
  it("refuses exactly the imports against the direction", async () => {
    const messages = await restricted(cases.map(([file, code]) => [file, `${code}\nexport const probe = 1;\n`]));
    expect(cases.map(([file, code], i) => [file, code, messages[i].length > 0])).toEqual(cases);
    expect(messages[0][0]).toContain("src/layout may import only core");
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      // not this candidate
    }
  }
  return null;
}

describe("import graph", () => {
  it("has no cycle between source files (type-only imports included)", () => {
    const files = sourceFiles(path.join(root, "src"));
    const graph = new Map<string, string[]>();
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      const specs = [...text.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']/g)].map((m) => m[1]);
      graph.set(
        f,
        specs.map((s) => resolveImport(f, s)).filter((x): x is string => x !== null),
      );
    }
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        cycles.push([...trail.slice(trail.indexOf(f)), f].map((x) => path.relative(root, x)).join(" → "));
        return;
      }
      state.set(f, "open");
      for (const g of graph.get(f) ?? []) visit(g, [...trail, f]);
      state.set(f, "done");
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
    expect(graph.size).toBeGreaterThan(30);
  });
});
