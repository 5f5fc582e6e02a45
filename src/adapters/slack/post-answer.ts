import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../core/logger.js';
import type { Reply, ReplyImage } from '../../core/reply.js';
import { deriveMessage, type LineCarrier, type StepFiles } from './derive-blocks.js';
import { withProblemActions } from './practice-blocks.js';
import { replyToBlocks, type SlackMessage } from './reply-to-blocks.js';

/** Errors meaning the bot cannot post or upload where the command was typed. */
export const NOT_HERE: ReadonlySet<string> = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'cannot_dm_bot']);
export const INVITE_HINT = 'Invite me to this channel (`/invite @lossbot`) to get the charts here.';

export function errorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : error instanceof Error ? error.message : String(error);
}

/** The message of an answer: a derivation pages; a practice problem gets its Answer, Hint and Solution buttons. */
export function answerMessage(reply: Reply, askerId: string, files: StepFiles = [], carry: LineCarrier = 'message'): SlackMessage {
  const message = reply.steps && reply.steps.length > 0 ? deriveMessage(reply, askerId, 0, 'page', files, carry) : replyToBlocks(reply);
  return reply.problem ? withProblemActions(message, reply.problem) : message;
}

const fileUpload = (image: ReplyImage) => ({
  file: Buffer.from(image.png.buffer, image.png.byteOffset, image.png.byteLength),
  filename: image.filename,
  title: image.filename.replace(/\.png$/, ''),
  alt_text: image.alt.slice(0, 1000),
});

/**
 * Uploads the steps' pictures without sharing them to a channel, so each appears in the message
 * beside its own step (an `image` block by file id) instead of as one detached gallery.
 * files.uploadV2 answers `{ files: [{ files: [{ id }] }] }`: one completion per channel, its
 * files in the order given.
 */
async function uploadStepPictures(client: WebClient, reply: Reply): Promise<StepFiles> {
  const steps = reply.steps ?? [];
  const images = steps.flatMap((step) => (step.image ? [step.image] : []));
  if (images.length === 0) return [];
  const result = (await client.files.uploadV2({ file_uploads: images.map(fileUpload) })) as { files?: Array<{ files?: Array<{ id?: string }> }> };
  const ids = (result.files ?? []).flatMap((completion) => completion.files ?? []).map((file) => file.id ?? '');
  const byName = new Map(images.map((image, i) => [image.filename, ids[i] ?? '']));
  return steps.map((step) => (step.image ? byName.get(step.image.filename) ?? '' : ''));
}

/**
 * Posts the answer in the channel, then uploads its PNGs there (files.uploadV2); a derivation's
 * step pictures are uploaded first and shown inside the message, step by step. Where the bot
 * may not post (often: it was never invited), the answer goes through the command's response_url
 * instead, with a hint; where only the upload fails, the user is told why. Nothing is dropped
 * silently. This uses at most 2 of a response_url's 5 posts.
 */
export async function postAnswer(args: { client: WebClient; respond: RespondFn; channelId: string; askerId: string; reply: Reply; logger: Logger }): Promise<void> {
  const { client, respond, channelId, reply, logger } = args;
  let files: StepFiles = [];
  let failedUpload: unknown;
  try {
    files = await uploadStepPictures(client, reply);
  } catch (error) {
    failedUpload = error;
  }
  const stepPictures = new Set((reply.steps ?? []).flatMap((step) => (step.image ? [step.image.filename] : [])));
  const message = answerMessage(reply, args.askerId, files);
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
  const rest = reply.images.filter((image) => !stepPictures.has(image.filename));
  try {
    if (failedUpload !== undefined) throw failedUpload;
    if (rest.length === 0) return;
    await client.files.uploadV2({ channel_id: channelId, file_uploads: rest.map(fileUpload) });
  } catch (error) {
    const code = errorCode(error);
    logger.warn({ code }, 'chart upload failed; telling the user');
    await respond({ response_type: 'ephemeral', text: NOT_HERE.has(code) ? `The numbers are above, but I could not upload the charts here. ${INVITE_HINT}` : `The numbers are above, but the chart upload failed (${code}); try again in a moment.` });
  }
}
