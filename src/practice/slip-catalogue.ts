/**
 * Every slip the checker recognises, by stable code, with the right method in one sentence.
 * The codes are part of /answer's data (and of the progress the store keeps): never rename one.
 */
export const SLIPS = {
  log10: 'That is the answer with log base 10; the loss uses the natural log ln (log base e) unless bits are asked for.',
  log2: 'That is the answer in bits (log base 2); this problem asks for nats, so use the natural log ln.',
  'natural-vs-bits': 'That is the answer in nats; for bits use log₂, or divide the nats by ln 2 ≈ 0.693.',
  sign: 'The sign is off: ln of a probability is negative, so the loss is −ln q and comes out positive.',
  'wrong-class': 'That uses the probability of the wrong class: a point with y = 0 costs −ln(1 − p), a point with y = 1 costs −ln p.',
  percent: 'That is off by a factor of 100: probabilities are fractions (0.85, not 85), and the answer is a plain number, not a percentage.',
  'sum-not-mean': 'That is the sum over the points; the loss is their mean, so divide by the number of points (or by Σw with weights).',
  'mean-not-sum': 'That is the mean of the terms; entropy and its relatives add the terms over the classes, without dividing.',
  'mean-not-max': 'That is the mean loss; the question asks for the loss of the single costliest point.',
  unweighted: 'That ignores the weights: the weighted loss is Σ wᵢℓᵢ / Σ wᵢ.',
  'kl-reversed': 'That is D(p‖q), the other direction; D(q‖p) = Σ q ln(q/p) weights by the true distribution q.',
  'cross-entropy-reversed': 'That swaps the distributions: Hₚ(q) = −Σ q ln p, with the true q outside the log and the prediction p inside.',
  'entropy-for-cross-entropy': 'That is the entropy H(q); the cross-entropy puts the prediction inside the log: −Σ q ln p.',
  'kl-for-cross-entropy': 'That is the KL divergence D(q‖p); the cross-entropy is H(q) + D(q‖p) = −Σ q ln p.',
  'cross-entropy-for-kl': 'That is the cross-entropy Hₚ(q); the KL divergence subtracts the entropy: D(q‖p) = Hₚ(q) − H(q).',
  'gradient-sign': 'That is y − p; the gradient of the loss in the score is p − y (positive when the prediction is too high).',
  'gradient-in-p': 'That is ∂ℓ/∂p; through the sigmoid the chain rule multiplies by p(1 − p), leaving ∂ℓ/∂z = p − y.',
  'logit-for-p': 'That uses the score z as if it were a probability; turn it into one first with σ(z) = 1 / (1 + e^−z).',
  'loss-for-gradient': 'That is the loss itself; the question asks for its gradient, which for a score is p − y.',
  'rounded-early': 'That rounds an intermediate value to 2 decimals; keep full precision until the end and round only the answer.',
} as const;

export type SlipCode = keyof typeof SLIPS;

export const SLIP_CODES = Object.keys(SLIPS) as SlipCode[];
