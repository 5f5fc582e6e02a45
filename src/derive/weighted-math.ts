import { binaryCrossEntropy, binaryCrossEntropyFromLogits, smoothLabel } from '../loss/index.js';
import type { DeriveNumbers } from './derivation.js';
import { clip, softplus } from './derive-math.js';

/**
 * pos_weight and label smoothing for the binary steps. PyTorch's BCEWithLogitsLoss documents
 * ℓ = −[w·y·log σ(z) + (1 − y)·log(1 − σ(z))]; Keras's BinaryCrossentropy(label_smoothing=s)
 * scores each label as y·(1 − s) + 0.5·s.
 */

export const weightOf = (numbers: DeriveNumbers): number => numbers.posWeight ?? 1;

/** The label a step scores: smoothed when smoothing is asked, the 0/1 label otherwise. */
export const scoredLabel = (numbers: DeriveNumbers, i: number): number => {
  const y = numbers.y[i] as number;
  return numbers.smoothing !== undefined ? smoothLabel(y, numbers.smoothing) : y;
};

/** −ln p and −ln(1 − p) of point i: softplus of ∓z from logits (exact at |z| = 800), else of the clipped p. */
export function surprises(numbers: DeriveNumbers, i: number): { positive: number; negative: number } {
  if (numbers.logits) {
    const z = numbers.logits[i] as number;
    return { positive: softplus(-z), negative: softplus(z) };
  }
  const p = clip(numbers.p[i] as number);
  return { positive: -Math.log(p), negative: -Math.log1p(-p) };
}

/** −[w·y′·ln p + (1 − y′)·ln(1 − p)], a zero-weight term skipped as scipy's xlogy does (0·∞ = 0). */
export function weightedPointLoss(numbers: DeriveNumbers, i: number): number {
  const label = scoredLabel(numbers, i);
  const { positive, negative } = surprises(numbers, i);
  return (label === 0 ? 0 : weightOf(numbers) * label * positive) + (label === 1 ? 0 : (1 - label) * negative);
}

/** What /logloss reports for the same points, pos_weight and smoothing: the figure the steps must reach. */
export function optionLoss(numbers: DeriveNumbers): number {
  const options = { ...(numbers.posWeight !== undefined ? { posWeight: numbers.posWeight } : {}), ...(numbers.smoothing !== undefined ? { smoothing: numbers.smoothing } : {}) };
  return numbers.logits ? binaryCrossEntropyFromLogits(numbers.y, numbers.logits, options).loss : binaryCrossEntropy(numbers.y, numbers.p, options).loss;
}
