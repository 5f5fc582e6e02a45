import { summarize } from './bce-summary.js';
import type { LogBase } from './log-base.js';
import { toBase } from './log-base.js';
import type { Reduction } from './reduce.js';
import { neumaierSum } from './summation.js';

/** np.finfo(np.float64).eps, what scikit-learn's log_loss clips every probability to (2^-52). */
const EPS = Number.EPSILON;
/**
 * scikit-learn 1.2.1 renormalises every row without a word; from 1.3 it first checks
 * np.isclose(row_sum, 1, rtol=1e-15, atol=5·eps) and warns outside it. Rows outside that band are
 * counted so the answer can say they were renormalised; rows inside it are divided just the same.
 */
const SUM_TOLERANCE = 1e-15 + 5 * EPS;

export interface MulticlassOptions {
  base?: LogBase;
  /** scikit-learn's sample_weight: the mean becomes Σw·l / Σw. */
  weights?: Float64Array;
  /** mean (scikit-learn's), sum or sum_over_batch_size (reduce.ts). */
  reduction?: Reduction;
}

export interface MulticlassResult {
  loss: number;
  /** The same loss in nats. */
  lossNats: number;
  base: LogBase;
  n: number;
  /** Number of classes: the width of each row. */
  k: number;
  /** Each point's loss in the chosen base, unweighted. */
  perPoint: Float64Array;
  /** The probability each point gave its true class, after clipping and renormalising (what the log is taken of). */
  trueClassProb: Float64Array;
  /** w_i·l_i / Σ w·l (all 0 when the total is 0). */
  share: Float64Array;
  /** Probabilities (any column) outside [ε, 1−ε], moved to the edge as scikit-learn does. */
  clippedCount: number;
  /** Rows whose clipped sum was not 1 (beyond scikit-learn's tolerance) and were divided by it. */
  renormalisedRows: number;
  eps: number;
}

/**
 * Multi-class log loss as scikit-learn 1.2.1's log_loss computes it: every probability clipped
 * to [ε, 1−ε] (ε = float64 machine epsilon), then each row divided by its sum, then
 * −ln(p[true class]) per point, weighted mean Σw·l/Σw. `p` is row-major, n rows of k columns;
 * `labels[i]` is the column of point i's true class. Expects validated input (p in [0, 1], labels in [0, k)).
 * One pass over a flat array (one sum, one division and one log per row), no per-row arrays,
 * which would spend most of the time allocating.
 */
export function multiclassLogLoss(labels: Uint32Array, p: Float64Array, k: number, options: MulticlassOptions = {}): MulticlassResult {
  const n = labels.length;
  const perPoint = new Float64Array(n);
  const trueClassProb = new Float64Array(n);
  // Nothing to clip (the usual case): one pass whose rows are bare sums, measured about half the
  // time of clipping each value on the way. A value to clip sends the whole array to the second loop.
  let clippedCount = 0;
  let renormalisedRows = plainRows(labels, p, k, perPoint, trueClassProb);
  if (renormalisedRows < 0) {
    clippedCount = countOutside(p);
    renormalisedRows = clippedRows(labels, p, k, perPoint, trueClassProb);
  }
  const { loss, lossNats, share } = summarize(perPoint, options);
  return { loss, lossNats, base: options.base ?? 'e', n, k, perPoint, trueClassProb, share, clippedCount, renormalisedRows, eps: EPS };
}

/** The rows when no probability lies outside [ε, 1−ε]: the renormalised rows' count, or −1 at the first value that needs clipping. */
function plainRows(labels: Uint32Array, p: Float64Array, k: number, perPoint: Float64Array, trueClassProb: Float64Array): number {
  let renormalised = 0;
  for (let i = 0, row = 0; i < labels.length; i++, row += k) {
    let sum = 0;
    let outside = false;
    for (let j = row, end = row + k; j < end; j++) {
      const v = p[j] as number;
      sum += v;
      outside ||= v < EPS || v > 1 - EPS;
    }
    if (outside) return -1;
    // Divided before the log, as numpy's y_pred / y_pred_sum then xlogy does.
    const q = (p[row + (labels[i] as number)] as number) / sum;
    trueClassProb[i] = q;
    perPoint[i] = -Math.log(q);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) renormalised++;
  }
  return renormalised;
}

