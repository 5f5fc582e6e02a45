import { neumaierDot, neumaierSum } from './summation.js';

/** One non-empty bin of a reliability diagram. */
export interface CalibrationBin {
  /** The bin's edges, [lower, upper]: (lower, upper] except the first, which includes 0. */
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin (calibration_curve's prob_pred). */
  meanPredicted: number;
  /** Share of the bin's labels that are 1, the mean label for soft labels (calibration_curve's prob_true). */
  observed: number;
}

export interface Calibration {
  /** Σw(p − y)² / Σw, sklearn.metrics.brier_score_loss (weighted when weights are given). */
  brier: number;
  /** Σ_b (n_b / N)·|mean p_b − frequency_b| over the non-empty bins (unweighted, as calibration_curve). */
  ece: number;
  binCount: number;
  /** Only the non-empty bins, in order. */
  bins: CalibrationBin[];
}

/**
 * The bin of p as sklearn.calibration.calibration_curve(strategy='uniform') picks it:
 * np.searchsorted(edges[1:-1], p) with edges = np.linspace(0, 1, n + 1) = k·(1/n), i.e. the number
 * of inner edges strictly below p. The estimate from p·n is corrected against the very same edges,
 * so a p that lies on a rounded edge (0.30000000000000004) lands where numpy puts it.
 */
export function binIndex(p: number, n: number): number {
  const step = 1 / n;
  let b = Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));
  while (b > 0 && !(b * step < p)) b--;
  while (b < n - 1 && (b + 1) * step < p) b++;
  return b;
}

/**
 * The Brier score, the expected calibration error and the reliability diagram's bins of
 * predicted probabilities p against labels y, equal-width bins as calibration_curve(n_bins,
 * strategy='uniform'). Sums per bin are compensated.
 */
export function calibration(y: Float64Array, p: Float64Array, binCount: number, weights?: Float64Array): Calibration {
  const n = y.length;
  const squared = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = (p[i] as number) - (y[i] as number);
    squared[i] = d * d;
  }
  const brier = weights ? neumaierDot(weights, squared) / neumaierSum(weights) : n > 0 ? neumaierSum(squared) / n : 0;

  const members: number[][] = Array.from({ length: binCount }, () => []);
  for (let i = 0; i < n; i++) members[binIndex(p[i] as number, binCount)]?.push(i);
  const step = 1 / binCount;
  const bins: CalibrationBin[] = [];
  const gaps: number[] = [];
  members.forEach((indices, b) => {
    if (indices.length === 0) return;
    const meanPredicted = neumaierSum(indices.map((i) => p[i] as number)) / indices.length;
    const observed = neumaierSum(indices.map((i) => y[i] as number)) / indices.length;
    bins.push({ lower: b * step, upper: b === binCount - 1 ? 1 : (b + 1) * step, count: indices.length, meanPredicted, observed });
    gaps.push((indices.length / n) * Math.abs(meanPredicted - observed));
  });
  return { brier, ece: neumaierSum(gaps), binCount, bins };
}
