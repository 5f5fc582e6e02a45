import type { ConventionSettings } from './conventions.js';

/**
 * How a row of class probabilities is guarded before −ln q[true class]:
 * - 'clip-then-normalise': scikit-learn 1.2.1's log_loss, np.clip(p, eps, 1−eps) then p / p.sum(axis=1).
 * - 'normalise-then-clip': Kaggle's multi-class LogLoss ("each row divided by its sum, then clipped to
 *   max(min(p, 1−1e-15), 1e-15)") and keras.losses.categorical_crossentropy (backend: output /= sum(output,
 *   axis=-1, keepdims=True); output = clip(output, epsilon, 1−epsilon); −sum(target·log(output))).
 * - 'as-is': torch.nn.NLLLoss on log(p), documented as ℓ_n = −x_{n,y_n} with x = log p: no clip and no
 *   clamp (the −100 clamp is BCELoss's own, not NLLLoss's), no renormalising; a 0 for the true class is ∞.
 */
export type RowGuard = 'clip-then-normalise' | 'normalise-then-clip' | 'as-is';

export interface MulticlassScheme {
  order: RowGuard;
  /** Clip to [eps, 1−eps]; 0 clips nothing. */
  eps: number;
}

/** The row guard of a convention, with an explicit eps= laid over its own (resolveConvention). */
export function multiclassScheme(settings: ConventionSettings): MulticlassScheme {
  const eps = settings.guard.kind === 'clip' ? settings.guard.eps : 0;
  const order: RowGuard = settings.convention === 'sklearn' ? 'clip-then-normalise' : settings.convention === 'torch' ? 'as-is' : 'normalise-then-clip';
  return { order, eps };
}

/**
 * Keras's categorical label smoothing (keras.losses.CategoricalCrossentropy(label_smoothing=s), and
 * torch.nn.CrossEntropyLoss(label_smoothing=s) alike): y·(1−s) + s/K for K classes.
 */
export function smoothedTargets(s: number, k: number): { hit: number; miss: number } {
  return { hit: 1 - s + s / k, miss: s / k };
}

/**
 * The least a point can cost against its smoothed one-hot label: the label's own entropy
 * −(1−s+s/K)ln(1−s+s/K) − (K−1)(s/K)ln(s/K) (Gibbs' inequality, reached at p = the label).
 */
export function smoothedFloorNatsK(s: number, k: number): number {
  if (s === 0) return 0;
  const { hit, miss } = smoothedTargets(s, k);
  return -hit * Math.log(hit) - (k - 1) * miss * Math.log(miss);
}
