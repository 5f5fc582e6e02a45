import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Lossbot } from '../../app.js';
import { messages } from '../../core/messages.js';
import type { Reply } from '../../core/reply.js';
import { deriveMessage, readLineBlock, readPageValue, type LineCarrier } from './derive-blocks.js';
import { errorMessage } from './reply-to-blocks.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * Previous / Next / All / Delete on a derivation. The value holds who asked, the step and the
 * step pictures' file ids; the clicked message holds the request (a context block; older
 * messages: the value). Nothing is stored: the derivation is recomputed through the core's
 * protocol without drawing (the pictures were uploaded with the first answer), and the message
 * replaced through the action's response_url. Others get an ephemeral hint instead.
 */
export async function handlePage(args: ActionArgs, bot: Lossbot): Promise<void> {
  const { ack, action, body, respond } = args;
  const value = readPageValue(action.value ?? '');
  const page = value && { askerId: value.askerId, files: value.files, request: { ...value.click, line: value.click.line ?? readLineBlock(body.message?.blocks) ?? '' } };
  if (!page || page.askerId !== body.user.id || page.request.action === 'delete') {
    await ack();
    if (!page) return;
    if (page.askerId !== body.user.id) await respond({ response_type: 'ephemeral', replace_original: false, text: messages.notYourPages(page.request.line) });
    else await respond({ delete_original: true });
    return;
  }
  const privately = (reply: Reply) => respond({ ...errorMessage(reply), replace_original: false }).then(() => undefined);
  const showing = page.request.action === 'all' ? 'all' : 'page';
  // Slack sends a click on an ephemeral message without the message: its line came in the value, and stays there.
  const ephemeral = (body.container as { is_ephemeral?: unknown } | undefined)?.is_ephemeral === true;
  const carry: LineCarrier = body.message && !ephemeral ? 'message' : 'value';
  await bot.serve(
    { platform: 'slack', kind: 'click', userId: `${body.team?.id ?? ''}:${body.user.id}`, serverId: body.team?.id ?? '', channelId: body.channel ? `${body.team?.id ?? ''}:${body.channel.id}` : undefined, input: { line: page.request.line }, theme: 'light', pictures: false },
    {
      // Slack wants every click acknowledged within 3 s, a refused one too; the reason follows.
      reject: async (reply) => {
        await ack();
        await privately(reply);
      },
      acknowledge: () => ack(),
      deliver: async (reply) => {
        const message = deriveMessage(reply, page.askerId, page.request.step, showing, page.files, carry);
        await respond({ replace_original: true, text: message.text, blocks: message.blocks });
      },
      apologize: privately,
    },
  );
}
