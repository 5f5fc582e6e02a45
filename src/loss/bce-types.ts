import type { LogBase } from './log-base.js';
import type { Reduction } from './reduce.js';

export interface BceOptions {
  base?: LogBase;
  /** scikit-learn's sample_weight: the mean becomes Σw·l / Σw. */
  weights?: Float64Array;
  reduction?: Reduction;
}

/** What happened to probabilities of exactly 0 or 1, and what other libraries would report instead. */
export interface ClippingReport {
  /** float64 machine epsilon: scikit-learn >= 1.5 clips to [eps, 1 - eps] with np.finfo(float64).eps. */
  eps: number;
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
