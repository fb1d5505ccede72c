import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["dist/**", "out/**", "node_modules/**", "coverage/**", "test-results/**", "bin/**", "*.config.js", "*.config.mjs"] },
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // the pure layers must not reach for Excel, the DOM or Node
    files: ["src/core/**/*.ts", "src/layout/**/*.ts", "src/report/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["fs", "path", "node:*", "exceljs", "react", "react-dom", "docx", "../excel/*", "../xlsx/*", "../taskpane/*", "../cli/*", "../docx/*"] },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "document", "window", "process", "Buffer"],
    },
  },
  {
    // the .xlsx adapter and the OOXML writer run in the browser too: no Node, no other adapter
    files: ["src/ooxml/**/*.ts", "src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["fs", "path", "node:*", "react", "react-dom", "docx", "../excel/*", "../taskpane/*", "../cli/*", "../docx/*"] },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "process", "Buffer"],
    },
  },
  {
    files: ["src/ooxml/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["fs", "path", "node:*", "exceljs", "react", "react-dom", "docx", "../excel/*", "../xlsx/*", "../taskpane/*", "../cli/*", "../docx/*"] },
      ],
    },
  },
);
