import type { ParsedArgs } from '../src/core/args.js';
import { defineCommand } from '../src/core/command.js';
import { messages } from '../src/core/messages.js';
import { err, ok } from '../src/core/result.js';
import { userError, type Parsed } from '../src/core/user-error.js';
import { problemFor } from '../src/practice/generate.js';
import { buildPracticeAnswer } from '../src/practice/practice-reply.js';
import { LEVELS, PRACTICE_TOPICS, type Level, type PracticeTopic } from '../src/practice/problem.js';
import { mixedTopic, reviewTopic } from '../src/practice/review-topic.js';
import { buildStatsAnswer } from '../src/practice/stats-answer.js';
import { buildLeaderboardAnswer } from '../src/explain/leaderboard-answer.js';

const MAX_SEED = 0xffffffff;
/** A seed drawn for the student fits in four hex digits, so the id stays short to type back. */
const DRAWN_SEEDS = 0x10000;

interface PracticeRequest {
  /** review: the student's due kind, or their least practised topic (review-topic.ts); stats: their figures; leaderboard: the server's week. */
  topic: PracticeTopic | 'review' | 'stats' | 'leaderboard';
  level: Level;
  seed: number;
}

export default defineCommand<PracticeRequest>({
  name: 'practice',
  description: 'A practice problem with fresh numbers; answer it with /answer',
  options: [
    {
      name: 'topic', kind: 'choice', choices: [...PRACTICE_TOPICS, 'mixed', 'review', 'stats', 'leaderboard'], default: 'review', positional: true, placeholder: '<topic>',
      description: `${PRACTICE_TOPICS.join(', ')}, mixed, review (default), stats, leaderboard`,
    },
    { name: 'level', kind: 'choice', choices: LEVELS.map(String), default: '1', placeholder: '<level>', description: '1: one point, 2: a batch, weights or bits, 3: several steps (default 1)' },
    { name: 'seed', kind: 'numbers', min: 0, placeholder: '<n>', description: 'A whole number: the same seed, topic and level give the same problem' },
  ],
  examples: ['/practice topic=bce level=1', '/practice topic=kl level=2 seed=7', '/practice topic=mixed level=3', '/practice', '/practice stats', '/practice leaderboard'],
  check: checkPractice,
  personal: (args) => args.choice('topic') === 'stats',
  async run(request, ctx) {
    if (request.topic === 'stats') return ok(await buildStatsAnswer(ctx));
    if (request.topic === 'leaderboard') return buildLeaderboardAnswer(ctx);
    const choice = request.topic === 'review' ? await reviewTopic(request.seed, request.level, ctx) : { topic: request.topic, level: request.level };
    const answer = buildPracticeAnswer(problemFor(choice.topic, choice.level, request.seed));
    return ok(choice.note ? { ...answer, summary: `${choice.note}\n\n${answer.summary}` } : answer);
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
  const topic = chosen === 'mixed' ? mixedTopic(seed) : (chosen as PracticeRequest['topic']);
  return ok({ topic, level, seed });
}
