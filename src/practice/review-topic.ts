import type { RunContext } from '../core/command.js';
import { PRACTICE_TOPICS, type Level, type PracticeTopic } from './problem.js';
import { mixSeed } from './generate.js';

/** `topic=mixed`: any topic, chosen by the seed so the same seed gives the same problem. */
export function mixedTopic(seed: number): PracticeTopic {
  return PRACTICE_TOPICS[mixSeed(seed, 0x6d1) % PRACTICE_TOPICS.length] as PracticeTopic;
}

export interface ReviewChoice {
  topic: PracticeTopic;
  level: Level;
  /** Said with the problem: "review: you missed this kind 3 days ago", or why this topic. */
  note?: string;
}

const isTopic = (topic: string): topic is PracticeTopic => (PRACTICE_TOPICS as readonly string[]).includes(topic);

/**
 * No topic given: a kind of problem the student missed that is due again (1, 3 and 7 days after,
 * store/spaced-review.ts), else the topic they have practised least, else a mixed one. Without a
 * database, or when it does not answer, a mixed topic.
 */
export async function reviewTopic(seed: number, level: Level, ctx: RunContext): Promise<ReviewChoice> {
  if (!ctx.progress || !ctx.asker) return { topic: mixedTopic(seed), level };
  try {
    const due = (await ctx.progress.dueForReview(ctx.asker)).find((review) => isTopic(review.topic));
    if (due && isTopic(due.topic)) {
      const days = due.daysSinceMiss === 1 ? '1 day' : `${due.daysSinceMiss} days`;
      return { topic: due.topic, level: due.level as Level, note: `Review: you missed this kind of problem ${days} ago.` };
    }
    const { byTopic } = await ctx.progress.stats(ctx.asker);
    const counts = PRACTICE_TOPICS.map((topic) => byTopic[topic]?.attempts ?? 0);
    const fewest = Math.min(...counts);
    if (counts.every((n) => n === fewest)) return { topic: mixedTopic(seed), level };
    const least = PRACTICE_TOPICS.filter((_, i) => counts[i] === fewest);
    return { topic: least[mixSeed(seed, 0x1ea) % least.length] as PracticeTopic, level, note: 'The topic you have practised least.' };
  } catch {
    return { topic: mixedTopic(seed), level };
  }
}
