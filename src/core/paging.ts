/**
 * Stateless paging for multi-step replies. The message itself carries the command line that
 * reproduces the reply (Discord: an embed footer; Slack: a context block), and a button id says
 * only which button and which step (`lb2:n3`), so a click after a restart still works, nothing is
 * stored, and a long line no longer costs the buttons: Discord caps a custom_id at 100
 * characters. The line read back is only a command line: it goes through the normal validation.
 */
export const PAGE_ID_MAX = 100;
/** Longest line a message carries: Discord's embed footer takes 2,048 characters, Slack's context text 3,000. */
export const PAGE_LINE_MAX = 2000;
const PREFIX = 'lb2';

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

/** A clicked id: `line` only in the `lb1:` ids of messages posted before the line moved into the message. */
export type PageClick = Omit<PageRequest, 'line'> & { line?: string };

export function pageId(click: Omit<PageRequest, 'line'>): string {
  return `${PREFIX}:${ACTION_LETTERS[click.action]}${click.step}`;
}

const actionOf = (letter: string) => (Object.keys(ACTION_LETTERS) as PageAction[]).find((key) => ACTION_LETTERS[key] === letter);

/** undefined for anything that is not one of our ids (another bot's button, a tampered id). */
export function readPageId(id: string): PageClick | undefined {
  const current = /^lb2:([pnad])(\d{1,3})$/.exec(id);
  const legacy = current ? undefined : /^lb1:([pnad])(\d{1,3}):(\/\S.*)$/s.exec(id);
  const match = current ?? legacy;
  if (!match) return undefined;
  const action = actionOf(match[1] ?? '');
  if (!action) return undefined;
  return legacy ? { action, step: Number(match[2]), line: legacy[3] ?? '' } : { action, step: Number(match[2]) };
}

/** The carried line among a message's texts (footers, context blocks): the first that reads as a command. */
export function carriedLine(texts: Iterable<string | null | undefined>): string | undefined {
  for (const text of texts) if (text && /^\/\S/.test(text) && text.length <= PAGE_LINE_MAX) return text;
  return undefined;
}

/** The ids of the Previous / Next / All / Delete buttons for `step` of `count`; undefined if the line is too long to carry. */
export function pageButtons(line: string, step: number, count: number, maxLine = PAGE_LINE_MAX): Record<PageAction, string> | undefined {
  if (line.length > maxLine) return undefined;
  return {
    prev: pageId({ action: 'prev', step: Math.max(0, step - 1) }),
    next: pageId({ action: 'next', step: Math.min(count - 1, step + 1) }),
    all: pageId({ action: 'all', step }),
    delete: pageId({ action: 'delete', step }),
  };
}
