import { problemActionId, readProblemActionId, type ProblemAction } from '../../core/problem-actions.js';
import type { ReplyProblem } from '../../core/reply.js';
import { truncate } from '../../core/truncate.js';
import type { Block, SlackMessage } from './reply-to-blocks.js';
import { SLACK_LIMITS } from './slack-limits.js';

/** Every problem button's action_id starts with this; the handlers match on it. */
export const PROBLEM_ACTION_PREFIX = 'lossbot_problem_';

/** Slack: a plain_text_input's placeholder holds at most 150 characters. */
const PLACEHOLDER_MAX = 150;

const LABELS: Record<ProblemAction, string> = { answer: 'Answer', hint: 'Hint', solution: 'Solution' };

/**
 * A button's value: the problem's id (core/problem-actions.ts), and for Answer what the box asks
 * for ("nats, 3 decimals"), so the modal's placeholder needs no second look at the problem.
 */
function buttonValue(action: ProblemAction, problem: ReplyProblem): string {
  const id = problemActionId(action, problem.id);
  return action === 'answer' ? `${id}|${truncate(problem.expects, PLACEHOLDER_MAX)}` : id;
}

/** Answer (a box to type the value in), Hint and Solution under a practice problem. */
export function problemActions(problem: ReplyProblem): Block {
  const button = (action: ProblemAction) => ({
    type: 'button',
    action_id: `${PROBLEM_ACTION_PREFIX}${action}`,
    text: { type: 'plain_text', text: LABELS[action] },
    value: buttonValue(action, problem),
    ...(action === 'answer' ? { style: 'primary' } : {}),
  });
  return { type: 'actions', block_id: 'lossbot_problem', elements: [button('answer'), button('hint'), button('solution')] };
}

/** The problem's buttons go last and always fit: the blocks before them give way (Slack: 50 a message). */
export function withProblemActions(message: SlackMessage, problem: ReplyProblem): SlackMessage {
  return { text: message.text, blocks: [...message.blocks.slice(0, SLACK_LIMITS.blocks - 1), problemActions(problem)] };
}

export interface ProblemClick {
  action: ProblemAction;
  problemId: string;
  /** What the answer box asks for; '' when the value did not say. */
  expects: string;
}

/** undefined for a value that is not one of ours (another app's, a tampered one). */
export function readProblemClick(value: string): ProblemClick | undefined {
  const bar = value.indexOf('|');
  const read = readProblemActionId(bar < 0 ? value : value.slice(0, bar));
  if (!read) return undefined;
  return { ...read, expects: bar < 0 ? '' : truncate(value.slice(bar + 1).replace(/\s+/g, ' ').trim(), PLACEHOLDER_MAX) };
}
