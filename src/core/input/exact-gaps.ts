import type { ExactGaps } from '../../loss/index.js';
import { asciiMinus } from '../parse-number.js';

/** digits·10^exponent, exactly as typed. */
interface Decimal {
  digits: bigint;
  exponent: number;
}

const DECIMAL = /^\+?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Beyond this spread of exponents the exact sums would be numbers of thousands of digits; such input is not "nearly equal". */
const MAX_SPREAD = 700;
/** Digits kept past the leading one when a ratio is cut to an integer: far more than float64's 17. */
const GUARD_DIGITS = 25;

function readDecimal(token: string): Decimal | undefined {
  const text = asciiMinus(token.trim());
  const percent = text.endsWith('%');
  const match = DECIMAL.exec(percent ? text.slice(0, -1) : text);
  if (!match) return undefined;
  const [, whole = '', fraction = '', power = '0'] = match;
  if (whole.length + fraction.length === 0) return undefined;
  return { digits: BigInt(whole + fraction), exponent: Number(power) - fraction.length - (percent ? 2 : 0) };
}

const digitCount = (n: bigint) => (n < 0n ? -n : n).toString().length;

/**
 * The float64 nearest num/den (den > 0): the quotient cut to an integer of GUARD_DIGITS digits,
 * then Number() of its decimal text, which rounds once; the cut moves it by < 1e-24 relative.
 */
function nearestRatio(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = Math.max(0, GUARD_DIGITS + digitCount(den) - digitCount(num));
  return Number(`${(num * 10n ** BigInt(shift)) / den}e-${shift}`);
}

/**
 * p̂ − q̂ per class of q and p normalised, from the typed decimals (relative-entropy.ts says why
 * it matters): p_i/Σp − q_i/Σq = (p_i·Σq − q_i·Σp) / (Σq·Σp) in integers. Undefined when a token
 * is not a plain decimal or a sum is 0 (the float64 values are used then).
 */
export function exactGaps(qTokens: readonly string[], pTokens: readonly string[]): ExactGaps | undefined {
  if (qTokens.length !== pTokens.length) return undefined;
  const q = qTokens.map(readDecimal);
  const p = pTokens.map(readDecimal);
  const all = [...q, ...p];
  if (all.some((d) => d === undefined)) return undefined;
  const exponents = (all as Decimal[]).map((d) => d.exponent);
  const low = Math.min(...exponents);
  if (Math.max(...exponents) - low > MAX_SPREAD) return undefined;
  const scaled = (d: Decimal | undefined) => (d as Decimal).digits * 10n ** BigInt((d as Decimal).exponent - low);
  const qs = q.map(scaled);
  const ps = p.map(scaled);
  const sumQ = qs.reduce((a, b) => a + b, 0n);
  const sumP = ps.reduce((a, b) => a + b, 0n);
  if (sumQ === 0n || sumP === 0n) return undefined;
  return { perClass: qs.map((qi, i) => nearestRatio((ps[i] as bigint) * sumQ - qi * sumP, sumQ * sumP)) };
}
