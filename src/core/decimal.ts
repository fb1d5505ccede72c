/**
 * Exact decimal arithmetic for scores, so that rounding half up to 2 decimals is exact
 * (90.045 → 90.05, never 90.04 through binary floating point).
 *
 * A number is read as the shortest decimal that JavaScript prints for it (98.68 is 98.68,
 * not 98.6799999…), which is what the user typed or what Excel shows at full precision.
 */

export interface Rational {
  num: bigint;
  den: bigint; // always > 0
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function norm(num: bigint, den: bigint): Rational {
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

/** The exact decimal value of a finite number as JavaScript prints it. */
export function fromNumber(n: number): Rational {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const s = String(n); // shortest round-trip representation
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) throw new RangeError(`unexpected number format: ${s}`);
  const [, sign, int, frac = "", exp = "0"] = m;
  let num = BigInt(int + frac);
  let den = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e > 0) num *= 10n ** BigInt(e);
  else if (e < 0) den *= 10n ** BigInt(-e);
  if (sign) num = -num;
  return norm(num, den);
}

export const ZERO: Rational = { num: 0n, den: 1n };

export function add(a: Rational, b: Rational): Rational {
  return norm(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function mul(a: Rational, b: Rational): Rational {
  return norm(a.num * b.num, a.den * b.den);
}

export function divInt(a: Rational, k: number): Rational {
  return norm(a.num, a.den * BigInt(k));
}

export function sum(xs: Rational[]): Rational {
  return xs.reduce(add, ZERO);
}

export function mean(xs: Rational[]): Rational {
  if (xs.length === 0) throw new RangeError("mean of nothing");
  return divInt(sum(xs), xs.length);
}

/** Rounds half away from zero to `places` decimals and returns the nearest double. */
export function roundHalfUp(a: Rational, places = 2): number {
  const scale = 10n ** BigInt(places);
  const neg = a.num < 0n;
  const absNum = neg ? -a.num : a.num;
  // floor(|a| * scale + 1/2) = floor((2·|num|·scale + den) / (2·den))
  const q = (2n * absNum * scale + a.den) / (2n * a.den);
  const s = q.toString().padStart(places + 1, "0");
  const text = places > 0 ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
  return Number((neg && q !== 0n ? "-" : "") + text);
}

/** Rounds a plain number half up to 2 decimals exactly (via its decimal value). */
export function round2(n: number): number {
  return roundHalfUp(fromNumber(n), 2);
}

/** Exact difference a − b of two numbers, rounded half up to 2 decimals. */
export function diff2(a: number, b: number): number {
  // fast exact path: both have at most 2 decimals
  const ha = Math.round(a * 100);
  const hb = Math.round(b * 100);
  if (ha / 100 === a && hb / 100 === b && Math.abs(ha) < 1e12 && Math.abs(hb) < 1e12) return (ha - hb) / 100;
  const rb = fromNumber(b);
  return roundHalfUp(add(fromNumber(a), { num: -rb.num, den: rb.den }), 2);
}
