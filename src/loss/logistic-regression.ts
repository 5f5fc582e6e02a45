import { fitWeights } from './class-weights.js';
import { DEFAULT_FIT, type Features, type FitSettings } from './fit-settings.js';
import { dependentColumn, separatesOneFeature } from './identifiable.js';
import { findLogisticProblem, type Fitted } from './logistic-checks.js';
import { logisticObjective } from './logistic-objective.js';
import { newtonFit } from './newton.js';
import { sigmoid } from './sigmoid.js';

/** A fitted model over d features. */
export interface LogisticModel {
  /** One weight per feature: scikit-learn's coef_[0]. */
  coef: Float64Array;
  /** intercept_[0]; 0 when the intercept is not fitted. */
  intercept: number;
  /** Newton steps taken. */
  iterations: number;
  /** The settings it was fitted with. */
  settings: FitSettings;
  /** Fitted P(y=1 | x) per point. */
  probabilities: Float64Array;
}

/** The one-feature fit, as the charts draw it. */
export interface LogisticFit {
  coef: number;
  intercept: number;
  iterations: number;
  probabilities: Float64Array;
}

export interface LogisticOptions extends Partial<FitSettings> {
  /** scikit-learn's sample_weight. */
  weights?: Float64Array;
}

/**
 * Logistic regression as scikit-learn's LogisticRegression(C, penalty, fit_intercept,
 * class_weight).fit(X, y, sample_weight) defines it, fitted by Newton's method to the exact
 * optimum. scikit-learn's own lbfgs stops once max |∇f| ≤ tol (1e-4 by default), a few units in
 * the fifth digit short of it and differently in each version, so the exact optimum is the one
 * figure every version approaches (its solver='newton-cholesky' with a small tol lands on it).
 * Expects equal lengths and finite numbers; degenerate data are problems, never NaN.
 */
export function fitLogisticModel(features: Features, y: Float64Array, options: LogisticOptions = {}): Fitted<LogisticModel> {
  const settings: FitSettings = {
    C: options.C ?? DEFAULT_FIT.C,
    penalty: options.penalty ?? DEFAULT_FIT.penalty,
    fitIntercept: options.fitIntercept ?? DEFAULT_FIT.fitIntercept,
    ...(options.classWeight ? { classWeight: options.classWeight } : {}),
  };
  const s = fitWeights(y, options.weights, settings.classWeight);
  const problem = findLogisticProblem(features, y, s);
  if (problem) return { ok: false, error: problem };
  const { values: x, columns } = features;
  const noPenalty = settings.penalty === 'none';
  if (noPenalty && columns === 1 && separatesOneFeature(x, y, s, settings.fitIntercept)) return { ok: false, error: { code: 'separable', columns } };
  const objective = logisticObjective(x, columns, y, s, noPenalty ? 0 : 1 / settings.C, settings.fitIntercept);
  if (noPenalty) {
    const column = dependentColumn(objective);
    if (column !== undefined) return { ok: false, error: { code: 'collinear', column, fitIntercept: settings.fitIntercept } };
  }
  const outcome = newtonFit(objective, noPenalty);
  if (!outcome.ok) {
    return { ok: false, error: outcome.reason === 'separable' ? { code: 'separable', columns } : { code: 'not-converged', iterations: outcome.iterations } };
  }
  const { coef, intercept, iterations } = outcome;
  const probabilities = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    let z = intercept;
    for (let j = 0; j < columns; j++) z += (coef[j] as number) * (x[i * columns + j] as number);
    probabilities[i] = sigmoid(z);
  }
  return { ok: true, value: { coef, intercept, iterations, settings, probabilities } };
}

/** One feature: the same fit with the weight as a number. */
export function fitLogisticRegression(x: Float64Array, y: Float64Array, options: LogisticOptions = {}): Fitted<LogisticFit> {
  const fit = fitLogisticModel({ values: x, columns: 1 }, y, options);
  if (!fit.ok) return fit;
  const { coef, intercept, iterations, probabilities } = fit.value;
  return { ok: true, value: { coef: coef[0] as number, intercept, iterations, probabilities } };
}
