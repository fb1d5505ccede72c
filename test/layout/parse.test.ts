/**
 * Parser tests on real .xlsx files: each workbook is written with ExcelJS in the test,
 * read back through the .xlsx adapter and parsed.
 */
import ExcelJS from "exceljs";
import { analyze } from "../../src/core/analysis";
import { describeIssue } from "../../src/core/messages";
import { parseWorkbook } from "../../src/layout/parse";
import { readWorkbook } from "../../src/xlsx";
import { SEED_002_2565, SEED_004_2567, SEED_004_2568, paramsOf } from "../helpers/input";

const NAMES = [
  "การปฏิบัติหน้าที่",
  "การใช้งบประมาณ",
  "การใช้อำนาจ",
  "การใช้ทรัพย์สินของราชการ",
  "การแก้ไขปัญหาการทุจริต",
  "คุณภาพการดำเนินงาน",
  "ประสิทธิภาพการสื่อสาร",
  "การปรับปรุงการทำงาน",
  "การเปิดเผยข้อมูล",
  "การป้องกันการทุจริต",
];

type Row = Array<string | number | null>;

async function xlsx(sheets: Record<string, Row[]>, tweak?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  }
  tweak?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function parse(bytes: Uint8Array) {
  const read = await readWorkbook(bytes, "test.xlsx");
  if (!read.ok) throw new Error(read.issue.code);
  return parseWorkbook(read.sheets);
}

/** A score sheet: title rows, labels, header, 10 indicators, in the template's shape. */
function scoreRows(
  years: Array<string | number>,
  byYear: Array<Array<string | number | null>>,
  extra: Row[] = [],
): Row[] {
  return [
    ["คะแนนผลการประเมิน ITA"],
    [],
    ["ชื่อหน่วยงาน", "เทศบาลตำบลท่าแร่"],
    ["อำเภอ", "เมืองสกลนคร"],
    ["จังหวัด", "สกลนคร"],
    [],
    ["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", ...years],
    ...NAMES.map((n, i) => [i + 1, n, ...byYear.map((col) => col[i])] as Row),
    ...extra,
  ];
}

