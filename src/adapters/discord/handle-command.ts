import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { Lossbot } from '../../app.js';
import type { PlatformVerbs } from '../../core/platform-verbs.js';
import type { Reply } from '../../core/reply.js';
import { attachmentReader } from './csv-attachment.js';
import { derivePage } from './derive-pages.js';
import type { DiscordConfig } from './discord-config.js';
import { DISCORD_LIMITS } from './discord-limits.js';
import { withProblemButtons } from './practice-buttons.js';
import { errorText, replyToMessage } from './reply-to-message.js';

/** What the answer looks like on Discord: a paged derivation, or one message with its charts (and a problem's buttons). */
export function answerMessage(reply: Reply) {
  return reply.steps && reply.steps.length > 0 ? derivePage(reply, 0) : withProblemButtons(replyToMessage(reply), reply);
}

/**
 * A slash command through the core's request protocol. Discord's verbs: bad input and refusals
 * are an ephemeral reply at once; otherwise a deferral (Discord allows 3 s), then the answer as an
 * edit of it. The CSV attachment is downloaded by the core only after admission and the deferral.
 */
export async function handleCommand(interaction: ChatInputCommandInteraction, bot: Lossbot, config: Pick<DiscordConfig, 'attachmentOrigin'>): Promise<void> {
  const attachment = interaction.options.getAttachment('file', false);
  const options = interaction.options.data.map((option) => ({
    name: option.name,
    value: option.attachment ? option.attachment.name : String(option.value ?? ''),
  }));
  const verbs: PlatformVerbs = {
    reject: (reply) => interaction.reply({ content: errorText(reply), flags: MessageFlags.Ephemeral }).then(() => undefined),
    // A personal answer (a checked answer, one's own figures) is deferred ephemerally: Discord fixes a reply's visibility at the deferral.
    acknowledge: ({ personal }) => interaction.deferReply(personal ? { flags: MessageFlags.Ephemeral } : {}).then(() => undefined),
    readFile: attachmentReader(attachment, config),
    deliver: (reply) => interaction.editReply(answerMessage(reply)).then(() => undefined),
    apologize: (reply) => apologize(interaction, reply),
  };
  // A derivation opens on its first step (derive-pages.ts); the others are typeset when paged to.
  await bot.serve(
    {
      platform: 'discord', userId: interaction.user.id, serverId: interaction.guildId ?? '', channelId: interaction.channelId, theme: 'dark', showStep: 0,
      // Manage Server, from the interaction itself: default_member_permissions is per command, and
      // every student must be able to run /lossbot help and forget-me (commands/lossbot.ts).
      canManage: async () => interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
      // Discord cuts a pasted value at its cap; the core refuses a value that long as possibly cut off.
      input: { command: interaction.commandName, options, valueCap: { chars: DISCORD_LIMITS.optionValue, platform: 'Discord' } },
    },
    verbs,
  );
}

/**
 * A final answer that is not the result, after the public deferral. A restart notice replaces the
 * placeholder in one call (a shutdown may owe many of them), as does anything said to a personal
 * (ephemeral) deferral; anything about the student's own
 * input is shown to them alone: the placeholder is removed and the message follows ephemerally.
 */
async function apologize(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
  const content = errorText(reply);
  if (reply.error?.code === 'restarting' || interaction.ephemeral) {
    await interaction.editReply({ content, embeds: [], files: [], components: [] });
    return;
  }
  await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
}
