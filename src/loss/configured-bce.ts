import type { BceOptions, BceResult, ClippingReport } from './bce-types.js';
import { summarize } from './bce-summary.js';
import { SKLEARN_EPS, type ProbabilityGuard } from './conventions.js';
import { smoothLabels } from './label-smoothing.js';
import { guardedPointLoss, guardedProbability, isExtreme, otherLibraryLosses } from './other-libraries.js';
import { sigmoid } from './sigmoid.js';

const SKLEARN_GUARD: ProbabilityGuard = { kind: 'clip', eps: SKLEARN_EPS };

/** True when the options need more than scikit-learn's log_loss (another guard, pos_weight, smoothing). */
export function needsConfiguredPath(options: BceOptions): boolean {
  const guard = options.guard;
  const otherGuard = guard !== undefined && !(guard.kind === 'clip' && guard.eps === SKLEARN_EPS);
  return otherGuard || (options.posWeight !== undefined && options.posWeight !== 1) || (options.smoothing ?? 0) > 0;
}

function scoredLabels(y: Float64Array, options: BceOptions): Float64Array {
  const s = options.smoothing ?? 0;
  return s > 0 ? smoothLabels(y, s) : y;
}

function report(guard: ProbabilityGuard, clippedCount: number, others: { pytorch: number; keras: number } | undefined, loss: number): ClippingReport {
  return {
    eps: guard.kind === 'clip' ? guard.eps : 0,
    ...(guard.kind === 'log-floor' ? { logFloor: guard.floor } : {}),
    clippedCount,
    pytorchLoss: others?.pytorch ?? loss,
    kerasLoss: others?.keras ?? loss,
  };
}

/**
 * Binary cross-entropy from probabilities under any guard, with pos_weight and label smoothing:
 * the general loop beside binaryCrossEntropy's fast one (which only does scikit-learn's default).
 */
export function configuredBceFromProbabilities(y: Float64Array, p: Float64Array, options: BceOptions): BceResult {
  const guard = options.guard ?? SKLEARN_GUARD;
  const posWeight = options.posWeight ?? 1;
  const labels = scoredLabels(y, options);
  const n = y.length;
  const perPoint = new Float64Array(n);
  const trueClassProb = new Float64Array(n);
  const probabilities = new Float64Array(n);
  let clippedCount = 0;
  let extreme = false;
  for (let i = 0; i < n; i++) {
    const raw = p[i] as number;
    const label = labels[i] as number;
    const used = guardedProbability(raw, guard);
    if (used !== raw) clippedCount++;
    if (isExtreme(raw)) extreme = true;
    probabilities[i] = used;
    trueClassProb[i] = label === 1 ? used : label === 0 ? 1 - used : label * used + (1 - label) * (1 - used);
    perPoint[i] = guardedPointLoss(label, raw, guard, posWeight);
  }
  const others = extreme ? otherLibraryLosses(labels, p, options) : undefined;
  const { loss, lossNats, share } = summarize(perPoint, options);
  return {
    loss, lossNats, base: options.base ?? 'e', reduction: options.reduction ?? 'mean', n, perPoint, trueClassProb, probabilities, share,
    clipping: report(guard, clippedCount, others, loss),
  };
}

/** softplus(x) = ln(1 + e^x) = max(x, 0) + log1p(e^−|x|): never overflows, exact for large |x|. */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/**
 * torch.nn.BCEWithLogitsLoss with pos_weight (its documentation: ℓ = −[p_c·y·log σ(x) +
 * (1−y)·log(1−σ(x))]), from the logits through log σ(z) = −softplus(−z) and log(1−σ(z)) =
 * −softplus(z), never log(sigmoid(z)): y=1, z=−800 costs 800·pos_weight, not ∞. Labels smoothed
 * first when asked. Nothing is clipped.
 */
export function configuredBceFromLogits(y: Float64Array, z: Float64Array, options: BceOptions): BceResult {
  const posWeight = options.posWeight ?? 1;
  const labels = scoredLabels(y, options);
  const n = y.length;
  const perPoint = new Float64Array(n);
  const trueClassProb = new Float64Array(n);
  const probabilities = new Float64Array(n);
  let extreme = false;
  for (let i = 0; i < n; i++) {
    const score = z[i] as number;
    const label = labels[i] as number;
    // σ(z) and σ(−z) each taken directly, so neither is 1 minus the other rounded to 0.
    const p = sigmoid(score);
    const q = sigmoid(-score);
    probabilities[i] = p;
    trueClassProb[i] = label === 1 ? p : label === 0 ? q : label * p + (1 - label) * q;
    const positive = label === 0 ? 0 : posWeight * label * softplus(-score);
    const negative = label === 1 ? 0 : (1 - label) * softplus(score);
    perPoint[i] = positive + negative;
    if (isExtreme(p)) extreme = true;
  }
  const others = extreme ? otherLibraryLosses(labels, probabilities, options) : undefined;
  const { loss, lossNats, share } = summarize(perPoint, options);
  return {
    loss, lossNats, base: options.base ?? 'e', reduction: options.reduction ?? 'mean', n, perPoint, trueClassProb, probabilities, share,
    clipping: { eps: 0, clippedCount: 0, pytorchLoss: others?.pytorch ?? loss, kerasLoss: others?.keras ?? loss },
  };
}
