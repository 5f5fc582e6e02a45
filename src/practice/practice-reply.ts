import type { Answer } from '../core/command.js';
import type { Problem } from './problem.js';

/** What /practice shows: the question and how to answer; never the answer, in text or data. */
export function buildPracticeAnswer(problem: Problem): Answer {
  const answerLine = `/answer id=${problem.id} value=<number>`;
  return {
    title: `Practice: ${problem.topic}, level ${problem.level}`,
    summary: [
      problem.question,
      `Answer with \`${answerLine}\`; stuck? \`/answer id=${problem.id} show=hint\` gives the first step, \`show=solution\` all of them.`,
    ].join('\n\n'),
    fields: [
      { name: 'Problem', value: problem.id, inline: true },
      { name: 'Unit', value: problem.unit || 'none', inline: true },
      { name: 'Decimals', value: String(problem.decimals), inline: true },
    ],
    images: [],
    problem: { id: problem.id, expects: `${problem.unit ? `${problem.unit}, ` : ''}${problem.decimals} decimal${problem.decimals === 1 ? '' : 's'}` },
    data: {
      problemId: problem.id,
      topic: problem.topic,
      level: problem.level,
      question: problem.question,
      given: problem.given,
      unit: problem.unit,
      decimals: problem.decimals,
    },
  };
}
