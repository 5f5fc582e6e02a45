import { choleskyFactor } from './cholesky.js';
import type { LogisticObjective } from './logistic-objective.js';

/**
 * Below this, a Cholesky pivot of the features' Gram matrix (columns rescaled to about 1) is
 * rounding rather than information: a column that repeats another, or is constant beside the
 * intercept, leaves a pivot of ~1e-16 of the diagonal.
 */
const RANK_FLOOR = 1e-10;

/**
 * Without a penalty the fit has one optimum only if no combination of the columns (and the
 * intercept) is 0 on every weighted point. Returns the 1-based column that is a combination of
 * the intercept and the columns before it, or undefined when every column adds something.
 */
export function dependentColumn(o: LogisticObjective): number | undefined {
  const { x, n, d, columnScale, s, fitIntercept } = o;
  const lead = fitIntercept ? 1 : 0;
  const m = d + lead;
  const gram = new Float64Array(m * m);
  const row = new Float64Array(m);
  if (fitIntercept) row[0] = 1;
  for (let i = 0; i < n; i++) {
    if (s && s[i] === 0) continue;
    for (let j = 0; j < d; j++) row[j + lead] = (x[i * d + j] as number) * (columnScale[j] as number);
    for (let j = 0; j < m; j++) for (let k = 0; k < m; k++) gram[j * m + k] = (gram[j * m + k] as number) + (row[j] as number) * (row[k] as number);
  }
  const factor = choleskyFactor(gram, m, RANK_FLOOR);
  return factor.ok ? undefined : factor.failedAt - lead + 1;
}

/**
 * One feature separates the classes, completely or with ties at the boundary, when every weighted
 * x of one class lies at or above every x of the other (with an intercept), or the classes keep to
 * opposite signs of x (without one). Then the likelihood keeps rising as the weight grows, and
 * without a penalty there is no optimum (Albert and Anderson, Biometrika 1984).
 */
export function separatesOneFeature(x: Float64Array, y: Float64Array, s: Float64Array | undefined, fitIntercept: boolean): boolean {
  const range = { 0: [Infinity, -Infinity], 1: [Infinity, -Infinity] } as Record<0 | 1, [number, number]>;
  for (let i = 0; i < y.length; i++) {
    if (s && s[i] === 0) continue;
    const r = range[y[i] === 1 ? 1 : 0];
    const v = x[i] as number;
    r[0] = Math.min(r[0], v);
    r[1] = Math.max(r[1], v);
  }
  const [low0, high0] = range[0];
  const [low1, high1] = range[1];
  if (fitIntercept) return high0 <= low1 || high1 <= low0;
  return (high0 <= 0 && low1 >= 0) || (high1 <= 0 && low0 >= 0);
}
