import { binaryEntropyNats } from './entropy-terms.js';
import { guardedPointLoss } from './other-libraries.js';
import { posWeightOptimum } from './pos-weight.js';

/** keras.losses.BinaryCrossentropy(label_smoothing=s): y_true * (1 - s) + 0.5 * s. */
export function smoothLabel(y: number, s: number): number {
  return y * (1 - s) + 0.5 * s;
}

export function smoothLabels(y: Float64Array, s: number): Float64Array {
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = smoothLabel(y[i] as number, s);
  return out;
}

/**
 * The least a point can cost against a smoothed label y': −[y' ln p + (1−y') ln(1−p)] is smallest
 * at p = y', where it equals the label's own entropy H(y') (Gibbs' inequality). For a hard label
 * and s = 0.1 that is H(0.95) = 0.1985 nats: the loss can no longer reach 0. With pos_weight w₊
 * the least cost is at p = w₊y' / (w₊y' + 1 − y') instead (pos-weight.ts, for one point).
 */
export function smoothedFloorNats(y: number, s: number, posWeight = 1): number {
  const label = smoothLabel(y, s);
  if (posWeight === 1) return binaryEntropyNats(label);
  return guardedPointLoss(label, posWeightOptimum(label, posWeight), { kind: 'clip', eps: 0 }, posWeight);
}
