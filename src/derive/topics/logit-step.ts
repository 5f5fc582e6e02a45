import type { DeriveNumbers, DerivationStep } from '../derivation.js';
import { cat, listOf, num, sub } from '../notation.js';

/** The step every topic starts with when the user gave logits: scores become probabilities. */
export function logitStep(numbers: DeriveNumbers): DerivationStep {
  const logits = numbers.logits as Float64Array;
  return {
    title: 'From scores to probabilities',
    text: 'A model outputs a score z (a logit); the sigmoid squashes it into a probability of class 1. Large positive z gives p near 1, large negative z gives p near 0.',
    equation: { tex: 'p = \\sigma(z) = \\frac{1}{1 + e^{-z}}', unicode: 'p = σ(z) = 1 / (1 + e⁻ᶻ)' },
    plugged: listOf(logits.length, (i) => cat(['p', 'p'], sub(i), [' = \\sigma(', ' = σ('], num(logits[i] as number), ') = ', num(numbers.p[i] as number))),
    check: { quantity: 'probability of class 1', value: Array.from(numbers.p) },
  };
}
