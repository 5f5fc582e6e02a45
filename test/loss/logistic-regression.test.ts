import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { binaryCrossEntropy, fitLogisticModel, fitLogisticRegression, type LogisticFit, type LogisticModel, type LogisticOptions } from '../../src/loss/index.js';
import { assertClose, f64 } from './assert-close.js';

const X = f64([-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6]);
const Y = f64([0, 0, 1, 0, 1, 1, 1, 1, 1, 1]);
const S = f64([1, 2, 1, 3, 1, 1, 0.5, 1, 2, 1]);

/** Twelve points, two features; and fourteen points, three features (rows are points). */
const X2 = f64([0.5, 1.2, 1.5, -0.3, -1.0, 0.8, 2.0, 2.5, 0.1, -1.1, -0.7, 0.4, 1.1, 1.9, -1.8, -0.6, 0.9, 0.2, -0.2, 1.4, 1.7, -1.2, -1.3, -1.7]);
const Y2 = f64([1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0]);
const X3 = f64([
  0.2, 1.0, -0.5, 1.4, -0.2, 0.3, -0.9, 0.7, 1.1, 2.1, 1.8, -1.3, 0.3, -1.0, 0.6, -0.6, 0.5, -0.2, 1.0, 2.1, 0.9,
  -1.7, -0.4, -1.0, 0.8, 0.1, 1.6, -0.3, 1.3, -0.8, 1.6, -1.1, 0.4, -1.2, -1.6, 0.0, 0.4, 0.6, -1.4, 2.3, -0.7, 0.2,
]);
const Y3 = f64([1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1]);

function fitted(x: Float64Array, columns: number, y: Float64Array, options: LogisticOptions = {}): LogisticModel {
  const fit = fitLogisticModel({ values: x, columns }, y, options);
  assert.ok(fit.ok, fit.ok ? '' : fit.error.code);
  return fit.value;
}

/** coef and intercept to 1e-6 relative (absolute near 0), log_loss(y, p, sample_weight=w) to 1e-9. */
function assertReference(fit: LogisticModel, y: Float64Array, weights: Float64Array | undefined, expected: { coef: number[]; intercept: number; loss: number }): void {
  const close = (actual: number, want: number, what: string) => assert.ok(Math.abs(actual - want) <= 1e-6 * Math.max(Math.abs(want), 1e-3), `${what}: ${actual} differs from ${want}`);
  assert.equal(fit.coef.length, expected.coef.length);
  expected.coef.forEach((c, j) => close(fit.coef[j] as number, c, `coef[${j}]`));
  close(fit.intercept, expected.intercept, 'intercept');
  const loss = binaryCrossEntropy(y, fit.probabilities, weights ? { base: 'e', weights } : { base: 'e' }).loss;
  assert.ok(Math.abs(loss - expected.loss) <= 1e-9, `loss ${loss} differs from ${expected.loss}`);
}

/**
 * References: scikit-learn 1.2.1, LogisticRegression(solver='newton-cholesky', tol=1e-12,
 * max_iter=10000, …).fit(X, y, sample_weight) and log_loss(y, predict_proba(X)[:, 1],
 * sample_weight), run with /usr/bin/python3. Its default lbfgs with tol=1e-12 still stops on
 * scipy's ftol (relative decrease 64ε) and lies up to 2.4e-5 relative from these (three
 * features); newton-cholesky agrees with an mpmath Newton at 50 digits to 1e-15 on the first case.
 */
