import { labelBaseline } from './baseline.js';
import { binaryCrossEntropy, binaryCrossEntropyFromLogits, type BceOptions, type BceResult } from './binary-cross-entropy.js';
import type { LogBase } from './log-base.js';
import type { Fitted } from './logistic-checks.js';
import { fitLogisticRegression, type LogisticFit } from './logistic-regression.js';

/** What the labels are scored against: probabilities, logits, or one feature to fit a model on. */
export type Prediction = { kind: 'p' | 'logits' | 'x'; values: Float64Array };

/** Everything /logloss reports: the loss, the base-rate baseline and, for x, the fitted model. */
export interface LoglossReport {
  bce: BceResult;
  baseline: { rate: number; loss: number };
  fit?: LogisticFit;
}

/**
 * Scores the labels against the prediction. Expects equal lengths and validated values; the only
 * failure is data with no logistic-regression fit, returned as its problem.
 */
export function loglossReport(y: Float64Array, prediction: Prediction, options: { base: LogBase; weights?: Float64Array }): Fitted<LoglossReport> {
  const { base, weights } = options;
  const bceOptions: BceOptions = weights ? { base, weights } : { base };
  const baseline = labelBaseline(y, weights, base);
  const { kind, values } = prediction;
  if (kind === 'p') return { ok: true, value: { bce: binaryCrossEntropy(y, values, bceOptions), baseline } };
  if (kind === 'logits') return { ok: true, value: { bce: binaryCrossEntropyFromLogits(y, values, bceOptions), baseline } };
  const fit = fitLogisticRegression(values, y, weights ? { weights } : {});
  if (!fit.ok) return fit;
  // Score the fitted model through its logits: exact where the sigmoid would round to 0 or 1.
  const z = new Float64Array(values.length);
  for (let i = 0; i < z.length; i++) z[i] = fit.value.coef * (values[i] as number) + fit.value.intercept;
  return { ok: true, value: { bce: binaryCrossEntropyFromLogits(y, z, bceOptions), baseline, fit: fit.value } };
}
