import { quotient, scaledDot, scaledSum, unscaled, type Scaled } from './scaled-sum.js';

export type Reduction = 'mean' | 'sum';

/** Σ w·l (or Σ l), compensated, kept scaled so that a total beyond float64 still divides correctly. */
export function weightedTotal(losses: Float64Array, weights: Float64Array | undefined): Scaled {
  return weights ? scaledDot(weights, losses) : scaledSum(losses);
}

/**
 * The sum as is, or the mean: Σw·l / Σw, scikit-learn's sample_weight convention (PyTorch's
 * `weight` would divide by n instead). An empty or zero-weight set has mean 0, not 0/0. Both sums
 * may pass 1.798e308 while the mean does not (two weights of 1e308), so they stay scaled until
 * the division; a sum that really exceeds float64 is ∞.
 */
export function reduceTotal(total: Scaled, weights: Float64Array | undefined, n: number, reduction: Reduction): number {
  if (reduction === 'sum') return unscaled(total);
  const denominator = weights ? scaledSum(weights) : { value: n, exponent: 0 };
  return denominator.value > 0 ? quotient(total, denominator) : 0;
}

export function reduceLosses(losses: Float64Array, weights: Float64Array | undefined, reduction: Reduction): number {
  return reduceTotal(weightedTotal(losses, weights), weights, losses.length, reduction);
}
