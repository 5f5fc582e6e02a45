import { solveCholesky } from './cholesky.js';
import { evaluate, parameterCount, type Evaluation, type LogisticObjective } from './logistic-objective.js';

export type NewtonOutcome =
  | { ok: true; coef: Float64Array; intercept: number; iterations: number }
  | { ok: false; reason: 'separable' | 'not-converged'; iterations: number };

/** Newton on these small convex problems converges quadratically in well under 30 steps; 100 is scikit-learn's max_iter. */
const MAX_ITERATIONS = 100;
/** Step halvings before giving up on a direction: 2⁻⁶⁰ of a Newton step is below any float64 digit of the parameters. */
const MAX_HALVINGS = 60;
const EPS = Number.EPSILON;

/**
 * A gradient that is all rounding: each component no larger than the error of summing its n
 * terms (≈ ε·√n times the sum of their magnitudes, with a margin of 32).
 */
function atRoundingLevel(at: Evaluation, n: number): boolean {
  const tolerance = 32 * EPS * Math.sqrt(n + 1);
  return at.gradient.every((g, j) => Math.abs(g) <= tolerance * (at.gradientScale[j] as number));
}

/**
 * Newton's method (IRLS) from zero to the exact minimiser: each step solves H·Δ = ∇f by Cholesky
 * and is halved until the objective does not rise (Bishop, PRML §4.3.3, with step halving as
 * the safeguard that keeps it from diverging). It stops when the gradient is at rounding level or
 * a step no longer changes the parameters. With `noPenalty`, data the parameters come to
 * separate, or a Hessian that the fitted probabilities' saturation makes singular, has no
 * optimum: 'separable' (the features' rank was checked before, so that is the only cause left).
 */
export function newtonFit(o: LogisticObjective, noPenalty: boolean): NewtonOutcome {
  const m = parameterCount(o);
  let theta: Float64Array = new Float64Array(m);
  let at = evaluate(o, theta, true);
  let iterations = 0;
  const failed = (): NewtonOutcome => ({ ok: false, reason: noPenalty ? 'separable' : 'not-converged', iterations });
  while (iterations < MAX_ITERATIONS) {
    if (atRoundingLevel(at, o.n)) return done(o, theta, iterations);
    const step = solveCholesky(at.hessian as Float64Array, at.gradient, m);
    if (!step) return failed();
    // The objective is a sum of n terms, so values within a few ulps of it are ties, not rises.
    const slack = 16 * EPS * Math.sqrt(o.n + 1) * Math.abs(at.value);
    let t = 1;
    let next: { theta: Float64Array; at: Evaluation } | undefined;
    for (let h = 0; h < MAX_HALVINGS && !next; h++, t /= 2) {
      const candidate = theta.map((v, j) => v - t * (step[j] as number));
      const there = evaluate(o, candidate, true);
      if (there.value <= at.value + slack) next = { theta: candidate, at: there };
    }
    if (!next) return at.gradient.every((g, j) => Math.abs(g) <= 1e-8 * (at.gradientScale[j] as number)) ? done(o, theta, iterations) : failed();
    iterations++;
    let moved = 0;
    let size = 0;
    next.theta.forEach((v, j) => {
      moved = Math.max(moved, Math.abs(v - (theta[j] as number)));
      size = Math.max(size, Math.abs(v));
    });
    theta = next.theta;
    at = next.at;
    if (noPenalty && at.separates) return failed();
    if (moved <= 4 * EPS * size) return done(o, theta, iterations);
  }
  return failed();
}

function done(o: LogisticObjective, theta: Float64Array, iterations: number): NewtonOutcome {
  const coef = new Float64Array(o.d);
  for (let j = 0; j < o.d; j++) coef[j] = (theta[j] as number) * (o.columnScale[j] as number);
  return { ok: true, coef, intercept: o.fitIntercept ? (theta[o.d] as number) : 0, iterations };
}
