import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { binaryCrossEntropy, fitLogisticRegression, type LogisticFit } from '../../src/loss/index.js';
import { assertClose, f64 } from './assert-close.js';

const X = f64([-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6]);
const Y = f64([0, 0, 1, 0, 1, 1, 1, 1, 1, 1]);

/** scikit-learn's objective Σ s·ℓ + coef²/(2C) and its gradient, written out independently of the module. */
function objective(x: Float64Array, y: Float64Array, coef: number, intercept: number, s?: Float64Array, C = 1) {
  let value = (coef * coef) / (2 * C);
  let gw = coef / C;
  let gb = 0;
  x.forEach((xi, i) => {
    const weight = s ? (s[i] as number) : 1;
    const z = coef * xi + intercept;
    const p = 1 / (1 + Math.exp(-z));
    value += weight * (Math.log(1 + Math.exp(z)) - (y[i] as number) * z);
    gw += weight * (p - (y[i] as number)) * xi;
    gb += weight * (p - (y[i] as number));
  });
  return { value, gradientNorm: Math.hypot(gw, gb), gradientMax: Math.max(Math.abs(gw), Math.abs(gb)) };
}

function fitted(x: Float64Array, y: Float64Array, options = {}): LogisticFit {
  const fit = fitLogisticRegression(x, y, options);
  assert.ok(fit.ok, fit.ok ? '' : fit.error.code);
  return fit.value;
}

/**
 * lbfgs stops once max |∇f| ≤ 1e-4, so the fit lies near the exact optimum, not on it: for a
 * strongly convex f with smallest Hessian eigenvalue λ, |θ − θ*| ≤ |∇f|/λ and f − f* ≤ |∇f|²/(2λ).
 * The optimum θ*, f* and λ are mpmath Newton iterations at 50 digits (tmp script, not committed).
 */
function assertNearOptimum(fit: LogisticFit, data: { x: Float64Array; y: Float64Array; s?: Float64Array; C?: number }, optimum: { coef: number; intercept: number; value: number; lambda: number }) {
  const at = objective(data.x, data.y, fit.coef, fit.intercept, data.s, data.C);
  assert.ok(at.gradientMax <= 1e-4, `scikit-learn's stopping test: max |gradient| ${at.gradientMax} > 1e-4`);
  const distance = Math.hypot(fit.coef - optimum.coef, fit.intercept - optimum.intercept);
  assert.ok(distance <= at.gradientNorm / optimum.lambda + 1e-12, `distance ${distance} to the optimum exceeds |g|/λ`);
  assert.ok(at.value - optimum.value <= (at.gradientNorm ** 2) / (2 * optimum.lambda) + 1e-12, `objective ${at.value} too far above ${optimum.value}`);
}

describe('fitLogisticRegression (scikit-learn defaults)', () => {
  test('GIVEN the visual-explanation data THEN scikit-learn\'s coef 0.97191825, intercept 0.65557059, log loss 0.33291299', () => {
    const fit = fitted(X, Y);
    assertClose(fit.coef, 0.97191825, 5e-9 / 0.97191825, 'coef');
    assertClose(fit.intercept, 0.65557059, 5e-9 / 0.65557059, 'intercept');
    assertClose(binaryCrossEntropy(Y, fit.probabilities).loss, 0.33291299, 5e-9 / 0.33291299, 'mean log loss');
    assert.equal(fit.probabilities.length, X.length);
  });

  test('GIVEN the same data THEN within lbfgs\'s tolerance of the exact optimum, deliberately not on it', () => {
    const fit = fitted(X, Y);
    // Newton to convergence gives coef 0.97193447518514889841, intercept 0.65553594516369579653
    // (log loss 0.33291140995): 3.5e-5 from what scikit-learn prints, so an exact solver cannot
    // reproduce its figures.
    const optimum = { coef: 0.97193447518514889841, intercept: 0.65553594516369579653, value: 3.8014424115306197614, lambda: 1.36221 };
    assertNearOptimum(fit, { x: X, y: Y }, optimum);
    assert.ok(Math.abs(fit.intercept - optimum.intercept) > 1e-5);
  });

  test('GIVEN sample weights THEN near the weighted optimum coef 1.018713957092070352, intercept -0.20014919742955824888', () => {
    const s = f64([1, 2, 1, 3, 1, 1, 0.5, 1, 2, 1]);
    const fit = fitted(X, Y, { weights: s });
    assertNearOptimum(fit, { x: X, y: Y, s }, { coef: 1.018713957092070352, intercept: -0.20014919742955824888, value: 5.8081025749211615441, lambda: 1.99435 });
  });

  test('GIVEN C = 0.1 THEN near the more strongly penalised optimum coef 0.33760316373066199854', () => {
    const fit = fitted(X, Y, { C: 0.1 });
    assertNearOptimum(fit, { x: X, y: Y, C: 0.1 }, { coef: 0.33760316373066199854, intercept: 0.66633824768211835394, value: 5.1548917354900661593, lambda: 1.92123 });
  });

  test('GIVEN separable data THEN the L2 penalty keeps the fit finite: coef 1.1044042835822369304, intercept 0', () => {
    const x = f64([-3, -2, -1, 1, 2, 3]);
    const y = f64([0, 0, 0, 1, 1, 1]);
    const fit = fitted(x, y);
    assertNearOptimum(fit, { x, y }, { coef: 1.1044042835822369304, intercept: 0, value: 1.4622496041505305454, lambda: 0.620025 });
  });

  test('GIVEN widely spread x THEN finite coefficients and probabilities, never NaN', () => {
    const fit = fitted(f64([-1e6, -5e5, 5e5, 1e6]), f64([0, 1, 0, 1]));
    assert.ok(Number.isFinite(fit.coef) && Number.isFinite(fit.intercept));
    assert.ok(fit.probabilities.every((p) => p >= 0 && p <= 1));
  });
});

