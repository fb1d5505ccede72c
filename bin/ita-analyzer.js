#!/usr/bin/env node
// Runs the bundled CLI (npm install builds it through the "prepare" script).
const path = require("node:path");
const fs = require("node:fs");
const entry = path.join(__dirname, "..", "dist", "ita-analyzer.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("ITA Analyzer is not built yet: run `npm install` (or `npm run build:cli`) first.\n");
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
