import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Lossbot } from '../../app.js';
import type { Logger } from '../../core/logger.js';
import { showLine } from '../../core/problem-actions.js';
import type { Reply } from '../../core/reply.js';
import { answerMessage, errorCode } from './post-answer.js';
import { readProblemClick, type ProblemClick } from './practice-blocks.js';
import { answerModal } from './practice-modal.js';
import { errorMessage } from './reply-to-blocks.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const noBox = (problemId: string, code: string) =>
  `The answer box did not open (${code}); answer with \`/answer id=${problemId} value=<number>\` instead.`;

/**
 * Answer, Hint or Solution under a practice problem; anyone in the channel may press them and
 * each answer goes to the presser alone. Answer opens a modal (its submission: practice-answer.ts);
 * Hint and Solution run `/answer … show=…` through the core's protocol and answer ephemerally
 * through the click's response_url, without pictures: an ephemeral message cannot show uploads,
 * so none are drawn.
 */
export async function handleProblemButton(args: ActionArgs, bot: Lossbot, logger: Logger): Promise<void> {
  const click = readProblemClick(args.action.value ?? '');
  if (!click) {
    await args.ack();
    return;
  }
  if (click.action === 'answer') await openAnswerBox(args, click, logger);
  else await showWorking(args, bot, click.problemId, click.action);
}

/** Slack: a trigger_id opens a modal within 3 s of the click, so the box opens before anything else. */
async function openAnswerBox(args: ActionArgs, click: ProblemClick, logger: Logger): Promise<void> {
  const { ack, body, client, respond } = args;
  await ack();
  const container = body.container as { channel_id?: unknown } | undefined;
  const channelId = body.channel?.id ?? (typeof container?.channel_id === 'string' ? container.channel_id : '');
  try {
    await client.views.open({ trigger_id: body.trigger_id, view: answerModal({ problemId: click.problemId, channelId }, click.expects) });
  } catch (error) {
    const code = errorCode(error);
    logger.warn({ code }, 'could not open the answer box');
    await respond({ response_type: 'ephemeral', replace_original: false, text: noBox(click.problemId, code) });
  }
}

async function showWorking(args: ActionArgs, bot: Lossbot, problemId: string, show: 'hint' | 'solution'): Promise<void> {
  const { ack, body, respond } = args;
  const team = body.team?.id ?? body.user.team_id ?? '';
  const privately = (reply: Reply) => respond({ ...errorMessage(reply), replace_original: false }).then(() => undefined);
  await bot.serve(
    {
      platform: 'slack',
      userId: `${team}:${body.user.id}`,
      serverId: team,
      channelId: body.channel ? `${team}:${body.channel.id}` : undefined,
      input: { line: showLine(problemId, show) },
      theme: 'light',
      pictures: false,
    },
    {
      // Slack wants every click acknowledged within 3 s, a refused one too; the reason follows.
      reject: async (reply) => {
        await ack();
        await privately(reply);
      },
      acknowledge: () => ack(),
      deliver: async (reply) => {
        const message = answerMessage(reply, body.user.id, [], 'value');
        await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
      },
      apologize: privately,
    },
  );
}
