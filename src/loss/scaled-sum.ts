import { neumaierDot, neumaierSum } from './summation.js';

/**
 * A number that may lie beyond float64's range, held as value·2^exponent. A sum of finite terms
 * can overflow while the mean or ratio it feeds cannot: 1e308 + 1e308 is ∞ but their mean is
 * 1e308. Dividing every term by one power of two is exact, so a scaled sum keeps neumaierSum's
 * accuracy and the exponent comes back only after the division.
 */
export interface Scaled {
  value: number;
  exponent: number;
}

/** x·2^k in steps float64 can hold (2^k alone is ∞ above k = 1023); exact unless the result is subnormal. */
export function timesPowerOfTwo(x: number, k: number): number {
  let result = x;
  let rest = k;
  while (rest > 1000) {
    result *= 2 ** 1000;
    rest -= 1000;
  }
  while (rest < -1000) {
    result *= 2 ** -1000;
    rest += 1000;
  }
  return result * 2 ** rest;
}

/** An integer e with |x| < 2^e; one more than needed where log2 rounds, which only costs headroom. */
function exponentAbove(x: number): number {
  return x === 0 ? -1074 : Math.ceil(Math.log2(Math.abs(x))) + 1;
}

/**
 * The shift that brings n terms each below 2^largest to a sum below 2^1022: room for the
 * compensation term, and a mean that can be put back with one multiplication.
 */
function shiftFor(largest: number, n: number): number {
  return Math.max(0, largest + exponentAbove(n) - 1022);
}

/** x·y·2^−k without the product overflowing first; one rounding unless the result is subnormal. */
export function scaledProduct(x: number, y: number, k: number): number {
  const product = x * y;
  if (Number.isFinite(product) || !Number.isFinite(x) || !Number.isFinite(y)) return timesPowerOfTwo(product, -k);
  // An overflowing product of finite factors has both above 1 in magnitude, so each can take
  // half of the shift (at most ~525) and stay a normal number: no precision is lost.
  const half = Math.trunc(k / 2);
  return timesPowerOfTwo(x, -half) * timesPowerOfTwo(y, half - k);
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i] as number)) return false;
  return true;
}

/**
 * Σ values, compensated as neumaierSum. Only when that overflows with every term finite is the
 * sum taken again on the terms divided by a power of two; an infinite term gives its ∞ as before.
 */
export function scaledSum(values: ArrayLike<number>): Scaled {
  const plain = neumaierSum(values);
  if (Number.isFinite(plain) || !allFinite(values)) return { value: plain, exponent: 0 };
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i] as number));
  const exponent = shiftFor(exponentAbove(largest), values.length);
  const shrunk = Float64Array.from(values, (v) => timesPowerOfTwo(v, -exponent));
  return { value: neumaierSum(shrunk), exponent };
}

/**
 * Σ a[i]·b[i], compensated as neumaierDot; where a product or the sum overflows with every factor
 * finite, each product is shifted by one power of two as it is formed (scaledProduct).
 */
export function scaledDot(a: ArrayLike<number>, b: ArrayLike<number>): Scaled {
  const plain = neumaierDot(a, b);
  if (Number.isFinite(plain) || !allFinite(a) || !allFinite(b)) return { value: plain, exponent: 0 };
  let largest = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== 0 && y !== 0) largest = Math.max(largest, exponentAbove(x) + exponentAbove(y));
  }
  const exponent = shiftFor(largest, a.length);
  const terms = new Float64Array(a.length);
  for (let i = 0; i < terms.length; i++) terms[i] = scaledProduct(a[i] as number, b[i] as number, exponent);
  return { value: neumaierSum(terms), exponent };
}

/** The number itself: ∞ when it really lies beyond float64's largest, 1.798e308. */
export function unscaled(s: Scaled): number {
  return timesPowerOfTwo(s.value, s.exponent);
}

/** numerator / denominator with the exponents put back after dividing, so neither sum's overflow reaches the ratio. */
export function quotient(numerator: Scaled, denominator: Scaled): number {
  return timesPowerOfTwo(numerator.value / denominator.value, numerator.exponent - denominator.exponent);
}
