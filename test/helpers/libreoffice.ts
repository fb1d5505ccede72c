/** Converts a document to PDF with headless LibreOffice, in a profile of its own (parallel runs do not collide). */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Writes `<outDir>/<name>.pdf` from `file` and returns its path. */
export function toPdf(file: string, outDir: string): string {
  const profile = mkdtempSync(path.join(os.tmpdir(), "lo-"));
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, file],
      { stdio: "pipe", timeout: 120000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return path.join(outDir, `${path.basename(file).replace(/\.[^.]+$/, "")}.pdf`);
}
