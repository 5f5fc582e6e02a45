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

  // One pass with a compensated sum per bin (Neumaier, as summation.ts): a million-row CSV costs
  // no index arrays, and each bin's mean keeps float64 accuracy.
  const counts = new Float64Array(binCount);
  const sums = { p: new Float64Array(binCount), pc: new Float64Array(binCount), y: new Float64Array(binCount), yc: new Float64Array(binCount) };
  const add = (total: Float64Array, comp: Float64Array, b: number, v: number) => {
    const t0 = total[b] as number;
    const t = t0 + v;
    comp[b] = (comp[b] as number) + (Math.abs(t0) >= Math.abs(v) ? t0 - t + v : v - t + t0);
    total[b] = t;
  };
  for (let i = 0; i < n; i++) {
    const pi = p[i] as number;
    const b = binIndex(pi, binCount);
    counts[b] = (counts[b] as number) + 1;
    add(sums.p, sums.pc, b, pi);
    add(sums.y, sums.yc, b, y[i] as number);
  }
  const step = 1 / binCount;
  const bins: CalibrationBin[] = [];
  const gaps: number[] = [];
  for (let b = 0; b < binCount; b++) {
    const count = counts[b] as number;
    if (count === 0) continue;
    const meanPredicted = ((sums.p[b] as number) + (sums.pc[b] as number)) / count;
    const observed = ((sums.y[b] as number) + (sums.yc[b] as number)) / count;
    bins.push({ lower: b * step, upper: b === binCount - 1 ? 1 : (b + 1) * step, count, meanPredicted, observed });
    gaps.push((count / n) * Math.abs(meanPredicted - observed));
  }
  return { brier, ece: neumaierSum(gaps), binCount, bins };
}
