import { moreThuente } from './more-thuente.js';

/** f(x) and ∇f(x), written into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Stop when max |∇f| ≤ pgtol (scipy's gtol; scikit-learn passes its tol, 1e-4). */
  pgtol: number;
  /** Stop when (f_old − f)/max(|f_old|, |f|, 1) ≤ ftol (scikit-learn passes 64·ε). */
  ftol: number;
  maxIterations: number;
  /** Corrections kept (L-BFGS-B's m; scipy's default 10). */
  memory: number;
  /** Function evaluations per line search (scikit-learn passes 50). */
  maxLineSearch: number;
}

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
};

/**
 * L-BFGS as L-BFGS-B v3.0 runs it on a problem without bounds (Byrd, Lu, Nocedal and Zhu 1995;
 * Zhu et al. 1997), so that the iterates and the stopping point are scipy's: the first direction
 * is −∇f with the step 1/‖∇f‖, later directions come from the two-loop recursion with
 * H₀ = (sᵀy/yᵀy)·I (the inverse of L-BFGS-B's compact θ = yᵀy/sᵀy form), the line search is
 * Moré–Thuente with ftol 1e-3, gtol 0.9, xtol 0.1, and an update is skipped when sᵀy ≤ ε·(−gᵀd·stp).
 */
export function minimizeLbfgs(objective: Objective, start: Float64Array, options: LbfgsOptions): LbfgsResult {
  const n = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let f = objective(x, g);
  const history: Array<{ s: Float64Array; y: Float64Array; rho: number }> = [];
  const maxNorm = (v: Float64Array) => v.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
  if (maxNorm(g) <= options.pgtol) return { x, value: f, iterations: 0, converged: true };
  let restartedAt = -1;
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    const d = direction(g, history);
    const slope0 = dot(g, d);
    const firstStep = iteration === 0 ? Math.min(1 / Math.sqrt(dot(d, d)), 1e10) : 1;
    // An overflowed gradient makes the slope ∞ and the first step 0; the search would then
    // "converge" where it started, so that is a failure, never an answer.
    if (!Number.isFinite(slope0) || !(firstStep > 0)) return { x, value: f, iterations: iteration, converged: false };
    const trialGradient = new Float64Array(n);
    const trialX = new Float64Array(n);
    const phi = (step: number) => {
      for (let i = 0; i < n; i++) trialX[i] = (x[i] as number) + step * (d[i] as number);
      const value = objective(trialX, trialGradient);
      return { value, slope: dot(trialGradient, d) };
    };
    const search = slope0 < 0 ? moreThuente(phi, f, slope0, firstStep, { ftol: 1e-3, gtol: 0.9, xtol: 0.1, stepMin: 0, stepMax: 1e10, maxEvaluations: options.maxLineSearch }) : undefined;
    if (!search || search.status === 'failed') {
      // L-BFGS-B refreshes its memory and restarts once from steepest descent; twice in a row it gives up.
      if (history.length === 0 || restartedAt === iteration - 1) return { x, value: f, iterations: iteration, converged: false };
      history.length = 0;
      restartedAt = iteration;
      continue;
    }
    // The line search's last evaluation is the accepted point.
    const nextX = trialX;
    const nextG = trialGradient;
    const nextF = search.value;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = (nextX[i] as number) - (x[i] as number);
      y[i] = (nextG[i] as number) - (g[i] as number);
    }
    const previousF = f;
    x = nextX;
    g = nextG;
    f = nextF;
    if (maxNorm(g) <= options.pgtol) return { x, value: f, iterations: iteration + 1, converged: true };
    if (previousF - f <= options.ftol * Math.max(Math.abs(previousF), Math.abs(f), 1)) return { x, value: f, iterations: iteration + 1, converged: true };
    const sy = dot(s, y);
    if (sy > Number.EPSILON * (-slope0 * search.step)) {
      history.push({ s, y, rho: 1 / sy });
      if (history.length > options.memory) history.shift();
    }
  }
  return { x, value: f, iterations: options.maxIterations, converged: false };
}

/** −H·g by the two-loop recursion (Nocedal and Wright, Numerical Optimization, Alg. 7.4). */
function direction(g: Float64Array, history: ReadonlyArray<{ s: Float64Array; y: Float64Array; rho: number }>): Float64Array {
  const q = Float64Array.from(g, (v) => -v);
  if (history.length === 0) return q;
  const alphas = new Float64Array(history.length);
  for (let k = history.length - 1; k >= 0; k--) {
    const { s, y, rho } = history[k] as { s: Float64Array; y: Float64Array; rho: number };
    const a = rho * dot(s, q);
    alphas[k] = a;
    for (let i = 0; i < q.length; i++) q[i] = (q[i] as number) - a * (y[i] as number);
  }
  const last = history[history.length - 1] as { s: Float64Array; y: Float64Array; rho: number };
  const gamma = dot(last.s, last.y) / dot(last.y, last.y);
  for (let i = 0; i < q.length; i++) q[i] = (q[i] as number) * gamma;
  for (let k = 0; k < history.length; k++) {
    const { s, y, rho } = history[k] as { s: Float64Array; y: Float64Array; rho: number };
    const b = rho * dot(y, q);
    const a = alphas[k] as number;
    for (let i = 0; i < q.length; i++) q[i] = (q[i] as number) + (a - b) * (s[i] as number);
  }
  return q;
}
