import type { BceOptions } from './bce-types.js';
import { KERAS_EPS, PYTORCH_LOG_FLOOR, type ProbabilityGuard } from './conventions.js';
import { toBase } from './log-base.js';
import { reduceLosses } from './reduce.js';

const PYTORCH_GUARD: ProbabilityGuard = { kind: 'log-floor', floor: PYTORCH_LOG_FLOOR };
const KERAS_GUARD: ProbabilityGuard = { kind: 'clip', eps: KERAS_EPS };

/**
 * Below 1e-7 (or above 1 - 1e-7) Keras clips and below e^-100 PyTorch clamps; anywhere else both
 * agree with scikit-learn's figure, so the main loop only asks for them when a p lies out here.
 */
export function isExtreme(p: number): boolean {
  return !(p >= KERAS_EPS && p <= 1 - KERAS_EPS);
}

/**
 * −[w₊·y·ln p + (1−y)·ln(1−p)] for one point under a guard, with 0·ln(anything) = 0 as scipy's
 * xlogy, so eps = 0 gives ∞ (never NaN) for a certain mistake and 0 for a certain hit.
 * - clip (scikit-learn, Kaggle, Keras 3 binary_crossentropy): p → clip(p, eps, 1−eps), then
 *   ln(1−p) of the rounded 1−p, as numpy and Keras compute it.
 * - log-floor (torch.nn.BCELoss, aten/src/ATen/native/Loss.cpp): max(log(p), −100) and
 *   max(log1p(−p), −100).
 * posWeight is BCEWithLogitsLoss's pos_weight (1 for the plain loss).
 */
export function guardedPointLoss(y: number, p: number, guard: ProbabilityGuard, posWeight = 1): number {
  let logP: number;
  let logQ: number;
  if (guard.kind === 'clip') {
    const used = p < guard.eps ? guard.eps : p > 1 - guard.eps ? 1 - guard.eps : p;
    logP = y === 0 ? 0 : Math.log(used);
    logQ = y === 1 ? 0 : Math.log(1 - used);
  } else {
    logP = y === 0 ? 0 : Math.max(Math.log(p), guard.floor);
    logQ = y === 1 ? 0 : Math.max(Math.log1p(-p), guard.floor);
  }
  const positive = y === 0 ? 0 : posWeight * y * logP;
  const negative = y === 1 ? 0 : (1 - y) * logQ;
  return -(positive + negative);
}

/** The probability a guard actually scores: the clipped p, or p itself under a log floor. */
export function guardedProbability(p: number, guard: ProbabilityGuard): number {
  if (guard.kind !== 'clip') return p;
  return p < guard.eps ? guard.eps : p > 1 - guard.eps ? 1 - guard.eps : p;
}

/**
 * The loss PyTorch and Keras would report for the same unclipped p, with our reduction, weights
 * and base, so a reply can say why the three libraries disagree on a confident mistake.
 */
export function otherLibraryLosses(y: Float64Array, p: Float64Array, options: BceOptions): { pytorch: number; keras: number } {
  const pytorch = new Float64Array(y.length);
  const keras = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    pytorch[i] = guardedPointLoss(y[i] as number, p[i] as number, PYTORCH_GUARD);
    keras[i] = guardedPointLoss(y[i] as number, p[i] as number, KERAS_GUARD);
  }
  const reduction = options.reduction ?? 'mean';
  const base = options.base ?? 'e';
  return {
    pytorch: toBase(reduceLosses(pytorch, options.weights, reduction), base),
    keras: toBase(reduceLosses(keras, options.weights, reduction), base),
  };
}
