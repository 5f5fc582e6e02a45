import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../core/logger.js';
import { errorCode, NOT_HERE } from './post-answer.js';
import type { SlackMessage } from './reply-to-blocks.js';
import { SLACK_LIMITS } from './slack-limits.js';

/** chat.postEphemeral's own refusal when the person is not (or no longer) in the channel. */
const NOT_THERE = new Set([...NOT_HERE, 'user_not_in_channel']);

const DM_NOTE = 'I cannot post in the channel of this problem, so your answer comes here. Invite me there (`/invite @lossbot`) to get it in the channel.';

/**
 * An answer only its asker sees, with no response_url to hand (a modal's submission has none):
 * an ephemeral message in the problem's channel, or where the bot may not post there, a direct
 * message (chat.postMessage to the user id opens the app's DM). A failure of both is thrown, so
 * the request's log line records it as undelivered: never dropped silently.
 */
export async function postPrivately(args: { client: WebClient; channelId: string; userId: string; message: SlackMessage; logger: Logger }): Promise<void> {
  const { client, channelId, userId, message, logger } = args;
  if (channelId) {
    try {
      await client.chat.postEphemeral({ channel: channelId, user: userId, text: message.text, blocks: message.blocks });
      return;
    } catch (error) {
      const code = errorCode(error);
      if (!NOT_THERE.has(code)) throw error;
      logger.info({ code }, 'cannot answer ephemerally in the channel; answering in a direct message');
    }
  }
  const note = channelId ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: DM_NOTE }] }] : [];
  await client.chat.postMessage({ channel: userId, text: message.text, blocks: [...message.blocks.slice(0, SLACK_LIMITS.blocks - note.length), ...note] });
}