describe('fitLogisticModel against scikit-learn 1.2.1', () => {
  test('GIVEN the article\'s 10 points with the defaults THEN the exact optimum coef 0.9719344751851487, intercept 0.6555359451636961, loss 0.3329114099503905', () => {
    // mpmath, Newton at 50 digits: coef 0.97193447518514889841, intercept 0.65553594516369579653, mean loss 0.33291140995039043515.
    const fit = fitted(X, 1, Y);
    assertReference(fit, Y, undefined, { coef: [0.9719344751851487], intercept: 0.6555359451636961, loss: 0.3329114099503905 });
    assertClose(fit.coef[0] as number, 0.97193447518514889841, 1e-13, 'coef against mpmath');
    assertClose(fit.intercept, 0.65553594516369579653, 1e-13, 'intercept against mpmath');
  });

  test('GIVEN the defaults THEN 5e-5 from what scikit-learn 1.2 prints (0.97191825, 0.65557059): its lbfgs stops at tol 1e-4', () => {
    const fit = fitted(X, 1, Y);
    assert.ok(Math.abs((fit.coef[0] as number) - 0.97191825) > 1e-5);
    assert.ok(Math.abs(fit.intercept - 0.65557059) > 3e-5);
  });

  const oneFeature: Array<[string, LogisticOptions, { coef: number[]; intercept: number; loss: number }]> = [
    ['C=0.1', { C: 0.1 }, { coef: [0.33760316373066196], intercept: 0.6663382476821184, loss: 0.45850122546853056 }],
    ['C=10', { C: 10 }, { coef: [1.492875666927532], intercept: 0.7659535902151257, loss: 0.30624147407102875 }],
    ['C=0.001', { C: 1e-3 }, { coef: [0.0057244889121998745], intercept: 0.8428003671918975, loss: 0.6075743019080211 }],
    ['penalty none', { penalty: 'none' }, { coef: [1.6424258644569611], intercept: 0.8028358479125258, loss: 0.3051592895700619 }],
    ['fit_intercept=False', { fitIntercept: false }, { coef: [0.9816516486762709], intercept: 0, loss: 0.3628388491986826 }],
    ["class_weight='balanced'", { classWeight: { kind: 'balanced' } }, { coef: [1.009012866545331], intercept: -0.08472404874727692, loss: 0.3687777946180557 }],
    ['class_weight={0: 1, 1: 3}', { classWeight: { kind: 'given', byLabel: { 0: 1, 1: 3 } } }, { coef: [1.124617780105928], intercept: 1.6663380303133617, loss: 0.37818854532183815 }],
    ['sample weights', { weights: S }, { coef: [1.0187139570920705], intercept: -0.20014919742955825, loss: 0.39179359346178294 }],
    ["sample weights and class_weight='balanced'", { weights: S, classWeight: { kind: 'balanced' } }, { coef: [1.0948205979356276], intercept: -0.9841754040369283, loss: 0.43012956395980056 }],
    ['sample weights, class_weight={0: 2, 1: 0.5}, C=0.5', { weights: S, C: 0.5, classWeight: { kind: 'given', byLabel: { 0: 2, 1: 0.5 } } }, { coef: [0.8731156230914737], intercept: -1.3712228742113328, loss: 0.5243744981920225 }],
  ];
  for (const [name, options, expected] of oneFeature) {
    test(`GIVEN the article's points with ${name} THEN coef ${expected.coef[0]}, intercept ${expected.intercept}`, () => {
      assertReference(fitted(X, 1, Y, options), Y, options.weights, expected);
    });
  }

  test('GIVEN 2 features THEN coef [0.7998182516675667, 0.5163742851107398], intercept -0.34989336417050954', () => {
    assertReference(fitted(X2, 2, Y2), Y2, undefined, { coef: [0.7998182516675667, 0.5163742851107398], intercept: -0.34989336417050954, loss: 0.47209812010496416 });
  });

  test('GIVEN 2 features with penalty none THEN coef [1.2262113642855965, 0.7999467476819851]', () => {
    assertReference(fitted(X2, 2, Y2, { penalty: 'none' }), Y2, undefined, { coef: [1.2262113642855965, 0.7999467476819851], intercept: -0.5685573467227683, loss: 0.4540593903863011 });
  });

  test('GIVEN 2 features, C=0.3, no intercept THEN coef [0.49025336127448027, 0.32561388679117037], intercept 0', () => {
    assertReference(fitted(X2, 2, Y2, { C: 0.3, fitIntercept: false }), Y2, undefined, { coef: [0.49025336127448027, 0.32561388679117037], intercept: 0, loss: 0.5223760819092826 });
  });

  test('GIVEN 3 features THEN coef [0.8319818090045511, 0.6751293344238882, 0.8569997279569705], intercept -0.5304157364871368', () => {
    assertReference(fitted(X3, 3, Y3), Y3, undefined, { coef: [0.8319818090045511, 0.6751293344238882, 0.8569997279569705], intercept: -0.5304157364871368, loss: 0.3966887438018679 });
  });

  test("GIVEN 3 features, class_weight='balanced', C=2 THEN coef [1.0223174306823413, 0.9413121178782844, 1.172772185711413]", () => {
    assertReference(fitted(X3, 3, Y3, { C: 2, classWeight: { kind: 'balanced' } }), Y3, undefined, { coef: [1.0223174306823413, 0.9413121178782844, 1.172772185711413], intercept: -0.6964482172413857, loss: 0.36093967928965026 });
  });

  test('GIVEN the defaults THEN Newton converges in a handful of steps and reports them', () => {
    const fit = fitted(X, 1, Y);
    assert.ok(fit.iterations >= 3 && fit.iterations <= 12, `${fit.iterations} steps`);
    assert.deepEqual(fit.settings, { C: 1, penalty: 'l2', fitIntercept: true });
  });
});

