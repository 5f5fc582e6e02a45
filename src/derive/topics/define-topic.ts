import type { Derivation, DerivationResult, DerivationStep, DeriveNumbers, Topic } from '../derivation.js';
import { logitStep } from './logit-step.js';
import { optionResultName, optionSteps } from './option-steps.js';
import { optionLoss } from '../weighted-math.js';

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

/** One topic whose steps depend on the options: `pick` chooses the definition for the numbers given. */
export function variantTopic(plain: Topic, pick: (numbers?: DeriveNumbers) => Topic | undefined): Topic {
  return {
    ...plain,
    derive(numbers?: DeriveNumbers): Derivation {
      const chosen = pick(numbers);
      if (!chosen) return plain.derive(numbers);
      const derivation = chosen.derive(numbers);
      return chosen.title === plain.title && chosen.blurb === plain.blurb ? derivation : { ...derivation, title: chosen.title, blurb: chosen.blurb };
    },
  };
}

/**
 * A binary topic with pos_weight or label smoothing: its own opening steps (`lead`), then the
 * option steps (option-steps.ts), ending at what /logloss reports with the same options.
 */
export function withBinaryOptions(plain: Topic, lead: ReadonlyArray<(numbers: DeriveNumbers) => DerivationStep>, startsFromScores: boolean): Topic {
  const topic: Topic = {
    ...plain,
    derive(numbers?: DeriveNumbers): Derivation {
      if (!numbers) return plain.derive();
      const steps = [...(numbers.logits && startsFromScores ? [logitStep(numbers)] : []), ...lead.map((step) => step(numbers)), ...optionSteps(numbers)];
      return { steps, result: { name: optionResultName(numbers), symbol: 'L', value: optionLoss(numbers), unit: 'nats' } };
    },
  };
  return variantTopic(plain, (numbers) => (numbers && (numbers.posWeight !== undefined || numbers.smoothing !== undefined) && !numbers.classes ? topic : undefined));
}
