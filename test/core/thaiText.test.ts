import fc from "fast-check";
import { normThai } from "../../src/core/thaiText";
import { nameMatches, FRAMEWORKS } from "../../src/core/frameworks";
import { parseStatus } from "../../src/layout/parse";

describe("normThai: Thai text that looks the same compares the same", () => {
  test.each([
    ["tone mark typed before the vowel", "ต\u0e49\u0e31งค่า", "ตั้งค่า"],
    ["sara am typed as nikhahit + sara aa", "อ\u0e4dาเภอ", "อำเภอ"],
    ["nikhahit, tone, sara aa", "น\u0e4d\u0e49า", "น้ำ"],
    ["zero-width space and joiner", "คะแนน\u200b ITA\u200d", "คะแนน ITA"],
  ])("%s", (_n, typed, canonical) => {
    expect(normThai(typed)).toBe(normThai(canonical));
    expect(normThai(typed)).not.toBe(typed);
  });

  test("idempotent, and any order of the marks on one consonant gives the same text", () => {
    const marks = fc.subarray(["\u0e34", "\u0e48", "\u0e38", "\u0e4c"], { minLength: 1 });
    fc.assert(
      fc.property(fc.constantFrom("ก", "ต", "น"), marks, fc.context(), (base, ms, ctx) => {
        const a = base + ms.join("");
        const b = base + [...ms].reverse().join("");
        ctx.log(JSON.stringify([a, b]));
        expect(normThai(a)).toBe(normThai(b));
        expect(normThai(normThai(a))).toBe(normThai(a));
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  test("statuses and indicator names typed in another mark order are recognised", () => {
    expect(parseStatus("ดำเนินการเสร\u0e47\u0e08แล\u0e49ว")).toBe("done");
    expect(parseStatus("ด\u0e4dาเนินการเสร็จเรียบร้อยแล้ว")).toBe("done");
    const def = FRAMEWORKS[FRAMEWORKS.length - 1].indicators[1]; // การใช้งบประมาณ
    expect(nameMatches(def, def.name.replace("ใช้", "ใช\u0e49"))).toBe(true);
  });
});
