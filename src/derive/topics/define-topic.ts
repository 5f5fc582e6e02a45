import type { Derivation, DerivationResult, DerivationStep, DeriveNumbers, Topic } from '../derivation.js';
import { logitStep } from './logit-step.js';

export interface TopicDefinition extends Omit<Topic, 'derive'> {
  /** Each step's builder; without numbers a builder returns the step in symbols only. */
  steps: ReadonlyArray<(numbers?: DeriveNumbers) => DerivationStep>;
  /** Start with σ(z) when the user gave logits (topics that work with probabilities p). */
  startsFromScores: boolean;
  result(numbers: DeriveNumbers): DerivationResult;
}

/** A topic from its steps: the logit step first when it applies, the result only with numbers. */
export function defineTopic(definition: TopicDefinition): Topic {
  const { steps, startsFromScores, result, ...topic } = definition;
  return {
    ...topic,
    derive(numbers?: DeriveNumbers): Derivation {
      const built = [...(numbers?.logits && startsFromScores ? [logitStep(numbers)] : []), ...steps.map((step) => step(numbers))];
      return numbers ? { steps: built, result: result(numbers) } : { steps: built };
    },
  };
}
