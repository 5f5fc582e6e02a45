import { minimizeLbfgs, type Objective } from './lbfgs.js';
import { findLogisticProblem, type Fitted } from './logistic-checks.js';
import { sigmoid } from './sigmoid.js';

export interface LogisticFit {
  coef: number;
  intercept: number;
  /** L-BFGS iterations, as scikit-learn's n_iter_. */
  iterations: number;
  /** Fitted P(y=1 | x) per point. */
  probabilities: Float64Array;
}

export interface LogisticOptions {
  /** scikit-learn's sample_weight. */
  weights?: Float64Array;
  /** Inverse regularisation strength, scikit-learn's C (default 1.0). */
  C?: number;
}

/** What scikit-learn's LogisticRegression() hands scipy's L-BFGS-B: tol=1e-4, max_iter=100, maxls=50, ftol=64ε. */
const SKLEARN_LBFGS = { pgtol: 1e-4, ftol: 64 * Number.EPSILON, maxIterations: 100, memory: 10, maxLineSearch: 50 };

/**
 * Σ s·ℓ(z) + coef²/(2C) with ℓ the logistic loss of the logit z = coef·x + intercept, the intercept
 * not penalised: scikit-learn's lbfgs objective up to 1.5 (`LinearModelLoss` with
 * l2_reg_strength = 1/C). From 1.6 (PR #26721) it is divided by Σs; the minimiser is the same but
 * tol = 1e-4 is then tested on a gradient Σs times smaller, so 1.6+ stops earlier and prints
 * slightly different digits. This scale is the one that reproduces the published figures.
 * One e^−|z| per point gives the loss softplus(z) − z·y and the gradient's σ(z) without overflow.
 */
function sklearnObjective(x: Float64Array, y: Float64Array, s: Float64Array | undefined, C: number): Objective {
  return (params, gradient) => {
    const coef = params[0] as number;
    const intercept = params[1] as number;
    let loss = 0;
    let gw = 0;
    let gb = 0;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i] as number;
      const label = y[i] as number;
      const weight = s ? (s[i] as number) : 1;
      const z = coef * xi + intercept;
      const e = Math.exp(-Math.abs(z));
      const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
      loss += weight * (Math.max(z, 0) - z * label + Math.log1p(e));
      const residual = weight * (p - label);
      gw += residual * xi;
      gb += residual;
    }
    gradient[0] = gw + coef / C;
    gradient[1] = gb;
    return loss + (0.5 * coef * coef) / C;
  };
}

/**
 * Logistic regression on one feature as scikit-learn's LogisticRegression() fits it by default:
 * L2 penalty with C = 1, intercept not penalised, lbfgs from zero with tol 1e-4. It runs
 * L-BFGS-B's own steps rather than Newton to the exact optimum because lbfgs stops once the
 * gradient is below 1e-4, which leaves the coefficients off the exact minimiser in the fifth
 * digit, and students compare with what scikit-learn prints. Expects equal lengths and finite
 * numbers; degenerate data and a run that does not converge are errors, never NaN.
 */
export function fitLogisticRegression(x: Float64Array, y: Float64Array, options: LogisticOptions = {}): Fitted<LogisticFit> {
  const problem = findLogisticProblem(x, y, options.weights);
  if (problem) return { ok: false, error: problem };
  const objective = sklearnObjective(x, y, options.weights, options.C ?? 1);
  const result = minimizeLbfgs(objective, new Float64Array(2), SKLEARN_LBFGS);
  const coef = result.x[0] as number;
  const intercept = result.x[1] as number;
  if (!result.converged || !Number.isFinite(coef) || !Number.isFinite(intercept)) {
    return { ok: false, error: { code: 'not-converged', iterations: SKLEARN_LBFGS.maxIterations } };
  }
  const probabilities = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) probabilities[i] = sigmoid(coef * (x[i] as number) + intercept);
  return { ok: true, value: { coef, intercept, iterations: result.iterations, probabilities } };
}
