/**
 * Requirement-set audit (issue 8): the Excel API members the adapter and the task pane use,
 * derived from the TypeScript program, each with its ExcelApi set from @types/office-js;
 * fails on a member above the manifest's minimum used outside a run-time guard. The table
 * in docs/addin.md is this audit's output (UPDATE_DOCS=1 npx jest apiAudit rewrites it).
 */
import { readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { auditExcelApi, auditTable, compareSets, repoRoot, violations } from "./apiAudit";

function sources(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(repoRoot, dir, e.name)] : [],
  );
}

const manifest = readFileSync(join(repoRoot, "manifest.xml"), "utf8");
const minimum = /<Set Name="ExcelApi" MinVersion="(\d+\.\d+)"\/>/.exec(manifest)?.[1] ?? "";
const START = "<!-- api-audit:start -->";
const END = "<!-- api-audit:end -->";

describe("Excel requirement sets", () => {
  const uses = auditExcelApi([...sources("src/excel"), ...sources("src/taskpane")]);

  it("finds the members the adapter uses, with their sets", () => {
    const set = (m: string) => uses.find((u) => u.member === m);
    expect(set("WorksheetCollection.getItemOrNullObject")).toMatchObject({ set: "1.4", guard: null });
    expect(set("Worksheet.freezePanes")).toMatchObject({ set: "1.7", guard: "freezePanes" });
    expect(set("Range.dataValidation")).toMatchObject({ set: "1.8", guard: "dataValidation" });
    expect(set("Range.values")).toMatchObject({ set: "1.1" });
    expect(uses.length).toBeGreaterThan(40);
  });

  it(`uses nothing above the manifest's ExcelApi ${minimum} without an isSetSupported guard`, () => {
    expect(minimum).toMatch(/^1\.\d+$/);
    expect(violations(uses, minimum)).toEqual([]);
    // the manifest's minimum is what really runs: something at exactly that set is used unguarded
    const unguarded = uses.filter((u) => u.set && !u.guard).map((u) => u.set!);
    expect(unguarded.sort(compareSets).pop()).toBe(minimum);
  });

  it("catches an unguarded use and a guard that is too weak", () => {
    const file = join(repoRoot, "src/excel/__audit_probe__.ts");
    const probe = auditExcelApi([], {
      [file]: `/// <reference types="office-js" />
import type { ExcelCapabilities } from "./capabilities";
export function f(ws: Excel.Worksheet, caps: ExcelCapabilities) {
  ws.freezePanes.freezeRows(1);
  if (caps.conditionalFormats) ws.getRange("A1").dataValidation.clear();
  if (!caps.pageLayout) return;
  else ws.pageLayout.orientation = "Landscape";
}`,
    });
    expect(
      violations(probe, "1.4")
        .map((v) => v.member)
        .sort(),
    ).toEqual([
      "DataValidation.clear",
      "Range.dataValidation",
      "Worksheet.freezePanes",
      "WorksheetFreezePanes.freezeRows",
    ]);
    // the guarded 1.9 use is fine
    expect(probe.find((u) => u.member === "Worksheet.pageLayout")).toMatchObject({ set: "1.9", guard: "pageLayout" });
  });

  it("docs/addin.md holds the current table", () => {
    const table = auditTable(uses);
    const path = join(repoRoot, "docs/addin.md");
    const doc = readFileSync(path, "utf8");
    const i = doc.indexOf(START);
    const j = doc.indexOf(END);
    const current = i >= 0 && j > i ? doc.slice(i + START.length, j).trim() : null;
    if (process.env.UPDATE_DOCS && current !== table) {
      const next =
        i >= 0 && j > i
          ? `${doc.slice(0, i + START.length)}\n${table}\n${doc.slice(j)}`
          : `${doc.trimEnd()}\n\n## Excel API requirement sets (audit)\n\n${START}\n${table}\n${END}\n`;
      writeFileSync(path, next);
      return;
    }
    expect(current).toBe(table);
  });
});
