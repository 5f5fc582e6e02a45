import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData, type ModalSubmitInteraction } from 'discord.js';
import { problemActionId, readProblemActionId } from '../../core/problem-actions.js';
import { truncate } from '../../core/truncate.js';
import { DISCORD_LIMITS } from './discord-limits.js';

/** The one text input's id; the modal's own id is the Answer button's, so it carries the problem id. */
const VALUE_INPUT = 'value';
/** A number as a student types it ("-0.163", "16.3%", "0.163 nats") fits easily; more is not an answer. */
const VALUE_MAX_LENGTH = 40;
/** When the clicked message says nothing of the unit; never an example number, which could be the answer. */
const PLAIN_PLACEHOLDER = 'One number';

/**
 * The answer box an Answer button opens. Discord: a modal must be the first response to the click
 * (no deferral before it), its title and the input's label are at most 45 characters.
 */
export function answerModal(problemId: string, expects: string | undefined): APIModalInteractionResponseCallbackData {
  return {
    custom_id: problemActionId('answer', problemId),
    title: truncate(`Answer ${problemId}`, DISCORD_LIMITS.modalTitle),
    components: [{
      type: ComponentType.ActionRow,
      components: [{
        type: ComponentType.TextInput,
        custom_id: VALUE_INPUT,
        label: truncate('Your answer', DISCORD_LIMITS.textInputLabel),
        style: TextInputStyle.Short,
        required: true,
        max_length: VALUE_MAX_LENGTH,
        placeholder: truncate(expects ?? PLAIN_PLACEHOLDER, DISCORD_LIMITS.textInputPlaceholder),
      }],
    }],
  };
}

/** The problem id and what was typed, or undefined for a modal that is not our answer box. */
export function readAnswerModal(interaction: ModalSubmitInteraction): { problemId: string; typed: string } | undefined {
  const id = readProblemActionId(interaction.customId);
  if (id?.action !== 'answer') return undefined;
  // A submission without the input (another client, a tampered payload) reads as an empty box.
  const field = interaction.fields.fields.get(VALUE_INPUT);
  const typed = field && 'value' in field && typeof field.value === 'string' ? field.value : '';
  return { problemId: id.problemId, typed };
}
