import { LEVELS, PRACTICE_TOPICS, type Level, type PracticeTopic } from './problem.js';

/** Short codes keep an id typeable: `bce1a-7f3a` is topic, level, template letter and seed in hex. */
const CODES: Record<PracticeTopic, string> = { bce: 'bce', logits: 'lgt', entropy: 'ent', 'cross-entropy': 'xent', kl: 'kl', gradient: 'grad' };
const ID = /^([a-z]+)([1-9])([a-z])-([0-9a-f]{1,8})$/;

export interface ProblemKey {
  topic: PracticeTopic;
  level: Level;
  template: string;
  seed: number;
}

export function encodeProblemId(key: ProblemKey): string {
  return `${CODES[key.topic]}${key.level}${key.template}-${key.seed.toString(16)}`;
}

/** undefined for anything that is not an id this codec wrote; the caller checks the template exists. */
export function decodeProblemId(id: string): ProblemKey | undefined {
  const match = ID.exec(id.trim().toLowerCase());
  if (!match) return undefined;
  const topic = PRACTICE_TOPICS.find((t) => CODES[t] === match[1]);
  const level = Number(match[2]) as Level;
  if (!topic || !LEVELS.includes(level)) return undefined;
  return { topic, level, template: match[3] as string, seed: Number.parseInt(match[4] as string, 16) };
}
