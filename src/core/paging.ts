/**
 * Stateless paging for multi-step replies. A button id carries the command line that reproduces
 * the reply and the step to show, so a click after a restart still works and nothing is stored.
 * Discord caps a custom_id at 100 characters (Slack allows 255 for action_id and 2000 for a
 * value); an id that would not fit is not made, and the adapter shows every step at once.
 */
export const PAGE_ID_MAX = 100;
const PREFIX = 'lb1';

/** Which button: its kind keeps the ids in one message distinct even when they target one step. */
export type PageAction = 'prev' | 'next' | 'all' | 'delete';
const ACTION_LETTERS: Record<PageAction, string> = { prev: 'p', next: 'n', all: 'a', delete: 'd' };

export interface PageRequest {
  action: PageAction;
  /** The step to show (0-based); ignored for `all` and `delete`. */
  step: number;
  /** The command line to re-run, e.g. `/derive topic=bce y=1 p=0.85`. */
  line: string;
}

export function pageId(request: PageRequest, maxLength = PAGE_ID_MAX): string | undefined {
  const id = `${PREFIX}:${ACTION_LETTERS[request.action]}${request.step}:${request.line}`;
  return id.length <= maxLength ? id : undefined;
}

/** undefined for anything that is not one of our ids (another bot's button, a tampered id). */
export function readPageId(id: string): PageRequest | undefined {
  const match = /^lb1:([pnad])(\d{1,3}):(\/\S.*)$/s.exec(id);
  if (!match) return undefined;
  const [, letter, step, line] = match as unknown as [string, string, string, string];
  const action = (Object.keys(ACTION_LETTERS) as PageAction[]).find((key) => ACTION_LETTERS[key] === letter);
  if (!action) return undefined;
  return { action, step: Number(step), line };
}

/** The ids of the Previous / Next / All / Delete buttons for `step` of `count`; undefined if any is too long. */
export function pageButtons(line: string, step: number, count: number, maxLength = PAGE_ID_MAX): Record<PageAction, string> | undefined {
  const ids = {
    prev: pageId({ action: 'prev', step: Math.max(0, step - 1), line }, maxLength),
    next: pageId({ action: 'next', step: Math.min(count - 1, step + 1), line }, maxLength),
    all: pageId({ action: 'all', step, line }, maxLength),
    delete: pageId({ action: 'delete', step, line }, maxLength),
  };
  if (!ids.prev || !ids.next || !ids.all || !ids.delete) return undefined;
  return ids as Record<PageAction, string>;
}
