import { neumaierSum } from './summation.js';

/**
 * D(q‖p) for nearly equal distributions. Σ q ln(q/p) is a sum of first-order terms (±q·x with
 * x = (q−p)/p) that cancel down to a second-order result (≈ Σ p x²/2): for q and p agreeing to 13
 * digits the terms are ~1e-14 and the divergence ~1e-27, so summing them leaves only rounding
 * (scipy 1.10.1's entropy(q, p), which sums rel_entr terms, returns −1.8e-17 for such a pair).
 * Each term is therefore taken with its first order removed, as scipy.special.kl_div does:
 * q ln(q/p) − q + p = p·g(x), g(x) = (1+x) ln(1+x) − x ≥ 0, and the removed Σ(q − p) is put back
 * exactly through the sums (see klNats).
 */

/** Below this |x| the series of g is used: (1+x)ln(1+x) − x would cancel all but x²/2 of x. */
const SERIES_BELOW = 0.1;

/** g(x) = (1+x) ln(1+x) − x = Σ_{k≥2} (−x)^k / (k(k−1)), x ≥ −1. */
export function excessOverLinear(x: number): number {
  if (x === -1) return 1;
  if (Math.abs(x) >= SERIES_BELOW) return Number.isFinite(x) ? (1 + x) * Math.log1p(x) - x : Infinity;
  let power = x * x;
  let sum = 0;
  // |x| < 0.1: 17 terms reach 1e-17 relative; the loop stops as soon as a term no longer counts.
  for (let k = 2; k < 40; k++) {
    const term = power / (k * (k - 1));
    const next = sum + (k % 2 === 0 ? term : -term);
    if (next === sum) break;
    sum = next;
    power *= x;
  }
  return sum;
}

/** t − ln(1+t) ≥ 0: what renormalising two sums that differ by the factor 1+t costs. */
function renormalisation(t: number): number {
  if (Math.abs(t) >= SERIES_BELOW) return t - Math.log1p(t);
  // Σ_{k≥2} (−1)^k t^k / k: the subtraction would keep only t²/2 of t.
  let power = t * t;
  let sum = 0;
  for (let k = 2; k < 40; k++) {
    const term = power / k;
    const next = sum + (k % 2 === 0 ? term : -term);
    if (next === sum) break;
    sum = next;
    power *= t;
  }
  return sum;
}

/** One class's q ln(q/p) − q + p, in nats: 0 where q = p = 0, p where q = 0, ∞ where p = 0 < q. */
export function klDivTerm(q: number, p: number, gap: number = p - q): number {
  if (!(q > 0)) return p > 0 ? p : 0;
  if (!(p > 0)) return Infinity;
  // Within a factor of 2, q − p is exact (Sterbenz), so x carries one rounding.
  if (q <= 2 * p && p <= 2 * q) return p * excessOverLinear(-gap / p);
  const ratio = q / p;
  const log = ratio > 0 && ratio < Infinity ? Math.log(ratio) : Math.log(q) - Math.log(p);
  return q * log - q + p;
}

/**
 * D(q̂‖p̂) in nats of q̂ = q/Σq and p̂ = p/Σp, from q and p as given: (1/Σq)·Σ kl_div(q, p) − h(t)
 * with 1+t = Σp/Σq and h(t) = t − ln(1+t). Taking the sums out analytically spares every class
 * the rounding of q/Σq, which alone moves a 1e-27 divergence by a percent. The Σ(p − q) in t is
 * summed from the differences (exact within a factor of 2), so t is accurate even when it is a few
 * ulps. Null when the renormalisation would cancel more than a thousandth of what it leaves (sums
 * of very different sizes, as counts against probabilities) unless `anyway`: the caller then
 * normalises first and asks again, anyway.
 */
export function klNats(q: ArrayLike<number>, p: ArrayLike<number>, anyway = false): number | null {
  const terms = new Float64Array(q.length);
  const gaps = new Float64Array(q.length);
  for (let i = 0; i < q.length; i++) {
    const qi = q[i] as number;
    const pi = p[i] as number;
    if (qi > 0 && !(pi > 0)) return Infinity;
    gaps[i] = pi - qi;
    terms[i] = klDivTerm(qi, pi, gaps[i]);
  }
  const sumQ = neumaierSum(q);
  const sum = neumaierSum(terms);
  // Counts near 1e308 overflow the terms or their sum, not the divergence: normalised, they cannot.
  if (!(sumQ > 0 && sumQ < Infinity && sum < Infinity)) return anyway ? 0 : null;
  const excess = sum / sumQ;
  const cost = renormalisation(neumaierSum(gaps) / sumQ);
  if (!anyway && !(cost <= 1e-3 * excess)) return null;
  return Math.max(0, excess - cost);
}
