import type { Result } from '../core/result.js';
import type { Features } from './fit-settings.js';

/**
 * Why some data has no logistic-regression fit, as a code and the numbers that show it; the
 * caller words it for people (src/core/messages.ts).
 */
export type LogisticProblem =
  | { code: 'labels-not-binary'; label: number }
  /** Every label (with a non-zero weight, when `weighted`) is `label`. */
  | { code: 'one-class'; label: 0 | 1; weighted: boolean }
  | { code: 'x-too-large'; largest: number }
  | { code: 'weights-too-large'; largest: number }
  | { code: 'constant-x'; value: number }
  /** Without a penalty: the features separate the classes, so the weights grow without limit. */
  | { code: 'separable'; columns: number }
  /** Without a penalty: this 1-based column is a combination of the intercept and the columns before it. */
  | { code: 'collinear'; column: number; fitIntercept: boolean }
  | { code: 'not-converged'; iterations: number };

/** A value that needs a fit, or the problem that keeps this data from having one. */
export type Fitted<T> = Result<T, LogisticProblem>;

/** Beyond this the fit's sums of x² and x·weight lose meaning long before float64 overflows. */
const MAX_ABS_X = 1e100;
/**
 * A bound on the gradient, Σ w·(1 + Σ|x|), from the L-BFGS solver this fit replaced: above it
 * that solver's squared gradient norm overflowed (weights of 1e155 gave a first step of 0 passed
 * off as convergence). Newton rescales the weights by a power of two and fits larger ones
 * (measured: equal weights of 1e300 fit as equal weights of 1 do), so the bound is conservative;
 * it stays so that a sample weight times a class weight can never reach ∞, which would
 * silently fit coef = intercept = 0 (measured: 1e308 with class_weight=0:10).
 */
const MAX_GRADIENT = 1e152;

/**
 * The data logistic regression cannot fit: labels other than 0/1; a single class, for which the
 * unpenalised intercept runs off to ±∞ and no finite optimum exists; and one constant feature,
 * for which the penalty pins the slope at 0 and every point gets the same probability, so there
 * is no curve to show. Zero weights remove points, so a class whose weights are all 0 counts as
 * missing. Values of x beyond ±1e100, and weights so large that the gradient overflows, are
 * refused rather than fitted to a silently meaningless answer. `weights` are the fit's: sample
 * weights times class weights.
 */
export function findLogisticProblem(features: Features, y: Float64Array, weights?: Float64Array): LogisticProblem | undefined {
  const { values: x, columns } = features;
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < y.length; i++) {
    const label = y[i] as number;
    if (label !== 0 && label !== 1) return { code: 'labels-not-binary', label };
    const weight = weights ? (weights[i] as number) : 1;
    if (label === 1) positives += weight;
    else negatives += weight;
  }
  if (!(positives > 0 && negatives > 0)) return { code: 'one-class', label: positives > 0 ? 1 : 0, weighted: weights !== undefined };
  let largest = 0;
  for (let i = 0; i < x.length; i++) largest = Math.max(largest, Math.abs(x[i] as number));
  if (largest > MAX_ABS_X) return { code: 'x-too-large', largest };
  if (weights) {
    let bound = 0;
    let heaviest = 0;
    for (let i = 0; i < weights.length; i++) {
      const weight = weights[i] as number;
      let size = 1;
      for (let j = 0; j < columns; j++) size += Math.abs(x[i * columns + j] as number);
      bound += weight * size;
      heaviest = Math.max(heaviest, weight);
    }
    if (!(bound <= MAX_GRADIENT)) return { code: 'weights-too-large', largest: heaviest };
  }
  if (columns !== 1) return undefined;
  const first = x[0] as number;
  for (let i = 1; i < x.length; i++) if (x[i] !== first) return undefined;
  return { code: 'constant-x', value: first };
}
