import { binaryEntropyNats } from './entropy-terms.js';
import { toBase, type LogBase } from './log-base.js';
import { quotient, scaledDot, scaledSum } from './scaled-sum.js';

/**
 * The loss of always predicting the (weighted) base rate ȳ = Σw·y / Σw, the score a model has to
 * beat. Its cross-entropy with the labels is −(ȳ ln ȳ + (1−ȳ) ln(1−ȳ)) = H(ȳ), the binary entropy,
 * because Σw·y = ȳ·Σw; soft labels included. 0 when ȳ is 0 or 1 (and when Σw is 0: nothing to predict).
 * Both sums stay scaled until the division, so weights of 1e308 give the same rate as weights of 1.
 */
export function labelBaseline(y: Float64Array, weights?: Float64Array, base: LogBase = 'e'): { rate: number; loss: number } {
  const totalWeight = weights ? scaledSum(weights) : { value: y.length, exponent: 0 };
  const positives = weights ? scaledDot(weights, y) : scaledSum(y);
  const rate = totalWeight.value > 0 ? Math.min(1, Math.max(0, quotient(positives, totalWeight))) : 0;
  return { rate, loss: toBase(binaryEntropyNats(rate), base) };
}
