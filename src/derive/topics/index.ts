import type { Topic } from '../derivation.js';
import { bceTopic } from './bce.js';
import { categoricalTopic } from './categorical.js';
import { crossEntropyTopic } from './cross-entropy.js';
import { entropyTopic } from './entropy.js';
import { gradientTopic } from './gradient.js';
import { mseTopic } from './mse.js';

/** Every /derive topic, in the order the help lists them; bce is the default. */
export const TOPICS: readonly Topic[] = [bceTopic, crossEntropyTopic, gradientTopic, categoricalTopic, mseTopic, entropyTopic];
export const TOPIC_NAMES = TOPICS.map((topic) => topic.name);

export function topicNamed(name: string): Topic | undefined {
  return TOPICS.find((topic) => topic.name === name);
}
