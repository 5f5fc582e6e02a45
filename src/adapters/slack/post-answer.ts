import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../core/logger.js';
import type { Reply } from '../../core/reply.js';
import { deriveMessage } from './derive-blocks.js';
import { replyToBlocks, type SlackMessage } from './reply-to-blocks.js';

/** Errors meaning the bot cannot post or upload where the command was typed. */
const NOT_HERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'cannot_dm_bot']);
export const INVITE_HINT = 'Invite me to this channel (`/invite @lossbot`) to get the charts here.';

function errorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : error instanceof Error ? error.message : String(error);
}

export function answerMessage(reply: Reply, askerId: string): SlackMessage {
  return reply.steps && reply.steps.length > 0 ? deriveMessage(reply, askerId, 0) : replyToBlocks(reply);
}

/**
 * Posts the answer in the channel, then uploads its PNGs there (files.uploadV2). Where the bot
 * may not post (often: it was never invited), the answer goes through the command's response_url
 * instead, with a hint; where only the upload fails, the user is told why. Nothing is dropped
 * silently. This uses at most 2 of a response_url's 5 posts.
 */
export async function postAnswer(args: { client: WebClient; respond: RespondFn; channelId: string; askerId: string; reply: Reply; logger: Logger }): Promise<void> {
  const { client, respond, channelId, reply, logger } = args;
  const message = answerMessage(reply, args.askerId);
  try {
    await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks });
  } catch (error) {
    const code = errorCode(error);
    if (!NOT_HERE.has(code)) throw error;
    logger.info({ code }, 'cannot post in the channel; answering through response_url');
    const hint = reply.images.length > 0 ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: INVITE_HINT }] }] : [];
    await respond({ response_type: 'in_channel', text: message.text, blocks: [...message.blocks, ...hint] });
    return;
  }
  if (reply.images.length === 0) return;
  try {
    await client.files.uploadV2({
      channel_id: channelId,
      file_uploads: reply.images.map((image) => ({
        file: Buffer.from(image.png.buffer, image.png.byteOffset, image.png.byteLength),
        filename: image.filename,
        title: image.filename.replace(/\.png$/, ''),
        alt_text: image.alt.slice(0, 1000),
      })),
    });
  } catch (error) {
    const code = errorCode(error);
    logger.warn({ code }, 'chart upload failed; telling the user');
    await respond({ response_type: 'ephemeral', text: NOT_HERE.has(code) ? `The numbers are above, but I could not upload the charts here. ${INVITE_HINT}` : `The numbers are above, but the chart upload failed (${code}); try again in a moment.` });
  }
}
