import type { Derivation, DerivationResult, DerivationStep, DeriveNumbers, Topic } from '../derive/derivation.js';
import type { Problem } from './problem.js';

/**
 * A /derive topic's steps with the problem's numbers, then the steps the problem adds (weights,
 * bits, the costliest point), ending at the problem's answer: the maths is the topic's own.
 */
export function deriveSolution(topic: Topic, numbers: DeriveNumbers, extra: readonly DerivationStep[], result: DerivationResult): Derivation {
  const derivation = topic.derive(numbers);
  return { steps: [...derivation.steps, ...extra], result };
}

/** The hint is the first step of the worked solution, with the problem's numbers. */
export function hintOf(problem: Problem): Derivation {
  const solution = problem.solution();
  return { steps: solution.steps.slice(0, 1) };
}
