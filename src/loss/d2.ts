/**
 * D² = 1 − loss / baseline: scikit-learn's d2_log_loss_score (>= 1.5), McFadden's pseudo-R². Both
 * losses must be reduced alike (mean, sum or per batch: the ratio is the same). 1 is perfect, 0
 * no better than the base rate, below 0 worse. Undefined (null) with fewer than two points, where
 * scikit-learn warns and returns nan, and when the baseline is 0 (one class: nothing to explain).
 */
export function d2Score(loss: number, baseline: number, n: number): number | null {
  if (n < 2 || !(baseline > 0) || !Number.isFinite(baseline)) return null;
  if (loss === Infinity) return -Infinity;
  return 1 - loss / baseline;
}
