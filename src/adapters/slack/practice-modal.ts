import type { types } from '@slack/bolt';
import { truncate } from '../../core/truncate.js';

/** The answer modal's callback_id: `app.view` matches its submissions on it. */
export const ANSWER_CALLBACK_ID = 'lossbot_answer';
/** The input block: a submission's value is read from it, and errors are shown under it. */
export const ANSWER_BLOCK_ID = 'lossbot_answer_value';
const ANSWER_ACTION_ID = 'value';

/** Slack caps a modal's title and its buttons at 24 characters, private_metadata at 3,000. */
const TITLE_MAX = 24;
const METADATA_MAX = 3000;

/** What the modal carries to its submission: the problem, and the channel the answer goes to ('' for none). */
export interface AnswerTarget {
  problemId: string;
  channelId: string;
}

export function answerModal(target: AnswerTarget, expects: string): types.ModalView {
  const metadata = JSON.stringify(target);
  return {
    type: 'modal',
    callback_id: ANSWER_CALLBACK_ID,
    private_metadata: metadata.length <= METADATA_MAX ? metadata : JSON.stringify({ problemId: target.problemId, channelId: '' }),
    title: { type: 'plain_text', text: truncate('Your answer', TITLE_MAX) },
    submit: { type: 'plain_text', text: 'Check' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Problem \`${target.problemId}\`: only you will see the verdict.` }] },
      {
        type: 'input',
        block_id: ANSWER_BLOCK_ID,
        label: { type: 'plain_text', text: 'Your answer' },
        element: { type: 'plain_text_input', action_id: ANSWER_ACTION_ID, ...(expects ? { placeholder: { type: 'plain_text', text: expects } } : {}) },
      },
    ],
  };
}

/** The submitted view's target and typed value; undefined when the metadata is not ours. */
export function readAnswerSubmission(view: { private_metadata?: string; state?: { values?: Record<string, Record<string, { value?: string | null }>> } }): (AnswerTarget & { typed: string }) | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(view.private_metadata ?? '');
  } catch {
    return undefined;
  }
  const { problemId, channelId } = (parsed ?? {}) as Partial<Record<keyof AnswerTarget, unknown>>;
  if (typeof problemId !== 'string' || typeof channelId !== 'string') return undefined;
  const typed = view.state?.values?.[ANSWER_BLOCK_ID]?.[ANSWER_ACTION_ID]?.value ?? '';
  return { problemId, channelId, typed };
}
