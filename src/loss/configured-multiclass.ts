import { summarize } from './bce-summary.js';
import type { LogBase } from './log-base.js';
import type { MulticlassResult } from './multiclass-log-loss.js';
import { smoothedTargets, type MulticlassScheme } from './multiclass-conventions.js';
import type { Reduction } from './reduce.js';

/** Same tolerance as multiclass-log-loss.ts: rows beyond it are counted as renormalised. */
const SUM_TOLERANCE = 1e-15 + 5 * Number.EPSILON;

export interface ConfiguredMulticlassOptions {
  base?: LogBase;
  weights?: Float64Array;
  reduction?: Reduction;
  scheme: MulticlassScheme;
  /** Label smoothing s: every column j is scored −t_j ln q_j with t = y·(1−s) + s/K. */
  smoothing?: number;
}

/**
 * Multi-class cross-entropy under another library's row guard (multiclass-conventions.ts), with
 * label smoothing and any reduction: the general loop beside multiclassLogLoss's scikit-learn one.
 * Each row is guarded into a scratch array of k, so a million rows allocate nothing per row.
 */
export function configuredMulticlassLogLoss(labels: Uint32Array, p: Float64Array, k: number, options: ConfiguredMulticlassOptions): MulticlassResult {
  const { order, eps } = options.scheme;
  const s = options.smoothing ?? 0;
  const { hit, miss } = smoothedTargets(s, k);
  const n = labels.length;
  const perPoint = new Float64Array(n);
  const trueClassProb = new Float64Array(n);
  const q = new Float64Array(k);
  const clip = (v: number) => (v < eps ? eps : v > 1 - eps ? 1 - eps : v);
  let clippedCount = 0;
  let renormalisedRows = 0;
  for (let i = 0, row = 0; i < n; i++, row += k) {
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const v = p[row + j] as number;
      if (order === 'clip-then-normalise' && v !== clip(v)) clippedCount++;
      q[j] = order === 'clip-then-normalise' ? clip(v) : v;
      sum += q[j] as number;
    }
    if (order !== 'as-is') {
      if (Math.abs(sum - 1) > SUM_TOLERANCE) renormalisedRows++;
      // A row of zeros has no sum to divide by (0/0 is NaN in numpy and Keras alike): it is left as it is and clipped.
      if (sum > 0) for (let j = 0; j < k; j++) q[j] = (q[j] as number) / sum;
    }
    if (order !== 'clip-then-normalise') {
      for (let j = 0; j < k; j++) {
        const v = q[j] as number;
        if (v !== clip(v)) clippedCount++;
        q[j] = clip(v);
      }
    }
    const c = labels[i] as number;
    trueClassProb[i] = q[c] as number;
    if (s === 0) {
      perPoint[i] = -Math.log(q[c] as number);
    } else {
      // Every target is positive under smoothing, so a 0 in any column costs ∞ (never 0·ln 0 = NaN).
      let loss = 0;
      for (let j = 0; j < k; j++) loss -= (j === c ? hit : miss) * Math.log(q[j] as number);
      perPoint[i] = loss;
    }
  }
  const { loss, lossNats, share } = summarize(perPoint, options);
  return { loss, lossNats, base: options.base ?? 'e', n, k, perPoint, trueClassProb, share, clippedCount, renormalisedRows, eps };
}
