import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { frequencyBaseline, multiclassLogLoss, perClassSummary } from '../../src/loss/multiclass-log-loss.js';
import { assertClose, f64 } from './assert-close.js';

const rows = (values: number[][]) => Float64Array.from(values.flat());
const labels = (values: number[]) => Uint32Array.from(values);
const EXAMPLE = rows([[0.2, 0.7, 0.1], [0.6, 0.2, 0.2], [0.6, 0.1, 0.3]]);

// References: scikit-learn 1.2.1's sklearn.metrics.log_loss run with /usr/bin/python3 on the same
// float64 inputs, printed with repr (17 significant digits).
describe('multiclassLogLoss (scikit-learn 1.2.1 log_loss)', () => {
  test('GIVEN y=1,0,2 and three rows that sum to 1 THEN the mean of −ln p[true]', () => {
    // scikit-learn 1.2.1: log_loss([1,0,2], [[.2,.7,.1],[.6,.2,.2],[.6,.1,.3]]) = 0.6904911240102196
    const result = multiclassLogLoss(labels([1, 0, 2]), EXAMPLE, 3);
    assertClose(result.loss, 0.6904911240102196, 1e-15);
    // 0.2 + 0.7 + 0.1 is 0.9999999999999999 in float64: divided by it, as numpy does, 0.7 moves by an ulp.
    [0.7, 0.6, 0.3].forEach((q, i) => assertClose(result.trueClassProb[i] as number, q, 1e-15));
    assertClose(result.perPoint[2] as number, -Math.log(0.3), 1e-15);
    assert.equal(result.clippedCount, 0);
    assert.equal(result.renormalisedRows, 0);
    assertClose(result.share[2] as number, -Math.log(0.3) / (3 * 0.6904911240102196), 1e-14);
  });

  test('GIVEN sample weights THEN Σw·l / Σw', () => {
    // scikit-learn 1.2.1: log_loss([1,0,2], P, sample_weight=[1,2,0.5]) = 0.565803598181052
    assertClose(multiclassLogLoss(labels([1, 0, 2]), EXAMPLE, 3, { weights: f64([1, 2, 0.5]) }).loss, 0.565803598181052, 1e-15);
  });

  test('GIVEN rows that do not sum to 1 THEN each is divided by its sum, as scikit-learn 1.2.1 does, and counted', () => {
    // scikit-learn 1.2.1: log_loss([1,0,2], [[.2,.9,.1],[1,1,2],[.6,.1,.3]]) = 0.8634223884819422
    const result = multiclassLogLoss(labels([1, 0, 2]), rows([[0.2, 0.9, 0.1], [1, 1, 2], [0.6, 0.1, 0.3]]), 3);
    assertClose(result.loss, 0.8634223884819422, 1e-15);
    assert.equal(result.renormalisedRows, 2);
    // scikit-learn 1.2.1: log_loss([0,1,2], [[.5,.5,.5],[.1,.3,.1],[.2,.2,.2]]) = 0.9026834003674035
    assertClose(multiclassLogLoss(labels([0, 1, 2]), rows([[0.5, 0.5, 0.5], [0.1, 0.3, 0.1], [0.2, 0.2, 0.2]]), 3).loss, 0.9026834003674035, 1e-15);
  });

  test('GIVEN a 0 for the true class THEN clipped to ε = 2^−52 before renormalising, not ∞', () => {
    // scikit-learn 1.2.1: log_loss([1,0,2], [[.2,.8,0],[.6,.2,.2],[.7,.3,0]]) = 12.259207521399118
    const result = multiclassLogLoss(labels([1, 0, 2]), rows([[0.2, 0.8, 0], [0.6, 0.2, 0.2], [0.7, 0.3, 0]]), 3);
    assertClose(result.loss, 12.259207521399118, 1e-15);
    assert.equal(result.clippedCount, 2);
    assert.equal(result.renormalisedRows, 0, 'a row of 0.7, 0.3, ε sums to 1 + ε: inside scikit-learn\'s tolerance');
    // scikit-learn 1.2.1: log_loss([0,1,2], [[0,1,0],[0,1,0],[1,0,0]]) = 24.029102259411435
    const certain = multiclassLogLoss(labels([0, 1, 2]), rows([[0, 1, 0], [0, 1, 0], [1, 0, 0]]), 3);
    assertClose(certain.loss, 24.029102259411435, 1e-15);
    assert.equal(certain.clippedCount, 9);
    // scikit-learn 1.2.1: log_loss([0,1,2], eye(3)) = 4.440892098500627e-16
    assertClose(multiclassLogLoss(labels([0, 1, 2]), rows([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), 3).loss, 4.440892098500627e-16, 1e-12);
  });

  test('GIVEN a value to clip only in the last row THEN the rows before it are scored again with clipping, as scikit-learn', () => {
    // scikit-learn 1.2.1: log_loss([1,0,2,2], [[.2,.7,.1],[.6,.2,.2],[.6,.1,.3],[.5,.5,0]]) = 9.528781690286953
    const result = multiclassLogLoss(labels([1, 0, 2, 2]), rows([[0.2, 0.7, 0.1], [0.6, 0.2, 0.2], [0.6, 0.1, 0.3], [0.5, 0.5, 0]]), 3);
    assertClose(result.loss, 9.528781690286953, 1e-15);
    assert.equal(result.clippedCount, 1);
    assertClose(result.perPoint[0] as number, -Math.log(0.7), 1e-15);
  });

  test('GIVEN ten classes THEN the same as scikit-learn, and base 2 is the nats over ln 2', () => {
    // scikit-learn 1.2.1: log_loss(range(10), eye(10)*0.91 + 0.01) = 0.09333193979221911
    const p = new Float64Array(100).fill(0.01);
    for (let c = 0; c < 10; c++) p[c * 10 + c] = 0.92;
    const ten = labels([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assertClose(multiclassLogLoss(ten, p, 10).loss, 0.09333193979221911, 1e-14);
    assertClose(multiclassLogLoss(ten, p, 10, { base: '2' }).loss, 0.09333193979221911 / Math.LN2, 1e-14);
  });

  test('GIVEN a class missing from y THEN its column still counts in the row sums and its share is 0', () => {
    // scikit-learn 1.2.1: log_loss([0,1,0], [[.5,.3,.2],[.1,.8,.1],[.6,.2,.2]], labels=[0,1,2]) = 0.47570545188004854
    const y = labels([0, 1, 0]);
    const result = multiclassLogLoss(y, rows([[0.5, 0.3, 0.2], [0.1, 0.8, 0.1], [0.6, 0.2, 0.2]]), 3);
    assertClose(result.loss, 0.47570545188004854, 1e-15);
    const perClass = perClassSummary(y, result);
    assert.deepEqual(perClass.map((c) => c.count), [2, 1, 0]);
    assertClose((perClass[0]?.share ?? 0) + (perClass[1]?.share ?? 0), 1, 1e-15);
    assert.equal(perClass[2]?.share, 0);
    assertClose(perClass[0]?.meanLoss ?? 0, (Math.LN2 - Math.log(0.6)) / 2, 1e-15);
  });
});

describe('frequencyBaseline', () => {
  test('GIVEN classes 2:1:0 THEN the entropy of the labels, 0 ln 0 = 0', () => {
    const { frequencies, loss } = frequencyBaseline(labels([0, 1, 0]), 3);
    assert.deepEqual(frequencies, [2 / 3, 1 / 3, 0]);
    // scipy 1.10.1: scipy.stats.entropy([2, 1]) = 0.6365141682948128
    assertClose(loss, 0.6365141682948128, 1e-15);
  });

  test('GIVEN weights of 1e308 THEN the same frequencies as weights of 1, no overflow', () => {
    const huge = frequencyBaseline(labels([0, 1, 2, 2]), 3, f64([1e308, 1e308, 1e308, 1e308]));
    assert.deepEqual(huge.frequencies, [0.25, 0.25, 0.5]);
    // scipy 1.10.1: scipy.stats.entropy([1, 1, 2]) = 1.0397207708399179
    assertClose(huge.loss, 1.0397207708399179, 1e-15);
  });
});
