import { decodeProblemId, encodeProblemId, type ProblemKey } from './problem-id.js';
import type { Draft, Level, Problem, PracticeTopic, SlipValue } from './problem.js';
import { Draw } from './seeded-random.js';
import { templateOf, TEMPLATES } from './templates/index.js';
import { toleranceFor } from './tolerance.js';

/** Redraws before giving up on a fully clear set of slips; a few suffice for almost every seed (see the tests). */
const ATTEMPTS = 64;

/** A 32-bit hash of a seed and a salt (murmur3's finaliser), so nearby seeds draw unrelated numbers. */
export function mixSeed(seed: number, salt: number): number {
  let h = (seed ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Two answers a checker can tell apart: no value lies within the tolerance of both. */
const apart = (a: number, b: number, tolerance: number) => Math.abs(a - b) > 2 * tolerance;

/** True when the answer and every slip are finite and no two of them could be confused. */
function isClear(draft: Draft): boolean {
  const tolerance = toleranceFor(draft.decimals);
  if (!Number.isFinite(draft.answer) || !apart(draft.answer, 0, tolerance)) return false;
  return draft.slips.every((slip, i) => Number.isFinite(slip.value) && apart(slip.value, draft.answer, tolerance)
    && draft.slips.slice(0, i).every((other) => other.code === slip.code || apart(other.value, slip.value, tolerance)));
}

/** The slips that stay recognisable: the first of any two that collide is kept, in catalogue order. */
function recognisable(draft: Draft): SlipValue[] {
  const tolerance = toleranceFor(draft.decimals);
  const kept: SlipValue[] = [];
  for (const slip of draft.slips) {
    if (!Number.isFinite(slip.value) || !apart(slip.value, draft.answer, tolerance)) continue;
    if (kept.some((other) => other.code !== slip.code && !apart(other.value, slip.value, tolerance))) continue;
    kept.push(slip);
  }
  return kept;
}

export function generateProblem(key: ProblemKey): Problem | undefined {
  const template = templateOf(key.topic, key.level, key.template);
  if (!template) return undefined;
  let draft = template.draft(new Draw(mixSeed(key.seed, 0)));
  for (let attempt = 1; attempt < ATTEMPTS && !isClear(draft); attempt++) draft = template.draft(new Draw(mixSeed(key.seed, attempt)));
  return { ...draft, slips: recognisable(draft), id: encodeProblemId(key), topic: key.topic, level: key.level };
}

/** The template a seed picks among its topic and level's, so seed, topic and level fix the problem. */
export function problemFor(topic: PracticeTopic, level: Level, seed: number): Problem {
  const templates = TEMPLATES[topic][level];
  const template = templates[mixSeed(seed, 0x7e3) % templates.length];
  return generateProblem({ topic, level, template: template?.key ?? 'a', seed }) as Problem;
}

/** The problem an id names, redrawn from its seed; undefined for an id no template wrote. */
export function problemFromId(id: string): Problem | undefined {
  const key = decodeProblemId(id);
  // One spelling per problem: `bce1a-07f3a` is not `bce1a-7f3a`, so a stored id always matches.
  if (!key || encodeProblemId(key) !== id.trim().toLowerCase()) return undefined;
  return generateProblem(key);
}
