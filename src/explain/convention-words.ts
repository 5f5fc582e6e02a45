import { formatCount, formatNumber } from '../core/format.js';
import { amount } from '../core/wording.js';
import type { Reduction } from '../loss/reduce.js';

/** The wording binary and multi-class /logloss share when another library's convention is in force. */

const f = (x: number) => formatNumber(x);

export function clipWords(eps: number, what = 'p'): string {
  if (eps === 0) return `${what} is not clipped at all`;
  return `${what} is clipped to [${formatNumber(eps, 3)}, 1−${formatNumber(eps, 3)}]`;
}

export function reductionWords(reduction: Reduction, n: number): string {
  if (reduction === 'mean') return 'the weighted mean Σw·l/Σw';
  if (reduction === 'sum') return 'the sum Σw·l';
  return `Σw·l divided by the number of points N = ${formatCount(n)}`;
}

/** "here both give …" or "here that gives … where scikit-learn's log_loss gives …": both numbers when they differ. */
export function outcomeWords(loss: number, sklearn: number, unit: string): string {
  const same = Math.abs(sklearn - loss) <= 1e-12 * Math.max(1, Math.abs(sklearn));
  return same ? `here both give ${amount(f(loss), unit)}` : `here that gives ${amount(f(loss), unit)} where scikit-learn's log_loss gives ${amount(f(sklearn), unit)}`;
}

/** The D² sentence; `baselineName` says what the baseline predicts. */
export function d2Words(d2: number, loss: number, baseline: number, baselineName: string): string {
  const verdict = d2 > 0 ? `the predictions remove ${formatNumber(d2 * 100, 3)}% of the ${baselineName}'s loss` : d2 === 0 ? `no better than the ${baselineName}` : `worse than always predicting the ${baselineName}`;
  return `D² (scikit-learn's d2_log_loss_score, McFadden's pseudo-R²) = 1 − ${f(loss)}/${f(baseline)} = ${f(d2)}: ${verdict}.`;
}

/** With weights, scikit-learn and Keras/PyTorch divide the same Σw·l differently: both numbers. */
export function weightedMeansWords(means: { sklearn: number; perBatch: number }, n: number, unit: string): string {
  return (
    `Weights: scikit-learn's weighted mean divides Σw·l by Σw and gives ${amount(f(means.sklearn), unit)}; Keras (sum_over_batch_size) and PyTorch (reduction='mean' with a weight tensor) divide by the number of points N = ${formatCount(n)} and give ${amount(f(means.perBatch), unit)}, ` +
    `which is why their weighted loss differs from scikit-learn's.`
  );
}
