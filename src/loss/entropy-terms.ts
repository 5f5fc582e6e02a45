/**
 * Per-class terms of H(q), H_p(q) and D(q‖p) in nats, with the conventions that keep them finite
 * where the limits are: 0·ln 0 = 0 (a class q never produces costs nothing, whatever p says) and
 * q·ln(q/0) = ∞ for q > 0 (a class q produces but p rules out cannot be encoded at all).
 */

export function entropyTerms(q: ArrayLike<number>): Float64Array {
  const terms = new Float64Array(q.length);
  for (let i = 0; i < q.length; i++) {
    const qi = q[i] as number;
    terms[i] = qi > 0 ? -qi * Math.log(qi) : 0;
  }
  return terms;
}

export function crossEntropyTerms(q: ArrayLike<number>, p: ArrayLike<number>): Float64Array {
  const terms = new Float64Array(q.length);
  for (let i = 0; i < q.length; i++) {
    const qi = q[i] as number;
    const pi = p[i] as number;
    terms[i] = qi > 0 ? (pi > 0 ? -qi * Math.log(pi) : Infinity) : 0;
  }
  return terms;
}

/**
 * q·ln(q/p): never a difference of logs, which would lose the digits q and p share. Within a factor
 * of 2, q − p is exact (Sterbenz) and ln(q/p) = log1p((q − p)/p) keeps every digit of a ratio near
 * 1, which q/p rounded to the nearest float64 would not (for q/p = 1 + 1e-14 that rounding alone
 * costs a percent). `exactGaps` (p − q from the typed decimals, relative-entropy.ts) replaces the
 * float64 q − p there. Only when the ratio over- or underflows (p or q subnormal) is the difference of logs used.
 */
export function klTerms(q: ArrayLike<number>, p: ArrayLike<number>): Float64Array {
  const terms = new Float64Array(q.length);
  for (let i = 0; i < q.length; i++) {
    const qi = q[i] as number;
    const pi = p[i] as number;
    if (!(qi > 0)) terms[i] = 0;
    else if (!(pi > 0)) terms[i] = Infinity;
    else if (qi <= 2 * pi && pi <= 2 * qi) terms[i] = qi * Math.log1p((qi - pi) / pi);
    else {
      const ratio = qi / pi;
      terms[i] = ratio > 0 && ratio < Infinity ? qi * Math.log(ratio) : qi * (Math.log(qi) - Math.log(pi));
    }
  }
  return terms;
}

/** H(r) = −r ln r − (1−r) ln(1−r) of one probability; log1p keeps r near 0 accurate. */
export function binaryEntropyNats(rate: number): number {
  const a = rate > 0 ? -rate * Math.log(rate) : 0;
  const b = rate < 1 ? -(1 - rate) * Math.log1p(-rate) : 0;
  return a + b;
}
