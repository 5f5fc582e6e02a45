import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { binIndex } from '../../src/loss/calibration.js';
import { calibration } from '../../src/loss/index.js';
import { assertClose } from './assert-close.js';

/** 120 points with p on exact hundredths (bin edges among them) and labels that do not follow p. */
function sample(): { y: Float64Array; p: Float64Array; w: Float64Array } {
  const n = 120;
  const p = Float64Array.from({ length: n }, (_, i) => ((i * 37) % 101) / 100);
  const y = Float64Array.from(p, (pi, i) => (((i * 13) % 7) < (pi > 0.5 ? 4 : 3) ? 1 : 0));
  const w = Float64Array.from({ length: n }, (_, i) => 1 + (i % 3));
  return { y, p, w };
}

describe('calibration', () => {
  test('GIVEN 120 points in 10 bins THEN the bins, ECE and Brier score of scikit-learn 1.2.1', () => {
    const { y, p, w } = sample();
    const c = calibration(y, p, 10);
    // scikit-learn 1.2.1: calibration_curve(y, p, n_bins=10, strategy='uniform') -> prob_pred, prob_true; counts from
    // np.bincount(np.searchsorted(np.linspace(0, 1, 11)[1:-1], p)).
    const predicted = [0.04857142857142858, 0.15666666666666665, 0.25666666666666665, 0.36000000000000004, 0.45999999999999996, 0.5599999999999999, 0.6563636363636364, 0.7549999999999999, 0.8549999999999999, 0.9536363636363636];
    const observed = [0.5, 0.3333333333333333, 0.5, 0.4166666666666667, 0.3333333333333333, 0.6666666666666666, 0.5454545454545454, 0.5, 0.5833333333333334, 0.6363636363636364];
    const counts = [14, 12, 12, 12, 12, 12, 11, 12, 12, 11];
    assert.deepEqual(c.bins.map((b) => b.count), counts);
    c.bins.forEach((b, i) => {
      assertClose(b.meanPredicted, predicted[i] as number, 1e-14, `bin ${i} mean p`);
      assertClose(b.observed, observed[i] as number, 1e-14, `bin ${i} frequency`);
    });
    // Σ (n_b/N)·|prob_pred − prob_true| over the same bins, numpy: 0.2155833333333333
    assertClose(c.ece, 0.2155833333333333, 1e-13);
    // scikit-learn 1.2.1: brier_score_loss(y, p) = 0.29911583333333336; with sample_weight=1+(i%3): 0.29527291666666666
    assertClose(c.brier, 0.29911583333333336, 1e-14);
    assertClose(calibration(y, p, 10, w).brier, 0.29527291666666666, 1e-14);
  });

  test('GIVEN 5 bins THEN calibration_curve(n_bins=5) again', () => {
    const { y, p } = sample();
    const c = calibration(y, p, 5);
    // scikit-learn 1.2.1: calibration_curve(y, p, n_bins=5)
    const predicted = [0.09846153846153848, 0.30833333333333335, 0.5100000000000001, 0.7078260869565216, 0.9021739130434784];
    const observed = [0.4230769230769231, 0.4583333333333333, 0.5, 0.5217391304347826, 0.6086956521739131];
    c.bins.forEach((b, i) => {
      assertClose(b.meanPredicted, predicted[i] as number, 1e-14);
      assertClose(b.observed, observed[i] as number, 1e-14);
    });
  });

  test('GIVEN p on a bin edge THEN it goes to the lower bin, as np.searchsorted on the rounded edges', () => {
    assert.equal(binIndex(0.1, 10), 0);
    assert.equal(binIndex(0.30000000000000004, 10), 2);
    assert.equal(binIndex(0.3, 10), 2);
    assert.equal(binIndex(0.7, 10), 6);
    assert.equal(binIndex(0, 10), 0);
    assert.equal(binIndex(1, 10), 9);
    assert.equal(binIndex(0.95, 1), 0);
  });

  test('GIVEN empty bins THEN they are skipped, not 0/0', () => {
    const c = calibration(Float64Array.of(1, 0, 1), Float64Array.of(0.95, 0.05, 0.92), 10);
    assert.deepEqual(c.bins.map((b) => b.count), [1, 2]);
    assert.ok(Number.isFinite(c.ece));
  });
});
