import { fillTemplate, issueMessage, makeIssue, MESSAGES, type IssueCode } from "../../src/core/messages";

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the issue catalogue", () => {
  it("every code reads in Thai and English with the same placeholders", () => {
    const mismatched = (Object.keys(MESSAGES) as IssueCode[]).filter((code) => {
      const { th, en } = MESSAGES[code];
      return !th.trim() || !en.trim() || placeholders(th).join() !== placeholders(en).join();
    });
    expect(mismatched).toEqual([]);
  });

  it("params are checked against the templates at compile time", () => {
    const ok = makeIssue("YEAR_REPEATED", "error", { sheet: "คะแนน ITA", cell: "F8" }, { year: 2568, first: "E8" });
    expect(issueMessage(ok, "en")).toBe("Year 2568 repeats column E8");
    // @ts-expect-error a required param is missing
    makeIssue("YEAR_REPEATED", "error", {}, { year: 2568 });
    // @ts-expect-error a param the templates do not have
    makeIssue("UNIT_NAME_MISSING", "error", {}, { name: "x" });
    // @ts-expect-error a code with no translation does not exist
    makeIssue("NO_SUCH_CODE", "error", {});
  });

  it("one filler: unknown placeholders stay as written", () => {
    expect(fillTemplate("{a} และ {b}", { a: 1 })).toBe("1 และ {b}");
  });
});
