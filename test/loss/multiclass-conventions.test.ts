import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveConvention, type Convention } from '../../src/loss/conventions.js';
import { smoothedFloorNatsK } from '../../src/loss/multiclass-conventions.js';
import { multiclassReport } from '../../src/loss/multiclass-report.js';
import type { Reduction } from '../../src/loss/reduce.js';
import type { ScoringOptions } from '../../src/loss/scoring-options.js';
import { assertClose, f64 } from './assert-close.js';

const rows = (values: number[][]) => Float64Array.from(values.flat());
const Y = Uint32Array.from([1, 0, 2]);
const W = f64([1, 2, 3]);
/** Rows summing to 1. */
const EXAMPLE = rows([[0.2, 0.7, 0.1], [0.6, 0.2, 0.2], [0.6, 0.1, 0.3]]);
/** Rows summing to 0.8, 1.2 and 0.4, and a 0 for point 3's true class: every convention scores it differently. */
const ROUGH = rows([[0, 0.5, 0.3], [0.5, 0.3, 0.4], [0.2, 0.2, 0]]);

function scoring(convention: Convention, options: { eps?: number; reduction?: Reduction; smoothing?: number } = {}): ScoringOptions {
  const { smoothing, ...explicit } = options;
  return {
    settings: resolveConvention(convention, explicit),
    conventionGiven: convention !== 'sklearn',
    ...(options.eps !== undefined ? { eps: options.eps } : {}),
    ...(smoothing !== undefined ? { smoothing } : {}),
  };
}

