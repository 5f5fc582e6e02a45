import type { ParsedArgs } from '../src/core/args.js';
import { defineCommand } from '../src/core/command.js';
import { messages } from '../src/core/messages.js';
import { err, ok } from '../src/core/result.js';
import { userError, type Parsed } from '../src/core/user-error.js';
import { problemFor } from '../src/practice/generate.js';
import { buildPracticeAnswer } from '../src/practice/practice-reply.js';
import { LEVELS, PRACTICE_TOPICS, type Level, type PracticeTopic } from '../src/practice/problem.js';
import { mixedTopic, reviewTopic } from '../src/practice/review-topic.js';

const MAX_SEED = 0xffffffff;
/** A seed drawn for the student fits in four hex digits, so the id stays short to type back. */
const DRAWN_SEEDS = 0x10000;

interface PracticeRequest {
  topic: PracticeTopic;
  level: Level;
  seed: number;
}

export default defineCommand<PracticeRequest>({
  name: 'practice',
  description: 'A practice problem with fresh numbers; answer it with /answer',
  options: [
    {
      name: 'topic', kind: 'choice', choices: [...PRACTICE_TOPICS, 'mixed', 'review'], default: 'review', placeholder: '<topic>',
      description: `${PRACTICE_TOPICS.join(', ')} or mixed; review (default) picks one for you`,
    },
    { name: 'level', kind: 'choice', choices: LEVELS.map(String), default: '1', placeholder: '<level>', description: '1: one point, 2: a batch, weights or bits, 3: several steps (default 1)' },
    { name: 'seed', kind: 'numbers', min: 0, placeholder: '<n>', description: 'A whole number: the same seed, topic and level give the same problem' },
  ],
  examples: ['/practice topic=bce level=1', '/practice topic=kl level=2 seed=7', '/practice topic=mixed level=3'],
  check: checkPractice,
  async run(request) {
    return ok(buildPracticeAnswer(problemFor(request.topic, request.level, request.seed)));
  },
});

function checkPractice(args: ParsedArgs): Parsed<PracticeRequest> {
  const seeds = args.numbers('seed')?.values;
  const seed = seeds ? seeds[0] as number : Math.floor(Math.random() * DRAWN_SEEDS);
  if (seeds && (seeds.length !== 1 || !Number.isInteger(seed) || seed > MAX_SEED)) {
    return err(userError('out-of-range', messages.practiceSeed(Array.from(seeds, String).join(',')), 'seed'));
  }
  const level = Number(args.choice('level') ?? '1') as Level;
  const chosen = args.choice('topic') ?? 'review';
  const topic = chosen === 'mixed' ? mixedTopic(seed) : chosen === 'review' ? reviewTopic(seed) : (chosen as PracticeTopic);
  return ok({ topic, level, seed });
}
