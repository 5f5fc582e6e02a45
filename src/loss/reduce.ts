import { quotient, scaledDot, scaledSum, unscaled, type Scaled } from './scaled-sum.js';

/**
 * mean: Σw·l / Σw (scikit-learn's sample_weight). sum: Σw·l. sum_over_batch_size: Σw·l / N, what
 * Keras calls it and what torch.nn.BCELoss(weight=w, reduction='mean') does: the weights scale the
 * terms but the divisor stays the number of points.
 */
export type Reduction = 'mean' | 'sum' | 'sum_over_batch_size';

export const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'sum_over_batch_size'];

/** Σ w·l (or Σ l), compensated, kept scaled so that a total beyond float64 still divides correctly. */
export function weightedTotal(losses: Float64Array, weights: Float64Array | undefined): Scaled {
  return weights ? scaledDot(weights, losses) : scaledSum(losses);
}

/**
 * The reduced total. An empty or zero-weight set has mean 0, not 0/0. Both sums may pass 1.798e308
 * while the mean does not (two weights of 1e308), so they stay scaled until the division; a sum
 * that really exceeds float64 is ∞.
 */
export function reduceTotal(total: Scaled, weights: Float64Array | undefined, n: number, reduction: Reduction): number {
  if (reduction === 'sum') return unscaled(total);
  const denominator = weights && reduction === 'mean' ? scaledSum(weights) : { value: n, exponent: 0 };
  return denominator.value > 0 ? quotient(total, denominator) : 0;
}

export function reduceLosses(losses: Float64Array, weights: Float64Array | undefined, reduction: Reduction): number {
  return reduceTotal(weightedTotal(losses, weights), weights, losses.length, reduction);
}
