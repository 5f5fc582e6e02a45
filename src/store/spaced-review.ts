import type { ReviewDue } from '../core/progress.js';
import type { Attempt } from './practice-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * After a miss a kind of problem comes back after 1 day; each correct review pushes the next one
 * out, to 3 and then 7 days (expanding intervals, as in Leitner's boxes); after the 7-day review is
 * answered correctly the kind is learnt and not brought back until it is missed again.
 */
export const REVIEW_AFTER_DAYS = [1, 3, 7] as const;

/** The kinds due for review at `nowMs` in a history (oldest first), the most overdue first. */
export function dueForReview(history: readonly Attempt[], nowMs: number): ReviewDue[] {
  const byKind = new Map<string, Attempt[]>();
  for (const attempt of history) {
    const list = byKind.get(attempt.kind) ?? [];
    list.push(attempt);
    byKind.set(attempt.kind, list);
  }
  const due: Array<ReviewDue & { overdueMs: number }> = [];
  for (const [kind, attempts] of byKind) {
    const lastMiss = attempts.findLastIndex((a) => !a.correct);
    if (lastMiss < 0) continue;
    const reviewsPassed = attempts.length - 1 - lastMiss;
    const interval = REVIEW_AFTER_DAYS[reviewsPassed];
    if (interval === undefined) continue;
    const last = attempts[attempts.length - 1] as Attempt;
    const dueAt = last.atMs + interval * DAY_MS;
    if (nowMs < dueAt) continue;
    const miss = attempts[lastMiss] as Attempt;
    due.push({ kind, topic: last.topic, level: last.level, missedAtMs: miss.atMs, daysSinceMiss: Math.floor((nowMs - miss.atMs) / DAY_MS), overdueMs: nowMs - dueAt });
  }
  return due.sort((a, b) => b.overdueMs - a.overdueMs).map(({ overdueMs: _overdue, ...review }) => review);
}
