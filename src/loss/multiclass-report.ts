import type { LogBase } from './log-base.js';
import { frequencyBaseline, multiclassLogLoss, perClassSummary, type ClassSummary, type MulticlassResult } from './multiclass-log-loss.js';

/** Everything the multi-class /logloss reports: the loss, each class's part and the class-frequency baseline. */
export interface MulticlassReport {
  result: MulticlassResult;
  perClass: ClassSummary[];
  baseline: { frequencies: number[]; loss: number };
}

/** Scores row-major probabilities (n rows of k) against each point's true column. Expects validated input. */
export function multiclassReport(labels: Uint32Array, p: Float64Array, k: number, options: { base: LogBase; weights?: Float64Array }): MulticlassReport {
  const { base, weights } = options;
  const result = multiclassLogLoss(labels, p, k, weights ? { base, weights } : { base });
  return { result, perClass: perClassSummary(labels, result, weights), baseline: frequencyBaseline(labels, k, weights, base) };
}
