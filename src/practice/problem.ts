import type { Derivation } from '../derive/derivation.js';

export const PRACTICE_TOPICS = ['bce', 'logits', 'entropy', 'cross-entropy', 'kl', 'gradient'] as const;
export type PracticeTopic = (typeof PRACTICE_TOPICS)[number];
export type Level = 1 | 2 | 3;
export const LEVELS: readonly Level[] = [1, 2, 3];

/** A known slip and the answer it leads to with this problem's numbers. */
export interface SlipValue {
  code: string;
  value: number;
}

/**
 * One problem as a template draws it. `answer` and `slips` never leave the checker: the
 * question and `given` are all a student sees.
 */
export interface Draft {
  question: string;
  /** The numbers under the option names the commands use: y, p, logits, q, w, base. */
  given: Record<string, number[]>;
  /** "nats", "bits" or "" (a gradient has no unit). */
  unit: string;
  decimals: number;
  answer: number;
  slips: SlipValue[];
  /** The worked solution, built only when asked for. */
  solution(): Derivation;
}

export interface Problem extends Draft {
  id: string;
  topic: PracticeTopic;
  level: Level;
}
