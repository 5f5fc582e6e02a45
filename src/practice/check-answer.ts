import { formatNumber } from '../core/format.js';
import { amount } from '../core/wording.js';
import type { Problem } from './problem.js';
import { SLIPS, type SlipCode } from './slip-catalogue.js';
import { roundTo, toleranceFor } from './tolerance.js';

export interface Verdict {
  correct: boolean;
  /** The answer rounded to the decimals asked for. */
  expected: number;
  given: number;
  mistake: SlipCode | null;
  feedback: string;
}

/** The answer as the question asked for it: 0.163 nats, or 0.35 for a gradient. */
export function shownAnswer(problem: Problem): string {
  const shown = roundTo(problem.answer, problem.decimals).toFixed(problem.decimals);
  return problem.unit ? amount(shown, problem.unit) : shown;
}

/**
 * Right within half a unit in the last asked decimal; else the first slip whose value the answer
 * matches within the same tolerance (generate.ts keeps the slips apart, so at most one can).
 */
export function checkAnswer(problem: Problem, given: number): Verdict {
  const tolerance = toleranceFor(problem.decimals);
  const expected = roundTo(problem.answer, problem.decimals);
  if (Math.abs(given - problem.answer) <= tolerance) {
    return { correct: true, expected, given, mistake: null, feedback: `Right: ${shownAnswer(problem)}.` };
  }
  const slip = problem.slips.find((s) => Math.abs(given - s.value) <= tolerance);
  if (slip) {
    const code = slip.code as SlipCode;
    return { correct: false, expected, given, mistake: code, feedback: `${SLIPS[code]} The answer is ${shownAnswer(problem)}.` };
  }
  return {
    correct: false,
    expected,
    given,
    mistake: null,
    feedback: `Not quite: ${formatNumber(given, 6)} is not the answer, which is ${shownAnswer(problem)}; the worked solution below goes through it step by step.`,
  };
}
