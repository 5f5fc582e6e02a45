import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { binaryCrossEntropy, binaryCrossEntropyFromLogits, posWeightOptimum, smoothedFloorNats, smoothLabel } from '../../src/loss/index.js';
import { assertClose, f64 } from './assert-close.js';

/** The mean pos_weight loss of always predicting c: −[w₊·π·ln c + (1−π)·ln(1−c)]. */
const constantLoss = (c: number, rate: number, w: number) => -(w * rate * Math.log(c) + (1 - rate) * Math.log(1 - c));

/** Golden-section search for the minimum on (0, 1): the optimum found numerically, independent of the formula. */
function argmin(fn: (c: number) => number): number {
  let lo = 1e-12;
  let hi = 1 - 1e-12;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 200; i++) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (fn(a) < fn(b)) hi = b;
    else lo = a;
  }
  return (lo + hi) / 2;
}

describe('pos_weight (torch.nn.BCEWithLogitsLoss)', () => {
  test('GIVEN logits and pos_weight=3 THEN −[3·y·ln σ(z) + (1−y)·ln(1−σ(z))], from softplus', () => {
    // PyTorch docs, BCEWithLogitsLoss: ℓ_c = −w[p_c·y·log σ(x) + (1−y)·log(1−σ(x))].
    // mpmath (50 digits): mean over y=1,0,0,0 z=0.5,−1,−2,0.3 = 0.67919397389251062139
    assertClose(binaryCrossEntropyFromLogits(f64([1, 0, 0, 0]), f64([0.5, -1, -2, 0.3]), { posWeight: 3 }).loss, 0.67919397389251062139, 1e-15);
    // Stable far out: 3·softplus(800) = 2400 exactly (log(sigmoid(−800)) would be −∞).
    assert.equal(binaryCrossEntropyFromLogits(f64([1]), f64([-800]), { posWeight: 3 }).loss, 2400);
    // mpmath: 3·ln(1 + e^−40) = 1.2745062765874766959e-17
    assertClose(binaryCrossEntropyFromLogits(f64([1]), f64([40]), { posWeight: 3 }).loss, 1.2745062765874766959e-17, 1e-15);
  });

  test('GIVEN p and pos_weight THEN only the label-1 terms are multiplied', () => {
    const plain = binaryCrossEntropy(f64([1, 0]), f64([0.8, 0.3]));
    const weighted = binaryCrossEntropy(f64([1, 0]), f64([0.8, 0.3]), { posWeight: 2.5 });
    assertClose(weighted.perPoint[0] as number, 2.5 * (plain.perPoint[0] as number), 1e-15);
    assert.equal(weighted.perPoint[1], plain.perPoint[1]);
  });

  test('GIVEN pos_weight THEN the best constant prediction is w₊π/(w₊π + 1 − π), found again by minimising', () => {
    // d/dc of −[w₊π ln c + (1−π) ln(1−c)] = −w₊π/c + (1−π)/(1−c) = 0  ⇒  c = w₊π / (w₊π + 1 − π).
    for (const [rate, w] of [[0.25, 3], [0.1, 9], [0.6, 0.5], [0.3, 1]] as const) {
      const formula = posWeightOptimum(rate, w);
      assertClose(argmin((c) => constantLoss(c, rate, w)), formula, 1e-7, `π=${rate}, w₊=${w}`);
    }
    assert.equal(posWeightOptimum(0.25, 3), 0.5);
    assert.equal(posWeightOptimum(0.3, 1), 0.3);
  });
});

describe('label smoothing (Keras)', () => {
  test('GIVEN s=0.1 THEN labels become y·0.9 + 0.05 and the loss is scored against them', () => {
    assertClose(smoothLabel(1, 0.1), 0.95, 1e-15);
    assertClose(smoothLabel(0, 0.1), 0.05, 1e-15);
    // numpy with Keras's y*(1−s) + 0.5*s on y=1,0,1 p=0.9,0.2,0.7: mean −[y' ln p + (1−y') ln(1−p)] = 0.30223995028431133
    assertClose(binaryCrossEntropy(f64([1, 0, 1]), f64([0.9, 0.2, 0.7]), { smoothing: 0.1 }).loss, 0.30223995028431133, 1e-14);
  });

  test('GIVEN s=0.1 THEN the floor of a positive label is H(0.95), reached at p = 0.95 and nowhere below', () => {
    // mpmath: −(0.95 ln 0.95 + 0.05 ln 0.05) = 0.19851524334587255643
    assertClose(smoothedFloorNats(1, 0.1), 0.19851524334587255643, 1e-14);
    const atFloor = binaryCrossEntropy(f64([1]), f64([0.95]), { smoothing: 0.1 }).loss;
    assertClose(atFloor, 0.19851524334587255643, 1e-14);
    for (const q of [0.9, 0.99, 1 - 1e-9]) assert.ok(binaryCrossEntropy(f64([1]), f64([q]), { smoothing: 0.1 }).loss > atFloor);
  });
});

describe('label smoothing with pos_weight', () => {
  test('GIVEN s and pos_weight THEN the floor is the least of the weighted loss, found again by minimising', () => {
    const label = smoothLabel(1, 0.1);
    const loss = (c: number) => -(2 * label * Math.log(c) + (1 - label) * Math.log(1 - c));
    assertClose(smoothedFloorNats(1, 0.1, 2), loss(argmin(loss)), 1e-12);
    assert.ok(smoothedFloorNats(1, 0.1, 2) > smoothedFloorNats(1, 0.1));
  });

  test('GIVEN a smoothing so small that the best p rounds to 1 THEN a finite floor, never NaN or ∞', () => {
    // mpmath: with y' = 1 − 5e-324·… the floor is ≈ (1 − y')·(1 + ln(w/(1−y'))) → 0; float64 can only say 0-ish.
    for (const [s, w] of [[1e-323, 0.1], [1e-17, 0.1], [1e-17, 10], [1e-300, 3]] as const) {
      const floor = smoothedFloorNats(1, s, w);
      assert.ok(Number.isFinite(floor) && floor >= 0, `s=${s}, w=${w}: ${floor}`);
    }
  });
});