/** The rows with every value clipped to [ε, 1−ε] first, as scikit-learn 1.2.1 clips before it renormalises. */
function clippedRows(labels: Uint32Array, p: Float64Array, k: number, perPoint: Float64Array, trueClassProb: Float64Array): number {
  let renormalised = 0;
  for (let i = 0, row = 0; i < labels.length; i++, row += k) {
    let sum = 0;
    for (let j = row, end = row + k; j < end; j++) sum += clip(p[j] as number);
    const q = clip(p[row + (labels[i] as number)] as number) / sum;
    trueClassProb[i] = q;
    perPoint[i] = -Math.log(q);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) renormalised++;
  }
  return renormalised;
}

/** scikit-learn's np.clip(p, eps, 1 - eps) for one value. */
function clip(v: number): number {
  return v < EPS ? EPS : v > 1 - EPS ? 1 - EPS : v;
}

/** How many probabilities lie outside [ε, 1−ε]. */
function countOutside(p: Float64Array): number {
  let count = 0;
  for (let j = 0; j < p.length; j++) {
    const v = p[j] as number;
    if (v < EPS || v > 1 - EPS) count++;
  }
  return count;
}

export interface ClassSummary {
  /** Points of this class. */
  count: number;
  /** This class's part of the total, Σ over its points of w·l / Σ w·l. */
  share: number;
  /** Mean loss of its points (weighted as the whole), in the chosen base; 0 when it has none. */
  meanLoss: number;
}

/** 1 / the largest weight: weights of 1e308 times a loss of 36 would overflow, their ratios never do. */
function weightScale(weights?: Float64Array): number {
  let largest = 0;
  if (weights) for (let i = 0; i < weights.length; i++) largest = Math.max(largest, weights[i] as number);
  return largest > 0 ? 1 / largest : 1;
}

/** Neumaier-compensated running sums, one per class, so a million points need no per-class arrays. */
class ClassSums {
  readonly sum: Float64Array;
  readonly #compensation: Float64Array;

  constructor(k: number) {
    this.sum = new Float64Array(k);
    this.#compensation = new Float64Array(k);
  }

  add(c: number, v: number): void {
    const s = this.sum[c] as number;
    const t = s + v;
    this.#compensation[c] = (this.#compensation[c] as number) + (Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s);
    this.sum[c] = t;
  }

  total(c: number): number {
    const s = this.sum[c] as number;
    return Number.isFinite(s) ? s + (this.#compensation[c] as number) : s;
  }
}

/** Per true class: how many points, what share of the loss and their mean loss. */
export function perClassSummary(labels: Uint32Array, result: MulticlassResult, weights?: Float64Array): ClassSummary[] {
  const counts = new Float64Array(result.k);
  const shares = new ClassSums(result.k);
  const losses = new ClassSums(result.k);
  const weightSums = new ClassSums(result.k);
  const scale = weightScale(weights);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] as number;
    const w = weights ? (weights[i] as number) * scale : 1;
    counts[c] = (counts[c] as number) + 1;
    shares.add(c, result.share[i] as number);
    losses.add(c, w * (result.perPoint[i] as number));
    weightSums.add(c, w);
  }
  return Array.from(counts, (count, c) => {
    const totalWeight = weightSums.total(c);
    return { count, share: shares.total(c), meanLoss: totalWeight > 0 ? losses.total(c) / totalWeight : 0 };
  });
}

/**
 * The loss of always predicting the (weighted) class frequencies f: −Σ f_c ln f_c, the entropy
 * of the labels, because each class c is scored ln f_c on a share f_c of the weight.
 */
export function frequencyBaseline(labels: Uint32Array, k: number, weights?: Float64Array, base: LogBase = 'e'): { frequencies: number[]; loss: number } {
  const scale = weightScale(weights);
  const sums = new ClassSums(k);
  for (let i = 0; i < labels.length; i++) sums.add(labels[i] as number, weights ? (weights[i] as number) * scale : 1);
  const counts = Array.from({ length: k }, (_, c) => sums.total(c));
  const total = neumaierSum(counts);
  const frequencies = counts.map((c) => (total > 0 ? c / total : 0));
  const terms = frequencies.map((f) => (f > 0 ? -f * Math.log(f) : 0));
  return { frequencies, loss: toBase(neumaierSum(terms), base) };
}
