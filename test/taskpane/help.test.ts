/** The help page in the bundle states data handling, contact and the version of this package. */
import { readFileSync } from "fs";
import { join, resolve } from "path";

const root = resolve(__dirname, "../..");
const html = readFileSync(join(root, "src/taskpane/help.html"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };

it("help.html: privacy and contact sections, and every version mention is package.json's", () => {
  expect(html).toContain('id="privacy"');
  expect(html).toContain('id="contact"');
  expect(html).toMatch(/ไม่ส่งข้อมูลไปที่ใด/);
  const versions = [...html.matchAll(/<span data-version>([^<]+)<\/span>/g)].map((m) => m[1]);
  expect(versions.length).toBeGreaterThanOrEqual(2);
  expect(new Set(versions)).toEqual(new Set([pkg.version]));
});
