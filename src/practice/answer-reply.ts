import type { Answer, RunContext } from '../core/command.js';
import { formatNumber } from '../core/format.js';
import type { Derivation, Topic } from '../derive/derivation.js';
import { buildDeriveAnswer } from '../explain/derive-answer.js';
import { checkAnswer, shownAnswer, type Verdict } from './check-answer.js';
import type { Problem } from './problem.js';
import { hintOf } from './worked-solution.js';

export type Show = 'check' | 'hint' | 'solution';

export interface AnswerRequest {
  problem: Problem;
  value?: number;
  /** The value as written, when it was a percentage read as a fraction (16.3% → 0.163). */
  percentToken?: string;
  show: Show;
  /** The canonical line that reproduces this reply, for stateless paging of the steps. */
  line: string;
}

/** The steps go through /derive's answer builder, so they page, typeset and read as /derive's do. */
function asTopic(problem: Problem, derivation: Derivation, solution: boolean): Topic {
  return {
    name: `practice-${problem.topic}`,
    title: solution ? `Worked solution of ${problem.id}` : `Hint for ${problem.id}`,
    blurb: problem.question,
    needs: 'labels-and-probabilities',
    derive: () => derivation,
  };
}

function titleOf(verdict: Verdict | undefined, show: Show, problem: Problem): string {
  if (verdict) return `${verdict.correct ? 'Right' : 'Not quite'}: ${problem.id}`;
  return show === 'hint' ? `Hint for ${problem.id}` : `Worked solution of ${problem.id}`;
}

/**
 * Keeps the checked answer with the student's progress: the kind of problem (its id without the
 * seed), the topic, level, right or not and the mistake, never the text. Undefined where nothing
 * keeps progress; false when the database did not answer.
 */
async function saveAttempt(ctx: RunContext, problem: Problem, correct: boolean, mistake: string | null): Promise<boolean | undefined> {
  if (!ctx.progress || !ctx.asker) return undefined;
  try {
    await ctx.progress.record(ctx.asker, { kind: problem.id.split('-')[0] ?? problem.id, topic: problem.topic, level: problem.level, correct, mistake });
    return true;
  } catch {
    return false;
  }
}

export async function buildAnswerReply(request: AnswerRequest, ctx: RunContext): Promise<Answer> {
  const { problem, show } = request;
  const verdict = request.value === undefined ? undefined : checkAnswer(problem, request.value);
  const saved = verdict ? await saveAttempt(ctx, problem, verdict.correct, verdict.mistake) : undefined;
  // A wrong answer that matches no known slip gets the whole solution, never only "wrong".
  const solution = show === 'solution' || (verdict !== undefined && !verdict.correct && verdict.mistake === null);
  const hint = show === 'hint' && !solution;
  const derivation = solution ? problem.solution() : hint ? hintOf(problem) : undefined;
  const steps = derivation ? await buildDeriveAnswer({ topic: asTopic(problem, derivation, solution), percentTokens: 0, line: request.line }, ctx) : undefined;
  const feedback = verdict?.feedback
    ?? (hint ? 'The first step of the worked solution, with the problem\'s numbers.' : `The worked solution, step by step; it ends at ${shownAnswer(problem)}.`);
  const more = verdict?.correct ? '' : hint || solution ? '' : `For the worked solution: \`/answer id=${problem.id} show=solution\`.`;
  return {
    title: titleOf(verdict, show, problem),
    summary: [
      `**${feedback}**`,
      request.percentToken && verdict ? `Your value ${request.percentToken} was read as the fraction ${formatNumber(verdict.given, 6)}, as lossbot reads 85% as 0.85.` : '',
      more,
      hint ? `Then try again with \`/answer id=${problem.id} value=<number>\`.` : '',
      saved === false ? 'Your progress could not be saved (the database did not answer); the check above stands.' : '',
    ].filter((s) => s.length > 0).join('\n\n'),
    fields: [
      { name: 'Problem', value: problem.id, inline: true },
      ...(verdict ? [{ name: 'Your answer', value: formatNumber(verdict.given, 6), inline: true }] : []),
      ...(verdict || solution ? [{ name: 'Answer', value: shownAnswer(problem), inline: true }] : []),
      ...(verdict?.mistake ? [{ name: 'Mistake', value: verdict.mistake, inline: true }] : []),
    ],
    images: steps?.images ?? [],
    ...(steps?.steps ? { steps: steps.steps } : {}),
    ...(steps?.paging ? { paging: steps.paging } : {}),
    data: {
      problemId: problem.id,
      topic: problem.topic,
      level: problem.level,
      correct: verdict?.correct ?? null,
      expected: verdict || solution ? (verdict?.expected ?? Number(problem.answer.toFixed(problem.decimals))) : null,
      given: verdict?.given ?? null,
      mistake: verdict?.mistake ?? null,
      feedback,
      unit: problem.unit,
      decimals: problem.decimals,
      show: solution ? 'solution' : hint ? 'hint' : 'check',
      saved: saved ?? null,
      ...(steps ? { steps: steps.data.steps } : {}),
    },
  };
}
