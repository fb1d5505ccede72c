import { diff2, fromNumber, mean, roundHalfUp, round2 } from "../../src/core/decimal";

describe("exact decimal rounding", () => {
  test("rounds half up where binary floating point would round down", () => {
    // these are stored just below the half: naive rounding goes down
    expect((1.005).toFixed(2)).toBe("1.00");
    expect((84.645).toFixed(2)).toBe("84.64");
    expect(Math.round(1.255 * 100) / 100).toBe(1.25);
    expect(round2(1.255)).toBe(1.26);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(90.045)).toBe(90.05);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(84.645)).toBe(84.65);
    expect(round2(84.644999)).toBe(84.64);
  });
  test("means are exact fractions until the end", () => {
    // (97.08 + 92.75 + 86.17) / 3 = 92 exactly
    expect(roundHalfUp(mean([97.08, 92.75, 86.17].map(fromNumber)))).toBe(92);
    // 296.92 / 3 = 98.97333…
    expect(roundHalfUp(mean([99.17, 98.83, 98.92].map(fromNumber)))).toBe(98.97);
  });
  test("negative values and differences", () => {
    expect(round2(-2.345)).toBe(-2.35);
    expect(diff2(81.25, 100)).toBe(-18.75);
    expect(diff2(0.3, 0.1)).toBe(0.2);
    expect(round2(-0.001)).toBe(0);
  });
  test("numbers printed in exponent form", () => {
    expect(fromNumber(1e-7)).toEqual({ num: 1n, den: 10000000n });
    expect(fromNumber(1e21).num).toBe(10n ** 21n);
    expect(() => fromNumber(NaN)).toThrow();
  });
});
