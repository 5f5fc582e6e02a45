import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed } from 'discord.js';
import { problemActionId } from '../../core/problem-actions.js';
import type { Reply } from '../../core/reply.js';
import { truncate } from '../../core/truncate.js';
import { DISCORD_LIMITS } from './discord-limits.js';
import type { DiscordMessage } from './reply-to-message.js';

/**
 * The answer box's placeholder travels in the problem message (its footer), as a derivation's line
 * does: an Answer click brings the message along, so the modal says what to type without a store
 * and without the adapter regenerating the problem.
 */
const EXPECTS_FOOTER = /^Answer in (.{1,100})$/s;

/** "nats, 3 decimals" as the problem message's footer. */
function expectsFooter(expects: string): APIEmbed['footer'] {
  return { text: truncate(`Answer in ${expects}`, DISCORD_LIMITS.textInputPlaceholder) };
}

/** What the answer box asks for, read back from the clicked message; undefined when it carries none. */
export function carriedExpects(embeds: ReadonlyArray<{ footer?: { text: string } | null }>): string | undefined {
  for (const embed of embeds) {
    const match = EXPECTS_FOOTER.exec(embed.footer?.text ?? '');
    if (match) return match[1];
  }
  return undefined;
}

/**
 * A practice problem's message: its embed with Answer, Hint and Solution. The ids hold only the
 * button and the problem id (core/problem-actions.ts), so anyone in the channel may press them,
 * on any process, after a restart too; each answer goes to the presser alone.
 */
export function withProblemButtons(message: DiscordMessage, reply: Reply): DiscordMessage {
  const problem = reply.problem;
  if (!problem) return message;
  const [main, ...rest] = message.embeds;
  const embeds = main ? [{ ...main, footer: expectsFooter(problem.expects) }, ...rest] : rest;
  const button = (action: 'answer' | 'hint' | 'solution', label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary) =>
    ({ type: ComponentType.Button, custom_id: problemActionId(action, problem.id), label, style }) as const;
  const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
    type: ComponentType.ActionRow,
    components: [button('answer', 'Answer', ButtonStyle.Primary), button('hint', 'Hint', ButtonStyle.Secondary), button('solution', 'Solution', ButtonStyle.Secondary)],
  };
  return { ...message, embeds, components: [...(message.components ?? []), row] };
}
