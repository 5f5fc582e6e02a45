import { pageButtons, readPageId, type PageAction, type PageRequest } from '../../core/paging.js';
import type { Reply } from '../../core/reply.js';
import { replyToBlocks, stepBlocks, toMrkdwn, type Block, type SlackMessage } from './reply-to-blocks.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { truncate } from '../../core/truncate.js';

/** Every paging button's action_id starts with this; the handler matches on it. */
export const PAGE_ACTION_PREFIX = 'lossbot_page_';

/** A button value: who asked, then the paging id (core/paging.ts). Slack allows 2,000 characters. */
export function pageValue(askerId: string, id: string): string {
  return `${askerId}|${id}`;
}

export function readPageValue(value: string): { askerId: string; request: PageRequest } | undefined {
  const bar = value.indexOf('|');
  if (bar < 0) return undefined;
  const request = readPageId(value.slice(bar + 1));
  return request ? { askerId: value.slice(0, bar), request } : undefined;
}

function actions(line: string, askerId: string, step: number, count: number, showing: 'page' | 'all'): Block[] {
  // In the all-steps view "One at a time" is the prev button aimed at the step the user was on.
  const ids = pageButtons(line, showing === 'all' ? Math.min(step + 1, count) : step, count, SLACK_LIMITS.buttonValue - askerId.length - 1);
  if (!ids) return [];
  const button = (action: PageAction, label: string, style?: 'primary' | 'danger') => ({
    type: 'button', action_id: `${PAGE_ACTION_PREFIX}${action}`, text: { type: 'plain_text', text: label }, value: pageValue(askerId, ids[action]), ...(style ? { style } : {}),
  });
  const buttons = [
    ...(showing === 'page' && step > 0 ? [button('prev', 'Previous')] : []),
    ...(showing === 'page' && step < count - 1 ? [button('next', 'Next', 'primary')] : []),
    ...(showing === 'page' ? [button('all', 'All steps')] : [button('prev', 'One at a time')]),
    button('delete', 'Delete', 'danger'),
  ];
  return [{ type: 'actions', elements: buttons }];
}

/** A derivation on Slack: one step per message with Previous / Next / All, updated in place. */
export function deriveMessage(reply: Reply, askerId: string, step: number, showing: 'page' | 'all' = 'page'): SlackMessage {
  const steps = reply.steps ?? [];
  const line = reply.paging?.line;
  const at = Math.min(Math.max(0, step), steps.length - 1);
  const head = replyToBlocks(reply).blocks;
  const pageable = line !== undefined && pageButtons(line, 0, steps.length, SLACK_LIMITS.buttonValue - askerId.length - 1) !== undefined;
  const view = pageable ? showing : 'all';
  const body = view === 'all' ? steps.flatMap((s, i) => stepBlocks(s, i, steps.length)) : stepBlocks(steps[at] ?? { title: '', text: '' }, at, steps.length);
  const blocks = [...head, ...body, ...(pageable && line ? actions(line, askerId, at, steps.length, view) : [])];
  const current = steps[at];
  const text = truncate(`${reply.title}: step ${at + 1} of ${steps.length}${current ? `, ${current.title}` : ''}\n${toMrkdwn(reply.summary)}`, SLACK_LIMITS.fallbackText);
  return { text, blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}