describe('fitLogisticRegression on data it cannot fit', () => {
  test('GIVEN only 1s THEN one-class, with the class that is there', () => {
    const fit = fitLogisticRegression(f64([1, 2, 3]), f64([1, 1, 1]));
    assert.ok(!fit.ok);
    assert.deepEqual(fit.error, { code: 'one-class', label: 1, weighted: false });
  });

  test('GIVEN only 0s, or the 0s all weighted 0 THEN one-class too', () => {
    const zeros = fitLogisticRegression(f64([1, 2, 3]), f64([0, 0, 0]));
    assert.ok(!zeros.ok);
    assert.deepEqual(zeros.error, { code: 'one-class', label: 0, weighted: false });
    const weighted = fitLogisticRegression(f64([1, 2, 3]), f64([0, 1, 1]), { weights: f64([0, 1, 1]) });
    assert.ok(!weighted.ok);
    assert.deepEqual(weighted.error, { code: 'one-class', label: 1, weighted: true });
  });

  test('GIVEN a soft label THEN labels-not-binary with the value', () => {
    const fit = fitLogisticRegression(f64([1, 2]), f64([0.5, 1]));
    assert.ok(!fit.ok);
    assert.deepEqual(fit.error, { code: 'labels-not-binary', label: 0.5 });
  });

  test('GIVEN a constant x THEN constant-x with the value', () => {
    const fit = fitLogisticRegression(f64([2, 2, 2]), f64([0, 1, 1]));
    assert.ok(!fit.ok);
    assert.deepEqual(fit.error, { code: 'constant-x', value: 2 });
  });

  test('GIVEN |x| beyond 1e100 THEN x-too-large with the largest |x|, not a meaningless fit from an overflowed gradient', () => {
    const fit = fitLogisticRegression(f64([-1e200, 1e200]), f64([0, 1]));
    assert.ok(!fit.ok);
    assert.deepEqual(fit.error, { code: 'x-too-large', largest: 1e200 });
  });

  test('GIVEN weights of 1e155, whose gradient squared overflows THEN weights-too-large, not coef = intercept = 0', () => {
    const fit = fitLogisticRegression(f64([1, 2, 3, 4]), f64([0, 1, 0, 1]), { weights: new Float64Array(4).fill(1e155) });
    assert.ok(!fit.ok);
    assert.deepEqual(fit.error, { code: 'weights-too-large', largest: 1e155 });
  });

  test('GIVEN equal weights of 1e150 THEN the fit of equal weights 1e50: the penalty is negligible either way', () => {
    const data = [f64([1, 2, 3, 4]), f64([0, 1, 0, 1])] as const;
    const heavy = fitted(...data, { weights: new Float64Array(4).fill(1e150) });
    const light = fitted(...data, { weights: new Float64Array(4).fill(1e50) });
    assert.ok(Math.abs(heavy.coef - light.coef) < 1e-12 && Math.abs(heavy.intercept - light.intercept) < 1e-12);
  });
});
