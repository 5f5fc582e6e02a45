import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Lossbot } from '../../app.js';
import type { Logger } from '../../core/logger.js';
import type { RawOption } from '../../core/parse-text.js';
import type { Reply } from '../../core/reply.js';
import { userErrorReply } from '../../core/dispatch.js';
import { attachmentReader } from './csv-attachment.js';
import { derivePage } from './derive-pages.js';
import { errorText, replyToMessage } from './reply-to-message.js';

/** What the answer looks like on Discord: a paged derivation, or one message with its charts. */
export function answerMessage(reply: Reply) {
  return reply.steps && reply.steps.length > 0 ? derivePage(reply, 0) : replyToMessage(reply);
}

/**
 * A slash command. Bad input is answered at once, ephemerally, with the sentence and the usage;
 * then the guard (rate limits, busy); only then the deferral, which Discord needs within 3 s, and
 * the answer as an edit. A command with a CSV attachment defers first: downloading it may take
 * longer than Discord waits.
 */
export async function handleCommand(interaction: ChatInputCommandInteraction, bot: Lossbot, logger: Logger): Promise<void> {
  const attachment = interaction.options.getAttachment('file', false);
  const options: RawOption[] = interaction.options.data.map((option) => ({
    name: option.name.toLowerCase(),
    value: option.attachment ? option.attachment.name : String(option.value ?? ''),
  }));
  // A derivation opens on its first step (derive-pages.ts); the others are typeset when paged to.
  const ctx = bot.context('dark', { readCsv: attachmentReader(attachment), showStep: 0 });
  if (attachment) await interaction.deferReply();
  const prepared = await bot.dispatcher.prepare(interaction.commandName, options, ctx);
  if (!prepared.ok) {
    await privately(interaction, userErrorReply(interaction.commandName, prepared.error, bot.dispatcher.registry.get(interaction.commandName)));
    return;
  }
  const admission = bot.guard.admit({ platform: 'discord', command: interaction.commandName, userId: interaction.user.id, channelId: interaction.channelId });
  if (!admission.ok) {
    await privately(interaction, admission.reply);
    return;
  }
  try {
    if (!interaction.deferred) await interaction.deferReply();
  } catch (error) {
    admission.ticket.cancel();
    throw error;
  }
  const reply = await admission.ticket.run(prepared.value.run, ctx);
  if (!reply.ok) {
    logger.debug({ code: reply.error?.code }, 'answered with an error');
    await privately(interaction, reply);
    return;
  }
  await interaction.editReply(answerMessage(reply));
}

/**
 * An ephemeral answer: a reply if nothing was sent yet; after a public deferral, the placeholder
 * is removed and the message follows ephemerally, so a mistake is not shown to the channel.
 */
export async function privately(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
  const content = errorText(reply);
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
}
