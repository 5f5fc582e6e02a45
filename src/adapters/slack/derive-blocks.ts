import { carriedLine, pageButtons, readPageId, type PageAction, type PageClick } from '../../core/paging.js';
import type { Reply } from '../../core/reply.js';
import { replyToBlocks, stepBlocks, toMrkdwn, type Block, type SlackMessage } from './reply-to-blocks.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { truncate } from '../../core/truncate.js';

/** Every paging button's action_id starts with this; the handler matches on it. */
export const PAGE_ACTION_PREFIX = 'lossbot_page_';

/** The context block that carries the command line the buttons re-run; the click reads it back from the message. */
export const LINE_BLOCK_ID = 'lossbot_line';

/**
 * The uploaded picture of each step, by its Slack file id ('' where a step has none). The ids
 * travel in the button values, so a click can show the step's picture without a store.
 */
export type StepFiles = readonly string[];

/**
 * Where a page button's line travels: in the message (a context block), or in the value too, for
 * an ephemeral message, which Slack sends without its blocks when a button on it is clicked.
 */
export type LineCarrier = 'message' | 'value';

/** The value's room for the line: 2,000 characters less the asker, the id and the separators. */
const VALUE_LINE_MAX = SLACK_LIMITS.buttonValue - 64;

/** The paging id with its line, in the `lb1:` form core/paging.ts reads back (`readPageId`). */
const withLine = (id: string, line: string) => `${id.replace(/^lb2:/, 'lb1:')}:${line}`;

/** A button value: who asked, the paging id (core/paging.ts), the step pictures; the line travels in the message. */
export function pageValue(askerId: string, id: string, files: StepFiles = []): string {
  return files.some(Boolean) ? `${askerId}|${id}|${files.join(',')}` : `${askerId}|${id}`;
}

/** `click.line` is set only in the values of messages posted before the line moved into the message. */
export function readPageValue(value: string): { askerId: string; click: PageClick; files: StepFiles } | undefined {
  const bar = value.indexOf('|');
  if (bar < 0) return undefined;
  const rest = value.slice(bar + 1);
  const [id = '', files = ''] = rest.startsWith('lb1:') ? [rest] : rest.split('|');
  const click = readPageId(id);
  // A file id is only ever shown as a picture; anything that is not shaped like one is dropped.
  return click ? { askerId: value.slice(0, bar), click, files: files.split(',').map((f) => (/^F[A-Z0-9]{1,40}$/.test(f) ? f : '')) } : undefined;
}

/** The line from the clicked message's blocks (Bolt: `body.message.blocks`, untyped: read with care). */
export function readLineBlock(blocks: unknown): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  const block = blocks.find((b: unknown) => (b as { block_id?: unknown } | null)?.block_id === LINE_BLOCK_ID) as { elements?: unknown } | undefined;
  const elements = Array.isArray(block?.elements) ? (block.elements as Array<{ text?: unknown }>) : [];
  return carriedLine(elements.map((e) => (typeof e?.text === 'string' ? e.text : undefined)));
}

const lineBlock = (line: string): Block => ({ type: 'context', block_id: LINE_BLOCK_ID, elements: [{ type: 'plain_text', text: line, emoji: false }] });

function actions(line: string, askerId: string, step: number, count: number, showing: 'page' | 'all', files: StepFiles, carry: LineCarrier): Block[] {
  // In the all-steps view "One at a time" is the prev button aimed at the step the user was on.
  const ids = pageButtons(line, showing === 'all' ? Math.min(step + 1, count) : step, count);
  if (!ids) return [];
  // An `lb1:` value ends with its line, so it carries no pictures (an ephemeral message has none).
  const value = (action: PageAction) => (carry === 'value' ? pageValue(askerId, withLine(ids[action], line)) : pageValue(askerId, ids[action], files));
  const button = (action: PageAction, label: string, style?: 'primary' | 'danger') => ({
    type: 'button', action_id: `${PAGE_ACTION_PREFIX}${action}`, text: { type: 'plain_text', text: label }, value: value(action), ...(style ? { style } : {}),
  });
  const buttons = [
    ...(showing === 'page' && step > 0 ? [button('prev', 'Previous')] : []),
    ...(showing === 'page' && step < count - 1 ? [button('next', 'Next', 'primary')] : []),
    ...(showing === 'page' ? [button('all', 'All steps')] : [button('prev', 'One at a time')]),
    button('delete', 'Delete', 'danger'),
  ];
  return [lineBlock(line), { type: 'actions', elements: buttons }];
}

/** A derivation on Slack: one step per message, with its picture, and Previous / Next / All, updated in place. */
export function deriveMessage(reply: Reply, askerId: string, step: number, showing: 'page' | 'all' = 'page', files: StepFiles = [], carry: LineCarrier = 'message'): SlackMessage {
  const steps = reply.steps ?? [];
  const line = reply.paging?.line;
  const at = Math.min(Math.max(0, step), steps.length - 1);
  const head = replyToBlocks(reply).blocks;
  const pageable = line !== undefined && pageButtons(line, 0, steps.length, carry === 'value' ? VALUE_LINE_MAX : undefined) !== undefined;
  const view = pageable ? showing : 'all';
  const body = view === 'all' ? steps.flatMap((s, i) => stepBlocks(s, i, steps.length, files[i])) : stepBlocks(steps[at] ?? { title: '', text: '' }, at, steps.length, files[at]);
  const blocks = [...head, ...body, ...(pageable && line ? actions(line, askerId, at, steps.length, view, files, carry) : [])];
  const current = steps[at];
  const text = truncate(`${reply.title}: step ${at + 1} of ${steps.length}${current ? `, ${current.title}` : ''}\n${toMrkdwn(reply.summary)}`, SLACK_LIMITS.fallbackText);
  return { text, blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}
