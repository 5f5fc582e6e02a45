import type { BceOptions } from './bce-types.js';
import { binaryEntropyNats } from './entropy-terms.js';
import { smoothLabel } from './label-smoothing.js';
import { toBase, type LogBase } from './log-base.js';
import { guardedPointLoss } from './other-libraries.js';
import { quotient, scaledDot, scaledSum, unscaled, type Scaled } from './scaled-sum.js';

/**
 * The loss of always predicting the (weighted) base rate ȳ = Σw·y / Σw, the score a model has to
 * beat. Its cross-entropy with the labels is −(ȳ ln ȳ + (1−ȳ) ln(1−ȳ)) = H(ȳ), the binary entropy,
 * because Σw·y = ȳ·Σw; soft labels included. 0 when ȳ is 0 or 1 (and when Σw is 0: nothing to predict).
 * Both sums stay scaled until the division, so weights of 1e308 give the same rate as weights of 1.
 */
export function labelBaseline(y: Float64Array, weights?: Float64Array, base: LogBase = 'e'): { rate: number; loss: number } {
  const totalWeight = totalOf(y, weights);
  const rate = rateOf(y, weights, totalWeight);
  return { rate, loss: toBase(binaryEntropyNats(rate), base) };
}

function totalOf(y: Float64Array, weights: Float64Array | undefined): Scaled {
  return weights ? scaledSum(weights) : { value: y.length, exponent: 0 };
}

function rateOf(y: Float64Array, weights: Float64Array | undefined, totalWeight: Scaled): number {
  const positives = weights ? scaledDot(weights, y) : scaledSum(y);
  return totalWeight.value > 0 ? Math.min(1, Math.max(0, quotient(positives, totalWeight))) : 0;
}

/**
 * The base-rate baseline scored like the predictions: the same pos_weight, smoothed labels and
 * reduction. The prediction is the base rate of the labels as scored (smoothed when asked), and
 * because the loss is linear in the labels, Σw·l = Σw · l(ȳ, ȳ): one term, then reduced. With
 * scikit-learn's defaults it is labelBaseline's H(ȳ).
 */
export function scoredBaseline(y: Float64Array, options: BceOptions): { rate: number; loss: number } {
  const { weights } = options;
  const totalWeight = totalOf(y, weights);
  const raw = rateOf(y, weights, totalWeight);
  const s = options.smoothing ?? 0;
  const rate = s > 0 ? smoothLabel(raw, s) : raw;
  const posWeight = options.posWeight ?? 1;
  const meanNats = posWeight === 1 ? binaryEntropyNats(rate) : guardedPointLoss(rate, rate, { kind: 'clip', eps: 0 }, posWeight);
  const reduction = options.reduction ?? 'mean';
  const n = y.length;
  const nats =
    reduction === 'mean' ? meanNats
    : reduction === 'sum' ? unscaled({ value: meanNats * totalWeight.value, exponent: totalWeight.exponent })
    : n > 0 ? quotient({ value: meanNats * totalWeight.value, exponent: totalWeight.exponent }, { value: n, exponent: 0 }) : 0;
  return { rate, loss: toBase(nats, options.base ?? 'e') };
}