// References: scikit-learn 1.2.1's sklearn.metrics.log_loss and numpy run with /usr/bin/python3,
// printed with repr. Kaggle, Keras and PyTorch are not installed: their figures are numpy by their
// documented formulas (Kaggle's LogLoss: q = p / p.sum(1), clip to [1e-15, 1−1e-15]; Keras 3
// categorical_crossentropy: the same with epsilon 1e-7 and sum_over_batch_size; torch.nn.NLLLoss:
// ℓ_n = −x_{n,y_n} with x = log p, nothing clipped).
describe('multi-class log loss under the libraries\' conventions', () => {
  test('GIVEN rough rows THEN sklearn clips then renormalises, Kaggle and Keras renormalise then clip, PyTorch takes log p as it is', () => {
    // scikit-learn 1.2.1: log_loss([1,0,2], ROUGH) = 12.157611674614214
    assertClose(multiclassReport(Y, ROUGH, 3, { base: 'e', scoring: scoring('sklearn') }).result.loss, 12.157611674614214, 1e-14);
    // numpy: -log(clip(R/R.sum(1), 1e-15, 1-1e-15)[range(3), y]).mean() = 11.961416253836774
    assertClose(multiclassReport(Y, ROUGH, 3, { base: 'e', scoring: scoring('kaggle') }).result.loss, 11.961416253836774, 1e-14);
    // numpy: the same with 1e-7 = 5.8211893391859855
    const keras = multiclassReport(Y, ROUGH, 3, { base: 'e', scoring: scoring('keras') });
    assertClose(keras.result.loss, 5.8211893391859855, 1e-14);
    assertClose(keras.sklearnLoss ?? 0, 12.157611674614214, 1e-14, 'sklearn beside');
    // numpy: -log(R[2, 2]) = -log(0) = inf: NLLLoss has no clamp.
    const torch = multiclassReport(Y, ROUGH, 3, { base: 'e', scoring: scoring('torch') });
    assert.equal(torch.result.loss, Infinity);
    assert.equal(torch.result.perPoint[2], Infinity);
    assert.equal(torch.d2, -Infinity);
    assert.ok(!Number.isNaN(torch.result.share[0]));
  });

  test('GIVEN weights THEN mean is Σwl/Σw, sum is Σwl and sum_over_batch_size is Σwl/N', () => {
    // scikit-learn 1.2.1: log_loss(y, ROUGH, sample_weight=[1,2,3]) = 17.933838179280425
    assertClose(multiclassReport(Y, ROUGH, 3, { base: 'e', weights: W, scoring: scoring('sklearn') }).result.loss, 17.933838179280425, 1e-14);
    // scikit-learn 1.2.1: log_loss(y, ROUGH, sample_weight=w, normalize=False) = 107.60302907568256
    assertClose(multiclassReport(Y, ROUGH, 3, { base: 'e', weights: W, scoring: scoring('sklearn', { reduction: 'sum' }) }).result.loss, 107.60302907568256, 1e-14);
    // numpy: (w * -log(clip(R/R.sum(1), 1e-7, 1-1e-7)[range(3), y])).sum() / 3 = 16.858409352276166
    assertClose(multiclassReport(Y, ROUGH, 3, { base: 'e', weights: W, scoring: scoring('keras') }).result.loss, 16.858409352276166, 1e-14);
    // numpy: (w * -log(E[range(3), y])).sum() / 3 = 1.6634148681495073; log_loss(y, E, sample_weight=w) = 0.8317074340747537
    const torch = multiclassReport(Y, EXAMPLE, 3, { base: 'e', weights: W, scoring: scoring('torch') });
    assertClose(torch.result.loss, 1.6634148681495073, 1e-14);
    assertClose(torch.sklearnLoss ?? 0, 0.8317074340747537, 1e-14, 'sklearn beside');
    assertClose(torch.weightedMeans?.sklearn ?? 0, 0.8317074340747537, 1e-14, 'weighted mean');
  });

  test('GIVEN smoothing=0.1 THEN Keras\'s y(1−s)+s/K scores every column and the floor is the smoothed label\'s entropy', () => {
    // numpy: T = s/K + (1−s)·onehot; -(T * log(clip(E/E.sum(1), 1e-7, 1-1e-7))).sum(1).mean() = 0.7549507107101648
    const keras = multiclassReport(Y, EXAMPLE, 3, { base: 'e', scoring: scoring('keras', { smoothing: 0.1 }) });
    assertClose(keras.result.loss, 0.7549507107101648, 1e-14);
    // scipy 1.10.1: entropy([1-0.1+0.1/3, 0.1/3, 0.1/3]) = 0.29113983883196504
    assertClose(smoothedFloorNatsK(0.1, 3), 0.29113983883196504, 1e-15);
    assertClose(keras.smoothingFloor ?? 0, 0.29113983883196504, 1e-15);
    const summed = multiclassReport(Y, EXAMPLE, 3, { base: 'e', weights: W, scoring: scoring('sklearn', { smoothing: 0.1, reduction: 'sum' }) });
    assertClose(summed.smoothingFloor ?? 0, 6 * 0.29113983883196504, 1e-15, 'floor · Σw');
    assert.ok(summed.result.loss > (summed.smoothingFloor ?? Infinity));
  });

  test('GIVEN the example THEN D² is 1 − loss / the loss of always predicting the (weighted) class frequencies', () => {
    // d2_log_loss_score is not in scikit-learn 1.2.1: by its definition with 1.2.1's log_loss,
    // 1 - log_loss(y, E) / log_loss(y, tile(bincount(y)/3, (3,1))) = 0.37148789328824205
    assertClose(multiclassReport(Y, EXAMPLE, 3, { base: 'e' }).d2 ?? 0, 0.37148789328824205, 1e-14);
    // The same with sample_weight=[1,2,3] and the weighted frequencies [2,1,3]/6 = 0.17767062776286902
    const weighted = multiclassReport(Y, EXAMPLE, 3, { base: 'e', weights: W });
    assertClose(weighted.d2 ?? 0, 0.17767062776286902, 1e-14);
    // log_loss(y, tile([2,1,3]/6, (3,1)), sample_weight=w) = 1.0114042647073518
    assertClose(weighted.baseline.loss, 1.0114042647073518, 1e-14);
    // and unchanged by the reduction, which scales both losses alike.
    assertClose(multiclassReport(Y, EXAMPLE, 3, { base: 'e', weights: W, scoring: scoring('sklearn', { reduction: 'sum' }) }).d2 ?? 0, 0.17767062776286902, 1e-14);
    // 1 - log_loss(y, ROUGH) / log_loss(y, tile(1/3)) = -10.06633504833025
    assertClose(multiclassReport(Y, ROUGH, 3, { base: 'e' }).d2 ?? 0, -10.06633504833025, 1e-14);
    assert.equal(multiclassReport(Uint32Array.from([1]), rows([[0.2, 0.7, 0.1]]), 3, { base: 'e' }).d2, null);
  });
});
