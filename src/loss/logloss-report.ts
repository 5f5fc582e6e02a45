import { scoredBaseline } from './baseline.js';
import { binaryCrossEntropy, binaryCrossEntropyFromLogits, type BceOptions, type BceResult } from './binary-cross-entropy.js';
import { calibration, type Calibration } from './calibration.js';
import { d2Score } from './d2.js';
import { smoothedFloorNats } from './label-smoothing.js';
import { toBase, type LogBase } from './log-base.js';
import type { Fitted } from './logistic-checks.js';
import type { FitSettings } from './fit-settings.js';
import { fitLogisticModel, type LogisticModel } from './logistic-regression.js';
import { posWeightOptimum } from './pos-weight.js';
import { reduceLosses } from './reduce.js';
import type { ScoringOptions } from './scoring-options.js';

/**
 * What the labels are scored against: probabilities, logits, or features to fit a model on
 * (`columns` to a row, row after row; 1 when absent).
 */
export type Prediction = { kind: 'p' | 'logits' | 'x'; values: Float64Array; columns?: number };

/** Everything /logloss reports: the loss, the base-rate baseline and, for x, the fitted model. */
export interface LoglossReport {
  bce: BceResult;
  /** The base rate's loss, scored and reduced like the predictions (H(ȳ) with scikit-learn's defaults). */
  baseline: { rate: number; loss: number };
  fit?: LogisticModel;
  /** 1 − loss/baseline, scikit-learn's d2_log_loss_score; null where it is undefined (d2.ts). */
  d2: number | null;
  /** With weights: scikit-learn's Σw·l/Σw and Keras's and PyTorch's Σw·l/N of the same per-point losses. */
  weightedMeans?: { sklearn: number; perBatch: number };
  /** With pos_weight: the constant prediction that minimises that loss, w₊π / (w₊π + 1 − π). */
  posWeightOptimum?: number;
  calibration?: Calibration;
  /** Under another convention (or eps=/reduction=): the same loss with scikit-learn's clip and mean, to compare. */
  sklearnLoss?: number;
  /** With smoothing: the least the loss can be, each point's H(y·(1−s) + s/2) reduced like the loss. */
  smoothingFloor?: number;
}

export interface LoglossReportOptions {
  base: LogBase;
  weights?: Float64Array;
  scoring?: ScoringOptions;
  /** Bins of the reliability diagram; no calibration is computed without it. */
  calibrationBins?: number;
  /** With x: the LogisticRegression options given (C, penalty, intercept, class_weight). */
  fit?: Partial<FitSettings>;
}

function bceOptionsOf({ base, weights, scoring }: LoglossReportOptions): BceOptions {
  if (!scoring) return weights ? { base, weights } : { base };
  return {
    base,
    ...(weights ? { weights } : {}),
    reduction: scoring.settings.reduction,
    guard: scoring.settings.guard,
    ...(scoring.posWeight !== undefined ? { posWeight: scoring.posWeight } : {}),
    ...(scoring.smoothing !== undefined ? { smoothing: scoring.smoothing } : {}),
  };
}

/** The fitted model's logits, coef·x + intercept per point (`columns` features to a row). */
function logitsOf(values: Float64Array, columns: number, fit: LogisticModel): Float64Array {
  const n = values.length / columns;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let logit = fit.intercept;
    for (let j = 0; j < columns; j++) logit += (fit.coef[j] as number) * (values[i * columns + j] as number);
    z[i] = logit;
  }
  return z;
}

/** The same prediction scored again with other options (the fitted model is reused, not refitted). */
function rescored(y: Float64Array, prediction: Prediction, bceOptions: BceOptions, fit: LogisticModel | undefined): number {
  if (prediction.kind === 'p') return binaryCrossEntropy(y, prediction.values, bceOptions).loss;
  const z = prediction.kind === 'logits' || !fit ? prediction.values : logitsOf(prediction.values, prediction.columns ?? 1, fit);
  return binaryCrossEntropyFromLogits(y, z, bceOptions).loss;
}

/** Each point's least possible loss against its smoothed label, in nats. */
function smoothedFloors(y: Float64Array, s: number, posWeight: number): Float64Array {
  return Float64Array.from(y, (label) => smoothedFloorNats(label, s, posWeight));
}

function score(y: Float64Array, prediction: Prediction, bceOptions: BceOptions, fitOptions: Partial<FitSettings> & { weights?: Float64Array }): Fitted<{ bce: BceResult; fit?: LogisticModel }> {
  const { kind, values } = prediction;
  if (kind === 'p') return { ok: true, value: { bce: binaryCrossEntropy(y, values, bceOptions) } };
  if (kind === 'logits') return { ok: true, value: { bce: binaryCrossEntropyFromLogits(y, values, bceOptions) } };
  const columns = prediction.columns ?? 1;
  const fit = fitLogisticModel({ values, columns }, y, fitOptions);
  if (!fit.ok) return fit;
  // Score the fitted model through its logits: exact where the sigmoid would round to 0 or 1.
  return { ok: true, value: { bce: binaryCrossEntropyFromLogits(y, logitsOf(values, columns, fit.value), bceOptions), fit: fit.value } };
}

/**
 * Scores the labels against the prediction. Expects equal lengths and validated values; the only
 * failure is data with no logistic-regression fit, returned as its problem.
 */
export function loglossReport(y: Float64Array, prediction: Prediction, options: LoglossReportOptions): Fitted<LoglossReport> {
  const { weights, scoring } = options;
  const bceOptions = bceOptionsOf(options);
  const scored = score(y, prediction, bceOptions, { ...options.fit, ...(weights ? { weights } : {}) });
  if (!scored.ok) return scored;
  const { bce, fit } = scored.value;
  const baseline = scoredBaseline(y, bceOptions);
  const report: LoglossReport = { bce, baseline, d2: d2Score(bce.loss, baseline.loss, bce.n), ...(fit ? { fit } : {}) };
  if (weights) report.weightedMeans = { sklearn: reduceLosses(bce.perPoint, weights, 'mean'), perBatch: reduceLosses(bce.perPoint, weights, 'sum_over_batch_size') };
  if (scoring?.posWeight !== undefined) report.posWeightOptimum = posWeightOptimum(baseline.rate, scoring.posWeight);
  if (scoring && (scoring.conventionGiven || scoring.settings.overridden.length > 0 || scoring.eps !== undefined || scoring.settings.reduction !== 'mean')) {
    const { guard: _guard, reduction: _reduction, ...sklearn } = bceOptions;
    report.sklearnLoss = rescored(y, prediction, sklearn, fit);
  }
  if (scoring?.smoothing !== undefined) report.smoothingFloor = toBase(reduceLosses(smoothedFloors(y, scoring.smoothing, scoring.posWeight ?? 1), weights, bceOptions.reduction ?? 'mean'), options.base);
  if (options.calibrationBins !== undefined) {
    const p = prediction.kind === 'p' ? prediction.values : bce.probabilities;
    report.calibration = calibration(y, p, options.calibrationBins, weights);
  }
  return { ok: true, value: report };
}
