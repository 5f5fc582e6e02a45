import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { Lossbot } from '../../app.js';
import { messages } from '../../core/messages.js';
import { readPageId } from '../../core/paging.js';
import { derivePage } from './derive-pages.js';
import { errorText } from './reply-to-message.js';

/**
 * Previous / Next / All / Delete on a derivation. The button id holds the request, so the
 * derivation is recomputed (only the step shown is typeset, often from the renderer's cache) and
 * the message is updated in place. Only the person who asked may page or delete.
 */
export async function handleButton(interaction: ButtonInteraction, bot: Lossbot): Promise<void> {
  const request = readPageId(interaction.customId);
  if (!request) return; // not one of ours
  const owner = interaction.message.interactionMetadata?.user.id;
  if (owner && owner !== interaction.user.id) {
    await interaction.reply({ content: messages.notYourPages(request.line), flags: MessageFlags.Ephemeral });
    return;
  }
  if (request.action === 'delete') {
    await interaction.deferUpdate();
    await interaction.deleteReply();
    return;
  }
  const admission = bot.guard.admit({ platform: 'discord', command: 'derive', userId: interaction.user.id, channelId: interaction.channelId });
  if (!admission.ok) {
    await interaction.reply({ content: errorText(admission.reply), flags: MessageFlags.Ephemeral });
    return;
  }
  // Discord: 3 s to answer a click; recomputing usually takes milliseconds, but not under load.
  await interaction.deferUpdate();
  const ctx = bot.context('dark', request.action === 'all' ? {} : { showStep: request.step });
  const reply = await admission.ticket.run((runCtx) => bot.dispatcher.handleLine(request.line, runCtx), ctx);
  if (!reply.ok) {
    await interaction.followUp({ content: errorText(reply), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.editReply({ ...derivePage(reply, request.step, request.action === 'all' ? 'all' : 'page'), attachments: [] });
}
