import type { ProbabilityGuard } from './conventions.js';
import type { LogBase } from './log-base.js';
import type { Reduction } from './reduce.js';

export interface BceOptions {
  base?: LogBase;
  /** scikit-learn's sample_weight: the mean becomes Σw·l / Σw. */
  weights?: Float64Array;
  reduction?: Reduction;
  /** How p of exactly 0 or 1 is kept finite; scikit-learn's clip to float64 epsilon when absent. */
  guard?: ProbabilityGuard;
  /** torch.nn.BCEWithLogitsLoss's pos_weight: the positive term −y·ln p is multiplied by it. */
  posWeight?: number;
  /** Keras's label_smoothing s: each label y is scored as y·(1−s) + s/2. */
  smoothing?: number;
}

/** What happened to probabilities of exactly 0 or 1, and what other libraries would report instead. */
export interface ClippingReport {
  /** The clip [eps, 1 - eps]: float64 machine epsilon as scikit-learn >= 1.5 by default; 0 when nothing is clipped (eps=0, or PyTorch's log floor). */
  eps: number;
  /** Set under PyTorch's guard: each log term clamped at this floor (−100) instead of clipping p. */
  logFloor?: number;
  /** Points whose p lay outside [eps, 1 - eps] and was moved to its edge. */
  clippedCount: number;
  /** torch.nn.BCELoss: each log term clamped at -100, so y=1, p=0 costs 100 nats. */
  pytorchLoss: number;
  /** Keras binary_crossentropy: p clipped to [1e-7, 1 - 1e-7], so y=1, p=0 costs -ln(1e-7) = 16.118 nats. */
  kerasLoss: number;
}

export interface BceResult {
  loss: number;
  /**
   * The same loss in nats. In bits a loss above 1.246e308 nats lies beyond float64's 1.798e308
   * and `loss` is ∞; this still says what it was.
   */
  lossNats: number;
  base: LogBase;
  reduction: Reduction;
  n: number;
  /** Each point's loss in the chosen base, unweighted. */
  perPoint: Float64Array;
  /** The probability each point gave to its true class: p for y=1, 1-p for y=0, y·p+(1-y)(1-p) for soft labels. */
  trueClassProb: Float64Array;
  /** The probability of class 1 actually used: after clipping, or sigmoid(z) for logits. Unclipped, it is the caller's p array itself (not a copy). */
  probabilities: Float64Array;
  /** w_i·l_i / Σ w·l: each point's share of the total (all 0 when the total is 0). */
  share: Float64Array;
  clipping: ClippingReport;
}
