import { binaryEntropyNats } from './entropy-terms.js';

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
  // At the best p = w₊y′/T, T = w₊y′ + 1 − y′, the cost is −[w₊y′ ln(w₊y′/T) + (1−y′) ln((1−y′)/T)]:
  // written with differences of logs, since p itself rounds to 1 when 1 − y′ is ~1e-16 (and the
  // loss at a rounded p was ∞ or NaN, e.g. s = 1e-323 with w₊ = 0.1).
  const weighted = posWeight * label;
  const rest = 1 - label;
  const total = Math.log(weighted + rest);
  const positive = weighted === 0 ? 0 : weighted * (Math.log(weighted) - total);
  const negative = rest === 0 ? 0 : rest * (Math.log(rest) - total);
  return 0 - (positive + negative);
}
