import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Lossbot } from '../../app.js';
import type { Logger } from '../../core/logger.js';
import { answerMessage, postAnswer } from './post-answer.js';
import type { Reply } from '../../core/reply.js';
import { errorMessage } from './reply-to-blocks.js';
import { mayManage } from './workspace-admin.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * A slash command through the core's request protocol. Slack's verbs: bad input and refusals are
 * the acknowledgement itself, as an ephemeral response (Slack allows 3 s); a valid request is
 * acknowledged at once, answered in the channel afterwards, and an error after that goes to the
 * asker alone through the response_url. A personal answer (a checked answer, one's own figures)
 * goes through the response_url too, ephemerally, without pictures: an ephemeral message cannot
 * carry uploads.
 */
export async function handleCommand(args: CommandArgs, bot: Lossbot, logger: Logger, adminUsers: readonly string[] = []): Promise<void> {
  const { command, ack, respond, client } = args;
  await bot.serve(
    {
      platform: 'slack',
      userId: `${command.team_id}:${command.user_id}`,
      serverId: command.team_id,
      channelId: `${command.team_id}:${command.channel_id}`,
      channelName: command.channel_name,
      // Asked of Slack only when someone changes a setting (users.info is an API call).
      canManage: () => mayManage(client, command.user_id, adminUsers, logger),
      input: { command: command.command, text: command.text },
      theme: 'light',
      personalPictures: false,
    },
    {
      reject: (reply) => ack(errorMessage(reply)),
      acknowledge: () => ack(),
      deliver: (reply, { personal }) => (personal
        ? respondPrivately(respond, reply, command.user_id)
        : postAnswer({ client, respond, channelId: command.channel_id, askerId: command.user_id, reply, logger })),
      apologize: (reply) => respond(errorMessage(reply)).then(() => undefined),
    },
  );
}

function respondPrivately(respond: CommandArgs['respond'], reply: Reply, askerId: string): Promise<void> {
  const message = answerMessage(reply, askerId, [], 'value');
  return respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks }).then(() => undefined);
}
