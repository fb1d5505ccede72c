/**
 * Bundles the CLI with esbuild into dist/ita-analyzer.js (one file: the core, layout, the
 * .xlsx reader and writer, fflate, saxes) and the Word writer into dist/ita-docx.js, which
 * the CLI loads only for --docx / --docx-dir, and the worker thread of `consolidate` into
 * dist/ita-consolidate-worker.js. One file loads faster than hundreds of modules.
 * Run by `npm install` (prepare) and `npm run build:cli`.
 */
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  legalComments: "linked",
  logLevel: "warning",
  absWorkingDir: root,
  // import() of the Word writer becomes a plain require(): CommonJS all through (also under jest's VM)
  supported: { "dynamic-import": false },
};

/** The CLI's `import("../docx")` stays a separate file, loaded at run time. */
const docxApart = {
  name: "docx-apart",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/docx$/ }, () => ({ path: "./ita-docx.js", external: true }));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ["src/cli/index.ts"], outfile: "dist/ita-analyzer.js", plugins: [docxApart] }),
  build({ ...common, entryPoints: ["src/docx/index.ts"], outfile: "dist/ita-docx.js" }),
  // the worker thread of `consolidate`, next to the CLI (found by its __dirname)
  build({ ...common, entryPoints: ["src/cli/consolidateWorker.ts"], outfile: "dist/ita-consolidate-worker.js" }),
]);
