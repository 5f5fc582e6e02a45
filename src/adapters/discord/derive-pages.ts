import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed } from 'discord.js';
import { pageButtons, type PageAction } from '../../core/paging.js';
import type { Reply, ReplyImage, ReplyStep } from '../../core/reply.js';
import { DISCORD_LIMITS } from './discord-limits.js';
import { truncate } from '../../core/truncate.js';
import { imageFile, type DiscordFile, type DiscordMessage } from './reply-to-message.js';

const COLOUR = 0x5865f2;

function stepEmbed(reply: Reply, step: ReplyStep, index: number, files: DiscordFile[]): APIEmbed {
  const count = reply.steps?.length ?? 0;
  // With a typeset picture the equation is shown once, as the picture (its alt text carries the
  // words); the Unicode code block stands in only where there is no picture.
  const equation = step.unicode && !step.image ? `\n\`\`\`\n${step.unicode}\n\`\`\`` : '';
  const embed: APIEmbed = {
    title: truncate(`Step ${index + 1} of ${count}: ${step.title}`, DISCORD_LIMITS.embedTitle),
    description: truncate(`${step.text}${equation}`, DISCORD_LIMITS.embedDescription),
    color: COLOUR,
  };
  if (step.image) {
    embed.image = { url: `attachment://${step.image.filename}` };
    files.push(imageFile(step.image));
  }
  return embed;
}

/** Images that belong to no step (the likelihood chart): shown on the first page and in "All". */
function extraImages(reply: Reply): ReplyImage[] {
  const inSteps = new Set((reply.steps ?? []).flatMap((s) => (s.image ? [s.image.filename] : [])));
  return reply.images.filter((image) => !inSteps.has(image.filename));
}

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** The line the page buttons re-run, in the last embed's footer: the click reads it back from the message. */
function carryLine(embeds: APIEmbed[], line: string | undefined): void {
  const last = embeds[embeds.length - 1];
  if (line && last) last.footer = { text: line };
}

function buttons(line: string, step: number, count: number, showing: 'page' | 'all'): Row[] {
  const ids = pageButtons(line, step, count);
  if (!ids) return [];
  const button = (action: PageAction, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger, disabled = false) =>
    ({ type: ComponentType.Button, custom_id: ids[action], label, style, disabled }) as const;
  return [{
    type: ComponentType.ActionRow,
    components: [
      button('prev', 'Previous', ButtonStyle.Secondary, showing === 'page' && step === 0),
      button('next', 'Next', ButtonStyle.Primary, showing === 'page' && step === count - 1),
      button('all', 'All steps', ButtonStyle.Secondary, showing === 'all'),
      button('delete', 'Delete', ButtonStyle.Danger),
    ],
  }];
}

/**
 * One step of a derivation per message, paged in place with Previous / Next / All buttons; the
 * message carries the request in a footer and the ids only the step (core/paging.ts). When the
 * request is too long even for a footer, every step is shown at once: nothing to page, nothing lost.
 */
export function derivePage(reply: Reply, step: number, showing: 'page' | 'all' = 'page'): DiscordMessage {
  const steps = reply.steps ?? [];
  const line = reply.paging?.line;
  const pageable = line !== undefined && pageButtons(line, 0, steps.length) !== undefined;
  if (showing === 'all' || !pageable) return allSteps(reply, pageable ? line : undefined, step);
  const at = Math.min(Math.max(0, step), steps.length - 1);
  const files: DiscordFile[] = [];
  const head: APIEmbed = { title: truncate(reply.title, DISCORD_LIMITS.embedTitle), description: truncate(reply.summary, 1500), color: COLOUR };
  const embeds = at === 0 ? [head] : [];
  const current = steps[at];
  if (current) embeds.push(stepEmbed(reply, current, at, files));
  if (at === 0) {
    for (const image of extraImages(reply)) {
      embeds.push({ color: COLOUR, image: { url: `attachment://${image.filename}` } });
      files.push(imageFile(image));
    }
  }
  carryLine(embeds, line);
  return { embeds, files, components: buttons(line, at, steps.length, 'page') };
}

function allSteps(reply: Reply, line: string | undefined, step: number): DiscordMessage {
  const files: DiscordFile[] = [];
  const steps = reply.steps ?? [];
  const head: APIEmbed = { title: truncate(reply.title, DISCORD_LIMITS.embedTitle), description: truncate(reply.summary, 1200), color: COLOUR };
  const embeds: APIEmbed[] = [head];
  // Discord: 10 embeds and 6000 characters per message; a derivation has 4-6 steps of ~400.
  let budget = DISCORD_LIMITS.embedsTotal - (head.title?.length ?? 0) - (head.description?.length ?? 0) - (line?.length ?? 0);
  steps.forEach((step, i) => {
    if (embeds.length >= DISCORD_LIMITS.embeds) return;
    const embed = stepEmbed(reply, step, i, files);
    const size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    if (size > budget) embed.description = truncate(embed.description ?? '', Math.max(40, budget - (embed.title?.length ?? 0)));
    budget -= (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    embeds.push(embed);
  });
  for (const image of extraImages(reply)) {
    if (embeds.length >= DISCORD_LIMITS.embeds) break;
    embeds.push({ color: COLOUR, image: { url: `attachment://${image.filename}` } });
    files.push(imageFile(image));
  }
  carryLine(embeds, line);
  return { embeds, files, components: line ? buttons(line, step, steps.length, 'all') : [] };
}
