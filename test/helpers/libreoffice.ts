/**
 * Converts a document to PDF with headless LibreOffice, in a profile of its own (parallel runs do
 * not collide), with the fonts of test/fonts/fonts.conf: "TH Sarabun New" is set in Sarabun, whose
 * advance widths match it, so lines wrap as in Word.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The fontconfig file of the renders (scripts/render-check.sh uses it too). */
export const FONTS_CONF = path.join(__dirname, "..", "fonts", "fonts.conf");

/** Writes `<outDir>/<name>.pdf` from `file` and returns its path. */
export function toPdf(file: string, outDir: string): string {
  const profile = mkdtempSync(path.join(os.tmpdir(), "lo-"));
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, file],
      { stdio: "pipe", timeout: 120000, env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF } },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return path.join(outDir, `${path.basename(file).replace(/\.[^.]+$/, "")}.pdf`);
}