describe('fitLogisticRegression (one feature)', () => {
  function one(x: Float64Array, y: Float64Array, options: LogisticOptions = {}): LogisticFit {
    const fit = fitLogisticRegression(x, y, options);
    assert.ok(fit.ok, fit.ok ? '' : fit.error.code);
    return fit.value;
  }

  test('GIVEN separable data THEN the L2 penalty keeps the fit finite: coef 1.1044042835822369304, intercept 0', () => {
    // mpmath, Newton at 50 digits (the symmetric data put the intercept at 0 exactly).
    const fit = one(f64([-3, -2, -1, 1, 2, 3]), f64([0, 0, 0, 1, 1, 1]));
    assertClose(fit.coef, 1.1044042835822369304, 1e-13, 'coef');
    assert.ok(Math.abs(fit.intercept) < 1e-14);
  });

  test('GIVEN separable data and C = 1e12 THEN coef 25.101250625872590766 (mpmath): p − y of a confident point is taken as −σ(−z), not 1 − 0.99999999999', () => {
    // mpmath, Newton at 60 digits: coef 25.101250625872590766, intercept 8.2e-51. scikit-learn 1.2.1's
    // newton-cholesky prints 25.10121875 here and its lbfgs 20.81667442: both subtract p from 1.
    const fit = one(f64([-3, -2, -1, 1, 2, 3]), f64([0, 0, 0, 1, 1, 1]), { C: 1e12 });
    assertClose(fit.coef, 25.101250625872590766, 1e-12, 'coef');
    assert.ok(Math.abs(fit.intercept) < 1e-12);
  });

  test('GIVEN x of 1e-200 THEN coef 1e-200 (mpmath): the penalty dominates, and rescaling x up would push the weight below float64', () => {
    // mpmath, Newton at 60 digits: coef 1.0e-200, intercept -2.5e-400.
    const fit = one(f64([1e-200, 2e-200, 3e-200, 4e-200]), f64([0, 1, 0, 1]));
    assertClose(fit.coef, 1e-200, 1e-12, 'coef');
    assert.ok(Math.abs(fit.intercept) < 1e-300);
  });

  test('GIVEN C = 1e-300 THEN coef C·Σ(y − ½)·x = 1e-300, not 0 or a capped penalty\'s 6e-291', () => {
    const fit = one(f64([1, 2, 3, 4]), f64([0, 1, 0, 1]), { C: 1e-300 });
    assertClose(fit.coef, 1e-300, 1e-12, 'coef');
  });

  test('GIVEN widely spread x THEN finite coefficients and probabilities, never NaN', () => {
    const fit = one(f64([-1e6, -5e5, 5e5, 1e6]), f64([0, 1, 0, 1]));
    assert.ok(Number.isFinite(fit.coef) && Number.isFinite(fit.intercept));
    assert.ok(fit.probabilities.every((p) => p >= 0 && p <= 1));
  });

  test('GIVEN x scaled by 1e90 THEN the unpenalised fit with its weight scaled by 1e-90: a weight of 1e-90 costs no penalty', () => {
    const huge = one(X.map((v) => v * 1e90), Y);
    const none = one(X, Y, { penalty: 'none' });
    assertClose(huge.coef * 1e90, none.coef, 1e-12, 'coef × 1e90');
    assertClose(huge.intercept, none.intercept, 1e-12, 'intercept');
  });

  test('GIVEN x scaled by 2⁻⁴⁰ with C scaled by 2⁸⁰ THEN the same fit with the weight scaled by 2⁴⁰: the same problem, rescaled exactly', () => {
    const plain = one(X, Y);
    const tiny = one(X.map((v) => v * 2 ** -40), Y, { C: 2 ** 80 });
    assertClose(tiny.coef * 2 ** -40, plain.coef, 1e-13, 'coef');
    assertClose(tiny.intercept, plain.intercept, 1e-13, 'intercept');
  });

  test('GIVEN equal weights of 1e150 THEN the fit of equal weights 1e50: the penalty is negligible either way', () => {
    const data = [f64([1, 2, 3, 4]), f64([0, 1, 0, 1])] as const;
    const heavy = one(...data, { weights: new Float64Array(4).fill(1e150) });
    const light = one(...data, { weights: new Float64Array(4).fill(1e50) });
    assert.ok(Math.abs(heavy.coef - light.coef) < 1e-12 && Math.abs(heavy.intercept - light.intercept) < 1e-12);
  });

  test('GIVEN sample weights of 2 and C THEN the fit of weights 1 with 2C: scikit-learn\'s objective Σs·ℓ + w²/(2C)', () => {
    const doubled = one(X, Y, { weights: new Float64Array(X.length).fill(2), C: 0.5 });
    const plain = one(X, Y);
    assertClose(doubled.coef, plain.coef, 1e-13, 'coef');
    assertClose(doubled.intercept, plain.intercept, 1e-13, 'intercept');
  });
});

