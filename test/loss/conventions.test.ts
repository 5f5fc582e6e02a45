import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { binaryCrossEntropy, binaryCrossEntropyFromLogits, resolveConvention, type BceOptions, type Convention } from '../../src/loss/index.js';
import { assertClose, f64 } from './assert-close.js';

const options = (convention: Convention, extra: BceOptions = {}): BceOptions => {
  const { guard, reduction } = resolveConvention(convention);
  return { guard, reduction, ...extra };
};

describe('library conventions', () => {
  const y = f64([1, 0, 1]);
  const p = f64([0.9, 0.2, 0.7]);
  const w = f64([1, 1, 3]);

  test('GIVEN weights THEN mean is Σwl/Σw, sum is Σwl and sum_over_batch_size is Σwl/N', () => {
    // scikit-learn 1.2.1: log_loss([1,0,1], [0.9,0.2,0.7], sample_weight=[1,1,3]) = 0.27970577975764666
    assertClose(binaryCrossEntropy(y, p, { weights: w }).loss, 0.27970577975764666, 1e-15);
    // mpmath (50 digits): Σwl = −(ln 0.9 + ln 0.8 + 3 ln 0.7) = 1.3985288987882331937
    assertClose(binaryCrossEntropy(y, p, { weights: w, reduction: 'sum' }).loss, 1.3985288987882331937, 1e-15);
    // PyTorch docs (torch.nn.BCELoss): ℓ_n = −w_n[y_n log x_n + (1−y_n) log(1−x_n)], reduction='mean' is mean(L) over
    // the N elements; Keras's sum_over_batch_size likewise. mpmath: 1.3985288987882331937 / 3 = 0.46617629959607773124
    assertClose(binaryCrossEntropy(y, p, { weights: w, reduction: 'sum_over_batch_size' }).loss, 0.46617629959607773124, 1e-15);
  });

  test('GIVEN no weights THEN sum_over_batch_size equals the mean', () => {
    // scikit-learn 1.2.1: log_loss([1,0,1], [0.9,0.2,0.7]) = 0.22839300363692283
    assertClose(binaryCrossEntropy(y, p, { reduction: 'sum_over_batch_size' }).loss, 0.22839300363692283, 1e-15);
  });

  const y2 = f64([1, 0, 1, 0]);
  const p2 = f64([0, 0.2, 0.7, 1]);

  test('GIVEN convention=kaggle THEN p is clipped to [1e-15, 1−1e-15]', () => {
    // scikit-learn 1.2.1: log_loss([1,0,1,0], [0,0.2,0.7,1], eps=1e-15) = 17.414542720626127
    const bce = binaryCrossEntropy(y2, p2, options('kaggle'));
    assertClose(bce.loss, 17.414542720626127, 1e-13);
    assert.equal(bce.clipping.eps, 1e-15);
    assert.equal(bce.clipping.clippedCount, 2);
  });

  test('GIVEN convention=keras THEN p is clipped to [1e-7, 1−1e-7] and weights divide by N', () => {
    // Keras 3 binary_crossentropy: output = clip(output, epsilon(), 1 − epsilon()), epsilon() = 1e-7, then
    // −[y log(output) + (1−y) log(1−output)]; scikit-learn 1.2.1 log_loss(..., eps=1e-7) clips the same way = 8.204002449423985
    assertClose(binaryCrossEntropy(y2, p2, options('keras')).loss, 8.204002449423985, 1e-13);
    assertClose(binaryCrossEntropy(y, p, options('keras', { weights: w })).loss, 0.46617629959607773124, 1e-15);
  });

  test('GIVEN convention=torch THEN each log is clamped at −100, so a certain mistake costs exactly 100', () => {
    // torch.nn.BCELoss docs: "our BCELoss clamps its log function outputs to be greater than or equal to -100".
    // y=1, p=0: 100; y=0, p=0.2: −ln 0.8; y=1, p=0.7: −ln 0.7; y=0, p=1: 100 (mpmath: sum 200.57981849525294213).
    const bce = binaryCrossEntropy(y2, p2, options('torch'));
    assert.equal(bce.perPoint[0], 100);
    assert.equal(bce.perPoint[3], 100);
    assertClose(bce.loss, 200.57981849525294213 / 4, 1e-15);
    // e^−115: log is −115.13, clamped too; p = 1e-40 is −92.1, not clamped.
    assert.equal(binaryCrossEntropy(f64([1]), f64([1e-50]), options('torch')).loss, 100);
    assertClose(binaryCrossEntropy(f64([1]), f64([1e-40]), options('torch')).loss, 92.10340371976183, 1e-15);
  });

  test('GIVEN eps=0 and a p of exactly 0 for a 1 THEN the loss is Infinity, never NaN; a p of 0 for a 0 costs 0', () => {
    const bce = binaryCrossEntropy(y2, p2, { guard: { kind: 'clip', eps: 0 } });
    assert.equal(bce.perPoint[0], Infinity);
    assert.equal(bce.perPoint[3], Infinity);
    assert.equal(bce.loss, Infinity);
    assert.equal(binaryCrossEntropy(f64([0, 1]), f64([0, 1]), { guard: { kind: 'clip', eps: 0 } }).loss, 0);
    // Soft label: 0.5·ln 0 is −∞ too, and 0·ln 0 never appears as NaN.
    assert.equal(binaryCrossEntropy(f64([0.5]), f64([0]), { guard: { kind: 'clip', eps: 0 } }).loss, Infinity);
    assert.ok(!Number.isNaN(bce.share[0]));
  });

  test('GIVEN an explicit eps or reduction with a convention THEN that part is overridden and named', () => {
    const keras = resolveConvention('keras', { eps: 0, reduction: 'mean' });
    assert.deepEqual(keras.guard, { kind: 'clip', eps: 0 });
    assert.equal(keras.reduction, 'mean');
    assert.deepEqual(keras.overridden, ['eps', 'reduction']);
    assert.deepEqual(resolveConvention('keras', { eps: 1e-7 }).overridden, []);
    assert.deepEqual(resolveConvention('torch', { eps: 1e-7 }).guard, { kind: 'clip', eps: 1e-7 });
  });

  test('GIVEN logits under any convention THEN nothing is clipped: y=1, z=−800 costs 800', () => {
    for (const convention of ['kaggle', 'torch', 'keras'] as const) {
      assert.equal(binaryCrossEntropyFromLogits(f64([1]), f64([-800]), options(convention)).loss, 800);
    }
  });
});
