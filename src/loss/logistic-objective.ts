/**
 * scikit-learn's LogisticRegression objective up to 1.5 (`LinearModelLoss` with l2_reg_strength =
 * 1/C): Σ sᵢ·ℓ(zᵢ) + ½·Σⱼ λⱼ·wⱼ², with ℓ the logistic loss of zᵢ = w·xᵢ + b and the intercept b not
 * penalised. From 1.6 it is divided by Σs, which moves C's meaning nowhere: the minimiser is the
 * same. Parameters are (w₁ … w_d, b), the intercept last when fitted.
 *
 * The fit works on a rescaled copy: each column of x divided by a power of two near its largest
 * |x| and the weights by a power of two near the largest weight, with λⱼ rescaled to match, so
 * x up to 1e100 and weights up to float64's limit neither overflow the Hessian nor make it
 * ill-conditioned; powers of two make the rescaling exact.
 */
import { timesPowerOfTwo } from './scaled-sum.js';

export interface LogisticObjective {
  /** Row-major features, `d` to a row. */
  x: Float64Array;
  n: number;
  d: number;
  /** Per column: the power of two x is multiplied by. */
  columnScale: Float64Array;
  y: Float64Array;
  /** Rescaled weights; undefined when all are 1. */
  s?: Float64Array;
  /** Rescaled penalty per coefficient (0 without a penalty). */
  ridge: Float64Array;
  fitIntercept: boolean;
}

export interface Evaluation {
  value: number;
  gradient: Float64Array;
  /** Σ of the gradient terms' magnitudes per parameter: what its rounding error scales with. */
  gradientScale: Float64Array;
  /** Row-major (d+1)² or d², only when asked for. */
  hessian?: Float64Array;
  /** Whether these parameters weakly separate the classes with at least one point strictly on its side. */
  separates: boolean;
}

/** The integer k with 2^k nearest `largest` (0 for 0), within ±1000 so that 2^k is a normal number. */
const log2Near = (largest: number): number => (largest > 0 && Number.isFinite(largest) ? Math.max(-1000, Math.min(1000, Math.round(Math.log2(largest)))) : 0);
/** The largest rescaled penalty (~6.7e299): it, and its sum with the data's Hessian, stay finite. */
const MAX_RIDGE_LOG2 = 996;

export function logisticObjective(x: Float64Array, d: number, y: Float64Array, s: Float64Array | undefined, lambda: number, fitIntercept: boolean): LogisticObjective {
  const n = y.length;
  let heaviest = 0;
  if (s) for (let i = 0; i < n; i++) heaviest = Math.max(heaviest, s[i] as number);
  const weightLog2 = s ? log2Near(heaviest) : 0;
  const scaled = s ? s.map((v) => timesPowerOfTwo(v, -weightLog2)) : undefined;
  const columnScale = new Float64Array(d);
  const ridge = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let largest = 0;
    for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(x[i * d + j] as number));
    let exponent = -log2Near(largest);
    // Scaling a tiny column up scales its penalty up by the square. Where that would overflow,
    // the penalty dwarfs the data's curvature anyway, so the column keeps its own scale and its
    // weight its own (tiny) size rather than one below float64's range.
    if (lambda > 0 && 2 * exponent - weightLog2 + Math.log2(lambda) > MAX_RIDGE_LOG2) exponent = Math.min(exponent, 0);
    columnScale[j] = timesPowerOfTwo(1, exponent);
    // C below 1e-300 or so: λ is beyond float64 and the weight is 0 to every digit.
    ridge[j] = lambda > 0 ? Math.min(2 ** MAX_RIDGE_LOG2, timesPowerOfTwo(lambda, 2 * exponent - weightLog2)) : 0;
  }
  return { x, n, d, columnScale, y, ...(scaled ? { s: scaled } : {}), ridge, fitIntercept };
}

export const parameterCount = (o: LogisticObjective): number => o.d + (o.fitIntercept ? 1 : 0);

/** The objective at `theta` (in the rescaled problem), its gradient and, if asked, its Hessian. */
export function evaluate(o: LogisticObjective, theta: Float64Array, withHessian: boolean): Evaluation {
  const { x, n, d, columnScale, y, s, ridge, fitIntercept } = o;
  const m = parameterCount(o);
  const gradient = new Float64Array(m);
  const gradientScale = new Float64Array(m);
  const hessian = withHessian ? new Float64Array(m * m) : undefined;
  const row = new Float64Array(m);
  if (fitIntercept) row[d] = 1;
  let value = 0;
  let weakly = true;
  let strictly = false;
  for (let i = 0; i < n; i++) {
    const weight = s ? (s[i] as number) : 1;
    if (weight === 0) continue;
    let z = fitIntercept ? (theta[d] as number) : 0;
    for (let j = 0; j < d; j++) {
      const v = (x[i * d + j] as number) * (columnScale[j] as number);
      row[j] = v;
      z += (theta[j] as number) * v;
    }
    const label = y[i] as number;
    const e = Math.exp(-Math.abs(z));
    // p − y as σ(z) for a 0 and −σ(−z) for a 1: subtracting p ≈ 1 from 1 would keep only the
    // digits of p beyond 1 − 1e-11, and the gradient of a confident fit is made of those.
    const tail = z >= 0 ? e / (1 + e) : 1 / (1 + e);
    const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    value += weight * (Math.max(z, 0) - z * label + Math.log1p(e));
    const margin = label === 1 ? z : -z;
    if (margin < 0) weakly = false;
    else if (margin > 0) strictly = true;
    const residual = weight * (label === 1 ? -tail : p);
    const size = Math.abs(residual);
    for (let j = 0; j < m; j++) {
      gradient[j] = (gradient[j] as number) + residual * (row[j] as number);
      gradientScale[j] = (gradientScale[j] as number) + size * Math.abs(row[j] as number);
    }
    if (hessian) {
      const h = (weight * e) / ((1 + e) * (1 + e));
      for (let j = 0; j < m; j++) {
        const hj = h * (row[j] as number);
        for (let k = 0; k <= j; k++) hessian[j * m + k] = (hessian[j * m + k] as number) + hj * (row[k] as number);
      }
    }
  }
  for (let j = 0; j < d; j++) {
    const penalty = (ridge[j] as number) * (theta[j] as number);
    value += 0.5 * penalty * (theta[j] as number);
    gradient[j] = (gradient[j] as number) + penalty;
    gradientScale[j] = (gradientScale[j] as number) + Math.abs(penalty);
    if (hessian) hessian[j * m + j] = (hessian[j * m + j] as number) + (ridge[j] as number);
  }
  if (hessian) for (let j = 0; j < m; j++) for (let k = j + 1; k < m; k++) hessian[j * m + k] = hessian[k * m + j] as number;
  return { value, gradient, gradientScale, ...(hessian ? { hessian } : {}), separates: weakly && strictly };
}