describe("score sheet", () => {
  test("the seed 002 figures in a plain layout give the published result", async () => {
    const p = await parse(await xlsx({ "คะแนน ITA": scoreRows([2565], [SEED_002_2565]) }));
    expect(p.errors).toEqual([]);
    expect(p.input!.unit).toEqual({ name: "เทศบาลตำบลท่าแร่", district: "เมืองสกลนคร", province: "สกลนคร" });
    const a = analyze(p.input!);
    expect(a.ok && [a.analysis.total, a.analysis.grade]).toEqual([94.23, "A"]);
  });

  test("Thai digits, 'พ.ศ.' and 'ปี' headers, text numbers with spaces", async () => {
    const thai = (n: number) => String(n).replace(/[0-9]/g, (d) => "๐๑๒๓๔๕๖๗๘๙"[Number(d)]);
    const p = await parse(
      await xlsx({
        "คะแนน ITA": scoreRows(
          ["พ.ศ. ๒๕๖๗", "ปี 2568"],
          [SEED_004_2567.map((s) => ` ${thai(s)} `), SEED_004_2568.map((s) => `${s} `)],
        ),
      }),
    );
    expect(p.errors).toEqual([]);
    expect(p.years).toEqual([2567, 2568]);
    expect(p.input!.indicators[8].scores).toEqual({ 2567: 79.29, 2568: 41.5 });
  });

  test("a C.E. year is converted with a warning on its header cell", async () => {
    const p = await parse(await xlsx({ "คะแนน ITA": scoreRows([2022], [SEED_002_2565]) }));
    expect(p.years).toEqual([2565]);
    expect(p.warnings).toContainEqual(
      expect.objectContaining({ code: "YEAR_CE_CONVERTED", cell: "C7", params: { from: 2022, to: 2565 } }),
    );
  });

  test("title rows, blank rows, merged cells, extra columns and notes are tolerated", async () => {
    const rows: Row[] = [
      ["รายงานคะแนน ITA", null, null, null],
      ["องค์การบริหารส่วนตำบลดงขวาง", null, null, null],
      [],
      ["ชื่อหน่วยงาน", null, "องค์การบริหารส่วนตำบลดงขวาง"],
      [],
      [],
      ["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "เครื่องมือ", 2567, 2568, "หมายเหตุ"],
    ];
    NAMES.forEach((n, i) => {
      rows.push([i + 1, n, i < 5 ? "IIT" : i < 8 ? "EIT" : "OIT", SEED_004_2567[i], SEED_004_2568[i], "ok"]);
      if (i === 4) rows.push([]); // a blank row between the tools
    });
    rows.push([], ["หมายเหตุ: ข้อมูลจากระบบ ITAS"]);
    const p = await parse(
      await xlsx({ "คะแนน ITA": rows }, (wb) => {
        const ws = wb.getWorksheet("คะแนน ITA")!;
        ws.mergeCells("A1:F1");
        ws.mergeCells("A2:F2");
      }),
    );
    expect(p.errors).toEqual([]);
    expect(p.input!.unit.name).toBe("องค์การบริหารส่วนตำบลดงขวาง");
    expect(p.years).toEqual([2567, 2568]);
    expect(p.completeYears).toEqual([2567, 2568]);
  });

  test("typos in indicator names: matched by number, with a warning naming the cell", async () => {
    const rows = scoreRows([2567], [SEED_004_2567]);
    rows[9][1] = "การใช้จ่ายเงิน"; // seed 004 writes indicator 3 like this
    rows[14][1] = "การปรับปรุงระบบการทำงาน"; // an accepted variant of indicator 8
    const p = await parse(await xlsx({ "คะแนน ITA": rows }));
    expect(p.errors).toEqual([]);
    const names = p.warnings.filter((w) => w.code === "NAME_DIFFERS");
    expect(names).toEqual([
      expect.objectContaining({ cell: "B10", params: expect.objectContaining({ no: 3, expected: "การใช้อำนาจ" }) }),
    ]);
  });

  test("the published-total row is read", async () => {
    const p = await parse(
      await xlsx({ "คะแนน ITA": scoreRows([2565], [SEED_002_2565], [["คะแนนรวมที่ประกาศ", null, 94.23]]) }),
    );
    expect(p.input!.publishedTotals[2565]).toEqual({ value: 94.23, cell: "C18" });
  });

  test("bad scores: not a number and out of range, each with its cell", async () => {
    const col = [...SEED_002_2565] as Array<string | number>;
    col[0] = "เก้าสิบ";
    col[6] = 181.22;
    const p = await parse(await xlsx({ "คะแนน ITA": scoreRows([2565], [col]) }));
    expect(p.input).toBeNull();
    expect(p.errors.map((e) => [e.code, e.sheet, e.cell])).toEqual([
      ["SCORE_NOT_NUMBER", "คะแนน ITA", "C8"],
      ["SCORE_OUT_OF_RANGE", "คะแนน ITA", "C14"],
    ]);
  });

  test("an indicator missing or repeated", async () => {
    const rows = scoreRows([2565], [SEED_002_2565]);
    rows[13][0] = 6; // indicator 7's row says 6
    const p = await parse(await xlsx({ "คะแนน ITA": rows }));
    const codes = p.errors.map((e) => `${e.code}@${e.cell}`);
    expect(codes).toContain("INDICATOR_REPEATED@A14");
    expect(codes).toContain("INDICATOR_MISSING@A7");
    expect(p.errors.find((e) => e.code === "INDICATOR_MISSING")!.params!.no).toBe(7);
  });

  test("an indicator number the built-in registry does not know: the message gives the range", async () => {
    const rows = scoreRows([2565], [SEED_002_2565], [[11, "อื่น ๆ", 50]]);
    const p = await parse(await xlsx({ "คะแนน ITA": rows }));
    expect(p.errors.map((e) => `${e.code}@${e.cell}`)).toEqual(["INDICATOR_INVALID@A18"]);
    expect(describeIssue(p.errors[0])).toBe(
      "ข้อผิดพลาด: ชีต 'คะแนน ITA' เซลล์ A18: เลขตัวชี้วัด '11' ไม่ถูกต้อง ต้องเป็นเลขตัวชี้วัดของกรอบการประเมิน (1–10)",
    );
  });

  test("with a workbook framework the score sheet takes exactly its numbers (12 here; a missing 12 is named)", async () => {
    const framework: Row[] = [
      ["เครื่องมือ", "น้ำหนัก (%)"],
      ["IIT", 30],
      ["EIT", 30],
      ["OIT", 40],
      [],
      ["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "เครื่องมือ"],
      ...NAMES.map((n, i) => [i + 1, n, i < 5 ? "IIT" : i < 8 ? "EIT" : "OIT"] as Row),
      [11, "ตัวชี้วัดใหม่", "OIT"],
      [12, "ตัวชี้วัดใหม่อีกตัว", "EIT"],
    ];
    const rows = scoreRows([2569], [SEED_002_2565], [[11, "ตัวชี้วัดใหม่", 50]]);
    const p = await parse(await xlsx({ "คะแนน ITA": rows, กรอบการประเมิน: framework }));
    expect(p.errors.map((e) => [e.code, e.cell, paramsOf(e).no])).toEqual([["INDICATOR_MISSING", "A7", 12]]);
    rows.push([12, "ตัวชี้วัดใหม่อีกตัว", 60], [13, "เกิน", 70]);
    const q = await parse(await xlsx({ "คะแนน ITA": rows, กรอบการประเมิน: framework }));
    expect(q.errors.map((e) => [e.code, e.cell, paramsOf(e).range])).toEqual([["INDICATOR_INVALID", "A20", "1–12"]]);
    // a measure may name 11 and 12, not 13
    const measures: Row[] = [
      ["ลำดับ", "ตัวชี้วัดที่เกี่ยวข้อง", "มาตรการ"],
      [1, "11, 12", "ก"],
      [2, "13", "ข"],
    ];
    const r = await parse(await xlsx({ "คะแนน ITA": rows.slice(0, -1), กรอบการประเมิน: framework, มาตรการ: measures }));
    expect(r.errors.map((e) => [e.code, e.cell, paramsOf(e).range])).toEqual([
      ["MEASURE_INDICATOR_INVALID", "B3", "1–12"],
    ]);
  });

  test("missing sheet, missing header, missing unit name", async () => {
    expect((await parse(await xlsx({ Sheet1: [["x"]] }))).errors[0]).toMatchObject({ code: "SHEET_MISSING" });
    const noHeader = await parse(
      await xlsx({
        "คะแนน ITA": [
          ["ชื่อหน่วยงาน", "ก"],
          ["ข้อ", "ชื่อ", 2565],
        ],
      }),
    );
    expect(noHeader.errors[0]).toMatchObject({ code: "HEADER_NOT_FOUND", sheet: "คะแนน ITA" });
    const rows = scoreRows([2565], [SEED_002_2565]);
    rows[2] = ["ชื่อหน่วยงาน"];
    const noName = await parse(await xlsx({ "คะแนน ITA": rows }));
    expect(noName.errors).toEqual([expect.objectContaining({ code: "UNIT_NAME_MISSING", cell: "B3" })]);
  });

  test("a sheet name with different spacing is still found", async () => {
    const p = await parse(await xlsx({ "คะแนนITA ": scoreRows([2565], [SEED_002_2565]) }));
    expect(p.errors).toEqual([]);
  });
});

describe("measures sheet", () => {
  const scores = scoreRows([2567, 2568], [SEED_004_2567, SEED_004_2568]);

  test("columns in any order, indicator lists, status variants", async () => {
    const p = await parse(
      await xlsx({
        "คะแนน ITA": scores,
        มาตรการ: [
          ["มาตรการส่งเสริมคุณธรรม"],
          ["สถานะ", "มาตรการ", "ตัวชี้วัดที่เกี่ยวข้อง", "ผู้รับผิดชอบ", "ขั้นตอนหรือวิธีการปฏิบัติ", "ผลผลิต (Output)", "ผลลัพธ์", "ลำดับ"],
          ["ดำเนินการเสร็จเรียบร้อยแล้ว", "เผยแพร่ข้อมูล", "9", "สำนักปลัด", "ปรับปรุงเว็บไซต์", "เว็บไซต์", "ผ่านเกณฑ์", 1],
          ["กำลังดำเนินการ", "ป้องกันการทุจริต", "๙,๑๐", "กองคลัง", null, null, null, 2],
          [null, null, null, null, null, null, null, 3],
          ["ยังไม่ได้ดำเนินการ", "ทรัพย์สิน", "ตัวชี้วัดที่ 4 และ 5", null, null, null, null, 4],
          [null, "ประชาสัมพันธ์", "1-3", null, null, null, null, 5],
        ],
      }),
    );
    expect(p.errors).toEqual([]);
    const m = p.input!.measures;
    expect(m.map((x) => [x.title, x.indicators, x.status])).toEqual([
      ["เผยแพร่ข้อมูล", [9], "done"],
      ["ป้องกันการทุจริต", [9, 10], "inProgress"],
      ["ทรัพย์สิน", [4, 5], "notStarted"],
      ["ประชาสัมพันธ์", [1, 2, 3], "unknown"],
    ]);
    expect(m[0]).toMatchObject({
      owner: "สำนักปลัด",
      steps: "ปรับปรุงเว็บไซต์",
      output: "เว็บไซต์",
      outcome: "ผ่านเกณฑ์",
      row: 3,
    });
    expect(p.warnings).toContainEqual(expect.objectContaining({ code: "STATUS_BLANK", sheet: "มาตรการ", cell: "A7" }));
  });

  test("unknown status, bad indicator list, missing measure title: each with its cell", async () => {
    const p = await parse(
      await xlsx({
        "คะแนน ITA": scores,
        มาตรการ: [
          ["ลำดับ", "ตัวชี้วัดที่เกี่ยวข้อง", "มาตรการ", "สถานะ"],
          [1, "7", "ก", "ทำไปบ้างแล้ว"],
          [2, "12", "ข", "ดำเนินการแล้ว"],
          [3, "8", null, "ยังไม่ดำเนินการ"],
        ],
      }),
    );
    expect(p.errors.map((e) => [e.code, e.sheet, e.cell])).toEqual([
      ["STATUS_UNKNOWN", "มาตรการ", "D2"],
      ["MEASURE_INDICATOR_INVALID", "มาตรการ", "B3"],
      ["MEASURE_TITLE_MISSING", "มาตรการ", "C4"],
    ]);
  });

  test("a measures sheet without its header row", async () => {
    const p = await parse(await xlsx({ "คะแนน ITA": scores, มาตรการ: [["อะไรก็ได้"], ["x", "y"]] }));
    expect(p.errors).toEqual([expect.objectContaining({ code: "HEADER_NOT_FOUND", sheet: "มาตรการ" })]);
  });
});

describe("settings sheet", () => {
  const scores = scoreRows([2565], [SEED_002_2565]);
  test("thresholds, weights, year, people and digits", async () => {
    const p = await parse(
      await xlsx({
        "คะแนน ITA": scores,
        ตั้งค่า: [
          ["ตั้งค่า"],
          ["รายการ", "ค่า"],
          ["ปีที่วิเคราะห์", "2565"],
          ["เกณฑ์จุดแข็ง (คะแนนตั้งแต่)", 90],
          ["เกณฑ์แก้ไขเร่งด่วน (คะแนนต่ำกว่า)", "75"],
          ["น้ำหนัก IIT (%)", 20],
          ["น้ำหนัก EIT (%)", 20],
          ["น้ำหนัก OIT (%)", 60],
          ["ผู้จัดทำรายงาน", "นายทดสอบ ระบบ"],
          ["ตำแหน่งผู้จัดทำ", "หัวหน้าสำนักปลัด"],
          ["ตัวเลขในรายงาน", "เลขอารบิก"],
        ],
      }),
    );
    expect(p.errors).toEqual([]);
    const s = p.input!.settings;
    expect(s).toMatchObject({
      year: 2565,
      thresholds: { strength: 90, urgent: 75, decline: 5 },
      weights: { IIT: 0.2, EIT: 0.2, OIT: 0.6 },
      preparerName: "นายทดสอบ ระบบ",
      preparerPosition: "หัวหน้าสำนักปลัด",
      digits: "arabic",
    });
    const a = analyze(p.input!);
    expect(a.ok && a.analysis.total).toBe(96.15);
  });
  test("weights that do not add up to 100, and partial weights", async () => {
    const bad = await parse(
      await xlsx({
        "คะแนน ITA": scores,
        ตั้งค่า: [
          ["น้ำหนัก IIT (%)", 30],
          ["น้ำหนัก EIT (%)", 30],
          ["น้ำหนัก OIT (%)", 30],
        ],
      }),
    );
    expect(bad.errors).toEqual([expect.objectContaining({ code: "WEIGHTS_SUM", cell: "B1", params: { sum: 90 } })]);
    const partial = await parse(await xlsx({ "คะแนน ITA": scores, ตั้งค่า: [["น้ำหนัก OIT (%)", 40]] }));
    expect(partial.errors[0]).toMatchObject({ code: "WEIGHTS_PARTIAL", cell: "B1" });
  });
});

describe("files that are not workbooks", () => {
  test("a text file is named as a .csv", async () => {
    const r = await readWorkbook(new TextEncoder().encode("ตัวชี้วัด,คะแนน\n1,98"), "scores.csv");
    expect(r).toEqual({ ok: false, issue: expect.objectContaining({ code: "FILE_CSV" }) });
  });
  test("a damaged .xlsx", async () => {
    const good = await xlsx({ "คะแนน ITA": scoreRows([2565], [SEED_002_2565]) });
    const r = await readWorkbook(good.slice(0, 400), "broken.xlsx");
    expect(r).toEqual({ ok: false, issue: expect.objectContaining({ code: "FILE_CORRUPT" }) });
  });
});

describe("sheet OIT", () => {
  const header: Row = ["ข้อ", "ชื่อรายการ", "ตัวชี้วัดย่อย", "มี / ไม่มี", "ลิงก์", "หมายเหตุ"];
  test("columns by label in any order, sub-indicators written several ways, statuses and links", async () => {
    const oit: Row[] = [
      ["ตรวจรายการ OIT"],
      [],
      ["หมายเหตุ", "ลิงก์", "มี/ไม่มี", "ตัวชี้วัดย่อย", "ชื่อรายการ", "ข้อ"],
      [null, "https://www.example.go.th/a", "มี", "9.1 ข้อมูลพื้นฐาน", "โครงสร้าง", "O1"],
      [null, "ftp://example.go.th/b", "ไม่มี", "ตัวชี้วัดย่อยที่ ๙.๒", "แผน", "O2"],
      [],
      ["ยังไม่ได้ดู", null, null, 10.1, "นโยบาย", "O3"],
    ];
    const p = await parse(await xlsx({ "คะแนน ITA": scoreRows([2565], [SEED_002_2565]), OIT: oit }));
    expect(p.errors).toEqual([]);
    expect(p.input!.oitItems!.map((i) => [i.code, i.sub, i.present, i.row, i.subCell])).toEqual([
      ["O1", "9.1", true, 4, "D4"],
      ["O2", "9.2", false, 5, "D5"],
      ["O3", "10.1", null, 7, "D7"],
    ]);
    expect(p.warnings.map((w) => [w.code, w.sheet, w.cell, paramsOf(w).cells ?? paramsOf(w).value])).toEqual([
      ["OIT_LINK_INVALID", "OIT", "B5", "ftp://example.go.th/b"],
      ["OIT_STATUS_BLANK", "OIT", "C7", "C7"],
    ]);
  });
  test("errors with cells: no code, a repeated code, an unreadable sub-indicator or status; no header", async () => {
    const oit: Row[] = [
      header,
      [null, "ไม่มีข้อ", "9.1", "มี"],
      ["O1", "ก", "9.1", "มี"],
      ["o 1", "ซ้ำ", "9.1", "มี"],
      ["O2", "ข", "ข้อมูลพื้นฐาน", "มี"],
      ["O3", "ค", "9.3", "ครบ"],
    ];
    const p = await parse(await xlsx({ "คะแนน ITA": scoreRows([2565], [SEED_002_2565]), OIT: oit }));
    expect(p.errors.map((e) => [e.code, e.sheet, e.cell])).toEqual([
      ["OIT_CODE_MISSING", "OIT", "A2"],
      ["OIT_CODE_REPEATED", "OIT", "A4"],
      ["OIT_SUB_INVALID", "OIT", "C5"],
      ["OIT_STATUS_UNKNOWN", "OIT", "D6"],
    ]);
    const none = await parse(await xlsx({ "คะแนน ITA": scoreRows([2565], [SEED_002_2565]), OIT: [["x"]] }));
    expect(none.errors).toEqual([expect.objectContaining({ code: "HEADER_NOT_FOUND", sheet: "OIT" })]);
  });
  test("a sub-indicator outside the OIT indicators is left out of the estimate, with its cell", async () => {
    const oit: Row[] = [header, ["O1", "ก", "9.1", "มี"], ["O2", "ข", "7.1", "มี"]];
    const p = await parse(await xlsx({ "คะแนน ITA": scoreRows([2565], [SEED_002_2565]), OIT: oit }));
    const a = analyze(p.input!);
    expect(a.ok && a.analysis.warnings.map((w) => [w.code, w.sheet, w.cell])).toEqual([
      ["OIT_SUB_UNKNOWN", "OIT", "C3"],
    ]);
  });
});

describe("sheet กรอบการประเมิน", () => {
  const tables: Row[] = [
    ["เครื่องมือ", "น้ำหนัก (%)"],
    ["IIT", 20],
    ["EIT", 30],
    ["OIT", "50%"],
    [],
    ["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "เครื่องมือ"],
    ...NAMES.map((n, i) => [i + 1, n, i < 5 ? "iit" : i < 8 ? "EIT" : "OIT"] as Row),
  ];
  test("without a switch row the sheet is used; without a ratings table the 2566 rules apply", async () => {
    const p = await parse(await xlsx({ "คะแนน ITA": scoreRows([2565], [SEED_002_2565]), กรอบการประเมิน: tables }));
    expect(p.errors).toEqual([]);
    expect(p.input!.framework).toMatchObject({ origin: "workbook", weights: { IIT: 0.2, EIT: 0.3, OIT: 0.5 } });
    expect(p.input!.framework!.ratings!.map((r) => r.rating)).toEqual([
      "ผ่านดีเยี่ยม",
      "ผ่านดี",
      "ผ่าน",
      "ต้องปรับปรุง",
      "ต้องปรับปรุงโดยด่วน",
    ]);
  });
  test("a ratings table of its own; a missing table is named", async () => {
    const withRatings: Row[] = [
      ...tables,
      [],
      ["ผลการประเมิน", "คะแนนรวมตั้งแต่", "ทุกเครื่องมือตั้งแต่"],
      ["ผ่านดี", 90, 88],
      ["ผ่าน", 80, null],
      ["ต้องปรับปรุง", 0, null],
    ];
    const p = await parse(await xlsx({ "คะแนน ITA": scoreRows([2565], [SEED_002_2565]), กรอบการประเมิน: withRatings }));
    expect(p.input!.framework!.ratings).toEqual([
      { rating: "ผ่านดี", minTotal: 90, minTools: { IIT: 88, EIT: 88, OIT: 88 } },
      { rating: "ผ่าน", minTotal: 80, minTools: {} },
      { rating: "ต้องปรับปรุง", minTotal: 0, minTools: {} },
    ]);
    expect(p.input!.framework!.passMark).toBe(80);
    const noTools = await parse(
      await xlsx({ "คะแนน ITA": scoreRows([2565], [SEED_002_2565]), กรอบการประเมิน: tables.slice(5) }),
    );
    expect(noTools.errors.map((e) => [e.code, e.sheet, paramsOf(e).label])).toEqual([
      ["HEADER_NOT_FOUND", "กรอบการประเมิน", "เครื่องมือ | น้ำหนัก (%)"],
    ]);
  });
});
