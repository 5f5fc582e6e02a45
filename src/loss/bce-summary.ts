import type { BceOptions } from './bce-types.js';
import { toBase } from './log-base.js';
import { reduceTotal, weightedTotal } from './reduce.js';
import { scaledProduct, type Scaled } from './scaled-sum.js';

/**
 * Reduces the per-point losses (compensated: a million terms keep float64 accuracy), works out
 * each point's share of the total, then converts the per-point losses to the chosen base in place.
 */
export function summarize(perPointNats: Float64Array, options: BceOptions): { loss: number; lossNats: number; share: Float64Array } {
  const w = options.weights;
  const base = options.base ?? 'e';
  const total = weightedTotal(perPointNats, w);
  const share = shares(perPointNats, w, total);
  const lossNats = reduceTotal(total, w, perPointNats.length, options.reduction ?? 'mean');
  const factor = toBase(1, base);
  if (factor !== 1) for (let i = 0; i < perPointNats.length; i++) perPointNats[i] = (perPointNats[i] as number) * factor;
  return { loss: toBase(lossNats, base), lossNats, share };
}

/** w_i·l_i / Σ w·l; all 0 when the total is 0. */
function shares(perPoint: Float64Array, w: Float64Array | undefined, total: Scaled): Float64Array {
  const share = new Float64Array(perPoint.length);
  if (total.value === Infinity) {
    shareAmongInfinite(perPoint, w, share);
    return share;
  }
  if (!(total.value > 0)) return share;
  const inverse = 1 / total.value;
  if (total.exponent === 0 && inverse < Infinity) {
    // One division, then products: shares are for display, and a million divisions cost ~5 ms here.
    if (w) for (let i = 0; i < share.length; i++) share[i] = (w[i] as number) * (perPoint[i] as number) * inverse;
    else for (let i = 0; i < share.length; i++) share[i] = (perPoint[i] as number) * inverse;
    return share;
  }
  // A total beyond float64 (kept scaled), or one so small (subnormal) that its reciprocal overflows.
  for (let i = 0; i < share.length; i++) share[i] = scaledProduct(w ? (w[i] as number) : 1, perPoint[i] as number, total.exponent) / total.value;
  return share;
}

/** An infinite total (reachable only from infinite logits) is split evenly among the infinite terms instead of ∞/∞. */
function shareAmongInfinite(perPoint: Float64Array, w: Float64Array | undefined, share: Float64Array): void {
  const counts = (i: number) => perPoint[i] === Infinity && (!w || (w[i] as number) > 0);
  let count = 0;
  for (let i = 0; i < perPoint.length; i++) if (counts(i)) count++;
  for (let i = 0; i < perPoint.length; i++) if (counts(i)) share[i] = 1 / count;
}
