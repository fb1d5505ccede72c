import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";

const NODE_AND_LIBS = ["fs", "path", "node:*", "exceljs", "react", "react-dom", "docx", "fflate"];

/**
 * The layer table of docs/architecture.md, checked: each folder lists the folders of src/ it may
 * import. Everything else under src/ is refused, so an import against the direction fails lint.
 */
const LAYERS = {
  core: { may: [], pure: true },
  layout: { may: ["core"], pure: true },
  report: { may: ["core", "layout"], pure: true },
  // many units' analyses in one summary: rows, duplicates, distribution, summary sheets and document
  consolidate: { may: ["core", "layout", "report"], pure: true },
  // the OOXML writing library and the .xlsx adapter also run in the browser: no Node (fflate allowed)
  ooxml: { may: ["layout"], browser: ["exceljs", "docx"] },
  xlsx: { may: ["core", "layout", "ooxml"], browser: ["docx", "exceljs"] },
  docx: { may: ["core", "report", "ooxml"] },
  excel: { may: ["core", "layout"] },
  cli: { may: ["core", "layout", "report", "xlsx", "docx", "pipeline", "consolidate"] },
  taskpane: { may: ["core", "layout", "report", "xlsx", "docx", "excel", "pipeline", "consolidate"] },
};
const FOLDERS = [...Object.keys(LAYERS), "pipeline"];

const NODE = ["fs", "path", "node:*", "react", "react-dom"];

function layerRule(folder, { may, pure, browser }) {
  const refused = FOLDERS.filter((f) => f !== folder && !may.includes(f));
  // a file directly in the folder imports a sibling folder as "../x"; one level deeper as "../../x"
  const group = refused.flatMap((f) => [`../${f}`, `../${f}/*`, `../../${f}`, `../../${f}/*`]);
  const patterns = [
    {
      group,
      message: `src/${folder} may import only ${may.length ? may.join(", ") : "itself"} (docs/architecture.md)`,
    },
  ];
  if (pure)
    patterns.push({ group: NODE_AND_LIBS, message: `src/${folder} is pure: no Node, Excel, DOM, React or docx` });
  if (browser)
    patterns.push({
      group: [...NODE, ...browser],
      message: `src/${folder} runs in the browser too: no Node, no ${browser.join(", ")}`,
    });
  return {
    files: [`src/${folder}/**/*.ts`, `src/${folder}/**/*.tsx`],
    rules: {
      "no-restricted-imports": ["error", { patterns }],
      ...(pure
        ? { "no-restricted-globals": ["error", "Excel", "Office", "document", "window", "process", "Buffer"] }
        : browser
          ? { "no-restricted-globals": ["error", "Excel", "Office", "process", "Buffer"] }
          : {}),
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "out/**",
      "node_modules/**",
      "coverage/**",
      "test-results/**",
      "bin/**",
      "*.config.js",
      "*.config.mjs",
    ],
  },
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/taskpane/**/*.tsx", "src/taskpane/**/*.ts", "test/taskpane/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...Object.entries(LAYERS).map(([folder, layer]) => layerRule(folder, layer)),
  {
    // the composition root: pure as well
    files: ["src/pipeline.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                ...NODE_AND_LIBS,
                "./xlsx",
                "./xlsx/*",
                "./docx",
                "./docx/*",
                "./excel",
                "./excel/*",
                "./ooxml",
                "./ooxml/*",
                "./taskpane/*",
                "./cli/*",
              ],
              message: "src/pipeline.ts joins the pure layers only",
            },
          ],
        },
      ],
    },
  },
);
