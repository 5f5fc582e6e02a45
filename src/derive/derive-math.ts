import type { DeriveNumbers } from './derivation.js';

/** scikit-learn >= 1.5 clips p to [eps, 1 - eps] with float64's machine epsilon, as /logloss does. */
export const EPS = 2 ** -52;

export const clip = (p: number): number => Math.min(Math.max(p, EPS), 1 - EPS);

/** ln(1 + e^x) without overflow: max(x, 0) + ln(1 + e^-|x|). */
export const softplus = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

/**
 * ln of the probability point i gave its true class. From logits it is −softplus(∓z), exact at
 * |z| = 800 where σ(z) rounds to 0 or 1; from p it is ln of the clipped p or 1 − p.
 */
export function logTrueClass(numbers: DeriveNumbers, i: number): number {
  const y = numbers.y[i] as number;
  if (numbers.logits) {
    const z = numbers.logits[i] as number;
    return y === 1 ? -softplus(-z) : -softplus(z);
  }
  const p = clip(numbers.p[i] as number);
  return y === 1 ? Math.log(p) : Math.log1p(-p);
}

export const perPoint = <T>(numbers: DeriveNumbers, f: (i: number) => T): T[] => Array.from({ length: numbers.y.length }, (_, i) => f(i));

export const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

/** The probability of class 1 a step uses: clipped like the loss, so ln never sees 0. */
export const pOf = (numbers: DeriveNumbers, i: number): number => clip(numbers.p[i] as number);

/**
 * The probabilities a step writes for classes 1 and 0. From logits 1 − p is σ(−z), so z = 800
 * shows ln(1 − p) as ln 1e-348-ish rather than ln 0; from p both are clipped like the loss.
 */
export function classProbabilities(numbers: DeriveNumbers, i: number): { p1: number; p0: number } {
  if (numbers.logits) {
    const z = numbers.logits[i] as number;
    return { p1: 1 / (1 + Math.exp(-z)), p0: 1 / (1 + Math.exp(z)) };
  }
  const p = pOf(numbers, i);
  return { p1: p, p0: 1 - p };
}
