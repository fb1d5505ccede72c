/**
 * The emblem through Office.js: the picture on the settings sheet is read with Worksheet.shapes
 * and Shape.getAsImage (ExcelApi 1.9) after the grids, only when Excel has that set; a shape that
 * is not a picture is not an emblem, and a picture that cannot be used is a warning.
 */
import { ALL_CAPABILITIES } from "../../src/excel/capabilities";
import { readLayout } from "../../src/excel/adapter";
import { SHEETS } from "../../src/layout/names";
import { FakeWorkbook, installExcelEnums } from "./fakeExcel";
import { inputGrids } from "./fixtures";

beforeAll(installExcelEnums);

/** A 2×3 PNG (as Excel would render a picture), base64. */
const PNG_2X3 = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000020000000308060000009d74665a0000001249444154789c63f8cfc0f01f0b3330fc070043f10bf5e39c7c9d0000000049454e44ae426082",
  "hex",
).toString("base64");

function workbook(shapes: NonNullable<ReturnType<FakeWorkbook["addSheet"]>["shapes"]>) {
  const wb = new FakeWorkbook(inputGrids(1, 0));
  const settings = wb.sheets.find((s) => s.name === SHEETS.settings) ?? wb.addSheet(SHEETS.settings, [["ตั้งค่า"]]);
  settings.shapes = shapes;
  return wb;
}

describe("readLayout: the emblem", () => {
  it("reads the first picture of the settings sheet as PNG, in two more syncs", async () => {
    const wb = workbook([{ type: "GeometricShape" }, { type: "Image", png: PNG_2X3 }]);
    const sync = jest.spyOn(wb.context, "sync");
    const read = await readLayout(wb.context, { caps: ALL_CAPABILITIES });
    expect(sync).toHaveBeenCalledTimes(3);
    expect(read.facts.emblem).toMatchObject({ type: "png", width: 2, height: 3 });
    expect(Buffer.from(read.facts.emblem!.data).toString("base64")).toBe(PNG_2X3);
    expect(read.facts.warnings).toBeUndefined();
  });

  it("without ExcelApi 1.9 (caps.shapes false) reads no shapes: one sync, no emblem, no warning", async () => {
    const wb = workbook([{ type: "Image", png: PNG_2X3 }]);
    const sync = jest.spyOn(wb.context, "sync");
    const read = await readLayout(wb.context, { caps: { ...ALL_CAPABILITIES, shapes: false } });
    expect(sync).toHaveBeenCalledTimes(1);
    expect(read.facts.emblem).toBeUndefined();
    expect(read.facts.warnings).toBeUndefined();
  });

  it("a sheet with shapes but no picture gives no emblem and no warning (one extra sync)", async () => {
    const wb = workbook([{ type: "GeometricShape" }, { type: "Line" }]);
    const sync = jest.spyOn(wb.context, "sync");
    const read = await readLayout(wb.context, { caps: ALL_CAPABILITIES });
    expect(sync).toHaveBeenCalledTimes(2);
    expect(read.facts.emblem).toBeUndefined();
    expect(read.facts.warnings).toBeUndefined();
  });

  it("a picture whose rendering is not an image is ignored with a warning naming the sheet; the grids are read", async () => {
    const wb = workbook([{ type: "Image", png: Buffer.from("not a png").toString("base64") }]);
    const read = await readLayout(wb.context, { caps: ALL_CAPABILITIES });
    expect(read.facts.emblem).toBeUndefined();
    expect(read.facts.warnings).toEqual([
      expect.objectContaining({ code: "EMBLEM_IGNORED", severity: "warning", sheet: SHEETS.settings }),
    ]);
    expect(Object.keys(read.sheets)).toContain(SHEETS.scores);
  });
});
