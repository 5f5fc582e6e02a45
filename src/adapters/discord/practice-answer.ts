import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { Lossbot } from '../../app.js';
import { answerLine, readProblemActionId, showLine } from '../../core/problem-actions.js';
import { answerMessage } from './handle-command.js';
import { carriedExpects } from './practice-buttons.js';
import { answerModal, readAnswerModal } from './practice-modal.js';
import { errorText } from './reply-to-message.js';

/**
 * An /answer line for the one who pressed or submitted, through the core's protocol exactly as
 * the command: admitted, rate limited and kept as progress (kind 'command'). Every verb answers
 * ephemerally, so a classmate's check, hint or solution never spoils the channel's problem;
 * Discord fixes a reply's visibility at the deferral. A worked solution opens on its first step
 * with the derivation's page buttons.
 */
async function answerPrivately(interaction: ButtonInteraction | ModalSubmitInteraction, bot: Lossbot, line: string): Promise<void> {
  await bot.serve(
    {
      platform: 'discord', kind: 'command', userId: interaction.user.id, serverId: interaction.guildId ?? '', channelId: interaction.channelId ?? undefined,
      input: { line }, theme: 'dark', showStep: 0,
    },
    {
      reject: (reply) => interaction.reply({ content: errorText(reply), flags: MessageFlags.Ephemeral }).then(() => undefined),
      acknowledge: () => interaction.deferReply({ flags: MessageFlags.Ephemeral }).then(() => undefined),
      deliver: (reply) => interaction.editReply(answerMessage(reply)).then(() => undefined),
      apologize: (reply) => interaction.editReply({ content: errorText(reply), embeds: [], files: [], components: [] }).then(() => undefined),
    },
  );
}

/**
 * Answer, Hint or Solution on a problem message; false for an id that is not a problem's. Anyone
 * in the channel may press them: that is how classmates try the same problem.
 */
export async function handleProblemButton(interaction: ButtonInteraction, bot: Lossbot): Promise<boolean> {
  const click = readProblemActionId(interaction.customId);
  if (!click) return false;
  if (click.action === 'answer') await interaction.showModal(answerModal(click.problemId, carriedExpects(interaction.message.embeds)));
  else await answerPrivately(interaction, bot, showLine(click.problemId, click.action));
  return true;
}

/** A submitted answer box: checked as `/answer id=… value=…` would be. */
export async function handleAnswerModal(interaction: ModalSubmitInteraction, bot: Lossbot): Promise<void> {
  const submitted = readAnswerModal(interaction);
  if (!submitted) return; // not one of ours
  await answerPrivately(interaction, bot, answerLine(submitted.problemId, submitted.typed));
}
