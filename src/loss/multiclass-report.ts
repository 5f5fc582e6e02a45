import { resolveConvention } from './conventions.js';
import { configuredMulticlassLogLoss } from './configured-multiclass.js';
import { d2Score } from './d2.js';
import type { LogBase } from './log-base.js';
import { toBase } from './log-base.js';
import { multiclassScheme, smoothedFloorNatsK, type MulticlassScheme } from './multiclass-conventions.js';
import { frequencyBaseline, multiclassLogLoss, perClassSummary, type ClassSummary, type MulticlassResult } from './multiclass-log-loss.js';
import { reduceLosses, type Reduction } from './reduce.js';
import type { ScoringOptions } from './scoring-options.js';

/** Everything the multi-class /logloss reports: the loss, each class's part and the class-frequency baseline. */
export interface MulticlassReport {
  result: MulticlassResult;
  perClass: ClassSummary[];
  /** The loss of always predicting the class frequencies, scored and reduced as the loss is. */
  baseline: { frequencies: number[]; loss: number };
  /** 1 − loss/baseline (d2.ts); null with one point or one class. */
  d2: number | null;
  /** scikit-learn's log_loss of the same labels (its clip, its mean), when the options score otherwise. */
  sklearnLoss?: number;
  /** With weights: Σw·l/Σw (scikit-learn) and Σw·l/N (Keras, PyTorch). */
  weightedMeans?: { sklearn: number; perBatch: number };
  /** With smoothing: the least this loss can be, each point's smoothed label's entropy, reduced alike. */
  smoothingFloor?: number;
}

interface Scoring {
  base: LogBase;
  weights?: Float64Array;
  reduction: Reduction;
  scheme: MulticlassScheme;
  smoothing: number;
}

const SKLEARN_SCHEME = multiclassScheme(resolveConvention('sklearn'));

function isDefault(scoring: Scoring): boolean {
  return scoring.smoothing === 0 && scoring.scheme.order === SKLEARN_SCHEME.order && scoring.scheme.eps === SKLEARN_SCHEME.eps;
}

function score(labels: Uint32Array, p: Float64Array, k: number, scoring: Scoring): MulticlassResult {
  const { base, weights, reduction } = scoring;
  if (isDefault(scoring)) return multiclassLogLoss(labels, p, k, { base, reduction, ...(weights ? { weights } : {}) });
  return configuredMulticlassLogLoss(labels, p, k, { base, reduction, scheme: scoring.scheme, smoothing: scoring.smoothing, ...(weights ? { weights } : {}) });
}

/**
 * The constant prediction f scored under the same guard and smoothing: one row per class gives
 * each class's cost, then every point takes its class's, reduced as the loss is. For scikit-learn's
 * defaults that is the label entropy −Σ f_c ln f_c (frequencyBaseline).
 */
function scoredBaseline(labels: Uint32Array, k: number, frequencies: number[], scoring: Scoring, entropy: number): number {
  if (isDefault(scoring) && scoring.reduction === 'mean') return entropy;
  const rows = new Float64Array(k * k);
  for (let c = 0; c < k; c++) rows.set(frequencies, c * k);
  const classes = Uint32Array.from({ length: k }, (_, c) => c);
  const { weights: _weights, ...unweighted } = scoring;
  const perClass = score(classes, rows, k, { ...unweighted, reduction: 'sum' }).perPoint;
  const perPoint = Float64Array.from(labels, (c) => perClass[c] as number);
  return reduceLosses(perPoint, scoring.weights, scoring.reduction);
}

/** Scores row-major probabilities (n rows of k) against each point's true column. Expects validated input. */
export function multiclassReport(labels: Uint32Array, p: Float64Array, k: number, options: { base: LogBase; weights?: Float64Array; scoring?: ScoringOptions }): MulticlassReport {
  const { base, weights, scoring } = options;
  const settings = scoring?.settings ?? resolveConvention('sklearn');
  const scored: Scoring = { base, reduction: settings.reduction, scheme: multiclassScheme(settings), smoothing: scoring?.smoothing ?? 0, ...(weights ? { weights } : {}) };
  const result = score(labels, p, k, scored);
  const frequencies = frequencyBaseline(labels, k, weights, base);
  const baseline = { frequencies: frequencies.frequencies, loss: scoredBaseline(labels, k, frequencies.frequencies, scored, frequencies.loss) };
  const report: MulticlassReport = { result, perClass: perClassSummary(labels, result, weights), baseline, d2: d2Score(result.loss, baseline.loss, result.n) };
  if (weights) report.weightedMeans = { sklearn: reduceLosses(result.perPoint, weights, 'mean'), perBatch: reduceLosses(result.perPoint, weights, 'sum_over_batch_size') };
  if (scoring && (scoring.conventionGiven || scoring.eps !== undefined || settings.reduction !== 'mean')) {
    report.sklearnLoss = score(labels, p, k, { ...scored, reduction: 'mean', scheme: SKLEARN_SCHEME }).loss;
  }
  if (scoring?.smoothing !== undefined) {
    const floor = toBase(smoothedFloorNatsK(scoring.smoothing, k), base);
    report.smoothingFloor = reduceLosses(new Float64Array(result.n).fill(floor), weights, settings.reduction);
  }
  return report;
}
