/**
 * Stateless buttons for a practice problem. A button id carries only which button and the
 * problem id, and the problem id reproduces the problem (practice/problem-id.ts), so a button
 * clicked after a restart, or by a classmate, still works and nothing is stored. Discord caps a
 * custom_id at 100 characters; a problem id is about ten.
 */
export type ProblemAction = 'answer' | 'hint' | 'solution';

const PREFIX = 'lbq';
const LETTERS: Record<ProblemAction, string> = { answer: 'a', hint: 'h', solution: 's' };
/** The shape of a problem id; anything else in a clicked id is another app's or a tampered one. */
const PROBLEM_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function problemActionId(action: ProblemAction, problemId: string): string {
  return `${PREFIX}:${LETTERS[action]}:${problemId}`;
}

/** undefined for anything that is not one of our ids. */
export function readProblemActionId(id: string): { action: ProblemAction; problemId: string } | undefined {
  const match = /^lbq:([ahs]):(.+)$/s.exec(id);
  if (!match || !PROBLEM_ID.test(match[2] ?? '')) return undefined;
  const action = (Object.keys(LETTERS) as ProblemAction[]).find((key) => LETTERS[key] === match[1]);
  return action ? { action, problemId: match[2] ?? '' } : undefined;
}

/** The /answer line a Hint or Solution button runs. */
export function showLine(problemId: string, show: 'hint' | 'solution'): string {
  return `/answer id=${problemId} show=${show}`;
}

/**
 * The /answer line for what the student typed into an answer box. Line breaks and runs of spaces
 * become one space, so the value goes through /answer's own checks as if typed after `value=`;
 * an empty box gets /answer's "give a value" sentence.
 */
export function answerLine(problemId: string, typed: string): string {
  const value = typed.replace(/\s+/g, ' ').trim();
  return value ? `/answer id=${problemId} value=${value}` : `/answer id=${problemId}`;
}