describe('fitLogisticModel on data it cannot fit', () => {
  const problem = (x: Float64Array, columns: number, y: Float64Array, options: LogisticOptions = {}) => {
    const fit = fitLogisticModel({ values: x, columns }, y, options);
    assert.ok(!fit.ok, 'expected no fit');
    return fit.error;
  };

  test('GIVEN only 1s THEN one-class, with the class that is there', () => {
    assert.deepEqual(problem(f64([1, 2, 3]), 1, f64([1, 1, 1])), { code: 'one-class', label: 1, weighted: false });
  });

  test('GIVEN only 0s, or the 0s all weighted 0, or class 0 weighted 0 THEN one-class too', () => {
    assert.deepEqual(problem(f64([1, 2, 3]), 1, f64([0, 0, 0])), { code: 'one-class', label: 0, weighted: false });
    assert.deepEqual(problem(f64([1, 2, 3]), 1, f64([0, 1, 1]), { weights: f64([0, 1, 1]) }), { code: 'one-class', label: 1, weighted: true });
    assert.deepEqual(problem(f64([1, 2, 3]), 1, f64([0, 1, 1]), { classWeight: { kind: 'given', byLabel: { 0: 0 } } }), { code: 'one-class', label: 1, weighted: true });
  });

  test('GIVEN a soft label THEN labels-not-binary with the value', () => {
    assert.deepEqual(problem(f64([1, 2]), 1, f64([0.5, 1])), { code: 'labels-not-binary', label: 0.5 });
  });

  test('GIVEN a constant x THEN constant-x with the value', () => {
    assert.deepEqual(problem(f64([2, 2, 2]), 1, f64([0, 1, 1])), { code: 'constant-x', value: 2 });
  });

  test('GIVEN |x| beyond 1e100 THEN x-too-large with the largest |x|', () => {
    assert.deepEqual(problem(f64([-1e200, 1e200]), 1, f64([0, 1])), { code: 'x-too-large', largest: 1e200 });
  });

  test('GIVEN weights of 1e155 THEN weights-too-large, not coef = intercept = 0', () => {
    assert.deepEqual(problem(f64([1, 2, 3, 4]), 1, f64([0, 1, 0, 1]), { weights: new Float64Array(4).fill(1e155) }), { code: 'weights-too-large', largest: 1e155 });
  });

  test('GIVEN one feature that separates the classes, also with a tie at the boundary, and penalty none THEN separable', () => {
    assert.deepEqual(problem(f64([-3, -2, -1, 1, 2, 3]), 1, f64([0, 0, 0, 1, 1, 1]), { penalty: 'none' }), { code: 'separable', columns: 1 });
    assert.deepEqual(problem(f64([1, 2, 2, 3]), 1, f64([0, 0, 1, 1]), { penalty: 'none' }), { code: 'separable', columns: 1 });
  });

  test('GIVEN one feature whose signs separate the classes, no intercept and penalty none THEN separable; with an intercept it overlaps', () => {
    const x = f64([-2, -1, 3, 1, 2]);
    const y = f64([0, 0, 0, 1, 1]);
    assert.deepEqual(problem(f64([-2, -1, 1, 2]), 1, f64([0, 0, 1, 1]), { penalty: 'none', fitIntercept: false }), { code: 'separable', columns: 1 });
    const fit = fitLogisticModel({ values: x, columns: 1 }, y, { penalty: 'none' });
    assert.ok(fit.ok);
  });

  test('GIVEN two features a line separates and penalty none THEN separable, found by Newton\'s own iterates', () => {
    // x2 ≥ 0.5 exactly for the 1s; neither feature alone separates them.
    assert.deepEqual(problem(f64([0, 0, 1, 1, 2, 0, 3, 1, 1.5, 0.5, 2.5, -0.2]), 2, f64([0, 1, 0, 1, 1, 0]), { penalty: 'none' }), { code: 'separable', columns: 2 });
  });

  test('GIVEN two features separated with points on the boundary (quasi-complete) and penalty none THEN separable', () => {
    // The 1s have x1 + x2 ≥ 2, the 0s ≤ 2, with a 0 and a 1 on the line itself.
    const x = f64([0, 0, 1, 1, 0.5, 0.2, 3, 1, 2, 2, 1.5, 0.5, 0.8, 1.2, 1, 1]);
    const y = f64([0, 0, 0, 1, 1, 0, 1, 0]);
    assert.deepEqual(problem(x, 2, y, { penalty: 'none' }), { code: 'separable', columns: 2 });
    assert.ok(fitLogisticModel({ values: x, columns: 2 }, y).ok, 'the L2 fit exists');
  });

  test('GIVEN a column that doubles another, or a constant column, and penalty none THEN collinear naming it; with L2 a fit', () => {
    const doubled = f64([1, 2, 2, 4, 3, 6, 4, 8, 5, 10]);
    const y = f64([0, 1, 0, 1, 1]);
    assert.deepEqual(problem(doubled, 2, y, { penalty: 'none' }), { code: 'collinear', column: 2, fitIntercept: true });
    assert.deepEqual(problem(f64([1, 7, 2, 7, 3, 7, 4, 7, 5, 7]), 2, y, { penalty: 'none' }), { code: 'collinear', column: 2, fitIntercept: true });
    assert.ok(fitLogisticModel({ values: doubled, columns: 2 }, y).ok);
  });
});
