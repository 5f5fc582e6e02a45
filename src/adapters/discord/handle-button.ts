import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { Lossbot } from '../../app.js';
import { messages } from '../../core/messages.js';
import { carriedLine, readPageId } from '../../core/paging.js';
import { derivePage } from './derive-pages.js';
import { handleProblemButton } from './practice-answer.js';
import { errorText } from './reply-to-message.js';

/**
 * A practice problem's Answer / Hint / Solution (practice-answer.ts), or
 * Previous / Next / All / Delete on a derivation. The clicked message carries the request in an
 * embed footer (older messages: in the button id), so the derivation is recomputed through the core's protocol (only the step shown is typeset, often
 * from the renderer's cache) and the message is updated in place. Only the person who asked may
 * page or delete a derivation; a problem's buttons are for anyone in the channel.
 */
export async function handleButton(interaction: ButtonInteraction, bot: Lossbot): Promise<void> {
  if (await handleProblemButton(interaction, bot)) return;
  const click = readPageId(interaction.customId);
  if (!click) return; // not one of ours
  const line = click.line ?? carriedLine(interaction.message.embeds.map((embed) => embed.footer?.text)) ?? '';
  const request = { ...click, line };
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
  const showing = request.action === 'all' ? 'all' : 'page';
  const privately = (reply: Parameters<typeof errorText>[0]) => interaction.followUp({ content: errorText(reply), flags: MessageFlags.Ephemeral }).then(() => undefined);
  await bot.serve(
    {
      platform: 'discord', kind: 'click', userId: interaction.user.id, serverId: interaction.guildId ?? '', channelId: interaction.channelId, input: { line: request.line }, theme: 'dark',
      ...(showing === 'all' ? {} : { showStep: request.step }),
    },
    {
      reject: (reply) => interaction.reply({ content: errorText(reply), flags: MessageFlags.Ephemeral }).then(() => undefined),
      // Discord: 3 s to answer a click; recomputing usually takes milliseconds, but not under load.
      acknowledge: () => interaction.deferUpdate().then(() => undefined),
      deliver: (reply) => interaction.editReply({ ...derivePage(reply, request.step, showing), attachments: [] }).then(() => undefined),
      apologize: privately,
    },
  );
}
