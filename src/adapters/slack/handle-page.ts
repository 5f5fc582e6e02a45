import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Lossbot } from '../../app.js';
import { messages } from '../../core/messages.js';
import { deriveMessage, readPageValue } from './derive-blocks.js';
import { errorMessage } from './reply-to-blocks.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * Previous / Next / All / Delete on a derivation. The value holds who asked and the request, so
 * nothing is stored: the derivation is recomputed, as text (its images were uploaded with the
 * first answer), and the message replaced through the action's response_url. Others get an
 * ephemeral hint instead.
 */
export async function handlePage(args: ActionArgs, bot: Lossbot): Promise<void> {
  const { ack, action, body, respond } = args;
  await ack();
  const page = readPageValue(action.value ?? '');
  if (!page) return;
  if (page.askerId !== body.user.id) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: messages.notYourPages(page.request.line) });
    return;
  }
  if (page.request.action === 'delete') {
    await respond({ delete_original: true });
    return;
  }
  const admission = bot.guard.admit({ platform: 'slack', command: 'derive', userId: `${body.team?.id ?? ''}:${body.user.id}`, channelId: body.channel?.id });
  if (!admission.ok) {
    await respond({ ...errorMessage(admission.reply), replace_original: false });
    return;
  }
  const reply = await admission.ticket.run((ctx) => bot.dispatcher.handleLine(page.request.line, ctx), bot.context('light', { pictures: false }));
  if (!reply.ok) {
    await respond({ ...errorMessage(reply), replace_original: false });
    return;
  }
  const message = deriveMessage(reply, page.askerId, page.request.step, page.request.action === 'all' ? 'all' : 'page');
  await respond({ replace_original: true, text: message.text, blocks: message.blocks });
}
