import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { binaryCrossEntropy, binaryCrossEntropyFromLogits, compareDistributions, labelBaseline, normalize } from '../../src/loss/index.js';
import { assertClose, f64 } from './assert-close.js';
import { exactSum } from './exact-sum.js';
import { mulberry32 } from './mulberry32.js';

/**
 * Sums beyond float64's largest number, 1.798e308, feeding means, ratios and shares that are not.
 * References: mpmath at 50 digits on the float64 inputs, or exact BigInt sums (exact-sum.ts).
 */
describe('weighted means whose weights sum past float64', () => {
  test('GIVEN weights 1e308, 1e308 THEN the weighted mean is the plain mean, ln 2 = 0.6931471805599453', () => {
    const result = binaryCrossEntropy(f64([1, 0]), f64([0.5, 0.5]), { weights: f64([1e308, 1e308]) });
    assertClose(result.loss, 0.6931471805599453, 1e-15);
  });

  test('GIVEN weights 1e308 and 1.5e308 THEN the mean, the shares and the baseline of weights 2 and 3', () => {
    const y = f64([1, 0]);
    const p = f64([0.9, 0.2]);
    const huge = binaryCrossEntropy(y, p, { weights: f64([1e308, 1.5e308]) });
    const small = binaryCrossEntropy(y, p, { weights: f64([2, 3]) });
    assertClose(huge.loss, 0.17603033705165638, 1e-15, 'mean');
    assertClose(huge.loss, small.loss, 1e-15, 'mean against w=2,3');
    huge.share.forEach((s, i) => assertClose(s, small.share[i] as number, 1e-15, `share ${i + 1}`));
    const baseline = labelBaseline(y, f64([1e308, 1.5e308]));
    assertClose(baseline.rate, 0.4, 1e-15, 'rate');
    assertClose(baseline.loss, 0.6730116670092564, 1e-15, 'baseline');
  });

  test('GIVEN a clipped p and weights 1e308 THEN scikit-learn 18.36840028483855, PyTorch 50.346573590279974, Keras 8.405621415759132', () => {
    const result = binaryCrossEntropy(f64([1, 0]), f64([0, 0.5]), { weights: f64([1e308, 1e308]) });
    assertClose(result.loss, 18.36840028483855, 1e-15, 'scikit-learn');
    assertClose(result.clipping.pytorchLoss, 50.346573590279974, 1e-15, 'PyTorch');
    assertClose(result.clipping.kerasLoss, 8.405621415759132, 1e-14, 'Keras');
  });

  test('GIVEN weights and losses both 1e308 THEN the products overflow but the weighted mean is 1e308 and each share 1/2', () => {
    const result = binaryCrossEntropyFromLogits(f64([0, 0]), f64([1e308, 1e308]), { weights: f64([1e308, 1e308]) });
    assertClose(result.loss, 1e308, 1e-15);
    assert.deepEqual(Array.from(result.share), [0.5, 0.5]);
  });

  test('GIVEN a weighted sum that really is beyond float64 THEN Infinity, and the mean of the same data stays finite', () => {
    const y = f64([0, 0]);
    const z = f64([1e308, 1e308]);
    const w = f64([3, 1]);
    assert.equal(binaryCrossEntropyFromLogits(y, z, { weights: w, reduction: 'sum' }).loss, Infinity);
    assertClose(binaryCrossEntropyFromLogits(y, z, { weights: w }).loss, 1e308, 1e-15);
  });
});

describe('means of losses that sum past float64', () => {
  test('GIVEN losses 0, 1e308, 1e308, 0 THEN the mean is 5e307 and the two large points share the total evenly', () => {
    const result = binaryCrossEntropyFromLogits(f64([1, 0, 1, 0]), f64([1e308, 1e308, -1e308, -1e308]));
    assert.equal(result.loss, 5e307);
    assert.deepEqual(Array.from(result.share), [0, 0.5, 0.5, 0]);
  });

  test('GIVEN 100,000 losses between 1e307 and 1.7e308 THEN the mean matches the exact sum to 1e-15 (compensation kept)', () => {
    const random = mulberry32(20261201);
    const n = 100_000;
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = 1e307 + random() * 1.6e308;
    // With y = 0 each loss is z itself (softplus(z) = z once e^−z underflows).
    const result = binaryCrossEntropyFromLogits(new Float64Array(n), z);
    // Dividing every term by 2^20 is exact, so the exact sum of the scaled terms is 2^−20 of the exact sum.
    const exactMean = (exactSum(z.map((v) => v / 2 ** 20)) / n) * 2 ** 20;
    assertClose(result.loss, exactMean, 1e-15);
  });

  test('GIVEN a loss so small that its reciprocal overflows THEN its share is 1, not Infinity', () => {
    assert.deepEqual(Array.from(binaryCrossEntropyFromLogits(f64([1]), f64([740])).share), [1]);
  });
});

describe('counts that sum past float64', () => {
  test('GIVEN counts 1e308, 1e308, 1e308 THEN thirds and H = ln 3 = 1.0986122886681098', () => {
    assert.deepEqual(Array.from(normalize([1e308, 1e308, 1e308])), [1 / 3, 1 / 3, 1 / 3]);
    assertClose(compareDistributions([1e308, 1e308, 1e308]).entropy, 1.0986122886681098, 1e-15);
  });

  test('GIVEN p as counts 1e308 THEN H_p(q) = ln 3 and D(q‖p) = 0.08720802396075797, nothing ruled out', () => {
    const report = compareDistributions([1, 2, 3], [1e308, 1e308, 1e308]);
    assertClose(report.crossEntropy as number, 1.0986122886681098, 1e-15, 'cross-entropy');
    assertClose(report.kl as number, 0.08720802396075797, 1e-14, 'KL');
    assert.equal(report.ruledOut, undefined);
  });

  test('GIVEN counts 1e308, 1e308, 1 THEN halves and a tiny third class, not NaN', () => {
    const q = normalize([1e308, 1e308, 1]);
    assert.equal(q[0], 0.5);
    assert.equal(q[1], 0.5);
    assertClose(q[2] as number, 5e-309, 1e-12);
  });
});
