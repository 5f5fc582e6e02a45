import type { Reduction } from './reduce.js';

/** Whose log loss to reproduce: each library guards log(0) and reduces a weighted batch its own way. */
export type Convention = 'sklearn' | 'kaggle' | 'torch' | 'keras';

export const CONVENTIONS: readonly Convention[] = ['sklearn', 'kaggle', 'torch', 'keras'];

/**
 * How a probability of exactly 0 or 1 is kept from costing ∞: clipped to [eps, 1−eps]
 * (scikit-learn, Kaggle, Keras; eps = 0 clips nothing), or each log clamped from below
 * (PyTorch's BCELoss clamps at −100).
 */
export type ProbabilityGuard = { kind: 'clip'; eps: number } | { kind: 'log-floor'; floor: number };

/** np.finfo(np.float64).eps = 2^−52: what scikit-learn >= 1.5's log_loss clips to. */
export const SKLEARN_EPS = Number.EPSILON;
/** Kaggle's LogLoss metric clips to [1e-15, 1 − 1e-15] after renormalising each row. */
export const KAGGLE_EPS = 1e-15;
/** keras.config.epsilon(), the clip of keras.losses.binary_crossentropy. */
export const KERAS_EPS = 1e-7;
/** torch.nn.BCELoss docs: "our BCELoss clamps its log function outputs to be greater than or equal to -100". */
export const PYTORCH_LOG_FLOOR = -100;

const DEFAULTS: Record<Convention, { guard: ProbabilityGuard; reduction: Reduction }> = {
  sklearn: { guard: { kind: 'clip', eps: SKLEARN_EPS }, reduction: 'mean' },
  kaggle: { guard: { kind: 'clip', eps: KAGGLE_EPS }, reduction: 'mean' },
  // torch.nn.BCELoss(weight=w, reduction='mean') divides Σ w·l by the number of elements N, not by Σ w.
  torch: { guard: { kind: 'log-floor', floor: PYTORCH_LOG_FLOOR }, reduction: 'sum_over_batch_size' },
  // keras.losses.BinaryCrossentropy's default reduction "sum_over_batch_size": Σ w·l / N.
  keras: { guard: { kind: 'clip', eps: KERAS_EPS }, reduction: 'sum_over_batch_size' },
};

/** A convention with the user's explicit eps= or reduction= laid over it; `overridden` names what they replaced. */
export interface ConventionSettings {
  convention: Convention;
  guard: ProbabilityGuard;
  reduction: Reduction;
  /** The parts of the convention that an explicit option changed (only when it differs from the convention's own). */
  overridden: Array<'eps' | 'reduction'>;
}

export function conventionDefaults(convention: Convention): { guard: ProbabilityGuard; reduction: Reduction } {
  return DEFAULTS[convention];
}

export function resolveConvention(convention: Convention, explicit: { eps?: number; reduction?: Reduction } = {}): ConventionSettings {
  const own = DEFAULTS[convention];
  const overridden: Array<'eps' | 'reduction'> = [];
  let guard = own.guard;
  if (explicit.eps !== undefined) {
    if (guard.kind !== 'clip' || guard.eps !== explicit.eps) overridden.push('eps');
    guard = { kind: 'clip', eps: explicit.eps };
  }
  let reduction = own.reduction;
  if (explicit.reduction !== undefined) {
    if (explicit.reduction !== reduction) overridden.push('reduction');
    reduction = explicit.reduction;
  }
  return { convention, guard, reduction, overridden };
}

/** The guard scikit-learn uses, which the fast path of binaryCrossEntropy is written for. */
export function isSklearnGuard(guard: ProbabilityGuard | undefined): boolean {
  return guard === undefined || (guard.kind === 'clip' && guard.eps === SKLEARN_EPS);
}
