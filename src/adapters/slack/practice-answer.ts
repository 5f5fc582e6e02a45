import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Lossbot } from '../../app.js';
import type { Logger } from '../../core/logger.js';
import { answerLine } from '../../core/problem-actions.js';
import type { Reply } from '../../core/reply.js';
import { truncate } from '../../core/truncate.js';
import { answerMessage } from './post-answer.js';
import { postPrivately } from './practice-delivery.js';
import { ANSWER_BLOCK_ID, readAnswerSubmission } from './practice-modal.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** An error under the modal's input; Slack shows it as plain text, so it stays one short sentence. */
const ERROR_MAX = 300;

/**
 * The answer modal's submission: the typed value goes through the core's protocol as the line
 * `/answer id=… value=…`, like a typed command, so the attempt is kept and the rate limits apply.
 * What the core refuses before acknowledging (a value that is not a number, a rate limit) is
 * shown in the modal itself, under the box, so the student fixes it in place; otherwise the
 * acknowledgement closes the modal and the verdict follows ephemerally in the problem's channel
 * (practice-delivery.ts). A submission has no response_url, so the Web API posts it.
 */
export async function handleAnswerSubmission(args: ViewArgs, bot: Lossbot, logger: Logger): Promise<void> {
  const { ack, body, view, client } = args;
  const target = readAnswerSubmission(view);
  if (!target) {
    await ack();
    return;
  }
  const team = body.team?.id ?? body.user.team_id ?? '';
  const userId = body.user.id;
  const inModal = (reply: Reply) => ack({ response_action: 'errors', errors: { [ANSWER_BLOCK_ID]: truncate(reply.error?.message ?? reply.summary, ERROR_MAX) } });
  const privately = (reply: Reply) => postPrivately({ client, channelId: target.channelId, userId, message: answerMessage(reply, userId, [], 'value'), logger });
  await bot.serve(
    {
      platform: 'slack',
      userId: `${team}:${userId}`,
      serverId: team,
      channelId: target.channelId ? `${team}:${target.channelId}` : undefined,
      input: { line: answerLine(target.problemId, target.typed) },
      theme: 'light',
      pictures: false,
    },
    {
      reject: inModal,
      acknowledge: () => ack(),
      deliver: privately,
      apologize: privately,
    },
  );
}
