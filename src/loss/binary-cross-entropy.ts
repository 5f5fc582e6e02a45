import type { BceOptions, BceResult } from './bce-types.js';
import { summarize } from './bce-summary.js';
import { configuredBceFromLogits, configuredBceFromProbabilities, needsConfiguredPath } from './configured-bce.js';
import { isExtreme, otherLibraryLosses } from './other-libraries.js';

export type { BceOptions, BceResult, ClippingReport } from './bce-types.js';
export type { Reduction } from './reduce.js';

/** np.finfo(np.float64).eps, what scikit-learn >= 1.5's log_loss clips to (2^-52). */
const EPS = Number.EPSILON;

/** −(y ln p + (1−y) ln(1−p)) for a soft label, with 0·ln(anything) = 0 as scipy's xlogy. */
function softLabelLoss(y: number, p: number): number {
  const positive = y === 0 ? 0 : y * Math.log(p);
  const negative = y === 1 ? 0 : (1 - y) * Math.log(1 - p);
  return -(positive + negative);
}

/**
 * Binary cross-entropy from probabilities as scikit-learn's log_loss computes it: p clipped to
 * [ε, 1−ε] with ε = float64 machine epsilon (so y=1, p=0 costs −ln 2^−52 = 36.04 nats, not ∞),
 * ln(1−p) taken of the rounded 1−p as numpy does, weighted mean Σw·l/Σw. Soft labels in [0, 1]
 * are allowed. Expects equal lengths and p in [0, 1]; the caller validates. Another guard
 * (conventions.ts), pos_weight or label smoothing take the general loop in configured-bce.ts.
 */
export function binaryCrossEntropy(y: Float64Array, p: Float64Array, options: BceOptions = {}): BceResult {
  if (needsConfiguredPath(options)) return configuredBceFromProbabilities(y, p, options);
  const n = y.length;
  const perPoint = new Float64Array(n);
  const trueClassProb = new Float64Array(n);
  let clippedCount = 0;
  let extreme = false;
  // One fused loop with one Math.log per point: the logarithm alone is ~20 ms of the 50 ms budget
  // for a million points on a small VM, so no second pass, call or allocation per point.
  for (let i = 0; i < n; i++) {
    const raw = p[i] as number;
    const label = y[i] as number;
    let used = raw;
    if (isExtreme(raw)) {
      extreme = true;
      used = raw < EPS ? EPS : raw > 1 - EPS ? 1 - EPS : raw;
      if (used !== raw) clippedCount++;
    }
    // Exact for hard labels (the zero term vanishes), so no branch on the label is needed here.
    const truth = label * used + (1 - label) * (1 - used);
    trueClassProb[i] = truth;
    perPoint[i] = label === 1 || label === 0 ? -Math.log(truth) : softLabelLoss(label, used);
  }
  // Nothing clipped: p itself is what was used. Copying it would cost a million points 8 MB and
  // about a tenth of the 50 ms budget, so the result shares the caller's array (treat it as read-only).
  const probabilities = clippedCount === 0 ? p : clip(p);
  const others = extreme ? otherLibraryLosses(y, p, options) : undefined;
  const { loss, lossNats, share } = summarize(perPoint, options);
  return {
    loss, lossNats, base: options.base ?? 'e', reduction: options.reduction ?? 'mean', n, perPoint, trueClassProb, probabilities, share,
    clipping: { eps: EPS, clippedCount, pytorchLoss: others?.pytorch ?? loss, kerasLoss: others?.keras ?? loss },
  };
}

/** scikit-learn's np.clip(p, eps, 1 - eps), as a copy: only run when something was clipped. */
function clip(p: Float64Array): Float64Array {
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const raw = p[i] as number;
    out[i] = raw < EPS ? EPS : raw > 1 - EPS ? 1 - EPS : raw;
  }
  return out;
}

/**
 * Binary cross-entropy from logits z, stable for any |z|: max(z,0) − z·y + log1p(e^−|z|), the
 * softplus form (Goodfellow, Bengio and Courville, Deep Learning, §6.2.2.2; PyTorch's
 * BCEWithLogitsLoss). y=1, z=−800 costs exactly 800 and y=1, z=40 costs 4.25e-18, where going
 * through the sigmoid would give 36.04 (clipped) and 0. No clipping happens; the PyTorch and Keras
 * figures are those their probability losses would give for σ(z).
 */
export function binaryCrossEntropyFromLogits(y: Float64Array, z: Float64Array, options: BceOptions = {}): BceResult {
  if ((options.posWeight !== undefined && options.posWeight !== 1) || (options.smoothing ?? 0) > 0) return configuredBceFromLogits(y, z, options);
  const n = y.length;
  const perPoint = new Float64Array(n);
  const trueClassProb = new Float64Array(n);
  const probabilities = new Float64Array(n);
  let extreme = false;
  for (let i = 0; i < n; i++) {
    const score = z[i] as number;
    const label = y[i] as number;
    // e^−|z| ∈ (0, 1] never overflows; σ(|z|) and σ(−|z|) both follow from it without cancellation,
    // so the true-class probability for y=0 is σ(−z) itself, never 1 − σ(z) rounded to 0.
    const e = Math.exp(-Math.abs(score));
    const large = 1 / (1 + e);
    const small = e / (1 + e);
    const p = score >= 0 ? large : small;
    const q = score >= 0 ? small : large;
    probabilities[i] = p;
    trueClassProb[i] = label === 1 ? p : label === 0 ? q : label * p + (1 - label) * q;
    // max(z,0) − z·y, written so that a hard label never multiplies an infinite z by 0.
    const margin = score >= 0 ? (label === 1 ? 0 : score * (1 - label)) : label === 0 ? 0 : -score * label;
    perPoint[i] = margin + Math.log1p(e);
    if (isExtreme(p)) extreme = true;
  }
  const others = extreme ? otherLibraryLosses(y, probabilities, options) : undefined;
  const { loss, lossNats, share } = summarize(perPoint, options);
  return {
    loss, lossNats, base: options.base ?? 'e', reduction: options.reduction ?? 'mean', n, perPoint, trueClassProb, probabilities, share,
    clipping: { eps: EPS, clippedCount: 0, pytorchLoss: others?.pytorch ?? loss, kerasLoss: others?.keras ?? loss },
  };
}
