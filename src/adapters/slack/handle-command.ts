import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Lossbot } from '../../app.js';
import { userErrorReply } from '../../core/dispatch.js';
import { LIMITS } from '../../core/limits.js';
import type { Logger } from '../../core/logger.js';
import { messages } from '../../core/messages.js';
import { parseOptionText } from '../../core/parse-text.js';
import { userError } from '../../core/user-error.js';
import { postAnswer } from './post-answer.js';
import { errorMessage } from './reply-to-blocks.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * A slash command. Slack wants the acknowledgement within 3 s: bad input and refusals (rate
 * limit, busy) are the acknowledgement itself, as an ephemeral response; a valid request is
 * acknowledged at once and answered afterwards.
 */
export async function handleCommand(args: CommandArgs, bot: Lossbot, logger: Logger): Promise<void> {
  const { command, ack, respond, client } = args;
  const name = command.command.replace(/^\//, '').toLowerCase();
  const registered = bot.dispatcher.registry.get(name);
  if (command.text.length > LIMITS.commandChars) {
    await ack(errorMessage(userErrorReply(name, userError('too-many-values', messages.commandTooLong(command.text.length, LIMITS.commandChars)), registered)));
    return;
  }
  const options = parseOptionText(command.text);
  if (!options.ok) {
    await ack(errorMessage(userErrorReply(name, options.error, registered)));
    return;
  }
  const ctx = bot.context('light');
  const prepared = await bot.dispatcher.prepare(name, options.value, ctx);
  if (!prepared.ok) {
    await ack(errorMessage(userErrorReply(name, prepared.error, registered)));
    return;
  }
  const admission = bot.guard.admit({ platform: 'slack', command: name, userId: `${command.team_id}:${command.user_id}`, channelId: `${command.team_id}:${command.channel_id}` });
  if (!admission.ok) {
    await ack(errorMessage(admission.reply));
    return;
  }
  try {
    await ack();
  } catch (error) {
    admission.ticket.cancel();
    throw error;
  }
  const reply = await admission.ticket.run(prepared.value.run, ctx);
  if (!reply.ok) {
    await respond(errorMessage(reply));
    return;
  }
  await postAnswer({ client, respond, channelId: command.channel_id, askerId: command.user_id, reply, logger });
}
