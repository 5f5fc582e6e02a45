import { crossEntropyTerms, entropyTerms, klTerms } from './entropy-terms.js';
import { toBase, type AnyBase } from './log-base.js';
import { scaledSum, timesPowerOfTwo } from './scaled-sum.js';
import { klNats, } from './relative-entropy.js';
import { neumaierSum } from './summation.js';

export interface DistributionReport {
  entropy: number;
  crossEntropy?: number;
  kl?: number;
  /** q normalised to sum to 1. */
  q: number[];
  p?: number[];
  /** Each class's term of each sum, in the chosen base; KL terms may be negative, their sum is not. */
  contributions: { entropy: number[]; crossEntropy?: number[]; kl?: number[] };
  /**
   * Why the cross-entropy and KL are infinite: the classes (0-based) q produces and p gives
   * probability 0. Present only when there are some.
   */
  ruledOut?: number[];
  base: AnyBase;
}

/**
 * Counts or unnormalised weights to probabilities, divided by their compensated sum so long count
 * lists stay exact. The sum is kept scaled, so counts of 1e308 normalise like counts of 1 (their
 * plain sum would be ∞ and every probability 0). A total that is not positive and finite has no
 * distribution: all zeros come back (never NaN); callers reject such input before this point.
 */
export function normalize(counts: ArrayLike<number>): Float64Array {
  const total = scaledSum(counts);
  const out = new Float64Array(counts.length);
  if (!(total.value > 0 && total.value < Infinity)) return out;
  for (let i = 0; i < out.length; i++) out[i] = timesPowerOfTwo(counts[i] as number, -total.exponent) / total.value;
  return out;
}

/** Shannon entropy H(q) = −Σ q ln q (Shannon 1948; scipy.stats.entropy), 0 ln 0 = 0. */
export function entropy(q: ArrayLike<number>, base: AnyBase = 'e'): number {
  return toBase(neumaierSum(entropyTerms(q)), base);
}

/** Cross-entropy H_p(q) = −Σ q ln p, the cost of encoding q with a code built for p; ∞ where p_i = 0 < q_i. */
export function crossEntropy(q: ArrayLike<number>, p: ArrayLike<number>, base: AnyBase = 'e'): number {
  return toBase(neumaierSum(crossEntropyTerms(q, p)), base);
}

/** D(q‖p) = Σ q ln(q/p) ≥ 0 by Gibbs' inequality, of q and p normalised; ∞ where p_i = 0 < q_i. */
export function klDivergence(q: ArrayLike<number>, p: ArrayLike<number>, base: AnyBase = 'e'): number {
  return toBase(klOf(q, p), base);
}

/**
 * In nats, without the cancellation of summing the per-class terms (relative-entropy.ts): from the
 * values as given when their sums allow it, so no class is rounded by normalising, else normalised.
 */
function klOf(qRaw: ArrayLike<number>, pRaw: ArrayLike<number>): number {
  return klNats(qRaw, pRaw) ?? (klNats(normalize(qRaw), normalize(pRaw), true) as number);
}

/**
 * Everything /entropy reports: q (and p) normalised, counts allowed; H(q), and with p also
 * H_p(q) = H(q) + D(q‖p), each with its per-class terms. The float64 values are what is measured,
 * as in every library: 0.9456657713430001 is the float64 it names. p must have q's length: a
 * mismatch is the caller's bug and throws.
 */
export function compareDistributions(qRaw: ArrayLike<number>, pRaw?: ArrayLike<number>, base: AnyBase = 'e'): DistributionReport {
  const q = normalize(qRaw);
  const inBase = (terms: Float64Array) => Array.from(terms, (t) => toBase(t, base));
  const hTerms = entropyTerms(q);
  const entropyValue = toBase(neumaierSum(hTerms), base);
  if (!pRaw) return { entropy: entropyValue, q: Array.from(q), contributions: { entropy: inBase(hTerms) }, base };
  if (pRaw.length !== q.length) throw new RangeError(`compareDistributions: q has ${q.length} classes but p has ${pRaw.length}`);
  const p = normalize(pRaw);
  const ceTerms = crossEntropyTerms(q, p);
  const kTerms = klTerms(q, p);
  const ruledOut = ruledOutClasses(q, p);
  return {
    entropy: entropyValue,
    crossEntropy: toBase(neumaierSum(ceTerms), base),
    kl: toBase(klOf(qRaw, pRaw), base),
    q: Array.from(q),
    p: Array.from(p),
    contributions: { entropy: inBase(hTerms), crossEntropy: inBase(ceTerms), kl: inBase(kTerms) },
    ...(ruledOut.length > 0 ? { ruledOut } : {}),
    base,
  };
}

/** The classes q produces (q > 0) that p rules out (p = 0): each makes H_p(q) and D(q‖p) infinite. */
function ruledOutClasses(q: ArrayLike<number>, p: ArrayLike<number>): number[] {
  const classes: number[] = [];
  for (let i = 0; i < q.length; i++) if ((q[i] as number) > 0 && !((p[i] as number) > 0)) classes.push(i);
  return classes;
}
