/** The manifest, validated offline against Microsoft's add-in manifest XSDs with xmllint (blocking). */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";

const root = resolve(__dirname, "../..");
const schemaCandidates = [join(root, "../shared/office-manifest-schemas"), "/work/shared/office-manifest-schemas"];
const schemaDir = schemaCandidates.find((d) => existsSync(join(d, "OfficeAppManifestV1_1.xsd")));
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

function xmllint(file: string): { status: number | null; out: string } {
  const r = spawnSync(
    "xmllint",
    ["--noout", "--schema", join(schemaDir as string, "OfficeAppManifestV1_1.xsd"), file],
    { encoding: "utf8" },
  );
  if (r.error)
    throw new Error(
      `xmllint is missing: apt-get install -y --no-install-recommends libxml2-utils (${r.error.message})`,
    );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("manifest.xml", () => {
  it("validates against the add-in manifest XSDs", () => {
    expect(schemaDir).toBeDefined();
    const r = xmllint(join(root, "manifest.xml"));
    expect(r.out).toContain("validates");
    expect(r.status).toBe(0);
  });

  it("the local check catches a broken manifest", () => {
    const dir = mkdtempSync(join(tmpdir(), "manifest-"));
    const bad = join(dir, "bad.xml");
    writeFileSync(
      bad,
      manifest.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"),
    );
    const r = xmllint(bad);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/fails to validate/);
  });

  it("declares Workbook, th-TH with en-US overrides, ReadWriteDocument, ExcelApi 1.4 and the Home-tab button", () => {
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain("<DefaultLocale>th-TH</DefaultLocale>");
    expect(manifest.match(/Locale="en-US"/g)?.length).toBeGreaterThanOrEqual(6);
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.4"\/>/);
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain('<bt:String id="Button.Label" DefaultValue="วิเคราะห์ ITA">');
    expect(manifest).toContain('<Action xsi:type="ShowTaskpane">');
    expect(manifest).toMatch(/<SupportUrl DefaultValue="https:\/\/[^"]+"\/>/);
  });

  it("has icons of 16, 32, 64 and 80 px in assets/", () => {
    for (const size of [16, 32, 64, 80]) {
      expect(manifest).toContain(`assets/icon-${size}.png`);
      const png = readFileSync(join(root, "assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    // the icons are drawn by the script next to them
    expect(execFileSync("node", ["--check", join(root, "assets/make-icons.mjs")]).toString()).toBe("");
  });
});
