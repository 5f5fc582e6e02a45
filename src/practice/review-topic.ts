import { PRACTICE_TOPICS, type PracticeTopic } from './problem.js';
import { mixSeed } from './generate.js';

/** `topic=mixed`: any topic, chosen by the seed so the same seed gives the same problem. */
export function mixedTopic(seed: number): PracticeTopic {
  return PRACTICE_TOPICS[mixSeed(seed, 0x6d1) % PRACTICE_TOPICS.length] as PracticeTopic;
}

/**
 * No topic given: the topic due for review. Without a store of the student's progress that is a
 * mixed topic; the spaced-review schedule replaces this one function.
 */
export function reviewTopic(seed: number): PracticeTopic {
  return mixedTopic(seed);
}
