import { labelBaseline } from './baseline.js';
import { binaryCrossEntropy, binaryCrossEntropyFromLogits, type BceOptions, type BceResult } from './binary-cross-entropy.js';
import type { LogBase } from './log-base.js';
import type { Fitted } from './logistic-checks.js';
import type { FitSettings } from './fit-settings.js';
import { fitLogisticModel, type LogisticModel } from './logistic-regression.js';

/**
 * What the labels are scored against: probabilities, logits, or features to fit a model on
 * (`columns` to a row, row after row; 1 when absent).
 */
export type Prediction = { kind: 'p' | 'logits' | 'x'; values: Float64Array; columns?: number };

/** Everything /logloss reports: the loss, the base-rate baseline and, for x, the fitted model. */
export interface LoglossReport {
  bce: BceResult;
  baseline: { rate: number; loss: number };
  fit?: LogisticModel;
}

/**
 * Scores the labels against the prediction. Expects equal lengths and validated values; the only
 * failure is data with no logistic-regression fit, returned as its problem.
 */
export function loglossReport(y: Float64Array, prediction: Prediction, options: { base: LogBase; weights?: Float64Array; fit?: Partial<FitSettings> }): Fitted<LoglossReport> {
  const { base, weights } = options;
  const bceOptions: BceOptions = weights ? { base, weights } : { base };
  const baseline = labelBaseline(y, weights, base);
  const { kind, values } = prediction;
  if (kind === 'p') return { ok: true, value: { bce: binaryCrossEntropy(y, values, bceOptions), baseline } };
  if (kind === 'logits') return { ok: true, value: { bce: binaryCrossEntropyFromLogits(y, values, bceOptions), baseline } };
  const columns = prediction.columns ?? 1;
  const fit = fitLogisticModel({ values, columns }, y, { ...options.fit, ...(weights ? { weights } : {}) });
  if (!fit.ok) return fit;
  // Score the fitted model through its logits: exact where the sigmoid would round to 0 or 1.
  const { coef, intercept } = fit.value;
  const z = new Float64Array(y.length);
  for (let i = 0; i < z.length; i++) {
    let logit = intercept;
    for (let j = 0; j < columns; j++) logit += (coef[j] as number) * (values[i * columns + j] as number);
    z[i] = logit;
  }
  return { ok: true, value: { bce: binaryCrossEntropyFromLogits(y, z, bceOptions), baseline, fit: fit.value } };
}
