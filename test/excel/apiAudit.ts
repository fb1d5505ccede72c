/**
 * The requirement-set audit: every Excel API member the given sources use, found with the
 * TypeScript compiler (not a hand-kept list), with its "[Api set: ExcelApi x.y]" from
 * @types/office-js and whether the use sits under a run-time capability guard
 * (`if (caps.x)`, `if (!caps.x) … else …`, `caps.x && …`, `caps.x ? … : …`), the capability's
 * set being taken from CAPABILITY_SETS (src/excel/capabilities.ts), itself fed by
 * Office.context.requirements.isSetSupported.
 */
import { dirname, relative, resolve } from "path";
import * as ts from "typescript";
import { CAPABILITY_SETS } from "../../src/excel/capabilities";

export interface ApiUse {
  /** "Class.member", e.g. "Worksheet.freezePanes". */
  member: string;
  /** "1.4", or null when the declaration names no ExcelApi set. */
  set: string | null;
  /** The capability guarding every use, or null when at least one use is unguarded. */
  guard: string | null;
  /** Where (file:line) the first unguarded use is, or the first use. */
  at: string;
}

export const compareSets = (a: string, b: string): number => {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
};

function apiSetOf(decl: ts.Node): string | null {
  let node: ts.Node | undefined = decl;
  // enum members and overloads: the tag is on the declaration or its enum
  while (node) {
    const text = node.getSourceFile().getFullText();
    const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
    for (const r of ranges) {
      const m = /\[Api set: ExcelApi (\d+\.\d+)/.exec(text.slice(r.pos, r.end));
      if (m) return m[1];
    }
    if (ts.isEnumMember(node)) node = node.parent;
    else break;
  }
  return null;
}

function ownerName(decl: ts.Declaration): string | null {
  const parent = decl.parent;
  let owner: string | undefined;
  if (ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isEnumDeclaration(parent))
    owner = parent.name?.text;
  else if (ts.isModuleBlock(parent)) owner = "Excel";
  if (!owner) return null;
  // only the Excel namespace
  let ns: ts.Node | undefined = parent;
  while (ns && !ts.isModuleDeclaration(ns)) ns = ns.parent;
  if (!ns || (ns as ts.ModuleDeclaration).name.getText() !== "Excel") return null;
  return owner;
}

/** The capability that guards `node` (by an enclosing condition on caps.<name>), or null. */
function guardOf(node: ts.Node): string | null {
  const capIn = (cond: ts.Expression, negated: boolean): string | null => {
    let e: ts.Expression = cond;
    let neg = false;
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
      neg = true;
      e = e.operand;
    }
    if (neg !== negated) return null;
    if (
      ts.isPropertyAccessExpression(e) &&
      /(^|\.)caps$/.test(e.expression.getText()) &&
      e.name.text in CAPABILITY_SETS
    )
      return e.name.text;
    return null;
  };
  for (let child: ts.Node = node, p = node.parent; p; child = p, p = p.parent) {
    if (ts.isIfStatement(p)) {
      const g =
        child === p.thenStatement
          ? capIn(p.expression, false)
          : child === p.elseStatement
            ? capIn(p.expression, true)
            : null;
      if (g) return g;
    } else if (ts.isConditionalExpression(p)) {
      const g =
        child === p.whenTrue ? capIn(p.condition, false) : child === p.whenFalse ? capIn(p.condition, true) : null;
      if (g) return g;
    } else if (
      ts.isBinaryExpression(p) &&
      p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      child === p.right
    ) {
      const g = capIn(p.left, false);
      if (g) return g;
    }
  }
  return null;
}

/** The Excel API members the files use. `extra` adds in-memory sources (for the audit's self-test). */
export function auditExcelApi(files: string[], extra: Record<string, string> = {}): ApiUse[] {
  const root = resolve(__dirname, "../..");
  const config = ts.readConfigFile(resolve(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const host = ts.createCompilerHost(parsed.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    extra[name] !== undefined ? ts.createSourceFile(name, extra[name], lang) : read(name, lang, ...rest);
  const baseExists = host.fileExists.bind(host);
  host.fileExists = (name) => extra[name] !== undefined || baseExists(name);
  const roots = [...files, ...Object.keys(extra)];
  const program = ts.createProgram(roots, parsed.options, host);
  const checker = program.getTypeChecker();
  const uses = new Map<string, ApiUse>();
  for (const file of roots) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`audit: ${file} is not in the program`);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        let symbol = checker.getSymbolAtLocation(node.name);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        const decl = symbol?.declarations?.[0];
        const owner = decl && decl.getSourceFile().fileName.includes("@types/office-js") ? ownerName(decl) : null;
        if (decl && owner) {
          const member = `${owner}.${node.name.text}`;
          const set = apiSetOf(decl);
          const guard = guardOf(node);
          const at = `${relative(root, sf.fileName) || sf.fileName}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
          const prev = uses.get(member);
          if (!prev) uses.set(member, { member, set, guard, at });
          else if (prev.guard && !guard) uses.set(member, { ...prev, guard: null, at });
          else if (
            prev.guard &&
            guard &&
            compareSets(
              CAPABILITY_SETS[guard as keyof typeof CAPABILITY_SETS],
              CAPABILITY_SETS[prev.guard as keyof typeof CAPABILITY_SETS],
            ) < 0
          )
            uses.set(member, { ...prev, guard });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return [...uses.values()].sort(
    (a, b) => compareSets(b.set ?? "0.0", a.set ?? "0.0") || a.member.localeCompare(b.member),
  );
}

/** Uses above `minimum` without a guard of at least their set. */
export function violations(uses: ApiUse[], minimum: string): ApiUse[] {
  return uses.filter((u) => {
    if (!u.set || compareSets(u.set, minimum) <= 0) return false;
    if (!u.guard) return true;
    return compareSets(CAPABILITY_SETS[u.guard as keyof typeof CAPABILITY_SETS], u.set) < 0;
  });
}

export function auditTable(uses: ApiUse[]): string {
  const lines = ["| Excel API member | requirement set | run-time guard |", "| --- | --- | --- |"];
  for (const u of uses)
    lines.push(
      `| \`${u.member}\` | ${u.set ? `ExcelApi ${u.set}` : "—"} | ${u.guard ? `\`caps.${u.guard}\` (ExcelApi ${CAPABILITY_SETS[u.guard as keyof typeof CAPABILITY_SETS]})` : "none (manifest minimum)"} |`,
    );
  return lines.join("\n");
}

export const repoRoot = resolve(__dirname, "../..");
export const dirOf = dirname;
