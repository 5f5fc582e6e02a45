import type { Answer } from '../core/command.js';

/**
 * A binary answer whose input came in another form (±1, class names, two columns): how it was
 * read, said after the headline and kept in `data.readAs`, so the same loss is never a surprise.
 */
export function withReadingNotes(answer: Answer, readAs: readonly string[] | undefined): Answer {
  if (!readAs || readAs.length === 0) return answer;
  const [headline, ...rest] = answer.summary.split('\n\n');
  const sentence = `Note: ${readAs.join('; ')}.`;
  return { ...answer, summary: [headline, sentence, ...rest].join('\n\n'), data: { ...answer.data, readAs: [...readAs] } };
}
